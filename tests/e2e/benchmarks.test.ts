// The benchmark reference page: the table matches the statistics core at the reader's accuracy,
// sorts from the column headings (mouse and keyboard), keeps its state in the URL, and links sources.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { halfWidth } from "../../src/components/stats/intervals.ts";
import { minimumDetectableDifference } from "../../src/components/stats/power.ts";
import { open, setRange, useBrowser } from "./browser.ts";

const fig = "#fig-benchmarks";
const browser = useBrowser();
let page: Page;
let problems: string[];

beforeAll(async () => {
  ({ page, problems } = await open(browser, "/tools/benchmarks"));
  await page.locator(fig).waitFor();
});

const cell = (name: string, split: string, readout: string) =>
  page.locator(`${fig} tr[data-benchmark="${name}"][data-split="${split}"] [data-readout="${readout}"]`);
const num = async (name: string, split: string, readout: string) =>
  Number(await cell(name, split, readout).getAttribute("data-value"));
const column = (readout: string) =>
  page
    .locator(`${fig} tbody [data-readout="${readout}"]`)
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-value"))));

describe("benchmark reference", () => {
  it("lists the evaluation splits with N, and the course's half-widths at 80%", async () => {
    expect(await page.locator(`${fig} tbody tr`).count()).toBe(26);
    expect(await num("HumanEval", "test", "n")).toBe(164);
    expect(await num("GSM8K", "test", "n")).toBe(1319);
    const printed: [string, string, number][] = [
      ["MMLU", "test", 0.66],
      ["GSM8K", "test", 2.15],
      ["HumanEval", "test", 6.1],
      ["HellaSwag", "validation", 0.78],
      ["ARC-Challenge", "test", 2.3],
    ];
    for (const [name, split, pp] of printed)
      expect(Math.abs((await num(name, split, "half-width")) - pp)).toBeLessThan(0.06);
  });

  it("moves with the accuracy, confidence and correlation the reader picks", async () => {
    await setRange(page, `${fig} input[type=range][data-key="p"]`, 0.6);
    expect(await num("GSM8K", "test", "half-width")).toBeCloseTo(100 * halfWidth(0.6, 1319), 9);
    expect(await num("GSM8K", "test", "mdd-independent")).toBeCloseTo(
      100 * minimumDetectableDifference(0.6, 1319),
      9,
    );
    await setRange(page, `${fig} input[type=range][data-key="correlation"]`, 0.7);
    expect(await num("GSM8K", "test", "mdd-paired")).toBeCloseTo(
      100 * minimumDetectableDifference(0.6, 1319, { paired: true, correlation: 0.7 }),
      9,
    );
    await page.locator(`${fig} label.segment`, { hasText: "99%" }).click();
    expect(await num("MATH-500", "test", "half-width")).toBeCloseTo(100 * halfWidth(0.6, 500, 0.99), 9);
    expect(await num("MATH-500", "test", "mdd-independent")).toBeCloseTo(
      100 * minimumDetectableDifference(0.6, 500, { alpha: 0.01 }),
      9,
    );
    await page.waitForTimeout(400);
    expect(page.url()).toMatch(/benchmarks\.p=0\.6/);
    expect(page.url()).toMatch(/benchmarks\.confidence=0\.99/);
  });

  it("sorts by clicking a heading, and again to reverse; aria-sort follows", async () => {
    await page.click(`${fig} button[data-sort="halfWidth"]`);
    let hw = await column("half-width");
    expect(hw).toEqual([...hw].sort((a, b) => b - a));
    expect(await page.locator(`${fig} th[aria-sort]`).getAttribute("aria-sort")).toBe("descending");
    await page.click(`${fig} button[data-sort="halfWidth"]`);
    hw = await column("half-width");
    expect(hw).toEqual([...hw].sort((a, b) => a - b));
    expect(await page.locator(`${fig} th[aria-sort]`).getAttribute("aria-sort")).toBe("ascending");
  });

  it("sorts from the keyboard too", async () => {
    await page.focus(`${fig} button[data-sort="n"]`);
    await page.keyboard.press("Enter");
    const n = await column("n");
    expect(n).toEqual([...n].sort((a, b) => b - a));
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.sort)).toBe("n");
    await page.keyboard.press("Enter");
    const up = await column("n");
    expect(up[0]).toBe(164);
  });

  it("shows each row's source, linked where it names a file, a paper or a dataset page", async () => {
    const link = page.locator(`${fig} tr[data-benchmark="HumanEval"] .source a`).first();
    expect(await link.getAttribute("href")).toBe(
      "https://github.com/openai/human-eval/blob/6d43fb980f9fee3c892a914eda09951f772ad10d/data/HumanEval.jsonl.gz",
    );
    expect(await page.locator(`${fig} tr[data-split="diamond"] .source a`).getAttribute("href")).toBe(
      "https://arxiv.org/abs/2311.12022",
    );
    const rows = await page.locator(`${fig} tbody tr`).count();
    expect(await page.locator(`${fig} tbody tr .source`).count()).toBe(rows);
  });

  it("opens from a shared link with the same settings", async () => {
    const { page: p2, context } = await open(
      browser,
      "/tools/benchmarks?benchmarks.p=0.5&benchmarks.sort=mddPaired&benchmarks.order=asc",
    );
    const mmlu = Number(
      await p2
        .locator(`${fig} tr[data-benchmark="MMLU"][data-split="test"] [data-readout="half-width"]`)
        .getAttribute("data-value"),
    );
    expect(mmlu).toBeCloseTo(100 * halfWidth(0.5, 14042), 9);
    const first = await p2.locator(`${fig} tbody tr`).first().getAttribute("data-benchmark");
    expect(first).toBe("MMLU");
    await context.close();
  });

  it("updates the chart and the table in place, and the bars stay true to N", async () => {
    // Mark the drawing; a redraw that rebuilt it would drop the marks.
    await page.evaluate((f) => {
      for (const e of document.querySelectorAll(`${f} svg.benchmark-chart, ${f} tbody tr`))
        (e as unknown as { kept: boolean }).kept = true;
    }, fig);
    await setRange(page, `${fig} input[type=range][data-key="p"]`, 0.7);
    await page.click(`${fig} button[data-sort="benchmark"]`);
    const kept = await page.evaluate(
      (f) =>
        [...document.querySelectorAll(`${f} svg.benchmark-chart, ${f} tbody tr`)].map(
          (e) => (e as unknown as { kept?: boolean }).kept === true,
        ),
      fig,
    );
    expect(kept).toHaveLength(27);
    expect(kept.every(Boolean)).toBe(true);
    // A half-width is z·√(p(1−p)/N), so two bars' lengths stand as √ of the inverse ratio of their N.
    const bar = (label: string) =>
      page
        .locator(`${fig} svg.benchmark-chart g[transform]`, { has: page.locator(`text:text-is("${label}")`) })
        .locator("rect")
        .evaluate((r) => Number(r.getAttribute("width")));
    expect((await bar("GSM8K (test)")) / (await bar("MMLU (test)"))).toBeCloseTo(Math.sqrt(14042 / 1319), 2);
    // Sorted by name, the chart's rows go down in the table's order.
    const ys = await page.locator(`${fig} svg.benchmark-chart g[transform]`).evaluateAll((gs) =>
      gs
        .map((g) => ({ y: Number(/,([\d.]+)\)/.exec(g.getAttribute("transform")!)![1]), t: g.textContent }))
        .sort((a, b) => a.y - b.y)
        .map((g) => g.t),
    );
    const names = await page
      .locator(`${fig} tbody tr`)
      .evaluateAll((trs) => trs.map((tr) => `${tr.dataset.benchmark} (${tr.dataset.split})`));
    expect(ys.map((t) => t!.slice(0, names[0]!.length))[0]).toBe(names[0]);
    expect(ys).toHaveLength(names.length);
    for (const [i, t] of ys.entries()) expect(t!.startsWith(names[i]!)).toBe(true);
  });

  it("exports a drawing of its own: the page's chart keeps its width", async () => {
    const before = await page.locator(`${fig} svg.benchmark-chart`).getAttribute("width");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`${fig} [data-action="export-svg"]`),
    ]);
    const text = readFileSync((await download.path())!, "utf8");
    // Drawn at the export's 960 px: the axis label ends at 960 − 40 (the right margin).
    expect(text).toMatch(/<text[^>]*text-anchor="end" x="920"[^>]*>Percentage points/);
    expect(await page.locator(`${fig} svg.benchmark-chart`).getAttribute("width")).toBe(before);
    expect(before).not.toBe("960");
  });

  it("on a phone, the names leave the bars room: the longest bar is a fifth of the chart's width", async () => {
    const { page: phone, context } = await open(browser, "/tools/benchmarks", {
      viewport: { width: 390, height: 844 },
    });
    const geometry = await phone.locator(`${fig} svg.benchmark-chart`).evaluate((svg) => ({
      width: Number(svg.getAttribute("width")),
      bars: [...svg.querySelectorAll("g[transform] rect")].map((r) => ({
        x: Number(r.getAttribute("x")),
        w: Number(r.getAttribute("width")),
      })),
    }));
    const longest = Math.max(...geometry.bars.map((b) => b.w));
    // HumanEval's half-width (±6.1 pp at 80%) is the longest mark but the ticks and diamonds reach
    // further (the smallest independent gap, 12.4 pp): the bar takes about half the plot's width.
    expect(geometry.bars[0]!.x).toBeLessThanOrEqual(0.45 * geometry.width);
    expect(longest).toBeGreaterThan(0.2 * geometry.width);
    await context.close();
  });

  it("had no console errors or failed requests", () => {
    expect(problems).toEqual([]);
  });
});
