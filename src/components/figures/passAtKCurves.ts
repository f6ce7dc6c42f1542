// Going deeper, pass@k: one model's HumanEval runs (10 attempts at each of the 164 problems) turned
// into pass@k (at least one of k attempts passes), the naive plug-in estimate of it, and pass^k
// (all k attempts pass), each with its 95% interval over problems; below, how many problems the
// model solved in 0, 1, …, 10 of its attempts — the counts every curve is computed from.

import { html } from "htl";
import type { MeanEstimate } from "../stats/passAtK.js";
import { choice, range } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount, formatPercent, formatPp } from "../ui/format.js";
import { keptDrawing, setAttrs, setText } from "../ui/inPlace.js";
import { palette } from "../ui/palette.js";
import { scaleLinear } from "../vendor/plot.js";
import { drawXAxis, drawYAxis, f2, keptChildren } from "./parts/svgAxis.js";
import { type SvgPanel, sizePanel, svgPanel } from "./parts/svgPanel.js";
import { type CurvePoint, derivePassAtK, type ModelRuns, type PassAtKModel } from "./passAtKModel.js";

export * from "./passAtKModel.js";

const SERIES = ["naive", "pass@k", "pass^k"] as const;
type SeriesName = (typeof SERIES)[number];
const colour: Record<SeriesName, string> = {
  "pass@k": palette.blue,
  naive: palette.grey,
  "pass^k": palette.vermillion,
};
/** Each series' estimate and 95% interval at a point of the curve (the naive one has no interval). */
const at = (p: CurvePoint, s: SeriesName) =>
  s === "naive"
    ? { value: p.naive, lower: p.naive, upper: p.naive }
    : { value: (s === "pass@k" ? p.passAt : p.passHat).mean, ...(s === "pass@k" ? p.passAt : p.passHat) };
/** The chosen k's dot for each series, centred on 0,0: the naive circle, a cross and a diamond. */
const SYMBOL: Record<SeriesName, string> = {
  naive: "M5,0A5,5 0 1 1 -5,0A5,5 0 1 1 5,0Z",
  "pass@k": "M-5.95,-1.98H-1.98V-5.95H1.98V-1.98H5.95V1.98H1.98V5.95H-1.98V1.98H-5.95Z",
  "pass^k": "M0,-8.25L4.76,0L0,8.25L-4.76,0Z",
};
const CURVES = { top: 20, bottom: 40, left: 48 };
const COUNTS = { top: 20, bottom: 40, left: 48, right: 20, height: 150 };
type CurvePart = "y" | "x" | "bands" | "lines" | "rule" | "dots" | "ends";
type CountPart = "y" | "x" | "bars" | "values";

/** pass@k, the naive estimate and pass^k over k with their intervals, and the chosen k marked. */
function drawCurves(p: SvgPanel<CurvePart>, m: PassAtKModel, width: number) {
  const height = Math.round(Math.min(380, Math.max(260, width * 0.45)));
  const right = width < 560 ? 16 : 84;
  const bottom = height - CURVES.bottom;
  sizePanel(p.root, width, height, 13, `pass@k, the naive estimate and pass^k against k for ${m.model}`);
  const x = scaleLinear()
    .domain([1, m.n])
    .range([CURVES.left, width - right]);
  // From a round 10% below the lowest interval to 100%, so the curves' differences are visible.
  const lowest = Math.min(...m.curve.flatMap((c) => SERIES.map((s) => at(c, s).lower)));
  const y = scaleLinear()
    .domain([Math.max(0, Math.floor(10 * lowest) / 10 - 0.1), 1])
    .range([bottom, CURVES.top]);
  // As Plot does: about one y tick per 35 px.
  const yTicks = y.ticks((bottom - CURVES.top) / 35);
  drawYAxis(
    p.parts.y,
    yTicks.map(y),
    yTicks.map((t) => `${Math.round(100 * t)}`),
    {
      label: "↑ Share of HumanEval problems (%)",
      x0: CURVES.left,
      x1: width - right,
      grid: true,
    },
  );
  const ks = m.curve.map((c) => c.k);
  drawXAxis(p.parts.x, ks.map(x), ks.map(String), {
    label: "Attempts per problem, k →",
    labelEnd: width - 2.5,
    grid: false,
    y0: CURVES.top,
    y1: bottom,
    side: "bottom",
  });
  const path = (ys: (c: CurvePoint) => number, points = m.curve) =>
    points.map((c, i) => `${i ? "L" : "M"}${f2(x(c.k))},${f2(y(ys(c)))}`).join("");
  const banded = SERIES.filter((s) => s !== "naive");
  keptChildren<SVGPathElement>(p.parts.bands, "path", banded.length).forEach((band, i) => {
    const s = banded[i]!;
    const back = path((c) => at(c, s).lower, [...m.curve].reverse()).replace("M", "L");
    setAttrs(band, { fill: colour[s], d: `${path((c) => at(c, s).upper)}${back}Z` });
  });
  keptChildren<SVGPathElement>(p.parts.lines, "path", SERIES.length).forEach((line, i) => {
    const s = SERIES[i]!;
    setAttrs(line, {
      stroke: colour[s],
      "stroke-width": s === "naive" ? 1.5 : 2.5,
      "stroke-dasharray": s === "naive" ? "5,4" : null,
      d: path((c) => at(c, s).value),
    });
  });
  const k = f2(x(m.k));
  const [rule] = keptChildren<SVGLineElement>(p.parts.rule, "line", 1);
  setAttrs(rule!, { x1: k, x2: k, y1: CURVES.top, y2: bottom });
  keptChildren<SVGPathElement>(p.parts.dots, "path", SERIES.length).forEach((dot, i) => {
    const s = SERIES[i]!;
    setAttrs(dot, {
      d: SYMBOL[s],
      fill: colour[s],
      transform: `translate(${k},${f2(y(at(m.here, s).value))})`,
    });
  });
  // The series' names at the curves' right ends; on a phone, inside the frame above pass@k and
  // below pass^k (the dashed naive curve hugs pass@k: the readout names it).
  const last = m.curve[m.curve.length - 1]!;
  const narrow = width < 560;
  const named = narrow ? SERIES.filter((s) => s !== "naive") : SERIES;
  setAttrs(p.parts.ends, { "text-anchor": narrow ? "end" : "start" });
  keptChildren<SVGTextElement>(p.parts.ends, "text", named.length).forEach((t, i) => {
    const s = named[i]!;
    const dy = narrow ? (s === "pass@k" ? -14 : 16) : s === "naive" ? 12.5 : -3.5;
    setAttrs(t, {
      x: f2(x(last.k) + (narrow ? -2 : 8.5)),
      y: f2(y(at(last, s).value) + dy),
      dy: "0.32em",
      fill: colour[s],
    });
    setText(t, s);
  });
}

/** How many problems the model passed in 0, 1, …, n of its attempts: a bar and its count each. */
function drawCounts(p: SvgPanel<CountPart>, m: PassAtKModel, width: number) {
  const { top, left, right, height } = COUNTS;
  const bottom = height - COUNTS.bottom;
  sizePanel(p.root, width, height, 12, `How many problems ${m.model} passed in 0 to ${m.n} of its attempts`);
  // Bands as Plot's (padding 0.1 inside and out, rounded): a bar per count c = 0 … n.
  const bands = m.histogram.length;
  const step = Math.floor((width - left - right) / (bands + 0.1));
  const start = left + Math.round((width - left - right - step * (bands - 0.1)) / 2);
  const barWidth = Math.round(step * 0.9);
  const centre = (i: number) => start + i * step + barWidth / 2;
  const y = scaleLinear()
    .domain([0, Math.max(1, ...m.histogram.map((h) => h.problems))])
    .range([bottom, top]);
  const yTicks = y.ticks((bottom - top) / 35);
  drawYAxis(p.parts.y, yTicks.map(y), yTicks.map(String), {
    label: "↑ Problems",
    x0: left,
    x1: width - right,
    grid: true,
  });
  drawXAxis(
    p.parts.x,
    m.histogram.map((_, i) => centre(i)),
    m.histogram.map((h) => String(h.c)),
    {
      label: `Attempts (of ${m.n}) that passed, per problem →`,
      labelEnd: width - 2.5,
      grid: false,
      y0: top,
      y1: bottom,
      side: "bottom",
    },
  );
  keptChildren<SVGRectElement>(p.parts.bars, "rect", bands).forEach((bar, i) => {
    const h = m.histogram[i]!;
    setAttrs(bar, {
      x: start + i * step,
      width: barWidth,
      y: f2(y(h.problems)),
      height: f2(bottom - y(h.problems)),
      fill: h.c === 0 || h.c === m.n ? palette.grey : palette.orange,
    });
  });
  keptChildren<SVGTextElement>(p.parts.values, "text", bands).forEach((t, i) => {
    const h = m.histogram[i]!;
    setAttrs(t, { x: f2(centre(i)), y: f2(y(h.problems) - 6), dy: "0.32em" });
    setText(t, String(h.problems));
  });
}

/**
 * Both charts, plain SVG kept across redraws: a new k moves the rule and the three dots; a new
 * model moves every curve, band and bar in place (two new Plot charts took ≈ 6 ms to build).
 */
export function passAtKView() {
  const curves = svgPanel<CurvePart>("pass-at-k-curves", {
    y: {},
    x: {},
    bands: { "fill-opacity": 0.18 },
    lines: { fill: "none", "stroke-linejoin": "round", "stroke-linecap": "round" },
    rule: { stroke: "currentColor", "stroke-opacity": 0.5 },
    dots: {},
    ends: {
      "font-weight": 600,
      stroke: "var(--theme-background, white)",
      "stroke-width": 3,
      "paint-order": "stroke",
    },
  });
  const counts = svgPanel<CountPart>("pass-at-k-counts", { y: {}, x: {}, bars: {}, values: {} });
  const node: HTMLElement = html`<div>${curves.root}${counts.root}</div>`;
  return (m: PassAtKModel, { width }: RenderContext): Node => {
    drawCurves(curves, m, width);
    drawCounts(counts, m, width);
    return node;
  };
}

const range95 = (e: MeanEstimate) => `${formatPercent(e.lower)}–${formatPercent(e.upper)}`;

export function passAtKReadout(m: PassAtKModel): Node {
  const h = m.here;
  return html`<div>
    <div class="big-number" data-readout="pass-at-k" data-value=${h.passAt.mean}>${formatPercent(h.passAt.mean)}</div>
    <div class="big-caption">pass@${m.k} for ${m.model} (95% interval ${range95(h.passAt)})</div>
    <dl class="deeper-readout">
      <dt>pass@1</dt><dd data-readout="pass-at-1" data-value=${m.curve[0]!.passAt.mean}>${formatPercent(m.curve[0]!.passAt.mean)}</dd>
      <dt>naive 1−(1−c/n)^${m.k}</dt><dd data-readout="naive" data-value=${h.naive}>${formatPercent(h.naive)} (${formatPp(h.naive - h.passAt.mean, 1)})</dd>
      <dt>pass^${m.k} (all ${m.k} pass)</dt><dd data-readout="pass-hat-k" data-value=${h.passHat.mean}>${formatPercent(h.passHat.mean)} (${range95(h.passHat)})</dd>
      <dt>Solved in every attempt</dt><dd data-readout="always" data-value=${m.always}>${formatCount(m.always)} of ${m.problems}</dd>
      <dt>Solved in some, not all</dt><dd data-readout="sometimes" data-value=${m.sometimes}>${formatCount(m.sometimes)}</dd>
      <dt>Never solved</dt><dd data-readout="never" data-value=${m.never}>${formatCount(m.never)}</dd>
    </dl>
  </div>`;
}

export function passAtKNotice(m: PassAtKModel): string {
  const h = m.here;
  const p1 = m.curve[0]!.passAt.mean;
  if (m.k === 1)
    return `At k = 1 the three measures agree (${formatPercent(p1)}). Raise k: only the ${m.sometimes} problems ${m.model} solves sometimes can move any curve — the ${m.always} it always solves and the ${m.never} it never solves hold them in place.`;
  return `From k = 1 to ${m.k}, pass@k climbs ${formatPp(h.passAt.mean - p1, 1)} while pass^k falls ${formatPp(p1 - h.passHat.mean, 1)}: the same ${m.problems} problems and the same ${m.n} runs each, read as "any attempt" or as "every attempt". The naive estimate is ${formatPp(h.passAt.mean - h.naive, 1)} below pass@${m.k}.`;
}

export function passAtKSummary(m: PassAtKModel): string {
  const h = m.here;
  return (
    `${m.model} on HumanEval, ${m.n} runs per problem at temperature ${m.temperature}: pass@1 ${formatPercent(m.curve[0]!.passAt.mean)}; ` +
    `at k = ${m.k}, pass@k ${formatPercent(h.passAt.mean)} (95% interval ${range95(h.passAt)}), naive estimate ${formatPercent(h.naive)}, ` +
    `pass^k ${formatPercent(h.passHat.mean)} (${range95(h.passHat)}). ${m.always} problems passed every run, ${m.never} none, ${m.sometimes} some.`
  );
}

export function passAtKFigure(runs: readonly ModelRuns[]) {
  const first = runs[0];
  if (!first) throw new RangeError("passAtKFigure needs at least one model's runs");
  return explorable({
    id: "pass-at-k",
    title: "One model, 10 attempts per problem: pass@k rises, pass^k falls",
    controls: {
      model: choice({
        key: "model",
        label: "Model",
        options: runs.map((r) => ({ value: r.model, label: r.model })),
        value: first.model,
      }),
      k: range({
        key: "k",
        label: "Attempts counted, k",
        min: 1,
        max: first.n,
        step: 1,
        value: 5,
        format: (v) => `k = ${v}`,
      }),
    },
    presets: [
      { label: "k = 1: all three agree", values: { k: 1 } },
      { label: "k = 10, GPT-4", values: { k: 10, model: "gpt-4" } },
      { label: "k = 10, Code Llama", values: { k: 10, model: "codellama-34b-instruct" } },
    ],
    source:
      "Real runs: jamesmurdza/humaneval-results (10 runs per HumanEval problem at temperature 0.2, July–September 2023); data/humaneval_runs.csv.",
    derive: (v) => derivePassAtK(runs, v),
    draw: keptDrawing(passAtKView),
    readout: passAtKReadout,
    notice: passAtKNotice,
    summary: passAtKSummary,
  });
}
