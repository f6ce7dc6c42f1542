// Lesson 3's signature figure: how the 95% interval of a score shrinks with the number of
// questions N, at an accuracy p, by interval method; five well-known benchmarks marked on it.

import { keyedCache } from "../cache/keyedCache.js";
import { type BenchmarkRow, courseTable } from "../data/benchmarkTable.js";
import type { Benchmark } from "../data/types.js";
import {
  halfWidth,
  type IntervalMethod,
  intervalMethods,
  proportionInterval,
  zCritical,
} from "../stats/index.js";
import { choice, confidenceChoice, range } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";
import { formatCount, formatPercent, formatPlusMinus } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import { sharePlotStyles } from "../ui/plotStyles.js";
import * as Plot from "../vendor/plot.js";

export interface CurvePoint {
  n: number;
  /** Half the width of the method's interval at k = round(p·n), in pp. */
  halfWidthPp: number;
  /** The normal-approximation half-width z·√(p(1−p)/n), in pp. */
  normalPp: number;
}

/** The half-width curve over log-spaced N (pure; used by the figure and its tests). */
export function ciWidthCurve(
  p: number,
  { confidence = 0.95, method = "wilson" as IntervalMethod, nMin = 10, nMax = 100_000, points = 160 } = {},
): CurvePoint[] {
  const out: CurvePoint[] = [];
  const a = Math.log10(nMin);
  const b = Math.log10(nMax);
  let last = 0;
  for (let i = 0; i <= points; i++) {
    const n = Math.round(10 ** (a + ((b - a) * i) / points));
    if (n === last) continue;
    last = n;
    const ci = proportionInterval(Math.round(p * n), n, { confidence, method });
    out.push({
      n,
      halfWidthPp: (100 * (ci.upper - ci.lower)) / 2,
      normalPp: 100 * halfWidth(p, n, confidence),
    });
  }
  return out;
}

/**
 * Does a live half-width (pp) agree with a value printed in the seed material, to its precision?
 * Within one unit of the printed value's last digit: most are rounded (ARC 2.29 → 2.3), GSM8K's
 * 2.159 is cut to 2.15. A quiet check for the tests; the page shows only the live values.
 */
export function agreesWithPrinted(livePp: number, printed: number): boolean {
  const decimals = (String(printed).split(".")[1] ?? "").length;
  return Math.abs(livePp - printed) <= 10 ** -decimals + 1e-9;
}

/** The strip's accuracy axis: around the intervals, always including them whole. */
function stripDomain(methods: readonly { lower: number; upper: number }[]): [number, number] {
  const lo = Math.min(...methods.map((m) => m.lower));
  const hi = Math.max(...methods.map((m) => m.upper));
  const pad = Math.max(2, (hi - lo) * 0.6);
  // More room on the right, where the interval's numbers are written.
  return [Math.max(0, lo - pad / 2), Math.min(100, hi + 1.5 * pad)];
}

const methodShort: Record<IntervalMethod, string> = {
  wald: "Wald",
  wilson: "Wilson",
  "wilson-cc": "Wilson (cc)",
  "agresti-coull": "Agresti–Coull",
  "clopper-pearson": "Clopper–Pearson",
};

function readoutNode(html: string): HTMLElement {
  const div = document.createElement("div");
  div.innerHTML = html;
  return div;
}

/**
 * Which side of its point a benchmark's label goes: to the right (below) when a benchmark with a
 * slightly smaller N sits just left of it (GSM8K next to ARC, MMLU next to HellaSwag), else left
 * (above), so two close labels never swap places.
 */
export function labelSide(n: number, all: readonly number[]): -1 | 1 {
  return all.some((m) => m < n && m * 2 > n) ? 1 : -1;
}

/** The five-benchmark table's rows (HTML) at an accuracy and confidence. */
function benchmarkTableRows(rows: readonly BenchmarkRow[]): string {
  return rows
    .map((r) => {
      const live = 100 * r.halfWidth;
      return (
        `<tr data-benchmark="${r.benchmark}"><th scope="row">${r.benchmark}</th><td>${formatCount(r.n)}</td>` +
        `<td data-readout="table-half-width" data-value="${live.toFixed(6)}" data-printed="${r.printedHalfWidthPp}">±${live.toFixed(2)}</td>` +
        `<td data-rule-of-thumb>${r.printedMinDiff.replace(/\s*pp$/, "")}</td><td data-readout="mdd-independent" data-value="${(100 * r.mddIndependent).toFixed(6)}">${(100 * r.mddIndependent).toFixed(1)}</td>` +
        `<td data-readout="mdd-paired" data-value="${(100 * r.mddPaired).toFixed(6)}">${(100 * r.mddPaired).toFixed(1)}</td></tr>`
      );
    })
    .join("");
}

/**
 * The N-independent part of the figure — the curve, the benchmarks' marks and the table —
 * remembered for the last few (p, confidence, method): dragging N, or switching back to a method
 * or accuracy just seen, recomputes nothing.
 */
export function curveAndTableFor(benchmarks: readonly Benchmark[], kept = 12) {
  const cache = keyedCache<ReturnType<typeof compute>>(kept);
  function compute(p: number, confidence: number, method: IntervalMethod) {
    const curve = ciWidthCurve(p, { confidence, method });
    const rows = courseTable(benchmarks, { p, confidence });
    const marks = rows.map((r) => {
      const ci = proportionInterval(Math.round(p * r.n), r.n, { confidence, method });
      return { ...r, pp: (100 * (ci.upper - ci.lower)) / 2 };
    });
    return { curve, rows, marks, table: benchmarkTableRows(rows) };
  }
  return (p: number, confidence: number, method: IntervalMethod) =>
    cache.get(`${p}|${confidence}|${method}`, () => compute(p, confidence, method));
}

/** The main chart's size, margins and scales: fixed domains, so its axes depend only on width and level. */
function mainFrame(width: number, level: string) {
  return {
    width,
    height: Math.round(Math.min(460, Math.max(300, width * 0.55))),
    marginLeft: 56,
    marginRight: 24,
    // The y label sits in the top margin; the chosen N's label goes just above the frame, below it.
    marginTop: 48,
    marginBottom: 44,
    style: { fontSize: "13px" },
    x: {
      type: "log" as const,
      domain: [10, 100_000],
      label: "Questions in the test set, N (log scale) →",
      grid: true,
      tickFormat: "~s",
      labelOffset: 38,
    },
    y: {
      type: "log" as const,
      domain: [0.1, 60],
      label: `↑ ${level} interval half-width (pp, log scale)`,
      grid: true,
      tickFormat: "~g",
    },
  };
}

type Marks = NonNullable<NonNullable<Parameters<typeof Plot.plot>[0]>["marks"]>;

/**
 * The main chart, drawn in two layers that make one SVG. Its grid and axes (61 ticks on two log
 * scales) are the same for every N, p and method, so they are drawn once per width and level and
 * cloned; Plot draws only the marks, with the axes off over the same scales, and the marks are
 * moved into the clone after the axes — the same SVG as one Plot call (minus the empty labels of
 * unlabelled log ticks). Measured in Chromium: ≈0.8 ms instead of ≈2.2 ms per redraw.
 */
function axesLayerCache() {
  const axes = new Map<string, SVGSVGElement>();
  return (width: number, level: string, marks: Marks): SVGSVGElement => {
    const frame = mainFrame(width, level);
    const key = `${width}|${level}`;
    let layer = axes.get(key);
    if (!layer) {
      layer = sharePlotStyles(Plot.plot({ ...frame, marks: [] }) as SVGSVGElement);
      for (const t of layer.querySelectorAll("text")) if (!t.textContent) t.remove();
      if (axes.size >= 4) axes.delete(axes.keys().next().value!);
      axes.set(key, layer);
    }
    const svg = layer.cloneNode(true) as SVGSVGElement;
    const drawn = Plot.plot({
      ...frame,
      x: { ...frame.x, axis: null, grid: false },
      y: { ...frame.y, axis: null, grid: false },
      marks,
    });
    for (const child of Array.from(drawn.children)) if (child.localName !== "style") svg.append(child);
    return svg;
  };
}

export function ciWidthFigure(benchmarks: readonly Benchmark[]) {
  const curveAndTable = curveAndTableFor(benchmarks);
  const overAxes = axesLayerCache();
  return explorable({
    id: "ci-width",
    title: "How wide is a score's 95% interval? It depends on N — and on the accuracy",
    notice: (v) =>
      v.p >= 0.9 || v.n < 100
        ? "At small N or accuracy near 100%, the methods disagree: Wald's interval shrinks to nothing or spills past 100%, Wilson and Clopper–Pearson do not."
        : "Four times the questions only halves the interval: on the log–log axes the curve is a straight line of slope −½.",
    controls: {
      n: range({
        key: "n",
        label: "Questions in the test set (N)",
        min: 10,
        max: 100_000,
        log: true,
        value: 1319,
        numberBox: true,
        format: formatCount,
      }),
      p: range({
        key: "p",
        label: "Accuracy (p)",
        min: 0.01,
        max: 0.99,
        step: 0.01,
        value: 0.8,
        format: (v) => formatPercent(v, 0),
      }),
      confidence: confidenceChoice(),
      method: choice({
        key: "method",
        label: "Interval method",
        kind: "select",
        options: intervalMethods.map((m) => ({ value: m.id, label: m.label })),
        value: "wilson" as IntervalMethod,
      }),
    },
    presets: [
      { label: "GSM8K at 80%", values: { n: 1319, p: 0.8, confidence: 0.95 } },
      { label: "GSM8K at 93%", values: { n: 1319, p: 0.93, confidence: 0.95 } },
      { label: "MMLU at 85%", values: { n: 14042, p: 0.85, confidence: 0.95 } },
      { label: "HumanEval at 80%", values: { n: 164, p: 0.8, confidence: 0.95 } },
      { label: "Wald fails: N = 20, p = 97%", values: { n: 20, p: 0.97, method: "wald" } },
    ],
    source:
      "Benchmark sizes: data/benchmarks.csv (Hugging Face datasets split metadata; HumanEval counted from openai/human-eval).",
    render(v, { width }) {
      // Dragging N leaves the curve and the table unchanged: compute them once per (p, confidence, method).
      const { curve, marks, table } = curveAndTable(v.p, v.confidence, v.method);
      const here = proportionInterval(Math.round(v.p * v.n), v.n, {
        confidence: v.confidence,
        method: v.method,
      });
      const herePp = (100 * (here.upper - here.lower)) / 2;
      const normal = halfWidth(v.p, v.n, v.confidence);
      const level = `${Math.round(v.confidence * 100)}%`;
      const compact = width < 560;

      const main = overAxes(width, level, [
        Plot.line(curve, {
          x: "n",
          y: "normalPp",
          stroke: palette.grey,
          strokeDasharray: "5,4",
          strokeWidth: 1.5,
        }),
        Plot.line(curve, {
          x: "n",
          y: (d: CurvePoint) => Math.max(0.1, d.halfWidthPp),
          stroke: palette.blue,
          strokeWidth: 2.5,
        }),
        Plot.dot(marks, {
          x: "n",
          y: "pp",
          fill: palette.orange,
          stroke: "var(--theme-background, white)",
          r: 5,
          symbol: "diamond",
        }),
        // Labels alternate above and below the curve so neighbours (GSM8K/ARC, MMLU/HellaSwag) don't
        // collide; above sits left of the point, below right. On a phone the names go alone (the
        // table has the ±), left of the point for the mid-sized benchmarks and right for the large
        // ones — alternating, GSM8K's label ran into HellaSwag's — and for HumanEval, whose label
        // on the left ran into the y axis's tick labels.
        ...[-1, 1].flatMap((side) =>
          (compact ? [-1, 1] : [side]).map((across) =>
            Plot.text(
              marks.filter(
                (d) =>
                  labelSide(
                    d.n,
                    marks.map((x) => x.n),
                  ) === side &&
                  (!compact || (d.n >= 5000 || d.n < 500 ? 1 : -1) === across),
              ),
              {
                x: "n",
                y: "pp",
                text: (d: (typeof marks)[number]) =>
                  compact ? d.benchmark : `${d.benchmark} ±${d.pp.toFixed(2)}`,
                dy: 14 * side,
                dx: 6 * across,
                textAnchor: across < 0 ? "end" : "start",
                fontSize: compact ? 11 : 12,
                fontWeight: 600,
              },
            ),
          ),
        ),
        Plot.ruleX([v.n], { stroke: palette.vermillion, strokeWidth: 1.5 }),
        Plot.dot([{ n: v.n, pp: Math.max(0.1, herePp) }], {
          x: "n",
          y: "pp",
          r: 6,
          fill: palette.vermillion,
        }),
        // The chosen N's label sits above the frame, so it never collides with a benchmark's label.
        Plot.text([{ n: v.n }], {
          x: "n",
          frameAnchor: "top",
          text: () => `N = ${formatCount(v.n)}: ±${herePp.toFixed(2)} pp (${methodShort[v.method]})`,
          dy: -8,
          textAnchor: v.n > 3000 ? "end" : v.n < 60 ? "start" : "middle",
          fill: palette.vermillion,
          fontWeight: 700,
          fontSize: 13,
        }),
      ]);
      main.setAttribute("aria-label", `${level} interval half-width against N, log–log`);

      const methods = intervalMethods.map((m) => {
        const ci = proportionInterval(Math.round(v.p * v.n), v.n, { confidence: v.confidence, method: m.id });
        return {
          method: methodShort[m.id],
          lower: 100 * ci.lower,
          upper: 100 * ci.upper,
          estimate: 100 * ci.estimate,
          chosen: m.id === v.method,
        };
      });
      const domain = stripDomain(methods);
      const strip = Plot.plot({
        width,
        height: 200,
        marginLeft: 120,
        marginRight: 24,
        marginBottom: 44,
        style: { fontSize: "13px" },
        x: {
          label: compact
            ? `${level} interval, accuracy (%) →`
            : `The ${level} interval at N = ${formatCount(v.n)}, k = ${formatCount(Math.round(v.p * v.n))} (accuracy, %) →`,
          domain,
          grid: true,
          labelOffset: 38,
        },
        y: { label: null, domain: methods.map((m) => m.method) },
        marks: [
          Plot.ruleX(domain[1] >= 100 ? [100] : [], { stroke: palette.grey, strokeDasharray: "2,3" }),
          Plot.link(methods, {
            x1: "lower",
            x2: "upper",
            y1: "method",
            y2: "method",
            stroke: (d: (typeof methods)[number]) => (d.chosen ? palette.blue : palette.grey),
            strokeWidth: 8,
            strokeLinecap: "butt",
          }),
          Plot.tickX(methods, { x: "estimate", y: "method", stroke: "currentColor", strokeWidth: 2 }),
          ...[false, true].map((nearRight) =>
            Plot.text(
              methods.filter((d) => d.upper > domain[1] - 0.18 * (domain[1] - domain[0]) === nearRight),
              {
                x: nearRight ? "lower" : "upper",
                y: "method",
                dx: nearRight ? -8 : 8,
                textAnchor: nearRight ? "end" : "start",
                text: (d: (typeof methods)[number]) =>
                  `${d.lower.toFixed(1)}–${d.upper.toFixed(1)}${d.upper - d.lower < 1e-9 ? " (zero width!)" : d.upper >= 99.95 && d.method === "Wald" ? " (reaches 100%)" : ""}`,
                fontSize: 12,
              },
            ),
          ),
        ],
      });
      strip.setAttribute("aria-label", "The interval at the chosen N by method");

      const figure = document.createElement("div");
      figure.append(main, strip);

      const readout = readoutNode(`
        <div class="big-number" data-readout="half-width" data-value="${(100 * normal).toFixed(6)}">${formatPlusMinus(normal)}</div>
        <div class="big-caption">${level} half-width at N = ${formatCount(v.n)} and ${formatPercent(v.p, 0)} accuracy (normal approximation)</div>
        <div data-readout="interval" data-lower="${here.lower}" data-upper="${here.upper}">${methodShort[v.method]}: ${formatPercent(here.lower, 1)} – ${formatPercent(here.upper, 1)}</div>
        <table class="course-table">
          <caption>Five benchmarks at ${formatPercent(v.p, 0)} accuracy, ${level} confidence</caption>
          <thead><tr><th scope="col">Benchmark</th><th scope="col">N</th><th scope="col">Half-width (pp)</th><th scope="col">Rule of thumb: smallest meaningful gap (pp)</th><th scope="col">Gap a test finds (pp): independent*</th><th scope="col">…paired*</th></tr></thead>
          <tbody>${table}</tbody>
        </table>
        <p class="table-note">Half-widths by the normal approximation ${zCritical(v.confidence).toFixed(2)}·√(p(1−p)/N). The rule of thumb (for about 80% accuracy) is a shorthand; the two columns after it are what it approximates. * The smallest gap a two-sided test at ${level} finds 80% of the time — for two scores on separate question sets, whose difference has √2 times one score's standard error, and (paired) for two models on the same questions whose results correlate at 0.5.</p>`);

      const summary =
        `At N = ${formatCount(v.n)} questions and ${formatPercent(v.p, 0)} accuracy, the ${level} interval is ${formatPlusMinus(normal)} by the normal approximation; ` +
        `the ${methodShort[v.method]} interval runs from ${formatPercent(here.lower)} to ${formatPercent(here.upper)}. ` +
        `Benchmarks: ${marks.map((m) => `${m.benchmark} (N = ${formatCount(m.n)}) ±${m.pp.toFixed(2)} pp`).join("; ")}.`;
      return { figure, summary, readout };
    },
  });
}
