// JSON Lines: split, parse each line (a broken line is dropped and named), then hand the
// records to the lm-evaluation-harness reader or the long-form reader by their shape.
import { parseJsonLinesLong } from "./delimited.js";
import { IssueLog } from "./issues.js";
import { isLmEvalRecord, parseLmEval } from "./lmEvalSamples.js";
import { FileError, type FileResult, type ReadOptions } from "./types.js";

export function parseJsonLines(
  text: string,
  file: string,
  options: ReadOptions = {},
  onProgress?: (done: number, total: number) => void,
): FileResult {
  const raw = text.split(/\r?\n/);
  const log = new IssueLog(file);
  const lines: { line: number; value: Record<string, unknown> }[] = [];
  let nonBlank = 0;
  for (let i = 0; i < raw.length; i++) {
    if (i % 20_000 === 0 && i > 0) onProgress?.(i, raw.length);
    const s = raw[i]!.trim();
    if (s === "") continue;
    nonBlank++;
    let value: unknown;
    try {
      value = JSON.parse(s);
    } catch (e) {
      log.add(
        i + 1,
        "bad-json",
        `not valid JSON (${(e as Error).message.replace(/^JSON\.parse: /, "").slice(0, 80)}); line dropped`,
      );
      continue;
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      log.add(
        i + 1,
        "bad-json",
        `a JSON ${Array.isArray(value) ? "array" : typeof value}, not an object; line dropped`,
      );
      continue;
    }
    lines.push({ line: i + 1, value: value as Record<string, unknown> });
  }
  onProgress?.(raw.length, raw.length);
  if (lines.length === 0) {
    const first = log.issues[0];
    throw new FileError(
      file,
      `${file} is not JSON Lines: none of its ${nonBlank} line${nonBlank === 1 ? "" : "s"} is a JSON object${first ? ` (${first.message})` : ""}.`,
      first?.line,
    );
  }
  return isLmEvalRecord(lines[0]!.value)
    ? parseLmEval(lines, file, log, options)
    : parseJsonLinesLong(lines, file, log);
}
