// The statistics of two published scores, each a percentage of N questions: the interval of
// each score (Wilson), the interval of their difference (unpooled), the pooled two-proportion
// z-test, and the smallest gap these N would find 80% of the time. Independent samples: two
// scores on the same questions need the paired tests (stats/pairedCounts.ts).
import { type Interval, proportionInterval } from "./intervals.js";
import { minimumDetectableDifference } from "./power.js";
import { twoProportionTest } from "./tests.js";

/** A published score: a percentage (0–100) of n questions; n may be unknown. */
export interface PublishedScore {
  score: number;
  n: number | null;
}

export interface DifferenceStats {
  a: Interval;
  b: Interval;
  nA: number;
  nB: number;
  /** pA − pB and its interval (unpooled), two-proportion z-test p-value. */
  diff: number;
  lower: number;
  upper: number;
  pValue: number;
  /** Smallest gap found 80% of the time at these N (independent scores). */
  mdd: number;
}

/** The interval of each score and of their difference (independent samples), or null without N. */
export function scoreDifference(
  a: PublishedScore,
  b: PublishedScore,
  { confidence = 0.95 } = {},
): DifferenceStats | null {
  if (!a.n || !b.n || a.n < 1 || b.n < 1) return null;
  const kA = Math.round((a.score / 100) * a.n);
  const kB = Math.round((b.score / 100) * b.n);
  if (kA < 0 || kA > a.n || kB < 0 || kB > b.n) return null;
  const t = twoProportionTest({ k: kA, n: a.n }, { k: kB, n: b.n }, { confidence });
  const pBar = (kA + kB) / (a.n + b.n);
  const nHarm = (2 * a.n * b.n) / (a.n + b.n);
  const pSafe = Math.min(1 - 1e-6, Math.max(1e-6, pBar));
  return {
    a: proportionInterval(kA, a.n, { confidence }),
    b: proportionInterval(kB, b.n, { confidence }),
    nA: a.n,
    nB: b.n,
    diff: t.diff,
    lower: t.lower,
    upper: t.upper,
    pValue: t.pValue,
    mdd: minimumDetectableDifference(pSafe, Math.max(1, Math.round(nHarm)), { alpha: 1 - confidence }),
  };
}
