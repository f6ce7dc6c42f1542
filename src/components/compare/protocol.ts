// The rules for comparing two published scores (Lesson 3). First the comparability requirements
// (same benchmark and version, metric, prompting, decoding), then the five-step protocol:
// 1 same evaluator, 2 same shot count, 3 gap beyond noise, 4 consistent across ≥ 3 benchmarks,
// 5 a third-party reproduction of each claim. Verdict: "comparable" when everything is met;
// "not comparable" when the two numbers come from different methods (benchmark, version, metric,
// prompting, decoding or shots differ), so the gap mixes capability with method; otherwise
// "indicative only". Every check carries its reason in words.
import { type DifferenceStats, scoreDifference } from "../stats/scoreDifference.js";
import { formatPlusMinus, formatPp, formatPpRange } from "../ui/format.js";
import { canonicalBenchmark } from "./benchmarkNames.js";
import { canonicalModel, type ScoreCard } from "./scoreCard.js";

export type Status = "met" | "not-met" | "unknown";
export type Verdict = "comparable" | "indicative" | "not-comparable";

export interface Check {
  id: string;
  title: string;
  status: Status;
  reason: string;
}

/** What is known beyond the two cards: other benchmarks, and reproductions by third parties. */
export interface PairEvidence {
  /** Other benchmarks on which both models were scored in one pipeline, and who led; null when unknown. */
  otherBenchmarks: { benchmark: string; leader: "A" | "B" | "tie" }[] | null;
  /** A third party reproduced the claim (true), got a different number (false), or nothing is known (null). */
  reproducedA: boolean | null;
  reproducedB: boolean | null;
  /** Optional words for the reproduction check (who reproduced what). */
  reproductionNoteA?: string;
  reproductionNoteB?: string;
}

export const noEvidence: PairEvidence = { otherBenchmarks: null, reproducedA: null, reproducedB: null };

export interface Comparison {
  verdict: Verdict;
  headline: string;
  requirements: Check[];
  steps: Check[];
  /** The checks that decided the verdict (not met or unknown), in words. */
  reasons: string[];
  stats: DifferenceStats | null;
}

export const verdictLabel: Record<Verdict, string> = {
  comparable: "Comparable",
  indicative: "Indicative only",
  "not-comparable": "Not comparable",
};

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");
const name = (c: ScoreCard, fallback: string) => c.model.trim() || fallback;

function normMetric(m: string): string {
  const t = norm(m).replace(/^acc$/, "accuracy");
  return t;
}

function requirements(a: ScoreCard, b: ScoreCard, samePipeline: boolean): Check[] {
  const out: Check[] = [];
  const assumed = "not stated, but both numbers come from one table by one evaluator (one pipeline)";
  const bmA = canonicalBenchmark(a.benchmark);
  const bmB = canonicalBenchmark(b.benchmark);
  out.push(
    bmA === bmB
      ? { id: "benchmark", title: "Same benchmark", status: "met", reason: `Both are ${bmA}.` }
      : {
          id: "benchmark",
          title: "Same benchmark",
          status: "not-met",
          reason: `Different benchmarks (${bmA} vs ${bmB}): these numbers measure different things.`,
        },
  );
  const vA = norm(a.version);
  const vB = norm(b.version);
  out.push(
    vA && vB
      ? vA === vB
        ? { id: "version", title: "Same version", status: "met", reason: `Both on ${a.version.trim()}.` }
        : {
            id: "version",
            title: "Same version",
            status: "not-met",
            reason: `Different versions or splits (${a.version.trim()} vs ${b.version.trim()}): the questions differ.`,
          }
      : samePipeline
        ? { id: "version", title: "Same version", status: "met", reason: `Version ${assumed}.` }
        : {
            id: "version",
            title: "Same version",
            status: "unknown",
            reason: "The version or split is not stated on both cards.",
          },
  );
  const mA = normMetric(a.metric);
  const mB = normMetric(b.metric);
  out.push(
    mA && mB
      ? mA === mB || mA.includes(mB) || mB.includes(mA)
        ? { id: "metric", title: "Same metric", status: "met", reason: `Both report ${a.metric.trim()}.` }
        : {
            id: "metric",
            title: "Same metric",
            status: "not-met",
            reason: `Different metrics (${a.metric.trim()} vs ${b.metric.trim()}): the same answers can score differently.`,
          }
      : samePipeline
        ? { id: "metric", title: "Same metric", status: "met", reason: `Metric ${assumed}.` }
        : {
            id: "metric",
            title: "Same metric",
            status: "unknown",
            reason: "The metric is not stated on both cards.",
          },
  );
  out.push(
    a.cot !== "unknown" && b.cot !== "unknown"
      ? a.cot === b.cot
        ? {
            id: "prompting",
            title: "Same prompting",
            status: "met",
            reason:
              a.cot === "yes"
                ? "Both used chain-of-thought prompting."
                : "Neither used chain-of-thought prompting.",
          }
        : {
            id: "prompting",
            title: "Same prompting",
            status: "not-met",
            reason: `${a.cot === "yes" ? name(a, "A") : name(b, "B")} used chain-of-thought prompting and ${a.cot === "yes" ? name(b, "B") : name(a, "A")} did not: same benchmark name, different pipelines.`,
          }
      : samePipeline
        ? { id: "prompting", title: "Same prompting", status: "met", reason: `Prompting ${assumed}.` }
        : {
            id: "prompting",
            title: "Same prompting",
            status: "unknown",
            reason: "Whether chain-of-thought (or which template) was used is not stated on both cards.",
          },
  );
  const dA = norm(a.decoding);
  const dB = norm(b.decoding);
  out.push(
    dA && dB
      ? dA === dB
        ? {
            id: "decoding",
            title: "Same decoding",
            status: "met",
            reason: `Both decoded ${a.decoding.trim()}.`,
          }
        : {
            id: "decoding",
            title: "Same decoding",
            status: "not-met",
            reason: `Different decoding (${a.decoding.trim()} vs ${b.decoding.trim()}).`,
          }
      : samePipeline
        ? { id: "decoding", title: "Same decoding", status: "met", reason: `Decoding ${assumed}.` }
        : {
            id: "decoding",
            title: "Same decoding",
            status: "unknown",
            reason: "The decoding setup is not stated on both cards.",
          },
  );
  return out;
}

function evaluatorStep(a: ScoreCard, b: ScoreCard): Check {
  const title = "1. Same evaluator";
  const eA = norm(a.evaluator);
  const eB = norm(b.evaluator);
  if (!eA || !eB)
    return {
      id: "evaluator",
      title,
      status: "unknown",
      reason: "The evaluator is not stated on both cards.",
    };
  if (eA !== eB) {
    return {
      id: "evaluator",
      title,
      status: "not-met",
      reason: `Different evaluators (${a.evaluator.trim()} vs ${b.evaluator.trim()}): each ran its own pipeline, so part of the gap may be method.`,
    };
  }
  if (norm(a.source) !== norm(b.source)) {
    return {
      id: "evaluator",
      title,
      status: "unknown",
      reason: `Both by ${a.evaluator.trim()}, but from different reports: the pipeline may have changed between them.`,
    };
  }
  return {
    id: "evaluator",
    title,
    status: "met",
    reason: `Both scored by ${a.evaluator.trim()} in the same table.`,
  };
}

function shotsStep(a: ScoreCard, b: ScoreCard): Check {
  const title = "2. Same shot count";
  const sA = norm(a.shots);
  const sB = norm(b.shots);
  if (!sA || !sB)
    return { id: "shots", title, status: "unknown", reason: "The shot count is not stated on both cards." };
  if (sA !== sB) {
    return {
      id: "shots",
      title,
      status: "not-met",
      reason: `${sA}-shot vs ${sB}-shot: worked examples in the prompt change the score by themselves.`,
    };
  }
  return { id: "shots", title, status: "met", reason: `Both ${sA}-shot.` };
}

function noiseStep(a: ScoreCard, b: ScoreCard, stats: DifferenceStats | null, confidence: number): Check {
  const title = "3. Gap larger than noise";
  if (!stats) {
    return {
      id: "noise",
      title,
      status: "unknown",
      reason: "The number of questions (N) is unknown for at least one card, so the noise cannot be sized.",
    };
  }
  const level = `${Math.round(confidence * 100)}%`;
  if (a.model.trim() && canonicalModel(a.model) === canonicalModel(b.model)) {
    // One model scored twice on the same questions: sampling noise does not separate the two
    // numbers, so the gap is the method's. The yardstick is the one two different models would face.
    return {
      id: "noise",
      title,
      status: "unknown",
      reason: `Both cards are the same model (${a.model.trim()}) on the same questions, so no sampling noise separates them: the ${formatPp(Math.abs(stats.diff), 2)} between them is the method. For scale, two different models' scores would need to be more than ${formatPlusMinus((stats.upper - stats.lower) / 2, 2)} apart (the ${level} interval of a difference) to count as a real gap.`,
    };
  }
  const interval = `${level} interval of the difference ${formatPpRange(stats.lower, stats.upper, 2)}`;
  const pText = stats.pValue < 0.001 ? "p < 0.001" : `p = ${stats.pValue.toFixed(3)}`;
  const leader = stats.diff >= 0 ? name(a, "A") : name(b, "B");
  const mdd = `at these N, gaps under about ${formatPp(stats.mdd, 1)} are often missed`;
  if (stats.lower > 0 || stats.upper < 0) {
    return {
      id: "noise",
      title,
      status: "met",
      reason: `${leader} leads by ${formatPp(Math.abs(stats.diff), 2)}; ${interval} excludes zero (${pText}); ${mdd}.`,
    };
  }
  return {
    id: "noise",
    title,
    status: "not-met",
    reason: `A ${formatPp(Math.abs(stats.diff), 2)} gap is within noise: ${interval} includes zero (${pText}); ${mdd}.`,
  };
}

function consistencyStep(a: ScoreCard, b: ScoreCard, evidence: PairEvidence): Check {
  const title = "4. Consistent across ≥ 3 benchmarks";
  if (a.model.trim() && canonicalModel(a.model) === canonicalModel(b.model)) {
    return {
      id: "consistency",
      title,
      status: "unknown",
      reason: `Both cards are the same model (${a.model.trim()}): there is no ranking to confirm, and any gap between the two numbers is the method's.`,
    };
  }
  const others = evidence.otherBenchmarks;
  if (!others || others.length === 0) {
    return {
      id: "consistency",
      title,
      status: "unknown",
      reason: "No other benchmark on which both models were scored in one pipeline is known.",
    };
  }
  const here: "A" | "B" | "tie" = a.score > b.score ? "A" : b.score > a.score ? "B" : "tie";
  const leaderName = here === "A" ? name(a, "A") : name(b, "B");
  const against = others.filter((o) => o.leader !== here);
  const total = others.length + 1;
  if (here === "tie") {
    return {
      id: "consistency",
      title,
      status: "not-met",
      reason: "The scores are tied on this benchmark: no leader to confirm.",
    };
  }
  if (against.length > 0) {
    return {
      id: "consistency",
      title,
      status: "not-met",
      reason: `${leaderName} leads here but not on ${against.map((o) => o.benchmark).join(", ")} (${total - against.length} of ${total} benchmarks agree).`,
    };
  }
  if (total < 3) {
    return {
      id: "consistency",
      title,
      status: "unknown",
      reason: `${leaderName} also leads on ${others.map((o) => o.benchmark).join(", ")}, but that is ${total} benchmarks; the protocol asks for at least 3.`,
    };
  }
  return {
    id: "consistency",
    title,
    status: "met",
    reason: `${leaderName} also leads on ${others.map((o) => o.benchmark).join(", ")} (${total} of ${total} benchmarks).`,
  };
}

function reproductionStep(a: ScoreCard, b: ScoreCard, evidence: PairEvidence): Check {
  const title = "5. Third-party reproduction of each";
  const one = (
    c: ScoreCard,
    fallback: string,
    reproduced: boolean | null,
    note?: string,
  ): [Status, string] => {
    const who = name(c, fallback);
    if (c.evaluatorKind !== "self-reported") {
      return ["met", `${who}'s number is itself from a third party (${c.evaluator.trim() || "not named"})`];
    }
    if (reproduced === true) return ["met", note ?? `${who}'s claim was reproduced by a third party`];
    if (reproduced === false) return ["not-met", note ?? `a third party did not reproduce ${who}'s claim`];
    return ["unknown", note ?? `no third-party reproduction of ${who}'s self-reported number is known`];
  };
  const [sA, rA] = one(a, "A", evidence.reproducedA, evidence.reproductionNoteA);
  const [sB, rB] = one(b, "B", evidence.reproducedB, evidence.reproductionNoteB);
  const status: Status =
    sA === "not-met" || sB === "not-met" ? "not-met" : sA === "met" && sB === "met" ? "met" : "unknown";
  return { id: "reproduction", title, status, reason: `${rA[0]!.toUpperCase()}${rA.slice(1)}; ${rB}.` };
}

export function compareCards(
  a: ScoreCard,
  b: ScoreCard,
  evidence: PairEvidence = noEvidence,
  { confidence = 0.95 } = {},
): Comparison {
  const sameBenchmark = canonicalBenchmark(a.benchmark) === canonicalBenchmark(b.benchmark);
  const samePipeline =
    !!norm(a.evaluator) && norm(a.evaluator) === norm(b.evaluator) && norm(a.source) === norm(b.source);
  const reqs = requirements(a, b, samePipeline);
  const stats = sameBenchmark ? scoreDifference(a, b, { confidence }) : null;
  const steps = [
    evaluatorStep(a, b),
    shotsStep(a, b),
    noiseStep(a, b, stats, confidence),
    consistencyStep(a, b, evidence),
    reproductionStep(a, b, evidence),
  ];
  if (!sameBenchmark) {
    steps[2] = {
      ...steps[2]!,
      status: "unknown",
      reason: "Scores on different benchmarks have no common noise to compare against.",
    };
  }
  const blockers = [...reqs, steps[1]!].filter((c) => c.status === "not-met");
  const open = [...reqs, ...steps].filter((c) => c.status !== "met");
  let verdict: Verdict;
  let headline: string;
  if (blockers.length > 0) {
    verdict = "not-comparable";
    const differs: Record<string, string> = {
      benchmark: "the benchmarks differ",
      version: "the versions differ",
      metric: "the metrics differ",
      prompting: "the prompting differs",
      decoding: "the decoding differs",
      shots: "the shot counts differ",
    };
    const what = blockers.map((c) => differs[c.id] ?? c.title.toLowerCase());
    headline = `Not comparable: ${what.join(", ")}. The gap mixes a capability difference with a difference in method, and the two cannot be separated.`;
  } else if (open.length === 0) {
    verdict = "comparable";
    const leader = a.score >= b.score ? name(a, "A") : name(b, "B");
    headline = `Comparable: one pipeline, a gap beyond noise, consistent across benchmarks and reproduced — ${leader}'s lead is well supported.`;
  } else {
    verdict = "indicative";
    const missing = open.map((c) => c.title.replace(/^\d\. /, "").toLowerCase());
    headline = `Indicative only: ${open.length} check${open.length === 1 ? " is" : "s are"} not satisfied (${missing.join(", ")}). Treat the gap as a hint, not a result.`;
  }
  if (a.model.trim() && canonicalModel(a.model) === canonicalModel(b.model)) {
    headline = `Same model, two numbers. ${headline}`;
  }
  const reasons = (verdict === "not-comparable" ? blockers : open).map((c) => c.reason);
  return { verdict, headline, requirements: reqs, steps, reasons, stats };
}
