// The benchmark reference (tools/benchmarks): a sortable table of every evaluation split with
// the interval half-width and the smallest detectable differences at the reader's accuracy,
// in the explorable frame (inputs in the URL, text alternative, live region). The table and the
// chart are built once and updated in place as the reader moves a control (see ui/inPlace.ts).

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
import {
  clipText,
  formatCount,
  formatFixed,
  formatPercent,
  formatPlusMinus,
  formatPp,
} from "../ui/format.js";
import { keepOrder, setAttrs, setText } from "../ui/inPlace.js";
import { palette } from "../ui/palette.js";
import { drawXAxis, f2 } from "./parts/svgAxis.js";

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
  /** The drawing on the page, kept across redraws; an export gets a drawing of its own. */
  let onPage: ReturnType<typeof referenceView> | undefined;
  const sortBy = (key: SortKey, numeric: boolean) => {
    const v = figure.values as { sort: SortKey; order: "asc" | "desc" };
    const order = v.sort === key ? (v.order === "asc" ? "desc" : "asc") : numeric ? "desc" : "asc";
    figure.setValues({ sort: key, order });
    (figure.querySelector(`button[data-sort="${key}"]`) as HTMLButtonElement | null)?.focus();
  };
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
    render(v, { width, copy }) {
      const rows = sortReference(
        benchmarkReference(benchmarks, { p: v.p, confidence: v.confidence, correlation: v.correlation }),
        v.sort,
        v.order as "asc" | "desc",
      );
      const level = `${Math.round(v.confidence * 100)}%`;
      if (!onPage) onPage = referenceView(rows, sortBy);
      const view = copy ? referenceView(rows, sortBy) : onPage;
      view.update(rows, { ...v, order: v.order as "asc" | "desc" }, width, level);

      const best = rows.reduce((a, b) => (b.halfWidth < a.halfWidth ? b : a));
      const worst = rows.reduce((a, b) => (b.halfWidth > a.halfWidth ? b : a));
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
      return { figure: view.node, readout, summary };
    },
  });
  return figure;
}

const rowKey = (r: ReferenceRow) => `${r.benchmark}|${r.split}`;

/** The chart above the table, and the table: built once for these rows, then updated in place. */
function referenceView(rows: readonly ReferenceRow[], sortBy: (key: SortKey, numeric: boolean) => void) {
  const caption = el("caption");
  const heads = columns.map((c) => {
    const arrow = el("span", { "aria-hidden": "true", class: "sort-arrow" });
    const button = el(
      "button",
      { type: "button", class: "sort-button", "data-sort": c.key, ...(c.title ? { title: c.title } : {}) },
      c.label,
      arrow,
    );
    button.addEventListener("click", () => sortBy(c.key, !!c.numeric));
    return {
      key: c.key,
      th: el("th", { scope: "col", ...(c.numeric ? { class: "num" } : {}) }, button),
      arrow,
    };
  });
  const body = el("tbody");
  const table = el(
    "table",
    { class: "results-table benchmark-reference", "data-table": "benchmarks" },
    caption,
    el("thead", {}, el("tr", {}, ...heads.map((h) => h.th))),
    body,
  );
  const byKey = new Map(rows.map((r) => [rowKey(r), rowElement(r)]));
  // The chart is built for a width (its names' room), and built again when the width changes.
  let chart: ReturnType<typeof halfWidthChart> | undefined;
  const node = el(
    "div",
    {},
    el(
      "div",
      { class: "results-scroll", tabindex: "0", role: "region", "aria-label": "Benchmark table" },
      table,
    ),
  );
  return {
    node,
    update(
      rows: readonly ReferenceRow[],
      v: { p: number; sort: SortKey; order: "asc" | "desc" },
      width: number,
      level: string,
    ) {
      if (chart?.width !== width) {
        const next = halfWidthChart(rows, width);
        if (chart) chart.node.replaceWith(next.node);
        else node.prepend(next.node);
        chart = next;
      }
      setText(
        caption,
        `${rows.length} evaluation splits at ${formatPercent(v.p, 0)} accuracy and ${level} confidence; click a column heading to sort`,
      );
      for (const h of heads) {
        const active = v.sort === h.key;
        setAttrs(h.th, { "aria-sort": active ? (v.order === "asc" ? "ascending" : "descending") : null });
        setText(h.arrow, active ? (v.order === "asc" ? " ▲" : " ▼") : " ↕");
      }
      const ordered = rows.map((r) => {
        const row = byKey.get(rowKey(r))!;
        row.update(r);
        return row.tr;
      });
      keepOrder(body, ordered);
      chart.update(rows, v.p, level);
    },
  };
}

/** One table row; its three numbers change with the controls. */
function rowElement(r: ReferenceRow) {
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
  const hw = el("td", { class: "num", "data-readout": "half-width" });
  const ind = el("td", { class: "num", "data-readout": "mdd-independent" });
  const pair = el("td", { class: "num", "data-readout": "mdd-paired" });
  const tr = el(
    "tr",
    { "data-benchmark": r.benchmark, "data-split": r.split },
    name,
    el("td", { class: "measures" }, r.measures, el("span", { class: "metric" }, ` · ${r.metric}`)),
    el("td", { class: "num", "data-readout": "n", "data-value": String(r.n) }, formatCount(r.n)),
    hw,
    ind,
    pair,
  );
  return {
    tr,
    update(r: ReferenceRow) {
      for (const [cell, value, text] of [
        [hw, r.halfWidth, formatPlusMinus(r.halfWidth)],
        [ind, r.mddIndependent, formatPp(r.mddIndependent)],
        [pair, r.mddPaired, formatPp(r.mddPaired)],
      ] as const) {
        setAttrs(cell, { "data-value": String(100 * value) });
        setText(cell, text);
      }
    },
  };
}

/**
 * Half-width (bar) and the two smallest gaps (tick, diamond) per benchmark, in the table's order.
 * Drawn as plain SVG (bars on a linear axis need no Observable Plot): the page's only figure is at
 * the top, and without Plot's 94 kB (gzip) the phone has 49 kB less JavaScript to load before it.
 * Each benchmark is one group, moved by its transform when the order changes.
 */
function halfWidthChart(rows: readonly ReferenceRow[], width: number) {
  const label = (r: ReferenceRow) => `${r.benchmark} (${r.split})`;
  // The axis is on top, its label above the tick labels. The names take at most 45% of the width
  // (on a phone, long names are clipped; the bar's title has the whole name).
  const left = Math.min(
    260,
    12 + 6.5 * Math.max(...rows.map((r) => label(r).length)),
    Math.round(0.45 * width),
  );
  const chars = Math.floor((left - 12) / 6.5);
  const [right, top, step] = [width < 500 ? 16 : 40, 44, 18];
  const height = top + rows.length * step + 10;
  const band = 0.9 * step;
  const marks = new Map(
    rows.map((r) => {
      const title = svg`<title></title>` as SVGTitleElement;
      const bar =
        svg`<rect y=${-band / 2} height=${band} fill=${palette.blue} fill-opacity="0.85">${title}</rect>` as SVGRectElement;
      const tick =
        svg`<line y1=${-band / 2} y2=${band / 2} stroke=${palette.vermillion} stroke-width="2.5"></line>` as SVGLineElement;
      const diamond = svg`<path fill=${palette.green}></path>` as SVGPathElement;
      const g =
        svg`<g><text x=${left - 9} dy="0.32em" text-anchor="end">${clipText(label(r), chars)}</text>${bar}${tick}${diamond}</g>` as SVGGElement;
      return [rowKey(r), { g, title, bar, tick, diamond }];
    }),
  );
  const axis = svg`<g></g>` as SVGGElement;
  const zero = svg`<line stroke="currentColor" y1=${top} y2=${height - 10}></line>` as SVGLineElement;
  // In the first order; a new order moves each group by its transform, not in the document.
  const groups = svg`<g>${[...marks.values()].map((m) => m.g)}</g>` as SVGGElement;
  const chart = svg`<svg class="benchmark-chart" height=${height}
    font-size="12" font-family="system-ui, sans-serif" fill="currentColor">${axis}${groups}${zero}</svg>` as SVGSVGElement;
  const legendLevel = el("span");
  const legend = el(
    "p",
    { class: "benchmark-legend" },
    el("span", { class: "swatch bar" }, ""),
    " ",
    legendLevel,
    " half-width (bar) ",
    el("span", { class: "swatch tick" }, ""),
    " smallest gap between two separate scores (tick) ",
    el("span", { class: "swatch diamond" }, "◆"),
    " smallest gap, paired (diamond)",
  );
  let axisKey = "";
  return {
    node: el("div", {}, legend, chart),
    width,
    update(rows: readonly ReferenceRow[], p: number, level: string) {
      const data = rows.map((r) => ({
        key: rowKey(r),
        label: label(r),
        hw: 100 * r.halfWidth,
        ind: 100 * r.mddIndependent,
        pair: 100 * r.mddPaired,
      }));
      const [, end] = nice(0, Math.max(...data.flatMap((d) => [d.hw, d.ind, d.pair])), 10);
      const x = (v: number) => f2(left + (v / end) * (width - left - right));
      setAttrs(chart, { width, viewBox: `0 0 ${width} ${height}` });
      setAttrs(chart, {
        "aria-label": `Half-width and smallest detectable gaps by benchmark, at ${formatPercent(p, 0)} accuracy`,
      });
      setText(legendLevel, level);
      const axisLabel = `Percentage points, at ${formatPercent(p, 0)} accuracy →`;
      if (axisKey !== `${width}|${end}|${axisLabel}`) {
        axisKey = `${width}|${end}|${axisLabel}`;
        const grid = ticks(0, end, Math.max(2, Math.round((width - left - right) / 80)));
        drawXAxis(axis, grid.map(x), grid.map(String), {
          label: axisLabel,
          labelEnd: width - right,
          grid: true,
          y0: top,
          y1: height - 10,
        });
        setAttrs(zero, { x1: x(0), x2: x(0) });
      }
      data.forEach((d, i) => {
        const m = marks.get(d.key)!;
        // Plot's diamond of radius 4 (area 16π): half-diagonals 6.6 (tall) and 3.8 (wide).
        const cx = x(d.pair);
        setAttrs(m.g, { transform: `translate(0,${top + (i + 0.5) * step})` });
        setAttrs(m.bar, { x: x(0), width: f2(x(d.hw) - x(0)) });
        setText(m.title, `${d.label}: ${formatPlusMinus(d.hw / 100)}`);
        setAttrs(m.tick, { x1: x(d.ind), x2: x(d.ind) });
        setAttrs(m.diamond, { d: `M${cx},-6.6L${f2(cx + 3.8)},0L${cx},6.6L${f2(cx - 3.8)},0Z` });
      });
    },
  };
}
