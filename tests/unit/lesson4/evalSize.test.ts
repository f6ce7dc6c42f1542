// Figure 2's answers and figure 4's stages against the statistics core and R's power.prop.test.
import { describe, expect, it } from "vitest";
import { evalSizeAnswer, powerCurve } from "../../../src/components/figures/taskEvalSize.ts";
import { stagePlan } from "../../../src/components/figures/threeStages.ts";
import { halfWidth, proportionInterval } from "../../../src/components/stats/intervals.ts";
import {
  minimumDetectableDifference,
  power,
  sampleSizeTwoProportions,
} from "../../../src/components/stats/power.ts";

// R 4.x, base stats:
//   power.prop.test(p1 = .8, p2 = .75, power = .8)$n   → 1093.73905…
//   power.prop.test(p1 = .8, p2 = .75, power = .9)$n   → 1463.70730548
//   power.prop.test(n = 100, p1 = .8, p2 = .75)$power  → 0.1323616
//   power.prop.test(n = 100, p1 = .8, p2 = .65)$power  → 0.663285453151
//   power.prop.test(n = 700, p1 = .8, p2 = .75)$power  → 0.610495625317
//   power.prop.test(p1 = .8, p2 = .78, power = .8)$n   → 6509.46667851
//   power.prop.test(n = 100, p1 = .5, p2 = .45)$power  → 0.105003989046
const R = {
  n80: 1093.73905,
  n90: 1463.70730548,
  power100: 0.1323616,
  power100gap15: 0.663285453151,
  power700: 0.610495625317,
  n80gap2: 6509.46667851,
  power100at50: 0.105003989046,
};

describe("how many task examples (figure 2)", () => {
  const a = evalSizeAnswer({ p: 0.8, gap: 5, n: 100, target: 0.8 });

  it("100 examples give about ±8–10 pp (±7.8 at 80%, ±9.8 at 50%)", () => {
    expect(a.halfWidthPp).toBeCloseTo(100 * 1.959963984540054 * Math.sqrt(0.16 / 100), 9);
    expect(a.halfWidthPp).toBeCloseTo(7.84, 2);
    expect(evalSizeAnswer({ p: 0.5, gap: 5, n: 100, target: 0.8 }).halfWidthPp).toBeCloseTo(9.8, 2);
    expect(a.halfWidthAt100Pp).toBe(a.halfWidthPp);
  });

  it("needs 1,094 examples per model for 80% power at 80% vs 75% (R: 1093.74)", () => {
    expect(a.nNeeded).toBe(Math.ceil(R.n80));
    expect(a.nNeeded).toBe(sampleSizeTwoProportions(0.8, 0.75));
    expect(evalSizeAnswer({ p: 0.8, gap: 5, n: 100, target: 0.9 }).nNeeded).toBe(Math.ceil(R.n90));
    expect(evalSizeAnswer({ p: 0.8, gap: 2, n: 100, target: 0.8 }).nNeeded).toBe(Math.ceil(R.n80gap2));
  });

  it("has 13% power at 100 examples for a 5 pp gap and 66% for a 15 pp gap (R)", () => {
    expect(a.power).toBeCloseTo(R.power100, 6);
    expect(evalSizeAnswer({ p: 0.8, gap: 15, n: 100, target: 0.8 }).power).toBeCloseTo(R.power100gap15, 6);
    expect(evalSizeAnswer({ p: 0.5, gap: 5, n: 100, target: 0.8 }).power).toBeCloseTo(R.power100at50, 6);
  });

  it("states the smallest detectable gap and the intervals from the core", () => {
    expect(a.mddPp).toBeCloseTo(100 * minimumDetectableDifference(0.8, 100), 12);
    expect(a.mddPairedPp).toBeCloseTo(
      100 * minimumDetectableDifference(0.8, 100, { paired: true, correlation: 0.5 }),
      12,
    );
    expect(a.mddPairedPp / a.mddPp).toBeCloseTo(Math.sqrt(0.5), 12);
    const wilson = proportionInterval(75, 100);
    expect(a.intervals[1]!.lower).toBe(wilson.lower);
    expect(a.intervals[1]!.upper).toBe(wilson.upper);
    expect(a.p2).toBe(0.75);
  });

  it("the power curve rises with N and crosses 80% at the required size", () => {
    const curve = powerCurve(0.8, 0.75);
    for (let i = 1; i < curve.length; i++)
      expect(curve[i]!.power).toBeGreaterThanOrEqual(curve[i - 1]!.power);
    const below = curve.filter((d) => d.n < 1093);
    const above = curve.filter((d) => d.n > 1094);
    expect(below.every((d) => d.power < 0.8)).toBe(true);
    expect(above.every((d) => d.power > 0.8)).toBe(true);
  });
});

describe("the three stages (figure 4)", () => {
  const e = { p: 0.8, gap: 5, n: 100, target: 0.8 };
  const plan = stagePlan({ candidates: 20, shortlist: 3, requests: 2000, share: 0.05, days: 14 }, e);

  it("stage 2 carries figure 2's numbers", () => {
    const [, s2] = plan.stages;
    expect(s2.itemsPerModel).toBe(100);
    expect(s2.halfWidthPp).toBeCloseTo(evalSizeAnswer(e).halfWidthPp, 12);
    expect(s2.power).toBeCloseTo(R.power100, 6);
    expect(plan.nNeeded).toBe(1094);
  });

  it("stage 1 rests on MMLU's 14,042 questions: ±0.66 pp at 80%", () => {
    const [s1] = plan.stages;
    expect(s1.itemsPerModel).toBe(14_042);
    expect(s1.halfWidthPp).toBeCloseTo(100 * halfWidth(0.8, 14_042), 12);
    expect(s1.halfWidthPp).toBeCloseTo(0.66, 2);
    expect(s1.remaining).toBe(3);
  });

  it("stage 3: 2,000 a day × 5% × 14 days = 1,400 interactions, 700 per finalist (R power 0.61)", () => {
    expect(plan.pilotTotal).toBe(1400);
    expect(plan.pilotPerArm).toBe(700);
    expect(plan.finalists).toBe(2);
    expect(plan.stages[2].power).toBeCloseTo(R.power700, 6);
    expect(plan.stages[2].power).toBeCloseTo(power(0.8, 0.75, 700), 12);
  });

  it("never shortlists more models than there are candidates", () => {
    const small = stagePlan({ candidates: 3, shortlist: 8, requests: 100, share: 0.01, days: 1 }, e);
    expect(small.stages[0].remaining).toBe(3);
    expect(small.pilotTotal).toBe(1);
    expect(small.pilotPerArm).toBe(1);
  });
});
