// Measured contamination gaps (data/contamination.csv), each tagged with the study it comes from.
import type { ContaminationRow } from "../components/data/types.js";
import { readTable, SourceError } from "./source.js";

const rows = readTable("contamination.csv", {
  model: "string",
  benchmark: "string",
  clean_score: "optional-number",
  contaminated_or_original_score: "optional-number",
  gap_pp: "number",
  method: "string",
  source: "string",
});

function study(r: (typeof rows)[number], line: number): ContaminationRow["study"] {
  if (r.source.includes("2405.00332v4")) return "gsm1k";
  if (r.source.includes("scaleapi/gsm1k_eval")) return "gsm1k-v1";
  if (r.source.includes("MMLU-CF")) return "mmlu-cf";
  if (r.source.includes("Contamination_Detector")) return "clean-dirty";
  throw new SourceError(`data/contamination.csv line ${line}: unknown study (${r.source.slice(0, 60)}…)`);
}

const out: ContaminationRow[] = rows.map((r, i) => ({
  study: study(r, i + 2),
  model: r.model,
  benchmark: r.benchmark,
  clean: r.clean_score,
  original: r.contaminated_or_original_score,
  gapPp: r.gap_pp,
  method: r.method,
  source: r.source,
}));

process.stdout.write(JSON.stringify(out));
