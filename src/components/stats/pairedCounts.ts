// Paired and independent comparisons of two models from counts alone (no per-item vectors):
// what a 2×2 table of (A right?, B right?) over shared questions says about the difference.
// pairedFromCounts gives exactly what pairedDifference() gives on the expanded 0/1 vectors.
import { normalCdf, zCritical } from "./distributions.js";
import { mcnemarTest } from "./tests.js";

/** Results of two models on the same n questions. */
export interface PairCounts {
  /** Questions both models have a result for. */
  n: number;
  /** Questions A got right, and B got right. */
  aRight: number;
  bRight: number;
  /** Discordant questions: only A right, only B right. */
  onlyA: number;
  onlyB: number;
}

export interface PairedResult {
  /** pA − pB. */
  diff: number;
  se: number;
  lower: number;
  upper: number;
  /** Two-sided p-value of McNemar's exact test (the binomial test of onlyA out of onlyA + onlyB); NaN with exact: false. */
  pValue: number;
  /** Two-sided p-value of the z statistic diff / se (cheap; used for curves). */
  zPValue: number;
  /** Pearson (phi) correlation of the two 0/1 result vectors; 0 when either is constant. */
  correlation: number;
}

export function checkCounts(c: PairCounts): void {
  const { n, aRight, bRight, onlyA, onlyB } = c;
  for (const [k, v] of Object.entries(c)) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${k} must be a non-negative integer, got ${v}`);
  }
  if (aRight > n || bRight > n) throw new RangeError(`right answers (${aRight}, ${bRight}) exceed n = ${n}`);
  if (onlyA > aRight || onlyB > bRight) throw new RangeError("discordant counts exceed the right answers");
  if (aRight - onlyA !== bRight - onlyB) {
    throw new RangeError(
      `inconsistent table: both-right is ${aRight - onlyA} from A but ${bRight - onlyB} from B`,
    );
  }
  if (aRight + onlyB > n) throw new RangeError("the table has more than n questions");
}

/**
 * The paired difference of two 0/1 result vectors, from their 2×2 table. The per-question
 * difference is +1 (only A), −1 (only B) or 0, so its variance needs only the discordant counts.
 */
export function pairedFromCounts(c: PairCounts, { confidence = 0.95, exact = true } = {}): PairedResult {
  checkCounts(c);
  const { n, aRight, bRight, onlyA, onlyB } = c;
  if (n < 2) throw new RangeError(`need at least 2 shared questions, got ${n}`);
  const diff = (onlyA - onlyB) / n;
  const ss = Math.max(0, onlyA + onlyB - n * diff * diff);
  const se = Math.sqrt(ss / (n - 1) / n);
  const h = zCritical(confidence) * se;
  const both = aRight - onlyA;
  const sxx = aRight - (aRight * aRight) / n;
  const syy = bRight - (bRight * bRight) / n;
  const sxy = both - (aRight * bRight) / n;
  const correlation = sxx <= 0 || syy <= 0 ? 0 : sxy / Math.sqrt(sxx * syy);
  const z = se === 0 ? 0 : diff / se;
  return {
    diff,
    se,
    lower: diff - h,
    upper: diff + h,
    // The exact test costs O(onlyA + onlyB); curves over many subsamples skip it (exact: false → NaN).
    pValue: exact ? mcnemarTest(onlyA, onlyB).pValue : Number.NaN,
    zPValue: se === 0 ? 1 : Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))),
    correlation,
  };
}

/** Unpooled standard error of the difference of two independent proportions. */
export function independentSe(pA: number, nA: number, pB: number, nB: number): number {
  return Math.sqrt((pA * (1 - pA)) / nA + (pB * (1 - pB)) / nB);
}

/**
 * Questions needed (per model) before an interval of half-width z·√(variance / n) no longer
 * reaches zero for a true difference `diff`: n = z²·variance / diff². Infinity when diff = 0.
 * `variance` is per question: pA·qA + pB·qB for independent scores, Var(x − y) for paired ones.
 */
export function questionsToSeparate(variance: number, diff: number, { confidence = 0.95 } = {}): number {
  if (diff === 0) return Number.POSITIVE_INFINITY;
  const z = zCritical(confidence);
  return Math.ceil((z * z * variance) / (diff * diff));
}
