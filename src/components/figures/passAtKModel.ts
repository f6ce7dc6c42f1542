// The pass@k model without the drawing: one model's HumanEval runs turned into pass@k, the naive
// estimate and pass^k with their 95% intervals, and the per-problem counts. The page's prose reads
// it before figures/passAtKCurves.ts (which draws it) is loaded.
import {
  type MeanEstimate,
  meanWithInterval,
  naivePassAtK,
  passAtK,
  passHatK,
  singleRunSd,
} from "../stats/passAtK.js";

/** One model's runs, as data/humaneval_runs.csv gives them (see src/data/deeperTables.ts). */
export interface ModelRuns {
  model: string;
  temperature: number;
  n: number;
  counts: number[];
}

export interface PassAtKValues {
  model: string;
  k: number;
}

export interface CurvePoint {
  k: number;
  passAt: MeanEstimate;
  naive: number;
  passHat: MeanEstimate;
}

export interface PassAtKModel extends PassAtKValues {
  n: number;
  problems: number;
  temperature: number;
  curve: CurvePoint[];
  here: CurvePoint;
  /** Problems solved in exactly c of the n attempts, c = 0 … n. */
  histogram: { c: number; problems: number }[];
  /** Problems solved in every attempt, in none, and in some but not all. */
  always: number;
  never: number;
  sometimes: number;
  /** The standard deviation of one run's score from run to run (proportion). */
  runSd: number;
}

/** Every number the figure shows, for one model and k (pure). */
export function derivePassAtK(runs: readonly ModelRuns[], v: PassAtKValues): PassAtKModel {
  const r = runs.find((x) => x.model === v.model);
  if (!r)
    throw new RangeError(
      `no HumanEval runs for "${v.model}"; choose one of ${runs.map((x) => x.model).join(", ")}`,
    );
  const k = Math.min(Math.max(1, Math.round(v.k)), r.n);
  const curve = Array.from({ length: r.n }, (_, i) => {
    const kk = i + 1;
    return {
      k: kk,
      passAt: meanWithInterval(r.counts.map((c) => passAtK(r.n, c, kk))),
      naive: r.counts.reduce((s, c) => s + naivePassAtK(r.n, c, kk), 0) / r.counts.length,
      passHat: meanWithInterval(r.counts.map((c) => passHatK(r.n, c, kk))),
    };
  });
  const histogram = Array.from({ length: r.n + 1 }, (_, c) => ({
    c,
    problems: r.counts.filter((x) => x === c).length,
  }));
  const always = histogram[r.n]!.problems;
  const never = histogram[0]!.problems;
  return {
    model: r.model,
    k,
    n: r.n,
    problems: r.counts.length,
    temperature: r.temperature,
    curve,
    here: curve[k - 1]!,
    histogram,
    always,
    never,
    sometimes: r.counts.length - always - never,
    runSd: singleRunSd(r.counts.map((c) => ({ n: r.n, c }))),
  };
}
