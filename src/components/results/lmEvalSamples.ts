// lm-evaluation-harness `--log_samples` output, read as is: one JSON object per line with
// doc_id, doc, target, arguments, resps, filtered_resps, (filter, metrics, *_hash,) and one
// field per metric (acc, acc_norm, exact_match, …) holding that sample's 0/1 or score.
// Generative tasks log one line per answer filter (e.g. GSM8K's strict-match and flexible-extract).
import type { IssueLog } from "./issues.js";
import { FileError, type FileResult, type ReadOptions, type ResultRecord } from "./types.js";
import { parseCorrect } from "./values.js";

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

/** "out/meta-llama__Llama-3-8B/samples_mmlu_2024-05-01T10-00-00.123.jsonl" → "meta-llama/Llama-3-8B". */
export function modelFromPath(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  const base = parts[parts.length - 1] ?? path;
  if (parts.length >= 2 && /^samples_/.test(base)) return parts[parts.length - 2]!.replace("__", "/");
  let stem = base.replace(/(\.jsonl|\.json|\.gz|\.txt)+$/i, "");
  stem = stem.replace(/_\d{4}-\d{2}-\d{2}T\d{2}[-:]\d{2}[-:]\d{2}(\.\d+)?$/, "");
  return stem || base;
}

function metricFields(value: Record<string, unknown>): string[] {
  if (Array.isArray(value.metrics)) {
    const listed = value.metrics.filter((m): m is string => typeof m === "string" && m in value);
    if (listed.length) return listed;
  }
  return Object.keys(value).filter(
    (k) => !bookkeeping.has(k) && (typeof value[k] === "number" || typeof value[k] === "boolean"),
  );
}

function clusterOf(doc: unknown): string | null {
  if (!doc || typeof doc !== "object") return null;
  const d = doc as Record<string, unknown>;
  for (const k of ["subject", "category", "subcategory", "task"]) {
    const v = d[k];
    if (typeof v === "string" && v !== "") return v;
  }
  return null;
}

export function parseLmEval(
  lines: readonly { line: number; value: Record<string, unknown> }[],
  file: string,
  log: IssueLog,
  options: ReadOptions = {},
): FileResult {
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
  for (const { value } of kept.slice(0, 50))
    for (const m of metricFields(value)) if (!metrics.includes(m)) metrics.push(m);
  if (metrics.length === 0) {
    throw new FileError(
      file,
      `${file} line ${kept[0]!.line}: an lm-evaluation-harness sample with no per-sample metric (no numeric field such as "acc" or "exact_match"), so there is nothing to score.`,
      kept[0]!.line,
    );
  }
  const metric =
    options.metric && metrics.includes(options.metric)
      ? options.metric
      : (preferredMetrics.find((m) => metrics.includes(m)) ?? metrics[0]!);
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
    records.push({ model, item: String(id), correct: v.value, cluster: clusterOf(value.doc), file, line });
  }
  const otherFilters = filters.filter((f) => f !== filter);
  return {
    file,
    format: "lm-eval",
    description:
      `lm-evaluation-harness samples for model "${model}": per-sample "${metric}"` +
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
      (records.some((r) => r.cluster !== null) ? ", cluster from doc.subject/category" : "") +
      ".",
    records,
    issues: log.issues,
    issueCounts: log.counts,
    lines: kept.length,
    lmEval: { metrics, metric, filters, filter, model },
  };
}
