/**
 * Word documents (.docx): raw text with mammoth, one paragraph per line. A password-protected .docx is not a zip but
 * an OLE container, as is a legacy .doc renamed: both are refused with a message saying so.
 */
import mammoth from "mammoth";

import { BadRequestError } from "../../errors.js";

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

export async function readDocx(file: string, bytes: Uint8Array): Promise<string> {
  if (startsWith(bytes, OLE_SIGNATURE)) {
    throw new BadRequestError(`${file}: the document is encrypted (password-protected) or a legacy .doc file; save it as an unprotected .docx`);
  }
  if (!startsWith(bytes, ZIP_SIGNATURE)) throw new BadRequestError(`${file}: not a .docx file (it is not a zip package)`);
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch (err) {
    throw new BadRequestError(`${file}: not a readable .docx (${(err as Error).message})`);
  }
}
