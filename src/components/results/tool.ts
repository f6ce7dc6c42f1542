// The "your own eval results" tool: a drop zone and file picker, a Web Worker that reads and
// analyses the files (progress shown, the page stays responsive), what was read and what was
// dropped, and the analysis in an explorable frame (rank-overlap chart, accuracy and pair tables).
// All the maths lives in analysis.ts and the readers; this file only wires and draws.
import { type RankOverlapRow, rankOverlapChart } from "../figures/parts/rankChart.js";
import { type PAdjustMethod, pAdjustMethods } from "../stats/index.js";
import { choice, confidenceChoice } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";
import { formatCount, formatPercent, formatPValue } from "../ui/format.js";
import { type Analysis, FEW_CLUSTERS, type PairComparison, withCorrection } from "./analysis.js";
import type { ClusterBreakdown } from "./clusters.js";
import { type DropEntry, filesFromEntries, type NamedFile } from "./dropEntries.js";
// Types only: the pipeline (and arquero, which it brings) loads in the Worker, or on demand below.
import type { FileOutcome, HarnessCheck, PipelineResult, Progress } from "./pipeline.js";
import { CONFIDENCES, type FileFormat, type IssueKind, type ReadOptions, type TaskSummary } from "./types.js";
import type { WorkerRequest } from "./worker.js";

export interface ToolOptions {
  /** Creates the analysis worker (the page resolves the module URL so Framework compiles it). */
  createWorker?: () => Worker;
  /** The sample file: its download URL, name, and a way to load its text. */
  sample: { href: string; name: string; text: () => Promise<string> };
}

type Loaded = { name: string; blob: Blob; options: ReadOptions };

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

const pp = (x: number, digits = 1) => `${x >= 0 ? "+" : "−"}${Math.abs(100 * x).toFixed(digits)} pp`;
const signed = (x: number) => `${x < 0 ? "−" : ""}${Math.abs(100 * x).toFixed(1)}`;
const ppRange = (lo: number, hi: number) => `${signed(lo)} to ${signed(hi)} pp`;
const kindLabel: Record<IssueKind, string> = {
  "unknown-value": "unknown value in the result column",
  "missing-value": "no result (blank or NA)",
  "empty-field": "missing model, item or fields",
  duplicate: "duplicate (model, item)",
  "bad-json": "not valid JSON",
  "missing-field": "missing field",
  "cluster-conflict": "item in two clusters (first kept)",
  "hash-conflict": "same item id, different question (doc_hash differs)",
  note: "note",
};

function issueList(
  issues: readonly { message: string; file: string; kind: IssueKind }[],
  counts: Partial<Record<IssueKind, number>>,
  prefixFile: boolean,
) {
  const kinds = Object.entries(counts).filter(([, n]) => (n ?? 0) > 0) as [IssueKind, number][];
  if (kinds.length === 0) return null;
  const wrap = h("div", { class: "results-issues" });
  for (const [kind, n] of kinds) {
    const shown = issues.filter((i) => i.kind === kind);
    const details = h("details", { "data-issue-kind": kind, "data-count": String(n) });
    details.append(
      h(
        "summary",
        {},
        `${formatCount(n)} × ${kindLabel[kind]}${shown.length < n ? ` (first ${shown.length} listed)` : ""}`,
      ),
    );
    // The list scrolls past 12rem: focusable and named, so a keyboard can scroll it (axe).
    const ul = h("ul", { tabindex: "0", "aria-label": `Issues: ${kindLabel[kind]}` });
    for (const i of shown)
      ul.append(h("li", { class: "results-issue" }, prefixFile ? `${i.file} ${i.message}` : i.message));
    details.append(ul);
    wrap.append(details);
  }
  return wrap;
}

function fileReport(
  f: FileOutcome,
  onOptions: (options: ReadOptions) => void,
  options: ReadOptions,
): HTMLElement {
  if (!f.ok) {
    return h(
      "li",
      { class: "results-file bad", "data-file": f.file, "data-ok": "false" },
      h("span", { class: "results-mark", "aria-hidden": "true" }, "✗"),
      h("strong", {}, `${f.file}: not used. `),
      h("span", { class: "results-error", "data-readout": "file-error" }, f.error),
    );
  }
  const dropped = Object.entries(f.issueCounts)
    .filter(([k]) => k !== "note" && k !== "cluster-conflict" && k !== "hash-conflict")
    .reduce((s, [, n]) => s + (n ?? 0), 0);
  const li = h(
    "li",
    {
      class: "results-file",
      "data-file": f.file,
      "data-ok": "true",
      "data-records": String(f.records),
      "data-dropped": String(dropped),
    },
    h("span", { class: "results-mark", "aria-hidden": "true" }, dropped ? "!" : "✓"),
    h("strong", {}, `${f.file}: `),
    `${formatCount(f.records)} result${f.records === 1 ? "" : "s"} read from ${formatCount(f.lines)} line${f.lines === 1 ? "" : "s"}`,
    dropped ? `; ${formatCount(dropped)} dropped (listed below). ` : ". ",
    h(
      "span",
      { class: "results-format", "data-readout": "format", "data-value": f.format },
      `Read as ${f.formatLabel}. `,
    ),
    h("span", { class: "results-how" }, f.description),
  );
  if (f.check) li.append(harnessCheckLine(f.format, f.check));
  if (f.lmEval) {
    const row = h("div", { class: "results-lmeval" });
    const name = h("input", {
      type: "text",
      value: f.lmEval.model,
      "aria-label": `Model name for ${f.file}`,
      "data-key": "model-name",
    });
    name.addEventListener("change", () => onOptions({ ...options, model: name.value.trim() || undefined }));
    row.append(h("label", {}, "Model name ", name));
    const select = (label: string, key: "metric" | "filter", values: string[], current: string | null) => {
      if (values.length < 2) return;
      const s = h("select", { "aria-label": `${label} for ${f.file}`, "data-key": key });
      for (const v of values)
        s.append(h("option", { value: v, ...(v === current ? { selected: "" } : {}) }, v));
      s.addEventListener("change", () => onOptions({ ...options, [key]: s.value }));
      row.append(h("label", {}, `${label} `, s));
    };
    select("Metric", "metric", f.lmEval.metrics, f.lmEval.metric);
    select("Answer filter", "filter", f.lmEval.filters, f.lmEval.filter);
    li.append(row);
  }
  const issues = issueList(f.issues, f.issueCounts, false);
  if (issues) li.append(issues);
  return li;
}

const harnessName: Partial<Record<FileFormat, string>> = { "lm-eval": "lm-eval", inspect: "Inspect" };

/** "lm-eval: 60.0% ± 11.2 pp on 20 · read here: 60.0% on 20 ✓" */
function harnessCheckLine(format: FileFormat, c: HarnessCheck): HTMLElement {
  const who = harnessName[format] ?? "The harness";
  const se =
    c.harness.stderr === null ? "" : ` ± ${(100 * c.harness.stderr).toFixed(1)} pp (its standard error)`;
  const n = c.harness.n === null ? "" : ` on ${formatCount(c.harness.n)}`;
  return h(
    "p",
    {
      class: `results-check ${c.agrees ? "agrees" : "differs"}`,
      "data-readout": "harness-check",
      "data-agrees": c.agrees ? "1" : "0",
      "data-harness": String(c.harness.value),
      "data-read": String(c.read.value),
    },
    `${who}'s own "${c.harness.metric}": ${formatPercent(c.harness.value)}${se}${n} · read here: ${formatPercent(c.read.value)} on ${formatCount(c.read.n)} `,
    h(
      "strong",
      {},
      c.agrees
        ? "✓ the same"
        : c.harness.n !== null && c.harness.n !== c.read.n
          ? "✗ a different number of samples (was the run limited, or are files missing?)"
          : "✗ they differ: check the metric and filter chosen above",
    ),
  );
}

function accuracyTable(a: Analysis, coverage: PipelineResult["combined"]) {
  const level = `${Math.round(a.confidence * 100)}%`;
  const clustered = a.clusterCount !== null && a.clusterCount >= 2;
  const rows = [...a.models].sort((x, y) => x.rank - y.rank || y.accuracy - x.accuracy);
  const t = h("table", { class: "results-table", "data-table": "accuracy" });
  t.append(
    h(
      "caption",
      {},
      `Accuracy on the ${formatCount(a.n)} shared items, with its ${level} interval: ${intervalName(a)}`,
    ),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ...[
          "Rank",
          `Plausible ranks (${level})`,
          "Model",
          "Accuracy",
          `${level} interval`,
          "SE if items were independent",
          ...(clustered ? ["Clustered SE", "Interval is wider by"] : []),
          "Items not shared (left out)",
        ].map((c) => h("th", { scope: "col" }, c)),
      ),
    ),
  );
  const body = h("tbody");
  for (const m of rows) {
    const cov = coverage?.coverage.find((c) => c.model === m.model);
    body.append(
      h(
        "tr",
        { "data-model": m.model },
        h("td", {}, String(m.rank)),
        h(
          "td",
          {
            "data-readout": "rank-interval",
            "data-lower": String(m.rankLower),
            "data-upper": String(m.rankUpper),
          },
          m.rankLower === m.rankUpper ? String(m.rankLower) : `${m.rankLower}–${m.rankUpper}`,
        ),
        h("th", { scope: "row" }, m.model),
        h(
          "td",
          { "data-readout": "accuracy", "data-value": String(100 * m.accuracy) },
          formatPercent(m.accuracy),
        ),
        h(
          "td",
          { "data-readout": "interval", "data-lower": String(m.lower), "data-upper": String(m.upper) },
          `${formatPercent(m.lower)} – ${formatPercent(m.upper)}`,
        ),
        h(
          "td",
          { "data-readout": "naive-se", "data-value": String(100 * m.naiveSE) },
          `${(100 * m.naiveSE).toFixed(2)} pp`,
        ),
        ...(clustered
          ? [
              h(
                "td",
                { "data-readout": "clustered-se", "data-value": String(100 * (m.clusteredSE ?? 0)) },
                `${(100 * (m.clusteredSE ?? 0)).toFixed(2)} pp`,
              ),
              h(
                "td",
                { "data-readout": "width-ratio", "data-value": String(m.widthRatio ?? 1) },
                `${(m.widthRatio ?? 1).toFixed(2)}×`,
              ),
            ]
          : []),
        h(
          "td",
          { "data-readout": "not-shared", "data-value": String(cov?.notShared ?? 0) },
          cov ? `${formatCount(cov.notShared)} of ${formatCount(cov.items)}` : "–",
        ),
      ),
    );
  }
  t.append(body);
  return t;
}

/** How the models' intervals were computed, in words. */
function intervalName(a: Analysis): string {
  const kind = a.models[0]?.interval;
  if (kind === "cluster-t")
    return `mean ± t·SE, cluster-robust over ${a.clusterCount} clusters (t with ${(a.clusterCount ?? 2) - 1} degrees of freedom)`;
  if (kind === "wilson")
    return "Wilson's score interval (it stays within 0–100% and is honest at 0 or all right)";
  return `mean ± t·SE (t with ${a.n - 1} degrees of freedom)`;
}

function pairsTable(a: Analysis) {
  const method = pAdjustMethods.find((m) => m.id === a.correction)!;
  const level = `${Math.round(a.confidence * 100)}%`;
  const alpha = 1 - a.confidence;
  const df = a.pairs[0]?.df ?? a.n - 1;
  const mcnemar = a.pairs.some((p) => p.mcnemarP !== null);
  const sorted = [...a.pairs].sort((x, y) => x.adjustedP - y.adjustedP || y.diff - x.diff);
  const t = h("table", { class: "results-table", "data-table": "pairs" });
  t.append(
    h(
      "caption",
      {},
      `Every pair on the shared items: the paired difference with its interval and a paired t-test (${df} degrees of freedom) from the same per-item differences — so the interval leaves out 0 exactly when p < ${alpha} — and the p-value after ${method.label}'s correction for ${a.pairs.length} comparisons${mcnemar ? "; McNemar's exact p beside it for reference" : ""}`,
    ),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ...[
          "Higher",
          "Lower",
          "Difference",
          `${level} interval`,
          "Right only by higher / lower",
          "Corr. r",
          "Paired t-test p",
          ...(mcnemar ? ["McNemar exact p"] : []),
          `${method.label} p`,
          `Apart at ${Math.round(alpha * 100)}%?`,
        ].map((c) => h("th", { scope: "col" }, c)),
      ),
    ),
  );
  const body = h("tbody");
  for (const p of sorted) {
    body.append(
      h(
        "tr",
        { "data-pair": `${p.a}|${p.b}`, class: p.separated ? "separated" : "tied" },
        h("td", {}, p.a),
        h("td", {}, p.b),
        h("td", { "data-readout": "diff", "data-value": String(100 * p.diff) }, pp(p.diff)),
        h(
          "td",
          { "data-readout": "diff-interval", "data-lower": String(p.lower), "data-upper": String(p.upper) },
          ppRange(p.lower, p.upper),
        ),
        h("td", {}, a.binary ? `${formatCount(p.onlyA)} / ${formatCount(p.onlyB)}` : "–"),
        h("td", {}, p.correlation.toFixed(2)),
        h(
          "td",
          { "data-readout": "p-value", "data-value": String(p.pValue) },
          formatPValue(p.pValue).replace(/^p [=<] /, (m) => (m.includes("<") ? "< " : "")),
        ),
        ...(mcnemar
          ? [
              h(
                "td",
                { "data-readout": "mcnemar-p", "data-value": String(p.mcnemarP) },
                p.mcnemarP === null
                  ? "–"
                  : formatPValue(p.mcnemarP).replace(/^p [=<] /, (m) => (m.includes("<") ? "< " : "")),
              ),
            ]
          : []),
        h(
          "td",
          { "data-readout": "adjusted-p", "data-value": String(p.adjustedP) },
          formatPValue(p.adjustedP).replace(/^p [=<] /, (m) => (m.includes("<") ? "< " : "")),
        ),
        h(
          "td",
          { "data-readout": "separated", "data-value": p.separated ? "1" : "0" },
          p.separated ? "✓ yes" : "≈ tied",
        ),
      ),
    );
  }
  t.append(body);
  return t;
}

function closestReadout(a: Analysis): HTMLElement {
  const c = a.closest;
  const div = h("div", { class: "results-closest" });
  if (!c) {
    div.append(h("p", {}, "One model only: there is no pair to compare."));
    return div;
  }
  const level = Math.round(a.confidence * 100);
  const alpha = 1 - a.confidence;
  const pairs = a.pairs.length;
  const separated = a.pairs.filter((p) => p.separated).length;
  div.append(
    h(
      "div",
      { class: "results-stat" },
      h(
        "div",
        { class: "big-number", "data-readout": "pairs-separated", "data-value": String(separated) },
        `${separated} of ${pairs}`,
      ),
      h(
        "div",
        { class: "big-caption" },
        `pairs of models told apart after ${pAdjustMethods.find((m) => m.id === a.correction)!.label}'s correction (${level}% level)`,
      ),
    ),
  );
  const gap = Math.abs(c.diff);
  if (gap === 0) {
    div.append(
      h(
        "p",
        { "data-readout": "items-needed", "data-value": "Infinity" },
        `The closest pair, ${c.a} and ${c.b}, scored exactly the same on the ${formatCount(c.n)} shared items: no number of extra items can be expected to separate them.`,
      ),
    );
    return div;
  }
  const more = Math.max(0, c.itemsNeeded - c.n);
  div.append(
    h(
      "div",
      { class: "results-stat" },
      h(
        "div",
        { class: "big-number", "data-readout": "items-needed", "data-value": String(c.itemsNeeded) },
        `≈ ${formatCount(c.itemsNeeded)}`,
      ),
      h(
        "div",
        { class: "big-caption" },
        `items to separate the closest pair — ${c.a} vs ${c.b}, ${(100 * gap).toFixed(2)} pp apart — with a paired test at ${Math.round(alpha * 100)}% and ${Math.round(a.power * 100)}% power`,
      ),
    ),
    h(
      "p",
      {},
      c.separated
        ? `Even this pair is already separated with ${formatCount(c.n)} items.`
        : `That is ${formatCount(more)} more than the ${formatCount(c.n)} you have` +
            (pairs > 1
              ? `, or ${formatCount(c.itemsNeededCorrected)} in all if the gap must survive a correction for ${pairs} pairs (α = ${alpha.toFixed(2)} / ${pairs})`
              : "") +
            `. With ${formatCount(c.n)} items, two models this alike are told apart only when they differ by about ${(100 * c.detectableNow).toFixed(1)} pp or more.`,
    ),
  );
  div.lastElementChild!.setAttribute("data-readout", "detectable-now");
  div.lastElementChild!.setAttribute("data-value", String(100 * c.detectableNow));
  return div;
}

function summaryText(a: Analysis): string {
  const level = `${Math.round(a.confidence * 100)}%`;
  const models = [...a.models].sort((x, y) => x.rank - y.rank);
  const separated = a.pairs.filter((p) => p.separated);
  return (
    `${a.models.length} models on ${formatCount(a.n)} shared items. ` +
    models
      .map(
        (m) =>
          `${m.model}: ${formatPercent(m.accuracy)} (${level} interval ${formatPercent(m.lower)} to ${formatPercent(m.upper)}${m.widthRatio ? `, ${m.widthRatio.toFixed(2)} times wider than if items were independent` : ""}), rank ${m.rank}, plausible ranks ${m.rankLower} to ${m.rankUpper}`,
      )
      .join("; ") +
    `. ${separated.length} of ${a.pairs.length} pairs are separated after ${pAdjustMethods.find((m) => m.id === a.correction)!.label}'s correction` +
    (separated.length
      ? `: ${separated.map((p: PairComparison) => `${p.a} over ${p.b} by ${(100 * p.diff).toFixed(1)} pp`).join("; ")}.`
      : ".") +
    (a.closest && a.closest.diff !== 0
      ? ` The closest pair, ${a.closest.a} and ${a.closest.b}, would need about ${formatCount(a.closest.itemsNeeded)} items to separate.`
      : "")
  );
}

function analysisFigure(result: PipelineResult): HTMLElement {
  const analyses = result.analyses!;
  const multi = analyses[0]!.models.length > 1;
  return explorable({
    id: "your-results",
    title: "Your models: accuracy with its interval, and the ranks each could plausibly hold",
    notice: (v) => {
      const a = withCorrection(
        analyses[CONFIDENCES.indexOf(v.confidence as (typeof CONFIDENCES)[number])]!,
        v.correction,
      );
      const tied = a.pairs.filter((p) => !p.separated).length;
      const wider = a.models.filter((m) => (m.widthRatio ?? 1) > 1.1).length;
      return (
        (multi
          ? `${tied} of ${a.pairs.length} pairs cannot be told apart: where two rank bars overlap, the order between those models is not settled by this test set.`
          : "With one model there are no pairs: the interval is the whole story.") +
        (wider
          ? ` Items in the same cluster move together, so ${wider === a.models.length ? "every" : `${wider} of ${a.models.length}`} interval is more than 10% wider than the naive one.`
          : "") +
        (a.fewClusters
          ? ` Only ${a.clusterCount} clusters: a cluster-robust SE rests on that many numbers, so it is itself uncertain — the intervals use t with ${(a.clusterCount ?? 2) - 1} degrees of freedom, and with fewer than ${FEW_CLUSTERS} clusters read them as rough.`
          : "")
      );
    },
    controls: {
      confidence: confidenceChoice(CONFIDENCES),
      correction: choice({
        key: "correction",
        label: "Correction for many pairs",
        kind: "select",
        options: pAdjustMethods.map((m) => ({
          value: m.id,
          label: `${m.label} (${m.id === "BH" ? "false discovery rate" : "family-wise error"})`,
        })),
        value: "holm" as PAdjustMethod,
      }),
    },
    source:
      "Your files, read in this browser. Rank intervals: parametric bootstrap (1,000 resamples, seed 1). Intervals: Wilson's score interval for 0/1 items; mean ± t·SE for partial scores; cluster-robust mean ± t·SE with G − 1 degrees of freedom when clusters are given. Pairs: paired t on the per-item differences.",
    render(v, { width }) {
      const a = withCorrection(
        analyses[CONFIDENCES.indexOf(v.confidence as (typeof CONFIDENCES)[number])]!,
        v.correction,
      );
      const rows: RankOverlapRow[] = a.models.map((m) => ({
        model: m.model,
        estimate: m.accuracy,
        lower: m.lower,
        upper: m.upper,
        rank: m.rank,
        rankLower: m.rankLower,
        rankUpper: m.rankUpper,
      }));
      const figure = rankOverlapChart(rows, {
        width,
        scoreLabel: `Accuracy on the ${formatCount(a.n)} shared items (%)`,
      });
      const readout = h(
        "div",
        { class: "results-readout" },
        closestReadout(a),
        h(
          "div",
          { class: "results-scroll", tabindex: "0", role: "region", "aria-label": "Accuracy table" },
          accuracyTable(a, result.combined),
        ),
      );
      if (a.pairs.length)
        readout.append(
          h(
            "div",
            {
              class: "results-scroll tall",
              tabindex: "0",
              role: "region",
              "aria-label": "Pairwise comparisons table",
            },
            pairsTable(a),
          ),
        );
      return { figure, readout, summary: summaryText(a) };
    },
  });
}

function clusterTable(b: ClusterBreakdown, order: readonly string[]): HTMLElement {
  const cols = order.map((m) => b.models.indexOf(m));
  const overall = order[0]!;
  const section = h("section", { class: "results-clusters", "data-table": "clusters" });
  section.append(
    h("h3", {}, "Accuracy by cluster"),
    h(
      "p",
      {},
      `Clusters sorted from hardest to easiest. ★ marks the best model in each cluster: it is not ${overall}, the best overall, in `,
      h(
        "strong",
        { "data-readout": "cluster-flips", "data-value": String(b.flips) },
        `${b.flips} of ${b.rows.length}`,
      ),
      " clusters. Each cluster has far fewer items than the whole set, so these per-cluster numbers are much noisier than the overall ones.",
    ),
  );
  const t = h("table", { class: "results-table cluster-table" });
  t.append(
    h("caption", { class: "sr-only" }, "Accuracy of each model in each cluster"),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Cluster"),
        h("th", { scope: "col", class: "num" }, "Items"),
        ...order.map((m) => h("th", { scope: "col", class: "num" }, m)),
      ),
    ),
  );
  const body = h("tbody");
  for (const r of b.rows) {
    const tr = h(
      "tr",
      { "data-cluster": r.cluster },
      h("th", { scope: "row" }, r.cluster),
      h("td", { class: "num" }, formatCount(r.n)),
    );
    for (const j of cols) {
      const a = r.accuracy[j]!;
      const best = b.models[j] === r.best;
      tr.append(
        h(
          "td",
          {
            class: `num${best ? " best" : ""}`,
            "data-model": b.models[j],
            "data-value": String(a),
            style: `--acc:${Math.round(a * 100)}%`,
          },
          `${best ? "★ " : ""}${formatPercent(a, 0)}`,
        ),
      );
    }
    body.append(tr);
  }
  t.append(body);
  const foot = h("tfoot");
  for (const [label, key, values] of [
    ["Micro-average (every item counts once)", "micro", b.micro],
    ["Macro-average (every cluster counts once)", "macro", b.macro],
  ] as const) {
    const tr = h("tr", { "data-average": key }, h("th", { scope: "row", colspan: "2" }, label));
    for (const j of cols)
      tr.append(
        h(
          "td",
          { class: "num", "data-model": b.models[j], "data-value": String(values[j]) },
          formatPercent(values[j]!, 1),
        ),
      );
    foot.append(tr);
  }
  t.append(foot);
  section.append(
    h(
      "p",
      { class: "results-averages" },
      "The last two rows average over clusters in the two ways Lesson 1 compares: the micro-average weighs each cluster by its items, the macro-average gives each the same weight. When clusters differ in size and difficulty the two can order models differently.",
    ),
  );
  section.append(
    h(
      "div",
      { class: "results-scroll", tabindex: "0", role: "region", "aria-label": "Accuracy by cluster table" },
      t,
    ),
  );
  return section;
}

function trustNote(result: PipelineResult): HTMLElement | null {
  const c = result.combined;
  if (!c) return null;
  const files = result.files.filter((f) => f.ok) as Extract<FileOutcome, { ok: true }>[];
  const droppedLines = files.reduce(
    (s, f) =>
      s +
      Object.entries(f.issueCounts)
        .filter(([k]) => k !== "note" && k !== "cluster-conflict" && k !== "hash-conflict")
        .reduce((t, [, n]) => t + (n ?? 0), 0),
    0,
  );
  const dups = c.issueCounts.duplicate ?? 0;
  const notShared = c.itemsSeen - c.items;
  const failed = result.files.length - files.length;
  const partial = droppedLines + dups + notShared + failed > 0;
  const note = h("div", {
    class: partial ? "warning results-trust" : "tip results-trust",
    label: "What these results rest on",
    "data-readout": "trust",
    "data-partial": partial ? "1" : "0",
  });
  const parts: string[] = [];
  if (failed) parts.push(`${failed} file${failed > 1 ? "s" : ""} could not be read at all`);
  if (droppedLines)
    parts.push(
      `${formatCount(droppedLines)} line${droppedLines > 1 ? "s" : ""} or cell${droppedLines > 1 ? "s" : ""} dropped for a bad or missing value`,
    );
  if (dups)
    parts.push(
      `${formatCount(dups)} duplicate (model, item) row${dups > 1 ? "s" : ""} dropped (the first kept)`,
    );
  if (notShared) {
    parts.push(
      `${formatCount(notShared)} of ${formatCount(c.itemsSeen)} items left out because not every model answered them (${c.coverage
        .filter((m) => m.notShared > 0)
        .map((m) => `${m.model}: ${formatCount(m.notShared)}`)
        .join(", ")})`,
    );
  }
  note.append(
    h(
      "p",
      {},
      h("strong", {}, partial ? "Partial trust. " : "Everything was used. "),
      `${c.models} model${c.models > 1 ? "s" : ""} compared on `,
      h(
        "strong",
        { "data-readout": "shared-items", "data-value": String(c.items) },
        `${formatCount(c.items)} shared items`,
      ),
      partial ? `. ${parts.join("; ")}.` : `: no line was dropped and every model answered every item.`,
    ),
  );
  if (c.clusters === 1)
    note.append(
      h(
        "p",
        {},
        "Every item is in the same cluster, so no clustered standard error can be computed (it needs at least two clusters).",
      ),
    );
  if (!c.binary)
    note.append(
      h(
        "p",
        {},
        "Some results are partial scores between 0 and 1, so the intervals are mean ± t·SE rather than Wilson's (which needs 0/1), and there is no McNemar p.",
      ),
    );
  const issues = issueList(c.issues, c.issueCounts, true);
  if (issues) note.append(issues);
  return note;
}

/** A harness's own scores when no per-item file came with them. */
function summaryTable(summaries: readonly TaskSummary[]): HTMLElement {
  const t = h("table", { class: "results-table", "data-table": "summary-only" });
  t.append(
    h("caption", {}, "The harness's own scores, one per task and metric (no per-item results to analyse)"),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ...[
          "Model",
          "Task",
          "Metric",
          "Score",
          "± its standard error",
          "95% interval (score ± 1.96·SE)",
          "Samples",
        ].map((c) => h("th", { scope: "col" }, c)),
      ),
    ),
  );
  const body = h("tbody");
  for (const x of summaries) {
    const se = x.stderr;
    body.append(
      h(
        "tr",
        { "data-task": x.task, "data-metric": x.metric },
        h("td", {}, x.model ?? "(not named)"),
        h("td", {}, x.task),
        h("td", {}, x.metric),
        h(
          "td",
          { class: "num", "data-readout": "summary-value", "data-value": String(x.value) },
          formatPercent(x.value),
        ),
        h("td", { class: "num" }, se === null ? "–" : `${(100 * se).toFixed(2)} pp`),
        h(
          "td",
          { class: "num" },
          se === null
            ? "–"
            : `${formatPercent(Math.max(0, x.value - 1.96 * se))} – ${formatPercent(Math.min(1, x.value + 1.96 * se))}`,
        ),
        h("td", { class: "num" }, x.n === null ? "–" : formatCount(x.n)),
      ),
    );
  }
  t.append(body);
  return h(
    "div",
    { class: "results-scroll", tabindex: "0", role: "region", "aria-label": "Harness scores" },
    t,
  );
}

/** Buttons that save the analysis as CSV and JSON, with the files and settings it came from. */
function exportButtons(result: PipelineResult, correction: () => PAdjustMethod): HTMLElement {
  const div = h("div", { class: "results-export", role: "group", "aria-label": "Export the analysis" });
  const status = h("span", { class: "results-export-status", role: "status" });
  const button = (label: string, kind: "models" | "pairs" | "json") => {
    const b = h("button", { type: "button", class: "preset", "data-action": `export-${kind}` }, label);
    b.addEventListener("click", async () => {
      const { analysisJson, modelsCsv, pairsCsv } = await import("./exportTables.js");
      const { downloadBlob } = await import("../ui/exportFigure.js");
      const analysis = withCorrection(result.analysis!, correction());
      const ctx = { files: result.files, analysis, date: new Date().toISOString().slice(0, 10) };
      const [text, name, type] =
        kind === "models"
          ? [modelsCsv(ctx), "your-results-models.csv", "text/csv"]
          : kind === "pairs"
            ? [pairsCsv(ctx), "your-results-pairs.csv", "text/csv"]
            : [analysisJson(ctx), "your-results.json", "application/json"];
      downloadBlob(new Blob([text], { type }), name);
      status.textContent = `Saved ${name}.`;
    });
    return b;
  };
  div.append(
    h("span", {}, "Keep the analysis: "),
    button("Models (CSV)", "models"),
    " ",
    button("Pairs (CSV)", "pairs"),
    " ",
    button("Everything (JSON)", "json"),
    " ",
    status,
  );
  return div;
}

/**
 * What a large job will take, from the benchmark record (bench/results.md, "your-results:
 * 1,000,000-row CSV"): 20.7 MB in 24.6 s on a 2-core machine. Said for files over 10 MB only.
 */
export function runEstimate(bytes: number): string {
  const mb = bytes / 1e6;
  if (mb < 10) return "";
  const seconds = Math.max(1, Math.round((mb * 24.6) / 20.7));
  const time = seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
  return `${mb.toFixed(0)} MB to read: about ${time} on a two-core laptop (this site's benchmark read 20.7 MB in 24.6 s), less on a faster machine. The page stays usable meanwhile, and Cancel stops it.`;
}

/** Build the tool. */
export function yourResultsTool({ createWorker, sample }: ToolOptions): HTMLElement {
  const root = h("div", { class: "results-tool" });
  const input = h("input", {
    type: "file",
    multiple: "",
    id: "results-file-input",
    accept: ".csv,.tsv,.txt,.jsonl,.json,.gz,.eval,text/csv,text/tab-separated-values,application/json",
    "data-key": "files",
  });
  const folderInput = h("input", {
    type: "file",
    multiple: "",
    webkitdirectory: "",
    id: "results-folder-input",
    class: "sr-only",
    "data-key": "folder",
  });
  const zone = h(
    "label",
    { class: "results-drop", for: "results-file-input" },
    h("span", { class: "results-drop-title" }, "Drop your results files or folders here, or choose files"),
    h(
      "span",
      { class: "results-drop-hint" },
      "Read here: CSV/TSV tables, JSON Lines; lm-evaluation-harness output folders (samples_*.jsonl per task, results_*.json; .gz too); Inspect logs (.eval or .json); HELM runs (per_instance_stats.json with run_spec.json); Every Eval Ever records; MMLU-Pro-style pred/answer files. A dropped folder keeps its layout: files in one folder are one run of one model. Nothing is uploaded: the files are read by this page, in your browser.",
    ),
    input,
  );
  const folderButton = h(
    "label",
    { class: "preset results-folder", for: "results-folder-input", tabindex: "0", role: "button" },
    "Choose a folder…",
  );
  folderButton.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      folderInput.click();
    }
  });
  const sampleButton = h(
    "button",
    { type: "button", class: "preset", "data-action": "load-sample" },
    "Analyse the sample file",
  );
  const sampleLink = h(
    "a",
    { href: sample.href, download: sample.name },
    `Download the sample (${sample.name})`,
  );
  const actions = h(
    "div",
    { class: "results-actions" },
    folderButton,
    folderInput,
    " ",
    sampleButton,
    " ",
    sampleLink,
  );
  const progress = h("progress", { max: "1", value: "0", "aria-label": "Reading and analysing" });
  const message = h("span", { class: "results-message" });
  const cancel = h(
    "button",
    { type: "button", class: "preset", "data-action": "cancel", hidden: "" },
    "Cancel",
  );
  const estimate = h("p", { class: "results-estimate", "data-readout": "estimate" });
  const status = h(
    "div",
    { class: "results-status", role: "status", "aria-live": "polite", hidden: "" },
    progress,
    " ",
    message,
    " ",
    cancel,
    estimate,
  );
  const fileList = h("ul", { class: "results-files", "aria-label": "Files read" });
  const trust = h("div");
  const out = h("div", { class: "results-output" });
  root.append(zone, actions, status, fileList, trust, out);

  let loaded: Loaded[] = [];
  let worker: Worker | null = null;
  let runId = 0;

  const show = (p: Progress) => {
    progress.value = p.fraction;
    message.textContent = p.message;
    root.dataset.progress = p.fraction.toFixed(3);
  };

  const render = (result: PipelineResult) => {
    // Marks let a test tell the (main-thread) drawing of results from the (worker) reading of files.
    performance.mark("results-render");
    cancel.hidden = true;
    estimate.textContent = "";
    status.hidden = result.error === undefined && !!result.analysis;
    message.textContent = result.error ? "" : `Done in ${(result.ms / 1000).toFixed(1)} s.`;
    fileList.replaceChildren(
      ...result.files.map((f, i) =>
        fileReport(
          f,
          (options) => {
            loaded[i]!.options = options;
            void run();
          },
          loaded[i]?.options ?? {},
        ),
      ),
    );
    const note = trustNote(result);
    trust.replaceChildren(...(note ? [note] : []));
    if (result.error) {
      out.replaceChildren(
        h(
          "div",
          { class: "warning results-fatal", label: "No analysis", "data-readout": "fatal" },
          h("p", {}, result.error),
        ),
        ...(result.summaryOnly?.length ? [summaryTable(result.summaryOnly)] : []),
      );
    } else if (result.analyses) {
      const figure = analysisFigure(result);
      out.replaceChildren(
        figure,
        exportButtons(
          result,
          () => (figure as unknown as { values: { correction: PAdjustMethod } }).values.correction,
        ),
      );
      if (result.byCluster) {
        const order = [...result.analysis!.models]
          .sort((x, y) => x.rank - y.rank || y.accuracy - x.accuracy)
          .map((m) => m.model);
        out.append(clusterTable(result.byCluster, order));
      }
    }
    root.dataset.state = result.error ? "error" : "done";
    root.dataset.runs = String(Number(root.dataset.runs ?? 0) + 1);
  };

  cancel.addEventListener("click", () => {
    runId++;
    worker?.terminate();
    worker = null;
    cancel.hidden = true;
    estimate.textContent = "";
    progress.value = 0;
    message.textContent = `Stopped. Nothing was analysed; the ${loaded.length === 1 ? "file is" : `${loaded.length} files are`} still chosen — drop fewer or smaller files, or choose them again to start over.`;
    root.dataset.state = "cancelled";
  });

  async function run() {
    const id = ++runId;
    performance.mark("results-run-start");
    root.dataset.state = "running";
    status.hidden = false;
    cancel.hidden = false;
    estimate.textContent = runEstimate(loaded.reduce((sum, f) => sum + f.blob.size, 0));
    show({
      phase: "reading",
      fraction: 0,
      message: `Reading ${loaded.length} file${loaded.length === 1 ? "" : "s"}…`,
    });
    const request: WorkerRequest = {
      id,
      files: loaded.map((f) => ({ name: f.name, file: f.blob, options: f.options })),
    };
    if (createWorker) {
      try {
        worker?.terminate();
        worker = createWorker();
        const w = worker;
        const result = await new Promise<PipelineResult>((resolve, reject) => {
          w.onmessage = (e: MessageEvent) => {
            const msg = e.data as {
              id: number;
              type: string;
              progress?: Progress;
              result?: PipelineResult;
              message?: string;
            };
            if (msg.id !== runId) return;
            if (msg.type === "progress") show(msg.progress!);
            else if (msg.type === "result") resolve(msg.result!);
            else reject(new Error(msg.message));
          };
          w.onerror = (e) => reject(new Error(e.message || "the analysis worker failed to start"));
          w.postMessage(request);
        });
        if (id === runId) render(result);
        return;
      } catch (e) {
        if (id !== runId) return;
        message.textContent = `The background worker failed (${(e as Error).message}); analysing on this page instead.`;
      }
    }
    // Fallback: on the main thread, yielding between chunks so the page can still repaint.
    const [{ runPipeline }, { inputFiles }] = await Promise.all([
      import("./pipeline.js"),
      import("./inputFiles.js"),
    ]);
    const inputs = await inputFiles(loaded.map((f) => ({ name: f.name, file: f.blob, options: f.options })));
    const result = await runPipeline(inputs, {}, show, () => new Promise((r) => setTimeout(r, 0)));
    if (id === runId) render(result);
  }

  /** `fromFolder`: a chosen or dropped folder brings everything in it; keep what the page can read. */
  const take = (files: FileList | File[] | NamedFile[], fromFolder = false) => {
    const list = Array.from(files as ArrayLike<File | NamedFile>);
    loaded = list
      .map((f) =>
        f instanceof Blob
          ? {
              name: (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name,
              blob: f as Blob,
            }
          : { name: f.name, blob: f.file as Blob },
      )
      .filter((f) => !fromFolder || /\.(csv|tsv|txt|jsonl?|gz|eval)$/i.test(f.name))
      .map((f) => ({ ...f, options: {} }));
    if (loaded.length === 0) {
      message.textContent = fromFolder
        ? "The folder holds no file this page reads (.csv, .tsv, .txt, .json, .jsonl, .gz, .eval)."
        : "";
      status.hidden = !fromFolder;
      return;
    }
    void run();
  };
  input.addEventListener("change", () => {
    if (input.files) take(input.files);
    input.value = "";
  });
  folderInput.addEventListener("change", () => {
    if (folderInput.files) take(folderInput.files, true);
    folderInput.value = "";
  });
  for (const type of ["dragenter", "dragover"]) {
    zone.addEventListener(type, (e) => {
      e.preventDefault();
      zone.classList.add("over");
    });
  }
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    const dt = e.dataTransfer;
    if (!dt) return;
    // Folders come as entries; walk them so each file keeps its path (its run's folder).
    const entries = Array.from(dt.items ?? [])
      .map((i) => (i.kind === "file" ? (i.webkitGetAsEntry?.() as DropEntry | null) : null))
      .filter((x): x is DropEntry => x !== null);
    if (entries.some((x) => x.isDirectory)) {
      void filesFromEntries(entries).then(
        (found) => take(found, true),
        (err: unknown) => {
          message.textContent = `The dropped folder could not be read (${(err as Error).message}); choose it with "Choose a folder…" instead.`;
          status.hidden = false;
        },
      );
    } else if (dt.files) take(dt.files);
  });
  sampleButton.addEventListener("click", async () => {
    sampleButton.disabled = true;
    try {
      const text = await sample.text();
      take([new File([text], sample.name, { type: "text/csv" })]);
    } catch (e) {
      message.textContent = `The sample could not be loaded (${(e as Error).message}).`;
      status.hidden = false;
    } finally {
      sampleButton.disabled = false;
    }
  });
  return root;
}
