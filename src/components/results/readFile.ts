// One entry point for any file a reader drops: decide by content (not only by name) whether it
// is JSON Lines or CSV/TSV, and read it; throws a FileError when the file cannot be used at all.
import { parseDelimited } from "./delimited.js";
import { parseJsonLines } from "./jsonLines.js";
import { readText } from "./sniff.js";
import { FileError, type FileResult, type ReadOptions } from "./types.js";

/** Read decoded text. */
export function readResultText(
  text: string,
  file: string,
  options: ReadOptions = {},
  onProgress?: (done: number, total: number) => void,
): FileResult {
  if (text.trim() === "") throw new FileError(file, `${file} is empty: it has no lines to read.`);
  const start = text.trimStart();
  if (start.startsWith("{") || start.startsWith("[")) {
    const firstLine = start.slice(0, start.indexOf("\n") >>> 0).trim();
    let wholeIsOneDocument = start.startsWith("[");
    if (!wholeIsOneDocument) {
      try {
        JSON.parse(firstLine);
      } catch {
        wholeIsOneDocument = true;
      }
    }
    if (wholeIsOneDocument) {
      let doc: unknown;
      try {
        doc = JSON.parse(start);
      } catch {
        doc = undefined;
      }
      if (doc && typeof doc === "object" && !Array.isArray(doc) && "results" in doc) {
        throw new FileError(
          file,
          `${file} is lm-evaluation-harness's results summary (one overall score per task). Per-item analysis needs the samples_*.jsonl files that --log_samples writes next to it.`,
        );
      }
      if (Array.isArray(doc)) {
        const asLines = doc.map((d) => JSON.stringify(d)).join("\n");
        return parseJsonLines(asLines, file, options, onProgress);
      }
      if (doc !== undefined)
        throw new FileError(file, `${file} is a single JSON document, not JSON Lines (one record per line).`);
    }
    return parseJsonLines(text, file, options, onProgress);
  }
  return parseDelimited(text, file, onProgress);
}

/** Read raw bytes (sniffing for non-text and gzip first). */
export async function readResultBytes(
  bytes: Uint8Array,
  file: string,
  options: ReadOptions = {},
  onProgress?: (done: number, total: number) => void,
): Promise<FileResult> {
  const text = await readText(bytes, file);
  return readResultText(text, file, options, onProgress);
}
