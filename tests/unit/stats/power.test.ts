import { describe, expect, it } from "vitest";
import {
  minimumDetectableDifference,
  power,
  sampleSizeExact,
  sampleSizeTwoProportions,
} from "../../../src/components/stats/power.ts";
import reference from "../../reference/r-reference.json";

describe("sample size and power against R's power.prop.test", () => {
  it.each(reference.power)("p1 = $p1, p2 = $p2", ({ p1, p2, n80, power50, power1000 }) => {
    expect(Math.abs(sampleSizeExact(p1, p2, 0.05, 0.8) - n80) / n80).toBeLessThan(1e-6);
    expect(sampleSizeTwoProportions(p1, p2)).toBe(Math.ceil(n80));
    expect(Math.abs(power(p1, p2, 50) - power50)).toBeLessThan(1e-6);
    expect(Math.abs(power(p1, p2, 1000) - power1000)).toBeLessThan(1e-6);
  });
  it("R's documented example: p1 = .5, p2 = .75 at 90% power needs 76.7 per group, power at n = 50 is 0.740", () => {
    expect(sampleSizeExact(0.5, 0.75, 0.05, 0.9)).toBeCloseTo(76.7, 1);
    expect(power(0.5, 0.75, 50)).toBeCloseTo(0.7401659, 6);
  });
  it("power at the computed size reaches the target", () => {
    const n = sampleSizeTwoProportions(0.8, 0.75);
    expect(power(0.8, 0.75, n)).toBeGreaterThanOrEqual(0.8);
    expect(power(0.8, 0.75, n - 1)).toBeLessThan(0.8);
  });
  it("equal accuracies cannot be separated", () => {
    expect(sampleSizeTwoProportions(0.7, 0.7)).toBe(Number.POSITIVE_INFINITY);
  });
  it("a paired design with correlated models detects smaller differences", () => {
    const indep = minimumDetectableDifference(0.8, 1319);
    const paired = minimumDetectableDifference(0.8, 1319, { paired: true, correlation: 0.6 });
    expect(paired).toBeCloseTo(indep * Math.sqrt(0.4), 12);
  });
  it("rejects p outside (0, 1)", () => {
    expect(() => sampleSizeTwoProportions(0, 0.5)).toThrow(/p1 must be a probability/);
  });
});
