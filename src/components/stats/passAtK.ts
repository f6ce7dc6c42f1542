// pass@k and pass^k from n sampled attempts per problem, c of them correct.
//
// pass@k (Chen et al., 2021): the chance that at least one of k attempts drawn without replacement
// from the n is correct, 1 − C(n−c, k)/C(n, k) — unbiased for "at least one of k fresh attempts".
// The naive plug-in 1 − (1 − c/n)^k treats the n attempts as if they were drawn with replacement;
// it is biased low. pass^k (τ-bench, Yao et al., 2024): the chance that all k attempts drawn
// without replacement are correct, C(c, k)/C(n, k).
// Both products are computed as running products, never as factorials, so n = 200 is exact enough.
import { zCritical } from "./distributions.js";
import { assertSuccesses } from "./validate.js";

function assertK(k: number, n: number): void {
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(`k must be an integer from 1 to n = ${n} attempts, got ${k}`);
}

/** Unbiased pass@k for one problem: 1 − C(n−c, k)/C(n, k). */
export function passAtK(n: number, c: number, k: number): number {
  assertSuccesses(c, n, "c", "n");
  assertK(k, n);
  if (n - c < k) return 1;
  // C(n−c, k)/C(n, k) = Π_{i=n−c+1}^{n} (1 − k/i)
  let allWrong = 1;
  for (let i = n - c + 1; i <= n; i++) allWrong *= 1 - k / i;
  return 1 - allWrong;
}

/** The naive plug-in estimate 1 − (1 − c/n)^k (biased low for k > 1). */
export function naivePassAtK(n: number, c: number, k: number): number {
  assertSuccesses(c, n, "c", "n");
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  return 1 - (1 - c / n) ** k;
}

/** pass^k for one problem: all k of k attempts (without replacement) correct, C(c, k)/C(n, k). */
export function passHatK(n: number, c: number, k: number): number {
  assertSuccesses(c, n, "c", "n");
  assertK(k, n);
  if (c < k) return 0;
  // C(c, k)/C(n, k) = Π_{i=0}^{k−1} (c − i)/(n − i)
  let all = 1;
  for (let i = 0; i < k; i++) all *= (c - i) / (n - i);
  return all;
}

/** A benchmark-level value: the mean over problems, with a normal-approximation interval. */
export interface MeanEstimate {
  mean: number;
  /** Standard error of the mean over problems: sd/√P (sample sd, P − 1 in the denominator). */
  se: number;
  lower: number;
  upper: number;
}

/** The mean of per-problem values with its interval (problems as the sampling unit), clipped to [0, 1]. */
export function meanWithInterval(values: readonly number[], confidence = 0.95): MeanEstimate {
  const p = values.length;
  if (p < 2) throw new RangeError(`need at least 2 problems for an interval, got ${p}`);
  const mean = values.reduce((s, v) => s + v, 0) / p;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (p - 1);
  const se = Math.sqrt(variance / p);
  const z = zCritical(confidence);
  return { mean, se, lower: Math.max(0, mean - z * se), upper: Math.min(1, mean + z * se) };
}

/**
 * The run-to-run standard deviation of a single run's score when each problem i is solved with
 * probability c_i/n independently: √(Σ p_i(1 − p_i))/P. Problems every attempt solves (or fails)
 * add nothing; only the problems a model sometimes solves make one run differ from the next.
 */
export function singleRunSd(counts: readonly { n: number; c: number }[]): number {
  if (counts.length === 0) throw new RangeError("need at least one problem");
  let v = 0;
  for (const { n, c } of counts) {
    assertSuccesses(c, n, "c", "n");
    const p = c / n;
    v += p * (1 - p);
  }
  return Math.sqrt(v) / counts.length;
}
