// The comparability rules: the requirements and the five steps, each verdict and each reason,
// on hand-made score cards whose right answer is worked out from the course's protocol.
import { describe, expect, it } from "vitest";
import { exampleCards } from "../../../src/components/compare/cardState.ts";
import {
  type Check,
  type Comparison,
  compareCards,
  noEvidence,
  type PairEvidence,
} from "../../../src/components/compare/protocol.ts";
import type { ScoreCard } from "../../../src/components/compare/scoreCard.ts";

const base: ScoreCard = {
  model: "Model A",
  benchmark: "MMLU",
  version: "test",
  score: 72,
  n: 14042,
  shots: "5",
  cot: "no",
  decoding: "greedy",
  metric: "accuracy",
  prompt: "lm-evaluation-harness",
  evaluator: "Open LLM Leaderboard",
  evaluatorKind: "leaderboard",
  params: 70,
  source: "leaderboard snapshot",
};
const other: ScoreCard = { ...base, model: "Model B", score: 68, params: 13 };
const consistent: PairEvidence = {
  otherBenchmarks: [
    { benchmark: "ARC-Challenge", leader: "A" },
    { benchmark: "GSM8K", leader: "A" },
  ],
  reproducedA: null,
  reproducedB: null,
};

const check = (c: Comparison, id: string): Check => {
  const found = [...c.requirements, ...c.steps].find((x) => x.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

describe("compareCards: verdicts", () => {
  it("one harness, a gap beyond noise, consistent, third-party: comparable", () => {
    const c = compareCards(base, other, consistent);
    expect(c.verdict).toBe("comparable");
    expect(c.steps.map((s) => s.status)).toEqual(["met", "met", "met", "met", "met"]);
    expect(c.headline).toMatch(/Model A's lead is well supported/);
    expect(c.reasons).toEqual([]);
  });

  it("Lab 3's Model X (0-shot, self-reported) vs Model Y (5-shot, leaderboard): not comparable, because of the shots", () => {
    const c = compareCards(exampleCards.a, exampleCards.b);
    expect(c.verdict).toBe("not-comparable");
    expect(check(c, "shots")).toMatchObject({ status: "not-met" });
    expect(check(c, "shots").reason).toMatch(/0-shot vs 5-shot/);
    expect(check(c, "evaluator").status).toBe("not-met");
    expect(c.headline).toMatch(/shot counts differ/);
    // The statistics are still computed — and flagged as only sampling noise.
    expect(c.stats?.pValue).toBeLessThan(0.001);
  });

  it("chain-of-thought on one side only (GPT-4 vs Claude 2): not comparable", () => {
    const c = compareCards(
      { ...base, cot: "no" },
      { ...other, cot: "yes", evaluator: "Anthropic", evaluatorKind: "self-reported", source: "x" },
    );
    expect(c.verdict).toBe("not-comparable");
    expect(check(c, "prompting").reason).toMatch(
      /Model B used chain-of-thought prompting and Model A did not/,
    );
  });

  it("different benchmarks, versions or metrics: not comparable", () => {
    expect(compareCards(base, { ...other, benchmark: "GSM8K" }).verdict).toBe("not-comparable");
    expect(compareCards(base, { ...other, benchmark: "GSM8K" }).stats).toBeNull();
    expect(compareCards(base, { ...other, version: "validation" }).verdict).toBe("not-comparable");
    expect(compareCards(base, { ...other, metric: "acc_norm" }).verdict).toBe("not-comparable");
    expect(compareCards(base, { ...other, decoding: "sampled" }).verdict).toBe("not-comparable");
    // Spelling variants of one benchmark are the same benchmark.
    expect(
      check(compareCards({ ...base, benchmark: "GSM-8K" }, { ...other, benchmark: "gsm8k" }), "benchmark")
        .status,
    ).toBe("met");
  });

  it("same pipeline but the gap is within noise: indicative only, with the numbers", () => {
    const c = compareCards(base, { ...other, score: 71.5 }, consistent);
    expect(c.verdict).toBe("indicative");
    expect(check(c, "noise").status).toBe("not-met");
    expect(check(c, "noise").reason).toMatch(/within noise/);
    expect(c.headline).toMatch(/Indicative only: 1 check is not satisfied \(gap larger than noise\)/);
  });

  it("shots not stated: cannot tell, so indicative only", () => {
    const c = compareCards({ ...base, shots: "" }, other, consistent);
    expect(check(c, "shots").status).toBe("unknown");
    expect(c.verdict).toBe("indicative");
  });

  it("unstated settings count as the same when one evaluator's one table produced both", () => {
    const c = compareCards(
      { ...base, decoding: "", version: "" },
      { ...other, decoding: "", version: "" },
      consistent,
    );
    expect(check(c, "decoding").status).toBe("met");
    expect(check(c, "decoding").reason).toMatch(/one pipeline/);
    const split = compareCards(
      { ...base, decoding: "" },
      { ...other, decoding: "", source: "another report" },
      consistent,
    );
    expect(check(split, "decoding").status).toBe("unknown");
    expect(check(split, "evaluator").status).toBe("unknown");
    expect(check(split, "evaluator").reason).toMatch(/different reports/);
  });
});

describe("compareCards: steps 4 and 5", () => {
  it("consistency needs three benchmarks in all, all with the same leader", () => {
    expect(check(compareCards(base, other, noEvidence), "consistency").status).toBe("unknown");
    const two = compareCards(base, other, {
      ...consistent,
      otherBenchmarks: [{ benchmark: "GSM8K", leader: "A" }],
    });
    expect(check(two, "consistency").status).toBe("unknown");
    expect(check(two, "consistency").reason).toMatch(/2 benchmarks/);
    const reversed = compareCards(base, other, {
      ...consistent,
      otherBenchmarks: [...consistent.otherBenchmarks!, { benchmark: "HumanEval", leader: "B" }],
    });
    expect(check(reversed, "consistency").status).toBe("not-met");
    expect(check(reversed, "consistency").reason).toMatch(/not on HumanEval \(3 of 4 benchmarks agree\)/);
  });

  it("the same model twice has no ranking to confirm", () => {
    const c = compareCards(base, { ...base, model: "model-a", score: 70 });
    expect(check(c, "consistency").reason).toMatch(/same model/);
    expect(c.headline).toMatch(/^Same model, two numbers/);
  });

  it("a self-reported number needs a reproduction; a third-party number is one", () => {
    const self = { ...base, evaluatorKind: "self-reported" as const };
    expect(check(compareCards(self, other, consistent), "reproduction").status).toBe("unknown");
    expect(
      check(compareCards(self, other, { ...consistent, reproducedA: true }), "reproduction").status,
    ).toBe("met");
    const refuted = compareCards(self, other, {
      ...consistent,
      reproducedA: false,
      reproductionNoteA: "X got 65",
    });
    expect(check(refuted, "reproduction").status).toBe("not-met");
    expect(check(refuted, "reproduction").reason).toMatch(/X got 65/);
  });
});

describe("the noise step without N", () => {
  it("is unknown when a card has no N", () => {
    const c = compareCards({ ...base, n: null }, other, consistent);
    expect(check(c, "noise").status).toBe("unknown");
  });
});

describe("one model scored twice (error 7 of issue 21)", () => {
  // Mistral 7B on MMLU: 60.1 (Mistral 7B paper) and 62.5 (Mixtral paper), same 14,042 questions.
  const card = (score: number, source: string) => ({ ...base, model: "Mistral 7B", score, n: 14042, source });
  it("the noise step does not treat two scorings of one model as sampled apart; it gives the two-model yardstick", () => {
    const c = compareCards(card(60.1, "Mistral 7B paper"), card(62.5, "Mixtral paper"));
    const noise = check(c, "noise");
    expect(noise.status).toBe("unknown");
    expect(noise.reason).toMatch(/no sampling noise separates them: the 2\.40 pp between them is the method/);
    // Hand-worked: 1.95996·√(0.601·0.399/14042 + 0.625·0.375/14042) = 0.011389 → ±1.14 pp.
    expect(noise.reason).toContain("more than ±1.14 pp apart");
    expect(noise.reason).not.toMatch(/within noise|excludes zero/);
  });
});
