// Bootstrap intervals of Bradley–Terry ratings from a tally of battles, at a cost that does not
// grow with the number of battles. Resampling n battles with replacement puts Multinomial(n, w/n)
// battles in the tally's cells (w: a cell's count), so a resample can be drawn as one binomial per
// non-empty cell — X₁ ~ Bin(n, w₁/n), X₂ ~ Bin(n − X₁, w₂/(n − w₁)), … — at most m(m − 1) draws
// instead of n (for few battles, one draw per battle is faster and used). Same distribution as `bradleyTerry`'s battle-by-battle bootstrap, another random
// stream: 200 resamples of 20,000 votes among 8 models take ≈ 6 ms instead of ≈ 90 ms.
import { ratingsFromWins } from "./bradleyTerry.js";
import { binomialSampler, percentileInterval, seededRandom } from "./random.js";
import { assertConfidence } from "./validate.js";

/**
 * A sampler of bootstrap resamples of a tally: each call fills `out` (same length as `wins`) with
 * the counts of n battles drawn with replacement from the tally's n (n = the sum of `wins`).
 * Counts must be whole numbers (battles without ties). `byCell`: one binomial per non-empty cell
 * (the default when n is over 30 draws per cell, where it is faster), else one draw per battle.
 */
export function multinomialResampler(
  wins: ArrayLike<number>,
  rng: () => number,
  { byCell }: { byCell?: boolean } = {},
): (out: Float64Array) => Float64Array {
  const cells: number[] = [];
  let n = 0;
  for (let c = 0; c < wins.length; c++) {
    const w = wins[c]!;
    if (!(Number.isInteger(w) && w >= 0))
      throw new RangeError(`wins[${c}] must be a whole count ≥ 0, got ${w}`);
    if (w > 0) cells.push(c);
    n += w;
  }
  if (!(byCell ?? n > 30 * cells.length)) {
    // Few battles: draw each one (its cell) uniformly from the n.
    const pool = new Uint32Array(n);
    for (let c = 0, t = 0; c < wins.length; c++) for (let k = 0; k < wins[c]!; k++) pool[t++] = c;
    return (out) => {
      out.fill(0);
      for (let t = 0; t < n; t++) out[pool[Math.floor(rng() * n)]!]! += 1;
      return out;
    };
  }
  const draw = binomialSampler(rng);
  return (out) => {
    out.fill(0);
    let left = n;
    let mass = n;
    for (const c of cells) {
      if (left === 0) break;
      const w = wins[c]!;
      // The last cell (w = mass) takes what is left; every other one a conditional binomial.
      const x = w >= mass ? left : draw(left, w / mass);
      out[c] = x;
      left -= x;
      mass -= w;
    }
    return out;
  };
}

/**
 * Percentile intervals (`confidence`) of the Bradley–Terry ratings of an m-model tally
 * (wins[i * m + j] = battles i won over j) from `rounds` bootstrap resamples of its battles.
 * Deterministic for a seed.
 */
export function bootstrapWins(
  m: number,
  wins: Float64Array,
  {
    rounds,
    seed = 1,
    confidence = 0.95,
    prior = 0.5,
  }: { rounds: number; seed?: number; confidence?: number; prior?: number },
): { lower: Float64Array; upper: Float64Array } {
  assertConfidence(confidence);
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError("rounds must be an integer ≥ 1");
  if (wins.length !== m * m) throw new RangeError(`wins must hold m × m = ${m * m} counts`);
  const resample = multinomialResampler(wins, seededRandom(seed));
  const samples = Array.from({ length: m }, () => new Float64Array(rounds));
  const counts = new Float64Array(m * m);
  for (let r = 0; r < rounds; r++) {
    const ratings = ratingsFromWins(m, resample(counts), prior);
    for (let i = 0; i < m; i++) samples[i]![r] = ratings[i]!;
  }
  const lower = new Float64Array(m);
  const upper = new Float64Array(m);
  for (let i = 0; i < m; i++) [lower[i], upper[i]] = percentileInterval(samples[i]!, confidence);
  return { lower, upper };
}
