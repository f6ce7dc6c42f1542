import { describe, expect, it } from "vitest";
import {
  halfWidth,
  type IntervalMethod,
  proportionInterval,
} from "../../../src/components/stats/intervals.ts";
import { binomialSampler, seededRandom } from "../../../src/components/stats/random.ts";
import reference from "../../reference/r-reference.json";

const methods: [IntervalMethod, keyof (typeof reference.intervals)[number]][] = [
  ["wald", "wald"],
  ["wilson", "wilson"],
  ["wilson-cc", "wilsonCC"],
  ["agresti-coull", "agrestiCoull"],
  ["clopper-pearson", "clopperPearson"],
];

describe("proportionInterval against R (prop.test, binom.test)", () => {
  for (const row of reference.intervals) {
    for (const [method, key] of methods) {
      it(`${method} for ${row.k}/${row.n}`, () => {
        const [lo, hi] = row[key] as number[];
        const got = proportionInterval(row.k, row.n, { method });
        expect(got.estimate).toBeCloseTo(row.k / row.n, 12);
        expect(Math.abs(got.lower - lo!)).toBeLessThan(1e-6);
        expect(Math.abs(got.upper - hi!)).toBeLessThan(1e-6);
      });
    }
  }
  it("honours the confidence level (90%)", () => {
    const r = reference.intervals90;
    const w = proportionInterval(r.k, r.n, { confidence: 0.9 });
    const cp = proportionInterval(r.k, r.n, { confidence: 0.9, method: "clopper-pearson" });
    expect(Math.abs(w.lower - r.wilson[0]!)).toBeLessThan(1e-6);
    expect(Math.abs(w.upper - r.wilson[1]!)).toBeLessThan(1e-6);
    expect(Math.abs(cp.lower - r.clopperPearson[0]!)).toBeLessThan(1e-6);
    expect(Math.abs(cp.upper - r.clopperPearson[1]!)).toBeLessThan(1e-6);
  });
  it("matches Newcombe (1998), Table I, to the published four decimals", () => {
    // 81/263: Wilson 0.2553–0.3662, continuity-corrected 0.2535–0.3682, exact 0.2527–0.3676
    const w = proportionInterval(81, 263);
    expect([w.lower, w.upper].map((x) => x.toFixed(4))).toEqual(["0.2553", "0.3662"]);
    const cc = proportionInterval(81, 263, { method: "wilson-cc" });
    expect([cc.lower, cc.upper].map((x) => x.toFixed(4))).toEqual(["0.2535", "0.3682"]);
    const cp = proportionInterval(81, 263, { method: "clopper-pearson" });
    expect([cp.lower, cp.upper].map((x) => x.toFixed(4))).toEqual(["0.2527", "0.3676"]);
  });
});

describe("proportionInterval edge cases and errors", () => {
  it("k = 0 and k = n keep the bounds in [0, 1] and hold the estimate", () => {
    for (const [method] of methods) {
      for (const [k, n] of [
        [0, 1],
        [1, 1],
        [0, 50],
        [50, 50],
      ] as const) {
        const i = proportionInterval(k, n, { method });
        expect(i.lower).toBeGreaterThanOrEqual(0);
        expect(i.upper).toBeLessThanOrEqual(1);
        expect(i.lower).toBeLessThanOrEqual(i.estimate);
        expect(i.upper).toBeGreaterThanOrEqual(i.estimate);
      }
    }
  });
  it("Wald collapses to a point at k = 0 (its known failure)", () => {
    const i = proportionInterval(0, 20, { method: "wald" });
    expect(i.upper - i.lower).toBe(0);
    expect(proportionInterval(0, 20).upper).toBeGreaterThan(0.1);
  });
  it.each([
    [1.5, 10, /k must be a non-negative integer/],
    [-1, 10, /k must be a non-negative integer/],
    [11, 10, /k \(11\) must not exceed n \(10\)/],
    [0, 0, /n must be an integer ≥ 1/],
    [Number.NaN, 10, /k must be/],
    [3, Number.NaN, /n must be/],
  ])("rejects k=%s n=%s", (k, n, message) => {
    expect(() => proportionInterval(k, n)).toThrow(RangeError);
    expect(() => proportionInterval(k, n)).toThrow(message);
  });
  it("rejects an unknown method and a bad confidence", () => {
    expect(() => proportionInterval(3, 10, { method: "bayes" as IntervalMethod })).toThrow(RangeError);
    expect(() => proportionInterval(3, 10, { confidence: 1 })).toThrow(/confidence/);
  });
  it("narrows as n grows at a fixed proportion", () => {
    let previous = Number.POSITIVE_INFINITY;
    for (const n of [10, 100, 1000, 10000]) {
      const i = proportionInterval(0.8 * n, n);
      expect(i.upper - i.lower).toBeLessThan(previous);
      previous = i.upper - i.lower;
    }
  });
});

describe("halfWidth reproduces the course's table (95% CI at 80% accuracy)", () => {
  // The course prints these to the precision shown; it cuts GSM8K's 2.159 short to 2.15.
  const table: [string, number, number, number][] = [
    ["MMLU", 14042, 0.66, 2],
    ["GSM8K", 1319, 2.15, 2],
    ["HumanEval", 164, 6.1, 1],
    ["HellaSwag", 10042, 0.78, 2],
    ["ARC-Challenge", 1172, 2.3, 1],
  ];
  it.each(table)("%s (N = %i) ±%s pp", (_name, n, printed, digits) => {
    const pp = 100 * halfWidth(0.8, n);
    const truncated = Math.trunc(pp * 10 ** digits) / 10 ** digits;
    const rounded = Math.round(pp * 10 ** digits) / 10 ** digits;
    expect([truncated, rounded]).toContain(printed);
    expect(Math.abs(pp - printed)).toBeLessThan(0.01 + 0.5 * 10 ** -digits);
  });
  it("GSM8K at 80% is 2.159 pp, and about 1.4 pp near 93% — the course's two figures", () => {
    expect(100 * halfWidth(0.8, 1319)).toBeCloseTo(2.159, 3);
    expect(100 * halfWidth(0.93, 1319)).toBeCloseTo(1.38, 2);
  });
  it("uses z = qnorm(0.975) from R", () => {
    expect(halfWidth(0.5, 1) / 0.5).toBeCloseTo(reference.qnorm975, 9);
  });
});

describe("coverage by simulation", () => {
  function coverage(method: IntervalMethod, p: number, n: number, trials = 4000) {
    const draw = binomialSampler(seededRandom(42));
    let hit = 0;
    for (let t = 0; t < trials; t++) {
      const i = proportionInterval(draw(n, p), n, { method });
      if (i.lower <= p && p <= i.upper) hit++;
    }
    return hit / trials;
  }
  it("Wilson stays near 95% at small n and extreme p, where Wald falls short", () => {
    const wilson = coverage("wilson", 0.95, 30);
    const wald = coverage("wald", 0.95, 30);
    expect(wilson).toBeGreaterThan(0.92);
    expect(wald).toBeLessThan(0.9);
    expect(wilson - wald).toBeGreaterThan(0.05);
  });
  it("Clopper–Pearson is conservative (at least 95%)", () => {
    expect(coverage("clopper-pearson", 0.8, 40)).toBeGreaterThanOrEqual(0.95);
  });
});
