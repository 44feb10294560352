/**
 * Word documents (.docx): raw text with mammoth, one paragraph per line. A password-protected .docx is not a zip but
 * an OLE container, as is a legacy .doc renamed: both are refused with a message saying so.
 */
import JSZip from "jszip";
import mammoth from "mammoth";

import { BadRequestError } from "../../errors.js";

/** A .docx whose parts would unpack to more than this is refused before anything is unpacked (a zip bomb). */
export const MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** The sizes the zip's central directory declares for its parts, summed; read without unpacking anything. */
async function declaredUnpackedBytes(bytes: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  let total = 0;
  zip.forEach((_name, entry) => {
    total += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  });
  return total;
}

export async function readDocx(
  file: string,
  bytes: Uint8Array,
  maxUnpacked = MAX_DOCX_UNPACKED_BYTES,
): Promise<string> {
  if (startsWith(bytes, OLE_SIGNATURE)) {
    throw new BadRequestError(
      `${file}: the document is encrypted (password-protected) or a legacy .doc file; save it as an unprotected .docx`,
    );
  }
  if (!startsWith(bytes, ZIP_SIGNATURE))
    throw new BadRequestError(`${file}: not a .docx file (it is not a zip package)`);
  let unpacked: number;
  try {
    unpacked = await declaredUnpackedBytes(bytes);
  } catch (err) {
    throw new BadRequestError(`${file}: not a readable .docx (${(err as Error).message})`);
  }
  if (unpacked > maxUnpacked) {
    throw new BadRequestError(
      `${file}: the .docx would unpack to ${Math.round(unpacked / 1024 / 1024)} MB, above the ${Math.round(maxUnpacked / 1024 / 1024)} MB limit (a compressed "zip bomb"?); it was not opened`,
    );
  }
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch (err) {
    throw new BadRequestError(`${file}: not a readable .docx (${(err as Error).message})`);
  }
}
