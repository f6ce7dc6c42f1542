// The exact distribution of a sum of independent binomials, Binomial(n, p₁) + … + Binomial(n, p_m):
// a variant's total wins when it plays n games against each of m opponents. Drawing that total once
// costs one uniform and a binary search, where drawing each opponent's wins costs m binomial draws.
import type { Rng } from "./random.js";

/** A distribution on the integers offset, offset + 1, …: pmf[i] = P(X = offset + i). */
export interface IntegerDistribution {
  offset: number;
  pmf: Float64Array;
}

/** Tail mass dropped after each step, at each end (far below anything a simulation can see). */
const TAIL = 1e-16;

/** Binomial(n, p)'s pmf, by the ratio recurrence outward from the mode, normalised. */
export function binomialPmf(n: number, p: number): IntegerDistribution {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be an integer ≥ 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (p === 0 || p === 1 || n === 0) return { offset: p === 1 ? n : 0, pmf: Float64Array.of(1) };
  const pmf = new Float64Array(n + 1);
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const odds = p / (1 - p);
  pmf[mode] = 1;
  // P(k + 1) / P(k) = (n − k) / (k + 1) · p / (1 − p); values below 1e-300 of the mode's stop.
  for (let k = mode; k < n && pmf[k]! > 1e-300; k++) pmf[k + 1] = (pmf[k]! * (n - k) * odds) / (k + 1);
  for (let k = mode; k > 0 && pmf[k]! > 1e-300; k--) pmf[k - 1] = (pmf[k]! * k) / ((n - k + 1) * odds);
  return trim({ offset: 0, pmf: normalise(pmf) });
}

function normalise(pmf: Float64Array): Float64Array {
  let total = 0;
  for (const x of pmf) total += x;
  for (let i = 0; i < pmf.length; i++) pmf[i]! /= total;
  return pmf;
}

/** Drop the outermost values whose mass, at each end, is below TAIL. */
function trim({ offset, pmf }: IntegerDistribution): IntegerDistribution {
  let lo = 0;
  let mass = 0;
  while (lo < pmf.length - 1 && mass + pmf[lo]! < TAIL) mass += pmf[lo++]!;
  let hi = pmf.length - 1;
  mass = 0;
  while (hi > lo && mass + pmf[hi]! < TAIL) mass += pmf[hi--]!;
  return { offset: offset + lo, pmf: pmf.slice(lo, hi + 1) };
}

/** The distribution of X + Y for independent X and Y. */
function convolve(x: IntegerDistribution, y: IntegerDistribution): IntegerDistribution {
  const out = new Float64Array(x.pmf.length + y.pmf.length - 1);
  for (let i = 0; i < x.pmf.length; i++) {
    const xi = x.pmf[i]!;
    for (let j = 0; j < y.pmf.length; j++) out[i + j]! += xi * y.pmf[j]!;
  }
  return trim({ offset: x.offset + y.offset, pmf: out });
}

/** The pmf of Σ Binomial(n, p_j) over the p's (independent), exact up to tails below 1e-16. */
export function sumOfBinomialsPmf(n: number, ps: readonly number[]): IntegerDistribution {
  let sum: IntegerDistribution = { offset: 0, pmf: Float64Array.of(1) };
  for (const p of ps) sum = convolve(sum, binomialPmf(n, p));
  return { offset: sum.offset, pmf: normalise(sum.pmf) };
}

/** Draws from `d` by inverting its CDF: one rng() and a binary search per draw. */
export function integerSampler(d: IntegerDistribution, rng: Rng): () => number {
  const cdf = new Float64Array(d.pmf.length);
  let acc = 0;
  for (let i = 0; i < cdf.length; i++) cdf[i] = acc += d.pmf[i]!;
  return () => {
    const u = rng() * acc;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return d.offset + lo;
  };
}
