// One entry point for any file a reader drops: decode it (sniff.ts), then let the format that
// recognises it read it (formats/registry.ts); throws a FileError when the file cannot be used.
import { inspectEvalLog, isZip } from "./formats/inspectEval.js";
import { readWithFormats } from "./formats/registry.js";
import { readText } from "./sniff.js";
import type { FileResult, ReadOptions } from "./types.js";

/** Read decoded text. */
export function readResultText(
  text: string,
  file: string,
  options: ReadOptions = {},
  onProgress?: (done: number, total: number) => void,
): FileResult {
  return readWithFormats(text, file, options, onProgress);
}

/** Read raw bytes (sniffing for non-text and gzip first). */
export async function readResultBytes(
  bytes: Uint8Array,
  file: string,
  options: ReadOptions = {},
  onProgress?: (done: number, total: number) => void,
): Promise<FileResult> {
  // Inspect's .eval logs are ZIP archives: unzip to the JSON log's shape and read that.
  if (isZip(bytes) && /\.eval$/i.test(file))
    return readResultText(JSON.stringify(inspectEvalLog(bytes, file)), file, options, onProgress);
  const text = await readText(bytes, file);
  return readResultText(text, file, options, onProgress);
}
