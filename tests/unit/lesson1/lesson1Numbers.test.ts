// Lesson 1's prose numbers and multi-value sentences (src/components/lessons/lesson1.ts), checked
// against values worked by hand and against the rows of the CSV files read here without the loaders.
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import type {
  MicroMacroRow,
  MmluSubject,
  PublishedScore,
  RuleEffectRow,
} from "../../../src/components/data/types.ts";
import {
  evaluatorParts,
  evaluatorSentence,
  gapNoisePp,
  implementationScore,
  LLAMA2_70B_NAMES,
  macroMinusMicroRange,
  mmluSize,
  noiseSentence,
  recipeSentence,
  ruleEffectSummary,
  scoreAsCount,
  spreadOf,
  subjectWeights,
  threeImplementationParts,
  threeImplementationsSentence,
} from "../../../src/components/lessons/lesson1.ts";

const csv = (name: string) =>
  csvParse(readFileSync(new URL(`../../../data/${name}`, import.meta.url), "utf8"));
const nullable = (x: string | undefined) => (x === undefined || x === "" ? null : x);
const scores: PublishedScore[] = csv("published_scores.csv").map((r) => ({
  model: r.model!,
  model_family: nullable(r.model_family),
  variant: nullable(r.variant),
  params_b: r.params_b ? Number(r.params_b) : null,
  params_source: nullable(r.params_source),
  release_date: nullable(r.release_date),
  benchmark: r.benchmark!,
  score: Number(r.score),
  metric: nullable(r.metric),
  shots: nullable(r.shots),
  cot: r.cot!,
  extra_setting: nullable(r.extra_setting),
  evaluator: r.evaluator!,
  evaluator_type: r.evaluator_type!,
  source: r.source!,
  note: nullable(r.note),
}));
const subjects = csv("mmlu_subjects.csv").map((r) => ({
  subject: r.subject!,
  category: r.category!,
  subcategory: r.subcategory!,
  n_test: Number(r.n_test),
  n_validation: Number(r.n_validation),
  n_dev: Number(r.n_dev),
})) as MmluSubject[];
const ruleEffects = csv("mmlu_pro_extraction_rule_effects.csv").map((r) => ({
  model: r.model!,
  n: Number(r.n),
  stored: Number(r.acc_repo_pred_strict),
  answerIs: Number(r.acc_rule1_answer_is),
  unparsedAnswerIs: Number(r.unparsed_rule1),
  answerIsGuess: Number(r.acc_rule1_plus_expected_random_guess),
  answerColon: Number(r.acc_rule1or2_answer_colon),
  chain: Number(r.acc_rule1or2or3_last_letter),
  unparsedChain: Number(r.unparsed_rule1or2or3),
})) as RuleEffectRow[];
const microMacro = csv("micro_macro.csv").map((r) => ({
  model: r.model!,
  variant: r.variant!,
  benchmark: r.benchmark!,
  shots: r.shots!,
  cot: r.cot!,
  macro: Number(r.macro_avg),
  micro: Number(r.micro_avg),
  diff: Number(r.diff_macro_minus_micro),
  source: r.source!,
})) as MicroMacroRow[];

/** The sentence's items, split where the builder joins them: "a; b; and c" or "a, b, c and d". */
const items = (sentence: string, sep: RegExp) => sentence.split(sep).map((s) => s.trim());

describe("error 2: the three-implementations sentence pairs each value with its own implementation", () => {
  // Hugging Face, "What's going on with the Open LLM Leaderboard?" (June 2023), as transcribed in
  // data/SOURCES.md: LLaMA-65B 63.7 (HELM), 48.8 (harness, Jan 2023), 63.6 (original).
  const handChecked = { HELM: 63.7, original: 63.6, harness: 48.8 };

  it("takes each implementation's score from its own row", () => {
    const parts = threeImplementationParts(scores, "llama-65b");
    expect(parts.map((p) => [p.key, p.score])).toEqual([
      ["HELM", handChecked.HELM],
      ["original", handChecked.original],
      ["harness", handChecked.harness],
    ]);
    expect(spreadOf(parts)).toBeCloseTo(63.7 - 48.8, 10);
    // The prose quotes the harness's score alone ("the MMLU code that had scored LLaMA-65B at 48.8").
    expect(implementationScore(parts, "harness")).toBe(handChecked.harness);
    expect(implementationScore(parts, "original")).toBe(handChecked.original);
    expect(() => implementationScore(parts.slice(0, 2), "harness")).toThrow(/No harness score/);
  });

  it("prints each value next to its own label, never the original code beside 48.8", () => {
    const sentence = threeImplementationsSentence(threeImplementationParts(scores, "llama-65b"));
    const [helm, original, harness] = items(sentence, /;\s*(?:and\s+)?/);
    expect(helm).toMatch(/^63\.7 under HELM\b/);
    expect(original).toMatch(/^63\.6 under the original MMLU code\b/);
    expect(harness).toMatch(/^48\.8 under the January 2023 EleutherAI harness\b/);
    expect(sentence).not.toMatch(/48\.8 under the original/);
    expect(sentence).not.toMatch(/63\.6 under the January/);
  });

  it("refuses a model without exactly one row per implementation", () => {
    expect(() => threeImplementationParts(scores, "GPT-4")).toThrow(/one HELM, one original and one harness/);
  });
});

describe("error 2: the Llama 2 70B sentence keeps each evaluator with its own score", () => {
  // data/published_scores.csv rows 69, 83, 444 and 598 (read by eye): Meta's model card 68.9, Meta's
  // re-evaluation for the Llama 3 card 69.7, Mistral AI's re-run in the Mixtral paper 69.9, the Open
  // LLM Leaderboard v1 69.83.
  const handChecked: [number, RegExp][] = [
    [68.9, /^Meta's own report$/],
    [69.7, /^Meta's later re-evaluation$/],
    [69.83, /Open LLM Leaderboard v1$/],
    [69.9, /^Mistral AI's re-run$/],
  ];

  it("finds the four 5-shot MMLU scores, lowest first, each labelled from its row", () => {
    const parts = evaluatorParts(scores, LLAMA2_70B_NAMES);
    expect(parts).toHaveLength(4);
    parts.forEach((p, i) => {
      expect(p.score).toBe(handChecked[i]![0]);
      expect(p.label).toMatch(handChecked[i]![1]);
    });
  });

  it("prints Mistral's re-run as 69.9 and the leaderboard's as 69.83", () => {
    const sentence = evaluatorSentence(evaluatorParts(scores, LLAMA2_70B_NAMES));
    const list = items(sentence, /,\s*|\s+and\s+(?=\d)/);
    expect(list).toHaveLength(4);
    list.forEach((item, i) => {
      const m = /^([\d.]+) \((.+)\)$/.exec(item);
      expect(m, item).not.toBeNull();
      expect(Number(m![1])).toBe(handChecked[i]![0]);
      expect(m![2]).toMatch(handChecked[i]![1]);
    });
    expect(sentence).toContain("69.9 (Mistral AI's re-run)");
    expect(sentence).toContain("69.83 (the Open LLM Leaderboard v1)");
  });
});

describe("the opening question and the noise numbers (hand-worked)", () => {
  it("MMLU's test split is 14,042 questions in 57 subjects", () => {
    expect(mmluSize(subjects)).toBe(14042);
    expect(subjects).toHaveLength(57);
  });

  it("89.7% of 14,042 is 12,596 right, ±0.50 pp", () => {
    // 0.897 × 14,042 = 12,595.7; 1.959964 × √(0.897 × 0.103 / 14,042) = 1.959964 × 0.0025651 = 0.0050275.
    const c = scoreAsCount(0.897, 14042);
    expect(c.k).toBe(12596);
    expect(c.halfWidth).toBeCloseTo(0.0050275, 6);
  });

  it("the live sentence under the k-out-of-N figure: ±5.5 pp at 164, ±2.7 pp at 656", () => {
    // 1.959964 × √(0.1275 / 164) = 0.05465; × √(1/4) = 0.02732.
    expect(noiseSentence(0.85, 164)).toBe(
      "With 164 questions and a true accuracy of 85%, 95% of tests score within ±5.5 pp of 85%. " +
        "Four times as many questions (656) would halve that, to ±2.7 pp.",
    );
  });

  it("noise of a gap between two independent scores at 85%: ±0.84 pp on MMLU, ±7.7 pp on HumanEval", () => {
    // √2 × 1.959964 × √(0.1275 / 14,042) = 0.0083523; on 164: √2 × 0.054649 = 0.077286.
    expect(gapNoisePp(0.85, 14042)).toBeCloseTo(0.83523, 4);
    expect(gapNoisePp(0.85, 164)).toBeCloseTo(7.7286, 3);
  });

  it("the recipe sentence states the score, its interval and the move from the reference", () => {
    expect(recipeSentence({ score: 0.6, lower: 0.592, upper: 0.608 }, { score: 0.653 })).toBe(
      "The recipe on screen scores 60.0% (95% interval 59.2–60.8%), −5.3 pp from the reference recipe's 65.3%.",
    );
    expect(recipeSentence({ score: 0.653, lower: 0.645, upper: 0.661 }, { score: 0.653 })).toContain(
      "±0.0 pp from",
    );
    // A move that rounds to zero prints as zero, the same way as in the figure's own readout.
    expect(recipeSentence({ score: 0.6534, lower: 0.645, upper: 0.661 }, { score: 0.6536 })).toContain(
      "±0.0 pp from",
    );
  });
});

describe("extraction rules, aggregation weights, published macro − micro", () => {
  it("the fallback chain moves 24 of 25 models by under 2 points; Qwen1.5-7B-Chat most, 26.44 → 30.34", () => {
    const r = ruleEffectSummary(ruleEffects);
    expect(r.models).toBe(25);
    expect(r.smallCount).toBe(24);
    expect(r.questions).toBe(12032);
    expect(r.largest.model).toBe("Qwen1.5-7B-Chat");
    expect(r.largest.stored).toBe(26.44);
    expect(r.largest.chain).toBe(30.34);
    expect(r.largest.effect).toBeCloseTo(3.9, 10);
  });

  it("professional law carries 10.9% of the micro-average, abstract algebra 0.7%, every subject 1.75% of the macro", () => {
    const w = subjectWeights(subjects);
    expect(w.largest).toMatchObject({ name: "professional law", n: 1534 });
    expect(w.largest.microPct).toBeCloseTo(10.924, 3); // 1534 / 14042
    expect(w.smallest).toMatchObject({ name: "abstract algebra", n: 100 });
    expect(w.smallest.microPct).toBeCloseTo(0.7121, 4); // 100 / 14042
    expect(w.macroPct).toBeCloseTo(1.7544, 4); // 100 / 57
  });

  it("Meta's MMLU pairs: macro − micro from −0.41 to +1.2 over 10 runs", () => {
    expect(macroMinusMicroRange(microMacro)).toEqual({ min: -0.41, max: 1.2, count: 10 });
  });
});
