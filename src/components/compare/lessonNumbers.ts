// The numbers Lesson 3's prose quotes, computed from the data (never typed twice): the GPT-4 and
// Claude 2 MMLU pair the lesson opens with, the published MMLU scores of Llama 2 70B and Mistral 7B,
// the interval examples, and the sentences that restate a figure's current state.
import { findBenchmark } from "../data/benchmarkTable.js";
import type { Benchmark, PublishedScore } from "../data/types.js";
import { type GapDesign, type GapResult, gapAnalysis, gapVerdict } from "../stats/gap.js";
import { halfWidth, type IntervalMethod, intervalMethods, proportionInterval } from "../stats/intervals.js";
import { formatCount, formatDiffPp } from "../ui/format.js";
import { canonicalBenchmark } from "./benchmarkNames.js";
import { canonicalModel } from "./scoreCard.js";

const shortEvaluator = (r: PublishedScore) =>
  r.evaluator_type.startsWith("same-lab")
    ? `${r.evaluator}, re-evaluated for a later card`
    : r.evaluator === "Mistral AI" && r.evaluator_type.startsWith("third-party")
      ? "Mistral AI's re-run"
      : r.evaluator.replace("Hugging Face ", "");

/** Where a Mistral AI number was published, read from its row's source. */
const mistralPaper = (r: PublishedScore) =>
  r.source.includes("2310.06825")
    ? "the Mistral 7B paper"
    : r.source.includes("2401.04088")
      ? "the Mixtral paper"
      : r.source;

function mmluScores(rows: readonly PublishedScore[], model: string) {
  return rows
    .filter(
      (r) =>
        canonicalModel(r.model) === model && canonicalBenchmark(r.benchmark) === "MMLU" && r.shots === "5",
    )
    .sort((a, b) => a.score - b.score);
}

/** A row's prompting setup in words: "5-shot, no chain of thought", "5-shot with chain of thought". */
export function settingsLabel(r: Pick<PublishedScore, "shots" | "cot">): string {
  const shots = r.shots && /^\d+$/.test(r.shots) ? `${r.shots}-shot` : "shots not stated";
  const cot = r.cot.trim().toLowerCase();
  return cot.startsWith("yes")
    ? `${shots} with chain of thought`
    : cot === "no"
      ? `${shots}, no chain of thought`
      : `${shots}, chain of thought not stated`;
}

/** One self-reported MMLU score with its settings, all from one row. */
function reportedMmlu(rows: readonly PublishedScore[], model: string) {
  const r = rows.find(
    (x) =>
      x.model === model && canonicalBenchmark(x.benchmark) === "MMLU" && x.evaluator_type === "self-reported",
  );
  if (!r) throw new Error(`published_scores.csv has no self-reported MMLU row for ${model}`);
  return { model: r.model, score: r.score, settings: settingsLabel(r), cot: r.cot, source: r.source };
}

/**
 * Two scorings of one model on the same questions, set against the yardstick a reader would use to
 * call a gap between two *different* models real: the 95% half-width of the difference of two
 * independent scores at their mean accuracy, √2 times one score's.
 */
export function methodGap(low: number, high: number, n: number, confidence = 0.95) {
  const gap = high - low;
  const p = (low + high) / 200;
  const diffHalfWidth = Math.SQRT2 * 100 * halfWidth(p, n, confidence);
  return { gap, diffHalfWidth, ratio: gap / diffHalfWidth };
}

export function lessonNumbers(rows: readonly PublishedScore[], benchmarks: readonly Benchmark[]) {
  const mmluN = findBenchmark(benchmarks, "MMLU", "test").n;
  const gsmN = findBenchmark(benchmarks, "GSM8K", "test").n;
  const heN = findBenchmark(benchmarks, "HumanEval", "test").n;
  const llama70 = mmluScores(rows, "llama 2 70b").map((r) => ({ score: r.score, who: shortEvaluator(r) }));
  const mistral = mmluScores(rows, "mistral 7b")
    .filter((r) => r.evaluator === "Mistral AI")
    .map((r) => ({ score: r.score, source: r.source, paper: mistralPaper(r) }));
  const mistralMethod =
    mistral.length >= 2
      ? methodGap(mistral[0]!.score, mistral[mistral.length - 1]!.score, mmluN)
      : { gap: Number.NaN, diffHalfWidth: Number.NaN, ratio: Number.NaN };
  const mixtralTable = rows.filter(
    (r) => r.source.includes("2401.04088") && canonicalBenchmark(r.benchmark) === "MMLU",
  );
  const inMixtral = (model: string) =>
    mixtralTable.find((r) => canonicalModel(r.model) === model)?.score ?? Number.NaN;
  const typical = 93;
  const gpt4Gsm8k =
    rows.find((r) => r.model === "GPT-4" && canonicalBenchmark(r.benchmark) === "GSM8K")?.score ?? null;
  const gpt4 = reportedMmlu(rows, "GPT-4");
  const claude2 = reportedMmlu(rows, "Claude 2");
  return {
    /** The pair Lesson 3 opens with: each score and its settings from its own row. */
    opening: { gpt4, claude2, gap: gpt4.score - claude2.score },
    llama70,
    mistral,
    /** Mistral 7B's two MMLU numbers: a method gap, set against the noise of a gap between two models. */
    mistralMethod,
    mistralVsLlama13: { mistral: inMixtral("mistral 7b"), llama13: inMixtral("llama 2 13b") },
    mmlu: {
      n: mmluN,
      k85: Math.round(0.85 * mmluN),
      hw85: 100 * halfWidth(0.85, mmluN),
      /** The 95% half-width of the difference of two independent MMLU scores at 85% (√2 times one). */
      diffHw85: Math.SQRT2 * 100 * halfWidth(0.85, mmluN),
    },
    gsm8k: { n: gsmN, hw80: 100 * halfWidth(0.8, gsmN), hw93: 100 * halfWidth(typical / 100, gsmN), typical },
    humaneval: { n: heN },
    /** GPT-4's self-reported GSM8K score (5-shot chain-of-thought), for "typical performance". */
    gpt4Gsm8k,
  };
}

export interface CiState {
  n: number;
  p: number;
  confidence: number;
  method: IntervalMethod;
}

/**
 * What the CI-width figure shows for its current inputs: the questions answered right (k = round(p·n)),
 * the chosen method's interval (%) and its half-width (pp), and the normal-approximation half-width.
 */
export function ciReading(v: CiState) {
  const n = Math.round(v.n);
  const k = Math.round(v.p * n);
  const ci = proportionInterval(k, n, { confidence: v.confidence, method: v.method });
  return {
    n,
    k,
    level: Math.round(100 * v.confidence),
    scorePct: (100 * k) / n,
    normalPp: 100 * halfWidth(v.p, n, v.confidence),
    halfWidthPp: (100 * (ci.upper - ci.lower)) / 2,
    lowerPct: 100 * ci.lower,
    upperPct: 100 * ci.upper,
    method: intervalMethods.find((m) => m.id === v.method)?.label ?? v.method,
  };
}

/** The sentence under the CI-width figure, restating its current state. */
export function ciSentence(v: CiState): string {
  const r = ciReading(v);
  return (
    `${formatCount(r.k)} right out of ${formatCount(r.n)} is ${r.scorePct.toFixed(1)}%. ` +
    `Its ${r.level}% interval runs from ${r.lowerPct.toFixed(1)}% to ${r.upperPct.toFixed(1)}% ` +
    `(${r.method}, about ±${r.halfWidthPp.toFixed(2)} pp): any true accuracy in that range could have produced this score.`
  );
}

export interface GapState {
  a: number;
  b: number;
  n: number;
  design: GapDesign;
  correlation: number;
  disagree: number;
}

const designWords: Record<GapDesign, string> = {
  independent: "scored on separate question sets",
  correlation: "paired on the same questions",
  discordant: "paired on the same questions",
};

/** The analysis of a gap state (scores and disagreement in %, as the figure's controls): the chosen design and the independent one. */
export function gapFor(v: GapState): { chosen: GapResult; independent: GapResult } {
  const base = { a: v.a / 100, b: v.b / 100, n: v.n };
  const independent = gapAnalysis({ ...base, design: "independent" });
  const chosen =
    v.design === "independent"
      ? independent
      : gapAnalysis({ ...base, design: v.design, correlation: v.correlation, disagree: v.disagree / 100 });
  return { chosen, independent };
}

/** The sentence under the "Is the gap real?" figure (scores and disagreement in %, as its controls). */
export function gapSentence(v: GapState): string {
  const g = gapFor(v).chosen;
  const verdict = gapVerdict(g);
  const pct = (k: number) => ((100 * k) / g.n).toFixed(1);
  return (
    `${pct(g.kA)}% against ${pct(g.kB)}% on ${formatCount(g.n)} questions, ${designWords[g.design]}: ` +
    `the difference is ${formatDiffPp(g.diff)} and its 95% interval runs from ${formatDiffPp(g.lower, 2, false)} to ${formatDiffPp(g.upper)}. ` +
    `${verdict.label}.`
  );
}
