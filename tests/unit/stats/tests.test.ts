import { describe, expect, it } from "vitest";
import {
  clusteredStandardError,
  mcnemarTest,
  pairedDifference,
  twoProportionTest,
} from "../../../src/components/stats/tests.ts";
import reference from "../../reference/r-reference.json";

describe("twoProportionTest against R's prop.test(correct = FALSE)", () => {
  it.each(reference.twoProportion)("$a.k/$a.n vs $b.k/$b.n", ({ a, b, pValue, ci }) => {
    const t = twoProportionTest(a, b);
    expect(Math.abs(t.pValue - pValue)).toBeLessThan(1e-6);
    expect(Math.abs(t.lower - ci[0]!)).toBeLessThan(1e-6);
    expect(Math.abs(t.upper - ci[1]!)).toBeLessThan(1e-6);
    expect(t.diff).toBeCloseTo(a.k / a.n - b.k / b.n, 12);
  });
  it("85.0% vs 85.8% on MMLU is not distinguishable; 88% vs 85% is", () => {
    const n = 14042;
    const close = twoProportionTest({ k: Math.round(0.858 * n), n }, { k: Math.round(0.85 * n), n });
    expect(close.pValue).toBeGreaterThan(0.05);
    expect(close.lower).toBeLessThan(0);
    const far = twoProportionTest({ k: Math.round(0.88 * n), n }, { k: Math.round(0.85 * n), n });
    expect(far.pValue).toBeLessThan(1e-6);
  });
  it("is antisymmetric when the models are swapped", () => {
    const ab = twoProportionTest({ k: 70, n: 100 }, { k: 60, n: 100 });
    const ba = twoProportionTest({ k: 60, n: 100 }, { k: 70, n: 100 });
    expect(ba.diff).toBeCloseTo(-ab.diff, 12);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
    expect(ba.lower).toBeCloseTo(-ab.upper, 12);
  });
  it("the independent SE of a difference is √2 times one score's at equal p and n", () => {
    const t = twoProportionTest({ k: 800, n: 1000 }, { k: 800, n: 1000 }, { pooled: false });
    expect(t.se / Math.sqrt(0.16 / 1000)).toBeCloseTo(Math.SQRT2, 12);
  });
  it("handles identical perfect scores without dividing by zero", () => {
    const t = twoProportionTest({ k: 10, n: 10 }, { k: 20, n: 20 });
    expect(t.pValue).toBe(1);
    expect(t.z).toBe(0);
  });
  it("names the wrong argument", () => {
    expect(() => twoProportionTest({ k: 11, n: 10 }, { k: 1, n: 10 })).toThrow(
      /a\.k \(11\) must not exceed a\.n/,
    );
  });
});

describe("mcnemarTest against R's mcnemar.test and binom.test", () => {
  it.each(reference.mcnemar)("b = $b, c = $c", ({ b, c, chi2, chi2cc, exactP }) => {
    const plain = mcnemarTest(b, c, { method: "chi2" });
    const corrected = mcnemarTest(b, c, { method: "chi2-cc" });
    const exact = mcnemarTest(b, c);
    expect(Math.abs(plain.statistic - chi2[0]!)).toBeLessThan(1e-6);
    expect(Math.abs(plain.pValue - chi2[1]!)).toBeLessThan(1e-6);
    expect(Math.abs(corrected.statistic - chi2cc[0]!)).toBeLessThan(1e-6);
    expect(Math.abs(corrected.pValue - chi2cc[1]!)).toBeLessThan(1e-6);
    expect(Math.abs(exact.pValue - exactP)).toBeLessThan(1e-6);
  });
  it("no discordant pairs means no evidence", () => {
    expect(mcnemarTest(0, 0).pValue).toBe(1);
    expect(mcnemarTest(0, 0, { method: "chi2" }).pValue).toBe(1);
  });
  it("is symmetric in b and c", () => {
    expect(mcnemarTest(30, 12).pValue).toBeCloseTo(mcnemarTest(12, 30).pValue, 12);
  });
  it("rejects negative or fractional counts", () => {
    expect(() => mcnemarTest(-1, 3)).toThrow(/b must be a non-negative integer/);
    expect(() => mcnemarTest(1, 2.5)).toThrow(/c must be a non-negative integer/);
  });
});

describe("pairedDifference", () => {
  // Hand-worked: x = 1 1 1 0 1 0, y = 1 0 1 0 0 1 → d = 0 1 0 0 1 −1, mean 1/6,
  // Σ(d − 1/6)² = 17/6, s² = 17/30, SE = √(17/30 / 6) = 0.30731…
  const x = [1, 1, 1, 0, 1, 0];
  const y = [1, 0, 1, 0, 0, 1];
  it("matches a hand-worked example", () => {
    const r = pairedDifference(x, y);
    expect(r.meanDiff).toBeCloseTo(1 / 6, 12);
    expect(r.se).toBeCloseTo(Math.sqrt(17 / 30 / 6), 12);
    expect(r.upper - r.meanDiff).toBeCloseTo(1.959963984540054 * r.se, 9);
    expect(r.discordant).toEqual({ onlyX: 2, onlyY: 1 });
    // Pearson r: mean x = 2/3, mean y = 1/2; Sxy = 1/2... computed: (Σxy − n·x̄·ȳ) = 2 − 2 = 0 → r = 0
    expect(r.correlation).toBeCloseTo(0, 12);
  });
  it("is tighter than the independent comparison when the models agree on most questions", () => {
    const n = 2000;
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < n; i++) {
      const easy = i % 10 < 7; // 70% of questions both get right
      a.push(easy || i % 10 === 7 ? 1 : 0);
      b.push(easy || (i % 10 === 8 && i % 20 < 10) ? 1 : 0);
    }
    const paired = pairedDifference(a, b);
    const indep = twoProportionTest(
      { k: a.reduce((s, v) => s + v, 0), n },
      { k: b.reduce((s, v) => s + v, 0), n },
      { pooled: false },
    );
    expect(paired.correlation).toBeGreaterThan(0.5);
    expect(paired.se).toBeLessThan(indep.se);
  });
  it("constant inputs give correlation 0, not NaN", () => {
    expect(pairedDifference([1, 1, 1], [1, 0, 1]).correlation).toBe(0);
  });
  it("rejects mismatched lengths", () => {
    expect(() => pairedDifference([1, 0], [1])).toThrow(/same length/);
  });
});

describe("clusteredStandardError", () => {
  it("equals the ordinary SE s/√n when every question is its own cluster", () => {
    const v = [1, 0, 1, 1, 0, 1, 1, 1, 0, 1];
    const n = v.length;
    const mean = v.reduce((s, x) => s + x, 0) / n;
    const s2 = v.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
    expect(
      clusteredStandardError(
        v,
        v.map((_, i) => i),
      ),
    ).toBeCloseTo(Math.sqrt(s2 / n), 12);
  });
  it("matches a hand-computed example with two clusters", () => {
    // values 1 1 0 | 0 0 1 1 ; mean 4/7. Residual sums: A = 2 − 12/7 = 2/7, B = 2 − 16/7 = −2/7.
    // V = 2/1 · (4/49 + 4/49) / 49 = 16/2401 → SE = 4/49
    expect(clusteredStandardError([1, 1, 0, 0, 0, 1, 1], ["A", "A", "A", "B", "B", "B", "B"])).toBeCloseTo(
      4 / 49,
      12,
    );
  });
  it("is wider than the naive SE when questions in a cluster move together", () => {
    const values: number[] = [];
    const clusters: string[] = [];
    for (let g = 0; g < 20; g++)
      for (let i = 0; i < 10; i++) {
        values.push(g % 2 === 0 ? (i < 9 ? 1 : 0) : i < 3 ? 1 : 0);
        clusters.push(`s${g}`);
      }
    const naive = clusteredStandardError(
      values,
      values.map((_, i) => i),
    );
    expect(clusteredStandardError(values, clusters)).toBeGreaterThan(1.5 * naive);
  });
  it("rejects a single cluster", () => {
    expect(() => clusteredStandardError([1, 0, 1], ["a", "a", "a"])).toThrow(/at least 2 distinct clusters/);
  });
});
