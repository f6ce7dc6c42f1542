// The "Is the gap real?" figure's model, against R (prop.test, tests/reference/r-reference.json) and
// values worked by hand — never against the functions the model is built from.
import { describe, expect, it } from "vitest";
import {
  deriveGap,
  type GapValues,
  gapNotice,
  gapSummary,
} from "../../../src/components/figures/gapIsReal.ts";

const at = (v: Partial<GapValues>): GapValues => ({
  a: 85.8,
  b: 85,
  n: 14042,
  design: "independent",
  correlation: 0.5,
  disagree: 10,
  ...v,
});

describe("deriveGap", () => {
  it("MMLU 85.8 vs 85.0, independent: R prop.test(c(12048, 11936), c(14042, 14042), correct = FALSE)", () => {
    const m = deriveGap(at({}));
    // 12,048 and 11,936 of 14,042 right.
    expect([m.chosen.kA, m.chosen.kB]).toEqual([12048, 11936]);
    // R: conf.int −0.000282685 0.016234829 (A − B), p-value 0.05839025.
    expect(m.chosen.lower).toBeCloseTo(-0.000282685, 7);
    expect(m.chosen.upper).toBeCloseTo(0.016234829, 7);
    expect(m.chosen.pValue).toBeCloseTo(0.0583902458602561, 6);
    expect(m.chosen.separated).toBe(false);
    // Each score's Wilson interval: R prop.test(12048, 14042, correct = FALSE)$conf.int → 85.2126–86.3673%,
    // prop.test(11936, 14042, …) → 84.4020–85.5831%.
    expect(m.scores.a.lower).toBeCloseTo(85.21261777, 5);
    expect(m.scores.a.upper).toBeCloseTo(86.36728743, 5);
    expect(m.scores.b.lower).toBeCloseTo(84.40200782, 5);
    expect(m.scores.b.upper).toBeCloseTo(85.5831193, 5);
    expect(m.scores.a.value).toBeCloseTo((100 * 12048) / 14042, 10);
    // The smallest gap found 80% of the time, R: (qnorm(0.975) + qnorm(0.8))·√(2·p̄(1−p̄)/14042),
    // p̄ = 0.854009 → 0.0118057.
    expect(m.chosen.mdd).toBeCloseTo(0.0118057, 5);
    // The difference strip spans 1.25 × the largest of |interval ends| and the detectable gap:
    // 1.25 × 1.6235 = 2.0294 pp.
    expect(m.extent).toBeCloseTo(1.25 * 1.6234829, 4);
    // The score strip: intervals 84.40–86.37 padded by max(0.5, 0.25 × 1.965) = 0.5.
    expect(m.scoreDomain[0]).toBeCloseTo(83.902, 3);
    expect(m.scoreDomain[1]).toBeCloseTo(86.867, 3);
    expect(m.paired).toBe(false);
    expect(m.chosen).toBe(m.independent);
  });

  it("GSM8K 80 vs 77: the independent interval includes zero (R: −0.18 to 6.09 pp); paired at r = 0.5 it does not", () => {
    const ind = deriveGap(at({ a: 80, b: 77, n: 1319 }));
    // R: prop.test(c(1055, 1016), c(1319, 1319), correct = FALSE)$conf.int → −0.00176255 0.06089826
    expect(ind.chosen.lower).toBeCloseTo(-0.00176255197, 7);
    expect(ind.chosen.upper).toBeCloseTo(0.06089826084, 7);
    expect(ind.chosen.separated).toBe(false);
    const paired = deriveGap(at({ a: 80, b: 77, n: 1319, design: "correlation", correlation: 0.5 }));
    expect(paired.paired).toBe(true);
    expect(paired.independent.lower).toBeCloseTo(-0.00176255197, 7);
    // Pairing at correlation 0.5 shrinks the difference's variance by (1 − 0.5): the half-width by √0.5.
    const halfInd = (ind.chosen.upper - ind.chosen.lower) / 2;
    const halfPaired = (paired.chosen.upper - paired.chosen.lower) / 2;
    expect(halfPaired / halfInd).toBeGreaterThan(0.6);
    expect(halfPaired / halfInd).toBeLessThan(0.8);
    expect(paired.chosen.separated).toBe(true);
    // The paired table: 1,055 and 1,016 right; only-A minus only-B is the 39-question gap.
    expect(paired.chosen.counts!.onlyA - paired.chosen.counts!.onlyB).toBe(1055 - 1016);
  });

  it("notice and summary follow the design and state the current numbers", () => {
    const m = deriveGap(at({}));
    expect(gapNotice(m)).toMatch(/√2/);
    expect(gapNotice(deriveGap(at({ design: "discordant", disagree: 20, a: 80, b: 70, n: 164 })))).toMatch(
      /Pairing/,
    );
    const s = gapSummary(m);
    expect(s).toContain("Model A 85.8% and Model B 85.0% on 14,042 questions");
    expect(s).toContain("Difference 0.80 pp, 95% interval \u22120.03 to 1.62 pp");
    expect(s).toContain("1.18 pp");
  });
});
