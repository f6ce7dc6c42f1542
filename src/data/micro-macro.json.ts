// Macro (mean over subjects) and micro (mean over questions) averages Meta published for the same runs.
import type { MicroMacroRow } from "../components/data/types.js";
import { readTable, SourceError } from "./source.js";

const rows = readTable("micro_macro.csv", {
  model: "string",
  variant: "string",
  benchmark: "string",
  shots: "string",
  cot: "string",
  macro_avg: "number",
  micro_avg: "number",
  diff_macro_minus_micro: "number",
  source: "string",
});

const out: MicroMacroRow[] = rows.map((r, i) => {
  const diff = Number((r.macro_avg - r.micro_avg).toFixed(2));
  if (Math.abs(diff - r.diff_macro_minus_micro) > 0.011) {
    throw new SourceError(`data/micro_macro.csv line ${i + 2}: diff ${r.diff_macro_minus_micro} ≠ macro − micro (${diff})`);
  }
  return {
    model: r.model,
    variant: r.variant,
    benchmark: r.benchmark,
    shots: r.shots,
    cot: r.cot,
    macro: r.macro_avg,
    micro: r.micro_avg,
    diff,
    source: r.source,
  };
});
process.stdout.write(JSON.stringify(out));
