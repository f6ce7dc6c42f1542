// The Lesson 1 loaders: run them as the build does and check their output against the raw files.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { ExtractionSamples, MicroMacroRow, RuleEffectRow } from "../../../src/components/data/types.ts";
import {
  ALL_MODELS,
  deriveExtractionRules,
  examplesFor,
  extractionRulesSummary,
  ruleScores,
} from "../../../src/components/figures/extractionRules.ts";
import { extractAll, ruleIds } from "../../../src/components/scoring/extractionRules.ts";

const root = new URL("../../../", import.meta.url);
const run = (loader: string) =>
  execFileSync(process.execPath, ["--import", "tsx", `src/data/${loader}`], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });

interface Raw {
  model: string;
  question_id: number;
  gold: string;
  n_options: number;
  response: string;
  repo_pred: string | null;
}
const raw: Raw[] = readFileSync(new URL("data/extraction_samples.jsonl", root), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l));

let samples: ExtractionSamples;
beforeAll(() => {
  samples = JSON.parse(run("extraction-samples.json.ts"));
}, 60_000);

describe("extraction-samples loader", () => {
  it("covers 6 models × 599 questions and stays small", () => {
    expect(samples.models).toHaveLength(6);
    expect(samples.questions).toHaveLength(599);
    expect(JSON.stringify(samples).length).toBeLessThan(250_000);
    for (const m of samples.models)
      for (const c of samples.columns) expect(samples.letters[m]![c]).toHaveLength(599);
  });

  it("stores, for every response, exactly the letter each rule finds in the full text", () => {
    const index = new Map(samples.questions.map((q, i) => [q.id, i]));
    for (const r of raw) {
      const i = index.get(r.question_id)!;
      const found = extractAll(r.response);
      for (const id of ruleIds) expect(samples.letters[r.model]![id][i]).toBe(found[id].letter ?? "-");
      expect(samples.letters[r.model]!.repo[i]).toBe(r.repo_pred ?? "-");
      expect(samples.questions[i]!.gold).toBe(r.gold);
    }
  });

  it('"answer is (X)" reproduces the benchmark authors\' stored letter on all 3,594 responses', () => {
    for (const m of samples.models) expect(samples.letters[m]!.answerIs).toBe(samples.letters[m]!.repo);
  });

  it("rule scores are the raw counts (independent recount from the JSONL)", () => {
    for (const m of samples.models) {
      const rows = raw.filter((r) => r.model === m);
      const scores = ruleScores(samples, m);
      for (const id of ruleIds) {
        const correct = rows.filter((r) => extractAll(r.response)[id].letter === r.gold).length;
        const s = scores.find((x) => x.column === id)!;
        expect(s.correct).toBe(correct);
        expect(s.accuracy).toBeCloseTo(correct / 599, 12);
      }
    }
    // Qwen1.5-7B-Chat: stored letter 154/599, fallback chain 189/599 (counted by hand from the file once).
    const q = ruleScores(samples, "Qwen1.5-7B-Chat");
    expect(q.find((s) => s.column === "repo")!.correct).toBe(154);
    expect(q.find((s) => s.column === "fallbackChain")!.correct).toBe(189);
    // The random-guess option adds Σ 1/options over unparsed responses.
    const guess = ruleScores(samples, "Qwen1.5-7B-Chat", "guess").find((s) => s.column === "repo")!;
    const expected = raw
      .filter((r) => r.model === "Qwen1.5-7B-Chat" && r.repo_pred === null)
      .reduce((a, r) => a + 1 / r.n_options, 0);
    expect(guess.accuracy * 599).toBeCloseTo(154 + expected, 9);
    // Pooled = sum over models.
    const pooled = ruleScores(samples, ALL_MODELS).find((s) => s.column === "answerIs")!;
    expect(pooled.n).toBe(3594);
    expect(pooled.correct).toBe(raw.filter((r) => r.repo_pred === r.gold).length);
  });

  it("examples are responses on which the rules disagree, with the excerpt's marked letters matching the rules", () => {
    expect(samples.examples.length).toBeGreaterThan(60);
    for (const ex of samples.examples) {
      const q = samples.questions[ex.question]!;
      const verdicts = ruleIds.filter((id) => id !== "start").map((id) => ex.letters[id] === q.gold);
      const startDiffers = ex.letters.start !== "" && ex.letters.start !== ex.letters.answerIs;
      expect(startDiffers || (verdicts.includes(true) && verdicts.includes(false))).toBe(true);
      for (const part of ex.parts) {
        if (typeof part === "string") continue;
        const [letter, rules] = part;
        for (const r of rules) expect(ex.letters[r]).toBe(letter);
      }
    }
    expect(examplesFor(samples, ALL_MODELS)).toHaveLength(20);
    expect(
      new Set(
        examplesFor(samples, ALL_MODELS)
          .slice(0, 6)
          .map((e) => e.model),
      ).size,
    ).toBe(6);
  });
});

describe("deriveExtractionRules: the figure's model, recounted from the JSONL", () => {
  it("Qwen1.5-7B-Chat: the spread between the best and worst reasoning-reading rules, and the chain's gain", () => {
    const m = deriveExtractionRules({ model: "Qwen1.5-7B-Chat", unparsed: "wrong", example: 1 }, samples);
    const rows = raw.filter((r) => r.model === "Qwen1.5-7B-Chat");
    // Correct answers per rule, recounted from the raw responses with each rule applied afresh.
    const correct = Object.fromEntries(
      ruleIds.map((id) => [id, rows.filter((r) => extractAll(r.response)[id].letter === r.gold).length]),
    );
    correct.repo = rows.filter((r) => r.repo_pred === r.gold).length;
    const reading = Object.entries(correct).filter(([id]) => id !== "start");
    const most = Math.max(...reading.map(([, c]) => c));
    const least = Math.min(...reading.map(([, c]) => c));
    expect(m.spread).toBeCloseTo((most - least) / 599, 12);
    expect(m.best.correct).toBe(most);
    expect(m.worst.correct).toBe(least);
    // Stored letter 154/599, fallback chain 189/599 (counted by hand from the file once).
    expect(m.chainGain).toBeCloseTo((189 - 154) / 599, 12);
    expect(m.by.start.accuracy).toBeCloseTo(correct.start! / 599, 12);
  });

  it("the disagreement shown: the slider's value, clamped to the model's disagreements", () => {
    const list = examplesFor(samples, "Meta-Llama-3-8B");
    const at = (example: number) =>
      deriveExtractionRules({ model: "Meta-Llama-3-8B", unparsed: "wrong", example }, samples);
    expect(at(2).shown).toBe(list[1]);
    expect(at(2).question).toBe(samples.questions[list[1]!.question]);
    expect(at(999).exIndex).toBe(list.length - 1);
    expect(at(0).exIndex).toBe(0);
    expect(at(2).examples).toBe(list.length);
    expect(extractionRulesSummary(at(2))).toContain(`Showing disagreement 2 of ${list.length}`);
  });
});

describe("micro-macro and rule-effects loaders", () => {
  it("micro-macro: 16 rows, diff = macro − micro", () => {
    const rows: MicroMacroRow[] = JSON.parse(run("micro-macro.json.ts"));
    expect(rows).toHaveLength(16);
    for (const r of rows) expect(r.diff).toBeCloseTo(r.macro - r.micro, 9);
    expect(rows.find((r) => r.model === "Llama 3 8B" && r.benchmark === "MMLU")).toMatchObject({
      macro: 66.6,
      micro: 65.4,
    });
  });

  it("rule effects: 25 models; the largest chain − stored effect is Qwen1.5-7B-Chat's +3.9 pp", () => {
    const rows: RuleEffectRow[] = JSON.parse(run("extraction-rule-effects.json.ts"));
    expect(rows).toHaveLength(25);
    const top = [...rows].sort((a, b) => b.chain - b.stored - (a.chain - a.stored))[0]!;
    expect(top.model).toBe("Qwen1.5-7B-Chat");
    expect(top.chain - top.stored).toBeCloseTo(3.9, 1);
  });
});
