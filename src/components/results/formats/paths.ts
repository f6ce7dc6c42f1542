// What a file's path says: its folder (files of one run sit together), and for lm-evaluation-
// harness the task and timestamp in samples_<task>_<timestamp>.jsonl and results_<timestamp>.json.

/** "runs/llama/samples_copa_2024-05-01T10-00-00.123.jsonl" → "runs/llama" ("" without a folder). */
export function folderOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts.slice(0, -1).join("/");
}

/** The last part of a path. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

const STAMP = /_(\d{4}-\d{2}-\d{2}T\d{2}[-:]\d{2}[-:]\d{2}(?:\.\d+)?)$/;

export interface LmEvalName {
  kind: "samples" | "results";
  /** The task, for samples files ("" when the name has none). */
  task: string;
  /** The run's timestamp, shared by its samples and results files ("" when the name has none). */
  timestamp: string;
}

/** Parse lm-eval's file names; null for any other name. */
export function lmEvalName(path: string): LmEvalName | null {
  const stem = baseName(path).replace(/(\.jsonl|\.json|\.gz)+$/i, "");
  const m = /^(samples|results)(?:_(.*))?$/.exec(stem);
  if (!m) return null;
  const rest = m[2] ?? "";
  const stamp = STAMP.exec(`_${rest}`);
  const timestamp = stamp ? stamp[1]! : /^\d{4}-\d{2}-\d{2}T/.test(rest) ? rest : "";
  const task =
    m[1] === "samples" ? (timestamp ? rest.slice(0, rest.length - timestamp.length - 1) : rest) : "";
  return { kind: m[1] as "samples" | "results", task, timestamp };
}

/**
 * The run a file belongs to: its folder plus, for lm-eval, its timestamp — so the samples of one
 * run and its results file group together even when several runs were dropped loose.
 */
export function runOf(path: string): string {
  const lm = lmEvalName(path);
  return `${folderOf(path)}|${lm?.timestamp ?? ""}`;
}

/** "out/meta-llama__Llama-3-8B/samples_mmlu_…jsonl" → "meta-llama/Llama-3-8B" (lm-eval's folder naming). */
export function modelFromFolder(path: string): string | null {
  const folder = folderOf(path).split("/").filter(Boolean);
  const last = folder[folder.length - 1];
  return last ? last.replace("__", "/") : null;
}
