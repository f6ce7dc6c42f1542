// Files in, analysis out: read each file (a bad file is reported and left out, the others go on),
// combine, analyse. Runs in the Web Worker (worker.ts); can also run on the main thread in chunks.
import { type Analysis, type AnalysisOptions, analyse } from "./analysis.js";
import { type ClusterBreakdown, clusterBreakdown } from "./clusters.js";
import { CombineError, combine, type ModelCoverage } from "./combine.js";
import { tooLargeMessage } from "./inputFiles.js";
import { readResultBytes } from "./readFile.js";
import { runModels } from "./runs.js";
import {
  CONFIDENCES,
  FileError,
  type FileFormat,
  type FileResult,
  type Issue,
  type IssueKind,
  type ReadOptions,
  type TaskSummary,
} from "./types.js";

export interface InputFile {
  /** Name shown in messages (a path when a folder was dropped). */
  name: string;
  bytes: Uint8Array;
  /** Options for this file (lm-eval metric, filter, model name). */
  options?: ReadOptions;
  /** Set (and `bytes` left empty) when the file was too large to read: see inputFiles.ts. */
  tooLarge?: { size: number; limit: number };
}

export type FileOutcome =
  | {
      file: string;
      ok: true;
      format: FileFormat;
      /** The format's name for people ("read as …"). */
      formatLabel: string;
      description: string;
      /** The run's model, after the run's metadata named it. */
      model: string | null;
      task: string | null;
      /** The harness's own score for this file's task beside what the page read from it. */
      check: HarnessCheck | null;
      lines: number;
      records: number;
      issues: Issue[];
      issueCounts: Partial<Record<IssueKind, number>>;
      lmEval?: { metrics: string[]; metric: string; filters: string[]; filter: string | null; model: string };
    }
  | { file: string; ok: false; error: string; line?: number };

/** A harness's own score for a task set beside the same score computed here from the items. */
export interface HarnessCheck {
  harness: TaskSummary;
  /** What the page read from the file: the mean of its items and how many there were. */
  read: { value: number; n: number };
  /** The two agree (to the harness's rounding, 0.0005) and, when the harness says, on the count. */
  agrees: boolean;
}

export interface PipelineResult {
  files: FileOutcome[];
  /** Harness summaries with no per-item files to go with them (results_*.json dropped alone). */
  summaryOnly?: TaskSummary[];
  /** Why there is no analysis (every file failed, no shared items, …). */
  error?: string;
  combined?: {
    models: number;
    items: number;
    itemsSeen: number;
    coverage: ModelCoverage[];
    clusters: number | null;
    binary: boolean;
    issues: Issue[];
    issueCounts: Partial<Record<IssueKind, number>>;
  };
  /** Accuracy per model per cluster (null without at least two clusters, or with more than 60). */
  byCluster?: ClusterBreakdown | null;
  /** The analysis at 95% confidence with Holm's correction. */
  analysis?: Analysis;
  /** The analysis at each confidence in CONFIDENCES (Holm); other corrections: withCorrection(). */
  analyses?: Analysis[];
  ms: number;
}

export interface Progress {
  phase: "reading" | "combining" | "analysing" | "done";
  /** 0 … 1 over the whole job. */
  fraction: number;
  message: string;
}

export async function runPipeline(
  inputs: readonly InputFile[],
  analysisOptions: AnalysisOptions = {},
  onProgress: (p: Progress) => void = () => {},
  pause: () => Promise<void> = async () => {},
): Promise<PipelineResult> {
  const started = Date.now();
  const files: FileOutcome[] = [];
  const good: FileResult[] = [];
  const totalBytes = inputs.reduce((s, f) => s + f.bytes.length, 0) || 1;
  let doneBytes = 0;
  /** Files read, with their place in `files` (filled in once the runs have named their models). */
  const order: { index: number; result: FileResult }[] = [];
  for (const input of inputs) {
    onProgress({
      phase: "reading",
      fraction: (0.8 * doneBytes) / totalBytes,
      message: `Reading ${input.name}…`,
    });
    await pause();
    if (input.tooLarge) {
      const { size, limit } = input.tooLarge;
      files.push({ file: input.name, ok: false, error: tooLargeMessage(input.name, size, limit) });
      continue;
    }
    try {
      const r = await readResultBytes(input.bytes, input.name, input.options, (done, total) => {
        const share = (0.8 * input.bytes.length) / totalBytes;
        onProgress({
          phase: "reading",
          fraction: (0.8 * doneBytes) / totalBytes + share * (done / total),
          message: `Reading ${input.name}: line ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}`,
        });
      });
      good.push(r);
      order.push({ index: files.length, result: r });
      files.push(null as unknown as FileOutcome);
    } catch (e) {
      if (e instanceof FileError) files.push({ file: input.name, ok: false, error: e.message, line: e.line });
      else files.push({ file: input.name, ok: false, error: `${input.name}: ${(e as Error).message}` });
    }
    doneBytes += input.bytes.length;
    await pause();
  }
  // Name each run's model from its metadata, keep two runs of one name on one task apart, and set
  // each file's harness summary beside what was read from it.
  const { summaries, notes } = runModels(good);
  for (const { index, result } of order) {
    const { records, meta: _meta, ...rest } = result;
    const check = harnessCheck(result, summaries);
    files[index] = {
      ...rest,
      description: result.description + (notes.get(result) ?? ""),
      formatLabel: result.formatLabel ?? result.format,
      ok: true,
      records: records.length,
      model: records[0]?.model ?? result.meta?.model ?? null,
      task: result.task ?? null,
      check,
    };
  }
  const withRecords = good.filter((r) => r.records.length > 0 || !r.meta);
  if (good.length > 0 && withRecords.length === 0 && summaries.length > 0) {
    return {
      files,
      summaryOnly: summaries,
      error:
        "These files hold a harness's summary only — one score per task, no per-item results — so the page shows the harness's own scores and standard errors below. For the per-item analysis (paired comparisons, rank intervals, clusters), re-run lm-evaluation-harness with --log_samples and drop the samples_*.jsonl files it writes, or the whole output folder.",
      ms: Date.now() - started,
    };
  }
  if (good.length === 0) {
    return {
      files,
      error: inputs.length ? "No file could be read, so there is nothing to analyse." : "No file given.",
      ms: Date.now() - started,
    };
  }
  onProgress({ phase: "combining", fraction: 0.82, message: "Matching items across models…" });
  await pause();
  let matrix: ReturnType<typeof combine>;
  try {
    matrix = combine(withRecords);
  } catch (e) {
    if (e instanceof CombineError) return { files, error: e.message, ms: Date.now() - started };
    throw e;
  }
  const combined = {
    models: matrix.models.length,
    items: matrix.items.length,
    itemsSeen: matrix.itemsSeen,
    coverage: matrix.coverage,
    clusters: matrix.clusters ? new Set(matrix.clusters).size : null,
    binary: matrix.binary,
    issues: matrix.issues,
    issueCounts: matrix.issueCounts,
  };
  onProgress({
    phase: "analysing",
    fraction: 0.88,
    message: `Analysing ${matrix.models.length} models on ${matrix.items.length.toLocaleString("en-US")} shared items…`,
  });
  await pause();
  const analyses: Analysis[] = [];
  try {
    for (const [i, confidence] of CONFIDENCES.entries()) {
      analyses.push(analyse(matrix, { ...analysisOptions, confidence }));
      onProgress({
        phase: "analysing",
        fraction: 0.88 + (0.12 * (i + 1)) / CONFIDENCES.length,
        message: `Analysed at ${confidence * 100}% confidence…`,
      });
      await pause();
    }
  } catch (e) {
    return { files, combined, error: (e as Error).message, ms: Date.now() - started };
  }
  const best = analyses[1]!.models.reduce((a, b) => (b.accuracy > a.accuracy ? b : a)).model;
  const byCluster = (combined.clusters ?? 0) <= 60 ? clusterBreakdown(matrix, best) : null;
  onProgress({ phase: "done", fraction: 1, message: "Done." });
  return { files, combined, byCluster, analysis: analyses[1], analyses, ms: Date.now() - started };
}

/** The harness's summary of a file's task (same run, same task, same metric and filter), beside what was read. */
function harnessCheck(r: FileResult, summaries: readonly TaskSummary[]): HarnessCheck | null {
  if (!r.records.length || !r.task) return null;
  const key = r.lmEval ? `${r.lmEval.metric},${r.lmEval.filter ?? "none"}` : null;
  const model = r.records[0]!.model;
  const mine = summaries.filter(
    (s) => s.run === r.run && s.task === r.task && (s.model === null || s.model === model),
  );
  const harness =
    mine.find((s) => key === null || s.metric === key) ??
    (key === null ? null : (mine.find((s) => s.metric === r.lmEval!.metric) ?? null));
  if (!harness) return null;
  let sum = 0;
  for (const x of r.records) sum += x.correct;
  const read = { value: sum / r.records.length, n: r.records.length };
  const agrees =
    Math.abs(read.value - harness.value) < 0.0005 + 1e-12 && (harness.n === null || harness.n === read.n);
  return { harness, read, agrees };
}
