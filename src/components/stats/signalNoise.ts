// Signal and noise of a benchmark for a set of models: the spread between the models' scores
// against the noise of one score. Noise here is the sampling standard error √(p(1−p)/N) (plus an
// optional run-to-run SD); signal is the models' spread. Pure.
import { zCritical } from "./distributions.js";

export interface SignalNoise {
  /** Models' scores (proportions). */
  scores: number[];
  /** Mean sampling standard error of one score (proportion). */
  noise: number;
  /** Standard deviation of the models' scores. */
  spread: number;
  /** Highest minus lowest score. */
  range: number;
  /** spread / noise. */
  snr: number;
  /** range / noise (AI2's dispersion over noise, with sampling noise). */
  rangeSnr: number;
  pairs: number;
  /** Pairs whose gap exceeds z·√(SE_i² + SE_j² + 2·extra²). */
  separable: number;
  share: number;
}

/** The standard error of one score: √(p(1−p)/N + extra²). */
export function scoreSe(p: number, n: number, extra = 0): number {
  if (!(n >= 1)) throw new RangeError(`N must be ≥ 1, got ${n}`);
  return Math.sqrt((p * (1 - p)) / n + extra * extra);
}

/**
 * Signal, noise and the share of separable pairs for scores on an N-question benchmark, treating
 * two models' scores as independent (a paired test on the same questions separates a few more).
 */
export function signalNoise(
  scores: readonly number[],
  n: number,
  { confidence = 0.95, extra = 0 } = {},
): SignalNoise {
  const m = scores.length;
  if (m < 2) throw new RangeError("signal needs at least two models");
  const z = zCritical(confidence);
  const variance = scores.map((p) => (p * (1 - p)) / n + extra * extra);
  const mean = scores.reduce((a, b) => a + b, 0) / m;
  const spread = Math.sqrt(scores.reduce((a, p) => a + (p - mean) ** 2, 0) / (m - 1));
  const noise = variance.reduce((a, v) => a + Math.sqrt(v), 0) / m;
  let separable = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      if (Math.abs(scores[i]! - scores[j]!) > z * Math.sqrt(variance[i]! + variance[j]!)) separable++;
    }
  }
  const pairs = (m * (m - 1)) / 2;
  const range = Math.max(...scores) - Math.min(...scores);
  return {
    scores: [...scores],
    noise,
    spread,
    range,
    snr: spread / noise,
    rangeSnr: range / noise,
    pairs,
    separable,
    share: separable / pairs,
  };
}
