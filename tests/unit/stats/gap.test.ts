// "Is the gap real?": independent comparisons must be the core's two-proportion test (checked
// against R's prop.test), paired ones the core's paired statistics on a consistent 2×2 table.
import { describe, expect, it } from "vitest";
import {
  countsFromCorrelation,
  countsFromDisagreement,
  disagreementRange,
  gapAnalysis,
  gapVerdict,
  seRatioText,
} from "../../../src/components/stats/gap.ts";
import { pairedFromCounts } from "../../../src/components/stats/pairedCounts.ts";
import { minimumDetectableDifference } from "../../../src/components/stats/power.ts";
import { twoProportionTest } from "../../../src/components/stats/tests.ts";

describe("independent scores", () => {
  it("85.8 vs 85.0 on MMLU is within noise (R prop.test p = 0.0584)", () => {
    const g = gapAnalysis({ a: 0.858, b: 0.85, n: 14042, design: "independent" });
    expect(g.kA).toBe(12048);
    expect(g.kB).toBe(11936);
    expect(g.pValue).toBeCloseTo(0.05839024586, 8);
    expect(g.separated).toBe(false);
    expect(g.lower).toBeLessThan(0);
    expect(gapVerdict(g).label).toBe("Within noise");
  });

  it("a 3-point GSM8K gap: R prop.test(c(1055, 1016), c(1319, 1319)) p = 0.0645, CI −0.18 to 6.09 pp", () => {
    const g = gapAnalysis({ a: 0.8, b: 0.77, n: 1319, design: "independent" });
    expect(g.pValue).toBeCloseTo(0.06452944839, 8);
    expect(g.lower).toBeCloseTo(-0.00176255197, 9);
    expect(g.upper).toBeCloseTo(0.060898260841, 9);
    expect(g.separated).toBe(false);
  });

  it("HumanEval 80 vs 70: R p = 0.0413 — beyond noise, barely, below the detectable gap", () => {
    const g = gapAnalysis({ a: 0.8, b: 0.7, n: 164, design: "independent" });
    expect(g.pValue).toBeCloseTo(0.041325881823, 8);
    expect(g.separated).toBe(true);
    expect(g.mdd).toBeGreaterThan(0.1);
    expect(gapVerdict(g).label).toBe("Beyond noise, barely");
  });

  it("91.2 vs 89.4 on MMLU is beyond noise", () => {
    const g = gapAnalysis({ a: 0.912, b: 0.894, n: 14042, design: "independent" });
    const t = twoProportionTest({ k: g.kA, n: 14042 }, { k: g.kB, n: 14042 });
    expect(g.pValue).toBe(t.pValue);
    expect(g.separated).toBe(true);
    expect(gapVerdict(g).label).toBe("Beyond noise");
  });

  it("the SE of a difference is √2 times one score's at equal accuracy", () => {
    const g = gapAnalysis({ a: 0.8, b: 0.8, n: 1000, design: "independent" });
    expect(g.ratio).toBeCloseTo(Math.SQRT2, 10);
    expect(gapVerdict(g).label).toBe("No gap");
  });

  it("its minimum detectable difference is the core's", () => {
    const g = gapAnalysis({ a: 0.8, b: 0.78, n: 1319, design: "independent" });
    expect(g.mdd).toBeCloseTo(minimumDetectableDifference((g.kA + g.kB) / 2 / 1319, 1319), 12);
  });
});

describe("paired scores", () => {
  it("a correlation yields a consistent 2×2 table with (about) that correlation", () => {
    const c = countsFromCorrelation(1055, 1016, 1319, 0.5);
    expect(c.aRight).toBe(1055);
    expect(c.bRight).toBe(1016);
    expect(c.aRight - c.onlyA).toBe(c.bRight - c.onlyB);
    expect(pairedFromCounts(c).correlation).toBeCloseTo(0.5, 2);
  });

  it("pairing at r = 0.5 separates the 3-point GSM8K gap the independent test cannot", () => {
    const ind = gapAnalysis({ a: 0.8, b: 0.77, n: 1319, design: "independent" });
    const par = gapAnalysis({ a: 0.8, b: 0.77, n: 1319, design: "correlation", correlation: 0.5 });
    expect(ind.separated).toBe(false);
    expect(par.separated).toBe(true);
    expect(par.se).toBeLessThan(ind.se);
    expect(par.ratio).toBeLessThan(1);
    expect(par.test).toBe("McNemar's exact test");
    expect(par.pValue).toBe(pairedFromCounts(par.counts!).pValue);
    expect(par.mdd).toBeLessThan(ind.mdd);
  });

  it("disagreements: b − c is fixed by the gap, b + c by the input (hand-worked)", () => {
    // 80% vs 70% of 164: 131 and 115 right, 16 apart; 33 disagreements is odd-even mismatched → 32 or 34.
    expect(disagreementRange(131, 115, 164)).toEqual([16, 82]);
    const c = countsFromDisagreement(131, 115, 164, 32);
    expect(c.onlyA).toBe(24);
    expect(c.onlyB).toBe(8);
    const g = gapAnalysis({ a: 0.8, b: 0.7, n: 164, design: "discordant", disagree: 32 / 164 });
    expect(g.counts).toEqual(c);
    expect(g.adjusted).toBeNull();
  });

  it("rounds the disagreements to the gap's parity without a message (20% of 164 → 34)", () => {
    const g = gapAnalysis({ a: 0.8, b: 0.7, n: 164, design: "discordant", disagree: 0.2 });
    expect(g.counts!.onlyA + g.counts!.onlyB).toBe(34);
    expect(g.adjusted).toBeNull();
  });

  it("says so when an impossible input is moved", () => {
    const few = gapAnalysis({ a: 0.8, b: 0.7, n: 164, design: "discordant", disagree: 0.01 });
    expect(few.counts!.onlyA + few.counts!.onlyB).toBe(16);
    expect(few.adjusted).toMatch(/at least 16/);
    const r = gapAnalysis({ a: 0.99, b: 0.5, n: 1000, design: "correlation", correlation: 0.95 });
    expect(r.adjusted).toMatch(/cannot correlate/);
  });

  it("rejects nonsense", () => {
    expect(() => gapAnalysis({ a: 1.2, b: 0.5, n: 100, design: "independent" })).toThrow(RangeError);
    expect(() => gapAnalysis({ a: 0.5, b: 0.5, n: 1, design: "independent" })).toThrow(RangeError);
  });
});

describe("the SE ratio when both scores sit at 0% or 100% (issue 20, item 13)", () => {
  // R: binom.test(29, 29)$conf.int = 0.8806 1; binom.test(0, 20)$conf.int = 0 0.1684
  // (tests/reference/r-reference.json, intervals k = 29 / n = 29 and k = 0 / n = 20).
  it("both at 100%: no NaN; says there is no ratio and gives the exact interval's lower end", () => {
    for (const design of ["independent", "correlation", "discordant"] as const) {
      const g = gapAnalysis({ a: 1, b: 1, n: 29, design, correlation: 0.5, disagree: 0.1 });
      const text = seRatioText(g);
      expect(text).not.toMatch(/NaN/);
      expect(text).toMatch(/^none: both scores are 100%/);
      expect(text).toContain("29 of 29 still reaches down to 88.1%");
    }
  });
  it("both at 0%: the exact interval's upper end", () => {
    const g = gapAnalysis({ a: 0, b: 0, n: 20, design: "independent" });
    expect(seRatioText(g)).toMatch(/^none: both scores are 0%.*0 of 20 still reaches up to 16\.8%\.$/);
  });
  it("anywhere else, the ratio itself: √2 for two independent scores at equal accuracy", () => {
    expect(seRatioText(gapAnalysis({ a: 0.5, b: 0.5, n: 1000, design: "independent" }))).toBe("1.41×");
    // One at 100%, one below: a ratio exists (one score has spread).
    expect(seRatioText(gapAnalysis({ a: 1, b: 0.99, n: 164, design: "independent" }))).toMatch(/^\d\.\d\d×$/);
  });
});
