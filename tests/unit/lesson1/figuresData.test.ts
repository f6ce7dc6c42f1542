// The pure data functions behind the Lesson 1 figures, against hand-worked values and the source data.
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import type { MmluSubject, PublishedScore } from "../../../src/components/data/types.ts";
import { threeImplementations } from "../../../src/components/figures/extractionEvidence.ts";
import { fiveChoicesData } from "../../../src/components/figures/fiveChoices.ts";
import { microMacroData } from "../../../src/components/figures/microMacro.ts";
import {
  compareCards,
  labCards,
  scoreCards,
  scoreLineElements,
} from "../../../src/components/figures/scoreLine.ts";
import { scoreVsRankData } from "../../../src/components/figures/scoreVsRank.ts";
import { referenceSetup } from "../../../src/components/sim/scoreSimulation.ts";

const root = new URL("../../../", import.meta.url);
const subjects: MmluSubject[] = csvParse(readFileSync(new URL("data/mmlu_subjects.csv", root), "utf8")).map(
  (r) => ({
    subject: r.subject!,
    category: r.category!,
    subcategory: r.subcategory!,
    n_test: Number(r.n_test),
    n_validation: Number(r.n_validation),
    n_dev: Number(r.n_dev),
  }),
);
const num = (x: string | undefined) => (x === undefined || x === "" ? null : Number(x));
const str = (x: string | undefined) => (x === undefined || x === "" ? null : x);
const scores: PublishedScore[] = csvParse(
  readFileSync(new URL("data/published_scores.csv", root), "utf8"),
).map((r) => ({
  model: r.model!,
  model_family: str(r.model_family),
  variant: str(r.variant),
  params_b: num(r.params_b),
  params_source: str(r.params_source),
  release_date: str(r.release_date),
  benchmark: r.benchmark!,
  score: Number(r.score),
  metric: str(r.metric),
  shots: str(r.shots),
  cot: r.cot!,
  extra_setting: str(r.extra_setting),
  evaluator: r.evaluator!,
  evaluator_type: r.evaluator_type!,
  source: r.source!,
  note: str(r.note),
}));

describe("score vs rank", () => {
  it("88 vs 85 on 14,042 questions: gap 3 pp, z by hand, distinguishable", () => {
    const d = scoreVsRankData({ a: 88, b: 85, n: 14042 });
    expect(d.ka).toBe(Math.round(0.88 * 14042));
    const pa = d.ka / 14042;
    const pb = d.kb / 14042;
    const pool = (d.ka + d.kb) / (2 * 14042);
    const z = (pa - pb) / Math.sqrt(pool * (1 - pool) * (2 / 14042));
    expect(d.test.z).toBeCloseTo(z, 9);
    expect(d.distinguishable).toBe(true);
    expect(d.overlap).toBe(false);
  });

  it("85.8 vs 85.0 on MMLU and 88 vs 85 on HumanEval are not distinguishable", () => {
    expect(scoreVsRankData({ a: 85.8, b: 85, n: 14042 }).distinguishable).toBe(false);
    const he = scoreVsRankData({ a: 88, b: 85, n: 164 });
    expect(he.distinguishable).toBe(false);
    expect(he.overlap).toBe(true);
    // The noise threshold is the half-width of the gap's interval: 1.96·√(pa(1−pa)/n + pb(1−pb)/n).
    const pa = he.ka / 164;
    const pb = he.kb / 164;
    expect(he.noise).toBeCloseTo(1.959964 * Math.sqrt((pa * (1 - pa) + pb * (1 - pb)) / 164), 5);
  });
});

describe("score line", () => {
  it("offers the four Llama 2 70B MMLU scores and the three LLaMA-65B implementations", () => {
    const cards = scoreCards(scores);
    const llama2 = cards.filter(
      (c) => /^(Llama 2 70B|meta-llama\/Llama-2-70b-hf)$/.test(c.model) && c.benchmark === "MMLU",
    );
    expect(llama2.map((c) => c.score).sort()).toEqual([68.9, 69.7, 69.83, 69.9]);
    expect(
      cards
        .filter((c) => c.model === "llama-65b")
        .map((c) => c.score)
        .sort(),
    ).toEqual([48.8, 63.6, 63.7]);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
  });

  it("marks what the lab's claim leaves out", () => {
    const [a, b] = labCards;
    expect(scoreLineElements(a!).map((e) => e.present)).toEqual([true, true, false, false]);
    expect(scoreLineElements(b!).map((e) => e.present)).toEqual([true, false, false, false]);
    const cmp = compareCards(a!, b!);
    expect(cmp.comparable).toBe(false);
    expect(cmp.gap).toBeCloseTo(1.8, 9);
  });

  it("HELM vs harness for LLaMA-65B look identical on paper — 14.9 points apart", () => {
    const cards = scoreCards(scores);
    const helm = cards.find((c) => c.model === "llama-65b" && c.score === 63.7)!;
    const harness = cards.find((c) => c.model === "llama-65b" && c.score === 48.8)!;
    const cmp = compareCards(helm, harness);
    expect(cmp.comparable).toBe(true);
    expect(cmp.gap).toBeCloseTo(14.9, 9);
    // "not stated" counts as missing.
    const claude = cards.find(
      (c) => c.model === "Claude-3-Opus" && c.benchmark === "HumanEval" && c.score === 84.9,
    )!;
    expect(scoreLineElements(claude).find((e) => e.key === "shots")!.present).toBe(false);
  });
});

describe("three implementations", () => {
  it("LLaMA-65B: 63.7 HELM, 48.8 harness, 63.6 original (SOURCES.md, source 6)", () => {
    const rows = threeImplementations(scores);
    expect(rows).toHaveLength(8);
    expect(rows.find((r) => r.model === "llama-65b")).toMatchObject({
      HELM: 63.7,
      harness: 48.8,
      original: 63.6,
    });
    expect(rows.find((r) => r.model === "llama-65b")!.spread).toBeCloseTo(14.9, 9);
  });
});

describe("micro vs macro figure data", () => {
  it("moving one subject alone moves each average by its weight", () => {
    const base = microMacroData(subjects, { base: 0.7, tilt: 0, subject: "abstract_algebra", shift: 0 });
    expect(base.micro).toBeCloseTo(0.7, 12);
    expect(base.macro).toBeCloseTo(0.7, 12);
    const moved = microMacroData(subjects, { base: 0.7, tilt: 0, subject: "abstract_algebra", shift: 0.3 });
    expect(moved.micro - 0.7).toBeCloseTo((0.3 * 100) / 14042, 12);
    expect(moved.macro - 0.7).toBeCloseTo(0.3 / 57, 12);
  });
});

describe("five choices figure data", () => {
  it("the reference setup has no contributions; the final score equals the last waterfall step", () => {
    const sizes = subjects.map((s) => s.n_test);
    const ref = fiveChoicesData(sizes, referenceSetup, 1);
    expect(ref.final.score).toBe(ref.reference.score);
    const other = fiveChoicesData(sizes, { ...referenceSetup, shots: 0, rule: "lastLetter" }, 1);
    expect(other.steps.at(-1)!.score).toBeCloseTo(other.final.score, 12);
  });
});
