import { describe, expect, it } from "vitest";
import { attemptScore, type DeeperQuestion, startAttempt } from "../../../src/components/learn/deeperQuiz.ts";

const option = (text: string) => ({ text, feedback: `why ${text}` });
const q = (id: string, correct: 0 | 1 | 2 | 3): DeeperQuestion => ({
  id,
  prompt: `prompt ${id}`,
  options: [option("a"), option("b"), option("c"), option("d")],
  correct,
  section: "s",
  sectionTitle: "S",
});
const questions = [q("x-1", 2), q("x-2", 0), q("x-3", 3)];

describe("a going-deeper page's closing questions", () => {
  it("each attempt orders every question's options as a permutation, the same for the same attempt", () => {
    const a = startAttempt(questions, "pass-at-k", 1);
    for (const order of a.orders) expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(startAttempt(questions, "pass-at-k", 1)).toEqual(a);
    // A new attempt changes some order (3 questions × 24 orders: equal only by a 1-in-13,824 chance).
    expect(startAttempt(questions, "pass-at-k", 2).orders).not.toEqual(a.orders);
    expect(a.chosen).toEqual([null, null, null]);
  });
  it("scores the checked answers by what they point to, not by their display position", () => {
    const a = startAttempt(questions, "llm-judge", 1);
    // Check the right answer of question 1, a wrong one of question 2; question 3 unchecked.
    const right1 = a.orders[0]!.indexOf(2);
    const wrong2 = a.orders[1]!.indexOf(1);
    const partial = { ...a, checked: [right1, wrong2, null] };
    expect(attemptScore(questions, partial)).toEqual({ correct: 1, total: 3, done: false });
    const all = { ...a, checked: [right1, wrong2, a.orders[2]!.indexOf(3)] };
    expect(attemptScore(questions, all)).toEqual({ correct: 2, total: 3, done: true });
  });
});
