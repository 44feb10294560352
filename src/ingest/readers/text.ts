/** Plain-text and Markdown documents: decoded as UTF-8, kept as they are (the item splitter understands Markdown). */
import { decodeUtf8Text } from "./guards.js";

export function readText(file: string, bytes: Uint8Array): string {
  return decodeUtf8Text(file, bytes);
}
