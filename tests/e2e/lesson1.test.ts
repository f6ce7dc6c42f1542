// Lesson 1 in the browser: every input of every figure is operated, and every number shown is checked
// against the same pure functions run here in Node on the same data.
import { execFileSync } from "node:child_process";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExtractionSamples, MmluSubject, PublishedScore } from "../../src/components/data/types.ts";
import {
  ALL_MODELS,
  examplesFor,
  ruleScores,
  type Unparsed,
} from "../../src/components/figures/extractionRules.ts";
import { fiveChoicesNotice } from "../../src/components/figures/fiveChoices.ts";
import { fiveChoicesData } from "../../src/components/figures/fiveChoicesData.ts";
import { deriveMicroMacro } from "../../src/components/figures/microMacro.ts";
import { compareCards, scoreCards, scoreLineElements } from "../../src/components/figures/scoreLine.ts";
import { deriveScoreNoise } from "../../src/components/figures/scoreNoise.ts";
import { deriveScoreVsRank } from "../../src/components/figures/scoreVsRank.ts";
import { noiseSentence, recipeSentence } from "../../src/components/lessons/lesson1.ts";
import type { SimSetup } from "../../src/components/sim/scoreSimulation.ts";
import { axeViolations, axisTicks, fromTicks, open, readout, setRange, useBrowser } from "./browser.ts";
import { mainPathText, mainPathWords } from "./mainPath.ts";

const root = new URL("../../", import.meta.url);
const load = <T>(loader: string): T =>
  JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", `src/data/${loader}`], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 << 20,
    }),
  );

const browser = useBrowser();
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
  ({ page, problems } = await open(browser, "/lessons/1"));
  // The score-line figure sits in a closed "go deeper" disclosure: attached, not visible.
  await page.locator("#fig-l1-score-line").waitFor({ state: "attached" });
  await page.locator('[data-live="recipe"]').waitFor();
}, 120_000);
afterAll(async () => {
  for (const [id, times] of Object.entries(renderMs)) {
    const t = [...times].sort((a, b) => a - b);
    console.log(
      `${id} render ms after input: n=${t.length} median ${t[Math.floor(t.length / 2)]} max ${t.at(-1)}`,
    );
  }
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
const noticeText = async (fig: string) =>
  ((await page.locator(`${fig} .explorable-notice`).textContent()) ?? "").replace(/^What to notice:\s*/, "");
const live = async (name: string) => (await page.locator(`[data-live="${name}"]`).textContent())?.trim();
/** Open a "go deeper" disclosure as a learner would, by its summary. */
async function openDeeper(fig: string) {
  const details = page.locator("details.go-deeper", { has: page.locator(fig) });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await details.locator(":scope > summary").click();
  await page.locator(fig).waitFor();
}

describe("figure 0 — a score is k right out of N", () => {
  const fig = "#fig-l1-score-noise";
  async function expectShown(v: { p: number; n: number; seed: number }) {
    const m = deriveScoreNoise(v);
    expect(await readout(page, fig, "half-width")).toBeCloseTo(100 * m.halfWidth, 9);
    expect(await readout(page, fig, "k")).toBe(m.k[0]);
    expect(await readout(page, fig, "inside")).toBe(m.inside);
    expect(await readout(page, fig, "min")).toBeCloseTo(100 * m.min, 9);
    expect(await readout(page, fig, "max")).toBeCloseTo(100 * m.max, 9);
    // The drawing agrees, read back through its own axis: the orange square at the first test's
    // score, the line at p, the band p ± the half-width, a dot for each other test; and, up to 400
    // questions, a square per question with as many filled as the first test got right.
    const val = fromTicks(await axisTicks(page, `${fig} svg.score-noise-tests`, "x"));
    const px = await page.locator(fig).evaluate((root) => {
      const strip = root.querySelector("svg.score-noise-tests")!;
      const band = strip.querySelector("g.band rect")!;
      const bx = Number(band.getAttribute("x"));
      const grid = root.querySelector("svg.score-noise-questions")!;
      const cells = [...grid.querySelectorAll("g.cells rect")];
      return {
        first: Number(
          /translate\(([-\d.]+),/.exec(strip.querySelector("g.first path")!.getAttribute("transform")!)![1],
        ),
        truth: Number(strip.querySelector("g.truth line")!.getAttribute("x1")),
        band: [bx, bx + Number(band.getAttribute("width"))],
        dots: strip.querySelectorAll("g.dots circle").length,
        questions: (grid.parentElement as HTMLElement).hidden ? -1 : cells.length,
        filled: cells.filter((c) => c.getAttribute("fill") !== "none").length,
      };
    });
    const drawn = { ...px, first: val(px.first), truth: val(px.truth), band: px.band.map(val) };
    expect(drawn.first).toBeCloseTo((100 * m.k[0]!) / v.n, 1);
    expect(drawn.truth).toBeCloseTo(100 * v.p, 1);
    expect(drawn.band[0]!).toBeCloseTo(100 * (v.p - m.halfWidth), 1);
    expect(drawn.band[1]!).toBeCloseTo(100 * (v.p + m.halfWidth), 1);
    expect(drawn.dots).toBe(m.k.length - 1);
    if (v.n <= 400) {
      expect(drawn.questions).toBe(v.n);
      expect(drawn.filled).toBe(m.k[0]);
    } else expect(drawn.questions).toBe(-1);
    // The live sentence below the figure restates its current numbers (the figure is a Framework input).
    await expect.poll(() => live("noise")).toBe(noiseSentence(v.p, v.n));
    await noteRender(fig);
  }
  const state = { p: 0.85, n: 164, seed: 1 };

  it("starts on HumanEval's N = 164 at 85%: ±5.5 pp, and the sentence below says so", async () => {
    await expectShown(state);
    expect(await live("noise")).toContain("±5.5 pp");
    // Question by question: one square per question of the first test.
    expect(
      await page.locator(`${fig} svg [aria-label^="One test"], ${fig} svg[aria-label^="One test"]`).count(),
    ).toBe(1);
  });

  it("N from the number box and the presets, p and the seed from their sliders", async () => {
    await page.fill(`${fig} input[data-key="n-number"]`, "14042");
    await page.press(`${fig} input[data-key="n-number"]`, "Enter");
    state.n = 14042;
    await expectShown(state);
    expect(await noticeText(fig)).toMatch(/agree to within ±0\.6 pp/);
    await page.locator(fig).getByRole("button", { name: "GSM8K: N = 1,319" }).click();
    state.n = 1319;
    await expectShown(state);
    await setRange(page, slider(fig, "p"), 0.6);
    state.p = 0.6;
    await expectShown(state);
    await setRange(page, slider(fig, "seed"), 9);
    state.seed = 9;
    await expectShown(state);
    await setRange(page, slider(fig, "n"), Math.log10(40));
    state.n = 40;
    await expectShown(state);
    expect(await noticeText(fig)).toContain("With only 40 questions");
  });
});

describe("figure 1 — five choices", () => {
  const fig = "#fig-l1-five-choices";
  const sizes = () => subjects.map((s) => s.n_test);
  // The default: the reference recipe with one choice changed (0-shot), as the text asks.
  const state: SimSetup & { seed: number } = {
    shots: 0,
    decoding: "greedy",
    temperature: 1,
    rule: "answerIs",
    aggregation: "micro",
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
    // The notice is computed from the state on screen, and so is the live sentence under the figure.
    expect(await noticeText(fig)).toBe(fiveChoicesNotice({ setup, ...d }));
    await expect.poll(() => live("recipe")).toBe(recipeSentence(d.final, d.reference));
    await noteRender(fig);
  }

  it("starts from the reference recipe with one choice changed: only the shot count moves", async () => {
    await expectShown();
    const shots = await readout(page, fig, "delta-shots");
    expect(shots).toBeLessThan(0);
    expect(await readout(page, fig, "moved")).toBeCloseTo(shots, 9);
    for (const key of ["decoding", "rule", "aggregation", "contamination"])
      expect(await readout(page, fig, `delta-${key}`)).toBe(0);
    expect(await noticeText(fig)).toMatch(/^Changing one choice, 0-shot prompting, moves the score −/);
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
    // 0-shot and sampled at 1.5: now sampling costs more than the shot count, and the notice says so.
    expect(Math.abs(previous)).toBeGreaterThan(Math.abs(await readout(page, fig, "delta-shots")));
    expect(await noticeText(fig)).toMatch(
      /^Of the 2 choices changed, sampling at temperature 1\.50 moves the score most/,
    );
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
    const d = deriveMicroMacro(state, subjects);
    expect(await readout(page, fig, "micro")).toBeCloseTo(100 * d.micro, 9);
    expect(await readout(page, fig, "macro")).toBeCloseTo(100 * d.macro, 9);
    expect(await readout(page, fig, "difference")).toBeCloseTo(100 * d.difference, 9);
    const chosen = d.points.find((p) => p.chosen)!;
    expect(await readout(page, fig, "chosen-micro-weight")).toBeCloseTo(100 * chosen.microWeight, 9);
    await noteRender(fig);
    return d;
  }

  it("base and tilt sliders: tilt decides which average is higher", async () => {
    await openDeeper(fig);
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

  it("the dots and the two average lines move in place, each at its value between the 0 and 100 ticks", async () => {
    await openDeeper(fig);
    const marks = `${fig} g.l1-subject-marks`;
    // Opened, the figure is redrawn at its real width once: mark the drawing after that.
    await page.waitForTimeout(100);
    await page.locator(marks).evaluate((g) => {
      (g as unknown as { kept: boolean }).kept = true;
    });
    for (const [base, tilt] of [
      [0.55, 0.08],
      [0.75, -0.1],
    ] as const) {
      await setRange(page, slider(fig, "base"), base);
      await setRange(page, slider(fig, "tilt"), tilt);
      Object.assign(state, { base, tilt });
      const d = deriveMicroMacro(state, subjects);
      const shown = await page.locator(marks).evaluate((g) => {
        const svg = g.closest("svg")!;
        const tick = (t: string) => {
          const text = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].find(
            (e) => e.textContent === t,
          )!;
          return Number(
            /translate\([-\d.]+,([-\d.]+)/.exec(text.getAttribute("transform") ?? "")?.[1] ?? NaN,
          );
        };
        const law = [...g.querySelectorAll("circle")].find((c) =>
          c.textContent!.startsWith("professional law:"),
        )!;
        const lines = [...g.querySelectorAll("line")].map((l) => Number(l.getAttribute("y1")));
        return {
          kept: (g as unknown as { kept?: boolean }).kept === true,
          zero: tick("0"),
          hundred: tick("100"),
          law: Number(law.getAttribute("cy")),
          lines,
        };
      });
      const at = (pct: number) => shown.zero + (pct / 100) * (shown.hundred - shown.zero);
      expect(shown.kept).toBe(true);
      const law = d.points.find((p) => p.subject === "professional_law")!;
      expect(shown.law).toBeCloseTo(at(100 * law.accuracy), 1);
      expect(shown.lines).toHaveLength(2);
      expect(shown.lines[0]).toBeCloseTo(at(100 * d.micro), 1);
      expect(shown.lines[1]).toBeCloseTo(at(100 * d.macro), 1);
    }
  });
});

describe("figure 4 — score vs rank", () => {
  const fig = "#fig-l1-score-vs-rank";
  async function expectShown(v: { a: number; b: number; n: number }) {
    const d = deriveScoreVsRank(v);
    expect(await readout(page, fig, "diff")).toBeCloseTo(100 * d.test.diff, 9);
    expect(await readout(page, fig, "diff-lower")).toBeCloseTo(100 * d.test.lower, 9);
    expect(await readout(page, fig, "z")).toBeCloseTo(d.test.z, 9);
    expect(await readout(page, fig, "p")).toBeCloseTo(d.test.pValue, 12);
    expect(await readout(page, fig, "verdict")).toBe(d.distinguishable ? 1 : 0);
    await noteRender(fig);
    return d;
  }

  it("the lesson's cases are one click away, with the verdicts the test gives", async () => {
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
    await openDeeper(fig);
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
    // Columns in the prose's order: HELM, original, harness.
    expect(await llama65.locator("td").allTextContents()).toEqual(["63.7", "63.6", "48.8", "14.9"]);
    expect(await llama65.locator('td[data-implementation="original"]').textContent()).toBe("63.6");
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

  it("error 2: prints each implementation's score and each evaluator's score beside its own label", async () => {
    const text = await mainPathText(page);
    expect(text).toContain("63.7 under HELM");
    expect(text).toContain("63.6 under the original MMLU code");
    expect(text).toContain("48.8 under the January 2023 EleutherAI harness");
    expect(text).not.toMatch(/48\.8 under the original/);
    expect(text).toContain("69.9 (Mistral AI's re-run)");
    expect(text).toContain("69.83 (the Open LLM Leaderboard v1)");
    expect(text).toContain("68.9 (Meta's own report)");
  });

  it("speaks in one voice: no 'the course' as another text, anywhere on the page", async () => {
    const all = (await page.locator("#observablehq-main").textContent()) ?? "";
    expect(all).not.toMatch(/the course/i);
    expect(all).not.toMatch(/course's/i);
    // Nor "fixed all five choices": the leaderboard's own MMLU implementation changed in mid-2023.
    expect(all).not.toMatch(/fixed all five/i);
    expect(await mainPathText(page)).toMatch(/in mid-2023 the leaderboard replaced the MMLU code/);
  });

  it("marks corrections and untraced figures, and teaches the traced evidence beside them", async () => {
    const corrections = page.locator('.caution[data-note="correction"]');
    expect(await corrections.count()).toBeGreaterThanOrEqual(2);
    expect(await corrections.allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/July 2023/),
        expect.stringMatching(/micro-average every question counts once/),
      ]),
    );
    const untraced = await page.locator('.note[data-note="untraced"]').allTextContents();
    expect(untraced.join(" ")).toMatch(/3\.2-point result could not be traced/);
    expect(untraced.join(" ")).toMatch(/~5 pp/);
    expect(untraced.join(" ")).toMatch(/±3 pp/);
    // The traced numbers sit on the main path, not only in a table.
    const text = await mainPathText(page);
    expect(text).toContain("14.9 points apart");
    expect(text).toMatch(/largest effect is Qwen1\.5-7B-Chat , from 26\.4 % to 30\.3 %/);
  });

  it("answers the opening question on the page", async () => {
    const text = await mainPathText(page);
    expect(text).toMatch(
      /89\.7% on MMLU” measured one run of one recipe: about 12,596 of 14,042 questions right/,
    );
    expect(text).toContain("±0.50 pp of sampling noise");
  });

  it("keeps the sections quizzes and labs link to, and the go-deeper disclosures", async () => {
    for (const id of [
      "five-choices-behind-every-score",
      "when-only-the-regex-changes",
      "score-versus-rank",
      "the-five-elements-at-a-glance",
    ])
      expect(await page.locator(`h2#${id}`).count(), id).toBe(1);
    expect(await page.locator("details.go-deeper").count()).toBeGreaterThanOrEqual(4);
    // Four core figures on the main path, in order; the rest behind disclosures.
    const core = await page.$$eval("[data-explorable]", (els) =>
      els.filter((e) => !e.closest("details")).map((e) => e.getAttribute("data-explorable")),
    );
    expect(core).toEqual(["l1-score-noise", "l1-five-choices", "l1-extraction-rules", "l1-score-vs-rank"]);
  });

  it("has a main path of at most 1,500 words", async () => {
    const words = await mainPathWords(page);
    console.log(`Lesson 1 main path: ${words} words`);
    expect(words).toBeGreaterThan(1000); // the inline sentences rendered
    expect(words).toBeLessThanOrEqual(1500);
  });
});
