// The numbers Lesson 3's prose quotes, computed from the data (never typed twice): the published
// MMLU scores of Llama 2 70B and Mistral 7B, and the course's interval examples.
import { findBenchmark } from "../data/benchmarkTable.js";
import type { Benchmark, PublishedScore } from "../data/types.js";
import { halfWidth } from "../stats/index.js";
import { canonicalBenchmark } from "./benchmarkNames.js";
import { canonicalModel } from "./scoreCard.js";

const shortEvaluator = (r: PublishedScore) =>
  r.evaluator_type.startsWith("same-lab")
    ? `${r.evaluator}, re-evaluated for a later card`
    : r.evaluator === "Mistral AI" && r.evaluator_type.startsWith("third-party")
      ? "Mistral AI's re-run"
      : r.evaluator.replace("Hugging Face ", "");

function mmluScores(rows: readonly PublishedScore[], model: string) {
  return rows
    .filter(
      (r) =>
        canonicalModel(r.model) === model && canonicalBenchmark(r.benchmark) === "MMLU" && r.shots === "5",
    )
    .sort((a, b) => a.score - b.score);
}

export function lessonNumbers(rows: readonly PublishedScore[], benchmarks: readonly Benchmark[]) {
  const mmluN = findBenchmark(benchmarks, "MMLU", "test").n;
  const gsmN = findBenchmark(benchmarks, "GSM8K", "test").n;
  const heN = findBenchmark(benchmarks, "HumanEval", "test").n;
  const llama70 = mmluScores(rows, "llama 2 70b").map((r) => ({ score: r.score, who: shortEvaluator(r) }));
  const mistral = mmluScores(rows, "mistral 7b")
    .filter((r) => r.evaluator === "Mistral AI")
    .map((r) => ({ score: r.score, source: r.source }));
  const mistralGap =
    mistral.length >= 2 ? mistral[mistral.length - 1]!.score - mistral[0]!.score : Number.NaN;
  const mistralP = (mistral[0]?.score ?? 60) / 100;
  const hwMistral = 100 * halfWidth(mistralP, mmluN);
  const mixtralTable = rows.filter(
    (r) => r.source.includes("2401.04088") && canonicalBenchmark(r.benchmark) === "MMLU",
  );
  const inMixtral = (model: string) =>
    mixtralTable.find((r) => canonicalModel(r.model) === model)?.score ?? Number.NaN;
  const typical = 93;
  const gpt4Gsm8k =
    rows.find((r) => r.model === "GPT-4" && canonicalBenchmark(r.benchmark) === "GSM8K")?.score ?? null;
  return {
    llama70,
    mistral,
    mistralGap,
    mmluHalfWidthAtMistral: hwMistral,
    mistralGapInSe: mistralGap / hwMistral,
    mistralVsLlama13: { mistral: inMixtral("mistral 7b"), llama13: inMixtral("llama 2 13b") },
    mmlu: { n: mmluN, k85: Math.round(0.85 * mmluN), hw85: 100 * halfWidth(0.85, mmluN) },
    gsm8k: { n: gsmN, hw80: 100 * halfWidth(0.8, gsmN), hw93: 100 * halfWidth(typical / 100, gsmN), typical },
    humaneval: { n: heN },
    /** GPT-4's self-reported GSM8K score (5-shot chain-of-thought), for "typical performance". */
    gpt4Gsm8k,
  };
}
