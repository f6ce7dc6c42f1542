// Every format the page reads, in one list. A file is parsed once (as one JSON document, as JSON
// Lines, or as text), every adapter says how sure it is that the file is its format, and the
// surest reads it. Adding a format: write formats/<format>.ts and add it here.
import { IssueLog } from "../issues.js";
import { FileError, type FileResult, type ReadOptions } from "../types.js";
import { everyEvalEver } from "./everyEvalEver.js";
import type { FormatInput, ResultFormat } from "./format.js";
import { isObject } from "./format.js";
import { helmInstances, helmRunSpec } from "./helm.js";
import { inspectLog } from "./inspect.js";
import { lmEvalResults } from "./lmEvalResults.js";
import { lmEvalSamples } from "./lmEvalSamples.js";
import { predictions } from "./predictions.js";
import { delimitedTable, jsonLinesTable } from "./tables.js";

export const formats: readonly ResultFormat[] = [
  lmEvalSamples,
  lmEvalResults,
  inspectLog,
  helmInstances,
  helmRunSpec,
  everyEvalEver,
  predictions,
  jsonLinesTable,
  delimitedTable,
];

/** Names of the formats the page reads, for messages. */
export const formatNames = (): string =>
  formats
    .filter((f) => f.id !== "helm-run-spec")
    .map((f) => f.label)
    .join("; ");

/** A Git LFS pointer: what a clone without git-lfs holds in place of the real file. */
export function isLfsPointer(text: string): boolean {
  return /^version https:\/\/git-lfs\.github\.com\/spec\/v1\s*\n/.test(text.slice(0, 200));
}

/** JSON Lines: each non-blank line one JSON object; broken lines are logged and dropped. */
export function splitJsonLines(
  text: string,
  file: string,
  log: IssueLog,
  onProgress?: (done: number, total: number) => void,
): { line: number; value: Record<string, unknown> }[] {
  const raw = text.split(/\r?\n/);
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
    if (!isObject(value)) {
      log.add(
        i + 1,
        "bad-json",
        `a JSON ${Array.isArray(value) ? "array" : typeof value}, not an object; line dropped`,
      );
      continue;
    }
    lines.push({ line: i + 1, value });
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
  return lines;
}

function describeShape(input: FormatInput): string {
  const keys = (v: Record<string, unknown>) =>
    Object.keys(v)
      .slice(0, 8)
      .map((k) => `"${k}"`)
      .join(", ") + (Object.keys(v).length > 8 ? ", …" : "");
  if (isObject(input.doc)) return `a JSON document with the keys ${keys(input.doc)}`;
  if (Array.isArray(input.doc)) return `a JSON array of ${input.doc.length} entries`;
  const first = input.lines?.[0];
  if (first) return `JSON Lines whose first record has the keys ${keys(first.value)}`;
  return "text";
}

/** Read decoded text with the format that recognises it best; a FileError when none does. */
export function readWithFormats(
  text: string,
  file: string,
  options: ReadOptions = {},
  onProgress?: (done: number, total: number) => void,
): FileResult {
  if (text.trim() === "") throw new FileError(file, `${file} is empty: it has no lines to read.`);
  if (isLfsPointer(text))
    throw new FileError(
      file,
      `${file} is a Git LFS pointer (a few lines naming the real file), not the results themselves: the repository stores this file with Git LFS. Run \`git lfs pull\` in your clone (after \`git lfs install\`), then drop the file again.`,
      1,
    );
  const log = new IssueLog(file);
  const input: FormatInput = { file, text, log };
  const start = text.trimStart();
  if (start.startsWith("{") || start.startsWith("[")) {
    const newline = start.indexOf("\n");
    let whole = start.startsWith("[");
    if (!whole) {
      try {
        JSON.parse(newline < 0 ? start : start.slice(0, newline));
        // One object on the first line: JSON Lines, unless that line is the whole file.
        whole = newline < 0 || start.slice(newline).trim() === "";
      } catch {
        whole = true;
      }
    }
    let doc: unknown;
    if (whole) {
      try {
        doc = JSON.parse(start);
      } catch {
        doc = undefined;
      }
    }
    if (Array.isArray(doc) && doc.length > 0 && doc.every(isObject)) {
      input.doc = doc;
      input.lines = doc.map((value, i) => ({ line: i + 1, value: value as Record<string, unknown> }));
    } else if (doc !== undefined) {
      input.doc = doc;
      // A file of one JSON object on one line may also be a single JSON Lines record.
      if (isObject(doc) && (newline < 0 || start.slice(newline).trim() === ""))
        input.lines = [{ line: 1, value: doc }];
    } else {
      input.lines = splitJsonLines(text, file, log, onProgress);
    }
  }
  let best: ResultFormat | null = null;
  let score = 0;
  for (const f of formats) {
    const s = f.detect(input);
    if (s > score) {
      best = f;
      score = s;
    }
  }
  if (!best)
    throw new FileError(
      file,
      `${file} is ${describeShape(input)} — not a shape this page reads. It reads: ${formatNames()}.`,
    );
  return best.parse(input, options, onProgress);
}
