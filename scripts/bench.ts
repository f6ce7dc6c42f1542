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
import { cpus } from "node:os";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";
import { chromiumArgs, chromiumPath } from "../tests/e2e/browser.ts";
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

const budgets = { redrawP95Ms: 16, pageJsGzipKb: 250, firstFigureMs: 1500, buildS: 60 };

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

// ---- build ----
let buildSeconds: number | null = null;
if (!process.env.BENCH_SKIP_BUILD && !process.env.BENCH_DIST) {
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

interface PageResult {
  path: string;
  bytes: Record<"js" | "css" | "data" | "other", { raw: number; gzip: number }>;
  firstFigureMs: number | null;
  figures: FigureResult[];
}
interface FigureResult {
  id: string;
  input: string;
  changes: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

const kindOf = (url: string, type: string) =>
  /\.m?js(\?|$)/.test(url) || type.includes("javascript")
    ? "js"
    : /\.css(\?|$)/.test(url) || type.includes("css")
      ? "css"
      : /\.(json|csv|tsv|jsonl|txt|arrow|parquet)(\?|$)/.test(url) || type.includes("json")
        ? "data"
        : "other";

/** Change each input of each figure ≥ 30 times across its range; time input → DOM laid out. */
async function measureFigures(page: Page): Promise<FigureResult[]> {
  return page.evaluate(async () => {
    const out: {
      id: string;
      input: string;
      changes: number;
      medianMs: number;
      p95Ms: number;
      maxMs: number;
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
          for (let i = 0; i < 30; i++) {
            const v = min + ((max - min) * (i % 2 === 0 ? i : 29 - i)) / 29;
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
          for (let i = 0; i < Math.max(30, options.length); i++) {
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
          for (let i = 0; i < 30; i++) {
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
        for (const step of steps) {
          await frame();
          const t0 = performance.now();
          step();
          section.getBoundingClientRect(); // force style and layout of the new drawing
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
        out.push({
          id,
          input: key,
          changes: times.length,
          medianMs: q(0.5),
          p95Ms: q(0.95),
          maxMs: times[times.length - 1]!,
        });
      }
    }
    return out;
  });
}

const pages: PageResult[] = [];
for (const path of paths) {
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
  await Promise.all(bodies);
  const firstFigure = await page.evaluate(
    () => (window as unknown as { __firstFigure?: number }).__firstFigure ?? null,
  );
  const figures = await measureFigures(page);
  pages.push({ path, bytes, firstFigureMs: firstFigure === null ? null : round(firstFigure, 0), figures });
  console.log(`${path}: ${figures.length} inputs, JS ${round(bytes.js.gzip / 1024, 1)} kB gz`);
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
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "", node: process.version },
  budgets,
  buildSeconds,
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
  `# Benchmark results (${results.date.slice(0, 10)}, ${results.machine.cpus} cores, Node ${process.version})`,
  "",
);
if (buildSeconds !== null)
  lines.push(
    `Build: **${buildSeconds} s** (budget ${budgets.buildS} s) ${ok(buildSeconds <= budgets.buildS)}`,
    "",
  );
lines.push(
  "## Pages",
  "",
  "| page | JS kB (gzip) | CSS kB (gzip) | data kB (gzip) | first figure ms | Lighthouse perf phone / desktop | a11y | layout shift |",
  "|---|---:|---:|---:|---:|---:|---:|---:|",
);
for (const p of pages) {
  const lh = lighthouse[p.path];
  lines.push(
    `| ${p.path} | ${round(p.bytes.js.raw / 1024, 0)} (${round(p.bytes.js.gzip / 1024, 1)}) ${ok(p.bytes.js.gzip / 1024 <= budgets.pageJsGzipKb)} | ${round(p.bytes.css.raw / 1024, 0)} (${round(p.bytes.css.gzip / 1024, 1)}) | ${round(p.bytes.data.raw / 1024, 0)} (${round(p.bytes.data.gzip / 1024, 1)}) | ${p.firstFigureMs ?? "–"} ${p.firstFigureMs === null ? "" : ok(p.firstFigureMs <= budgets.firstFigureMs)} | ${lh ? `${lh.performance} / ${lh.desktopPerformance} | ${lh.accessibility} | ${lh.cls}` : "– | – | –"} |`,
  );
}
lines.push(
  "",
  "## Redraw after an input change (input event → new drawing laid out)",
  "",
  "| page | figure | input | changes | median ms | p95 ms | max ms |",
  "|---|---|---|---:|---:|---:|---:|",
);
for (const p of pages) {
  for (const f of p.figures) {
    lines.push(
      `| ${p.path} | ${f.id} | ${f.input} | ${f.changes} | ${round(f.medianMs)} | ${round(f.p95Ms)} ${ok(f.p95Ms <= budgets.redrawP95Ms)} | ${round(f.maxMs)} |`,
    );
  }
}
lines.push("", "## Heavy kernels (Node)", "", "| kernel | ms |", "|---|---:|");
for (const k of kernelResults) lines.push(`| ${k.name} | ${round(k.ms, 0)} |`);
writeFileSync(`${outDir}/results.md`, `${lines.join("\n")}\n`);
console.log(lines.join("\n"));
