// The scores of the top models of the Open LLM Leaderboard v1 and v2 (unflagged, unmerged, one
// half-precision row per model, best average first) on each benchmark with a known N: the data
// behind /deeper/signal-and-noise.
import type { BoardBenchmark, SignalBoard, SignalData } from "../components/deeper/types.js";
import { readTable } from "./source.js";

const TOP = 300;
const sizes = readTable("benchmarks.csv", { benchmark: "string", split: "string", n: "optional-number" });
const sizeOf = (benchmark: string, split: string) => {
  const n = sizes.find((r) => r.benchmark === benchmark && r.split === split)?.n;
  if (!n) throw new Error(`data/benchmarks.csv: no N for ${benchmark} (${split})`);
  return n;
};
const yes = (s: string) => s.trim().toUpperCase() === "TRUE";

interface Spec {
  key: string;
  label: string;
  size: [string, string];
  note: string;
  /** The column holds a percentage (v1) rather than a proportion (v2). */
  percent?: boolean;
}

function board(
  id: SignalBoard["id"],
  label: string,
  rows: { model: string; precision: string; average: number; keep: boolean; [k: string]: unknown }[],
  specs: Spec[],
): SignalBoard {
  const seen = new Set<string>();
  const top = rows
    .filter((r) => r.keep && (r.precision === "float16" || r.precision === "bfloat16"))
    .sort((a, b) => b.average - a.average)
    .filter((r) => !seen.has(r.model) && seen.add(r.model))
    .slice(0, TOP);
  const benchmarks: BoardBenchmark[] = specs.map((s) => ({
    key: s.key,
    label: s.label,
    n: sizeOf(...s.size),
    note: s.note,
    scores: top.map((r) => Math.round((r[s.key] as number) * (s.percent ? 100 : 10_000)) / 10_000),
  }));
  return { id, label, models: top.map((r) => r.model), benchmarks };
}

const v1 = readTable("open_llm_leaderboard_v1.csv", {
  model: "string",
  precision: "string",
  average: "number",
  arc: "number",
  hellaswag: "number",
  mmlu: "number",
  truthfulqa: "number",
  winogrande: "number",
  gsm8k: "number",
  not_merged: "string",
  not_flagged: "string",
}).map((r) => ({ ...r, keep: yes(r.not_merged) && yes(r.not_flagged) }));

const v2 = readTable("open_llm_leaderboard_v2.csv", {
  model: "string",
  precision: "string",
  average_normalized: "number",
  ifeval_raw: "number",
  bbh_raw: "number",
  musr_raw: "number",
  mmlu_pro_raw: "number",
  merged: "string",
  flagged: "string",
}).map((r) => ({ ...r, average: r.average_normalized, keep: !yes(r.merged) && !yes(r.flagged) }));

const out: SignalData = {
  boards: [
    board("v1", "Open LLM Leaderboard v1 (final, 2024)", v1, [
      { key: "mmlu", label: "MMLU", size: ["MMLU", "test"], note: "5-shot accuracy", percent: true },
      { key: "hellaswag", label: "HellaSwag", size: ["HellaSwag", "validation"], note: "10-shot, normalised accuracy", percent: true },
      { key: "arc", label: "ARC-Challenge", size: ["ARC-Challenge", "test"], note: "25-shot, normalised accuracy", percent: true },
      { key: "winogrande", label: "WinoGrande", size: ["WinoGrande", "validation (dev)"], note: "5-shot accuracy", percent: true },
      { key: "gsm8k", label: "GSM8K", size: ["GSM8K", "test"], note: "5-shot exact match", percent: true },
      { key: "truthfulqa", label: "TruthfulQA", size: ["TruthfulQA", "validation (only split)"], note: "MC2, a probability mass: k of N is an approximation", percent: true },
    ]),
    board("v2", "Open LLM Leaderboard v2 (final, 2025)", v2, [
      { key: "mmlu_pro_raw", label: "MMLU-Pro", size: ["MMLU-Pro", "test"], note: "5-shot raw accuracy" },
      { key: "bbh_raw", label: "BBH", size: ["BBH", "test (27 subtasks)"], note: "3-shot; an average of subtasks, so k of N is an approximation" },
      { key: "musr_raw", label: "MuSR", size: ["MuSR", "test"], note: "0-shot raw accuracy" },
      { key: "ifeval_raw", label: "IFEval", size: ["IFEval", "test (prompts)"], note: "prompt- and instruction-level accuracy mixed: k of N is an approximation" },
    ]),
  ],
  source:
    "data/open_llm_leaderboard_v1.csv and _v2.csv (fboulnois/llm-leaderboard-csv csv/huggingface.csv@65554a1d, csv/huggingface_v2.csv@0f4e5c69); N from data/benchmarks.csv",
};
process.stdout.write(JSON.stringify(out));
