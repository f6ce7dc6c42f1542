// lm-evaluation-harness's results_<timestamp>.json: no items, but the run's facts — the model's
// name and, per task, the harness's own score, its standard error and how many samples it scored.
// The page reads it as metadata: it names the run's samples files' model and is set beside what
// the page computed from them ("lm-eval: 60.0% ± 11.2 on 20 · read here: 60.0% on 20 ✓").
import type { FileResult, TaskSummary } from "../types.js";
import { isObject, type ResultFormat } from "./format.js";
import { runOf } from "./paths.js";

function modelOf(doc: Record<string, unknown>): string | null {
  if (typeof doc.model_name === "string" && doc.model_name.trim()) return doc.model_name.trim();
  const config = doc.config;
  if (isObject(config)) {
    const args = config.model_args;
    if (typeof args === "string") {
      const m = /(?:^|,)\s*(?:pretrained|model|path)=([^,]+)/.exec(args);
      if (m) return m[1]!.trim();
    }
    if (isObject(args)) {
      for (const k of ["pretrained", "model", "path"])
        if (typeof args[k] === "string") return args[k] as string;
    }
  }
  return null;
}

/** Every task's metrics: "acc,none" with "acc_stderr,none" (lm-eval ≥ 0.4), or "acc" with "acc_stderr" (0.3). */
export function taskSummaries(doc: Record<string, unknown>, run = ""): TaskSummary[] {
  const results = doc.results;
  if (!isObject(results)) return [];
  const nSamples = isObject(doc["n-samples"]) ? doc["n-samples"] : {};
  const model = modelOf(doc);
  const out: TaskSummary[] = [];
  for (const [task, metrics] of Object.entries(results)) {
    if (!isObject(metrics)) continue;
    const counts = nSamples[task];
    const n = isObject(counts) && typeof counts.effective === "number" ? counts.effective : null;
    for (const [key, value] of Object.entries(metrics)) {
      if (typeof value !== "number" || key === "alias") continue;
      const [name, filter] = key.split(",") as [string, string | undefined];
      if (name.endsWith("_stderr")) continue;
      const stderrKey = filter === undefined ? `${name}_stderr` : `${name}_stderr,${filter}`;
      const se = metrics[stderrKey];
      out.push({
        run,
        model,
        task,
        metric: key,
        value,
        stderr: typeof se === "number" && Number.isFinite(se) ? se : null,
        n,
      });
    }
  }
  return out;
}

export const lmEvalResults: ResultFormat = {
  id: "lm-eval-results",
  label: "lm-evaluation-harness results summary (results_*.json)",
  detect: ({ doc }) =>
    isObject(doc) && isObject(doc.results) && !("samples" in doc && "eval" in doc)
      ? "configs" in doc || "versions" in doc || "n-samples" in doc || "model_name" in doc
        ? 0.95
        : 0.6
      : 0,
  parse({ file, doc }): FileResult {
    const d = doc as Record<string, unknown>;
    const run = runOf(file);
    const summaries = taskSummaries(d, run);
    const model = modelOf(d);
    const tasks = [...new Set(summaries.map((s) => s.task))];
    return {
      file,
      format: "lm-eval-results",
      formatLabel: lmEvalResults.label,
      description: `lm-evaluation-harness results summary${model ? ` for model "${model}"` : ""}: ${tasks.length} task${tasks.length === 1 ? "" : "s"} with the harness's own scores and standard errors. It holds no per-item results; it names the model of the samples files from the same run and is checked against them.`,
      records: [],
      issues: [],
      issueCounts: {},
      lines: 0,
      run,
      meta: { ...(model ? { model } : {}), summaries },
    };
  },
};
