// Seeded randomness: every simulation and bootstrap in the site takes a seed, so a figure
// drawn twice with the same inputs is the same figure.
import { quantileSorted } from "d3-array";
import { randomBinomial, randomLcg, randomNormal } from "d3-random";

export type Rng = () => number;

/** A uniform [0, 1) generator from a seed (d3's linear congruential generator). */
export function seededRandom(seed: number): Rng {
  return randomLcg(seed);
}

/** A binomial sampler Binomial(n, p) driven by rng. */
export function binomialSampler(rng: Rng): (n: number, p: number) => number {
  const source = randomBinomial.source(rng);
  return (n, p) => (p <= 0 ? 0 : p >= 1 ? n : source(n, p)());
}

/** A standard-normal sampler driven by rng. */
export function normalSampler(rng: Rng, mu = 0, sigma = 1): () => number {
  return randomNormal.source(rng)(mu, sigma);
}

/**
 * Counts from the normal approximation N(mean, sd²), rounded and kept within 0…max: a quick stand-in
 * for an exact count distribution (a binomial, a sum of binomials) whose table is costly to build.
 */
export function normalCountSampler(mean: number, sd: number, max: number, rng: Rng): () => number {
  const normal = normalSampler(rng, mean, sd);
  return () => Math.min(max, Math.max(0, Math.round(normal())));
}

/** n indices drawn uniformly with replacement from [0, n). */
export function resampleIndices(n: number, rng: Rng): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(rng() * n);
  return out;
}

/** Bootstrap a statistic: `resamples` values of statistic(resampled data). */
export function bootstrap<T>(
  data: readonly T[],
  statistic: (sample: T[]) => number,
  { resamples = 1000, seed = 1 }: { resamples?: number; seed?: number } = {},
): number[] {
  const rng = seededRandom(seed);
  const out: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const idx = resampleIndices(data.length, rng);
    out.push(statistic(Array.from(idx, (i) => data[i]!)));
  }
  return out;
}

/** Percentile interval of bootstrap values: the (1−c)/2 and (1+c)/2 quantiles. */
export function percentileInterval(values: ArrayLike<number>, confidence = 0.95): [number, number] {
  const sorted = Array.from(values).sort((x, y) => x - y);
  const a = (1 - confidence) / 2;
  return [quantileSorted(sorted, a) ?? Number.NaN, quantileSorted(sorted, 1 - a) ?? Number.NaN];
}
