// 599 MMLU-Pro questions × 6 models, scored at build time by every extraction rule in
// src/components/scoring/extractionRules.ts. The 2.3 MB of responses stay on the server: the page gets
// one letter per rule per response, and excerpts only of responses on which the rules disagree.
import type {
  ExtractionColumn,
  ExtractionExample,
  ExtractionQuestion,
  ExtractionSamples,
} from "../components/data/types.js";
import { type Extraction, extractAll, type RuleId, ruleIds } from "../components/scoring/extractionRules.js";
import { readJsonLines, SourceError } from "./source.js";

interface Sample {
  model: string;
  question_id: number;
  category: string;
  gold: string;
  n_options: number;
  response: string;
  repo_pred: string | null;
}
interface Question {
  question_id: number;
  category: string;
  question: string;
  options: string[];
  answer: string;
}

const LETTER = /^[A-J]$/;
const isObject = (r: unknown): r is Record<string, unknown> => typeof r === "object" && r !== null;

const samples = readJsonLines<Sample>("extraction_samples.jsonl", (r, where) => {
  if (!isObject(r)) throw new SourceError(`${where}: not an object`);
  const { model, question_id, category, gold, n_options, response, repo_pred } = r;
  if (typeof model !== "string" || !Number.isInteger(question_id) || typeof category !== "string")
    throw new SourceError(`${where}: model, question_id or category missing`);
  if (typeof gold !== "string" || !LETTER.test(gold)) throw new SourceError(`${where}: gold "${String(gold)}" is not a letter A–J`);
  if (!Number.isInteger(n_options)) throw new SourceError(`${where}: n_options is not an integer`);
  if (typeof response !== "string") throw new SourceError(`${where}: response is not text`);
  if (repo_pred !== null && (typeof repo_pred !== "string" || !LETTER.test(repo_pred)))
    throw new SourceError(`${where}: repo_pred "${String(repo_pred)}" is neither null nor a letter`);
  return { model, question_id, category, gold, n_options, response, repo_pred } as Sample;
});

const questionText = new Map(
  readJsonLines<Question>("mmlu_pro_questions_sample.jsonl", (r, where) => {
    if (!isObject(r) || typeof r.question !== "string" || !Array.isArray(r.options) || !Number.isInteger(r.question_id))
      throw new SourceError(`${where}: question_id, question or options missing`);
    return r as unknown as Question;
  }).map((q) => [q.question_id, q]),
);

const columns: ExtractionColumn[] = [...ruleIds, "repo"];
const models = [...new Set(samples.map((s) => s.model))];
const questions: ExtractionQuestion[] = [];
const indexOf = new Map<number, number>();
for (const s of samples) {
  if (indexOf.has(s.question_id)) continue;
  indexOf.set(s.question_id, questions.length);
  questions.push({ id: s.question_id, category: s.category, gold: s.gold, nOptions: s.n_options });
}
if (models.length !== 6 || questions.length !== 599 || samples.length !== 6 * 599) {
  throw new SourceError(
    `data/extraction_samples.jsonl: expected 6 models × 599 questions, got ${models.length} × ${questions.length} (${samples.length} lines)`,
  );
}

const letters: ExtractionSamples["letters"] = {};
for (const m of models) {
  letters[m] = Object.fromEntries(columns.map((c) => [c, Array(questions.length).fill("-")])) as never;
}
const candidates: { sample: Sample; found: Record<RuleId, Extraction>; signature: string }[] = [];
for (const s of samples) {
  const qi = indexOf.get(s.question_id)!;
  const found = extractAll(s.response);
  const row = letters[s.model] as unknown as Record<ExtractionColumn, string[]>;
  for (const id of ruleIds) row[id][qi] = found[id].letter ?? "-";
  row.repo[qi] = s.repo_pred ?? "-";
  // Rules disagree when one reads the response as correct and another does not. A CoT response that
  // does not open with a letter defeats "start" every time; that alone does not make it an example.
  const signature = ruleIds.map((id) => (found[id].letter === s.gold ? "1" : "0")).join("");
  const others = signature.slice(1);
  const startDiffers = found.start.letter !== null && found.start.letter !== found.answerIs.letter;
  if ((others.includes("1") && others.includes("0")) || startDiffers) candidates.push({ sample: s, found, signature });
}
for (const m of models) {
  const row = letters[m] as unknown as Record<ExtractionColumn, string[]>;
  for (const c of columns) (letters[m] as Record<ExtractionColumn, string>)[c] = row[c].join("");
}

/** An excerpt of the response: its opening and a window around each rule's match, cuts marked "…". */
function excerpt(text: string, found: Record<RuleId, Extraction>): ExtractionExample["parts"] {
  const HEAD = 220;
  const AROUND = 110;
  const marks = new Map<number, RuleId[]>();
  for (const id of ruleIds) {
    const at = found[id].index;
    if (at >= 0) marks.set(at, [...(marks.get(at) ?? []), id]);
  }
  const windows: [number, number][] = [[0, Math.min(text.length, HEAD)]];
  for (const at of [...marks.keys()].sort((a, b) => a - b)) {
    windows.push([Math.max(0, at - AROUND), Math.min(text.length, at + 1 + AROUND / 2)]);
  }
  windows.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1] + 20) last[1] = Math.max(last[1], w[1]);
    else merged.push([...w]);
  }
  const parts: ExtractionExample["parts"] = [];
  const push = (t: string) => {
    if (t === "") return;
    const last = parts[parts.length - 1];
    if (typeof last === "string") parts[parts.length - 1] = last + t;
    else parts.push(t);
  };
  merged.forEach(([a, b], i) => {
    if (i > 0 || a > 0) push(" … ");
    let pos = a;
    for (const at of [...marks.keys()].filter((k) => k >= a && k < b).sort((x, y) => x - y)) {
      push(text.slice(pos, at));
      parts.push([text[at]!, marks.get(at)!]);
      pos = at + 1;
    }
    push(text.slice(pos, b));
  });
  if (merged[merged.length - 1]![1] < text.length) push(" …");
  return parts;
}

// Up to 20 examples per model, taking each pattern of "which rules got it right" in turn, shortest first.
const PER_MODEL = 20;
const examples: ExtractionExample[] = [];
for (const m of models) {
  const groups = new Map<string, typeof candidates>();
  for (const c of candidates.filter((c) => c.sample.model === m).sort((a, b) => a.sample.response.length - b.sample.response.length)) {
    groups.set(c.signature, [...(groups.get(c.signature) ?? []), c]);
  }
  const queues = [...groups.values()].sort((a, b) => b.length - a.length);
  let taken = 0;
  for (let round = 0; taken < PER_MODEL && queues.some((q) => q.length > round); round++) {
    for (const q of queues) {
      const c = q[round];
      if (!c || taken >= PER_MODEL) continue;
      taken++;
      const { sample, found } = c;
      const q0 = questionText.get(sample.question_id);
      const picked = new Set([sample.gold, ...ruleIds.map((id) => found[id].letter).filter((l): l is string => l !== null)]);
      const options: Record<string, string> = {};
      for (const l of [...picked].sort()) {
        const text = q0?.options[l.charCodeAt(0) - 65];
        if (text !== undefined) options[l] = text.length > 140 ? `${text.slice(0, 139)}…` : text;
      }
      const qt = q0?.question ?? "";
      examples.push({
        model: m,
        question: indexOf.get(sample.question_id)!,
        questionText: qt.length > 320 ? `${qt.slice(0, 319)}…` : qt,
        options,
        parts: excerpt(sample.response, found),
        length: sample.response.length,
        letters: Object.fromEntries([
          ...ruleIds.map((id) => [id, found[id].letter ?? ""]),
          ["repo", sample.repo_pred ?? ""],
        ]) as Record<ExtractionColumn, string>,
      });
    }
  }
}

const out: ExtractionSamples = { columns, models, questions, letters, examples };
process.stdout.write(JSON.stringify(out));
