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
  /** A hash of the item's content, when the harness logs one (lm-eval's doc_hash). */
  hash?: string;
}

export type IssueKind =
  | "unknown-value"
  | "missing-value"
  | "empty-field"
  | "duplicate"
  | "bad-json"
  | "missing-field"
  | "cluster-conflict"
  | "hash-conflict"
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

export type FileFormat =
  | "long"
  | "wide"
  | "jsonl-long"
  | "lm-eval"
  | "lm-eval-results"
  | "inspect"
  | "helm"
  | "helm-run-spec"
  | "every-eval-ever"
  | "predictions";

/** A harness's own summary of one task, read from its results file, to set beside what the page read. */
export interface TaskSummary {
  /** The run the summary belongs to (see FileResult.run). */
  run: string;
  model: string | null;
  task: string;
  /** The metric and (lm-eval) filter, e.g. "acc,none". */
  metric: string;
  value: number;
  stderr: number | null;
  /** Samples the harness scored, when it says. */
  n: number | null;
}

/** What a file says about a run rather than about items: a model's name, the harness's own scores. */
export interface FileMeta {
  /** The model the run evaluated, when the file names it. */
  model?: string;
  summaries?: TaskSummary[];
}

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
  /** The format's name for people, e.g. "lm-evaluation-harness samples". */
  formatLabel?: string;
  /**
   * Which run the file belongs to, so files of one run share a model: the folder and, for lm-eval,
   * the timestamp its samples_* and results_* files share. Empty when nothing groups the file.
   */
  run?: string;
  /** The task the file's items belong to (lm-eval's samples_<task>_<timestamp>.jsonl), if known. */
  task?: string;
  /** True when the model's name was not given by the file itself (so the run's metadata may name it). */
  modelGuessed?: boolean;
  /** Run-level facts: a results summary or a run spec (no records). */
  meta?: FileMeta;
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
