// lm-evaluation-harness `--log_samples` output, read as is: one JSON object per line with
// doc_id, doc, target, arguments, resps, filtered_resps, (filter, metrics, *_hash,) and one
// field per metric (acc, acc_norm, exact_match, …) holding that sample's 0/1 or score.
// Generative tasks log one line per answer filter (e.g. GSM8K's strict-match and flexible-extract).
// A run writes one samples_<task>_<timestamp>.jsonl per task into one folder per model, so an
// item is (task, doc_id): doc_ids restart at 0 in every task.
import { FileError, type FileResult, type ReadOptions, type ResultRecord } from "../types.js";
import { parseCorrect } from "../values.js";
import { type FormatInput, isObject, type ResultFormat } from "./format.js";
import { baseName, lmEvalName, modelFromFolder, runOf } from "./paths.js";

const bookkeeping = new Set([
  "doc_id",
  "doc",
  "target",
  "arguments",
  "resps",
  "filtered_resps",
  "filter",
  "metrics",
  "doc_hash",
  "prompt_hash",
  "target_hash",
  "task_name",
  "success",
  "token_counts",
]);

/** Preferred metrics, in order, when the reader does not name one. */
export const preferredMetrics = [
  "acc",
  "exact_match",
  "pass@1",
  "pass_at_1",
  "acc_norm",
  "em",
  "f1",
  "mc1",
  "mc2",
];

export function isLmEvalRecord(value: Record<string, unknown>): boolean {
  return "doc_id" in value && ("filtered_resps" in value || "resps" in value || "target" in value);
}

/**
 * The model a samples file belongs to, from its path alone: lm-eval's folder (meta-llama__Llama-3-8B
 * → meta-llama/Llama-3-8B); without a folder, "lm-eval run <timestamp>" for lm-eval's own file
 * names (the run's results_<timestamp>.json, if dropped too, names the model), else the file's stem.
 */
export function modelFromPath(path: string): string {
  const name = lmEvalName(path);
  const folder = modelFromFolder(path);
  if (folder && name) return folder;
  if (name) return name.timestamp ? `lm-eval run ${name.timestamp}` : "lm-eval run";
  return baseName(path).replace(/(\.jsonl|\.json|\.gz|\.txt)+$/i, "") || path;
}

/** Metric fields of a record: numbers and booleans are per-sample scores; arrays are corpus-level inputs. */
function metricFields(value: Record<string, unknown>): { scored: string[]; corpus: string[] } {
  const named = Array.isArray(value.metrics)
    ? value.metrics.filter((m): m is string => typeof m === "string" && m in value)
    : [];
  const keys = named.length ? named : Object.keys(value).filter((k) => !bookkeeping.has(k));
  const scored = keys.filter((k) => typeof value[k] === "number" || typeof value[k] === "boolean");
  const corpus = keys.filter((k) => Array.isArray(value[k]));
  return { scored, corpus };
}

function clusterOf(doc: unknown): string | null {
  if (!isObject(doc)) return null;
  for (const k of ["subject", "category", "subcategory", "task"]) {
    const v = doc[k];
    if (typeof v === "string" && v !== "") return v;
  }
  return null;
}

function corpusMessage(file: string, metrics: string[], line: number): string {
  const list = metrics.map((m) => `"${m}"`).join(", ");
  return `${file} line ${line}: ${list} ${metrics.length > 1 ? "are" : "is"} computed over the whole corpus (each line holds the gold answer and the prediction, not a score), so there is no per-item score to compare. Re-run the task with a per-sample metric such as exact_match, or compare these runs by their corpus scores alone.`;
}

export function parseLmEval(input: FormatInput, options: ReadOptions = {}): FileResult {
  const { file, log } = input;
  const lines = input.lines ?? [];
  const filters: string[] = [];
  for (const { value } of lines) {
    const f = value.filter;
    if (typeof f === "string" && !filters.includes(f)) filters.push(f);
  }
  const filter =
    filters.length === 0
      ? null
      : options.filter && filters.includes(options.filter)
        ? options.filter
        : filters[0]!;
  const kept = filter === null ? lines : lines.filter((l) => l.value.filter === filter);
  const metrics: string[] = [];
  const corpus: string[] = [];
  for (const { value } of kept.slice(0, 50)) {
    const m = metricFields(value);
    for (const x of m.scored) if (!metrics.includes(x)) metrics.push(x);
    for (const x of m.corpus) if (!corpus.includes(x)) corpus.push(x);
  }
  if (metrics.length === 0) {
    const line = kept[0]?.line ?? 1;
    if (corpus.length) throw new FileError(file, corpusMessage(file, corpus, line), line);
    throw new FileError(
      file,
      `${file} line ${line}: an lm-evaluation-harness sample with no per-sample metric (no numeric field such as "acc" or "exact_match"), so there is nothing to score.`,
      line,
    );
  }
  if (options.metric && corpus.includes(options.metric) && !metrics.includes(options.metric))
    throw new FileError(file, corpusMessage(file, [options.metric], kept[0]!.line), kept[0]!.line);
  const metric =
    options.metric && metrics.includes(options.metric)
      ? options.metric
      : (preferredMetrics.find((m) => metrics.includes(m)) ?? metrics[0]!);
  const name = lmEvalName(file);
  const task = name?.task ?? "";
  const model = options.model?.trim() || modelFromPath(file);
  const records: ResultRecord[] = [];
  for (const { line, value } of kept) {
    const id = value.doc_id;
    if ((typeof id !== "number" && typeof id !== "string") || String(id) === "") {
      log.add(line, "missing-field", `no "doc_id"; line dropped`);
      continue;
    }
    if (!(metric in value)) {
      log.add(line, "missing-field", `no "${metric}" field; line dropped`);
      continue;
    }
    const v = parseCorrect(value[metric]);
    if (!v.ok) {
      log.add(
        line,
        v.missing ? "missing-value" : "unknown-value",
        `"${metric}" ${v.missing ? `has no result (${v.reason})` : `value ${v.reason}`}; line dropped`,
      );
      continue;
    }
    records.push({
      model,
      item: task ? `${task}/${id}` : String(id),
      correct: v.value,
      cluster: clusterOf(value.doc) ?? (task || null),
      file,
      line,
      ...(typeof value.doc_hash === "string" ? { hash: value.doc_hash } : {}),
    });
  }
  const otherFilters = filters.filter((f) => f !== filter);
  const unusable = corpus.filter((c) => !metrics.includes(c));
  return {
    file,
    format: "lm-eval",
    formatLabel: lmEvalSamples.label,
    description:
      `lm-evaluation-harness samples${task ? ` of task "${task}"` : ""} for model "${model}": per-sample "${metric}"` +
      (metrics.length > 1
        ? ` (the file also has ${metrics
            .filter((m) => m !== metric)
            .map((m) => `"${m}"`)
            .join(", ")})`
        : "") +
      (filter !== null ? `, answer filter "${filter}"` : "") +
      (otherFilters.length
        ? ` (${kept.length} of ${lines.length} lines; the other filter${otherFilters.length > 1 ? "s" : ""} ${otherFilters.map((f) => `"${f}"`).join(", ")} not used)`
        : "") +
      (records.some((r) => r.cluster !== null && r.cluster !== task)
        ? ", cluster from doc.subject/category"
        : "") +
      (unusable.length
        ? `; ${unusable.map((m) => `"${m}"`).join(", ")} ${unusable.length > 1 ? "are" : "is"} corpus-level (no per-item score)`
        : "") +
      ".",
    records,
    issues: log.issues,
    issueCounts: log.counts,
    lines: kept.length,
    lmEval: { metrics, metric, filters, filter, model },
    run: runOf(file),
    task,
    modelGuessed: !options.model?.trim(),
  };
}

export const lmEvalSamples: ResultFormat = {
  id: "lm-eval",
  label: "lm-evaluation-harness samples (--log_samples)",
  // Any of the first lines will do: one odd first line must not hide a whole file's format.
  detect: ({ lines }) => (lines?.slice(0, 20).some((l) => isLmEvalRecord(l.value)) ? 0.9 : 0),
  parse: (input, options) => parseLmEval(input, options),
};
