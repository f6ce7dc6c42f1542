// What each thing a learner does changes in their progress record: pure functions from a record
// (and the time) to the next record. The store (progress.ts) applies them and saves the result.
import { isDeeperSlug, type LessonKey, type Progress, type QuizRecord } from "./progressRecord.js";

const clone = (p: Progress): Progress => JSON.parse(JSON.stringify(p)) as Progress;

const count = (n: number, name: string) => {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`${name} must be a non-negative number, got ${n}`);
  return Math.round(n);
};

/** The first reading is the date that counts: a lesson already read is left as it was (same object). */
export function withLessonRead(p: Progress, lesson: LessonKey, at: string): Progress {
  if (p.lessonsRead[lesson]) return p;
  const next = clone(p);
  next.lessonsRead[lesson] = at;
  return next;
}

/** A quiz attempt: the best score kept, attempts counted; a bank of another size starts over. */
function quizAttempt(before: QuizRecord | undefined, score: number, total: number, at: string): QuizRecord {
  const s = count(score, "score");
  const t = count(total, "total");
  if (t === 0 || s > t) throw new RangeError(`quiz score ${score}/${total} is impossible`);
  // A bank of a different size makes old scores incomparable: start that record over.
  const comparable = before && before.total === t;
  return {
    best: comparable ? Math.max(before.best, s) : s,
    total: t,
    attempts: (before?.attempts ?? 0) + 1,
    lastScore: s,
    updatedAt: at,
  };
}

export function withQuiz(p: Progress, lesson: LessonKey, score: number, total: number, at: string): Progress {
  const next = clone(p);
  next.quizzes[lesson] = quizAttempt(next.quizzes[lesson], score, total, at);
  return next;
}

export function withDeeperQuiz(
  p: Progress,
  slug: string,
  score: number,
  total: number,
  at: string,
): Progress {
  if (!isDeeperSlug(slug)) throw new RangeError(`“${slug}” is not a going-deeper page's name`);
  const next = clone(p);
  next.deeper[slug] = quizAttempt(next.deeper[slug], score, total, at);
  return next;
}

/** Completion is sticky: once complete, a lab stays complete (at its first date). */
export function withLab(
  p: Progress,
  lesson: LessonKey,
  exchanges: number,
  complete: boolean,
  at: string,
): Progress {
  const n = count(exchanges, "exchanges");
  const next = clone(p);
  const before = next.labs[lesson];
  const wasComplete = before?.complete ?? false;
  next.labs[lesson] = {
    exchanges: Math.max(n, before?.exchanges ?? 0),
    complete: wasComplete || complete,
    completedAt: wasComplete ? (before?.completedAt ?? null) : complete ? at : null,
  };
  return next;
}

/** Keeps the better result and the date it was reached; "passed" is sticky. */
export function withTest(p: Progress, score: number, total: number, passed: boolean, at: string): Progress {
  const s = count(score, "score");
  const t = count(total, "total");
  if (t === 0 || s > t) throw new RangeError(`test score ${score}/${total} is impossible`);
  const next = clone(p);
  const before = next.test;
  const attempts = (before?.attempts ?? 0) + 1;
  const better = !before || before.total !== t || s / t > before.best / before.total;
  next.test = better
    ? { best: s, total: t, passed, attempts, bestAt: at }
    : { ...before, passed: before.passed || passed, attempts };
  return next;
}
