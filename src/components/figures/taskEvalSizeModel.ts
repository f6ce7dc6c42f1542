// The numbers of Lesson 4's figure 2 ("how big must my task-specific eval be?"), without the
// drawing: the interval at N, the power to tell two models apart, the size the wanted power
// needs. Plot-free, so lessons/lesson4.ts (loaded with the page, for the prose's numbers) can use
// them without loading Observable Plot; figures/taskEvalSize.ts draws them.

import { halfWidth, proportionInterval } from "../stats/intervals.js";
import { integerLogGrid } from "../stats/logGrid.js";
import { minimumDetectableDifference, power, sampleSizeTwoProportions } from "../stats/power.js";
export type EvalSizeInputs = {
  /** Expected task accuracy of the better model, in (0, 1). */
  p: number;
  /** The gap worth detecting, in pp (the other model scores p − gap/100). */
  gap: number;
  /** Examples in the task-specific eval set (each model answers all of them). */
  n: number;
  /** Target power for the required size (0.8 or 0.9). */
  target: number;
};

export interface EvalSizeAnswer {
  p1: number;
  p2: number;
  /** 95% half-width of one model's score at n (normal approximation), in pp. */
  halfWidthPp: number;
  /** The same at 100 examples, the "100 or more" rule of thumb. */
  halfWidthAt100Pp: number;
  /** Power of a two-sided 5% test to tell p1 from p2 with n examples each. */
  power: number;
  /** Examples per model for the target power (sampleSizeTwoProportions). */
  nNeeded: number;
  /** Smallest gap detected with the target power at n: separate question sets / same questions (r = 0.5). */
  mddPp: number;
  mddPairedPp: number;
  /** Wilson 95% intervals of both models at n (k = round(p·n)). */
  intervals: { model: string; p: number; lower: number; upper: number }[];
}

/** Everything figure 2 states, from the statistics core (pure; unit-tested). */
export function evalSizeAnswer({ p, gap, n, target }: EvalSizeInputs): EvalSizeAnswer {
  const p1 = p;
  const p2 = Number((p - gap / 100).toFixed(10));
  const intervals = [
    { model: "Model A", p: p1 },
    { model: "Model B", p: p2 },
  ].map((m) => {
    const ci = proportionInterval(Math.round(m.p * n), n);
    return { ...m, lower: ci.lower, upper: ci.upper };
  });
  return {
    p1,
    p2,
    halfWidthPp: 100 * halfWidth(p1, n),
    halfWidthAt100Pp: 100 * halfWidth(p1, 100),
    power: power(p1, p2, n),
    nNeeded: sampleSizeTwoProportions(p1, p2, { power: target }),
    mddPp: 100 * minimumDetectableDifference(p1, n, { power: target }),
    mddPairedPp: 100 * minimumDetectableDifference(p1, n, { power: target, paired: true, correlation: 0.5 }),
    intervals,
  };
}

/** Power against N on a log grid, for the curve (pure). */
export function powerCurve(p1: number, p2: number, { nMin = 10, nMax = 100_000, points = 140 } = {}) {
  return integerLogGrid(nMin, nMax, points).map((n) => ({ n, power: power(p1, p2, n) }));
}

export const evalSizeDefaults: EvalSizeInputs = { p: 0.8, gap: 5, n: 100, target: 0.8 };
