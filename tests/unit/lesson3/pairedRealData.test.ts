// The real-paired-data figure's model on a matrix small enough to work by hand: 100 questions,
// both right on 50, only A on 25, only B on 12, neither on 13. Expected values from R
// (prop.test, binom.test, cor) and the paired standard error worked by hand.
import { describe, expect, it } from "vitest";
import { pairOverviews, preparePairedData } from "../../../src/components/compare/pairedRealDataset.ts";
import type { DecodedMatrix } from "../../../src/components/data/mmluProMatrix.ts";
import {
  derivePaired,
  needText,
  pairedNotice,
  pairedSummary,
} from "../../../src/components/figures/pairedRealData.ts";

const rep = (x: number, k: number) => Array.from({ length: k }, () => x);
const a = Int8Array.from([...rep(1, 50), ...rep(1, 25), ...rep(0, 12), ...rep(0, 13)]);
const b = Int8Array.from([...rep(1, 50), ...rep(0, 25), ...rep(1, 12), ...rep(0, 13)]);
const matrix: DecodedMatrix = {
  questions: 100,
  models: [
    { name: "A", items: 100, correct: 75, results: a },
    { name: "B", items: 100, correct: 62, results: b },
  ],
};
const data = preparePairedData(matrix);
const overview = pairOverviews(data);

describe("derivePaired on all 100 questions", () => {
  const m = derivePaired({ a: "A", b: "B", n: 100 }, data, overview);
  if (m.same) throw new Error("two models were picked");
  it("each model's score and Wilson interval: R prop.test(75, 100) and prop.test(62, 100), correct = FALSE", () => {
    expect(m.scores.a.value).toBe(75);
    expect(m.scores.a.lower).toBeCloseTo(65.69553645, 6);
    expect(m.scores.a.upper).toBeCloseTo(82.45478864, 6);
    expect(m.scores.b.lower).toBeCloseTo(52.2097553, 6);
    expect(m.scores.b.upper).toBeCloseTo(70.90240075, 6);
    expect(m.r.overlap).toBe(true);
  });
  it("independent: R prop.test(c(75, 62), c(100, 100), correct = FALSE) → 0.25 to 25.75 pp, p = 0.0478", () => {
    expect(m.diffs.independent.value).toBeCloseTo(13, 10);
    expect(m.diffs.independent.lower).toBeCloseTo(0.2511913222, 6);
    expect(m.diffs.independent.upper).toBeCloseTo(25.7488086778, 6);
    expect(m.r.independent.pValue).toBeCloseTo(0.04782524289, 8);
  });
  it("paired: McNemar exact p = binom.test(25, 37) = 0.04703; the interval R: mean(d) ± qnorm(0.975)·sd(d)/√100, d = a − b", () => {
    expect(m.r.paired.pValue).toBeCloseTo(0.04703102744, 8);
    // R: 1.29478615 24.70521385 (pp)
    expect(m.diffs.paired.lower).toBeCloseTo(1.29478615, 6);
    expect(m.diffs.paired.upper).toBeCloseTo(24.70521385, 6);
    // R: cor(a, b) = 0.1665251
    expect(m.r.paired.correlation).toBeCloseTo(0.1665251238, 6);
    expect(m.r.counts).toMatchObject({ n: 100, onlyA: 25, onlyB: 12 });
    expect(m.separates).toEqual({ independent: true, paired: true });
  });
  it("axes: scores padded by max(1, 30% of 52.21–82.45); the difference by 15% past its widest end", () => {
    const pad = 0.3 * (82.45478864 - 52.2097553);
    expect(m.scoreDomain[0]).toBeCloseTo(52.2097553 - pad, 6);
    expect(m.scoreDomain[1]).toBeCloseTo(82.45478864 + pad, 6);
    expect(m.diffExtent).toBeCloseTo(1.15 * 25.7488086778, 6);
  });
  it("summary and notice state the current numbers", () => {
    expect(pairedSummary(m)).toContain(
      "On the first 100 questions: A 75.0% (65.7–82.5), B 62.0% (52.2–70.9)",
    );
    expect(pairedSummary(m)).toContain("They disagree on 37 questions (25 only A right, 12 only B right)");
    expect(pairedNotice(m)).toMatch(/Overlapping intervals are not a verdict/);
  });
});

describe("the same model twice, and the questions-needed wording", () => {
  it("asks for two different models and draws nothing to compare", () => {
    const m = derivePaired({ a: "A", b: "A", n: 100 }, data, overview);
    expect(m.same).toBe(true);
    expect(pairedSummary(m)).toMatch(/same model was picked twice/);
    expect(pairedNotice(m)).toBe("Pick two different models.");
  });
  it("needText", () => {
    expect(needText(Number.POSITIVE_INFINITY, 100)).toBe("never (no difference)");
    expect(needText(1234.4, 12032)).toBe("≈ 1,234");
    expect(needText(20000, 12032)).toBe("≈ 20,000 (more than the benchmark has)");
  });
});
