// The quiz engine: seeded shuffling that keeps the right answer right, scoring checked by hand,
// the pass mark boundary (11/15 fails, 12/15 passes), the lesson-quiz session and the review.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attemptSeed,
  check,
  currentResult,
  feedbackFor,
  hashSeed,
  moveSelection,
  next,
  passed,
  permutation,
  requiredToPass,
  review,
  score,
  scoreByLesson,
  sectionsToRevisit,
  select,
  sessionScore,
  shuffleQuestions,
  startSession,
  unanswered,
  unshuffled,
} from "../../../src/components/learn/quiz.ts";
import { seededRandom } from "../../../src/components/stats/random.ts";
import { lessonQuizzes, moduleTest, type QuizQuestion } from "../../../src/content/quizzes.ts";

const all: QuizQuestion[] = [...lessonQuizzes.flatMap((q) => q.questions), ...moduleTest.questions];
const quiz1 = lessonQuizzes[0]!.questions;

describe("shuffling", () => {
  it("a permutation contains each index once", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (n, seed) => {
          const p = permutation(n, seededRandom(seed));
          expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        },
      ),
    );
  });

  it("is deterministic with a seed", () => {
    const a = shuffleQuestions(moduleTest.questions, 0.123);
    const b = shuffleQuestions(moduleTest.questions, 0.123);
    expect(a.map((q) => q.order)).toEqual(b.map((q) => q.order));
    expect(a.map((q) => q.options)).toEqual(b.map((q) => q.options));
  });

  it("gives a different order for another attempt", () => {
    const seeds = [1, 2, 3, 4, 5].map((k) => attemptSeed("module-test", k));
    expect(new Set(seeds).size).toBe(5);
    const orders = seeds.map((s) =>
      JSON.stringify(shuffleQuestions(moduleTest.questions, s).map((q) => q.order)),
    );
    expect(new Set(orders).size).toBe(5);
  });

  it("keeps the right answer right, for every question and any seed", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999999, noNaN: true }), (seed) => {
        for (const shown of shuffleQuestions(all, seed)) {
          const q = shown.question;
          expect(shown.options[shown.correct]).toBe(q.options[q.correct]);
          expect(shown.options.map((_, i) => q.options[shown.order[i]!])).toEqual(shown.options);
          expect(shown.options.map((o) => o.text).sort()).toEqual(q.options.map((o) => o.text).sort());
        }
      }),
      { numRuns: 200 },
    );
  });

  it("puts the right answer in each position about a quarter of the time", () => {
    const counts = [0, 0, 0, 0];
    const runs = 4000;
    for (let k = 0; k < runs; k++)
      counts[shuffleQuestions([quiz1[0]!], attemptSeed("quiz-1", k))[0]!.correct]! += 1;
    // Binomial(4000, 1/4): sd ≈ 27; allow 5 sd.
    for (const c of counts) expect(Math.abs(c - runs / 4)).toBeLessThan(140);
  });

  it("hashSeed maps texts into [0, 1)", () => {
    for (const t of ["", "a", "quiz-1#1", "module-test#99"]) {
      const s = hashSeed(t);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(1);
    }
    expect(hashSeed("quiz-1#1")).not.toBe(hashSeed("quiz-1#2"));
  });
});

describe("scoring and the pass mark", () => {
  const shown = unshuffled(moduleTest.questions);
  const right = shown.map((q) => q.correct);
  const wrong = shown.map((q) => (q.correct + 1) % 4);
  /** The first k answers right, the rest wrong. */
  const firstRight = (k: number) => right.map((r, i) => (i < k ? r : wrong[i]!));

  it("counts right answers (hand-worked: 15, 0, 12, 11)", () => {
    expect(score(shown, right)).toEqual({ correct: 15, total: 15, fraction: 1 });
    expect(score(shown, wrong).correct).toBe(0);
    expect(score(shown, firstRight(12)).correct).toBe(12);
    expect(score(shown, firstRight(11)).correct).toBe(11);
  });

  it("counts an unanswered question as wrong", () => {
    const answers = [...right] as (number | null)[];
    answers[3] = null;
    answers[9] = null;
    expect(score(shown, answers).correct).toBe(13);
    expect(unanswered(answers)).toEqual([4, 10]);
  });

  it("refuses a wrong number of answers", () => {
    expect(() => score(shown, right.slice(1))).toThrow(RangeError);
  });

  it("needs 12 of 15 at 80%: 11 fails, 12 passes", () => {
    expect(requiredToPass(15, 0.8)).toBe(12);
    expect(passed(11, 15, moduleTest.passMark)).toBe(false);
    expect(passed(12, 15, moduleTest.passMark)).toBe(true);
    expect(passed(15, 15, 0.8)).toBe(true);
    expect(passed(score(shown, firstRight(11)).correct, 15, 0.8)).toBe(false);
    expect(passed(score(shown, firstRight(12)).correct, 15, 0.8)).toBe(true);
  });

  it("takes the smallest count that reaches the mark, whatever floating point says", () => {
    // In floating point 0.07 × 100 = 7.000000000000001 and 0.55 × 100 = 55.00000000000001.
    expect(requiredToPass(100, 0.07)).toBe(7);
    expect(requiredToPass(100, 0.55)).toBe(55);
    expect(requiredToPass(10, 0.7)).toBe(7);
    expect(requiredToPass(5, 0.8)).toBe(4);
    expect(requiredToPass(4, 0.75)).toBe(3);
    expect(requiredToPass(3, 0.5)).toBe(2);
    expect(requiredToPass(20, 1)).toBe(20);
    expect(() => requiredToPass(15, 0)).toThrow();
    expect(() => requiredToPass(15, 80)).toThrow();
  });

  it("reviews every question, naming what was chosen and what is right", () => {
    const answers = firstRight(12);
    const items = review(shown, answers);
    expect(items).toHaveLength(15);
    expect(items.filter((i) => i.isCorrect)).toHaveLength(12);
    const miss = items[14]!;
    expect(miss.isCorrect).toBe(false);
    const q15 = moduleTest.questions[14]!;
    expect(miss.chosen).toBe(q15.options[wrong[14]!]!.text);
    expect(miss.answer).toBe(q15.options[q15.correct]!.text);
    // The wrong choice's own feedback, not a generic "incorrect" text.
    expect(miss.feedback).toBe(q15.options[wrong[14]!]!.feedback);
    expect(items[0]!.feedback).toBe(
      moduleTest.questions[0]!.options[moduleTest.questions[0]!.correct]!.feedback,
    );
  });

  it("gives each wrong choice its own feedback, and an unanswered question the key's", () => {
    // Question 1 of the test, unshuffled: the key is option 1 (B); A, C and D are wrong.
    const q = moduleTest.questions[0]!;
    expect(q.correct).toBe(1);
    const texts = [0, 2, 3].map((k) => {
      const answers = shown.map((s) => s.correct) as (number | null)[];
      answers[0] = k;
      const item = review(shown, answers)[0]!;
      expect(item.isCorrect).toBe(false);
      expect(item.feedback).toBe(q.options[k]!.feedback);
      return item.feedback;
    });
    expect(new Set(texts).size).toBe(3);
    const none = shown.map((s) => s.correct) as (number | null)[];
    none[0] = null;
    expect(review(shown, none)[0]!.feedback).toBe(q.options[1]!.feedback);
    expect(review(shown, none)[0]!.chosen).toBeNull();
  });

  it("finds the chosen option's feedback through the shuffle", () => {
    for (const shown of shuffleQuestions(moduleTest.questions, attemptSeed("module-test", 7))) {
      for (let j = 0; j < 4; j++) {
        expect(feedbackFor(shown, j)).toBe(shown.question.options[shown.order[j]!]!.feedback);
      }
    }
  });

  it("lists each section to revisit once, in order", () => {
    const items = review(shown, firstRight(12)); // questions 13, 14, 15 wrong
    const sections = sectionsToRevisit(items).map((q) => `${q.lesson}#${q.section}`);
    const expected = [...new Set(moduleTest.questions.slice(12).map((q) => `${q.lesson}#${q.section}`))];
    expect(sections).toEqual(expected);
    expect(sectionsToRevisit(review(shown, right))).toEqual([]);
  });
});

describe("the lesson-quiz session", () => {
  it("answers, gives feedback at once, moves on, and scores at the end", () => {
    let s = startSession(quiz1, 0.5);
    expect(s.index).toBe(0);
    expect(currentResult(s)).toBeNull();
    // Check without a choice does nothing.
    expect(check(s)).toBe(s);
    // Next before checking does nothing.
    expect(next(s)).toBe(s);

    const wrong = (s.shown[0]!.correct + 1) % 4;
    s = check(select(s, wrong));
    const chosen = s.shown[0]!.options[wrong]!;
    expect(currentResult(s)).toEqual({ isCorrect: false, feedback: chosen.feedback });
    expect(chosen).not.toBe(quiz1[0]!.options[quiz1[0]!.correct]);
    // A checked answer cannot change.
    expect(select(s, s.shown[0]!.correct)).toBe(s);
    expect(check(s)).toBe(s);

    s = next(s);
    for (let i = 1; i < 4; i++) {
      expect(s.index).toBe(i);
      s = check(select(s, s.shown[i]!.correct));
      expect(currentResult(s)).toEqual({
        isCorrect: true,
        feedback: quiz1[i]!.options[quiz1[i]!.correct]!.feedback,
      });
      s = next(s);
    }
    expect(s.finished).toBe(true);
    expect(sessionScore(s)).toEqual({ correct: 3, total: 4, fraction: 0.75 });
  });

  it("arrow keys move the selection and wrap around", () => {
    let s = startSession(quiz1, 0.5);
    s = moveSelection(s, 1);
    expect(s.selected).toBe(0);
    s = moveSelection(s, -1);
    expect(s.selected).toBe(3);
    s = moveSelection(s, 1);
    expect(s.selected).toBe(0);
    expect(moveSelection(startSession(quiz1, 0.5), -1).selected).toBe(3);
    expect(select(s, 7)).toBe(s);
  });

  it("a retry starts over with the options in a new order", () => {
    const a = startSession(quiz1, attemptSeed("quiz-1", 1));
    const b = startSession(quiz1, attemptSeed("quiz-1", 2));
    expect(b.answers).toEqual([null, null, null, null]);
    expect(a.shown.map((q) => q.order)).not.toEqual(b.shown.map((q) => q.order));
  });
});

describe("the test's breakdown by lesson", () => {
  it("counts right answers per lesson (hand-worked: all right but questions 13–15, which are lesson 4)", () => {
    const shown = unshuffled(moduleTest.questions);
    const answers = shown.map((q, i) => (i < 12 ? q.correct : (q.correct + 1) % 4));
    const perLesson = [1, 2, 3, 4].map((l) => moduleTest.questions.filter((q) => q.lesson === l).length);
    expect(perLesson).toEqual([3, 3, 4, 5]);
    expect(moduleTest.questions.slice(12).every((q) => q.lesson === 4)).toBe(true);
    expect(scoreByLesson(review(shown, answers))).toEqual([
      { lesson: 1, correct: 3, total: 3 },
      { lesson: 2, correct: 3, total: 3 },
      { lesson: 3, correct: 4, total: 4 },
      { lesson: 4, correct: 2, total: 5 },
    ]);
  });
});
