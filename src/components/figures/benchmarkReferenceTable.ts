// The benchmark reference (tools/benchmarks): a sortable table of every evaluation split with
// the interval half-width and the smallest detectable differences at the reader's accuracy,
// in the explorable frame (inputs in the URL, text alternative, live region).

import { nice, ticks } from "d3-array";
import { svg } from "htl";
import {
  benchmarkReference,
  type ReferenceRow,
  type SortKey,
  sortKeys,
  sortReference,
} from "../data/benchmarkReference.js";
import type { Benchmark } from "../data/types.js";
import { choice, confidenceChoice, range } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";
import { formatCount, formatFixed, formatPercent, formatPlusMinus, formatPp } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import { xAxis } from "./parts/svgAxis.js";

const columns: { key: SortKey; label: string; numeric?: boolean; title?: string }[] = [
  { key: "benchmark", label: "Benchmark (split) and source" },
  { key: "measures", label: "What it measures · metric" },
  { key: "n", label: "N", numeric: true, title: "Questions in the split" },
  {
    key: "halfWidth",
    label: "Half-width",
    numeric: true,
    title: "Half the interval of one score at the chosen accuracy",
  },
  { key: "mddIndependent", label: "Smallest gap, separate scores", numeric: true },
  { key: "mddPaired", label: "Smallest gap, paired", numeric: true },
];

const sortLabels: Record<SortKey, string> = {
  benchmark: "Benchmark",
  measures: "What it measures",
  n: "N",
  metric: "Metric",
  halfWidth: "Half-width",
  mddIndependent: "Smallest gap (independent)",
  mddPaired: "Smallest gap (paired)",
};

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

export function benchmarkReferenceFigure(benchmarks: readonly Benchmark[]) {
  const figure = explorable({
    id: "benchmarks",
    title: "How precise is each benchmark? The interval and the smallest real gap, at the accuracy you pick",
    notice: (v) =>
      `Precision follows N, not the benchmark's fame: at ${formatPercent(v.p, 0)}, a paired comparison on the same questions (r = ${formatFixed(v.correlation, 2)}) detects gaps ${formatFixed(1 / Math.sqrt(1 - v.correlation), 2)}× smaller than comparing two separately reported scores.`,
    controls: {
      p: range({
        key: "p",
        label: "Accuracy",
        min: 0.05,
        max: 0.99,
        step: 0.01,
        value: 0.8,
        format: (v) => formatPercent(v, 0),
      }),
      confidence: confidenceChoice(),
      correlation: range({
        key: "correlation",
        label: "Paired: correlation of two models' per-question results",
        min: 0,
        max: 0.9,
        step: 0.05,
        value: 0.5,
        format: (v) => formatFixed(v, 2),
      }),
      sort: choice({
        key: "sort",
        label: "Sort by",
        kind: "select",
        options: sortKeys.map((k) => ({ value: k, label: sortLabels[k] })),
        value: "n" as SortKey,
      }),
      order: choice({
        key: "order",
        label: "Order",
        options: [
          { value: "asc", label: "Ascending" },
          { value: "desc", label: "Descending" },
        ],
        value: "desc" as "asc" | "desc",
      }),
    },
    presets: [
      { label: "Typical score, 80%", values: { p: 0.8, confidence: 0.95 } },
      { label: "Worst case, 50%", values: { p: 0.5, confidence: 0.95 } },
      { label: "Near the ceiling, 95%", values: { p: 0.95, confidence: 0.95 } },
      { label: "Most precise first", values: { sort: "halfWidth", order: "asc" } },
    ],
    source:
      "Sizes: data/benchmarks.csv (split sizes counted from the datasets where possible; each row names its source). Half-width: normal approximation z·√(p(1−p)/N). Smallest gap: two-sided test, 80% power.",
    render(v, { width }) {
      const rows = sortReference(
        benchmarkReference(benchmarks, { p: v.p, confidence: v.confidence, correlation: v.correlation }),
        v.sort,
        v.order as "asc" | "desc",
      );
      const level = `${Math.round(v.confidence * 100)}%`;
      const table = el("table", { class: "results-table benchmark-reference", "data-table": "benchmarks" });
      table.append(
        el(
          "caption",
          {},
          `${rows.length} evaluation splits at ${formatPercent(v.p, 0)} accuracy and ${level} confidence; click a column heading to sort`,
        ),
      );
      const head = el("tr");
      for (const c of columns) {
        const th = el("th", { scope: "col", ...(c.numeric ? { class: "num" } : {}) });
        const active = v.sort === c.key;
        if (active) th.setAttribute("aria-sort", v.order === "asc" ? "ascending" : "descending");
        const button = el(
          "button",
          {
            type: "button",
            class: "sort-button",
            "data-sort": c.key,
            ...(c.title ? { title: c.title } : {}),
          },
          c.label,
          el(
            "span",
            { "aria-hidden": "true", class: "sort-arrow" },
            active ? (v.order === "asc" ? " ▲" : " ▼") : " ↕",
          ),
        );
        button.addEventListener("click", () => {
          const order = active ? (v.order === "asc" ? "desc" : "asc") : c.numeric ? "desc" : "asc";
          figure.setValues({ sort: c.key, order });
          (figure.querySelector(`button[data-sort="${c.key}"]`) as HTMLButtonElement | null)?.focus();
        });
        th.append(button);
        head.append(th);
      }
      table.append(el("thead", {}, head));
      const body = el("tbody");
      for (const r of rows) body.append(rowElement(r));
      table.append(body);

      const best = rows.reduce((a, b) => (b.halfWidth < a.halfWidth ? b : a));
      const worst = rows.reduce((a, b) => (b.halfWidth > a.halfWidth ? b : a));
      const chart = halfWidthChart(rows, width, v.p, level);
      const wrap = el(
        "div",
        { class: "results-scroll", tabindex: "0", role: "region", "aria-label": "Benchmark table" },
        table,
      );
      const fig = el("div", {}, chart, wrap);
      const readout = el(
        "div",
        { class: "benchmark-extremes" },
        el(
          "p",
          {},
          `Most precise: ${best.benchmark} (${best.split}), N = ${formatCount(best.n)}, `,
          el(
            "strong",
            { "data-readout": "best-half-width", "data-value": String(100 * best.halfWidth) },
            formatPlusMinus(best.halfWidth),
          ),
          `. Least precise: ${worst.benchmark} (${worst.split}), N = ${formatCount(worst.n)}, `,
          el(
            "strong",
            { "data-readout": "worst-half-width", "data-value": String(100 * worst.halfWidth) },
            formatPlusMinus(worst.halfWidth),
          ),
          ".",
        ),
        el(
          "p",
          { class: "table-note" },
          `Half-width: half the ${level} interval of one score. Smallest gap: the difference between two models that a two-sided test at ${Math.round((1 - v.confidence) * 100)}% finds 80% of the time — two independently reported scores, or two models on the same questions whose per-question results correlate at r = ${formatFixed(v.correlation, 2)}. Train, few-shot and unlabelled splits are not listed.`,
        ),
      );
      const summary =
        `At ${formatPercent(v.p, 0)} accuracy and ${level} confidence, sorted by ${sortLabels[v.sort]} (${v.order === "asc" ? "ascending" : "descending"}): ` +
        rows
          .map(
            (r) =>
              `${r.benchmark} ${r.split}, N = ${formatCount(r.n)}: ${formatPlusMinus(r.halfWidth)}, smallest gap ${formatPp(r.mddIndependent)} independent, ${formatPp(r.mddPaired)} paired`,
          )
          .join("; ") +
        ".";
      return { figure: fig, readout, summary };
    },
  });
  return figure;
}

function rowElement(r: ReferenceRow): HTMLTableRowElement {
  const source = el("div", { class: "source", title: r.source });
  if (r.links.length) {
    r.links.forEach((l, i) => {
      source.append(
        i ? " · " : "Source: ",
        el("a", { href: l.href, rel: "noopener", target: "_blank" }, l.label),
      );
    });
  } else source.append(`Source: ${r.source}`);
  const name = el(
    "th",
    { scope: "row" },
    el("span", { class: "name" }, r.benchmark),
    el("span", { class: "split" }, ` (${r.split})`),
    source,
  );
  if (r.note) name.setAttribute("title", r.note);
  return el(
    "tr",
    { "data-benchmark": r.benchmark, "data-split": r.split },
    name,
    el("td", { class: "measures" }, r.measures, el("span", { class: "metric" }, ` · ${r.metric}`)),
    el("td", { class: "num", "data-readout": "n", "data-value": String(r.n) }, formatCount(r.n)),
    el(
      "td",
      { class: "num", "data-readout": "half-width", "data-value": String(100 * r.halfWidth) },
      formatPlusMinus(r.halfWidth),
    ),
    el(
      "td",
      { class: "num", "data-readout": "mdd-independent", "data-value": String(100 * r.mddIndependent) },
      formatPp(r.mddIndependent),
    ),
    el(
      "td",
      { class: "num", "data-readout": "mdd-paired", "data-value": String(100 * r.mddPaired) },
      formatPp(r.mddPaired),
    ),
  );
}

/**
 * Half-width (bar) and the two smallest gaps (tick, diamond) per benchmark, in the table's order.
 * Drawn as plain SVG (bars on a linear axis need no Observable Plot): the page's only figure is at
 * the top, and without Plot's 94 kB (gzip) the phone has 49 kB less JavaScript to load before it.
 */
function halfWidthChart(rows: readonly ReferenceRow[], width: number, p: number, level: string) {
  const label = (r: ReferenceRow) => `${r.benchmark} (${r.split})`;
  const data = rows.map((r) => ({
    label: label(r),
    hw: 100 * r.halfWidth,
    ind: 100 * r.mddIndependent,
    pair: 100 * r.mddPaired,
  }));
  // The axis is on top, its label above the tick labels.
  const left = Math.min(260, 12 + 6.5 * Math.max(...data.map((d) => d.label.length)));
  const [right, top, step] = [40, 44, 18];
  const height = top + data.length * step + 10;
  const [, end] = nice(0, Math.max(...data.flatMap((d) => [d.hw, d.ind, d.pair])), 10);
  const x = (v: number) => left + (v / end) * (width - left - right);
  const y = (i: number) => top + (i + 0.5) * step;
  const band = 0.9 * step;
  const grid = ticks(0, end, Math.max(2, Math.round((width - left - right) / 80)));
  // Plot's diamond of radius 4 (area 16π): half-diagonals 6.6 (tall) and 3.8 (wide).
  const diamond = (cx: number, cy: number) =>
    `M${cx},${cy - 6.6}L${cx + 3.8},${cy}L${cx},${cy + 6.6}L${cx - 3.8},${cy}Z`;
  const chart =
    svg`<svg class="benchmark-chart" width=${width} height=${height} viewBox=${`0 0 ${width} ${height}`}
    font-size="12" font-family="system-ui, sans-serif" fill="currentColor">
    ${xAxis(grid.map(x), grid.map(String), {
      label: `Percentage points, at ${formatPercent(p, 0)} accuracy →`,
      labelEnd: width - right,
      grid: true,
      y0: top,
      y1: height - 10,
    })}
    <g text-anchor="end">${data.map((d, i) => svg`<text x=${left - 9} y=${y(i)} dy="0.32em">${d.label}</text>`)}</g>
    <g fill=${palette.blue} fill-opacity="0.85">${data.map((d, i) => svg`<rect x=${x(0)} y=${y(i) - band / 2} width=${x(d.hw) - x(0)} height=${band}><title>${d.label}: ${formatPlusMinus(d.hw / 100)}</title></rect>`)}</g>
    <line stroke="currentColor" x1=${x(0)} x2=${x(0)} y1=${top} y2=${height - 10}></line>
    <g stroke=${palette.vermillion} stroke-width="2.5">${data.map((d, i) => svg`<line x1=${x(d.ind)} x2=${x(d.ind)} y1=${y(i) - band / 2} y2=${y(i) + band / 2}></line>`)}</g>
    <g fill=${palette.green}>${data.map((d, i) => svg`<path d=${diamond(x(d.pair), y(i))}></path>`)}</g>
  </svg>` as SVGSVGElement;
  chart.setAttribute(
    "aria-label",
    `Half-width and smallest detectable gaps by benchmark, at ${formatPercent(p, 0)} accuracy`,
  );
  const legend = el(
    "p",
    { class: "benchmark-legend" },
    el("span", { class: "swatch bar" }, ""),
    ` ${level} half-width (bar) `,
    el("span", { class: "swatch tick" }, ""),
    " smallest gap between two separate scores (tick) ",
    el("span", { class: "swatch diamond" }, "◆"),
    " smallest gap, paired (diamond)",
  );
  return el("div", {}, legend, chart);
}
