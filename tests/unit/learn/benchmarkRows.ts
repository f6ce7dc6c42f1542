// The benchmark table as the lab page receives it, read straight from data/benchmarks.csv.
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import type { BenchmarkRow } from "../../../src/components/learn/numberClaims.ts";

export const benchmarkRows: BenchmarkRow[] = csvParse(
  readFileSync(new URL("../../../data/benchmarks.csv", import.meta.url), "utf8"),
)
  .filter((r) => r.n)
  .map((r) => ({ benchmark: r.benchmark!, split: r.split!, n: Number(r.n), metric: r.metric! }));
