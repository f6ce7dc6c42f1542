// The shared source tables, read and validated once (by the data loaders at build time and by
// the tests that check pages against the same data).
import type { Benchmark, PublishedScore } from "../components/data/types.js";
import { halfWidth } from "../components/stats/intervals.js";
import { readTable } from "./source.js";

/** Accuracies at which benchmarks.json lists each benchmark's half-width. */
export const halfWidthAccuracies = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

/** data/benchmarks.csv: the splits with a known N, with their 95% half-widths in pp. */
export function readBenchmarks(): Benchmark[] {
  return readTable("benchmarks.csv", {
    benchmark: "string",
    split: "string",
    n: "optional-number",
    task_type: "string",
    metric: "string",
    source: "string",
    note: "optional-string",
  })
    .filter((r): r is typeof r & { n: number } => r.n !== null)
    .map((r) => ({
      ...r,
      halfWidthPp: Object.fromEntries(halfWidthAccuracies.map((p) => [p, 100 * halfWidth(p, r.n)])),
    }));
}

/** data/published_scores.csv: published scores with their methodology. */
export function readPublishedScores(): PublishedScore[] {
  return readTable("published_scores.csv", {
    model: "string",
    model_family: "optional-string",
    variant: "optional-string",
    params_b: "optional-number",
    params_source: "optional-string",
    release_date: "optional-string",
    benchmark: "string",
    score: "number",
    metric: "optional-string",
    shots: "optional-string",
    cot: "string",
    extra_setting: "optional-string",
    evaluator: "string",
    evaluator_type: "string",
    source: "string",
    note: "optional-string",
  });
}
