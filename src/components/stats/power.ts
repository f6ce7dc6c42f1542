// How many questions are needed to tell two accuracies apart, and the power at a given size.
import { normalCdf, zCritical } from "./distributions.js";
import { assertProbability, assertTrials } from "./validate.js";

export interface PowerOptions {
  alpha?: number;
  power?: number;
}

function checkPair(p1: number, p2: number, alpha: number) {
  assertProbability("p1", p1, { open: true });
  assertProbability("p2", p2, { open: true });
  assertProbability("alpha", alpha, { open: true });
}

/**
 * Questions per model needed to detect p1 ≠ p2 with a two-sided test at level alpha and the
 * given power, by the normal approximation (the formula R's power.prop.test solves):
 * n = (z_{α/2}·√(2·p̄q̄) + z_β·√(p1q1 + p2q2))² / (p1 − p2)², rounded up.
 * Returns Infinity when p1 = p2.
 */
export function sampleSizeTwoProportions(
  p1: number,
  p2: number,
  { alpha = 0.05, power: target = 0.8 }: PowerOptions = {},
): number {
  checkPair(p1, p2, alpha);
  assertProbability("power", target, { open: true });
  if (p1 === p2) return Number.POSITIVE_INFINITY;
  return Math.ceil(sampleSizeExact(p1, p2, alpha, target) - 1e-9);
}

/** The unrounded n of sampleSizeTwoProportions (for plotting smooth curves and for tests). */
export function sampleSizeExact(p1: number, p2: number, alpha: number, target: number): number {
  const pBar = (p1 + p2) / 2;
  const za = zCritical(1 - alpha);
  const zb = zCritical(2 * target - 1);
  const num = za * Math.sqrt(2 * pBar * (1 - pBar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return (num * num) / ((p1 - p2) * (p1 - p2));
}

/** Power of the two-sided two-proportion test with n questions per model. */
export function power(p1: number, p2: number, n: number, { alpha = 0.05 }: { alpha?: number } = {}): number {
  checkPair(p1, p2, alpha);
  assertTrials("n", n);
  const pBar = (p1 + p2) / 2;
  const za = zCritical(1 - alpha);
  const d = Math.abs(p1 - p2);
  const sdAlt = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return normalCdf((Math.sqrt(n) * d - za * Math.sqrt(2 * pBar * (1 - pBar))) / sdAlt);
}

/**
 * The smallest difference a two-sided test detects with the given power at n questions per
 * model, around a baseline accuracy p (normal approximation with the variance at p).
 */
export function minimumDetectableDifference(
  p: number,
  n: number,
  { alpha = 0.05, power: target = 0.8, paired = false, correlation = 0 } = {},
): number {
  assertProbability("p", p);
  assertTrials("n", n);
  const za = zCritical(1 - alpha);
  const zb = zCritical(2 * target - 1);
  const variance = 2 * p * (1 - p) * (paired ? 1 - correlation : 1);
  return (za + zb) * Math.sqrt(variance / n);
}
