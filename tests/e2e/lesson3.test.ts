import { readBenchmarks, readPublishedScores } from "../../src/data/tables.ts";
// Lesson 3's figures answer every input, and the numbers they show are the statistics core's
// (computed here, in Node, from the same data files) — not merely "something rendered".

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParseRows } from "d3-dsv";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalBenchmark } from "../../src/components/compare/benchmarkNames.ts";
import { evidenceFor, sameModelGroups } from "../../src/components/compare/evidence.ts";
import { pairedAnalysisAt, preparePairedData } from "../../src/components/compare/pairedRealDataset.ts";
import { compareCards } from "../../src/components/compare/protocol.ts";
import { findRowId } from "../../src/components/compare/publishedMenu.ts";
import { cardFromPublished, rowId } from "../../src/components/compare/scoreCard.ts";
import { decodeMatrix, encodeMatrix } from "../../src/components/data/mmluProMatrix.ts";
import { runLabel } from "../../src/components/figures/sameModelScores.ts";
import { classSummary, scalingPoints } from "../../src/components/figures/scalingConfound.ts";
import { gapAnalysis } from "../../src/components/stats/gap.ts";
import { dataDir } from "../../src/data/source.ts";
import { axisTicks, fromTicks, open, readout, setRange, useBrowser } from "./browser.ts";
import { mainPathText, mainPathWords } from "./mainPath.ts";

const rows = readPublishedScores();
const benchmarks = readBenchmarks();

function pairedData() {
  const csv = csvParseRows(readFileSync(join(dataDir, "mmlu_pro_correct_matrix.csv"), "utf8"));
  const names = csv[0]!.slice(2);
  const body = csv.slice(1).filter((r) => r.length > 1);
  const cols = names.map((_, m) =>
    Int8Array.from(body, (r) => (r[m + 2] === "1" ? 1 : r[m + 2] === "0" ? 0 : -1)),
  );
  return preparePairedData(decodeMatrix(encodeMatrix(names, cols)));
}

const browser = useBrowser();
let page: Page;
let problems: string[];

beforeAll(async () => {
  ({ page, problems } = await open(browser, "/lessons/3"));
  await page.locator("#fig-l3-checker").waitFor();
});

/** Open every "Go deeper" disclosure (its figures are built on load; opening lets them be driven). */
const openDeeper = (p: Page) =>
  p.evaluate(() => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>("details.go-deeper")) d.open = true;
  });

const attr = async (sel: string, name: string) => Number(await page.locator(sel).first().getAttribute(name));
const check = (scope: string, key: string, value: string) =>
  page.locator(`${scope} input[data-key="${key}"][value="${value}"]`).check({ force: true });
const typeNumber = async (scope: string, key: string, value: number) => {
  const box = page.locator(`${scope} input[data-key="${key}-number"]`);
  await box.fill(String(value));
  await box.press("Enter");
};

describe("the lesson as a newcomer reads it (issue 21)", () => {
  const reference = JSON.parse(
    readFileSync(join(import.meta.dirname, "../reference/r-reference.json"), "utf8"),
  ) as { intervals: { k: number; n: number; wilson: number[] }[] };

  it("error 1: the false GPT-4 chain-of-thought claim is gone; the lesson opens on the real pair with its settings", async () => {
    const main = page.locator("#observablehq-main");
    // The pair, each number with its settings, as GPT-4's Table 2 and Claude 2's model card give them.
    const opening = main.locator("p", { hasText: "In March 2023" });
    const text = ((await opening.textContent()) ?? "").replace(/\s+/g, " ");
    expect(text).toMatch(/GPT-4 86\.4% on MMLU, 5-shot, no chain of thought/);
    expect(text).toMatch(/Claude 2 78\.5% on MMLU, 5-shot with chain of thought/);
    expect(await main.locator('[data-setting="gpt4"]').textContent()).toBe("5-shot, no chain of thought");
    expect(await main.locator('[data-setting="claude2"]').textContent()).toBe("5-shot with chain of thought");
    // Read from the rows of published_scores.csv, not typed into the page.
    const row = (model: string) => rows.find((r) => r.model === model && r.benchmark === "MMLU")!;
    expect([row("GPT-4").score, row("GPT-4").cot, row("Claude 2").score, row("Claude 2").cot]).toEqual([
      86.4,
      "no",
      78.5,
      "yes",
    ]);
    // The correction note: marked, and what it corrects.
    const note = main.locator('.caution[data-note="correction"]');
    expect(await note.count()).toBe(1);
    expect(await note.getAttribute("label")).toBe("Corrected");
    const noteText = ((await note.textContent()) ?? "").replace(/\s+/g, " ");
    expect(noteText).toMatch(/Table 2 gives MMLU as 86\.4%, 5-shot, no chain of thought/);
    expect(noteText).toMatch(/chain-of-thought footnote belongs to GSM-8K/);
    // Nowhere but in the note does the page say the GPT-4 report mixed chain-of-thought and 5-shot MMLU.
    const rest = await main.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const n of copy.querySelectorAll('[data-note="correction"]')) n.remove();
      return copy.textContent ?? "";
    });
    expect(rest).not.toMatch(/chain-of-thought (prompting )?variant/i);
    expect(rest).not.toMatch(/some (of its )?(MMLU )?comparisons/i);
    expect(rest).not.toMatch(/footnotes (said|clarified) which was which/i);
  });

  it("error 7: Mistral's two scorings are set against the noise of a difference (±1.14 pp), not one score's ±0.81", async () => {
    const para = page.locator("#observablehq-main p", { hasText: "Mistral 7B scored" });
    const text = ((await para.textContent()) ?? "").replace(/\s+/g, " ");
    expect(text).toMatch(/60\.1 on MMLU in the Mistral 7B paper and 62\.5 in the Mixtral paper/);
    expect(text).toMatch(/sampling noise plays no part/);
    // Hand-worked: 1.95996·√(2·0.613·0.387/14042) = 1.139 pp; 2.4 / 1.139 = 2.1.
    expect(text).toMatch(/more than ±1\.14 pp apart/);
    expect(text).toMatch(/2\.1 times that far/);
    expect(text).not.toMatch(/±0\.81/);
  });

  it("one voice: the page never speaks of 'the course' as another text", async () => {
    const all = (await page.locator("#observablehq-main").textContent()) ?? "";
    expect(all).not.toMatch(/\bthe course\b|course's|as the course/i);
    expect(all).not.toMatch(/Course: /);
  });

  it("the main path is at most 1,500 words", async () => {
    const words = await mainPathWords(page);
    console.log(`lesson 3 main path: ${words} words`);
    expect(words).toBeLessThanOrEqual(1500);
    expect(words).toBeGreaterThan(900);
    // Every core figure is introduced by a prediction and something to try.
    const text = await mainPathText(page);
    expect(text.match(/Predict:/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it("four core figures on the main path; real paired data and the scaling chart behind closed 'Go deeper' disclosures", async () => {
    const inDetails = (id: string) =>
      page.locator(`#fig-${id}`).evaluate((el) => el.closest("details.go-deeper") !== null);
    for (const id of ["ci-width", "l3-gap", "l3-same-model", "l3-checker"])
      expect(await inDetails(id)).toBe(false);
    for (const id of ["l3-paired", "l3-scaling"]) expect(await inDetails(id)).toBe(true);
    const closed = await page
      .locator("details.go-deeper")
      .evaluateAll((ds) => ds.map((d) => (d as HTMLDetailsElement).open));
    expect(closed).toEqual([false, false]);
  });

  it("the sentence under the CI-width figure states its current N, accuracy and interval (R's Wilson values)", async () => {
    const live = page.locator('[data-live="ci-width"]');
    // Opens at GSM8K's N and 80%: 1,055 of 1,319; R's Wilson interval 77.74–82.06%.
    await expect.poll(() => live.textContent()).toContain("1,055 right out of 1,319 is 80.0%");
    expect(await live.textContent()).toContain("runs from 77.7% to 82.1% (Wilson score");
    await page.locator("#fig-ci-width").getByRole("button", { name: "HumanEval at 80%" }).click();
    const he = reference.intervals.find((c) => c.k === 131 && c.n === 164)!;
    const expected = `131 right out of 164 is 79.9%. Its 95% interval runs from ${(100 * he.wilson[0]!).toFixed(1)}% to ${(100 * he.wilson[1]!).toFixed(1)}%`;
    expect(expected).toContain("73.1% to 85.3%");
    await expect.poll(() => live.textContent()).toContain(expected);
    await page.locator("#fig-ci-width").getByRole("button", { name: "GSM8K at 80%" }).click();
    await expect.poll(() => live.textContent()).toContain("1,055 right out of 1,319");
  });

  it("dragging N moves only N's marks: the curve and the table stay, the dot sits at R's Wilson half-width", async () => {
    const fig = "#fig-ci-width";
    await page.locator(fig).getByRole("button", { name: "GSM8K at 80%" }).click();
    await page.evaluate((f) => {
      for (const e of document.querySelectorAll(`${f} svg:has(g.ci-width-n), ${f} table.course-table`))
        (e as unknown as { kept: boolean }).kept = true;
    }, fig);
    // N = 164 at the same accuracy (80%): HumanEval's preset moves N alone.
    await page.locator(fig).getByRole("button", { name: "HumanEval at 80%" }).click();
    const he = reference.intervals.find((c) => c.k === 131 && c.n === 164)!;
    const shown = await page.locator(`${fig} g.ci-width-n`).evaluate((g) => {
      const svg = g.closest("svg")!;
      const tick = (axis: "x" | "y", t: string) => {
        const text = [...svg.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`)].find(
          (e) => e.textContent === t,
        )!;
        const [x, y] = /translate\(([-\d.]+),([-\d.]+)/
          .exec(text.getAttribute("transform") ?? "")!
          .slice(1)
          .map(Number);
        return axis === "x" ? x! : y!;
      };
      const dot = g.querySelector("circle")!;
      return {
        x100: tick("x", "100"),
        x1k: tick("x", "1k"),
        y1: tick("y", "1"),
        y10: tick("y", "10"),
        cx: Number(dot.getAttribute("cx")),
        cy: Number(dot.getAttribute("cy")),
        kept: [...document.querySelectorAll("svg:has(g.ci-width-n), table.course-table")]
          .filter((e) => e.closest("#fig-ci-width"))
          .map((e) => (e as unknown as { kept?: boolean }).kept === true),
      };
    });
    expect(shown.kept.every(Boolean)).toBe(true);
    expect(shown.kept.length).toBe(2);
    // Log axes: N = 164 is log10(1.64) of the way from the 100 tick to the 1k tick.
    expect(shown.cx).toBeCloseTo(shown.x100 + Math.log10(1.64) * (shown.x1k - shown.x100), 0);
    const halfPp = (100 * (he.wilson[1]! - he.wilson[0]!)) / 2;
    expect(shown.cy).toBeCloseTo(shown.y1 + Math.log10(halfPp) * (shown.y10 - shown.y1), 0);
    await page.locator(fig).getByRole("button", { name: "GSM8K at 80%" }).click();
  });

  it("the sentence under the gap figure follows it (R prop.test for 85.8 vs 85.0 on MMLU)", async () => {
    const live = page.locator('[data-live="l3-gap"]');
    await expect
      .poll(() => live.textContent())
      .toContain("the difference is 0.80 pp and its 95% interval runs from −0.03 to 1.62 pp. Within noise.");
  });
});

describe("Is the gap real? (l3-gap)", () => {
  const fig = "#fig-l3-gap";
  const expectGap = async (input: Parameters<typeof gapAnalysis>[0]) => {
    const g = gapAnalysis(input);
    expect(await readout(page, fig, "diff")).toBeCloseTo(100 * g.diff, 2);
    expect(await attr(`${fig} [data-readout="interval"]`, "data-lower")).toBeCloseTo(100 * g.lower, 2);
    expect(await attr(`${fig} [data-readout="interval"]`, "data-upper")).toBeCloseTo(100 * g.upper, 2);
    expect(await readout(page, fig, "p-value")).toBeCloseTo(g.pValue, 9);
    expect(await readout(page, fig, "mdd")).toBeCloseTo(100 * g.mdd, 2);
    expect(await readout(page, fig, "se-ratio")).toBeCloseTo(g.ratio, 9);
    expect(await readout(page, fig, "separated")).toBe(g.separated ? 1 : 0);
    return g;
  };

  it("starts at 85.8 vs 85.0 on MMLU: within noise, SE ratio √2", async () => {
    const g = await expectGap({ a: 0.858, b: 0.85, n: 14042, design: "independent" });
    expect(g.separated).toBe(false);
    expect(await readout(page, fig, "se-ratio")).toBeCloseTo(Math.SQRT2, 2);
  });

  it("every preset shows what gapAnalysis computes", async () => {
    const presets: [RegExp, Parameters<typeof gapAnalysis>[0]][] = [
      [/^MMLU: 91\.2 vs 89\.4$/, { a: 0.912, b: 0.894, n: 14042, design: "independent" }],
      [/^GSM8K: a 3-point gap$/, { a: 0.8, b: 0.77, n: 1319, design: "independent" }],
      [/same gap, paired/, { a: 0.8, b: 0.77, n: 1319, design: "correlation", correlation: 0.5 }],
      [/^HumanEval: 80 vs 70$/, { a: 0.8, b: 0.7, n: 164, design: "independent" }],
      [/paired, 20% disagree/, { a: 0.8, b: 0.7, n: 164, design: "discordant", disagree: 0.2 }],
    ];
    for (const [name, input] of presets) {
      await page.locator(fig).getByRole("button", { name }).click();
      await expectGap(input);
    }
    // The GSM8K 3-point gap: not separated independently, separated when paired at r = 0.5.
    expect(gapAnalysis(presets[1]![1]).separated).toBe(false);
    expect(gapAnalysis(presets[2]![1]).separated).toBe(true);
  });

  it("sliders, number boxes and the design switch all move the numbers", async () => {
    await typeNumber(fig, "a", 72.4);
    await typeNumber(fig, "b", 70.1);
    await typeNumber(fig, "n", 2000);
    await check(fig, "design", "independent");
    await expectGap({ a: 0.724, b: 0.701, n: 2000, design: "independent" });
    await setRange(page, `${fig} input[type=range][data-key="a"]`, 75);
    await setRange(page, `${fig} input[type=range][data-key="n"]`, 3); // log10 → 1,000
    await expectGap({ a: 0.75, b: 0.701, n: 1000, design: "independent" });
    await setRange(page, `${fig} input[type=range][data-key="b"]`, 73.5);
    await check(fig, "design", "correlation");
    await setRange(page, `${fig} input[type=range][data-key="correlation"]`, 0.8);
    const paired = await expectGap({ a: 0.75, b: 0.735, n: 1000, design: "correlation", correlation: 0.8 });
    expect(await readout(page, fig, "only-a")).toBe(paired.counts!.onlyA);
    expect(await readout(page, fig, "only-b")).toBe(paired.counts!.onlyB);
    await check(fig, "design", "discordant");
    await setRange(page, `${fig} input[type=range][data-key="disagree"]`, 12.5);
    await expectGap({ a: 0.75, b: 0.735, n: 1000, design: "discordant", disagree: 0.125 });
  });

  it("an impossible pairing is moved to the nearest possible one, and says so", async () => {
    await setRange(page, `${fig} input[type=range][data-key="disagree"]`, 0);
    await expect
      .poll(() => page.locator(`${fig} .l3-adjusted`).textContent())
      .toMatch(/must disagree on at least 15 questions/);
  });

  it("both scores at 100% or at 0%: the SE ratio says why there is none, never 'NaN×' (issue 20, item 13)", async () => {
    await check(fig, "design", "independent");
    await typeNumber(fig, "n", 29);
    await typeNumber(fig, "a", 100);
    await typeNumber(fig, "b", 100);
    const ratio = page.locator(`${fig} [data-readout="se-ratio"]`);
    // R: binom.test(29, 29)$conf.int lower 0.8806.
    await expect
      .poll(() => ratio.textContent())
      .toMatch(/^none: both scores are 100%.*29 of 29 still reaches down to 88\.1%/);
    await typeNumber(fig, "a", 0);
    await typeNumber(fig, "b", 0);
    await expect.poll(() => ratio.textContent()).toMatch(/^none: both scores are 0%/);
    expect(await page.locator(fig).textContent()).not.toContain("NaN");
    await typeNumber(fig, "n", 14042);
    await typeNumber(fig, "a", 85.8);
    await typeNumber(fig, "b", 85);
  });

  it("the keyboard moves a slider", async () => {
    const slider = page.locator(`${fig} input[type=range][data-key="a"]`);
    await slider.focus();
    const before = await readout(page, fig, "diff");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await readout(page, fig, "diff")).toBeCloseTo(before + 0.2, 1);
  });
});

describe("Real paired data (l3-paired)", () => {
  const fig = "#fig-l3-paired";
  const data = pairedData();
  beforeAll(async () => {
    await openDeeper(page);
  });
  const expectPair = async (a: string, b: string, m: number) => {
    const r = pairedAnalysisAt(data, a, b, m);
    expect(await attr(`${fig} [data-readout="a-score"]`, "data-k")).toBe(r.a.k);
    expect(await attr(`${fig} [data-readout="a-score"]`, "data-n")).toBe(r.a.n);
    expect(await attr(`${fig} [data-readout="b-score"]`, "data-k")).toBe(r.b.k);
    expect(await attr(`${fig} [data-readout="paired"]`, "data-lower")).toBeCloseTo(100 * r.paired.lower, 2);
    expect(await attr(`${fig} [data-readout="paired"]`, "data-upper")).toBeCloseTo(100 * r.paired.upper, 2);
    expect(await attr(`${fig} [data-readout="paired"]`, "data-p")).toBeCloseTo(r.paired.pValue, 9);
    expect(await attr(`${fig} [data-readout="independent"]`, "data-p")).toBeCloseTo(r.independent.pValue, 9);
    expect(await readout(page, fig, "correlation")).toBeCloseTo(r.paired.correlation, 9);
    expect(await readout(page, fig, "only-a")).toBe(r.counts.onlyA);
    expect(await readout(page, fig, "only-b")).toBe(r.counts.onlyB);
    expect(await readout(page, fig, "overlap")).toBe(r.overlap ? 1 : 0);
    return r;
  };

  it("starts on Mistral 7B v0.1 vs Instruct v0.2: intervals overlap, only the paired test separates", async () => {
    const r = await expectPair("Mistral-7B-v0.1", "Mistral-7B-Instruct-v0.2", 12032);
    expect(r.overlap).toBe(true);
    expect(r.independent.pValue).toBeGreaterThan(0.05);
    expect(r.paired.pValue).toBeLessThan(0.05);
    expect(await readout(page, fig, "independent-separates")).toBe(0);
    expect(await readout(page, fig, "paired-separates")).toBe(1);
  });

  it("the default pair's counts are the CSV's, counted here row by row", async () => {
    const csv = csvParseRows(readFileSync(join(dataDir, "mmlu_pro_correct_matrix.csv"), "utf8"));
    const ia = csv[0]!.indexOf("Mistral-7B-v0.1");
    const ib = csv[0]!.indexOf("Mistral-7B-Instruct-v0.2");
    let onlyA = 0;
    let onlyB = 0;
    let kA = 0;
    let n = 0;
    for (const r of csv.slice(1)) {
      const x = r[ia];
      const y = r[ib];
      if ((x !== "0" && x !== "1") || (y !== "0" && y !== "1")) continue;
      n++;
      if (x === "1") kA++;
      if (x === "1" && y === "0") onlyA++;
      if (x === "0" && y === "1") onlyB++;
    }
    expect(n).toBe(12032);
    expect(await readout(page, fig, "only-a")).toBe(onlyA);
    expect(await readout(page, fig, "only-b")).toBe(onlyB);
    expect(await attr(`${fig} [data-readout="a-score"]`, "data-k")).toBe(kA);
  });

  it("both model menus and the subsample slider and box work", async () => {
    await page.selectOption(`${fig} select[data-key="a"]`, "Yi-6B");
    await page.selectOption(`${fig} select[data-key="b"]`, "Llama-2-13b-hf");
    await expectPair("Yi-6B", "Llama-2-13b-hf", 12032);
    await setRange(page, `${fig} input[type=range][data-key="n"]`, 3);
    await expectPair("Yi-6B", "Llama-2-13b-hf", 1000);
    await typeNumber(fig, "n", 250);
    await expectPair("Yi-6B", "Llama-2-13b-hf", 250);
  });

  it("an incomplete model uses only the questions both have", async () => {
    await page.selectOption(`${fig} select[data-key="a"]`, "DeepSeek-Coder-V2");
    await typeNumber(fig, "n", 12032);
    const r = await expectPair("DeepSeek-Coder-V2", "Llama-2-13b-hf", 12032);
    expect(r.a.n).toBe(10351);
  });

  it("presets set both models and n", async () => {
    await page.locator(fig).getByRole("button", { name: "Llama 2 70B vs 7B at n = 100" }).click();
    await expectPair("Llama-2-70b-hf", "Llama-2-7b-hf", 100);
    await page.locator(fig).getByRole("button", { name: "Phi-3-mini vs Mixtral-8x7B" }).click();
    const r = await expectPair("Phi-3-mini-4k-instruct", "Mixtral-8x7B-v0.1", 12032);
    expect(r.overlap).toBe(true);
  });

  it("redraws within a frame when the subsample moves", async () => {
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      await setRange(page, `${fig} input[type=range][data-key="n"]`, 1.5 + (2.5 * i) / 14);
      times.push(await attr(fig, "data-render-ms"));
    }
    times.sort((x, y) => x - y);
    console.log(`l3-paired render ms: median ${times[7]}, max ${times[14]}`);
    expect(times[7]).toBeLessThan(50);
  });
});

describe("Real paired data: the two strips stand where the numbers say, and are kept", () => {
  const fig = "#fig-l3-paired";
  const data = pairedData();
  beforeAll(async () => {
    await openDeeper(page);
  });
  /**
   * In the strip named `aria`, each row's dot and bar ends as data values, read back through the
   * axis's own tick labels (two ticks and their x give the scale), and the row labels.
   */
  const strip = (aria: string) =>
    page.locator(`${fig} svg[aria-label="${aria}"]`).evaluate((svg) => {
      const centre = (e: Element) => {
        const r = e.getBoundingClientRect();
        return r.left + r.width / 2;
      };
      const ticks = [...svg.querySelectorAll("text")]
        .filter((t) => /^[−-]?\d+(\.\d+)?$/.test(t.textContent ?? ""))
        .map((t) => ({ v: Number((t.textContent ?? "").replace("−", "-")), x: centre(t) }));
      const [t0, t1] = [ticks[0]!, ticks[ticks.length - 1]!];
      const value = (px: number) => t0.v + ((px - t0.x) * (t1.v - t0.v)) / (t1.x - t0.x);
      const box = svg.getBoundingClientRect();
      const scale = box.width / Number(svg.getAttribute("width"));
      const dots = [...svg.querySelectorAll("g.is-dots path")].map((d) => value(centre(d)));
      const bars = [...svg.querySelectorAll("g.is-bars line")].map((l) => {
        const [x1, x2] = [Number(l.getAttribute("x1")), Number(l.getAttribute("x2"))];
        return [value(box.left + x1 * scale), value(box.left + x2 * scale)];
      });
      const names = [...svg.querySelectorAll("g.is-y-names text")].map((t) => t.textContent);
      return { dots, bars, names };
    });
  it("a new pair moves the same drawing's marks to the pair's accuracies and intervals", async () => {
    await page.selectOption(`${fig} select[data-key="a"]`, "Mistral-7B-v0.1");
    await page.selectOption(`${fig} select[data-key="b"]`, "Mistral-7B-Instruct-v0.2");
    await typeNumber(fig, "n", 12032);
    const before = await page.locator(`${fig} svg[aria-label^="Each model's accuracy"]`).elementHandle();
    for (const [a, b, n] of [
      ["Yi-6B", "Llama-2-13b-hf", 12032],
      ["Llama-2-70b-hf", "Llama-2-7b-hf", 300],
    ] as const) {
      await page.selectOption(`${fig} select[data-key="a"]`, a);
      await page.selectOption(`${fig} select[data-key="b"]`, b);
      await typeNumber(fig, "n", n);
      const r = pairedAnalysisAt(data, a, b, n);
      const scores = await strip("Each model's accuracy with its 95% interval");
      expect(scores.names).toEqual([`A: ${a}`, `B: ${b}`]);
      // Read off the axis to a tenth of a point (1 px is under 0.1 pp on these axes at 1280 px).
      expect(Math.abs(scores.dots[0]! - (100 * r.a.k) / r.a.n)).toBeLessThan(0.15);
      expect(Math.abs(scores.dots[1]! - (100 * r.b.k) / r.b.n)).toBeLessThan(0.15);
      expect(Math.abs(scores.bars[0]![0]! - 100 * r.a.interval.lower)).toBeLessThan(0.15);
      expect(Math.abs(scores.bars[1]![1]! - 100 * r.b.interval.upper)).toBeLessThan(0.15);
      const diffs = await strip("The difference with an independent and a paired interval");
      expect(diffs.names).toEqual(["Independent", "Paired"]);
      const tol = 0.01 * Math.max(1, 100 * (r.independent.upper - r.independent.lower));
      expect(Math.abs(diffs.dots[1]! - 100 * r.paired.diff)).toBeLessThan(tol);
      expect(Math.abs(diffs.bars[0]![0]! - 100 * r.independent.lower)).toBeLessThan(tol);
      expect(Math.abs(diffs.bars[1]![1]! - 100 * r.paired.upper)).toBeLessThan(tol);
    }
    // The same <svg> node throughout: moved in place, not rebuilt.
    const after = await page.locator(`${fig} svg[aria-label^="Each model's accuracy"]`).elementHandle();
    expect(await page.evaluate(([x, y]) => x === y, [before, after])).toBe(true);
  });
});

describe("Real paired data: the panel of the difference over n", () => {
  // What the reader sees: the chosen n written above the panel, and its marker at n on the log
  // axis (between the tick labels "100", "1k" and "10k"), whether n was dragged to or linked to.
  const fig = "#fig-l3-paired";
  beforeAll(async () => {
    await openDeeper(page);
  });
  const panel = `${fig} svg[aria-label*="as more questions are used"]`;
  /** The marker's label, and its x against the x positions of the tick labels 100 and 1k. */
  const marker = (p: Page) =>
    p.locator(panel).evaluate((svg) => {
      const centre = (e: Element) => {
        const r = e.getBoundingClientRect();
        return r.left + r.width / 2;
      };
      const texts = [...svg.querySelectorAll("text")];
      const tick = (t: string) => texts.find((e) => e.textContent === t)!;
      const label = texts.find((e) => /^n = /.test(e.textContent ?? ""))!;
      const rule = [...svg.querySelectorAll("line")].find((l) => l.closest('[stroke="#D55E00"]'))!;
      return {
        label: label.textContent,
        anchor:
          label.closest("[text-anchor]")?.getAttribute("text-anchor") ?? label.getAttribute("text-anchor"),
        rule: centre(rule),
        x100: centre(tick("100")),
        x1k: centre(tick("1k")),
      };
    });
  it("after dragging n, the label says n and the marker sits at n on the log axis; a link to that n shows the same", async () => {
    for (const n of [500, 5000]) {
      await page.selectOption(`${fig} select[data-key="a"]`, "Yi-6B");
      await page.selectOption(`${fig} select[data-key="b"]`, "Llama-2-13b-hf");
      await typeNumber(fig, "n", 12032);
      await typeNumber(fig, "n", n);
      const moved = await marker(page);
      expect(moved.label).toBe(`n = ${n.toLocaleString("en-US")}`);
      expect(moved.anchor).toBe(n > 2000 ? "end" : "start");
      // On a log axis, n sits log10(n / 100) decades right of the "100" tick.
      const expected = moved.x100 + (moved.x1k - moved.x100) * Math.log10(n / 100);
      expect(Math.abs(moved.rule - expected)).toBeLessThan(1.5);
      // The link to the disclosure's heading opens it on load (as the compare tool's link does).
      const fresh = await open(
        browser,
        `/lessons/3?l3-paired.a=Yi-6B&l3-paired.b=Llama-2-13b-hf&l3-paired.n=${n}#real-paired-data`,
      );
      await fresh.page.locator(panel).waitFor();
      expect(
        await fresh.page
          .locator(`details.go-deeper:has(${fig})`)
          .evaluate((d) => (d as HTMLDetailsElement).open),
      ).toBe(true);
      const linked = await marker(fresh.page);
      expect(linked.label).toBe(moved.label);
      expect(Math.abs(linked.rule - linked.x100 - (moved.rule - moved.x100))).toBeLessThan(1.5);
      expect(fresh.problems).toEqual([]);
      await fresh.context.close();
    }
  }, 120_000);
});

describe("One model, several numbers (l3-same-model)", () => {
  const fig = "#fig-l3-same-model";
  const groups = sameModelGroups(rows);
  it("shows Llama 2 70B's four MMLU numbers and their spread", async () => {
    const scores = await page
      .locator(`${fig} [data-readout="score"]`)
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-value"))));
    expect(scores).toEqual([68.9, 69.7, 69.83, 69.9]);
    expect(await readout(page, fig, "spread")).toBeCloseTo(1.0, 9);
    // The yardstick is a difference between two models at the numbers' mid accuracy (69.4%),
    // hand-worked: 1.95996·√(2·0.694·0.306/14042) = 1.078 pp; the spread is 0.93 of it.
    expect(await readout(page, fig, "diff-half-width")).toBeCloseTo(1.0779, 3);
    expect(await readout(page, fig, "ratio")).toBeCloseTo(0.9277, 3);
    expect(await page.locator(`${fig} .explorable-notice`).textContent()).toMatch(
      /not sampling noise: it is the method/,
    );
    // The drawing agrees, read back through its own x axis: a mark at each published number (in
    // the table's order), the dashed rule at the lowest, and the band ±1.0779 pp around it.
    const val = fromTicks(await axisTicks(page, `${fig} svg.same-model g.x`, "x"));
    const px = await page.locator(`${fig} svg.same-model`).evaluate((svg) => {
      const band = svg.querySelector("g.band rect")!;
      const bx = Number(band.getAttribute("x"));
      return {
        dots: [...svg.querySelectorAll("g.dots path")].map((d) =>
          Number(/translate\(([-\d.]+),/.exec(d.getAttribute("transform")!)![1]),
        ),
        low: Number(svg.querySelector("g.low line")!.getAttribute("x1")),
        band: [bx, bx + Number(band.getAttribute("width"))],
        names: [...svg.querySelectorAll("g.names text")].map((t) => t.textContent),
      };
    });
    const drawn = { ...px, dots: px.dots.map(val), low: val(px.low), band: px.band.map(val) };
    drawn.dots.forEach((x, i) => {
      expect(x).toBeCloseTo([68.9, 69.7, 69.83, 69.9][i]!, 1);
    });
    expect(drawn.low).toBeCloseTo(68.9, 1);
    expect(drawn.band[0]!).toBeCloseTo(68.9 - 1.0779, 1);
    expect(drawn.band[1]!).toBeCloseTo(68.9 + 1.0779, 1);
    expect(drawn.names).toHaveLength(4);
    expect(drawn.names[0]).toMatch(/^1\. Meta/);
  });
  it("the menu and the presets switch groups", async () => {
    await page.locator(fig).getByRole("button", { name: "Mistral 7B on MMLU" }).click();
    const g = groups.find((x) => x.model === "Mistral 7B" && x.benchmark === "MMLU")!;
    expect(await readout(page, fig, "spread")).toBeCloseTo(g.spread, 9);
    const other = groups.find((x) => x.benchmark === "ARC-Challenge")!;
    await page.selectOption(`${fig} select[data-key="group"]`, `${other.model}|${other.benchmark}`);
    expect(await readout(page, fig, "spread")).toBeCloseTo(other.spread, 9);
    await expect.poll(() => page.locator(fig).textContent()).toContain(runLabel(other.rows[0]!).slice(0, 18));
  });
});

describe("Scaling confound (l3-scaling)", () => {
  const fig = "#fig-l3-scaling";
  it("the other benchmarks' drawings are made while the page is idle, so a first pick shows one made ahead", async () => {
    const drawing = page.locator(`${fig} .explorable-figure > div`).first();
    expect(await drawing.getAttribute("data-made-ahead")).toBeNull();
    await expect
      .poll(
        async () => {
          await page.selectOption(`${fig} select[data-key="benchmark"]`, "GSM8K");
          const ahead = await drawing.getAttribute("data-made-ahead");
          await page.selectOption(`${fig} select[data-key="benchmark"]`, "MMLU");
          return ahead;
        },
        { timeout: 5000 },
      )
      .toBe("");
    // And it is the right drawing: GSM8K's axis and every GSM8K point.
    await page.selectOption(`${fig} select[data-key="benchmark"]`, "GSM8K");
    expect(await page.locator(`${fig} .explorable-figure`).textContent()).toContain("GSM8K score (%)");
    expect(await page.locator(`${fig} svg [aria-label="dot"] > *`).count()).toBe(
      scalingPoints(rows, "GSM8K").length,
    );
    await page.selectOption(`${fig} select[data-key="benchmark"]`, "MMLU");
  });
  const counts = async () =>
    page
      .locator(`${fig} [data-readout="class-count"]`)
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-value"))));
  it("plots every published MMLU score with a parameter count, by size class", async () => {
    const pts = scalingPoints(rows, "MMLU");
    expect(await readout(page, fig, "points")).toBe(pts.length);
    expect(await counts()).toEqual(classSummary(pts).map((c) => c.count));
    // The tooltips' content is also a table, for keyboard and screen-reader users; its rows are
    // written when the list is first opened.
    expect(await page.locator(`${fig} details.l3-points tbody tr`).count()).toBe(0);
    await page.locator(`${fig} details.l3-points summary`).click();
    expect(await page.locator(`${fig} details.l3-points tbody tr`).count()).toBe(pts.length);
    const first = [...pts].sort((x, y) => x.params - y.params || y.score - x.score)[0]!;
    expect(await page.locator(`${fig} details.l3-points tbody tr`).first().textContent()).toContain(
      first.model,
    );
    expect(
      await page.locator(`${fig} svg [aria-label="dot"] path, ${fig} svg [aria-label="dot"] circle`).count(),
    ).toBe(pts.length);
  });
  it("the list of every point fills however it is opened: keyboard, or script / find in page", async () => {
    await page.selectOption(`${fig} select[data-key="benchmark"]`, "HumanEval");
    const rowsNow = page.locator(`${fig} details.l3-points tbody tr`);
    expect(await rowsNow.count()).toBe(0);
    await page.locator(`${fig} details.l3-points summary`).focus();
    await page.keyboard.press("Enter");
    expect(await rowsNow.count()).toBe(scalingPoints(rows, "HumanEval").length);
    await page.selectOption(`${fig} select[data-key="benchmark"]`, "MMLU");
    await page.locator(`${fig} details.l3-points`).evaluate((d) => {
      (d as HTMLDetailsElement).open = true;
    });
    await expect.poll(() => rowsNow.count()).toBe(scalingPoints(rows, "MMLU").length);
  });
  it("benchmark, source and framing inputs work; hovering shows a point's source", async () => {
    await page.selectOption(`${fig} select[data-key="benchmark"]`, "GSM8K");
    expect(await readout(page, fig, "points")).toBe(scalingPoints(rows, "GSM8K").length);
    await check(fig, "source", "leaderboard");
    expect(await readout(page, fig, "points")).toBe(scalingPoints(rows, "GSM8K", "leaderboard").length);
    await check(fig, "framing", "per-param");
    await expect
      .poll(() => page.locator(`${fig} .explorable-figure`).textContent())
      .toContain("points per billion parameters");
    const dot = page.locator(`${fig} svg [aria-label="dot"] > *`).first();
    await dot.hover({ force: true });
    await expect
      .poll(() => page.locator(`${fig} svg [aria-label="tip"]`).textContent(), { timeout: 3000 })
      .toMatch(/Source/);
  });
});

describe("Comparability checker (l3-checker)", () => {
  const fig = "#fig-l3-checker";
  const byId = new Map(rows.map((r) => [rowId(r), r]));
  const expectVerdict = async (a: string, b: string) => {
    const ra = byId.get(a)!;
    const rb = byId.get(b)!;
    const cmp = compareCards(
      cardFromPublished(ra, benchmarks),
      cardFromPublished(rb, benchmarks),
      evidenceFor(rows, ra, rb, benchmarks),
    );
    expect(await page.locator(`${fig} [data-readout="verdict"]`).getAttribute("data-verdict")).toBe(
      cmp.verdict,
    );
    const statuses = await page
      .locator(`${fig} [data-check]`)
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
    expect(statuses).toEqual([...cmp.requirements, ...cmp.steps].map((c) => c.status));
    if (cmp.stats) {
      expect(await readout(page, fig, "p-value")).toBeCloseTo(cmp.stats.pValue, 9);
      expect(await readout(page, fig, "diff")).toBeCloseTo(cmp.stats.diff, 9);
      expect(await readout(page, fig, "mdd")).toBeCloseTo(cmp.stats.mdd, 9);
    }
    return cmp;
  };
  const id = (model: string, benchmark: string, score: number) => findRowId(rows, model, benchmark, score)!;

  it("opens on Llama 2 70B: Meta's 68.9 vs the Leaderboard's 69.83 — indicative only, the gap is the method", async () => {
    const cmp = await expectVerdict(
      id("Llama 2 70B", "MMLU", 68.9),
      id("meta-llama/Llama-2-70b-hf", "MMLU", 69.83),
    );
    expect(cmp.verdict).toBe("indicative");
    // One model on the same questions: the noise step names the gap as the method's (error 7).
    expect(cmp.steps[2]!.status).toBe("unknown");
    expect(await page.locator(`${fig} [data-check="noise"]`).textContent()).toMatch(
      /no sampling noise separates them/,
    );
  });

  it("presets give each verdict", async () => {
    const cases: [string, [string, string, number], [string, string, number], string][] = [
      ["Mistral 7B: 60.1 vs 62.5", ["Mistral 7B", "MMLU", 60.1], ["Mistral 7B", "MMLU", 62.5], "indicative"],
      [
        "One harness: Llama 2 70B vs 13B",
        ["meta-llama/Llama-2-70b-hf", "MMLU", 69.83],
        ["meta-llama/Llama-2-13b-hf", "MMLU", 55.77],
        "comparable",
      ],
      [
        "GPT-4o (0-shot CoT) vs Claude 3 Opus (5-shot)",
        ["gpt-4o-2024-05-13", "MMLU", 88.7],
        ["Claude-3-Opus", "MMLU", 86.8],
        "not-comparable",
      ],
      [
        "One harness: Mixtral vs Llama 2 70B",
        ["mistralai/Mixtral-8x7B-v0.1", "MMLU", 71.88],
        ["meta-llama/Llama-2-70b-hf", "MMLU", 69.83],
        "",
      ],
    ];
    for (const [name, a, b, verdict] of cases) {
      await page.locator(fig).getByRole("button", { name }).click();
      const cmp = await expectVerdict(id(...a), id(...b));
      if (verdict) expect(cmp.verdict).toBe(verdict);
    }
  });

  it("both menus pick any published score", async () => {
    const a = id("GPT-4", "MMLU", 86.4);
    const b = id("Llama 2 70B", "MMLU", 68.9);
    await page.selectOption(`${fig} select[data-key="a"]`, a);
    await page.selectOption(`${fig} select[data-key="b"]`, b);
    await expectVerdict(a, b);
    const gsm = rows.find((r) => canonicalBenchmark(r.benchmark) === "GSM8K")!;
    const c = rowId(gsm);
    await page.selectOption(`${fig} select[data-key="b"]`, c);
    const cmp = await expectVerdict(a, c);
    expect(cmp.verdict).toBe("not-comparable");
    expect(cmp.stats).toBeNull();
  });
});

describe("the page", () => {
  it("restores figures from the URL and ignores junk in it", async () => {
    const {
      page: p,
      problems: probs,
      context,
    } = await open(browser, "/lessons/3?l3-gap.a=91.2&l3-gap.b=89.4&l3-gap.n=abc&l3-paired.a=NoSuchModel");
    await p.locator("#fig-l3-paired").waitFor({ state: "attached" });
    const g = gapAnalysis({ a: 0.912, b: 0.894, n: 14042, design: "independent" });
    expect(
      Number(await p.locator('#fig-l3-gap [data-readout="p-value"]').getAttribute("data-value")),
    ).toBeCloseTo(g.pValue, 9);
    expect(await p.locator('#fig-l3-paired select[data-key="a"]').inputValue()).toBe("Mistral-7B-v0.1");
    expect(probs).toEqual([]);
    await context.close();
  });

  it("present mode shows a figure behind a closed 'Go deeper' disclosure: it opens the disclosure", async () => {
    const {
      page: p,
      problems: probs,
      context,
    } = await open(browser, "/lessons/3", {
      viewport: { width: 1920, height: 1080 },
    });
    await p.locator("#fig-l3-checker").waitFor({ state: "attached" });
    await p.keyboard.press("p");
    await p.keyboard.press("Home");
    while ((await p.locator(".is-presented").getAttribute("id")) !== "fig-l3-paired")
      await p.keyboard.press("ArrowRight");
    const shown = await p.locator("#fig-l3-paired").evaluate((el) => ({
      open: (el.closest("details") as HTMLDetailsElement).open,
      height: el.getBoundingClientRect().height,
    }));
    expect(shown.open).toBe(true);
    expect(shown.height).toBeGreaterThan(800);
    expect(probs).toEqual([]);
    await context.close();
  });

  it("had no console errors or failed requests", () => {
    expect(problems).toEqual([]);
  });
});

describe("from the checker to the tool", () => {
  it("the checker links the current pair to the compare tool", async () => {
    const fig = "#fig-l3-checker";
    await page.locator(fig).getByRole("button", { name: "Mistral 7B: 60.1 vs 62.5" }).click();
    const href = await page.locator(`${fig} [data-action="open-in-tool"]`).getAttribute("href");
    expect(href).toBe(
      `../tools/compare?a.row=${findRowId(rows, "Mistral 7B", "MMLU", 60.1)}&b.row=${findRowId(rows, "Mistral 7B", "MMLU", 62.5)}`,
    );
  });
});
