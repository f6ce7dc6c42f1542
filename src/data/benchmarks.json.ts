// Benchmarks with their test-set sizes and the 95% half-widths at several accuracies.
import { halfWidth } from "../components/stats/index.js";
import { readTable } from "./source.js";

const rows = readTable("benchmarks.csv", {
  benchmark: "string",
  split: "string",
  n: "optional-number",
  task_type: "string",
  metric: "string",
  source: "string",
  note: "optional-string",
});

const accuracies = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

const benchmarks = rows
  .filter((r) => r.n !== null)
  .map((r) => ({
    ...r,
    n: r.n as number,
    halfWidthPp: Object.fromEntries(accuracies.map((p) => [p, 100 * halfWidth(p, r.n as number)])),
  }));

process.stdout.write(JSON.stringify(benchmarks));
