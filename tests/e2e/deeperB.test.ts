// Going deeper 4–6: each page loads clean (no console error, no request to another host); every
// input moves its figure, with readouts checked against the pure functions run here in Node on the
// same data; the lessons' "Go deeper" links land on these pages.
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { beforeAll, describe, expect, it } from "vitest";
import type { ArenaData } from "../../src/components/data/types.ts";
import type { SignalData } from "../../src/components/deeper/types.ts";
import { bestOfKSimulator, deriveBestOfK, REPS } from "../../src/components/figures/bestOfKModel.ts";
import { measuredAccuracy } from "../../src/components/stats/labelNoise.ts";
import { signalNoise } from "../../src/components/stats/signalNoise.ts";
import { expectedMaxNormal, rankOnBoard } from "../../src/components/stats/winnersCurse.ts";
import { open, readout, setRange, textsCrossed, useBrowser } from "./browser.ts";

const browser = useBrowser();

const loader = <T>(file: string): T =>
  JSON.parse(execSync(`npx tsx src/data/${file}`, { maxBuffer: 1 << 26 }).toString());

describe("/deeper/label-errors", () => {
  const fig = "#fig-label-errors";
  // The bad-key rates straight from the data file (wrong key + no correct option, of 100).
  const rows = csvParse(readFileSync("data/mmlu_redux_errors.csv", "utf8"));
  const rate = (subject: string) => {
    const r = rows.find((x) => x.subject === subject)!;
    return (Number(r.wrong_groundtruth) + Number(r.no_correct_answer)) / Number(r.n);
  };

  it("loads clean; the subject and both sliders move the readouts as measuredAccuracy says", async () => {
    const { page, problems, context } = await open(browser, "/deeper/label-errors");
    await page.locator(fig).waitFor();
    // Pooled: 142 of 5,700 keys bad (107 wrong + 35 no correct option).
    const pooled = 142 / 5700;
    expect(await readout(page, fig, "ceiling")).toBeCloseTo(1 - pooled, 5);
    const curve = page.locator(`${fig} .explorable-figure svg`).first();
    await curve.evaluate((el) => {
      (window as unknown as { __curve: Element }).__curve = el;
    });
    await page.selectOption(`${fig} select[data-key="subject"]`, "virology");
    const e = rate("virology");
    expect(e).toBeCloseTo(0.37, 9);
    expect(await readout(page, fig, "ceiling")).toBeCloseTo(0.63, 5);
    // The curve is the one drawn before, its ceiling moved in place: 30% of the way from the 60% tick to the 70% one.
    const at = await curve.evaluate((el) => {
      const mid = (r: DOMRect) => r.top + r.height / 2;
      const tick = (label: string) =>
        mid(
          [...el.querySelectorAll('g[aria-label="y-axis tick label"] text')]
            .find((t) => t.textContent === label)!
            .getBoundingClientRect(),
        );
      const line = el.querySelector(".label-errors-marks line")!.getBoundingClientRect();
      return {
        same: el === (window as unknown as { __curve: Element }).__curve,
        share: (mid(line) - tick("60%")) / (tick("70%") - tick("60%")),
      };
    });
    expect(at.same).toBe(true);
    expect(at.share).toBeCloseTo(0.3, 1);
    // Both models are drawn: a dot each, labelled with its measured score.
    expect(await page.locator(`${fig} .label-errors-marks text`).allTextContents()).toEqual([
      "ceiling 63.0%",
      `A ${(100 * measuredAccuracy(0.95, e)).toFixed(1)}%`,
      `B ${(100 * measuredAccuracy(0.9, e)).toFixed(1)}%`,
    ]);
    expect(await page.locator(`${fig} .label-errors-marks circle`).count()).toBe(2);
    for (const [a, b] of [
      [0.95, 0.9],
      [0.6, 0.3],
      [1, 0.25],
    ] as const) {
      await setRange(page, `${fig} input[type=range][data-key="a"]`, a);
      await setRange(page, `${fig} input[type=range][data-key="b"]`, b);
      const measured = page.locator(`${fig} [data-readout="measured"]`);
      expect(Number(await measured.getAttribute("data-a"))).toBeCloseTo(measuredAccuracy(a, e), 5);
      expect(Number(await measured.getAttribute("data-b"))).toBeCloseTo(measuredAccuracy(b, e), 5);
      expect(await readout(page, fig, "measured-gap")).toBeCloseTo(
        measuredAccuracy(a, e) - measuredAccuracy(b, e),
        5,
      );
    }
    await page.selectOption(`${fig} select[data-key="subject"]`, "high_school_us_history");
    expect(await readout(page, fig, "ceiling")).toBeCloseTo(1, 9);
    expect(await page.locator('[data-live="label-errors"]').textContent()).toMatch(/High school us history/i);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("/deeper/signal-and-noise", () => {
  const fig = "#fig-signal-noise";
  let data: SignalData;
  beforeAll(() => {
    data = loader<SignalData>("signal-noise.json.ts");
  });

  it("loads clean; benchmark, top-k and run noise move the share and SNR as signalNoise says", async () => {
    const { page, problems, context } = await open(browser, "/deeper/signal-and-noise");
    await page.locator(fig).waitFor();
    const check = async (board: "v1" | "v2", key: string, top: number, extra: number) => {
      await page.selectOption(`${fig} select[data-key="benchmark"]`, `${board}:${key}`);
      await setRange(page, `${fig} input[type=range][data-key="top"]`, Math.log10(top));
      await setRange(page, `${fig} input[type=range][data-key="extra"]`, extra);
      const b = data.boards.find((x) => x.id === board)!.benchmarks.find((x) => x.key === key)!;
      const s = signalNoise(b.scores.slice(0, top), b.n, { extra: extra / 100 });
      expect(await readout(page, fig, "share")).toBeCloseTo(s.share, 5);
      expect(await readout(page, fig, "snr")).toBeCloseTo(s.snr, 4);
      expect(await readout(page, fig, "noise")).toBeCloseTo(s.noise, 6);
      // One interval and one dot per model compared (each a subpath of one path).
      const subpaths = (kind: string) =>
        page
          .locator(`${fig} path.signal-${kind}`)
          .evaluate((p) => (p.getAttribute("d") ?? "").split("M").length - 1);
      expect(await subpaths("intervals")).toBe(top);
      expect(await subpaths("dots")).toBe(top);
      // Only the chosen benchmark's bar is vermillion, found by the y-axis name beside it (a new
      // benchmark on the same board recolours the bars drawn before).
      const bars = await page.locator(`${fig} svg[aria-label^="Share of separable"]`).evaluate((svg) => {
        const mid = (e: Element) => {
          const r = e.getBoundingClientRect();
          return r.top + r.height / 2;
        };
        const names = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => ({
          text: t.textContent,
          y: mid(t),
        }));
        return [...svg.querySelectorAll('g[aria-label="bar"] rect')].map((r) => ({
          name: names.reduce((a, n) => (Math.abs(n.y - mid(r)) < Math.abs(a.y - mid(r)) ? n : a)).text,
          fill: r.getAttribute("fill"),
        }));
      });
      expect(bars.filter((x) => x.fill === "#D55E00").map((x) => x.name)).toEqual([b.label]);
      expect(bars.filter((x) => x.fill !== "#D55E00")).toHaveLength(bars.length - 1);
      return s.share;
    };
    await check("v2", "mmlu_pro_raw", 20, 0);
    const musr = await check("v2", "musr_raw", 20, 0);
    const mmluTop10 = await check("v1", "mmlu", 10, 0);
    const mmluTop300 = await check("v1", "mmlu", 300, 0);
    expect(mmluTop300).toBeGreaterThan(mmluTop10);
    expect(await check("v2", "musr_raw", 20, 2)).toBeLessThan(musr);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("/deeper/best-of-k", () => {
  const fig = "#fig-best-of-k";
  let arena: ArenaData;
  beforeAll(() => {
    arena = loader<ArenaData>("arena.json.ts");
  });

  it("loads clean; k, battles and position move the inflation, against SE × E[max of k] and the real board", async () => {
    const { page, problems, context } = await open(browser, "/deeper/best-of-k");
    await page.locator(fig).waitFor();
    expect(await readout(page, fig, "theory")).toBe(0);
    // At k = 1 the simulated mean is near zero and can be below it: the big number carries the
    // value's own sign, with a true minus (U+2212), never a "+" glued to a "-".
    const big = page.locator(`${fig} [data-readout="inflation"]`);
    const atOne = Number(await big.getAttribute("data-value"));
    const shown = Math.round(atOne * 10) / 10;
    expect(await big.textContent()).toBe(
      `${shown > 0 ? "+" : shown < 0 ? "\u2212" : "\u00b1"}${Math.abs(shown).toFixed(1)}`,
    );
    const rows = arena.latest.rows;
    const seAt = async () => (await readout(page, fig, "theory")) / expectedMaxNormal(10);
    await setRange(page, `${fig} input[type=range][data-key="k"]`, 10);
    const se3000 = await seAt();
    // The theory readout is SE × 1.5388 (E[max of 10 standard normals]); the simulated mean is within 15% of it.
    const inflation = await readout(page, fig, "inflation");
    expect(Math.abs(inflation / (se3000 * 1.5388) - 1)).toBeLessThan(0.15);
    // The chosen k on the curve, read back through its axes' tick labels: the rule at the "10"
    // tick, the dot at the inflation, the label saying both.
    const mark = await page.locator(`${fig} svg[aria-label^="Expected inflation"]`).evaluate((svg) => {
      const centre = (e: Element) => {
        const r = e.getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2] as const;
      };
      const ticks = (axis: string) =>
        [...svg.querySelectorAll(`g.${axis} .axis-tick-labels text`)].map((t) => ({
          v: Number((t.textContent ?? "").replace("\u2212", "-")),
          c: centre(t),
        }));
      const ys = ticks("y");
      const [a, b] = [ys[0]!, ys[ys.length - 1]!];
      const g = svg.querySelector(`circle[r="6"]`)!.parentElement!;
      return {
        rule: centre(g.querySelector("line")!)[0],
        ten: ticks("x").find((t) => t.v === 10)!.c[0],
        dot: a.v + ((centre(g.querySelector("circle")!)[1] - a.c[1]) * (b.v - a.v)) / (b.c[1] - a.c[1]),
        label: g.querySelector("text")!.textContent,
      };
    });
    // The curves' names stand clear of the curves (the mean's had been crossed by it).
    const curveSvg = `${fig} svg[aria-label^="Expected inflation"]`;
    expect(await textsCrossed(page, curveSvg, "g.notes text", "g.mean path, g.theory path")).toEqual([]);
    expect(Math.abs(mark.rule - mark.ten)).toBeLessThan(1.5);
    expect(Math.abs(mark.dot - inflation)).toBeLessThan(0.3);
    expect(mark.label).toBe(`k = 10: +${inflation.toFixed(1)} points`);
    // A 1-SE check by hand: 3,000 battles against near-equal opponents → SE ≈ 173.7/√(3000·0.25) ≈ 6.3 Elo.
    expect(se3000).toBeGreaterThan(5.5);
    expect(se3000).toBeLessThan(8);
    const rank = page.locator(`${fig} [data-readout="rank"]`);
    const like = rows[9]!;
    const others = rows.filter((r) => r !== like).map((r) => r.rating);
    expect(Number(await rank.getAttribute("data-true"))).toBe(rankOnBoard(like.rating, others));
    expect(Number(await rank.getAttribute("data-published"))).toBe(
      rankOnBoard(like.rating + inflation, others),
    );
    // Four times the battles: about half the SE. A new number of battles is simulated with 100
    // labs at once and with all 400 once the slider is still, the same as the model computes alone.
    await setRange(page, `${fig} input[type=range][data-key="battles"]`, Math.log10(12000));
    expect((await seAt()) / se3000).toBeCloseTo(0.5, 1);
    await expect.poll(() => readout(page, fig, "labs")).toBe(REPS);
    const battles = await page
      .locator(fig)
      .evaluate((el) => (el as unknown as { values: { battles: number } }).values.battles);
    const exact = deriveBestOfK({ k: 10, battles, position: 10 }, rows, bestOfKSimulator(rows));
    expect(await readout(page, fig, "inflation")).toBeCloseTo(exact.inflation, 5);
    expect(await textsCrossed(page, curveSvg, "g.notes text", "g.mean path, g.theory path")).toEqual([]);
    await setRange(page, `${fig} input[type=range][data-key="k"]`, 27);
    expect(await readout(page, fig, "inflation")).toBeGreaterThan(0);
    await page.locator(`${fig} input[name][value="3"], ${fig} label:has-text("#3")`).first().click();
    expect(Number(await rank.getAttribute("data-true"))).toBe(
      rankOnBoard(
        rows[2]!.rating,
        rows.filter((_, i) => i !== 2).map((r) => r.rating),
      ),
    );
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("the lessons' Go deeper links land on these pages", () => {
  for (const [lesson, slug, title] of [
    ["/lessons/2", "label-errors", "Wrong answer keys and saturation"],
    ["/lessons/3", "signal-and-noise", "Signal and noise of a benchmark"],
    ["/lessons/2", "best-of-k", "The best of k private variants"],
  ] as const) {
    it(`${lesson} → /deeper/${slug}`, async () => {
      const { page, problems, context } = await open(browser, lesson);
      await page.locator(`p.go-deeper-link a[href$="deeper/${slug}"]`).click();
      await page.waitForURL(new RegExp(`/deeper/${slug}$`));
      await expect(page.locator("h1").first().textContent()).resolves.toBe(title);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
