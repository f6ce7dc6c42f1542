// What a wrong answer key does to a measured score. A question whose key is not the right answer
// (a wrong key, or no right answer among the options) gives credit only when a model picks the
// keyed option. Model: a model that knows the answer picks it (so misses the key); one that does
// not picks uniformly among the other c − 1 options, one of which is the key.
//   measured(a, e, c) = a·(1 − e) + e·(1 − a)/(c − 1)
// Pure; checked against a simulation and a hand-worked case in tests/unit/deeper/labelNoise.test.ts.
import { seededRandom } from "./random.js";

function check(a: number, e: number, c: number): void {
  if (!(a >= 0 && a <= 1)) throw new RangeError(`true accuracy must be in [0, 1], got ${a}`);
  if (!(e >= 0 && e <= 1)) throw new RangeError(`key error rate must be in [0, 1], got ${e}`);
  if (!Number.isInteger(c) || c < 2)
    throw new RangeError(`options per question must be an integer ≥ 2, got ${c}`);
}

/** Expected measured accuracy of a model with true accuracy a on a key with error rate e (c options). */
export function measuredAccuracy(a: number, e: number, c = 4): number {
  check(a, e, c);
  return a * (1 - e) + (e * (1 - a)) / (c - 1);
}

/** The highest measurable score: a perfect model (a = 1) loses every bad-key question. */
export function measurableCeiling(e: number, c = 4): number {
  return measuredAccuracy(1, e, c);
}

/** How much of a true gap survives: d(measured)/d(true) = 1 − e·c/(c − 1). */
export function gapFactor(e: number, c = 4): number {
  check(0.5, e, c);
  return 1 - (e * c) / (c - 1);
}

/** The true accuracy a measured score corresponds to (the inverse of measuredAccuracy). */
export function trueFromMeasured(m: number, e: number, c = 4): number {
  const f = gapFactor(e, c);
  if (f <= 0) throw new RangeError("with this many bad keys the score no longer tracks accuracy");
  return (m - e / (c - 1)) / f;
}

/**
 * Simulate a model answering n questions, a share e of them with a bad key (seeded): the share of
 * questions scored correct. The independent check of measuredAccuracy.
 */
export function simulateMeasured(a: number, e: number, c: number, n: number, seed = 1): number {
  check(a, e, c);
  const rng = seededRandom(seed);
  let credit = 0;
  for (let i = 0; i < n; i++) {
    const badKey = rng() < e;
    const knows = rng() < a;
    // Options 0..c−1; the right answer is option 0. A good key is 0; a bad key is one of 1..c−1.
    const key = badKey ? 1 + Math.floor(rng() * (c - 1)) : 0;
    const pick = knows ? 0 : 1 + Math.floor(rng() * (c - 1));
    if (pick === key) credit++;
  }
  return credit / n;
}
