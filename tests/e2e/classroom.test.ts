// In the classroom and on the reader's screen: present mode with the keyboard, a link that
// reopens a figure in the same state, a mangled URL, embedding, SVG/PNG export, dark mode,
// print and reduced motion. Checked on the CI-width figure of Lesson 3, against the statistics
// core (the numbers a reopened link shows must be the numbers the stats say for that state).
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { halfWidth, proportionInterval } from "../../src/components/stats/intervals.ts";
import { baseUrl, open, readout, setRange, useBrowser } from "./browser.ts";

const fig = "#fig-ci-width";
const lesson = "/lessons/3";
const browser = useBrowser();

/** Relative luminance and contrast ratio (WCAG 2). */
function luminance(colour: string): number {
  // Computed colours come as rgb(0–255 …) or, from color-mix(), as color(srgb 0–1 …).
  const unit = colour.startsWith("color(") ? 1 : 255;
  const [r, g, b] = (colour.replace(/^color\(srgb/, "").match(/[\d.]+(e-?\d+)?/g) ?? [])
    .slice(0, 3)
    .map((v) => {
      const c = Number(v) / unit;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const presented = (page: Page) =>
  page.evaluate(() => ({
    on: document.documentElement.classList.contains("presenting"),
    ids: [...document.querySelectorAll(".is-presented")].map((e) => e.id),
    index: Number(document.documentElement.dataset.presentIndex ?? 0),
  }));

describe("present mode, from the keyboard, on a 1920×1080 projector", () => {
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    ({ page, problems } = await open(browser, lesson, { viewport: { width: 1920, height: 1080 } }));
    await page.locator(fig).waitFor();
  });

  it("the page has a visible Present button", async () => {
    await expect(page.locator(".present-button").isVisible()).resolves.toBe(true);
    expect(await page.locator(".present-button").getAttribute("aria-keyshortcuts")).toBe("P");
  });

  it("P turns it on: one figure fills the screen; sidebar and prose step back", async () => {
    await page.locator(fig).scrollIntoViewIfNeeded();
    await page.locator("body").press("p");
    const state = await presented(page);
    expect(state.on).toBe(true);
    expect(state.ids).toEqual(["fig-ci-width"]);
    const box = (await page.locator(fig).boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.y).toBe(0);
    expect(box.width).toBe(1920);
    expect(box.height).toBe(1080);
    expect(await page.locator("#observablehq-sidebar").isVisible()).toBe(false);
    expect(await page.locator("main h1").first().isVisible()).toBe(false);
    expect(await page.locator("main > p").first().isVisible()).toBe(false);
    expect(await page.locator(".present-bar").isVisible()).toBe(true);
  });

  it("type is large enough to read from the back of the room", async () => {
    // Rendered sizes in device pixels (zoom included): title, control labels, and the chart's own text.
    const sizes = await page.evaluate((sel) => {
      const root = document.querySelector(sel)!;
      const px = (el: Element | null) => (el ? el.getBoundingClientRect().height : 0);
      const ticks = [...root.querySelectorAll(".explorable-figure svg text")]
        .map((t) => t.getBoundingClientRect().height)
        .filter((h) => h > 0);
      ticks.sort((a, b) => a - b);
      return {
        title: Number.parseFloat(getComputedStyle(root.querySelector(".explorable-title")!).fontSize),
        zoom: Number(getComputedStyle(document.documentElement).getPropertyValue("--present-zoom")),
        label: px(root.querySelector(".control label")),
        smallestChartText: ticks[0] ?? 0,
        medianChartText: ticks[Math.floor(ticks.length / 2)] ?? 0,
      };
    }, fig);
    expect(sizes.zoom).toBeGreaterThanOrEqual(1.6);
    expect(sizes.title * sizes.zoom).toBeGreaterThanOrEqual(36);
    expect(sizes.label).toBeGreaterThanOrEqual(26);
    expect(sizes.smallestChartText).toBeGreaterThanOrEqual(18);
    expect(sizes.medianChartText).toBeGreaterThanOrEqual(20);
  });

  it("the chart is redrawn for the screen, not stretched", async () => {
    const w = await page.evaluate((sel) => {
      const svg = document.querySelector(`${sel} .explorable-figure svg`)!;
      return { attr: Number(svg.getAttribute("width")), shown: svg.getBoundingClientRect().width };
    }, fig);
    const zoom = Number(
      await page.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue("--present-zoom"),
      ),
    );
    expect(Math.abs(w.shown - w.attr * zoom)).toBeLessThan(2);
    expect(w.shown).toBeGreaterThan(1000);
  });

  it("arrow keys step between figures, in page order", async () => {
    const count = await page.locator("[data-explorable]").count();
    const start = (await presented(page)).index;
    expect(start).toBeGreaterThanOrEqual(1);
    await page.keyboard.press("ArrowRight");
    const next = await presented(page);
    if (start < count) {
      expect(next.index).toBe(start + 1);
      expect(next.ids).toHaveLength(1);
      expect(next.ids[0]).not.toBe("fig-ci-width");
    }
    await page.keyboard.press("ArrowLeft");
    expect((await presented(page)).ids).toEqual(["fig-ci-width"]);
    await page.keyboard.press("Home");
    expect((await presented(page)).index).toBe(1);
    await page.keyboard.press("End");
    expect((await presented(page)).index).toBe(count);
    // Back to the CI-width figure.
    while ((await presented(page)).ids[0] !== "fig-ci-width") await page.keyboard.press("ArrowLeft");
  });

  it("arrows move a focused slider, not the figure; focus is visible", async () => {
    const slider = page.locator(`${fig} input[type=range][data-key="p"]`);
    await slider.focus();
    const before = await readout(page, fig, "half-width");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect((await presented(page)).ids).toEqual(["fig-ci-width"]);
    const after = await readout(page, fig, "half-width");
    // p went from 0.80 to 0.82: the interval narrows, as halfWidth() says.
    expect(after).toBeCloseTo(100 * halfWidth(0.82, 1319), 4);
    expect(after).toBeLessThan(before);
    const outline = await slider.evaluate((el) => {
      const cs = getComputedStyle(el);
      return { style: cs.outlineStyle, width: Number.parseFloat(cs.outlineWidth) };
    });
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThanOrEqual(3);
  });

  it("Tab reaches every control of the presented figure and nothing behind it", async () => {
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const where = await page.evaluate(() => {
        const a = document.activeElement;
        return {
          inFigure: !!a?.closest(".is-presented") || !!a?.closest(".present-bar"),
          key: a?.getAttribute("data-key") ?? "",
        };
      });
      expect(where.inFigure).toBe(true);
      if (where.key) reached.add(where.key);
    }
    for (const key of ["n", "n-number", "p", "confidence", "method"]) expect(reached).toContain(key);
  });

  it("typing P in the number box types, and does not leave present mode", async () => {
    const box = page.locator(`${fig} input[data-key="n-number"]`);
    await box.focus();
    await page.keyboard.press("p");
    expect((await presented(page)).on).toBe(true);
  });

  it("Esc leaves: the page is back, scrolled to the figure, focus in it", async () => {
    await page.locator(fig).focus();
    await page.keyboard.press("Escape");
    const state = await presented(page);
    expect(state.on).toBe(false);
    expect(state.ids).toEqual([]);
    expect(await page.locator("#observablehq-sidebar").isVisible()).toBe(true);
    expect(await page.locator("main h1").first().isVisible()).toBe(true);
    const inFigure = await page.evaluate((sel) => !!document.activeElement?.closest(sel), fig);
    expect(inFigure).toBe(true);
    // At the top of the window, below the shell's 2.5rem scroll padding.
    const top = (await page.locator(fig).boundingBox())!.y;
    expect(Math.abs(top)).toBeLessThan(60);
    // The figure is back at page size.
    expect((await page.locator(fig).boundingBox())!.width).toBeLessThan(1200);
  });

  it("the button turns it on too, and P turns it off", async () => {
    await page.locator(".present-button").click();
    expect((await presented(page)).on).toBe(true);
    expect(await page.locator(".present-button").getAttribute("aria-pressed")).toBe("true");
    await page.keyboard.press("p");
    expect((await presented(page)).on).toBe(false);
  });

  it("had no console errors", () => {
    expect(problems).toEqual([]);
  });
});

describe("present mode on every lesson page", () => {
  for (const n of [1, 2, 3, 4]) {
    it(`/lessons/${n}: a Present button, P on, → through every figure, Esc off`, async () => {
      const { page, context, problems } = await open(browser, `/lessons/${n}`, {
        viewport: { width: 1920, height: 1080 },
      });
      await page.locator("[data-explorable]").first().waitFor();
      expect(await page.locator(".present-button").isVisible()).toBe(true);
      const count = await page.locator("[data-explorable]").count();
      await page.keyboard.press("p");
      await page.keyboard.press("Home");
      const seen: string[] = [];
      for (let i = 0; i < count; i++) {
        const state = await presented(page);
        expect(state.on).toBe(true);
        expect(state.ids).toHaveLength(1);
        expect(state.index).toBe(i + 1);
        seen.push(state.ids[0]!);
        await page.keyboard.press("ArrowRight");
      }
      // Every figure once, in page order; → at the last one stays there.
      const order = await page.locator("[data-explorable]").evaluateAll((els) => els.map((e) => e.id));
      expect(seen).toEqual(order);
      expect((await presented(page)).index).toBe(count);
      await page.keyboard.press("Escape");
      expect((await presented(page)).on).toBe(false);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

describe("shareable state", () => {
  it("set a state, copy the link, reopen it: the same state and the same numbers", async () => {
    const { page, context, problems } = await open(browser, lesson);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(baseUrl()).origin,
    });
    await page.locator(fig).waitFor();
    await page.fill(`${fig} input[data-key="n-number"]`, "164");
    await page.press(`${fig} input[data-key="n-number"]`, "Enter");
    await setRange(page, `${fig} input[type=range][data-key="p"]`, 0.93);
    await page.selectOption(`${fig} select[data-key="method"]`, "clopper-pearson");
    await page.locator(`${fig} input[type=radio][data-key="confidence"][value="0.99"]`).check();
    await page.click(`${fig} [data-action="share"]`);
    await page.click(`${fig} [data-action="copy-link"]`);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const field = await page.locator(`${fig} [data-share="link"]`).inputValue();
    expect(copied).toBe(field);
    expect(await page.locator(`${fig} .share-status`).textContent()).toMatch(/Link copied/);
    const url = new URL(copied);
    expect(url.pathname).toBe(lesson);
    expect(url.hash).toBe("#fig-ci-width");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      "ci-width.n": "164",
      "ci-width.p": "0.93",
      "ci-width.confidence": "0.99",
      "ci-width.method": "clopper-pearson",
    });
    // The embed code offers the same state in an iframe.
    const code = await page.locator(`${fig} [data-share="embed"]`).inputValue();
    expect(code).toMatch(/^<iframe src="[^"]+embed=ci-width[^"]*ci-width\.n=164/);
    expect(code).toContain('title="How wide is a score');
    await context.close();
    expect(problems).toEqual([]);

    // A fresh browser context (nothing remembered) opens the copied link.
    const again = await open(browser, `${url.pathname}${url.search}${url.hash}`);
    await again.page.locator(fig).waitFor();
    expect(await readout(again.page, fig, "half-width")).toBeCloseTo(100 * halfWidth(0.93, 164, 0.99), 4);
    const cp = proportionInterval(Math.round(0.93 * 164), 164, {
      confidence: 0.99,
      method: "clopper-pearson",
    });
    const interval = again.page.locator(`${fig} [data-readout="interval"]`);
    expect(Number(await interval.getAttribute("data-lower"))).toBeCloseTo(cp.lower, 9);
    expect(Number(await interval.getAttribute("data-upper"))).toBeCloseTo(cp.upper, 9);
    expect(await again.page.locator(`${fig} select[data-key="method"]`).inputValue()).toBe("clopper-pearson");
    expect(await again.page.locator(`${fig} input[data-key="n-number"]`).inputValue()).toBe("164");
    // The link's #fig-ci-width brought the figure into view.
    const top = (await again.page.locator(fig).boundingBox())!.y;
    expect(top).toBeGreaterThanOrEqual(-5);
    expect(top).toBeLessThan(400);
    expect(again.problems).toEqual([]);
    await again.context.close();
  });

  it("without clipboard permission the link is selected for Ctrl+C, not lost", async () => {
    const { page, context } = await open(browser, lesson);
    await page.locator(fig).waitFor();
    // Make the clipboard API refuse, as an insecure origin or a sandboxed iframe would.
    await page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", {
        value: { writeText: () => Promise.reject(new Error("denied")) },
      });
      document.execCommand = () => false;
    });
    await page.click(`${fig} [data-action="share"]`);
    await page.click(`${fig} [data-action="copy-link"]`);
    expect(await page.locator(`${fig} .share-status`).textContent()).toMatch(/selected/);
    const selection = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement;
      return {
        share: el.dataset.share,
        selected: el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0),
        all: el.value,
      };
    });
    expect(selection.share).toBe("link");
    expect(selection.selected).toBe(selection.all);
    expect(selection.all).toContain("ci-width.n=1319");
    await context.close();
  });

  it("a mangled URL loads cleanly: junk ignored, out-of-range clamped, the URL tidied", async () => {
    const junk = "x".repeat(5000);
    const search =
      `?ci-width.n=abc&ci-width.p=2&ci-width.confidence=NaN&ci-width.method=%3Cscript%3Ealert(1)%3C%2Fscript%3E` +
      `&ci-width.bogus=1&junk=${junk}&other.k=7&ci-width.n=${"9".repeat(200)}`;
    const { page, context, problems } = await open(browser, `${lesson}${search}`);
    await page.locator(fig).waitFor();
    // n stays at its default, p is clamped to 99%, the rest default.
    expect(await readout(page, fig, "half-width")).toBeCloseTo(100 * halfWidth(0.99, 1319), 4);
    expect(await page.locator(`${fig} select[data-key="method"]`).inputValue()).toBe("wilson");
    await setRange(page, `${fig} input[type=range][data-key="p"]`, 0.5);
    await page.waitForTimeout(400);
    const params = new URL(page.url()).searchParams;
    expect(params.get("ci-width.p")).toBe("0.5");
    expect(params.get("ci-width.n")).toBe("1319");
    expect(params.has("ci-width.bogus")).toBe(false);
    expect(params.has("junk")).toBe(false);
    expect(params.get("other.k")).toBe("7");
    expect(await page.locator(".embed-missing, .warning[role=status]").count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("embed", () => {
  it("?embed=ci-width shows the figure alone, with its controls, in its state", async () => {
    const { page, context, problems } = await open(browser, `${lesson}?embed=ci-width&ci-width.n=500`, {
      viewport: { width: 800, height: 900 },
    });
    await page.locator(fig).waitFor();
    expect(await page.locator(fig).isVisible()).toBe(true);
    expect(await page.locator(`${fig} input[type=range][data-key="n"]`).isVisible()).toBe(true);
    expect(await page.locator("#observablehq-sidebar").isVisible()).toBe(false);
    expect(await page.locator("main h1").first().isVisible()).toBe(false);
    expect(await page.locator(".present-button").count()).toBe(0);
    const box = (await page.locator(fig).boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.y).toBe(0);
    expect(box.width).toBe(800);
    // Other figures on the page are hidden.
    const visibleFigures = await page
      .locator("[data-explorable]")
      .evaluateAll((els) => els.filter((e) => getComputedStyle(e).visibility === "visible").length);
    expect(visibleFigures).toBe(1);
    expect(await readout(page, fig, "half-width")).toBeCloseTo(100 * halfWidth(0.8, 500), 4);
    // P does nothing inside an embed.
    await page.keyboard.press("p");
    expect(await page.evaluate(() => document.documentElement.classList.contains("presenting"))).toBe(false);
    // A link back to the course, in the same state.
    expect(await page.locator(`${fig} .explorable-open`).getAttribute("href")).toMatch(
      /\?ci-width\.n=500&.*#fig-ci-width$/,
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it("works in an iframe on another page, as an LMS would show it", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(
      `<iframe src="${baseUrl()}${lesson}?embed=ci-width&ci-width.n=164" title="CI width" width="760" height="720"></iframe>`,
    );
    const frame = page.frameLocator("iframe");
    await frame.locator(fig).waitFor();
    expect(await frame.locator(fig).isVisible()).toBe(true);
    expect(await frame.locator("#observablehq-sidebar").isVisible()).toBe(false);
    const shown = Number(
      await frame.locator(`${fig} [data-readout="half-width"]`).getAttribute("data-value"),
    );
    expect(shown).toBeCloseTo(100 * halfWidth(0.8, 164), 4);
    // The controls work inside the frame.
    await frame.locator(`${fig} input[type=range][data-key="p"]`).evaluate((el) => {
      (el as HTMLInputElement).value = "0.5";
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
    const after = Number(
      await frame.locator(`${fig} [data-readout="half-width"]`).getAttribute("data-value"),
    );
    expect(after).toBeCloseTo(100 * halfWidth(0.5, 164), 4);
    await context.close();
  });

  it("?embed= naming no figure shows the whole page with a note", async () => {
    const { page, context, problems } = await open(browser, `${lesson}?embed=no-such-figure`);
    await page.locator(".embed-missing").waitFor({ timeout: 15_000 });
    expect(await page.locator(".embed-missing").textContent()).toContain("no-such-figure");
    expect(await page.locator("main h1").first().isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("export", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`SVG and PNG (2×) downloads are valid files of the right size, with a caption (${colorScheme})`, async () => {
      const { page, context, problems } = await open(browser, `${lesson}?ci-width.n=164`, { colorScheme });
      await page.locator(fig).waitFor();
      const [svgDownload] = await Promise.all([
        page.waitForEvent("download"),
        page.click(`${fig} [data-action="export-svg"]`),
      ]);
      expect(svgDownload.suggestedFilename()).toBe("ci-width.svg");
      const svgText = readFileSync((await svgDownload.path())!, "utf8");
      // Parsed by the browser's XML parser, as a standalone file would be.
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, "image/svg+xml");
        const root = doc.documentElement;
        const bg = root.querySelector(":scope > rect")?.getAttribute("fill") ?? "";
        return {
          error: doc.querySelector("parsererror")?.textContent ?? null,
          name: root.localName,
          ns: root.namespaceURI,
          width: Number(root.getAttribute("width")),
          height: Number(root.getAttribute("height")),
          charts: root.querySelectorAll(":scope > svg").length,
          texts: [...root.querySelectorAll(":scope > text")].map((t) => t.textContent ?? ""),
          styles: root.querySelectorAll("style").length,
          background: bg,
          tickFill: getComputedStyle(document.body).color,
        };
      }, svgText);
      expect(parsed.error).toBeNull();
      expect(parsed.name).toBe("svg");
      expect(parsed.ns).toBe("http://www.w3.org/2000/svg");
      expect(parsed.width).toBe(1000); // drawn at 960 px, plus the margins
      expect(parsed.height).toBeGreaterThan(400);
      expect(parsed.charts).toBe(2);
      expect(parsed.styles).toBe(0);
      const caption = parsed.texts.join(" ");
      expect(caption).toContain("How wide is a score");
      expect(caption).toContain("Questions in the test set (N): 164");
      expect(caption).toContain("Accuracy (p): 80%");
      expect(caption).toContain("Reading Benchmark Scores");
      expect(caption).toMatch(/ci-width\.n=164/);
      // Standalone: no CSS variables or currentColor left to resolve.
      expect(svgText).not.toMatch(/var\(--/);
      expect(svgText).not.toMatch(/currentColor/i);
      expect(svgText).not.toMatch(/https?:\/\/(?!www\.w3\.org)[^"]*\.(css|woff2?|js)/);
      // The background is the theme's: light in light mode, dark in dark mode.
      const dark = luminance(parsed.background) < 0.2;
      expect(dark).toBe(colorScheme === "dark");

      const [pngDownload] = await Promise.all([
        page.waitForEvent("download"),
        page.click(`${fig} [data-action="export-png"]`),
      ]);
      expect(pngDownload.suggestedFilename()).toBe("ci-width@2x.png");
      const png = readFileSync((await pngDownload.path())!);
      const size = pngSize(png);
      expect(size).toEqual({ width: 2 * parsed.width, height: 2 * parsed.height });
      // Not a blank canvas: the drawing is there (many pixels differ from the background).
      const inked = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement("canvas");
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext("2d")!;
        ctx.drawImage(img, 0, 0);
        const data = ctx.getImageData(0, 0, c.width, c.height).data;
        const [r0, g0, b0] = [data[0]!, data[1]!, data[2]!];
        let differ = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (Math.abs(data[i]! - r0) + Math.abs(data[i + 1]! - g0) + Math.abs(data[i + 2]! - b0) > 60)
            differ++;
        }
        return differ / (data.length / 4);
      }, png.toString("base64"));
      expect(inked).toBeGreaterThan(0.02);
      expect(await page.locator(`${fig} .explorable-tool-status`).textContent()).toContain(
        `${2 * parsed.width} × ${2 * parsed.height}`,
      );
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

describe("appearance", () => {
  it("dark mode: the figure's text and lines stand out from the background", async () => {
    const { page, context, problems } = await open(browser, lesson, { colorScheme: "dark" });
    await page.locator(fig).waitFor();
    const colours = await page.evaluate((sel) => {
      const root = document.querySelector(sel)!;
      const bg = getComputedStyle(document.body).backgroundColor;
      const card = getComputedStyle(root).backgroundColor;
      const text = [...root.querySelectorAll(".explorable-figure svg text")].map(
        (t) => getComputedStyle(t).fill,
      );
      const lines = [...root.querySelectorAll(".explorable-figure svg path[stroke]")].map(
        (p) => getComputedStyle(p).stroke,
      );
      const html = [".explorable-title", ".control label", ".explorable-notice", ".big-number"].map(
        (s) => getComputedStyle(root.querySelector(s)!).color,
      );
      return { bg, card, text, lines, html };
    }, fig);
    expect(luminance(colours.bg)).toBeLessThan(0.05);
    for (const c of colours.html) expect(contrast(c, colours.card)).toBeGreaterThanOrEqual(4.5);
    for (const c of new Set(colours.text)) expect(contrast(c, colours.card)).toBeGreaterThanOrEqual(4.5);
    for (const c of new Set(colours.lines.filter((s) => s !== "none"))) {
      expect(contrast(c, colours.card)).toBeGreaterThanOrEqual(3);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it("reduced motion switches transitions off; without it they run", async () => {
    const duration = async (reducedMotion: "reduce" | "no-preference") => {
      const context = await browser.newContext({ reducedMotion });
      const page = await context.newPage();
      await page.goto(baseUrl() + lesson, { waitUntil: "networkidle" });
      const d = await page.evaluate(
        () =>
          getComputedStyle(document.querySelector("#observablehq-sidebar details summary")!, "::after")
            .transitionDuration,
      );
      await context.close();
      return Number.parseFloat(d);
    };
    expect(await duration("no-preference")).toBeGreaterThan(0.1);
    expect(await duration("reduce")).toBeLessThan(0.001);
  });

  it("print: figures at their current state, with their settings in words; no controls, toolbar or sidebar", async () => {
    const { page, context } = await open(browser, `${lesson}?ci-width.n=164`, { colorScheme: "dark" });
    await page.locator(fig).waitFor();
    await page.emulateMedia({ media: "print", colorScheme: "dark" });
    await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
    const shown = async (sel: string) => page.locator(sel).first().isVisible();
    expect(await shown(`${fig} .explorable-figure svg`)).toBe(true);
    expect(await shown(`${fig} .explorable-controls`)).toBe(false);
    expect(await shown(`${fig} .explorable-toolbar`)).toBe(false);
    expect(await shown(`${fig} .explorable-presets`)).toBe(false);
    expect(await shown("#observablehq-sidebar")).toBe(false);
    expect(await shown(".present-launch")).toBe(false);
    expect(await shown(`${fig} .explorable-state`)).toBe(true);
    expect(await page.locator(`${fig} .explorable-state`).textContent()).toContain(
      "Questions in the test set (N): 164",
    );
    // The text description (the numbers in words) is opened for paper.
    expect(await shown(`${fig} .explorable-alt p`)).toBe(true);
    // Dark theme on screen, but ink on white paper.
    const ink = await page.evaluate(() => ({
      text: getComputedStyle(document.querySelector("main h2, main h1")!).color,
      bg: getComputedStyle(document.body).backgroundColor,
    }));
    expect(luminance(ink.text)).toBeLessThan(0.05);
    expect(luminance(ink.bg)).toBeGreaterThan(0.9);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(20_000);
    await context.close();
  });
});
