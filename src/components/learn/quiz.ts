// The quiz engine: option shuffling with a seed, the lesson-quiz session (answer, feedback,
// next), scoring, the pass mark and the review. Pure: no DOM, randomness only from a seed.
import type { QuizOption, QuizQuestion } from "../../content/quizzes.js";
import { seededRandom } from "../stats/random.js";

/** A question as shown: options in display order, `correct` re-pointed to the same answer. */
export interface ShownQuestion {
  question: QuizQuestion;
  /** Options (text and feedback) in display order. */
  options: QuizOption[];
  /** Display index of the right answer. */
  correct: number;
  /** order[displayIndex] = index in question.options. */
  order: number[];
}

/** A 32-bit FNV-1a hash, to turn a text (a quiz id plus an attempt) into a seed. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

/** The seed for one attempt at one quiz: deterministic, different for each attempt. */
export function attemptSeed(quizId: string, attempt: number): number {
  return hashSeed(`${quizId}#${attempt}`);
}

/** A Fisher–Yates permutation of 0…n-1 drawn from rng. */
export function permutation(n: number, rng: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Shows each question with its options in a seeded order; the right answer stays right. */
export function shuffleQuestions(questions: readonly QuizQuestion[], seed: number): ShownQuestion[] {
  const rng = seededRandom(seed);
  return questions.map((question) => {
    const order = permutation(question.options.length, rng);
    return {
      question,
      options: order.map((i) => question.options[i]!),
      correct: order.indexOf(question.correct),
      order,
    };
  });
}

/** Questions in bank order with options unshuffled (for print, tests and the review). */
export function unshuffled(questions: readonly QuizQuestion[]): ShownQuestion[] {
  return questions.map((question) => ({
    question,
    options: [...question.options],
    correct: question.correct,
    order: question.options.map((_, i) => i),
  }));
}

/** An answer: a display index, or null when unanswered. */
export type Answer = number | null;

export interface Score {
  correct: number;
  total: number;
  fraction: number;
}

export function score(shown: readonly ShownQuestion[], answers: readonly Answer[]): Score {
  if (answers.length !== shown.length) {
    throw new RangeError(`expected ${shown.length} answers, got ${answers.length}`);
  }
  const correct = shown.reduce((k, q, i) => k + (answers[i] === q.correct ? 1 : 0), 0);
  return { correct, total: shown.length, fraction: shown.length ? correct / shown.length : 0 };
}

/** How many right answers a pass needs: the smallest k with k/total ≥ passMark. */
export function requiredToPass(total: number, passMark: number): number {
  if (!(passMark > 0 && passMark <= 1)) throw new RangeError(`pass mark must be in (0, 1], got ${passMark}`);
  // The epsilon keeps floating-point products such as 0.55 × 100 = 55.00000000000001 from demanding 56.
  return Math.ceil(passMark * total - 1e-9);
}

export function passed(correct: number, total: number, passMark: number): boolean {
  return correct >= requiredToPass(total, passMark);
}

/** Display numbers (1-based) of the unanswered questions. */
export function unanswered(answers: readonly Answer[]): number[] {
  return answers.flatMap((a, i) => (a === null ? [i + 1] : []));
}

export interface ReviewItem {
  number: number;
  question: QuizQuestion;
  /** The learner's choice (text), or null when unanswered. */
  chosen: string | null;
  answer: string;
  isCorrect: boolean;
  /** The chosen option's own feedback; for an unanswered question, the key's. */
  feedback: string;
}

/** The feedback for an answer: the chosen option's own (why it is right, or why that choice is wrong). */
export function feedbackFor(q: ShownQuestion, answer: Answer): string {
  const option = answer === null ? undefined : q.options[answer];
  return (option ?? q.options[q.correct]!).feedback;
}

/** One line per question: what was chosen, what is right, the feedback that fits. */
export function review(shown: readonly ShownQuestion[], answers: readonly Answer[]): ReviewItem[] {
  return shown.map((q, i) => {
    const a = answers[i] ?? null;
    const isCorrect = a === q.correct;
    return {
      number: i + 1,
      question: q.question,
      chosen: a === null ? null : (q.options[a]?.text ?? null),
      answer: q.options[q.correct]!.text,
      isCorrect,
      feedback: feedbackFor(q, a),
    };
  });
}

export interface LessonScore {
  lesson: number;
  correct: number;
  total: number;
}

/** Right answers per lesson, in lesson order (for the test's breakdown). */
export function scoreByLesson(items: readonly ReviewItem[]): LessonScore[] {
  const by = new Map<number, LessonScore>();
  for (const item of items) {
    const l = item.question.lesson;
    const s = by.get(l) ?? { lesson: l, correct: 0, total: 0 };
    s.total += 1;
    if (item.isCorrect) s.correct += 1;
    by.set(l, s);
  }
  return [...by.values()].sort((a, b) => a.lesson - b.lesson);
}

/** Lesson sections to revisit: those of wrongly answered questions, once each, in order. */
export function sectionsToRevisit(items: readonly ReviewItem[]): QuizQuestion[] {
  const seen = new Set<string>();
  const out: QuizQuestion[] = [];
  for (const item of items) {
    if (item.isCorrect) continue;
    const key = `${item.question.lesson}#${item.question.section}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item.question);
  }
  return out;
}

// ---- the lesson-quiz session: one question at a time, feedback at once -----------------

export interface QuizSession {
  shown: ShownQuestion[];
  /** The question on screen. */
  index: number;
  /** The option currently selected (not yet checked) for the question on screen. */
  selected: Answer;
  /** Checked answers; a checked answer cannot change. */
  answers: Answer[];
  finished: boolean;
}

export function startSession(questions: readonly QuizQuestion[], seed: number): QuizSession {
  return {
    shown: shuffleQuestions(questions, seed),
    index: 0,
    selected: null,
    answers: questions.map(() => null),
    finished: questions.length === 0,
  };
}

export const isChecked = (s: QuizSession, index = s.index) => s.answers[index] !== null;

/** Choose an option (before checking). Out-of-range or after checking: unchanged. */
export function select(s: QuizSession, option: number): QuizSession {
  const q = s.shown[s.index];
  if (!q || s.finished || isChecked(s) || option < 0 || option >= q.options.length) return s;
  return { ...s, selected: option };
}

/** Arrow keys: move the selection by delta, wrapping around. */
export function moveSelection(s: QuizSession, delta: number): QuizSession {
  const q = s.shown[s.index];
  if (!q || s.finished || isChecked(s)) return s;
  const n = q.options.length;
  const from = s.selected ?? (delta > 0 ? -1 : n);
  return select(s, (((from + delta) % n) + n) % n);
}

/** Check the selected option: records it. With nothing selected, unchanged. */
export function check(s: QuizSession): QuizSession {
  if (s.finished || s.selected === null || isChecked(s)) return s;
  const answers = s.answers.slice();
  answers[s.index] = s.selected;
  return { ...s, answers };
}

/** Go on to the next question, or finish after the last. Only after checking. */
export function next(s: QuizSession): QuizSession {
  if (s.finished || !isChecked(s)) return s;
  if (s.index + 1 >= s.shown.length) return { ...s, finished: true, selected: null };
  return { ...s, index: s.index + 1, selected: null };
}

/** The result of the checked question on screen, or null if not yet checked. */
export function currentResult(s: QuizSession): { isCorrect: boolean; feedback: string } | null {
  const q = s.shown[s.index];
  const a = s.answers[s.index];
  if (!q || a === null || a === undefined) return null;
  return { isCorrect: a === q.correct, feedback: feedbackFor(q, a) };
}

export function sessionScore(s: QuizSession): Score {
  return score(s.shown, s.answers);
}
