import { describe, expect, it } from "vitest";
import { ciWidthCurve, labelSide } from "../../../src/components/figures/ciWidth.ts";
import { halfWidth } from "../../../src/components/stats/index.ts";

describe("ciWidthCurve", () => {
  it("follows z·√(p(1−p)/N) for Wald away from the edges, and falls as N grows", () => {
    const curve = ciWidthCurve(0.8, { method: "wald" });
    // k = 0.8·N exactly, and N large enough that the interval is not clipped at 100%
    const exact = curve.filter((d) => d.n % 5 === 0 && d.n >= 100);
    expect(exact.length).toBeGreaterThan(10);
    for (const point of exact) {
      expect(point.halfWidthPp).toBeCloseTo(100 * halfWidth(0.8, point.n), 9);
      expect(point.normalPp).toBeCloseTo(100 * halfWidth(0.8, point.n), 9);
    }
    expect(curve[0]!.n).toBe(10);
    expect(curve[curve.length - 1]!.n).toBe(100_000);
    expect(curve[curve.length - 1]!.halfWidthPp).toBeLessThan(curve[0]!.halfWidthPp);
  });
});

describe("labelSide: labels of close benchmarks sit on the side of their own point", () => {
  const ns = [14042, 1319, 164, 10042, 1172];
  it("puts the larger of each close pair to the right and the rest to the left", () => {
    expect(ns.map((n) => labelSide(n, ns))).toEqual([1, 1, -1, -1, -1]);
  });
});
