// MMLU's 57 subjects with their test sizes (sum 14,042) and categories.
import { readTable, SourceError } from "./source.js";

const rows = readTable("mmlu_subjects.csv", {
  subject: "string",
  category: "string",
  subcategory: "string",
  n_test: "integer",
  n_validation: "integer",
  n_dev: "integer",
  source: "string",
});
const total = rows.reduce((s, r) => s + r.n_test, 0);
if (rows.length !== 57 || total !== 14042) {
  throw new SourceError(`data/mmlu_subjects.csv: expected 57 subjects and 14,042 test questions, got ${rows.length} and ${total}`);
}
process.stdout.write(JSON.stringify(rows.map(({ source: _source, ...r }) => r)));
