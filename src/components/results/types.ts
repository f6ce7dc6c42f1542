// Shapes shared by the readers of a user's own eval files and the analysis that follows.

/** One model's result on one item, as read from a file. */
export interface ResultRecord {
  model: string;
  item: string;
  /** 1 = right, 0 = wrong, or a partial score in [0, 1]. */
  correct: number;
  /** Subject, passage or category the item belongs to, when the file names one. */
  cluster: string | null;
  /** Where the record came from (for messages about duplicates). */
  file: string;
  line: number;
}

export type IssueKind =
  | "unknown-value"
  | "missing-value"
  | "empty-field"
  | "duplicate"
  | "bad-json"
  | "missing-field"
  | "cluster-conflict"
  | "note";

/** A problem with one line: the line is dropped (or, for notes, only reported). */
export interface Issue {
  file: string;
  /** 1-based line number in the file (the header is line 1 in CSV/TSV). */
  line: number;
  kind: IssueKind;
  message: string;
}

/** How many issues of each kind a file keeps in full; the rest are only counted. */
export const MAX_ISSUES = 50;

/** Confidence levels the tool offers (each analysed once, so switching is instant). */
export const CONFIDENCES = [0.9, 0.95, 0.99] as const;

export type FileFormat = "long" | "wide" | "jsonl-long" | "lm-eval";

/** What one file yielded: its records, the lines it dropped, and how it was read. */
export interface FileResult {
  file: string;
  format: FileFormat;
  /** A sentence saying how the file was read (columns, metric, filter…). */
  description: string;
  records: ResultRecord[];
  /** The first problems found (at most MAX_ISSUES of each kind); `issueCounts` has the full tally. */
  issues: Issue[];
  issueCounts: Partial<Record<IssueKind, number>>;
  /** Data lines in the file (not counting a header or blank lines). */
  lines: number;
  /** lm-eval files: the metrics and answer filters the file offers, and the ones used. */
  lmEval?: { metrics: string[]; metric: string; filters: string[]; filter: string | null; model: string };
}

/** A problem that stops a whole file from being used. */
export class FileError extends Error {
  override name = "FileError";
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

export interface ReadOptions {
  /** lm-eval: which per-sample metric to read (default: acc, then exact_match, …). */
  metric?: string;
  /** lm-eval: which answer filter to keep when a file logs several (default: the first seen). */
  filter?: string;
  /** lm-eval: the model's name (default: from the file name). */
  model?: string;
}
