// Published scores with their methodology (shots, chain-of-thought, evaluator, source).
import { readTable } from "./source.js";

const rows = readTable("published_scores.csv", {
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

process.stdout.write(JSON.stringify(rows));
