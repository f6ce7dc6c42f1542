// The completion rule as a pure function, on hand-made inputs: what counts is a new idea, new
// numbers, an answer to the tutor's question, or a message in another language long enough to be
// one — never length alone, never a repeat, never placeholder Latin or keyboard mash.
import { describe, expect, it } from "vitest";
import {
  type ExchangeInput,
  isJunk,
  judgeExchange,
  scriptCounts,
} from "../../../src/components/learn/exchangeRule.ts";

const known = new Set([
  "contamin",
  "leaderboard",
  "score",
  "model",
  "test",
  "question",
  "train",
  "data",
  "fresh",
  "rank",
  "memory",
  "memor",
]);
const base = (message: string, over: Partial<ExchangeInput> = {}): ExchangeInput => ({
  message,
  earlier: [],
  raised: [],
  raisedNew: [],
  numbers: [],
  newScenario: false,
  asked: new Set(["contamin", "test", "question", "train", "fresh"]),
  known: (s) => known.has(s),
  ...over,
});
const judge = (message: string, over: Partial<ExchangeInput> = {}) => judgeExchange(base(message, over));

describe("what counts", () => {
  it("a message raising a new idea, even one word", () => {
    expect(judge("contamination", { raised: ["contamination"], raisedNew: ["contamination"] })).toEqual({
      counts: true,
      reason: "concept",
    });
  });

  it("new numbers the tutor computed for", () => {
    expect(judge("85 vs 83.5", { numbers: ["85", "83.5"] }).counts).toBe(true);
    expect(
      judge("85 vs 83.5 again", { numbers: ["85", "83.5"], earlier: ["85 vs 83.5 on MMLU"] }).counts,
    ).toBe(false);
  });

  it("an answer in the learner's own words that shares topic words with the question", () => {
    expect(judge("I would test it on fresh questions it cannot have seen in training")).toEqual({
      counts: true,
      reason: "answer",
    });
    // The same words as a question are no answer.
    expect(
      judge("Would you test it on fresh questions it cannot have seen in training?", { question: true })
        .counts,
    ).toBe(false);
  });

  it("going further on an idea already raised, with new words", () => {
    expect(
      judge("contamination shows when scores drop on a fresh rewrite of the benchmark", {
        raised: ["contamination"],
        earlier: ["contamination"],
      }),
    ).toEqual({ counts: true, reason: "deeper" });
  });

  it("another script or language, when long enough, as an answer", () => {
    expect(
      judge("قد يكون النموذج قد رأى أسئلة الاختبار أثناء التدريب، لذلك يجب مقارنته على أسئلة جديدة"),
    ).toEqual({
      counts: true,
      reason: "other-language",
    });
    expect(judge("模型可能在训练时见过测试题，所以需要用新的题目重新测试").counts).toBe(true);
    expect(
      judge("Les deux modèles n'ont peut-être pas été évalués avec le même nombre d'exemples").counts,
    ).toBe(true);
    expect(judge("مرحبا").counts).toBe(false);
    expect(judge("你好").counts).toBe(false);
  });
});

describe("what doesn't count", () => {
  it("eight words of filler", () => {
    expect(judge("I am not sure what to say about this")).toMatchObject({ counts: false });
    expect(judge("I like pizza and my cat is named Bob")).toEqual({ counts: false, reason: "off-topic" });
  });

  it("a repeat of an earlier message, whatever its case and punctuation", () => {
    expect(judge("Contamination!", { raised: ["contamination"], earlier: ["contamination"] })).toEqual({
      counts: false,
      reason: "repeat",
    });
  });

  it("one word over and over, in any script", () => {
    expect(
      judge("contamination contamination contamination", {
        raised: ["contamination"],
        raisedNew: ["contamination"],
      }),
    ).toEqual({
      counts: false,
      reason: "echo",
    });
    expect(judge("مرحبا مرحبا مرحبا مرحبا مرحبا مرحبا")).toEqual({ counts: false, reason: "echo" });
  });

  it("placeholder Latin and keyboard mash, even with a lab word in it", () => {
    expect(judge("lorem ipsum dolor sit amet consectetur")).toEqual({ counts: false, reason: "non-words" });
    expect(
      judge("lorem ipsum contamination dolor sit amet", {
        raised: ["contamination"],
        raisedNew: ["contamination"],
      }),
    ).toEqual({ counts: false, reason: "non-words" });
    expect(judge("asdf qwer zxcv")).toEqual({ counts: false, reason: "non-words" });
  });

  it("an idea already raised, with nothing new", () => {
    expect(
      judge("yes contamination", { raised: ["contamination"], earlier: ["contamination matters"] }),
    ).toEqual({
      counts: false,
      reason: "nothing-new",
    });
  });
});

describe("helpers", () => {
  it("counts letters by script", () => {
    expect(scriptCounts("abc مرحبا 你好")).toEqual({ latin: 3, other: 7, cjk: 2 });
  });
  it("tells junk from words", () => {
    for (const w of ["lorem", "ipsum", "asdf", "zxcvb", "hjkl", "aaaa", "xkcdqz"])
      expect(isJunk(w), w).toBe(true);
    for (const w of ["sourdough", "contamination", "évalués", "strengths", "rhythm"])
      expect(isJunk(w), w).toBe(false);
  });
});
