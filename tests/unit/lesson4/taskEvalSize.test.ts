// The task-eval-size figure's model against R (power.prop.test, prop.test).
import { describe, expect, it } from "vitest";
import { deriveEvalSize, evalSizeSummary } from "../../../src/components/figures/taskEvalSize.ts";

describe("deriveEvalSize", () => {
  const m = deriveEvalSize({ p: 0.8, gap: 5, n: 100, target: 0.8 });
  it("100 examples, 80% against 75%: R power.prop.test(n = 100, p1 = 0.8, p2 = 0.75)", () => {
    // R: power 0.1323615841; n for 80% power 1093.739046 → 1,094 per model.
    expect(m.answer.power).toBeCloseTo(0.1323615841, 6);
    expect(m.answer.nNeeded).toBe(1094);
    expect(m.enough).toBe(false);
    // R: qnorm(0.975)·√(0.16/100)·100 = 7.839855938
    expect(m.answer.halfWidthPp).toBeCloseTo(7.839855938, 6);
  });
  it("the strip: R's Wilson intervals for 80 and 75 of 100, 5 points either side", () => {
    // R: prop.test(80, 100, correct = FALSE)$conf.int → 0.7111708 0.8666331;
    //    prop.test(75, 100, …) → 0.6569554 0.8245479
    expect(m.stripDomain[0]).toBeCloseTo(65.69553645 - 5, 5);
    expect(m.stripDomain[1]).toBeCloseTo(86.66331 + 5, 3);
  });
  it("marks: at N = 100 only the N needed (1,094 at 80%); elsewhere also 100 examples", () => {
    expect(m.marks).toEqual([{ n: 1094, label: "1,094 needed", power: 0.8 }]);
    const at500 = deriveEvalSize({ p: 0.8, gap: 5, n: 500, target: 0.8 });
    expect(at500.marks.map((x) => x.n)).toEqual([100, 1094]);
    expect(at500.marks[0]!.power).toBeCloseTo(0.1323615841, 6);
    // The curve runs from 10 to 100,000 examples, rising.
    expect(m.curve[0]!.n).toBe(10);
    expect(m.curve.at(-1)!.n).toBe(100_000);
    expect(m.curve.at(-1)!.power).toBeGreaterThan(0.999);
  });
  it("the summary states the numbers", () => {
    expect(evalSizeSummary(m)).toContain("each model's 95% interval is ±7.8 pp");
    expect(evalSizeSummary(m)).toContain("is 13%; 80% power needs 1,094 examples per model");
  });
});
