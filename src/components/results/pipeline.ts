// Files in, analysis out: read each file (a bad file is reported and left out, the others go on),
// combine, analyse. Runs in the Web Worker (worker.ts); can also run on the main thread in chunks.
import { type Analysis, type AnalysisOptions, analyse } from "./analysis.js";
import { type ClusterBreakdown, clusterBreakdown } from "./clusters.js";
import { CombineError, combine, type ModelCoverage } from "./combine.js";
import { tooLargeMessage } from "./inputFiles.js";
import { readResultBytes } from "./readFile.js";
import {
  CONFIDENCES,
  FileError,
  type FileFormat,
  type Issue,
  type IssueKind,
  type ReadOptions,
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
      description: string;
      lines: number;
      records: number;
      issues: Issue[];
      issueCounts: Partial<Record<IssueKind, number>>;
      lmEval?: { metrics: string[]; metric: string; filters: string[]; filter: string | null; model: string };
    }
  | { file: string; ok: false; error: string; line?: number };

export interface PipelineResult {
  files: FileOutcome[];
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
  const good = [];
  const totalBytes = inputs.reduce((s, f) => s + f.bytes.length, 0) || 1;
  let doneBytes = 0;
  const lmEvalModels = new Set<string>();
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
      // Two lm-eval files that name the same model by default (same file name) must not merge.
      if (r.lmEval && !input.options?.model) {
        let name = r.lmEval.model;
        for (let k = 2; lmEvalModels.has(name); k++) name = `${r.lmEval.model} (${k})`;
        if (name !== r.lmEval.model) {
          for (const rec of r.records) rec.model = name;
          r.description += ` Another file already gave the name "${r.lmEval.model}", so this one is "${name}" — rename it below.`;
          r.lmEval.model = name;
        }
      }
      if (r.lmEval) lmEvalModels.add(r.lmEval.model);
      good.push(r);
      const { records, ...rest } = r;
      files.push({ ...rest, ok: true, records: records.length });
    } catch (e) {
      if (e instanceof FileError) files.push({ file: input.name, ok: false, error: e.message, line: e.line });
      else files.push({ file: input.name, ok: false, error: `${input.name}: ${(e as Error).message}` });
    }
    doneBytes += input.bytes.length;
    await pause();
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
    matrix = combine(good);
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
