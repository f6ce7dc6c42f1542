// A score card: one published number with everything needed to judge whether it can be compared
// with another — benchmark and version, N, shots, chain-of-thought, decoding, evaluator.
import type { Benchmark, PublishedScore } from "../data/types.js";
import { benchmarkSize, canonicalBenchmark } from "./benchmarkNames.js";

export type EvaluatorKind = "self-reported" | "third-party" | "leaderboard";
export type Tristate = "yes" | "no" | "unknown";

// A type alias (not an interface) so it fits Record<string, unknown> for the URL codecs.
export type ScoreCard = {
  model: string;
  benchmark: string;
  /** Benchmark version or split, e.g. "test", "v2", "Diamond"; "" when not stated. */
  version: string;
  /** Score in percent, 0–100. */
  score: number;
  /** Questions in the test set; null when unknown. */
  n: number | null;
  /** Shot count as published ("5", "0", "3-5"); "" when not stated. */
  shots: string;
  cot: Tristate;
  /** "greedy", "sampled", or "" when not stated. */
  decoding: string;
  /** Metric ("accuracy", "acc_norm", "pass@1"); "" when not stated. */
  metric: string;
  /** Prompt template or harness details ("" when not stated). */
  prompt: string;
  /** Who ran the evaluation ("Meta", "Hugging Face Open LLM Leaderboard v1"). */
  evaluator: string;
  evaluatorKind: EvaluatorKind;
  /** Parameters in billions; null when not disclosed. */
  params: number | null;
  /** Where the number comes from. */
  source: string;
};

export const emptyCard: ScoreCard = {
  model: "",
  benchmark: "MMLU",
  version: "",
  score: 0,
  n: null,
  shots: "",
  cot: "unknown",
  decoding: "",
  metric: "",
  prompt: "",
  evaluator: "",
  evaluatorKind: "self-reported",
  params: null,
  source: "typed by hand",
};

const canonicalCache = new Map<string, string>();

/**
 * One identity for a model however a table spells it: "meta-llama/Llama-2-70b-hf",
 * "Llama 2 70B" and "llama-2-70b" are the same model. Heuristic, and deliberately narrow:
 * chat/instruct variants and later versions stay distinct; a first release's "v0.1" is dropped.
 */
export function canonicalModel(name: string): string {
  // Called for every published row on every redraw of the checker: remember each answer.
  const known = canonicalCache.get(name);
  if (known !== undefined) return known;
  const result = canonicalModelUncached(name);
  canonicalCache.set(name, result);
  return result;
}

function canonicalModelUncached(name: string): string {
  let s = name.toLowerCase().trim();
  s = s.replace(/^[^/]+\//, "");
  s = s.replace(/[_\s-]+/g, " ");
  s = s.replace(/\bhf\b/g, " ");
  s = s.replace(/\bmeta llama\b/g, "llama");
  s = s.replace(/\b(llama|phi)(\d)/g, "$1 $2");
  s = s.replace(/\bllama 3 1\b/g, "llama 3.1");
  s = s.replace(/\bllama 1 /g, "llama ");
  s = s.replace(/\bllama 30b\b/g, "llama 33b");
  s = s.replace(/\bv0\.1\b/g, " ");
  s = s.replace(/\bgemini pro 1\.5\b/g, "gemini 1.5 pro");
  return s.replace(/\s+/g, " ").trim();
}

/** The kind of evaluator behind a published row. */
export function evaluatorKind(row: Pick<PublishedScore, "evaluator" | "evaluator_type">): EvaluatorKind {
  if (/leaderboard/i.test(row.evaluator)) return "leaderboard";
  return row.evaluator_type.startsWith("third-party") ? "third-party" : "self-reported";
}

function tristate(text: string | null): Tristate {
  if (!text) return "unknown";
  const t = text.toLowerCase();
  if (t.startsWith("yes")) return "yes";
  if (t === "no") return "no";
  return "unknown";
}

/** A short, stable id for a published row (FNV-1a over its identifying fields), for links. */
export function rowId(row: PublishedScore): string {
  const text = [
    row.model,
    row.benchmark,
    row.score,
    row.shots,
    row.cot,
    row.evaluator,
    row.extra_setting,
    row.source,
  ].join("|");
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** A card filled from a published row, with N from the benchmark table where it has one. */
export function cardFromPublished(row: PublishedScore, benchmarks: readonly Benchmark[]): ScoreCard {
  const size = benchmarkSize(benchmarks, row.benchmark);
  const shots = row.shots && row.shots !== "not stated" ? row.shots : "";
  return {
    model: row.model,
    benchmark: canonicalBenchmark(row.benchmark),
    version: size?.split ?? "",
    score: row.score,
    n: size?.n ?? null,
    shots,
    cot: tristate(row.cot),
    decoding: "",
    metric: row.metric ?? "",
    prompt: row.extra_setting ?? "",
    evaluator: row.evaluator,
    evaluatorKind: evaluatorKind(row),
    params: row.params_b,
    source: row.source,
  };
}

/** "Llama 2 70B — 68.9 (Meta, 5-shot)" for menus. */
export function rowLabel(row: PublishedScore): string {
  const shots = row.shots && row.shots !== "not stated" ? `, ${row.shots}-shot` : "";
  const cot = row.cot.startsWith("yes") ? ", CoT" : "";
  return `${canonicalBenchmark(row.benchmark)} · ${row.model} — ${row.score} (${row.evaluator}${shots}${cot})`;
}
