// Published tables spell benchmarks differently ("GSM-8K", "ARC-C", "Winogrande"). One canonical
// name per benchmark, and the split whose size (N) a published score is usually computed on.
import type { Benchmark } from "../data/types.js";

const aliases: Record<string, string> = {
  "gsm-8k": "GSM8K",
  gsm8k: "GSM8K",
  "arc-c": "ARC-Challenge",
  "arc-challenge": "ARC-Challenge",
  "arc-easy": "ARC-Easy",
  winogrande: "WinoGrande",
  "big-bench hard": "BBH",
  bbh: "BBH",
  "truthfulqa (mc2)": "TruthfulQA",
  "agieval (english)": "AGIEval English",
  "agieval english": "AGIEval English",
  commonsenseqa: "CommonSenseQA",
  mmlu: "MMLU",
  "mmlu-pro": "MMLU-Pro",
  humaneval: "HumanEval",
  hellaswag: "HellaSwag",
};

/** "GSM-8K" → "GSM8K", "ARC-C" → "ARC-Challenge"; unknown names are returned trimmed. */
export function canonicalBenchmark(name: string): string {
  const key = name.trim().toLowerCase();
  return aliases[key] ?? name.trim();
}

/** The split a score on this benchmark is normally reported on (labelled splits only). */
const defaultSplit: Record<string, string> = {
  MMLU: "test",
  "MMLU-Pro": "test",
  GSM8K: "test",
  HumanEval: "test",
  MBPP: "test (full)",
  HellaSwag: "validation",
  "ARC-Challenge": "test",
  "ARC-Easy": "test",
  TruthfulQA: "validation (only split)",
  WinoGrande: "validation (dev)",
  BoolQ: "validation",
  DROP: "validation",
  MATH: "test",
  BBH: "test (27 subtasks)",
  IFEval: "test (prompts)",
  MuSR: "test",
};

/** N for a published score's benchmark from the benchmark table, or null when the table has none. */
export function benchmarkSize(
  benchmarks: readonly Benchmark[],
  name: string,
): { benchmark: string; split: string; n: number; source: string } | null {
  const canonical = canonicalBenchmark(name);
  const split = defaultSplit[canonical];
  if (!split) return null;
  const row = benchmarks.find((b) => b.benchmark === canonical && b.split === split);
  return row ? { benchmark: canonical, split, n: row.n, source: row.source } : null;
}

/** Benchmarks whose N the tools can fill in, in a stable order. */
export function sizedBenchmarks(
  benchmarks: readonly Benchmark[],
): { name: string; split: string; n: number }[] {
  return Object.keys(defaultSplit)
    .map((name) => benchmarkSize(benchmarks, name))
    .filter((x): x is NonNullable<typeof x> => x !== null)
    .map((x) => ({ name: x.benchmark, split: x.split, n: x.n }));
}
