// Two simulated models that answer the same questions equally well but say different things
// about how sure they are. Each question has a true chance c that the answer is right, drawn
// from Beta(accuracy·κ, (1 − accuracy)·κ) so that c averages the chosen accuracy; whether the
// answer is right is one Bernoulli(c) draw, shared by both models (so their accuracy is equal).
// The calibrated model states c. The over-confident one states 1 − (1 − c)^k: it reports its
// chance of being wrong as the true chance raised to the power k ≥ 1 (k = 1 is calibrated).
import { randomBeta } from "d3-random";
import { seededRandom } from "../stats/random.js";

export interface ConfidenceSimOptions {
  /** Expected accuracy in (0, 1). */
  accuracy: number;
  /** Number of questions. */
  n: number;
  /** Over-confidence exponent k ≥ 1. */
  overconfidence: number;
  /** Beta concentration κ: smaller spreads the true chances further apart. */
  concentration?: number;
  seed?: number;
}

export interface SimulatedConfidence {
  /** 1 if the answer was right, else 0 (the same for both models). */
  correct: Uint8Array;
  /** The calibrated model's stated confidence (= the true chance). */
  calibrated: Float64Array;
  /** The over-confident model's stated confidence. */
  overconfident: Float64Array;
}

/** The over-confident statement of a true chance c: 1 − (1 − c)^k. */
export function inflateConfidence(c: number, k: number): number {
  return k === 1 ? c : 1 - (1 - c) ** k;
}

export function simulateConfidence(o: ConfidenceSimOptions): SimulatedConfidence {
  const { accuracy, n, overconfidence: k, concentration = 4, seed = 1 } = o;
  if (!(accuracy > 0 && accuracy < 1))
    throw new RangeError(`accuracy must be in (0, 1), got ${String(accuracy)}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be an integer ≥ 1, got ${String(n)}`);
  if (!(k >= 1 && Number.isFinite(k))) throw new RangeError(`overconfidence must be ≥ 1, got ${String(k)}`);
  const rng = seededRandom(seed);
  const beta = randomBeta.source(rng)(accuracy * concentration, (1 - accuracy) * concentration);
  const correct = new Uint8Array(n);
  const calibrated = new Float64Array(n);
  const overconfident = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.min(1, Math.max(0, beta()));
    calibrated[i] = c;
    overconfident[i] = inflateConfidence(c, k);
    correct[i] = rng() < c ? 1 : 0;
  }
  return { correct, calibrated, overconfident };
}
