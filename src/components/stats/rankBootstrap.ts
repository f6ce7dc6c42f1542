// Rank intervals fast enough to recompute on every slider step: the parametric bootstrap of
// `rankIntervals` (each resample draws every model's correct count from Binomial(n, k/n) and
// ranks the resampled scores), with the binomial drawn by inverting a precomputed table of its
// distribution function — one uniform and a guided search per draw instead of d3's recursive
// sampler. For 20 models × 2,000 resamples that is a few milliseconds, so Lesson 2's figure needs
// no Worker and no cache. Same method, another random stream: results agree with `rankIntervals`
// within Monte Carlo noise (tests/unit/lesson2/rankBootstrap.test.ts checks both against R).
import { normalCountSampler, seededRandom } from "./random.js";
import type { RankEntry, RankInterval } from "./ranks.js";
import { competitionRanks } from "./ranks.js";
import { assertConfidence, assertSuccesses } from "./validate.js";

/** Standard deviations kept on each side of the mean: the mass left out is below 1e-18. */
const SPAN = 9;

/**
 * Binomial(n, p)'s distribution function over the counts that can occur (mean ± 9 sd): `from`
 * is the first count, `cdf[i]` = P(X ≤ from + i), the last entry exactly 1.
 */
export function binomialTable(n: number, p: number): { from: number; cdf: Float64Array } {
  if (p <= 0 || p >= 1 || n === 0) {
    const at = p >= 1 ? n : 0;
    return { from: at, cdf: Float64Array.of(1) };
  }
  const mean = n * p;
  const sd = Math.sqrt(mean * (1 - p));
  const from = Math.max(0, Math.floor(mean - SPAN * sd - 1));
  const to = Math.min(n, Math.ceil(mean + SPAN * sd + 1));
  const mode = Math.min(to, Math.max(from, Math.floor((n + 1) * p)));
  // Probabilities relative to the mode's, by the ratio P(x+1)/P(x) = (n−x)/(x+1) · p/(1−p).
  const odds = p / (1 - p);
  const pmf = new Float64Array(to - from + 1);
  pmf[mode - from] = 1;
  for (let x = mode; x < to; x++) pmf[x + 1 - from] = (pmf[x - from]! * (n - x) * odds) / (x + 1);
  for (let x = mode; x > from; x--) pmf[x - 1 - from] = (pmf[x - from]! * x) / ((n - x + 1) * odds);
  let total = 0;
  for (const v of pmf) total += v;
  const cdf = new Float64Array(pmf.length);
  let cum = 0;
  for (let i = 0; i < pmf.length; i++) {
    cum += pmf[i]!;
    cdf[i] = cum / total;
  }
  cdf[cdf.length - 1] = 1;
  return { from, cdf };
}

/**
 * A table with a guide for drawing from it: `guide[g]` is the first index whose cdf reaches
 * g / guide.length, so a draw starts its search there and steps at most a few entries.
 */
function guided(t: { from: number; cdf: Float64Array }) {
  const size = t.cdf.length;
  const guide = new Int32Array(size);
  for (let g = 0, i = 0; g < size; g++) {
    while (t.cdf[i]! < g / size) i++;
    guide[g] = i;
  }
  return { from: t.from, cdf: t.cdf, guide };
}

/** The count whose table entry is the first at or above `u` (inverse-CDF draw). */
function invert(t: ReturnType<typeof guided>, u: number): number {
  let i = t.guide[Math.floor(u * t.guide.length)]!;
  while (t.cdf[i]! < u) i++;
  return t.from + i;
}

/**
 * The central `confidence` range of the ranks a model took, from its tally (`tally[r]` = how
 * often it was rank r + 1 in `resamples` resamples): the first rank past the lower tail and the
 * last rank before the upper tail.
 */
export function rankRange(tally: ArrayLike<number>, resamples: number, confidence: number): [number, number] {
  const tail = ((1 - confidence) / 2) * resamples;
  const m = tally.length;
  let lower = 1;
  for (let r = 0, seen = 0; r < m; r++) {
    seen += tally[r]!;
    if (seen > tail) {
      lower = r + 1;
      break;
    }
  }
  let upper = m;
  for (let r = m - 1, seen = 0; r >= 0; r--) {
    seen += tally[r]!;
    if (seen > tail) {
      upper = r + 1;
      break;
    }
  }
  return [lower, upper];
}

/** Above this standard deviation a quick run draws a count from the normal approximation (no table). */
const QUICK_NORMAL_SD = 4;

/**
 * A drawer of Binomial(n, p) counts: the exact table's inverse, or (quick, and the count's sd above
 * QUICK_NORMAL_SD) the normal approximation. A table for n = 100,000 has ≈ 2,300 entries per model
 * (≈ 3 ms for a board of 20 in a browser); the approximation needs none, and its counts'
 * distribution differs from the binomial's by less than the resampling noise of a quick run.
 */
function drawer(n: number, p: number, quick: boolean, rng: () => number): () => number {
  const sd = Math.sqrt(n * p * (1 - p));
  if (quick && sd > QUICK_NORMAL_SD) return normalCountSampler(n * p, sd, n, rng);
  const table = guided(binomialTable(n, p));
  return () => invert(table, rng());
}

/**
 * Each model's rank and its parametric-bootstrap rank interval (the same definition as
 * `rankIntervals`), in the order of `entries`. Deterministic for a seed. `quick`: counts from the
 * normal approximation where a binomial table would be large (for a coarse drawing while a slider
 * moves; the exact run follows when it stops).
 */
export function rankBootstrap(
  entries: readonly RankEntry[],
  {
    confidence = 0.95,
    resamples = 2000,
    seed = 1,
    quick = false,
  }: { confidence?: number; resamples?: number; seed?: number; quick?: boolean } = {},
): RankInterval[] {
  assertConfidence(confidence);
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError("resamples must be an integer ≥ 1");
  for (const [i, e] of entries.entries()) assertSuccesses(e.k, e.n, `entries[${i}].k`, `entries[${i}].n`);
  const m = entries.length;
  const p = entries.map((e) => e.k / e.n);
  const rng = seededRandom(seed);
  const draws = entries.map((e, i) => drawer(e.n, p[i]!, quick, rng));
  const sample = new Float64Array(m);
  // Models in resampled order (insertion sort: m is small, and the order barely changes between resamples).
  const order = Int32Array.from({ length: m }, (_, i) => i);
  // tally[i * m + r] = how often model i took rank r + 1.
  const tally = new Uint32Array(m * m);
  for (let s = 0; s < resamples; s++) {
    for (let i = 0; i < m; i++) sample[i] = draws[i]!() / entries[i]!.n;
    for (let a = 1; a < m; a++) {
      const i = order[a]!;
      const x = sample[i]!;
      let b = a - 1;
      while (b >= 0 && sample[order[b]!]! < x) {
        order[b + 1] = order[b]!;
        b--;
      }
      order[b + 1] = i;
    }
    // Competition ranks down the sorted order: equal scores share the better rank.
    let rank = 0;
    for (let pos = 0; pos < m; pos++) {
      const i = order[pos]!;
      if (pos === 0 || sample[order[pos - 1]!]! !== sample[i]!) rank = pos;
      tally[i * m + rank]!++;
    }
  }
  const rank = competitionRanks(p);
  return entries.map((e, i) => {
    const [lower, upper] = rankRange(tally.subarray(i * m, (i + 1) * m), resamples, confidence);
    return {
      model: e.model,
      estimate: p[i]!,
      rank: rank[i]!,
      lower: Math.min(lower, rank[i]!),
      upper: Math.max(upper, rank[i]!),
    };
  });
}
