// npm run bench — measures what the site's users feel, and writes bench/results.json and
// bench/results.md. It builds the site, serves it on 127.0.0.1, drives Debian's chromium with
// playwright-core and reports against the budgets. A benchmark that reports, not a test.
//
//   npm run bench                 everything
//   BENCH_SKIP_BUILD=1 npm run bench    reuse dist/
//   BENCH_SKIP_LIGHTHOUSE=1 …     skip Lighthouse (slow)
//   BENCH_DIST=dist-x …           measure another build folder (implies BENCH_SKIP_BUILD)
//   BENCH_PAGES=/lessons/2,/tools/compare …  only these pages; a partial run prints its table
//                                 and writes bench/tmp/ instead of the record in bench/results.*
import { execSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";
import { buildLazy, chromiumArgs, chromiumPath } from "../tests/e2e/browser.ts";
import { sitePaths } from "../tests/e2e/site.ts";
import { kernels } from "./benchKernels.ts";
import { serve } from "./serve.ts";

const dist = process.env.BENCH_DIST ?? "dist";
const only = process.env.BENCH_PAGES?.split(",")
  .map((p) => p.trim())
  .filter(Boolean);
const paths = only ? sitePaths.filter((p) => only.includes(p)) : sitePaths;
if (only && paths.length !== only.length)
  throw new Error(`BENCH_PAGES: unknown page(s) ${only.filter((p) => !sitePaths.includes(p)).join(", ")}`);
const outDir = only ? "bench/tmp" : "bench";

const budgets = {
  redrawP95Ms: 16,
  settleP95Ms: 100,
  jsBeforeFigureGzipKb: 120,
  lighthousePhone: 90,
  pageJsGzipKb: 250,
  firstFigureMs: 1500,
  buildS: 60,
};

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

// ---- build ----
let buildSeconds: number | null = null;
/** What was built: the commit, and whether the files had changes not committed (null: a build made elsewhere). */
let built: string | null = null;
if (!process.env.BENCH_SKIP_BUILD && !process.env.BENCH_DIST) {
  const git = (args: string) => execSync(`git ${args}`, { encoding: "utf8" }).trim();
  try {
    built = `commit ${git("rev-parse --short HEAD")}${git("status --porcelain") ? ", with changes not committed" : ""}`;
  } catch {
    built = "not a git checkout";
  }
  const t0 = performance.now();
  execSync("npm run build", {
    stdio: "ignore",
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" },
  });
  buildSeconds = round((performance.now() - t0) / 1000, 1);
  console.log(`build: ${buildSeconds} s`);
}

const { server, url } = await serve(dist);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const browserVersion = browser.version();

interface PageResult {
  path: string;
  bytes: Record<"js" | "css" | "data" | "other", { raw: number; gzip: number }>;
  /** Gzipped JavaScript a phone (Lighthouse's 412×823 screen) loads with the page, before the reader scrolls: the budget. */
  jsAtLoadPhoneGzip: number;
  /** The same at 1280×800 (which also builds, ahead of the reader, a figure within LAZY_MARGIN of the screen), and with the first figure drawn. */
  jsAtLoadGzip: number;
  jsFirstFigureGzip: number;
  firstFigureMs: number | null;
  figures: FigureResult[];
}
interface FigureResult {
  id: string;
  input: string;
  changes: number;
  /** Input event → the first change laid out (the synchronous redraw). */
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Input event → the last visible change (a worker's or an idle refinement's redraw included). */
  lastMedianMs: number;
  lastP95Ms: number;
  lastMaxMs: number;
}

const kindOf = (url: string, type: string) =>
  /\.m?js(\?|$)/.test(url) || type.includes("javascript")
    ? "js"
    : /\.css(\?|$)/.test(url) || type.includes("css")
      ? "css"
      : /\.(json|csv|tsv|jsonl|txt|arrow|parquet)(\?|$)/.test(url) || type.includes("json")
        ? "data"
        : "other";

/**
 * Change each input of each figure ≥ 20 times across its range; for each change, time the input
 * event → the first change laid out, and → the last visible change (waiting for quiet).
 */
async function measureFigures(page: Page): Promise<FigureResult[]> {
  return page.evaluate(async () => {
    const out: {
      id: string;
      input: string;
      changes: number;
      medianMs: number;
      p95Ms: number;
      maxMs: number;
      lastMedianMs: number;
      lastP95Ms: number;
      lastMaxMs: number;
    }[] = [];
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    const sections = Array.from(document.querySelectorAll<HTMLElement>("[data-explorable]"));
    for (const section of sections) {
      const id = section.dataset.explorable!;
      const inputs = Array.from(
        section.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
          ".explorable-controls input[type=range], .explorable-controls select, .explorable-controls input[type=radio], .explorable-controls input[type=checkbox]",
        ),
      );
      const groups = new Map<string, (HTMLInputElement | HTMLSelectElement)[]>();
      for (const input of inputs) {
        const key = input.dataset.key ?? input.getAttribute("name") ?? "input";
        groups.set(key, [...(groups.get(key) ?? []), input]);
      }
      for (const [key, members] of groups) {
        const first = members[0]!;
        const steps: (() => void)[] = [];
        if (first instanceof HTMLInputElement && first.type === "range") {
          const min = Number(first.min);
          const max = Number(first.max);
          const original = first.value;
          for (let i = 0; i < 20; i++) {
            const v = min + ((max - min) * (i % 2 === 0 ? i : 19 - i)) / 19;
            steps.push(() => {
              first.value = String(v);
              first.dispatchEvent(new Event("input", { bubbles: true }));
            });
          }
          steps.push(() => {
            first.value = original;
            first.dispatchEvent(new Event("input", { bubbles: true }));
          });
        } else if (first instanceof HTMLSelectElement) {
          const options = Array.from(first.options).map((o) => o.value);
          const original = first.value;
          for (let i = 0; i < Math.max(20, options.length); i++) {
            const v = options[i % options.length]!;
            steps.push(() => {
              first.value = v;
              first.dispatchEvent(new Event("input", { bubbles: true }));
            });
          }
          steps.push(() => {
            first.value = original;
            first.dispatchEvent(new Event("input", { bubbles: true }));
          });
        } else {
          const radios = members as HTMLInputElement[];
          const checkedBefore = radios.findIndex((r) => r.checked);
          for (let i = 0; i < 20; i++) {
            const r = radios[i % radios.length]!;
            steps.push(() => {
              if (r.type === "checkbox") r.checked = !r.checked;
              else r.checked = true;
              r.dispatchEvent(new Event("input", { bubbles: true }));
            });
          }
          if (checkedBefore >= 0 && radios[0]!.type === "radio") {
            steps.push(() => {
              radios[checkedBefore]!.checked = true;
              radios[checkedBefore]!.dispatchEvent(new Event("input", { bubbles: true }));
            });
          }
        }
        const times: number[] = [];
        const lasts: number[] = [];
        for (const step of steps) {
          await frame();
          let last = 0;
          // A visible change: nodes or text, or an attribute other than data-* (the frame's render
          // counters); live regions (read aloud, not seen) are left out.
          const seen = new MutationObserver((records) => {
            const visible = records.some(
              (r) =>
                !(r.type === "attributes" && r.attributeName?.startsWith("data-")) &&
                !(r.target instanceof Element ? r.target : r.target.parentElement)?.closest(
                  "[aria-live], .sr-only",
                ),
            );
            if (visible) {
              section.getBoundingClientRect();
              last = performance.now();
            }
          });
          seen.observe(section, { subtree: true, childList: true, characterData: true, attributes: true });
          const t0 = performance.now();
          step();
          section.getBoundingClientRect(); // force style and layout of the new drawing
          const first = performance.now() - t0;
          times.push(first);
          // The last change: wait until nothing has changed for QUIET ms (or 3 s in all).
          const QUIET = 250;
          while (performance.now() - Math.max(last, t0) < QUIET && performance.now() - t0 < 3000)
            await new Promise((r) => setTimeout(r, 20));
          seen.disconnect();
          lasts.push(Math.max(first, last - t0));
        }
        times.sort((a, b) => a - b);
        lasts.sort((a, b) => a - b);
        const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!;
        out.push({
          id,
          input: key,
          changes: times.length,
          medianMs: q(times, 0.5),
          p95Ms: q(times, 0.95),
          maxMs: times[times.length - 1]!,
          lastMedianMs: q(lasts, 0.5),
          lastP95Ms: q(lasts, 0.95),
          lastMaxMs: lasts[lasts.length - 1]!,
        });
      }
    }
    return out;
  });
}

const pages: PageResult[] = [];
/** Gzipped JavaScript a phone loads with `path` before the reader scrolls (each URL once). */
async function jsAtLoadOnPhone(path: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
  const page = await context.newPage();
  const seen = new Set<string>();
  const bodies: Promise<void>[] = [];
  let gzip = 0;
  page.on("response", (res) => {
    if (seen.has(res.url()) || kindOf(res.url(), res.headers()["content-type"] ?? "") !== "js") return;
    seen.add(res.url());
    bodies.push(
      res
        .body()
        .then((body) => {
          gzip += gzipSync(body).length;
        })
        .catch(() => {}),
    );
  });
  await page.goto(url + path, { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  await Promise.all(bodies);
  await context.close();
  return gzip;
}

for (const path of paths) {
  const jsAtLoadPhoneGzip = await jsAtLoadOnPhone(path);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // tsx compiles this file with esbuild's keepNames, whose __name helper must exist in the page too.
  await context.addInitScript("window.__name = (f) => f;");
  await context.addInitScript(() => {
    const w = window as unknown as { __firstFigure?: number };
    new MutationObserver((_, obs) => {
      if (document.querySelector("[data-explorable][data-renders]")) {
        w.__firstFigure = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  const page = await context.newPage();
  const bodies: Promise<void>[] = [];
  const bytes: PageResult["bytes"] = {
    js: { raw: 0, gzip: 0 },
    css: { raw: 0, gzip: 0 },
    data: { raw: 0, gzip: 0 },
    other: { raw: 0, gzip: 0 },
  };
  // Each URL counts once: a Worker that imports the page's modules (same hashed URL) gets them from
  // the browser's cache, not the network.
  const counted = new Set<string>();
  page.on("response", (res) => {
    if (counted.has(res.url())) return;
    counted.add(res.url());
    bodies.push(
      res
        .body()
        .then((body) => {
          const kind = kindOf(res.url(), res.headers()["content-type"] ?? "");
          bytes[kind].raw += body.length;
          bytes[kind].gzip += gzipSync(body).length;
        })
        .catch(() => {}),
    );
  });
  await page.goto(url + path, { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  await Promise.all(bodies);
  // What the reader has loaded before scrolling; then scroll to the first figure (if it is not
  // drawn yet) and count again; then build every lazy figure (as scrolling through would).
  const jsAtLoadGzip = bytes.js.gzip;
  await page.evaluate(async () => {
    const first = document.querySelector<HTMLElement>("[data-explorable]");
    if (!first || first.dataset.renders) return;
    first.scrollIntoView({ block: "start" });
    for (let i = 0; i < 300 && !document.querySelector("[data-explorable][data-renders]"); i++)
      await new Promise((r) => setTimeout(r, 20));
  });
  await page.waitForLoadState("networkidle");
  await Promise.all(bodies);
  const jsFirstFigureGzip = bytes.js.gzip;
  await buildLazy(page);
  await page.evaluate(() => scrollTo(0, 0));
  await page.waitForLoadState("networkidle");
  await Promise.all(bodies);
  const firstFigure = await page.evaluate(
    () => (window as unknown as { __firstFigure?: number }).__firstFigure ?? null,
  );
  const figures = await measureFigures(page);
  pages.push({
    path,
    bytes,
    jsAtLoadPhoneGzip,
    jsAtLoadGzip,
    jsFirstFigureGzip,
    firstFigureMs: firstFigure === null ? null : round(firstFigure, 0),
    figures,
  });
  console.log(
    `${path}: ${figures.length} inputs, JS ${round(jsAtLoadPhoneGzip / 1024, 1)} kB gz at load on a phone, ${round(jsAtLoadGzip / 1024, 1)} at 1280×800, ${round(jsFirstFigureGzip / 1024, 1)} with the first figure, ${round(bytes.js.gzip / 1024, 1)} in all`,
  );
  await context.close();
}
await browser.close();

// ---- Lighthouse ----
// Lighthouse's default run emulates a mid-range phone on slow 4G (its simulated times grow with
// every byte requested before the first paint); the desktop preset is what a learner on a laptop or
// an instructor at a projector gets. Both are reported.
const lighthouse: Record<
  string,
  { performance: number; accessibility: number; desktopPerformance: number; cls: number }
> = {};
if (!process.env.BENCH_SKIP_LIGHTHOUSE) {
  const { default: lh } = await import("lighthouse");
  const { default: desktop } = await import("lighthouse/core/config/desktop-config.js");
  const { launch } = await import("chrome-launcher");
  const chrome = await launch({ chromePath: chromiumPath(), chromeFlags: chromiumArgs });
  try {
    for (const path of paths) {
      const flags = { port: chrome.port, output: "json" as const, logLevel: "error" as const };
      const mobile = await lh(url + path, { ...flags, onlyCategories: ["performance", "accessibility"] });
      const wide = await lh(url + path, { ...flags, onlyCategories: ["performance"] }, desktop);
      const cats = mobile?.lhr.categories;
      lighthouse[path] = {
        performance: Math.round(100 * (cats?.performance?.score ?? 0)),
        accessibility: Math.round(100 * (cats?.accessibility?.score ?? 0)),
        desktopPerformance: Math.round(100 * (wide?.lhr.categories.performance?.score ?? 0)),
        cls: round(Number(mobile?.lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0), 3),
      };
      console.log(`lighthouse ${path}: ${JSON.stringify(lighthouse[path])}`);
    }
  } finally {
    await chrome.kill();
  }
}
server.close();

// ---- kernels in Node ----
const kernelResults = only ? [] : await kernels();

const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? "",
    node: process.version,
    chromium: browserVersion,
  },
  budgets,
  buildSeconds,
  built,
  pages,
  lighthouse,
  kernels: kernelResults,
};
mkdirSync(outDir, { recursive: true });
writeFileSync(`${outDir}/results.json`, `${JSON.stringify(results, null, 2)}\n`);

// ---- Markdown ----
const ok = (good: boolean) => (good ? "✓" : "✗ over budget");
const lines: string[] = [];
lines.push(
  `# Benchmark results (${results.date.slice(0, 10)}, ${results.machine.cpus} cores, ${results.machine.cpu}, Node ${process.version})`,
  "",
  `Machine: ${results.machine.cpus} cores, headless Chromium ${browserVersion}; load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(
      ", ",
    )} at the end (the bench and Lighthouse count in it). A machine shared with other jobs makes timings noisy: a p95 over budget should be re-measured alone.`,
  "",
);
if (buildSeconds !== null)
  lines.push(
    `Build of ${built}: **${buildSeconds} s** (budget ${budgets.buildS} s) ${ok(buildSeconds <= budgets.buildS)}`,
    "",
  );
lines.push(
  "## Pages",
  "",
  `JS gzipped: at load on a phone (412×823, before the reader scrolls; budget ≤ ${budgets.jsBeforeFigureGzipKb} kB); at load at 1280×800, where a figure within 60% of a screen below the fold is built ahead of the reader; once the first figure is drawn (scrolled to); and in all (every figure built). Lighthouse phone budget ≥ ${budgets.lighthousePhone}.`,
  "",
  "| page | JS kB gz at load, phone | at load, 1280×800 | with 1st figure | in all | CSS kB (gzip) | data kB (gzip) | Lighthouse perf phone / desktop | a11y | layout shift |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
);
for (const p of pages) {
  const lh = lighthouse[p.path];
  const kb = (x: number) => round(x / 1024, 1);
  lines.push(
    `| ${p.path} | ${kb(p.jsAtLoadPhoneGzip)} ${ok(p.jsAtLoadPhoneGzip / 1024 <= budgets.jsBeforeFigureGzipKb)} | ${kb(p.jsAtLoadGzip)} | ${kb(p.jsFirstFigureGzip)} | ${kb(p.bytes.js.gzip)} | ${round(p.bytes.css.raw / 1024, 0)} (${kb(p.bytes.css.gzip)}) | ${round(p.bytes.data.raw / 1024, 0)} (${kb(p.bytes.data.gzip)}) | ${lh ? `${lh.performance} ${ok(lh.performance >= budgets.lighthousePhone)} / ${lh.desktopPerformance} | ${lh.accessibility} | ${lh.cls}` : "– | – | –"} |`,
  );
}
lines.push(
  "",
  "## After an input change: first change and last visible change",
  "",
  `Input event → the first change laid out (budget p95 ≤ ${budgets.redrawP95Ms} ms) and → the last visible change, live regions excluded (budget p95 ≤ ${budgets.settleP95Ms} ms).`,
  "",
  "| page | figure | input | changes | first median ms | first p95 ms | last median ms | last p95 ms | last max ms |",
  "|---|---|---|---:|---:|---:|---:|---:|---:|",
);
for (const p of pages) {
  for (const f of p.figures) {
    lines.push(
      `| ${p.path} | ${f.id} | ${f.input} | ${f.changes} | ${round(f.medianMs)} | ${round(f.p95Ms)} ${ok(f.p95Ms <= budgets.redrawP95Ms)} | ${round(f.lastMedianMs)} | ${round(f.lastP95Ms)} ${ok(f.lastP95Ms <= budgets.settleP95Ms)} | ${round(f.lastMaxMs)} |`,
    );
  }
}
lines.push("", "## Heavy kernels (Node)", "", "| kernel | ms |", "|---|---:|");
for (const k of kernelResults) lines.push(`| ${k.name} | ${round(k.ms, 0)} |`);
writeFileSync(`${outDir}/results.md`, `${lines.join("\n")}\n`);
console.log(lines.join("\n"));
