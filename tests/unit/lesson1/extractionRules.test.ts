// The extraction rules on the tricky responses the lesson talks about, checked letter by letter.
import { describe, expect, it } from "vitest";
import {
  extract,
  extractAll,
  extractionRules,
  ruleIds,
} from "../../../src/components/scoring/extractionRules.ts";

const letters = (text: unknown) => Object.fromEntries(ruleIds.map((id) => [id, extract(id, text).letter]));

describe("extraction rules", () => {
  it("lists five rules, each with a pattern the learner can read", () => {
    expect(ruleIds).toEqual(["start", "firstCapital", "answerIs", "lastLetter", "fallbackChain"]);
    for (const r of extractionRules) expect(r.pattern.length).toBeGreaterThan(5);
    // The displayed patterns are the regular expressions themselves.
    expect(extractionRules.find((r) => r.id === "answerIs")!.pattern).toContain("answer is \\(?([A-J])\\)?");
  });

  it('"I think it\'s not A but B": first-letter rules are fooled, last letter is right', () => {
    // "I" is itself an option letter on 10-option MMLU-Pro questions: the pronoun is read as answer I.
    expect(letters("I think it's not A but B")).toEqual({
      start: "I",
      firstCapital: "I",
      answerIs: null,
      lastLetter: "B",
      fallbackChain: "B",
    });
    // With the pronoun gone, the first capital is the rejected option.
    expect(extract("firstCapital", "it's not A but B").letter).toBe("A");
  });

  it('"(C)" is read as C by every letter rule, but not by "answer is"', () => {
    expect(letters("(C)")).toEqual({
      start: "C",
      firstCapital: "C",
      answerIs: null,
      lastLetter: "C",
      fallbackChain: "C",
    });
  });

  it('"Answer: d" (lower case) is not a letter for any rule: the patterns are case-sensitive', () => {
    expect(letters("Answer: d")).toEqual({
      start: null,
      firstCapital: null,
      answerIs: null,
      lastLetter: null,
      fallbackChain: null,
    });
    // Upper case is taken by the "Answer:" step of the fallback chain.
    expect(extract("fallbackChain", "Answer: D").letter).toBe("D");
    expect(extract("fallbackChain", "Answer: (E)\nQuestion: next one, option A").letter).toBe("E");
    expect(extract("lastLetter", "Answer: (E)\nQuestion: next one, option A").letter).toBe("A");
  });

  it("empty, blank and non-text responses give no letter", () => {
    for (const r of ["", "   \n", null, undefined, 42]) {
      for (const id of ruleIds) expect(extract(id, r)).toEqual({ letter: null, index: -1 });
    }
  });

  it('"The answer is (D)." — the MMLU-Pro format', () => {
    const text = "Let's think step by step. Option A is wrong. The answer is (D).";
    expect(letters(text)).toEqual({
      start: null,
      firstCapital: "A",
      answerIs: "D",
      lastLetter: "D",
      fallbackChain: "D",
    });
    // The reported index points at the letter itself.
    const found = extractAll(text);
    expect(text[found.answerIs.index]).toBe("D");
    expect(text[found.firstCapital.index]).toBe("A");
  });

  it("the start rule accepts a bare letter with punctuation, bold or brackets, and nothing else", () => {
    expect(extract("start", "B").letter).toBe("B");
    expect(extract("start", "  B. Because …").letter).toBe("B");
    expect(extract("start", "**C** is right").letter).toBe("C");
    expect(extract("start", "Because of B").letter).toBe(null);
    // Words starting with A–J are not letters.
    expect(extract("start", "After all, B").letter).toBe(null);
    expect(extract("firstCapital", "After all, B").letter).toBe("B");
  });

  it("the answer-is rule takes the first match and letters only up to J", () => {
    expect(extract("answerIs", "the answer is (B). No wait, the answer is (C).").letter).toBe("B");
    expect(extract("answerIs", "the answer is (K)").letter).toBe(null);
    expect(extract("answerIs", "The answer is C").letter).toBe("C");
  });
});
