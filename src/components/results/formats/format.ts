// One adapter per file format: `detect` says how sure it is that a file is its format (0 = not at
// all, 1 = certain), `parse` reads it into the common records. The registry (registry.ts) asks
// every adapter and lets the surest read the file; adding a format is one file here.
import type { IssueLog } from "../issues.js";
import type { FileFormat, FileResult, ReadOptions } from "../types.js";

/** What an adapter sees of a file. Parsing happens once, in the registry, and is shared. */
export interface FormatInput {
  /** The file's name as dropped (a path when a folder was chosen). */
  file: string;
  text: string;
  /** The whole file parsed as one JSON document, when it is one. */
  doc?: unknown;
  /** The file's JSON Lines records, when it is JSON Lines (blank and broken lines already logged). */
  lines?: readonly { line: number; value: Record<string, unknown> }[];
  /** Problems with single lines, shared with the parse. */
  log: IssueLog;
}

export interface ResultFormat {
  id: FileFormat;
  /** For people: "lm-evaluation-harness samples", "Inspect log", … */
  label: string;
  detect(input: FormatInput): number;
  parse(
    input: FormatInput,
    options: ReadOptions,
    onProgress?: (done: number, total: number) => void,
  ): FileResult;
}

/** A plain object (not an array, not null). */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
