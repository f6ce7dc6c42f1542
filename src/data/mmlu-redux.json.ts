// MMLU-Redux's re-annotation of 100 questions in each of MMLU's 57 subjects: per subject, how many
// keys are right, wrong, or have no right (or more than one right) option (data/mmlu_redux_errors.csv).
import type { ReduxData } from "../components/deeper/types.js";
import { readTable } from "./source.js";

const rows = readTable("mmlu_redux_errors.csv", {
  subject: "string",
  n: "integer",
  ok: "integer",
  wrong_groundtruth: "integer",
  no_correct_answer: "integer",
  multiple_correct_answers: "integer",
  bad_question_clarity: "integer",
  bad_options_clarity: "integer",
  expert: "integer",
});

const out: ReduxData = {
  subjects: rows.map((r) => ({
    subject: r.subject,
    n: r.n,
    ok: r.ok,
    wrongKey: r.wrong_groundtruth,
    noCorrect: r.no_correct_answer,
    multipleCorrect: r.multiple_correct_answers,
    unclear: r.bad_question_clarity + r.bad_options_clarity,
    expert: r.expert,
  })),
  source: "aryopg/mmlu-redux mmlu_redux/mmlu_<subject>.csv@4563cfa79b659d76716e5b6019f46bba85fa02db",
};
for (const s of out.subjects) {
  const sum = s.ok + s.wrongKey + s.noCorrect + s.multipleCorrect + s.unclear + s.expert;
  if (sum !== s.n) throw new Error(`data/mmlu_redux_errors.csv: ${s.subject}'s verdicts add to ${sum}, not ${s.n}`);
}
process.stdout.write(JSON.stringify(out));
