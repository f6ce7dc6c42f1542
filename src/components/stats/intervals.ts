// Confidence intervals for a binomial proportion: a benchmark score is k right out of n questions.
import { betaQuantile, zCritical } from "./distributions.js";
import { assertConfidence, assertProbability, assertSuccesses, assertTrials } from "./validate.js";

export type IntervalMethod = "wald" | "wilson" | "wilson-cc" | "agresti-coull" | "clopper-pearson";

export const intervalMethods: readonly { id: IntervalMethod; label: string }[] = [
  { id: "wald", label: "Wald (normal approximation)" },
  { id: "wilson", label: "Wilson score" },
  { id: "wilson-cc", label: "Wilson with continuity correction" },
  { id: "agresti-coull", label: "Agresti–Coull" },
  { id: "clopper-pearson", label: "Clopper–Pearson (exact)" },
];

export interface Interval {
  /** The point estimate k / n. */
  estimate: number;
  lower: number;
  upper: number;
}

export interface IntervalOptions {
  confidence?: number;
  method?: IntervalMethod;
}

const clip01 = (x: number) => Math.min(1, Math.max(0, x));

/** Clip to [0, 1] and make sure floating-point error never leaves the estimate outside. */
function bounded(p: number, lower: number, upper: number): Interval {
  return { estimate: p, lower: Math.min(clip01(lower), p), upper: Math.max(clip01(upper), p) };
}

/**
 * Interval for a proportion from k successes in n trials, as proportions in [0, 1].
 * Throws a RangeError naming the bad argument for invalid k or n.
 */
export function proportionInterval(
  k: number,
  n: number,
  { confidence = 0.95, method = "wilson" }: IntervalOptions = {},
): Interval {
  assertSuccesses(k, n);
  assertConfidence(confidence);
  const p = k / n;
  const z = zCritical(confidence);
  const z2 = z * z;
  switch (method) {
    case "wald": {
      const h = z * Math.sqrt((p * (1 - p)) / n);
      return bounded(p, p - h, p + h);
    }
    case "wilson": {
      const center = (p + z2 / (2 * n)) / (1 + z2 / n);
      const h = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
      return bounded(p, center - h, center + h);
    }
    case "wilson-cc": {
      // Newcombe (1998), method 4.
      const q = 1 - p;
      const denom = 2 * (n + z2);
      const lower =
        k === 0 ? 0 : (2 * n * p + z2 - 1 - z * Math.sqrt(z2 - 2 - 1 / n + 4 * p * (n * q + 1))) / denom;
      const upper =
        k === n ? 1 : (2 * n * p + z2 + 1 + z * Math.sqrt(z2 + 2 - 1 / n + 4 * p * (n * q - 1))) / denom;
      return bounded(p, lower, upper);
    }
    case "agresti-coull": {
      const nTilde = n + z2;
      const pTilde = (k + z2 / 2) / nTilde;
      const h = z * Math.sqrt((pTilde * (1 - pTilde)) / nTilde);
      return bounded(p, pTilde - h, pTilde + h);
    }
    case "clopper-pearson": {
      const alpha = 1 - confidence;
      const lower = k === 0 ? 0 : betaQuantile(alpha / 2, k, n - k + 1);
      const upper = k === n ? 1 : betaQuantile(1 - alpha / 2, k + 1, n - k);
      return bounded(p, lower, upper);
    }
    default:
      throw new RangeError(`method must be one of ${intervalMethods.map((m) => m.id).join(", ")}`);
  }
}

/**
 * Normal-approximation half-width z·√(p(1−p)/n) of a score's interval, as a proportion.
 * This is what the course's table quotes (e.g. MMLU at 80%: 0.0066, i.e. ±0.66 pp).
 */
export function halfWidth(p: number, n: number, confidence = 0.95): number {
  assertProbability("p", p);
  assertTrials("n", n);
  assertConfidence(confidence);
  return zCritical(confidence) * Math.sqrt((p * (1 - p)) / n);
}

/**
 * The interval of a score given as an accuracy p over n questions (k = round(p·n)).
 * Convenience for pages that know a published percentage, not a count.
 */
export function scoreInterval(p: number, n: number, options: IntervalOptions = {}): Interval {
  assertProbability("p", p);
  assertTrials("n", n);
  return { ...proportionInterval(Math.round(p * n), n, options), estimate: p };
}
