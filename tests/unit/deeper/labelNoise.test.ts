import { describe, expect, it } from "vitest";
import {
  gapFactor,
  measurableCeiling,
  measuredAccuracy,
  simulateMeasured,
  trueFromMeasured,
} from "../../../src/components/stats/labelNoise.ts";

describe("measuredAccuracy: a model's score on a key with bad entries", () => {
  it("a hand-worked case: a = 0.9, e = 0.1, four options → 0.9·0.9 + 0.1·0.1/3 = 0.813333", () => {
    expect(measuredAccuracy(0.9, 0.1, 4)).toBeCloseTo(0.8133333, 6);
    expect(measurableCeiling(0.1)).toBeCloseTo(0.9, 12);
    expect(gapFactor(0.1)).toBeCloseTo(1 - 0.4 / 3, 12);
  });
  it("a clean key measures the true accuracy; a guesser scores 1/c whatever the key", () => {
    expect(measuredAccuracy(0.73, 0)).toBeCloseTo(0.73, 12);
    for (const e of [0, 0.1, 0.37, 1]) expect(measuredAccuracy(0.25, e, 4)).toBeCloseTo(0.25, 12);
    expect(measuredAccuracy(0.1, 0.5, 10)).toBeCloseTo(0.1, 12);
  });
  it("agrees with a simulation of 400,000 questions to within 3 standard errors", () => {
    for (const [a, e, c] of [
      [0.9, 0.37, 4],
      [0.6, 0.06, 4],
      [0.95, 0.2, 10],
    ] as const) {
      const n = 400_000;
      const expected = measuredAccuracy(a, e, c);
      const se = Math.sqrt((expected * (1 - expected)) / n);
      expect(Math.abs(simulateMeasured(a, e, c, n, 7) - expected)).toBeLessThan(3 * se);
    }
  });
  it("trueFromMeasured inverts it, and refuses a key too broken to read", () => {
    expect(trueFromMeasured(measuredAccuracy(0.88, 0.05), 0.05)).toBeCloseTo(0.88, 12);
    expect(() => trueFromMeasured(0.5, 0.75)).toThrow(/no longer tracks/);
    expect(() => measuredAccuracy(1.2, 0.1)).toThrow(/true accuracy/);
  });
});
