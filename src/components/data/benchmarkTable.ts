// The course's benchmark table, recomputed from data: N, the 95% half-width at an accuracy,
// and the smallest gap a two-sided test would detect (independent and paired designs).
import { type CourseBenchmark, courseBenchmarks } from "../../content/courseTable.js";
import { halfWidth } from "../stats/intervals.js";
import { minimumDetectableDifference } from "../stats/power.js";
import type { Benchmark } from "./types.js";

export interface BenchmarkRow extends CourseBenchmark {
  n: number;
  /** Half-width at the chosen accuracy and confidence, as a proportion. */
  halfWidth: number;
  /** Smallest difference detected with 80% power, two independent scores. */
  mddIndependent: number;
  /** The same for a paired comparison on the same questions with the given correlation. */
  mddPaired: number;
  source: string;
}

/** Find a benchmark's row in the loaded table; throws naming what is missing. */
export function findBenchmark(benchmarks: readonly Benchmark[], name: string, split: string): Benchmark {
  const row = benchmarks.find((b) => b.benchmark === name && b.split === split);
  if (!row) throw new Error(`benchmarks table has no ${name} (${split}) row`);
  return row;
}

export function courseTable(
  benchmarks: readonly Benchmark[],
  { p = 0.8, confidence = 0.95, correlation = 0.5 }: { p?: number; confidence?: number; correlation?: number } = {},
): BenchmarkRow[] {
  return courseBenchmarks.map((c) => {
    const b = findBenchmark(benchmarks, c.benchmark, c.split);
    return {
      ...c,
      n: b.n,
      source: b.source,
      halfWidth: halfWidth(p, b.n, confidence),
      mddIndependent: minimumDetectableDifference(p, b.n, { alpha: 1 - confidence }),
      mddPaired: minimumDetectableDifference(p, b.n, { alpha: 1 - confidence, paired: true, correlation }),
    };
  });
}
