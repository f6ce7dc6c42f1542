// Ranks and their uncertainty: a leaderboard position is an estimate, so it has an interval.
import { binomialSampler, seededRandom } from "./random.js";
import { assertConfidence, assertSuccesses } from "./validate.js";

export interface RankEntry {
  model: string;
  k: number;
  n: number;
}

export interface RankInterval {
  model: string;
  estimate: number;
  /** Rank by score, 1 = best; tied scores share the better rank. */
  rank: number;
  /** The range of plausible ranks (inclusive). */
  lower: number;
  upper: number;
}

/** Competition ranks of scores (1 = highest; equal scores share the best rank). */
export function competitionRanks(scores: ArrayLike<number>): Int32Array {
  const m = scores.length;
  const order = Array.from({ length: m }, (_, i) => i).sort((i, j) => scores[j]! - scores[i]!);
  const ranks = new Int32Array(m);
  for (let pos = 0; pos < m; pos++) {
    const i = order[pos]!;
    const prev = pos > 0 ? order[pos - 1]! : -1;
    ranks[i] = prev >= 0 && scores[prev] === scores[i] ? ranks[prev]! : pos + 1;
  }
  return ranks;
}

/**
 * Each model's rank and a parametric-bootstrap interval for it: every resample draws each
 * model's correct count from Binomial(n, k/n), ranks the resampled scores, and the interval is
 * the central `confidence` share of the ranks a model takes across resamples.
 * Results come back in the order of `entries`.
 */
export function rankIntervals(
  entries: readonly RankEntry[],
  {
    confidence = 0.95,
    resamples = 1000,
    seed = 1,
  }: { confidence?: number; resamples?: number; seed?: number } = {},
): RankInterval[] {
  assertConfidence(confidence);
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError("resamples must be an integer ≥ 1");
  for (const [i, e] of entries.entries()) assertSuccesses(e.k, e.n, `entries[${i}].k`, `entries[${i}].n`);
  const m = entries.length;
  const p = entries.map((e) => e.k / e.n);
  const rank = competitionRanks(p);
  const draw = binomialSampler(seededRandom(seed));
  // counts[i * m + r] = how often model i took rank r + 1
  const counts = new Uint32Array(m * m);
  const sample = new Float64Array(m);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < m; i++) sample[i] = draw(entries[i]!.n, p[i]!) / entries[i]!.n;
    const ranks = competitionRanks(sample);
    for (let i = 0; i < m; i++) counts[i * m + ranks[i]! - 1]!++;
  }
  const tail = ((1 - confidence) / 2) * resamples;
  return entries.map((e, i) => {
    let cum = 0;
    let lower = 1;
    let upper = m;
    for (let r = 0; r < m; r++) {
      cum += counts[i * m + r]!;
      if (cum > tail) {
        lower = r + 1;
        break;
      }
    }
    cum = 0;
    for (let r = m - 1; r >= 0; r--) {
      cum += counts[i * m + r]!;
      if (cum > tail) {
        upper = r + 1;
        break;
      }
    }
    return {
      model: e.model,
      estimate: p[i]!,
      rank: rank[i]!,
      lower: Math.min(lower, rank[i]!),
      upper: Math.max(upper, rank[i]!),
    };
  });
}
