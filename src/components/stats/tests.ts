// Tests of a difference between two scores: independent samples, or paired on the same questions.
import { binomialCdf, chiSquareSurvival, normalCdf, zCritical } from "./distributions.js";
import { assertConfidence, assertCount, assertSuccesses } from "./validate.js";

export interface Count {
  k: number;
  n: number;
}

export interface DifferenceTest {
  /** pA − pB, as a proportion. */
  diff: number;
  /** The standard error used for the z statistic (pooled unless pooled: false). */
  se: number;
  z: number;
  /** Two-sided p-value. */
  pValue: number;
  /** Interval of the difference, from the unpooled standard error. */
  lower: number;
  upper: number;
}

/**
 * Two-proportion z-test of a difference between two independent scores, e.g. two models
 * evaluated on different question sets, or two published numbers with no per-item data.
 */
export function twoProportionTest(
  a: Count,
  b: Count,
  { pooled = true, confidence = 0.95 }: { pooled?: boolean; confidence?: number } = {},
): DifferenceTest {
  assertSuccesses(a.k, a.n, "a.k", "a.n");
  assertSuccesses(b.k, b.n, "b.k", "b.n");
  assertConfidence(confidence);
  const pa = a.k / a.n;
  const pb = b.k / b.n;
  const diff = pa - pb;
  const seUnpooled = Math.sqrt((pa * (1 - pa)) / a.n + (pb * (1 - pb)) / b.n);
  const pp = (a.k + b.k) / (a.n + b.n);
  const sePooled = Math.sqrt(pp * (1 - pp) * (1 / a.n + 1 / b.n));
  const se = pooled ? sePooled : seUnpooled;
  const z = se === 0 ? 0 : diff / se;
  const pValue = se === 0 ? 1 : Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  const h = zCritical(confidence) * seUnpooled;
  return { diff, se, z, pValue, lower: Math.max(-1, diff - h), upper: Math.min(1, diff + h) };
}

export type McNemarMethod = "exact" | "chi2" | "chi2-cc";

/**
 * McNemar's test for paired 0/1 results. b = questions only model A got right,
 * c = questions only model B got right. "exact" is the two-sided binomial test of b
 * out of b + c at 1/2; its statistic is min(b, c).
 */
export function mcnemarTest(
  b: number,
  c: number,
  { method = "exact" }: { method?: McNemarMethod } = {},
): { statistic: number; pValue: number } {
  assertCount("b", b);
  assertCount("c", c);
  const m = b + c;
  if (method === "exact") {
    const statistic = Math.min(b, c);
    if (m === 0) return { statistic, pValue: 1 };
    return { statistic, pValue: Math.min(1, 2 * binomialCdf(statistic, m, 0.5)) };
  }
  if (method === "chi2" || method === "chi2-cc") {
    if (m === 0) return { statistic: 0, pValue: 1 };
    const d = method === "chi2-cc" ? Math.max(0, Math.abs(b - c) - 1) : Math.abs(b - c);
    const statistic = (d * d) / m;
    return { statistic, pValue: chiSquareSurvival(statistic, 1) };
  }
  throw new RangeError(`method must be "exact", "chi2" or "chi2-cc", got ${String(method)}`);
}

export interface PairedDifference {
  /** Mean of x − y (the difference in accuracy). */
  meanDiff: number;
  se: number;
  lower: number;
  upper: number;
  /** Pearson correlation of the two result vectors (0 when either is constant). */
  correlation: number;
  /** Questions only x got right, and only y got right (for 0/1 data). */
  discordant: { onlyX: number; onlyY: number };
}

/**
 * Paired difference of two models' per-question results on the same questions.
 * The SE is that of the mean of the per-question differences, so questions both models
 * get right (or wrong) add no noise: the more correlated the models, the tighter the interval.
 */
export function pairedDifference(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  { confidence = 0.95 }: { confidence?: number } = {},
): PairedDifference {
  const n = x.length;
  if (n !== y.length) throw new RangeError(`x and y must have the same length (${n} vs ${y.length})`);
  if (n < 2) throw new RangeError(`x and y need at least 2 paired results, got ${n}`);
  assertConfidence(confidence);
  let sx = 0;
  let sy = 0;
  let onlyX = 0;
  let onlyY = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (!Number.isFinite(xi) || !Number.isFinite(yi))
      throw new RangeError(`x[${i}] and y[${i}] must be numbers`);
    sx += xi;
    sy += yi;
    if (xi > yi) onlyX++;
    else if (yi > xi) onlyY++;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let sdd = 0;
  const meanDiff = mx - my;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
    const dd = x[i]! - y[i]! - meanDiff;
    sdd += dd * dd;
  }
  const se = Math.sqrt(sdd / (n - 1) / n);
  const h = zCritical(confidence) * se;
  const correlation = sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
  return {
    meanDiff,
    se,
    lower: meanDiff - h,
    upper: meanDiff + h,
    correlation,
    discordant: { onlyX, onlyY },
  };
}

/**
 * Cluster-robust standard error of a mean, for questions that share a subject or a passage.
 * V = G/(G−1) · Σ_g (Σ_{i∈g} (x_i − x̄))² / n². With one question per cluster it equals s/√n.
 */
export function clusteredStandardError(
  values: ArrayLike<number>,
  clusters: ArrayLike<string | number>,
): number {
  const n = values.length;
  if (n !== clusters.length) {
    throw new RangeError(`values and clusters must have the same length (${n} vs ${clusters.length})`);
  }
  if (n < 2) throw new RangeError(`values needs at least 2 entries, got ${n}`);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new RangeError(`values[${i}] must be a finite number`);
    sum += v;
  }
  const mean = sum / n;
  const residualSums = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const g = clusters[i]!;
    residualSums.set(g, (residualSums.get(g) ?? 0) + values[i]! - mean);
  }
  const G = residualSums.size;
  if (G < 2) throw new RangeError("clusters must name at least 2 distinct clusters");
  let ss = 0;
  for (const e of residualSums.values()) ss += e * e;
  return Math.sqrt(((G / (G - 1)) * ss) / (n * n));
}
