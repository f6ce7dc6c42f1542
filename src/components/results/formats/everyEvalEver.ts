// Every Eval Ever (the EvalEval coalition's shared schema, 2026; evaleval/every_eval_ever,
// instance_level_eval.schema.json): JSON Lines, one record per model and sample, with model_id,
// evaluation_name, sample_id and evaluation.score / evaluation.is_correct. Converted HELM, Inspect
// and lm-eval runs arrive in this one shape.
import type { FileResult, ResultRecord } from "../types.js";
import { parseCorrect } from "../values.js";
import { isObject, type ResultFormat } from "./format.js";
import { runOf } from "./paths.js";

export const everyEvalEver: ResultFormat = {
  id: "every-eval-ever",
  label: "Every Eval Ever instance-level records",
  detect: ({ lines }) => {
    const v = lines?.[0]?.value;
    return v && "sample_id" in v && "model_id" in v && isObject(v.evaluation) ? 0.95 : 0;
  },
  parse({ file, lines = [], log }): FileResult {
    const records: ResultRecord[] = [];
    const evals = new Set<string>();
    for (const { line, value } of lines) {
      const model = value.model_id;
      const id = value.sample_id;
      const name = typeof value.evaluation_name === "string" ? value.evaluation_name : "";
      if (typeof model !== "string" || model === "") {
        log.add(line, "missing-field", `no "model_id"; line dropped`);
        continue;
      }
      if (typeof id !== "string" && typeof id !== "number") {
        log.add(line, "missing-field", `no "sample_id"; line dropped`);
        continue;
      }
      const ev = isObject(value.evaluation) ? value.evaluation : {};
      const v = parseCorrect(typeof ev.score === "number" ? ev.score : ev.is_correct);
      if (!v.ok) {
        log.add(
          line,
          v.missing ? "missing-value" : "unknown-value",
          `"evaluation.score" ${v.reason}; line dropped`,
        );
        continue;
      }
      evals.add(name);
      const meta = isObject(value.metadata) ? value.metadata : {};
      const c = meta.subject ?? meta.category;
      records.push({
        model,
        item: name ? `${name}/${id}` : String(id),
        correct: v.value,
        cluster: typeof c === "string" && c !== "" ? c : name || null,
        file,
        line,
        ...(typeof value.sample_hash === "string" ? { hash: value.sample_hash } : {}),
      });
    }
    return {
      file,
      format: "every-eval-ever",
      formatLabel: everyEvalEver.label,
      description: `Every Eval Ever instance-level records: "evaluation.score" per (model_id, sample_id)${evals.size ? `, evaluation${evals.size > 1 ? "s" : ""} ${[...evals].map((e) => `"${e}"`).join(", ")}` : ""}.`,
      records,
      issues: log.issues,
      issueCounts: log.counts,
      lines: lines.length,
      run: runOf(file),
    };
  },
};
