import { describe, expect, it } from "vitest";
import { adjustPValues } from "../../../src/components/stats/multipleComparisons.ts";

// Reference values: R 4.x, p.adjust(p, method) for the vector below (printed to 12 digits).
const p = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 1, 0.0001];
const R = {
  holm: [0.06, 0.16, 0.15, 0.035, 0.4, 0.16, 1, 0.0008],
  bonferroni: [0.08, 0.32, 0.24, 0.04, 1, 0.32, 1, 0.0008],
  BH: [0.026666666667, 0.053333333333, 0.053333333333, 0.02, 0.228571428571, 0.053333333333, 1, 0.0008],
};

describe("adjustPValues against R's p.adjust", () => {
  it.each(Object.entries(R))("%s", (method, expected) => {
    const got = adjustPValues(p, method as "holm" | "bonferroni" | "BH");
    for (const [i, v] of got.entries()) expect(Math.abs(v - expected[i]!)).toBeLessThan(1e-9);
  });
  it("never lowers a p-value and keeps Holm ≤ Bonferroni", () => {
    const holm = adjustPValues(p, "holm");
    const bonf = adjustPValues(p, "bonferroni");
    holm.forEach((v, i) => {
      expect(v).toBeGreaterThanOrEqual(p[i]!);
      expect(v).toBeLessThanOrEqual(bonf[i]! + 1e-15);
    });
  });
  it("leaves a single p-value alone and rejects non-probabilities", () => {
    expect(adjustPValues([0.03])).toEqual([0.03]);
    expect(adjustPValues([])).toEqual([]);
    expect(() => adjustPValues([1.2])).toThrow(/pValues\[0\]/);
  });
});
