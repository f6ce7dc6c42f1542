// Lesson 1 in the browser: every input of every figure is operated, and every number shown is checked
// against the same pure functions run here in Node on the same data.
import { execFileSync } from "node:child_process";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExtractionSamples, MmluSubject, PublishedScore } from "../../src/components/data/types.ts";
import {
  ALL_MODELS,
  examplesFor,
  ruleScores,
  type Unparsed,
} from "../../src/components/figures/extractionRules.ts";
import { fiveChoicesData } from "../../src/components/figures/fiveChoices.ts";
import { microMacroData } from "../../src/components/figures/microMacro.ts";
import { compareCards, scoreCards, scoreLineElements } from "../../src/components/figures/scoreLine.ts";
import { scoreVsRankData } from "../../src/components/figures/scoreVsRank.ts";
import type { SimSetup } from "../../src/components/sim/scoreSimulation.ts";
import { axeViolations, launch, open, readout, setRange } from "./browser.ts";

const root = new URL("../../", import.meta.url);
const load = <T>(loader: string): T =>
  JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", `src/data/${loader}`], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 << 20,
    }),
  );

let browser: Browser;
let page: Page;
let problems: string[];
let subjects: MmluSubject[];
let samples: ExtractionSamples;
let scores: PublishedScore[];
const renderMs: Record<string, number[]> = {};

beforeAll(async () => {
  subjects = load("mmlu-subjects.json.ts");
  samples = load("extraction-samples.json.ts");
  scores = load("published-scores.json.ts");
  browser = await launch();
  ({ page, problems } = await open(browser, "/lessons/1"));
  await page.locator("#fig-l1-score-line").waitFor();
}, 120_000);
afterAll(async () => {
  for (const [id, times] of Object.entries(renderMs)) {
    const t = [...times].sort((a, b) => a - b);
    console.log(
      `${id} render ms after input: n=${t.length} median ${t[Math.floor(t.length / 2)]} max ${t.at(-1)}`,
    );
  }
  await browser?.close();
});

async function noteRender(fig: string) {
  const ms = Number(await page.locator(fig).getAttribute("data-render-ms"));
  expect(Number.isFinite(ms)).toBe(true);
  renderMs[fig] = [...(renderMs[fig] ?? []), ms];
}
const radio = (fig: string, key: string, value: string | number) =>
  `${fig} input[type=radio][data-key="${key}"][value="${value}"]`;
const slider = (fig: string, key: string) => `${fig} input[type=range][data-key="${key}"]`;
const select = (fig: string, key: string) => `${fig} select[data-key="${key}"]`;
const altText = (fig: string) => page.locator(`${fig} .explorable-alt p`).textContent();

describe("figure 1 — five choices", () => {
  const fig = "#fig-l1-five-choices";
  const sizes = () => subjects.map((s) => s.n_test);
  const state: SimSetup & { seed: number } = {
    shots: 0,
    decoding: "sampled",
    temperature: 0.7,
    rule: "lastLetter",
    aggregation: "macro",
    contamination: false,
    seed: 1,
  };
  async function expectShown() {
    const { seed, ...setup } = state;
    const d = fiveChoicesData(sizes(), setup, seed);
    expect(await readout(page, fig, "score")).toBeCloseTo(100 * d.final.score, 9);
    expect(await readout(page, fig, "lower")).toBeCloseTo(100 * d.final.lower, 9);
    expect(await readout(page, fig, "upper")).toBeCloseTo(100 * d.final.upper, 9);
    expect(await readout(page, fig, "reference")).toBeCloseTo(100 * d.reference.score, 9);
    for (const step of d.steps.slice(1))
      expect(await readout(page, fig, `delta-${step.key}`)).toBeCloseTo(100 * step.delta, 9);
    expect(await altText(fig)).toContain(`${(100 * d.final.score).toFixed(1)}%`);
    await noteRender(fig);
  }

  it("starts on a mixed setup whose numbers match the simulation", async () => {
    await expectShown();
  });

  it("shot count radios", async () => {
    for (const shots of [5, 25, 0] as const) {
      await page.check(radio(fig, "shots", shots));
      state.shots = shots;
      await expectShown();
    }
  });

  it("decoding radios and the temperature slider", async () => {
    await page.check(radio(fig, "decoding", "greedy"));
    state.decoding = "greedy";
    await expectShown();
    await page.check(radio(fig, "decoding", "sampled"));
    state.decoding = "sampled";
    let previous = Number.POSITIVE_INFINITY;
    for (const t of [0.2, 0.6, 1, 1.5]) {
      await setRange(page, slider(fig, "temperature"), t);
      state.temperature = t;
      await expectShown();
      const shown = await readout(page, fig, "delta-decoding");
      expect(shown).toBeLessThan(previous); // hotter sampling costs more
      previous = shown;
    }
  });

  it("extraction rule select", async () => {
    for (const rule of ["answerIs", "answerIsGuess", "firstCapital", "lastLetter"] as const) {
      await page.selectOption(select(fig, "rule"), rule);
      state.rule = rule;
      await expectShown();
    }
  });

  it("aggregation radios, contamination toggle and the seed slider", async () => {
    await page.check(radio(fig, "aggregation", "micro"));
    state.aggregation = "micro";
    await expectShown();
    await page.check(`${fig} input[type=checkbox][data-key="contamination"]`);
    state.contamination = true;
    await expectShown();
    expect(await readout(page, fig, "delta-contamination")).toBeGreaterThan(0);
    for (const seed of [2, 7, 20]) {
      await setRange(page, slider(fig, "seed"), seed);
      state.seed = seed;
      await expectShown();
    }
    await page.uncheck(`${fig} input[type=checkbox][data-key="contamination"]`);
    state.contamination = false;
    await expectShown();
  });

  it("the reference preset zeroes every contribution", async () => {
    await page.locator(fig).getByRole("button", { name: "Reference setup" }).click();
    Object.assign(state, {
      shots: 5,
      decoding: "greedy",
      temperature: 1,
      rule: "answerIs",
      aggregation: "micro",
      contamination: false,
    });
    await expectShown();
    expect(await readout(page, fig, "moved")).toBe(0);
  });
});

describe("figure 2 — extraction rules on real responses", () => {
  const fig = "#fig-l1-extraction-rules";
  async function expectShown(model: string, unparsed: Unparsed, example: number) {
    for (const s of ruleScores(samples, model, unparsed)) {
      expect(await readout(page, fig, `acc-${s.column}`)).toBeCloseTo(100 * s.accuracy, 9);
    }
    const ex = examplesFor(samples, model)[example - 1]!;
    expect(await page.locator(`${fig} .l1-example`).getAttribute("data-example")).toBe(
      `${ex.model}:${samples.questions[ex.question]!.id}`,
    );
    // Each rule's letter for the shown response, as the loader computed it.
    for (const c of samples.columns) {
      expect(await page.locator(`${fig} .l1-example tr[data-column="${c}"] td`).first().textContent()).toBe(
        ex.letters[c] || "—",
      );
    }
    await noteRender(fig);
  }

  it("every model, both ways of counting a missing letter", async () => {
    for (const model of [...samples.models, ALL_MODELS]) {
      await page.selectOption(select(fig, "model"), model);
      for (const unparsed of ["guess", "wrong"] as const) {
        await page.check(radio(fig, "unparsed", unparsed));
        await expectShown(model, unparsed, 1);
      }
    }
  });

  it("the disagreement slider steps through the responses", async () => {
    await page.selectOption(select(fig, "model"), "Meta-Llama-3-8B");
    for (const i of [2, 7, 20]) {
      await setRange(page, slider(fig, "example"), i);
      await expectShown("Meta-Llama-3-8B", "wrong", i);
    }
    // The response is shown as text, with the letters each rule picked marked.
    expect(await page.locator(`${fig} .l1-response mark`).count()).toBeGreaterThan(0);
  });

  it("Qwen1.5-7B-Chat: the fallback chain gains 35 of 599 over the stored letter", async () => {
    await page.selectOption(select(fig, "model"), "Qwen1.5-7B-Chat");
    expect(await readout(page, fig, "chain-gain")).toBeCloseTo((100 * (189 - 154)) / 599, 9);
  });
});

describe("figure 3 — micro vs macro", () => {
  const fig = "#fig-l1-micro-macro";
  const state = { base: 0.7, tilt: -0.05, subject: "professional_law", shift: 0 };
  async function expectShown() {
    const d = microMacroData(subjects, state);
    expect(await readout(page, fig, "micro")).toBeCloseTo(100 * d.micro, 9);
    expect(await readout(page, fig, "macro")).toBeCloseTo(100 * d.macro, 9);
    expect(await readout(page, fig, "difference")).toBeCloseTo(100 * d.difference, 9);
    const chosen = d.points.find((p) => p.chosen)!;
    expect(await readout(page, fig, "chosen-micro-weight")).toBeCloseTo(100 * chosen.microWeight, 9);
    await noteRender(fig);
    return d;
  }

  it("base and tilt sliders: tilt decides which average is higher", async () => {
    await expectShown();
    for (const [base, tilt] of [
      [0.5, 0],
      [0.8, 0.1],
      [0.6, -0.12],
    ] as const) {
      await setRange(page, slider(fig, "base"), base);
      await setRange(page, slider(fig, "tilt"), tilt);
      Object.assign(state, { base, tilt });
      const d = await expectShown();
      if (tilt === 0) expect(d.difference).toBeCloseTo(0, 12);
      if (tilt > 0) expect(d.micro).toBeGreaterThan(d.macro);
      if (tilt < 0) expect(d.macro).toBeGreaterThan(d.micro);
    }
  });

  it("moving the largest subject moves the micro-average more; the smallest, the macro-average", async () => {
    await setRange(page, slider(fig, "tilt"), 0);
    state.tilt = 0;
    await setRange(page, slider(fig, "shift"), 0.3);
    state.shift = 0.3;
    let d = await expectShown();
    expect(d.micro).toBeGreaterThan(d.macro);
    await page.selectOption(select(fig, "subject"), "abstract_algebra");
    state.subject = "abstract_algebra";
    d = await expectShown();
    expect(d.macro).toBeGreaterThan(d.micro);
    expect(await readout(page, fig, "chosen-macro-weight")).toBeCloseTo(100 / 57, 9);
  });
});

describe("figure 4 — score vs rank", () => {
  const fig = "#fig-l1-score-vs-rank";
  async function expectShown(v: { a: number; b: number; n: number }) {
    const d = scoreVsRankData(v);
    expect(await readout(page, fig, "diff")).toBeCloseTo(100 * d.test.diff, 9);
    expect(await readout(page, fig, "diff-lower")).toBeCloseTo(100 * d.test.lower, 9);
    expect(await readout(page, fig, "z")).toBeCloseTo(d.test.z, 9);
    expect(await readout(page, fig, "p")).toBeCloseTo(d.test.pValue, 12);
    expect(await readout(page, fig, "verdict")).toBe(d.distinguishable ? 1 : 0);
    await noteRender(fig);
    return d;
  }

  it("the course's cases are one click away, with the verdicts the test gives", async () => {
    await page
      .locator(fig)
      .getByRole("button", { name: /88 vs 85 on all of MMLU/ })
      .click();
    expect((await expectShown({ a: 88, b: 85, n: 14042 })).distinguishable).toBe(true);
    await page
      .locator(fig)
      .getByRole("button", { name: /85\.8 vs 85\.0/ })
      .click();
    expect((await expectShown({ a: 85.8, b: 85, n: 14042 })).distinguishable).toBe(false);
    await page
      .locator(fig)
      .getByRole("button", { name: /HumanEval/ })
      .click();
    expect((await expectShown({ a: 88, b: 85, n: 164 })).distinguishable).toBe(false);
  });

  it("both score sliders, the log N slider and the number box", async () => {
    await setRange(page, slider(fig, "a"), 91.2);
    await setRange(page, slider(fig, "b"), 89.4);
    await page.fill(`${fig} input[data-key="n-number"]`, "14042");
    await page.press(`${fig} input[data-key="n-number"]`, "Enter");
    expect((await expectShown({ a: 91.2, b: 89.4, n: 14042 })).distinguishable).toBe(true);
    await setRange(page, slider(fig, "n"), Math.log10(500));
    expect((await expectShown({ a: 91.2, b: 89.4, n: 500 })).distinguishable).toBe(false);
    await page.waitForTimeout(400);
    expect(page.url()).toContain("l1-score-vs-rank.n=500");
  });
});

describe("figure 5 — the score line", () => {
  const fig = "#fig-l1-score-line";
  it("every card offered is marked as the functions say, for A and for B", async () => {
    const cards = scoreCards(scores);
    const other = cards[0]!;
    for (const card of cards) {
      await page.selectOption(select(fig, "a"), card.id);
      await page.selectOption(select(fig, "b"), other.id);
      const present = scoreLineElements(card).filter((e) => e.present).length;
      expect(await readout(page, fig, "present-a")).toBe(present);
      const cmp = compareCards(card, other);
      expect(await readout(page, fig, "comparable")).toBe(cmp.comparable ? 1 : 0);
      expect(await readout(page, fig, "gap")).toBeCloseTo(cmp.gap, 9);
      await noteRender(fig);
    }
    await page.selectOption(select(fig, "b"), "lab-b");
    expect(await readout(page, fig, "present-b")).toBe(1);
  });

  it("the LLaMA-65B preset: identical score lines, 14.9 points apart", async () => {
    await page
      .locator(fig)
      .getByRole("button", { name: /LLaMA-65B/ })
      .click();
    expect(await readout(page, fig, "comparable")).toBe(1);
    expect(await readout(page, fig, "gap")).toBeCloseTo(14.9, 9);
  });
});

describe("the page", () => {
  it("shows the traceable evidence tables and ends with the lesson footer", async () => {
    const llama65 = page.locator('table.l1-three tr[data-model="llama-65b"]');
    expect(await llama65.locator("td").allTextContents()).toEqual(["63.7", "48.8", "63.6", "14.9"]);
    const qwen = page.locator(
      'table.l1-effects tr[data-model="Qwen1.5-7B-Chat"] [data-readout="chain-minus-stored"]',
    );
    expect(Number(await qwen.getAttribute("data-value"))).toBeCloseTo(30.34 - 26.44, 9);
    expect(await page.locator("nav.lesson-footer a").count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator("h2#sources, h2:has-text('Sources')").count()).toBe(1);
  });

  it("has no serious or critical accessibility violations in the lesson's content (axe-core)", async () => {
    const violations = await axeViolations(page, { include: "#observablehq-main" });
    expect(violations).toEqual([]);
  });

  it("had no console errors or failed requests", () => {
    expect(problems).toEqual([]);
  });
});
