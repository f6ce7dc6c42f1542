// Browser helpers for the e2e tests: one Chromium per test file, and a page that records
// every console error, uncaught exception, failed request and request to another host.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

export function chromiumPath(): string {
  return process.env.CHROME_PATH ?? "/usr/bin/chromium";
}

export const chromiumArgs = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
}

/**
 * The test file's one Chromium: launched before its tests, closed after them. Call it at the top
 * of a file (`const browser = useBrowser();`); the value stands for the launched browser once the
 * file's tests run (a hook registered after this one may use it), and says so if used earlier.
 */
export function useBrowser(): Browser {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launch();
  });
  afterAll(async () => {
    await launched?.close();
  });
  return new Proxy({} as Browser, {
    get(_, key) {
      if (!launched)
        throw new Error("useBrowser(): the browser is launched in beforeAll; use it inside a hook or test");
      const value = Reflect.get(launched, key);
      return typeof value === "function" ? value.bind(launched) : value;
    },
  });
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  /** Everything that went wrong on the page so far. */
  problems: string[];
}

export function baseUrl(): string {
  return inject("baseUrl");
}

/** Open `path` on the test server in a fresh context and record problems. */
export async function open(
  browser: Browser,
  path: string,
  {
    viewport = { width: 1280, height: 800 },
    colorScheme = "light" as "light" | "dark",
    storage = undefined as Record<string, string> | undefined,
    /** "build" (default): build every lazy figure at once, as a reader scrolling through would; "leave": as loaded. */
    lazy = "build" as "build" | "leave",
  } = {},
): Promise<Watched> {
  const base = baseUrl();
  const origin = new URL(base).origin;
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion: "reduce" });
  if (storage) {
    await context.addInitScript((entries) => {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }, storage);
  }
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`uncaught: ${err.message}`));
  // A request the browser aborts because its page was left (a click on a link before the favicon
  // arrived) is the navigation's doing, not the site's: each request remembers which document made
  // it, and an abort of an earlier document's request is not a problem. Any other failure is.
  let documents = 0;
  const madeBy = new WeakMap<object, number>();
  page.on("request", (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) documents++;
    madeBy.set(req, documents);
  });
  page.on("requestfailed", (req) => {
    const error = req.failure()?.errorText ?? "";
    const left = !req.isNavigationRequest() && (madeBy.get(req) ?? documents) < documents;
    if (left && error.includes("ERR_ABORTED")) return;
    problems.push(`request failed: ${req.url()} (${error})`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin) {
      problems.push(`request to another host: ${url}`);
    }
  });
  await page.goto(base + path, { waitUntil: "networkidle" });
  if (lazy === "build") await buildLazy(page);
  return { page, context, problems };
}

/**
 * Build every lazy figure and block on the page (ui/lazyFigure.ts) and wait for them: the page's
 * cells display them as they run, so first wait until their number has settled.
 */
export async function buildLazy(page: Page): Promise<number> {
  // A page that makes lazy figures preloads the module that makes them.
  const lazyPage = await page.evaluate(() => !!document.querySelector('link[href*="/ui/lazyFigure."]'));
  if (!lazyPage) return 0;
  let last = -1;
  for (let tries = 0; tries < 20; tries++) {
    const count = await page.evaluate(() => document.querySelectorAll(".lazy-figure, .lazy-block").length);
    if (count === last && count > 0) break;
    last = count;
    await page.waitForTimeout(250);
  }
  return page.evaluate(async () => {
    const all = [...document.querySelectorAll(".lazy-figure, .lazy-block")] as (Element & {
      load?: () => Promise<unknown>;
    })[];
    await Promise.all(all.map((e) => e.load?.()));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return all.length;
  });
}

/** Set a range input's value the way a drag would (value then an input event). */
export async function setRange(page: Page, selector: string, value: number): Promise<void> {
  await page.locator(selector).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

/** The numeric data-value of a readout element. */
export async function readout(page: Page, scope: string, name: string): Promise<number> {
  const v = await page.locator(`${scope} [data-readout="${name}"]`).first().getAttribute("data-value");
  return Number(v);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Serious and critical accessibility violations found by axe-core (injected from node_modules),
 * one line each: impact, rule, node count, help and the first targets. `include` limits the audit
 * to part of the page (e.g. "#observablehq-main"); by default the whole page is audited.
 */
export async function axeViolations(page: Page, { include }: { include?: string } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (scope) => {
    type Result = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<Result> } })
      .axe;
    const result = await axe.run(scope ? { include: [[scope]] } : document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  }, include ?? null);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) => `${v.impact} ${v.id} (${v.targets.length}): ${v.help} — ${v.targets.slice(0, 3).join(" | ")}`,
    );
}

/**
 * The texts of a drawing that a line crosses: each `texts` element's box (shrunk by 1 px) against
 * points every 2 px along each `lines` path, in page coordinates (so rotated labels count as
 * drawn). Returns the crossed texts' contents; [] when every label stands clear.
 */
export async function textsCrossed(page: Page, svg: string, texts: string, lines: string): Promise<string[]> {
  return page.locator(svg).evaluate(
    (root, [textSel, lineSel]) => {
      const points: DOMPoint[] = [];
      for (const path of root.querySelectorAll<SVGGeometryElement>(lineSel!)) {
        const ctm = path.getScreenCTM();
        if (!ctm) continue;
        const length = path.getTotalLength();
        for (let at = 0; at <= length; at += 2) points.push(path.getPointAtLength(at).matrixTransform(ctm));
      }
      return [...root.querySelectorAll(textSel!)]
        .filter((t) => {
          const r = t.getBoundingClientRect();
          return points.some(
            (p) => p.x > r.left + 1 && p.x < r.right - 1 && p.y > r.top + 1 && p.y < r.bottom - 1,
          );
        })
        .map((t) => t.textContent ?? "");
    },
    [texts, lines],
  );
}

/** An axis tick label (svgAxis's `.axis-tick-labels text`): its position along the axis and its text. */
export interface Tick {
  at: number;
  label: string;
}

/** The tick labels with text under `axis` (a `g.x`, a `g.y`, or a whole svg), at their `x` or `y`. */
export function axisTicks(page: Page, axis: string, xy: "x" | "y"): Promise<Tick[]> {
  return page
    .locator(axis)
    .first()
    .evaluate(
      (root, at) =>
        [...root.querySelectorAll(".axis-tick-labels text")]
          .filter((t) => t.textContent)
          .map((t) => ({ at: Number(t.getAttribute(at)), label: t.textContent! })),
      xy,
    );
}

/**
 * A position along an axis back to its value, through the first and last tick labels: linear, or
 * with `log` on a log scale. Labels may carry "%", thousands commas, a "−" sign, a "k" or an "M".
 */
export function fromTicks(
  ticks: readonly Tick[],
  { log = false }: { log?: boolean } = {},
): (px: number) => number {
  const value = (label: string) => {
    const t = label.replace(/[%,]/g, "").replace("−", "-");
    const times = { k: 1e3, M: 1e6 }[t.slice(-1)];
    return times ? times * Number(t.slice(0, -1)) : Number(t);
  };
  if (ticks.length < 2) throw new Error(`an axis needs two tick labels to be read, found ${ticks.length}`);
  const [a, b] = [ticks[0]!, ticks[ticks.length - 1]!];
  const f = log ? Math.log10 : (v: number) => v;
  const [va, vb] = [f(value(a.label)), f(value(b.label))];
  if (!Number.isFinite(va) || !Number.isFinite(vb) || a.at === b.at)
    throw new Error(`tick labels "${a.label}" and "${b.label}" do not make a scale`);
  return (px) => {
    const v = va + ((px - a.at) * (vb - va)) / (b.at - a.at);
    return log ? 10 ** v : v;
  };
}
