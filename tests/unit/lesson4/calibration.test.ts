// The calibration metric against a hand-worked example, and the simulation behind figure 3.
import { describe, expect, it } from "vitest";
import { inflateConfidence, simulateConfidence } from "../../../src/components/sim/calibration.ts";
import {
  binIndex,
  calibrationSummary,
  expectedCalibrationError,
  reliabilityBins,
} from "../../../src/components/stats/calibration.ts";

// Ten answers, five equal-width bins of 0.2. Worked by hand (and checked with the R one-liner
// in the report: sum over bins of n_b/N · |mean(y_b) − mean(conf_b)| = 0.195):
//   [0, .2):  .10 .15 → right 0/2, conf .125 → 2/10 · .125 = .025
//   [.2, .4): .35     → right 1/1, conf .35  → 1/10 · .65  = .065
//   [.4, .6): .45 .55 → right 1/2, conf .50  → 2/10 · 0    = 0
//   [.6, .8): .65     → right 1/1, conf .65  → 1/10 · .35  = .035
//   [.8, 1]:  .85 .9 .95 1 → right 3/4, conf .925 → 4/10 · .175 = .07
//   ECE = .195; MCE = .65
const conf = [0.1, 0.15, 0.35, 0.45, 0.55, 0.65, 0.85, 0.9, 0.95, 1.0];
const right = [0, 0, 1, 0, 1, 1, 1, 1, 0, 1];

describe("expected calibration error", () => {
  it("matches the hand-worked example", () => {
    expect(expectedCalibrationError(conf, right, { bins: 5 })).toBeCloseTo(0.195, 12);
    const s = calibrationSummary(conf, right, { bins: 5 });
    expect(s.mce).toBeCloseTo(0.65, 12);
    expect(s.accuracy).toBeCloseTo(0.6, 12);
    expect(s.meanConfidence).toBeCloseTo(0.595, 12);
    expect(s.bins.map((b) => b.count)).toEqual([2, 1, 2, 1, 4]);
    expect(s.bins[4]!.meanConfidence).toBeCloseTo(0.925, 12);
    expect(s.bins[4]!.accuracy).toBeCloseTo(0.75, 12);
  });

  it("puts 1 in the last bin and a value on an edge in the bin above it", () => {
    expect(binIndex(1, 10)).toBe(9);
    expect(binIndex(0, 10)).toBe(0);
    expect(binIndex(0.3, 10)).toBe(3);
    expect(binIndex(0.7, 10)).toBe(7);
    expect(binIndex(0.2999999, 10)).toBe(2);
  });

  it("is zero when every bin's accuracy equals its confidence", () => {
    // Four answers at 0.75, three right; two at 0.5, one right.
    expect(expectedCalibrationError([0.75, 0.75, 0.75, 0.75, 0.5, 0.5], [1, 1, 1, 0, 1, 0])).toBe(0);
  });

  it("equals |accuracy − confidence| when everything sits in one bin", () => {
    expect(expectedCalibrationError([0.95, 0.95, 0.95, 0.95], [true, false, true, false])).toBeCloseTo(
      0.45,
      12,
    );
  });

  it("leaves empty bins out (NaN, weight 0)", () => {
    const bins = reliabilityBins([0.05, 0.95], [0, 1], { bins: 10 });
    expect(bins.filter((b) => b.count === 0)).toHaveLength(8);
    expect(Number.isNaN(bins[5]!.accuracy)).toBe(true);
    expect(expectedCalibrationError([0.05, 0.95], [0, 1])).toBeCloseTo(0.05, 12);
  });

  it("rejects mismatched lengths, confidences outside [0, 1] and bad bin counts", () => {
    expect(() => expectedCalibrationError([0.5], [1, 0])).toThrow(/same length/);
    expect(() => expectedCalibrationError([1.2], [1])).toThrow(/confidence\[0\]/);
    expect(() => expectedCalibrationError([Number.NaN], [1])).toThrow(/confidence\[0\]/);
    expect(() => expectedCalibrationError([], [])).toThrow(/at least one/);
    expect(() => expectedCalibrationError([0.5], [1], { bins: 0 })).toThrow(/bins/);
  });
});

describe("simulated confidence (figure 3)", () => {
  it("gives both models the same answers, so the same accuracy, near the chosen one", () => {
    const sim = simulateConfidence({ accuracy: 0.75, n: 20_000, overconfidence: 3, seed: 2 });
    const a = calibrationSummary(sim.calibrated, sim.correct);
    const b = calibrationSummary(sim.overconfident, sim.correct);
    expect(a.accuracy).toBe(b.accuracy);
    expect(Math.abs(a.accuracy - 0.75)).toBeLessThan(0.01);
  });

  it("keeps the calibrated model's ECE small and makes the over-confident one's large", () => {
    const sim = simulateConfidence({ accuracy: 0.75, n: 20_000, overconfidence: 3, seed: 2 });
    const a = calibrationSummary(sim.calibrated, sim.correct);
    const b = calibrationSummary(sim.overconfident, sim.correct);
    expect(a.ece).toBeLessThan(0.015);
    expect(b.ece).toBeGreaterThan(0.15);
    // Over-confidence: mean stated confidence above the accuracy by about the ECE.
    expect(b.meanConfidence - b.accuracy).toBeGreaterThan(0.15);
  });

  it("k = 1 states the true chance: both models identical", () => {
    const sim = simulateConfidence({ accuracy: 0.6, n: 500, overconfidence: 1, seed: 5 });
    expect(Array.from(sim.overconfident)).toEqual(Array.from(sim.calibrated));
  });

  it("is reproducible by seed, and the exponent does not change the answers", () => {
    const x = simulateConfidence({ accuracy: 0.8, n: 300, overconfidence: 2, seed: 9 });
    const y = simulateConfidence({ accuracy: 0.8, n: 300, overconfidence: 4, seed: 9 });
    expect(Array.from(y.correct)).toEqual(Array.from(x.correct));
    expect(Array.from(y.calibrated)).toEqual(Array.from(x.calibrated));
    const z = simulateConfidence({ accuracy: 0.8, n: 300, overconfidence: 2, seed: 10 });
    expect(Array.from(z.correct)).not.toEqual(Array.from(x.correct));
  });

  it("inflates confidence: 1 − (1 − c)^k", () => {
    expect(inflateConfidence(0.5, 3)).toBeCloseTo(0.875, 12);
    expect(inflateConfidence(0.9, 2)).toBeCloseTo(0.99, 12);
    expect(inflateConfidence(0.3, 1)).toBe(0.3);
  });

  it("rejects bad inputs", () => {
    expect(() => simulateConfidence({ accuracy: 1, n: 10, overconfidence: 2 })).toThrow(/accuracy/);
    expect(() => simulateConfidence({ accuracy: 0.5, n: 0, overconfidence: 2 })).toThrow(/n must/);
    expect(() => simulateConfidence({ accuracy: 0.5, n: 10, overconfidence: 0.5 })).toThrow(/overconfidence/);
  });
});
