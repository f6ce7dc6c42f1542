// The pure data functions behind the Lesson 1 figures, against hand-worked values and the source data.
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import type { MmluSubject, PublishedScore } from "../../../src/components/data/types.ts";
import { threeImplementations } from "../../../src/components/figures/extractionEvidence.ts";
import { fiveChoicesData } from "../../../src/components/figures/fiveChoicesData.ts";
import {
  deriveMicroMacro,
  microMacroNotice,
  microMacroSummary,
} from "../../../src/components/figures/microMacro.ts";
import {
  compareCards,
  deriveScoreLine,
  labCards,
  scoreCards,
  scoreLineElements,
  scoreLineNotice,
  scoreLineSummary,
} from "../../../src/components/figures/scoreLine.ts";
import {
  deriveScoreVsRank,
  scoreVsRankNotice,
  scoreVsRankSummary,
} from "../../../src/components/figures/scoreVsRank.ts";
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

describe("score vs rank: deriveScoreVsRank", () => {
  it("88 vs 85 on 14,042 questions: gap 3 pp, z by hand, distinguishable", () => {
    const d = deriveScoreVsRank({ a: 88, b: 85, n: 14042 });
    expect(d.ka).toBe(Math.round(0.88 * 14042));
    const pa = d.ka / 14042;
    const pb = d.kb / 14042;
    const pool = (d.ka + d.kb) / (2 * 14042);
    const z = (pa - pb) / Math.sqrt(pool * (1 - pool) * (2 / 14042));
    expect(d.test.z).toBeCloseTo(z, 9);
    expect(d.distinguishable).toBe(true);
    expect(d.overlap).toBe(false);
  });

  // R 4: sqrt(prop.test(c(ka, kb), c(n, n), correct = FALSE)$statistic), its p-value, and
  // prop.test(k, n, correct = FALSE)$conf.int (Wilson) for each score; the gap's interval
  // (pa − pb) ± qnorm(0.975)·√(pa(1−pa)/n + pb(1−pb)/n).
  const r = {
    164: {
      ka: 144,
      kb: 139,
      z: 0.8024305441,
      p: 0.4223039505,
      a: [0.8191405492, 0.9196518855],
      b: [0.7846483514, 0.8945640482],
      gap: [-0.0439065696, 0.1048821793],
    },
    14042: {
      ka: 12357,
      kb: 11936,
      z: 7.3518072253,
      p: 0,
      a: [0.8745238649, 0.885273975],
      b: [0.8440200782, 0.855831193],
      gap: [0.021996229, 0.0379667392],
    },
  } as const;
  it.each([164, 14042] as const)("88 vs 85 on N = %i agrees with R's prop.test", (n) => {
    const d = deriveScoreVsRank({ a: 88, b: 85, n });
    const ref = r[n];
    expect([d.ka, d.kb]).toEqual([ref.ka, ref.kb]);
    expect(d.test.z).toBeCloseTo(ref.z, 8);
    expect(d.test.pValue).toBeCloseTo(ref.p, 8);
    expect([d.rows[0].lo, d.rows[0].hi]).toEqual(ref.a.map((x) => expect.closeTo(100 * x, 6)));
    expect([d.rows[1].lo, d.rows[1].hi]).toEqual(ref.b.map((x) => expect.closeTo(100 * x, 6)));
    expect([d.test.lower, d.test.upper]).toEqual(ref.gap.map((x) => expect.closeTo(x, 9)));
    expect(d.noise).toBeCloseTo((ref.gap[1] - ref.gap[0]) / 2, 9);
    // Axes: two points beyond both intervals (hand-worked from R's bounds), the gap's symmetric about 0.
    expect(d.domain).toEqual(n === 164 ? [76, 94] : [82, 91]);
    expect(d.gapSpan).toBeCloseTo(1.25 * 100 * Math.max(Math.abs(ref.gap[0]), ref.gap[1], 0.01), 6);
  });

  it("85.8 vs 85.0 on MMLU and 88 vs 85 on HumanEval are not distinguishable", () => {
    expect(deriveScoreVsRank({ a: 85.8, b: 85, n: 14042 }).distinguishable).toBe(false);
    const he = deriveScoreVsRank({ a: 88, b: 85, n: 164 });
    expect(he.distinguishable).toBe(false);
    expect(he.overlap).toBe(true);
    // The noise threshold is the half-width of the gap's interval: 1.96·√(pa(1−pa)/n + pb(1−pb)/n).
    const pa = he.ka / 164;
    const pb = he.kb / 164;
    expect(he.noise).toBeCloseTo(1.959964 * Math.sqrt((pa * (1 - pa) + pb * (1 - pb)) / 164), 5);
  });

  it("notice and summary state the current verdict and numbers", () => {
    const he = deriveScoreVsRank({ a: 88, b: 85, n: 164 });
    expect(scoreVsRankNotice(he)).toMatch(/cannot tell them apart/);
    // 144/164 = 87.8%, 139/164 = 84.8%: gap 3.05 pp (hand-worked).
    expect(scoreVsRankSummary(he)).toMatch(/^Model A 87\.8% \(95% interval 81\.9–92\.0%\), model B 84\.8%/);
    expect(scoreVsRankSummary(he)).toContain(
      "Gap +3.0 pp with 95% interval -4.39 to 10.49 pp, p = 0.422: not distinguishable",
    );
    // Overlapping intervals yet a real gap: 88.5 vs 87.6 on 14,042 (R: Wilson 87.96–89.02 and 87.05–88.14, p = 0.0205).
    const both = deriveScoreVsRank({ a: 88.5, b: 87.6, n: 14042 });
    expect(both.overlap && both.distinguishable).toBe(true);
    expect(scoreVsRankNotice(both)).toMatch(/overlapping intervals are not a test/);
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

describe("deriveScoreLine: the figure's model", () => {
  const cards = scoreCards(scores);
  const byId = new Map(cards.map((c) => [c.id, c]));
  const idOf = (model: string, score: number) =>
    cards.find((c) => c.model === model && c.score === score)!.id;
  // LLaMA-65B's HELM and harness rows of published_scores.csv (source 6).
  const sameLine = { helm: 63.7, harness: 48.8 };

  it("the lab's claim: 2 of 4 and 1 of 4 elements stated, 91.2 − 89.4 = +1.80 points, not comparable", () => {
    const m = deriveScoreLine({ a: "lab-a", b: "lab-b" }, byId, sameLine);
    expect([m.presentA, m.presentB]).toEqual([2, 1]);
    expect(m.gap).toBeCloseTo(1.8, 9);
    expect(m.comparable).toBe(false);
    expect(m.rows.map((r) => r.status)).toEqual(["same", "missing", "missing", "missing"]);
    expect(scoreLineNotice(m)).toMatch(/^A missing element is a question to ask/);
    expect(scoreLineSummary(m)).toMatch(/Not comparable as stated; gap \+1\.80 points\.$/);
  });

  it("LLaMA-65B, HELM vs harness: all four stated and equal, 63.7 − 48.8 = +14.90 points", () => {
    const m = deriveScoreLine({ a: idOf("llama-65b", 63.7), b: idOf("llama-65b", 48.8) }, byId, sameLine);
    expect([m.presentA, m.presentB]).toEqual([4, 4]);
    expect(m.comparable).toBe(true);
    expect(m.gap).toBeCloseTo(14.9, 9);
    expect(scoreLineNotice(m)).toContain("LLaMA-65B scored 63.7 and 48.8 with identical score lines");
    // Reversed, the gap is negative with a true minus sign.
    const back = deriveScoreLine({ a: idOf("llama-65b", 48.8), b: idOf("llama-65b", 63.7) }, byId, sameLine);
    expect(scoreLineSummary(back)).toMatch(/gap −14\.90 points\.$/);
  });

  it("an id that names no card says so", () => {
    expect(() => deriveScoreLine({ a: "nope", b: "lab-b" }, byId, sameLine)).toThrow(
      /No score line with id "nope"/,
    );
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
    const base = deriveMicroMacro({ base: 0.7, tilt: 0, subject: "abstract_algebra", shift: 0 }, subjects);
    expect(base.micro).toBeCloseTo(0.7, 12);
    expect(base.macro).toBeCloseTo(0.7, 12);
    const moved = deriveMicroMacro({ base: 0.7, tilt: 0, subject: "abstract_algebra", shift: 0.3 }, subjects);
    expect(moved.micro - 0.7).toBeCloseTo((0.3 * 100) / 14042, 12);
    expect(moved.macro - 0.7).toBeCloseTo(0.3 / 57, 12);
  });

  it("smallest and largest from the CSV, and how much further each pulls one average (hand-worked)", () => {
    const law = { base: 0.7, tilt: 0, subject: "professional_law", shift: 0.3 };
    const m = deriveMicroMacro(law, subjects);
    // mmlu_subjects.csv: abstract_algebra is the first of the 100-question subjects by name; professional_law 1,534.
    expect([m.smallest.subject, m.smallest.n]).toEqual(["abstract_algebra", 100]);
    expect([m.largest.subject, m.largest.n]).toEqual(["professional_law", 1534]);
    expect(m.bySize[0]).toBe("abstract_algebra");
    expect(m.bySize.at(-1)).toBe("professional_law");
    expect(m.chosen?.subject).toBe("professional_law");
    // 1,534 / 14,042 = 10.924% of the micro-average against 1/57 = 1.754%: 6.227× (hand-worked).
    expect(m.largestPull).toBeCloseTo((1534 * 57) / 14042, 9);
    expect(microMacroNotice(m)).toBe(
      "Moving professional law alone (1,534 questions, 10.9% of MMLU) drags the micro-average 6.2× as far as the macro-average.",
    );
    // 14,042 / 57 / 100 = 2.4635: the macro-average moves 2.5× as far.
    const algebra = deriveMicroMacro({ ...law, subject: "abstract_algebra" }, subjects);
    expect(algebra.smallestPull).toBeCloseTo(14042 / 57 / 100, 9);
    expect(microMacroNotice(algebra)).toMatch(/^A 100-question subject moves the macro-average 2\.5× as far/);
    // Equal accuracy, nothing moved: the averages agree and the difference prints as ±0.00 pp.
    const flat = deriveMicroMacro({ ...law, shift: 0 }, subjects);
    expect(microMacroNotice(flat)).toMatch(/^When the model is stronger on large subjects/);
    expect(microMacroSummary(flat)).toBe(
      "MMLU's 57 subjects (14,042 questions). Accuracy 70% at a typical subject, tilt ±0 pp per SD of log size. Micro-average 70.0%, macro-average 70.0%, difference ±0.00 pp.",
    );
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
