// Per-question 0/1 correctness of 29 models on all 12,032 MMLU-Pro test questions
// (data/mmlu_pro_correct_matrix.csv), emitted compactly: per model, one base64 bitset of the
// right answers and, for the few incomplete models, one of the questions it has a result for.
// About 120 kB instead of the CSV's 750 kB. Decoded by components/data/mmluProMatrix.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParseRows } from "d3-dsv";
import { encodeMatrix } from "../components/data/mmluProMatrix.js";
import { dataDir, SourceError } from "./source.js";

const file = "data/mmlu_pro_correct_matrix.csv";
const rows = csvParseRows(readFileSync(join(dataDir, "mmlu_pro_correct_matrix.csv"), "utf8"));
const header = rows[0];
if (!header || header[0] !== "question_id" || header[1] !== "category") {
  throw new SourceError(`${file}: expected columns question_id, category, then one column per model`);
}
const models = header.slice(2);
const body = rows.slice(1).filter((r) => r.length > 1 || (r[0] ?? "").trim() !== "");
if (body.length === 0) throw new SourceError(`${file}: no rows`);

const columns = models.map(() => new Int8Array(body.length));
body.forEach((row, i) => {
  if (row.length !== header.length) {
    throw new SourceError(`${file} line ${i + 2}: ${row.length} values, expected ${header.length}`);
  }
  for (let m = 0; m < models.length; m++) {
    const raw = row[m + 2]!.trim();
    if (raw === "1") columns[m]![i] = 1;
    else if (raw === "0") columns[m]![i] = 0;
    else if (raw === "NA" || raw === "") columns[m]![i] = -1;
    else throw new SourceError(`${file} line ${i + 2}, column "${models[m]}": "${raw}" is not 0, 1 or NA`);
  }
});

process.stdout.write(JSON.stringify(encodeMatrix(models, columns)));
