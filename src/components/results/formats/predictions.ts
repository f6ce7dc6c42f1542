// Per-question prediction files in the `pred`, `answer` form (MMLU-Pro's published outputs: a JSON
// array per category with question_id, category, answer and the extracted pred). The rule is
// exact match of pred against answer after trimming; a missing prediction (null or blank: the
// extraction found no answer) counts as wrong. The page states both.
import type { FileResult, ResultRecord } from "../types.js";
import { type FormatInput, isObject, type ResultFormat } from "./format.js";
import { baseName, folderOf, runOf } from "./paths.js";

export const RULE = "exact match of pred and answer (trimmed); a missing pred counts as wrong";

function rowsOf(input: FormatInput): { line: number; value: Record<string, unknown> }[] {
  if (Array.isArray(input.doc)) return input.doc.filter(isObject).map((value, i) => ({ line: i + 1, value }));
  return [...(input.lines ?? [])];
}

export const predictions: ResultFormat = {
  id: "predictions",
  label: "per-question predictions (pred, answer)",
  detect: (input) => {
    const first = rowsOf(input)[0]?.value;
    return first && "pred" in first && "answer" in first && !("model" in first && "correct" in first)
      ? 0.85
      : 0;
  },
  parse(input, options): FileResult {
    const { file, log } = input;
    const rows = rowsOf(input);
    const folder = baseName(folderOf(file));
    const model =
      options.model?.trim() ||
      (typeof rows[0]?.value.model === "string" ? (rows[0].value.model as string) : "") ||
      folder ||
      baseName(file).replace(/\.(jsonl?|gz)+$/i, "");
    let missing = 0;
    const records: ResultRecord[] = [];
    for (const { line, value } of rows) {
      const id = value.question_id ?? value.id ?? value.item;
      if (typeof id !== "string" && typeof id !== "number") {
        log.add(line, "missing-field", `no "question_id" (or "id"); dropped`);
        continue;
      }
      const answer = value.answer;
      if (answer === null || answer === undefined || String(answer).trim() === "") {
        log.add(line, "missing-value", `question "${id}" has no "answer"; dropped`);
        continue;
      }
      const pred = value.pred;
      const blank = pred === null || pred === undefined || String(pred).trim() === "";
      if (blank) missing++;
      const c = value.category ?? value.subject;
      records.push({
        model,
        item: String(id),
        correct: !blank && String(pred).trim() === String(answer).trim() ? 1 : 0,
        cluster: typeof c === "string" && c !== "" ? c : null,
        file,
        line,
      });
    }
    return {
      file,
      format: "predictions",
      formatLabel: predictions.label,
      description: `Per-question predictions for model "${model}", scored here by ${RULE}${missing ? ` (${missing} question${missing === 1 ? "" : "s"} had no prediction)` : ""}.`,
      records,
      issues: log.issues,
      issueCounts: log.counts,
      lines: rows.length,
      run: runOf(file),
      modelGuessed: !options.model?.trim(),
    };
  },
};
