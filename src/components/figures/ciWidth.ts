// Lesson 3's signature figure (the model for every figure's anatomy: derive → draw, readout,
// notice, summary): how the 95% interval of a score shrinks with the number of
// questions N, at an accuracy p, by interval method; five well-known benchmarks marked on it.

import { html, svg } from "htl";
import { keyedCache } from "../cache/keyedCache.js";
import { type BenchmarkRow, courseTable } from "../data/benchmarkTable.js";
import type { Benchmark } from "../data/types.js";
import { zCritical } from "../stats/distributions.js";
import { halfWidth, type IntervalMethod, intervalMethods, proportionInterval } from "../stats/intervals.js";
import { integerLogGrid } from "../stats/logGrid.js";
import { choice, confidenceChoice, range } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount, formatPercent, formatPlusMinus } from "../ui/format.js";
import { keptDrawing, setAttrs, setText } from "../ui/inPlace.js";
import { palette } from "../ui/palette.js";
import { type PlotFrame, type PlotScale, sharePlotStyles } from "../ui/plotStyles.js";
import * as Plot from "../vendor/plot.js";
import { keptStrip, type StripRow } from "./parts/intervalStrip.js";
import { f2 } from "./parts/svgAxis.js";

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
  return integerLogGrid(nMin, nMax, points).map((n) => {
    const ci = proportionInterval(Math.round(p * n), n, { confidence, method });
    return {
      n,
      halfWidthPp: (100 * (ci.upper - ci.lower)) / 2,
      normalPp: 100 * halfWidth(p, n, confidence),
    };
  });
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

/**
 * Which side of its point a benchmark's label goes: to the right (below) when a benchmark with a
 * slightly smaller N sits just left of it (GSM8K next to ARC, MMLU next to HellaSwag), else left
 * (above), so two close labels never swap places.
 */
export function labelSide(n: number, all: readonly number[]): -1 | 1 {
  return all.some((m) => m < n && m * 2 > n) ? 1 : -1;
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
    return { curve, rows, marks };
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

export interface CiWidthValues {
  n: number;
  p: number;
  confidence: number;
  method: IntervalMethod;
}

/** Everything the figure shows at one setting of its controls. */
export interface CiWidthModel extends CiWidthValues {
  curve: CurvePoint[];
  /** The five benchmarks' table rows (normal approximation, minimum detectable differences). */
  rows: BenchmarkRow[];
  /** The benchmarks on the curve: their half-width (pp) by the chosen method. */
  marks: (BenchmarkRow & { pp: number })[];
  /** The chosen method's interval at (N, p) (proportions). */
  here: { lower: number; upper: number };
  /** Its half-width, pp. */
  herePp: number;
  /** The normal-approximation half-width z·√(p(1−p)/N) (a proportion). */
  normal: number;
  /** The confidence level as a label, e.g. "95%". */
  level: string;
  /** Every method's interval at (N, p), in %, for the strip. */
  methods: {
    id: IntervalMethod;
    method: string;
    lower: number;
    upper: number;
    estimate: number;
    chosen: boolean;
  }[];
  z: number;
}

/** The figure's model (pure): the N-independent part comes from `curveAndTable` (remembered). */
export function deriveCiWidth(
  v: CiWidthValues,
  curveAndTable: ReturnType<typeof curveAndTableFor>,
): CiWidthModel {
  const { curve, rows, marks } = curveAndTable(v.p, v.confidence, v.method);
  const k = Math.round(v.p * v.n);
  const methods = intervalMethods.map((m) => {
    const ci = proportionInterval(k, v.n, { confidence: v.confidence, method: m.id });
    return {
      id: m.id,
      method: methodShort[m.id],
      lower: 100 * ci.lower,
      upper: 100 * ci.upper,
      estimate: 100 * ci.estimate,
      chosen: m.id === v.method,
    };
  });
  const chosen = methods.find((m) => m.chosen)!;
  return {
    ...v,
    curve,
    rows,
    marks,
    here: { lower: chosen.lower / 100, upper: chosen.upper / 100 },
    herePp: (chosen.upper - chosen.lower) / 2,
    normal: halfWidth(v.p, v.n, v.confidence),
    level: `${Math.round(v.confidence * 100)}%`,
    methods,
    z: zCritical(v.confidence),
  };
}

type Scale = PlotScale;

/**
 * The half-width chart's frame: axes and grid on fixed log–log scales, drawn by Plot once per width
 * and level. The curves, benchmarks and chosen N are drawn over it (curveMarks, nMarks).
 */
function curveFrame(width: number, level: string): PlotFrame {
  const svg = Plot.plot({
    ...mainFrame(width, level),
    // No marks of Plot's own, but x and y channels so the frame has both scales.
    marks: [Plot.dot([] as CurvePoint[], { x: "n", y: "normalPp" })],
  }) as PlotFrame;
  svg.setAttribute("aria-label", `${level} interval half-width against N, log–log`);
  return svg;
}

/**
 * The curves and the five benchmarks over the frame, made once and moved in place: the normal
 * approximation (dashed), the chosen method's half-width, and each benchmark's diamond and label.
 * Labels alternate above and below the curve so neighbours (GSM8K/ARC, MMLU/HellaSwag) don't
 * collide; above sits left of the point, below right. On a phone the names go alone (the table
 * has the ±): left of the point for the mid-sized benchmarks, right for the large ones and for
 * HumanEval (its label on the left ran into the y axis's tick labels).
 */
function curveMarks(x: Scale, y: Scale, width: number) {
  const compact = width < 560;
  const normal =
    svg`<path fill="none" stroke=${palette.grey} stroke-dasharray="5,4" stroke-width="1.5"></path>` as SVGPathElement;
  const method = svg`<path fill="none" stroke=${palette.blue} stroke-width="2.5"></path>` as SVGPathElement;
  // The page-coloured outline (on the group, as Plot draws it) parts a diamond from the curve under it.
  const diamonds = svg`<path fill=${palette.orange}></path>` as SVGPathElement;
  // With a halo of the page's colour, so a label the curve runs close to (HellaSwag's) stays legible.
  const labels =
    svg`<g font-size=${compact ? 11 : 12} font-weight="600" stroke="var(--theme-background, white)" stroke-width="3" paint-order="stroke"></g>` as SVGGElement;
  const g =
    svg`<g class="ci-width-curve">${normal}${method}<g stroke="var(--theme-background, white)">${diamonds}</g>${labels}</g>` as SVGGElement;
  const line = (points: readonly CurvePoint[], value: (d: CurvePoint) => number) =>
    `M${points.map((d) => `${f2(x.apply(d.n))},${f2(y.apply(value(d)))}`).join("L")}`;
  return {
    g,
    update(m: CiWidthModel) {
      setAttrs(normal, { d: line(m.curve, (d) => d.normalPp) });
      setAttrs(method, { d: line(m.curve, (d) => Math.max(0.1, d.halfWidthPp)) });
      const ns = m.marks.map((d) => d.n);
      // A diamond 7 px from the centre to each corner, one subpath per benchmark.
      setAttrs(diamonds, {
        d: m.marks
          .map((d) => {
            const [cx, cy] = [f2(x.apply(d.n)), f2(y.apply(d.pp))];
            return `M${cx},${f2(cy - 7)}L${f2(cx + 7)},${cy}L${cx},${f2(cy + 7)}L${f2(cx - 7)},${cy}Z`;
          })
          .join(""),
      });
      while (labels.childElementCount < m.marks.length) labels.append(svg`<text dy="0.32em"></text>`);
      while (labels.childElementCount > m.marks.length) labels.lastElementChild!.remove();
      m.marks.forEach((d, i) => {
        const side = labelSide(d.n, ns);
        const across = compact ? (d.n >= 5000 || d.n < 500 ? 1 : -1) : side;
        const text = labels.children[i]!;
        setAttrs(text, {
          x: f2(x.apply(d.n) + 6 * across),
          y: f2(y.apply(d.pp) + 14 * side),
          "text-anchor": across < 0 ? "end" : "start",
        });
        setText(text, compact ? d.benchmark : `${d.benchmark} ±${d.pp.toFixed(2)}`);
      });
    },
  };
}

/** The chosen N on the curve: a rule, a dot at its half-width, and its label above the frame. */
function nMarks(frame: ReturnType<typeof mainFrame>, x: Scale, y: Scale) {
  const [top, bottom] = [frame.marginTop, frame.height - frame.marginBottom];
  const rule =
    svg`<line y1=${top} y2=${bottom} stroke=${palette.vermillion} stroke-width="1.5"></line>` as SVGLineElement;
  const dot = svg`<circle r="6" fill=${palette.vermillion}></circle>` as SVGCircleElement;
  // Above the frame, so it never collides with a benchmark's label.
  const label =
    svg`<text y=${top - 8} dy="0.32em" fill=${palette.vermillion} font-weight="700" font-size="13"></text>` as SVGTextElement;
  const g = svg`<g class="ci-width-n">${rule}${dot}${label}</g>` as SVGGElement;
  return {
    g,
    update(m: CiWidthModel) {
      const at = f2(x.apply(m.n));
      setAttrs(rule, { x1: at, x2: at });
      setAttrs(dot, { cx: at, cy: f2(y.apply(Math.max(0.1, m.herePp))) });
      setAttrs(label, { x: at, "text-anchor": m.n > 3000 ? "end" : m.n < 60 ? "start" : "middle" });
      setText(label, `N = ${formatCount(m.n)}: ±${m.herePp.toFixed(2)} pp (${methodShort[m.method]})`);
    },
  };
}

/** The strip's rows: every method's interval at the chosen N and accuracy, its ends written out. */
const stripRows = (m: CiWidthModel): StripRow[] =>
  m.methods.map((d) => ({
    label: d.method,
    value: d.estimate,
    lower: d.lower,
    upper: d.upper,
    color: d.chosen ? palette.blue : palette.grey,
    symbol: "tick",
    text: `${d.lower.toFixed(1)}–${d.upper.toFixed(1)}${d.upper - d.lower < 1e-9 ? " (zero width!)" : d.upper >= 99.95 && d.id === "wald" ? " (reaches 100%)" : ""}`,
  }));

/**
 * The curve over the strip, kept across redraws: the frame is drawn once per width and level (each
 * kept, so switching the level back shows the frame already made); the curves, benchmarks and
 * chosen N move in place, and so do the strip's bars (parts/intervalStrip.ts).
 */
export function ciWidthView() {
  const node: HTMLElement = html`<div></div>`;
  type Curve = { svg: SVGSVGElement; marks: ReturnType<typeof curveMarks>; n: ReturnType<typeof nMarks> };
  const frames = keyedCache<Curve>(6);
  let curve: Curve | undefined;
  const strip = keptStrip();
  return (m: CiWidthModel, { width }: RenderContext): Node => {
    const next = frames.get(`${width}|${m.level}`, () => {
      const frame = sharePlotStyles(curveFrame(width, m.level));
      const [x, y] = [frame.scale("x"), frame.scale("y")];
      const marks = curveMarks(x, y, width);
      const n = nMarks(mainFrame(width, m.level), x, y);
      frame.append(marks.g, n.g);
      return { svg: frame, marks, n };
    });
    if (curve !== next) {
      if (curve) curve.svg.replaceWith(next.svg);
      else node.prepend(next.svg);
      curve = next;
    }
    curve.marks.update(m);
    curve.n.update(m);
    const drawn = strip(stripRows(m), {
      width,
      height: 200,
      marginLeft: 120,
      marginTop: 20,
      barWidth: 8,
      textBeside: true,
      limit: 100,
      ariaLabel: "The interval at the chosen N by method",
      domain: stripDomain(m.methods),
      xLabel:
        width < 560
          ? `${m.level} interval, accuracy (%) →`
          : `The ${m.level} interval at N = ${formatCount(m.n)}, k = ${formatCount(Math.round(m.p * m.n))} (accuracy, %) →`,
    });
    if (drawn.parentNode !== node) node.append(drawn);
    return node;
  };
}

const fixed = (x: number) => (100 * x).toFixed(6);

/** The five benchmarks' table: it depends on the accuracy and level, not on N. */
function courseTableElement(m: CiWidthModel): HTMLElement {
  return html`<div><table class="course-table">
      <caption>Five benchmarks at ${formatPercent(m.p, 0)} accuracy, ${m.level} confidence</caption>
      <thead><tr><th scope="col">Benchmark</th><th scope="col">N</th><th scope="col">Half-width (pp)</th><th scope="col">Rule of thumb: smallest meaningful gap (pp)</th><th scope="col">Gap a test finds (pp): independent*</th><th scope="col">…paired*</th></tr></thead>
      <tbody>${m.rows.map(
        (
          r,
        ) => html`<tr data-benchmark=${r.benchmark}><th scope="row">${r.benchmark}</th><td>${formatCount(r.n)}</td>
          <td data-readout="table-half-width" data-value=${fixed(r.halfWidth)} data-printed=${r.printedHalfWidthPp}>±${(100 * r.halfWidth).toFixed(2)}</td>
          <td data-rule-of-thumb>${r.printedMinDiff.replace(/\s*pp$/, "")}</td>
          <td data-readout="mdd-independent" data-value=${fixed(r.mddIndependent)}>${(100 * r.mddIndependent).toFixed(1)}</td>
          <td data-readout="mdd-paired" data-value=${fixed(r.mddPaired)}>${(100 * r.mddPaired).toFixed(1)}</td></tr>`,
      )}</tbody>
    </table>
    <p class="table-note">Half-widths by the normal approximation ${m.z.toFixed(2)}·√(p(1−p)/N). The rule of thumb (for about 80% accuracy) is a shorthand; the two columns after it are what it approximates. * The smallest gap a two-sided test at ${m.level} finds 80% of the time — for two scores on separate question sets, whose difference has √2 times one score's standard error, and (paired) for two models on the same questions whose results correlate at 0.5.</p></div>`;
}

/**
 * The readout, kept across redraws: the numbers at N are rewritten in place on every change, the
 * benchmarks' table only when the accuracy or the level changes (dragging N leaves it alone; each
 * table is kept, so a level switched back shows the one already made).
 */
export function ciWidthReadoutView() {
  const big = html`<div class="big-number" data-readout="half-width"></div>` as HTMLElement;
  const caption = html`<div class="big-caption"></div>` as HTMLElement;
  const interval = html`<div data-readout="interval"></div>` as HTMLElement;
  const node: HTMLElement = html`<div>${big}${caption}${interval}</div>`;
  const tables = keyedCache<HTMLElement>(6);
  let table: HTMLElement | undefined;
  return (m: CiWidthModel): Node => {
    setAttrs(big, { "data-value": fixed(m.normal) });
    setText(big, formatPlusMinus(m.normal));
    setText(
      caption,
      `${m.level} half-width at N = ${formatCount(m.n)} and ${formatPercent(m.p, 0)} accuracy (normal approximation)`,
    );
    setAttrs(interval, { "data-lower": m.here.lower, "data-upper": m.here.upper });
    setText(
      interval,
      `${methodShort[m.method]}: ${formatPercent(m.here.lower, 1)} – ${formatPercent(m.here.upper, 1)}`,
    );
    const el = tables.get(`${m.p}|${m.confidence}`, () => courseTableElement(m));
    if (table !== el) {
      if (table) table.replaceWith(el);
      else node.append(el);
      table = el;
    }
    return node;
  };
}

export function ciWidthNotice(m: CiWidthModel): string {
  return m.p >= 0.9 || m.n < 100
    ? "At small N or accuracy near 100%, the methods disagree: Wald's interval shrinks to nothing or spills past 100%, Wilson and Clopper–Pearson do not."
    : "Four times the questions only halves the interval: on the log–log axes the curve is a straight line of slope −½.";
}

export function ciWidthSummary(m: CiWidthModel): string {
  return (
    `At N = ${formatCount(m.n)} questions and ${formatPercent(m.p, 0)} accuracy, the ${m.level} interval is ${formatPlusMinus(m.normal)} by the normal approximation; ` +
    `the ${methodShort[m.method]} interval runs from ${formatPercent(m.here.lower)} to ${formatPercent(m.here.upper)}. ` +
    `Benchmarks: ${m.marks.map((b) => `${b.benchmark} (N = ${formatCount(b.n)}) ±${b.pp.toFixed(2)} pp`).join("; ")}.`
  );
}

export function ciWidthFigure(benchmarks: readonly Benchmark[]) {
  const curveAndTable = curveAndTableFor(benchmarks);
  const readout = ciWidthReadoutView();
  return explorable({
    id: "ci-width",
    title: "How wide is a score's 95% interval? It depends on N — and on the accuracy",
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
    derive: (v) => deriveCiWidth(v, curveAndTable),
    draw: keptDrawing(ciWidthView),
    readout: (m) => readout(m),
    notice: ciWidthNotice,
    summary: ciWidthSummary,
  });
}
