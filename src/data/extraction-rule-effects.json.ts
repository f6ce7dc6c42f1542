// MMLU-Pro accuracy of 25 models under five extraction rules, on all 12,032 questions (derived from
// the benchmark authors' result files; see data/SOURCES.md).
import type { RuleEffectRow } from "../components/data/types.js";
import { readTable, SourceError } from "./source.js";

const rows = readTable("mmlu_pro_extraction_rule_effects.csv", {
  model: "string",
  n: "integer",
  acc_repo_pred_strict: "number",
  acc_rule1_answer_is: "number",
  unparsed_rule1: "integer",
  acc_rule1_plus_expected_random_guess: "number",
  acc_rule1or2_answer_colon: "number",
  unparsed_rule1or2: "integer",
  acc_rule1or2or3_last_letter: "number",
  unparsed_rule1or2or3: "integer",
});
const out: RuleEffectRow[] = rows.map((r, i) => {
  for (const v of [r.acc_repo_pred_strict, r.acc_rule1_answer_is, r.acc_rule1or2or3_last_letter]) {
    if (v < 0 || v > 100) throw new SourceError(`data/mmlu_pro_extraction_rule_effects.csv line ${i + 2}: accuracy ${v} outside 0–100`);
  }
  return {
    model: r.model,
    n: r.n,
    stored: r.acc_repo_pred_strict,
    answerIs: r.acc_rule1_answer_is,
    unparsedAnswerIs: r.unparsed_rule1,
    answerIsGuess: r.acc_rule1_plus_expected_random_guess,
    answerColon: r.acc_rule1or2_answer_colon,
    chain: r.acc_rule1or2or3_last_letter,
    unparsedChain: r.unparsed_rule1or2or3,
  };
});
process.stdout.write(JSON.stringify(out));
