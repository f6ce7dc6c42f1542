// The "your own results" tool in a browser: the sample's numbers against the statistics core,
// bad files with their messages, lm-eval samples with a filter switch, different item sets,
// and a 200,000-row file that completes with progress shown while the page keeps painting.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tTwoSidedP, zCritical } from "../../src/components/stats/distributions.ts";
import { adjustPValues } from "../../src/components/stats/multipleComparisons.ts";
import { clusteredStandardError, pairedDifference } from "../../src/components/stats/tests.ts";
import { open, useBrowser } from "./browser.ts";

const root = join(import.meta.dirname, "../..");
const fixtures = join(root, "tests/fixtures/bad-input/results");
const sampleText = readFileSync(join(root, "src/tools/sample-results.csv"), "utf8");
const tool = ".results-tool";
/** Student t quantile for 99% two-sided with 13 degrees of freedom (SciPy stats.t.ppf(0.995, 13)). */
const T99_13 = 3.012275838716578;

const browser = useBrowser();
let page: Page;
let problems: string[];

beforeAll(async () => {
  ({ page, problems } = await open(browser, "/tools/your-results"));
  await page.locator(tool).waitFor();
});

type Upload = { name: string; mimeType: string; buffer: Buffer };
const fixture = (name: string): Upload => ({
  name,
  mimeType: "application/octet-stream",
  buffer: readFileSync(join(fixtures, name)),
});
const text = (name: string, body: string): Upload => ({
  name,
  mimeType: "text/plain",
  buffer: Buffer.from(body),
});

/** Upload files (or a folder) through a file picker and wait for the run to finish. */
async function upload(files: Upload[] | string, timeout = 30_000, input = "#results-file-input") {
  const before = Number((await page.locator(tool).getAttribute("data-runs")) ?? 0);
  await page.setInputFiles(input, files);
  await page.waitForFunction(
    ([sel, n]) => {
      const el = document.querySelector(sel as string) as HTMLElement;
      return Number(el.dataset.runs ?? 0) > (n as number) && el.dataset.state !== "running";
    },
    [tool, before],
    { timeout },
  );
}

const value = async (selector: string, attr = "data-value") =>
  Number(await page.locator(selector).first().getAttribute(attr));

describe("the page", () => {
  it("says nothing leaves the browser and offers the sample for download", async () => {
    await expect(page.locator(".results-privacy").textContent()).resolves.toMatch(
      /Nothing leaves your browser/,
    );
    const href = await page.locator(`a[download="sample-results.csv"]`).getAttribute("href");
    const served = await page.evaluate(async (u) => (await fetch(u!)).text(), href);
    expect(served).toBe(sampleText);
  });
});

describe("the sample file", () => {
  const rows = csvParse(sampleText);
  const models = [...new Set(rows.map((r) => r.model!))];
  const byModel = new Map(models.map((m) => [m, rows.filter((r) => r.model === m)]));
  const values = (m: string) => byModel.get(m)!.map((r) => Number(r.correct));
  const clusters = byModel.get(models[0]!)!.map((r) => r.cluster!);

  beforeAll(async () => {
    const before = Number((await page.locator(tool).getAttribute("data-runs")) ?? 0);
    await page.click('[data-action="load-sample"]');
    await page.waitForFunction(
      ([sel, n]) =>
        Number((document.querySelector(sel as string) as HTMLElement).dataset.runs ?? 0) > (n as number),
      [tool, before],
    );
  });

  it("reads all 8,400 rows and trusts them fully", async () => {
    expect(await page.locator('li[data-file="sample-results.csv"]').getAttribute("data-records")).toBe(
      "8400",
    );
    expect(await value('[data-readout="shared-items"]')).toBe(1400);
    expect(await page.locator('[data-readout="trust"]').getAttribute("data-partial")).toBe("0");
  });

  it("each accuracy, interval and clustered SE matches the statistics core", async () => {
    for (const m of models) {
      const v = values(m);
      const acc = v.reduce((s, x) => s + x, 0) / v.length;
      const se = clusteredStandardError(v, clusters);
      const row = `#fig-your-results tr[data-model="${m}"]`;
      expect(await value(`${row} [data-readout="accuracy"]`)).toBeCloseTo(100 * acc, 9);
      expect(await value(`${row} [data-readout="clustered-se"]`)).toBeCloseTo(100 * se, 9);
      // 14 clusters: t with 13 degrees of freedom, 2.1603686564627913 (SciPy's t.ppf(0.975, 13)).
      expect(await value(`${row} [data-readout="interval"]`, "data-lower")).toBeCloseTo(
        acc - 2.1603686564627913 * se,
        6,
      );
      const naive = Math.sqrt(v.reduce((s, x) => s + (x - acc) ** 2, 0) / (v.length - 1) / v.length);
      expect(await value(`${row} [data-readout="width-ratio"]`)).toBeCloseTo(se / naive, 9);
      expect(await value(`${row} [data-readout="width-ratio"]`)).toBeGreaterThan(1);
    }
  });

  it("every pair: paired t-test (clustered SE, 13 df) from the core, Holm-adjusted across the 15 pairs", async () => {
    const pairs = await page
      .locator("#fig-your-results tr[data-pair]")
      .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.pair!));
    expect(pairs).toHaveLength(15);
    const raw = pairs.map((p) => {
      const [a, b] = p.split("|") as [string, string];
      const x = values(a);
      const y = values(b);
      const d = pairedDifference(x, y);
      const se = clusteredStandardError(
        x.map((xi, i) => xi - y[i]!),
        clusters,
      );
      return { p, diff: d.meanDiff, pValue: tTwoSidedP(d.meanDiff / se, 13) };
    });
    const holm = adjustPValues(
      raw.map((r) => r.pValue),
      "holm",
    );
    for (const [i, r] of raw.entries()) {
      const row = `#fig-your-results tr[data-pair="${r.p}"]`;
      expect(r.diff).toBeGreaterThanOrEqual(0);
      expect(await value(`${row} [data-readout="diff"]`)).toBeCloseTo(100 * r.diff, 9);
      expect(await value(`${row} [data-readout="p-value"]`)).toBeCloseTo(r.pValue, 12);
      expect(await value(`${row} [data-readout="adjusted-p"]`)).toBeCloseTo(holm[i]!, 12);
    }
    const separated = holm.filter((p) => p < 0.05).length;
    expect(await value('#fig-your-results [data-readout="pairs-separated"]')).toBe(separated);
    await expect(page.locator("#fig-your-results caption").nth(1).textContent()).resolves.toMatch(
      /Holm's correction for 15 comparisons/,
    );
  });

  it("the closest pair and the items it would need", async () => {
    // Mixtral-8x7B-v0.1 vs Phi-3-mini: 191 vs 189 discordant items, 0.14 pp apart.
    const caption = await page.locator("#fig-your-results .results-closest").textContent();
    expect(caption).toMatch(/Mixtral-8x7B-v0\.1 vs Phi-3-mini-4k-instruct, 0\.14 pp apart/);
    const x = values("Mixtral-8x7B-v0.1").map((v, i) => v - values("Phi-3-mini-4k-instruct")[i]!);
    const se = clusteredStandardError(x, clusters);
    const z = zCritical(0.95) + zCritical(0.6);
    expect(await value('[data-readout="items-needed"]')).toBe(Math.ceil(1400 * ((z * se) / (2 / 1400)) ** 2));
  });

  it("accuracy by cluster (grouped in the worker) matches a count by hand", async () => {
    const cats = [...new Set(clusters)];
    expect(await page.locator(".results-clusters tr[data-cluster]").count()).toBe(14);
    let flips = 0;
    for (const c of cats) {
      const idx = clusters.flatMap((x, i) => (x === c ? [i] : []));
      const acc = models.map((m) => idx.reduce((s, i) => s + values(m)[i]!, 0) / idx.length);
      const best = models[acc.indexOf(Math.max(...acc))]!;
      if (best !== "Meta-Llama-3_1-8B-Instruct") flips++;
      for (const [j, m] of models.entries()) {
        expect(await value(`.results-clusters tr[data-cluster="${c}"] td[data-model="${m}"]`)).toBeCloseTo(
          acc[j]!,
          12,
        );
      }
      expect(
        await page.locator(`.results-clusters tr[data-cluster="${c}"] td.best`).getAttribute("data-model"),
      ).toBe(best);
    }
    expect(await value('[data-readout="cluster-flips"]')).toBe(flips);
  });

  it("the rank-overlap chart draws every model, and the confidence control changes the intervals", async () => {
    const drawn = await page
      .locator("#fig-your-results svg [data-model]")
      .evaluateAll((els) => [...new Set(els.map((e) => (e as SVGElement).dataset.model))]);
    expect(drawn.sort()).toEqual([...models].sort());
    const row = '#fig-your-results tr[data-model="Yi-34B"] [data-readout="interval"]';
    const lower95 = await value(row, "data-lower");
    await page.locator("#fig-your-results label.segment", { hasText: "99%" }).click();
    const lower99 = await value(row, "data-lower");
    const v = values("Yi-34B");
    const acc = v.reduce((s, x) => s + x, 0) / v.length;
    // t with 13 df at 99%: 3.0122757..., SciPy's t.ppf(0.995, 13).
    expect(lower99).toBeCloseTo(acc - T99_13 * clusteredStandardError(v, clusters), 6);
    expect(lower99).toBeLessThan(lower95);
  });

  it("switching the correction to Bonferroni re-adjusts the p-values", async () => {
    await page.selectOption('#fig-your-results select[data-key="correction"]', "bonferroni");
    const ps = await page
      .locator('#fig-your-results [data-readout="p-value"]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-value"))));
    const adj = await page
      .locator('#fig-your-results [data-readout="adjusted-p"]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-value"))));
    for (const [i, p] of ps.entries()) expect(adj[i]).toBeCloseTo(Math.min(1, 15 * p), 12);
  });
});

describe("bad files: each gets its message, the good ones still count", () => {
  it("an empty file, an image and a workbook are refused by name; a file with an unknown value is used in part", async () => {
    await upload([
      fixture("empty.csv"),
      fixture("not-text.png"),
      fixture("results.xlsx"),
      fixture("unknown-value.csv"),
    ]);
    const error = (name: string) =>
      page.locator(`li[data-file="${name}"] [data-readout="file-error"]`).textContent();
    await expect(error("empty.csv")).resolves.toBe("empty.csv is empty (0 bytes): there is nothing to read.");
    await expect(error("not-text.png")).resolves.toBe(
      "not-text.png is not a text file: it looks like a PNG image.",
    );
    await expect(error("results.xlsx")).resolves.toMatch(
      /results\.xlsx is not a text file: it looks like a ZIP archive or an Excel\/Numbers workbook/,
    );
    const partial = page.locator('li[data-file="unknown-value.csv"]');
    expect(await partial.getAttribute("data-dropped")).toBe("2");
    const issues = await partial.locator(".results-issue").allTextContents();
    expect(issues).toEqual([
      'line 3: "correct" value "maybe" is not 0/1, true/false or a number in [0, 1]; line dropped',
      'line 7: "correct" value 2 is outside [0, 1] (a percentage? per-item results must be 0/1 or a score in [0, 1]); line dropped',
    ]);
    const trust = await page.locator('[data-readout="trust"]').textContent();
    expect(trust).toMatch(/Partial trust\./);
    expect(trust).toMatch(/3 files could not be read at all/);
    expect(trust).toMatch(/2 lines or cells dropped/);
    expect(await value('[data-readout="shared-items"]')).toBe(2);
  });

  it("a missing column names the line and the columns found", async () => {
    await upload([fixture("missing-column.csv")]);
    await expect(page.locator('[data-readout="file-error"]').textContent()).resolves.toMatch(
      /^missing-column\.csv line 1: missing column "correct" \(the header has "model", "item", "answer"/,
    );
    await expect(page.locator('[data-readout="fatal"]').textContent()).resolves.toMatch(
      /No file could be read/,
    );
  });

  it("duplicate (model, item) rows: first kept, both lines named", async () => {
    await upload([fixture("duplicates.csv")]);
    const msgs = await page.locator('[data-readout="trust"] .results-issue').allTextContents();
    expect(msgs).toEqual([
      'duplicates.csv line 7: model "A", item "q2" appears again with a different result (1 here, 0 there) (first on line 3); kept the first',
      'duplicates.csv line 9: model "B", item "q3" appears again (first on line 8); kept the first',
    ]);
    expect(await value('tr[data-model="A"] [data-readout="accuracy"]')).toBeCloseTo((100 * 2) / 3, 9);
  });

  it("different item sets: compared on the shared items, with what was left out per model", async () => {
    await upload([fixture("different-items.csv")]);
    expect(await value('[data-readout="shared-items"]')).toBe(8);
    for (const m of ["A", "B", "C"])
      expect(await value(`tr[data-model="${m}"] [data-readout="not-shared"]`)).toBe(2);
    await expect(page.locator('[data-readout="trust"]').textContent()).resolves.toMatch(
      /4 of 12 items left out because not every model answered them \(A: 2, B: 2, C: 2\)/,
    );
  });

  it("no items in common: no analysis, and a reason", async () => {
    await upload([fixture("no-shared-items.csv")]);
    await expect(page.locator('[data-readout="fatal"]').textContent()).resolves.toMatch(
      /The models share no items: A has 2, B has 2, none in common/,
    );
  });

  it("a file that is not text at all, and one that is not UTF-8", async () => {
    await upload([fixture("binary.csv"), fixture("latin1.csv")]);
    await expect(
      page.locator('li[data-file="binary.csv"] [data-readout="file-error"]').textContent(),
    ).resolves.toMatch(/^binary\.csv is not a text file \(a zero byte at offset \d+\)/);
    await expect(
      page.locator('li[data-file="latin1.csv"] [data-readout="file-error"]').textContent(),
    ).resolves.toMatch(/^latin1\.csv line 2: bytes that are not UTF-8 text/);
  });
});

describe("lm-evaluation-harness samples, one file per model", () => {
  const record = (id: number, filter: string, em: number) =>
    JSON.stringify({
      doc_id: id,
      doc: { question: `Q${id}`, answer: "#### 4" },
      target: "4",
      arguments: { gen_args_0: { arg_0: "prompt", arg_1: {} } },
      resps: [["The answer is 4."]],
      filtered_resps: ["4"],
      filter,
      metrics: ["exact_match"],
      doc_hash: "d",
      prompt_hash: "p",
      target_hash: "t",
      exact_match: em,
    });
  // 40 items; strict-match: llama right on 0–19, qwen on 0–29; flexible-extract: both right on 0–34.
  const file = (name: string, strict: number) =>
    text(
      name,
      Array.from({ length: 40 }, (_, i) =>
        [record(i, "strict-match", i < strict ? 1 : 0), record(i, "flexible-extract", i < 35 ? 1 : 0)].join(
          "\n",
        ),
      ).join("\n"),
    );

  it("reads exact_match under the first filter, names models from the files, and switches filter on request", async () => {
    await upload([file("llama.jsonl", 20), file("qwen.jsonl", 30)]);
    expect(await value('tr[data-model="llama"] [data-readout="accuracy"]')).toBeCloseTo(50, 9);
    expect(await value('tr[data-model="qwen"] [data-readout="accuracy"]')).toBeCloseTo(75, 9);
    // 10 items only qwen got right, none only llama: McNemar's exact p = 2 · 0.5^10; the paired
    // t-test on the 40 differences (ten 1s, thirty 0s) gives p = 0.00087257 (SciPy's ttest_1samp).
    expect(await value('tr[data-pair="qwen|llama"] [data-readout="mcnemar-p"]')).toBeCloseTo(
      2 * 0.5 ** 10,
      12,
    );
    expect(await value('tr[data-pair="qwen|llama"] [data-readout="p-value"]')).toBeCloseTo(
      0.0008725735575987845,
      7,
    );
    await expect(page.locator('li[data-file="llama.jsonl"]').textContent()).resolves.toMatch(
      /answer filter "strict-match" \(40 of 80 lines; the other filter "flexible-extract" not used\)/,
    );
    const before = Number(await page.locator(tool).getAttribute("data-runs"));
    await page.selectOption('li[data-file="llama.jsonl"] select[data-key="filter"]', "flexible-extract");
    await page.waitForFunction(
      ([sel, n]) =>
        Number((document.querySelector(sel as string) as HTMLElement).dataset.runs) > (n as number),
      [tool, before],
    );
    expect(await value('tr[data-model="llama"] [data-readout="accuracy"]')).toBeCloseTo(87.5, 9);
  });
});

describe("a 200,000-row file", () => {
  it("completes off the main thread, with progress shown, while the page keeps painting", async () => {
    // 10 models × 20,000 items in 40 clusters, from a fixed linear congruential generator.
    let seed = 12345;
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const lines = ["model,item,correct,cluster"];
    const right = new Array<number>(10).fill(0);
    for (let m = 0; m < 10; m++) {
      for (let i = 0; i < 20_000; i++) {
        const c = rand() < 0.5 + m * 0.01 ? 1 : 0;
        right[m]! += c;
        lines.push(`model-${m},item-${i},${c},topic-${i % 40}`);
      }
    }
    const body = `${lines.join("\n")}\n`;
    expect(lines.length - 1).toBe(200_000);
    // Watch the main thread: every task longer than 50 ms (the Long Tasks API), and the progress
    // values shown. Only tasks after the run starts count, and not the one that draws the results.
    await page.evaluate(() => {
      const w = window as unknown as { __long: { start: number; duration: number }[]; __progress: string[] };
      w.__long = [];
      w.__progress = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: "longtask" });
      const tool = document.querySelector(".results-tool") as HTMLElement;
      new MutationObserver(() => {
        if (tool.dataset.progress) w.__progress.push(tool.dataset.progress);
      }).observe(tool, { attributes: true, attributeFilter: ["data-progress"] });
    });
    const started = Date.now();
    await upload([text("big.csv", body)], 120_000);
    const elapsed = Date.now() - started;
    await page.waitForTimeout(200);
    const { long, progress, runStart, renderAt } = await page.evaluate(() => {
      const w = window as unknown as { __long: { start: number; duration: number }[]; __progress: string[] };
      const last = (name: string) => performance.getEntriesByName(name).at(-1)!.startTime;
      return {
        long: w.__long,
        progress: w.__progress,
        runStart: last("results-run-start"),
        renderAt: last("results-render"),
      };
    });
    const during = long.filter(
      (t) => t.start > runStart && !(t.start <= renderAt && renderAt <= t.start + t.duration),
    );
    const drawing = long.find((t) => t.start <= renderAt && renderAt <= t.start + t.duration);
    console.log(
      `200k rows: ${elapsed} ms in all; main-thread tasks over 50 ms while the worker ran: ${during.map((t) => t.duration.toFixed(0)).join(", ") || "none"}; ` +
        `drawing the results: ${drawing ? `${drawing.duration.toFixed(0)} ms` : "under 50 ms"}; ${progress.length} progress updates`,
    );
    // Progress was shown between start and end (not just 0 and 1).
    expect(progress.some((p) => Number(p) > 0 && Number(p) < 1)).toBe(true);
    // The page stayed responsive: no main-thread task of 200 ms or more while the file was read and analysed.
    expect(during.filter((t) => t.duration >= 200)).toEqual([]);
    expect(await value('[data-readout="shared-items"]')).toBe(20_000);
    for (const m of [0, 9]) {
      expect(await value(`tr[data-model="model-${m}"] [data-readout="accuracy"]`)).toBeCloseTo(
        (100 * right[m]!) / 20_000,
        9,
      );
    }
    expect(await page.locator("#fig-your-results tr[data-pair]").count()).toBe(45);
  });
});

describe("hostile names (tests/fixtures/bad-input/hostile-strings.txt)", () => {
  it("are shown as text: no script runs, no element is injected, every name is listed as written", async () => {
    const hostile = readFileSync(join(root, "tests/fixtures/bad-input/hostile-strings.txt"), "utf8")
      .split("\n")
      .filter((s) => s !== "");
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
    let csv = "model,item,correct\n";
    for (const [j, model] of hostile.entries())
      for (let i = 0; i < 40; i++)
        csv += `${quote(model)},${quote(hostile[i % hostile.length]!)}#${i},${(i + j) % 4 === 0 ? 0 : 1}\n`;
    await upload([text("hostile.csv", csv)]);
    const shown = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      injected: document.querySelectorAll("main img[src='x'], main svg[onload], main [onerror]").length,
      models: Array.from(document.querySelectorAll<HTMLElement>("#fig-your-results tr[data-model]")).map(
        (tr) => tr.dataset.model,
      ),
    }));
    expect(shown.pwned).toBeNull();
    expect(shown.injected).toBe(0);
    expect(dialogs).toEqual([]);
    expect(new Set(shown.models)).toEqual(new Set(hostile));
    // Rendered as text: the table shows the markup-looking name literally.
    await expect(page.locator("#fig-your-results").textContent()).resolves.toContain(
      "<script>window.__pwned = 1</script>",
    );
  });
});

describe("a whole lm-eval output folder: two models, three tasks", () => {
  // Built by hand so every number below can be counted: model A (folder org__A) and model B
  // (org__B), tasks copa (10 docs), math (10), arc (5). Right answers:
  //   A: copa 8, math 3, arc 4 → 15 of 25;  B: copa 6, math 5, arc 1 → 12 of 25.
  //   Macro (per task): A (0.8 + 0.3 + 0.8)/3 = 0.6333…; B (0.6 + 0.5 + 0.2)/3 = 0.4333…
  const ts = "2024-06-01T10-00-00.000001";
  const right = {
    A: { copa: 8, math: 3, arc: 4 },
    B: { copa: 6, math: 5, arc: 1 },
  } as const;
  const size = { copa: 10, math: 10, arc: 5 } as const;
  let runDir = "";
  beforeAll(() => {
    runDir = mkdtempSync(join(tmpdir(), "lm-eval-run-"));
    for (const [model, tasks] of Object.entries(right)) {
      const dir = join(runDir, `org__${model}`);
      mkdirSync(dir, { recursive: true });
      for (const [task, k] of Object.entries(tasks)) {
        const lines = Array.from({ length: size[task as keyof typeof size] }, (_, i) =>
          JSON.stringify({
            doc_id: i,
            doc: { q: `${task} ${i}` },
            target: "1",
            arguments: {},
            resps: [],
            filtered_resps: [],
            filter: "none",
            metrics: ["acc"],
            doc_hash: `${task}-${i}`,
            acc: i < k ? 1 : 0,
          }),
        );
        writeFileSync(join(dir, `samples_${task}_${ts}.jsonl`), `${lines.join("\n")}\n`);
      }
      // lm-eval's own summary: the same accuracies, with stderr √(p(1−p)/(n−1)).
      const results = Object.fromEntries(
        Object.entries(tasks).map(([task, k]) => {
          const n = size[task as keyof typeof size];
          const p = k / n;
          return [
            task,
            { alias: task, "acc,none": p, "acc_stderr,none": Math.sqrt((p * (1 - p)) / (n - 1)) },
          ];
        }),
      );
      const nSamples = Object.fromEntries(
        Object.keys(tasks).map((t) => [
          t,
          { original: size[t as keyof typeof size], effective: size[t as keyof typeof size] },
        ]),
      );
      writeFileSync(
        join(dir, `results_${ts}.json`),
        JSON.stringify({ results, "n-samples": nSamples, model_name: `org/model-${model}`, versions: {} }),
      );
    }
  });
  afterAll(() => rmSync(runDir, { recursive: true, force: true }));

  it("names each model from its results file and reads 25 items per model, keyed by task and doc_id", async () => {
    await upload(runDir, 30_000, "#results-folder-input");
    expect(await value('[data-readout="shared-items"]')).toBe(25);
    expect(await value('tr[data-model="org/model-A"] [data-readout="accuracy"]')).toBeCloseTo(60, 9);
    expect(await value('tr[data-model="org/model-B"] [data-readout="accuracy"]')).toBeCloseTo(48, 9);
    const formats = await page
      .locator('li.results-file [data-readout="format"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.value));
    expect(formats.sort()).toEqual([...Array(6).fill("lm-eval"), "lm-eval-results", "lm-eval-results"]);
  });
  it("sets lm-eval's own score beside what was read, for every samples file", async () => {
    const checks = page.locator('[data-readout="harness-check"]');
    expect(await checks.count()).toBe(6);
    expect(await checks.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.agrees))).toEqual(
      Array(6).fill("1"),
    );
    const copaA = page.locator(
      'li[data-file$="org__A/samples_copa_2024-06-01T10-00-00.000001.jsonl"] [data-readout="harness-check"]',
    );
    await expect(copaA.textContent()).resolves.toMatch(
      /lm-eval's own "acc,none": 80\.0% ± 13\.3 pp .* on 10 · read here: 80\.0% on 10 ✓ the same/,
    );
  });
  it("per task, and micro and macro averages over the tasks", async () => {
    const cell = (task: string, model: string) =>
      value(`.results-clusters tr[data-cluster="${task}"] td[data-model="${model}"]`);
    expect(await cell("copa", "org/model-A")).toBeCloseTo(0.8, 12);
    expect(await cell("arc", "org/model-B")).toBeCloseTo(0.2, 12);
    const avg = (kind: string, model: string) =>
      value(`.results-clusters tr[data-average="${kind}"] td[data-model="${model}"]`);
    expect(await avg("micro", "org/model-A")).toBeCloseTo(15 / 25, 12);
    expect(await avg("macro", "org/model-A")).toBeCloseTo((0.8 + 0.3 + 0.8) / 3, 12);
    expect(await avg("macro", "org/model-B")).toBeCloseTo((0.6 + 0.5 + 0.2) / 3, 12);
  });
  it("exports the per-model table as CSV with the files it came from", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-action="export-models"]').click(),
    ]);
    const body = readFileSync((await download.path())!, "utf8");
    expect(download.suggestedFilename()).toBe("your-results-models.csv");
    expect(body).toMatch(/# file .*org__A\/samples_copa_.*: read as lm-evaluation-harness samples/);
    expect(body).toMatch(/\norg\/model-A,25,15,0\.6,/);
  });
});

describe("a large file: an estimate before it starts, and Cancel", () => {
  it("says how long 12 MB will take, and Cancel stops the run and keeps the page usable", async () => {
    const lines = ["model,item,correct"];
    for (let m = 0; m < 8; m++)
      for (let i = 0; i < 70_000; i++) lines.push(`model-${m},question-${i},${(i + m) % 3 ? 1 : 0}`);
    const body = lines.join("\n");
    expect(body.length).toBeGreaterThan(10_000_000);
    await page.setInputFiles("#results-file-input", [text("big.csv", body)]);
    const estimate = page.locator('[data-readout="estimate"]');
    await expect(estimate.textContent()).resolves.toMatch(
      /^1\d MB to read: about \d+ s on a two-core laptop/,
    );
    await page.locator('[data-action="cancel"]').click();
    await page.waitForFunction(
      (sel) => (document.querySelector(sel) as HTMLElement).dataset.state === "cancelled",
      tool,
    );
    await expect(page.locator(".results-message").textContent()).resolves.toMatch(
      /^Stopped\. Nothing was analysed/,
    );
    // The worker is gone: no result arrives later.
    await page.waitForTimeout(1500);
    expect(await page.locator(tool).getAttribute("data-state")).toBe("cancelled");
    // And the next file is read as usual.
    await upload([text("small.csv", "model,item,correct\nA,q1,1\nA,q2,0\nB,q1,1\nB,q2,1")]);
    expect(await value('[data-readout="shared-items"]')).toBe(2);
  });
});

describe("Inspect .eval logs", () => {
  const evalDir = join(root, "tests/fixtures/results-formats/inspect-eval");
  it("reads the ZIP archive, averages epochs and checks against Inspect's own accuracy", async () => {
    await upload(
      ["log_streaming.eval", "2025-02-11T15-18-04-05-00_popularity_mj7khqpMM4GBCfVQozKgzB.eval"].map(
        (name) => ({
          name,
          mimeType: "application/octet-stream",
          buffer: readFileSync(join(evalDir, name)),
        }),
      ),
    );
    const agrees = await page
      .locator('[data-readout="harness-check"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.agrees));
    expect(agrees).toEqual(["1", "1"]);
    // Shared samples 1 and 2: Llama 405B (1: I,C → 0.5; 2: C,C → 1) mean 0.75; gpt-4o-mini C, C → 1.
    expect(await value('[data-readout="shared-items"]')).toBe(2);
    expect(
      await value('tr[data-model="azureai/Meta-Llama-3-1-405B-Instruct-jqf"] [data-readout="accuracy"]'),
    ).toBeCloseTo(75, 9);
    await expect(page.locator('li[data-file="log_streaming.eval"]').textContent()).resolves.toMatch(
      /Read as Inspect eval log.*2 epochs per item, averaged per item/,
    );
  });
});

describe("console", () => {
  it("had no console errors or failed requests", () => {
    expect(problems).toEqual([]);
  });
});
