// Lesson 3: real paired data. Two of 29 models on the same MMLU-Pro questions: their own
// intervals may overlap while the paired test, which uses only the questions they disagree on,
// separates them. A subsample slider shows how many questions each analysis needs.

import { html, svg } from "htl";
import { keyedCache } from "../cache/keyedCache.js";
import {
  type CurvePoint,
  type PairedAnalysis,
  type PairedData,
  type PairOverview,
  pairedAnalysisAt,
  pairOverviews,
} from "../compare/pairedRealDataset.js";
import { choice, range } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount, formatDiffPp, formatPercent, formatPValue } from "../ui/format.js";
import { keptDrawing, setAttrs, setText } from "../ui/inPlace.js";
import { palette } from "../ui/palette.js";
import { type PlotFrame as Frame, sharePlotStyles } from "../ui/plotStyles.js";
import * as Plot from "../vendor/plot.js";
import { type Estimate, keptStrip } from "./parts/intervalStrip.js";
import { fitName, labelWidth } from "./parts/rankChartLayout.js";
import { f2 } from "./parts/svgAxis.js";

export interface PairedValues extends Record<string, unknown> {
  a: string;
  b: string;
  n: number;
}

/** Everything the figure shows for a pair on the first n questions (or that the pair is one model). */
export type PairedModel =
  | { same: true; values: PairedValues }
  | {
      same: false;
      values: PairedValues;
      /** The analysis on the first n questions. */
      r: PairedAnalysis;
      /** The pair's separation curve over n and the questions each analysis needs (from all of them). */
      overview: PairOverview;
      questions: number;
      /** Each model's accuracy and interval, in %. */
      scores: { a: Estimate; b: Estimate };
      scoreDomain: [number, number];
      /** The difference with its independent and paired intervals, in pp. */
      diffs: { independent: Estimate; paired: Estimate };
      diffExtent: number;
      /** The curve panel's y half-range (pp): the first of EXTENTS to hold the independent interval from n = 100 on. */
      curveExtent: number;
      separates: { independent: boolean; paired: boolean };
    };

const pct = (k: number, n: number, ci: { lower: number; upper: number }): Estimate => ({
  value: (100 * k) / n,
  lower: 100 * ci.lower,
  upper: 100 * ci.upper,
});
const pp = (d: { diff: number; lower: number; upper: number }): Estimate => ({
  value: 100 * d.diff,
  lower: 100 * d.lower,
  upper: 100 * d.upper,
});
const excludesZero = (e: Estimate) => e.lower > 0 || e.upper < 0;

/** The curve panel's y half-ranges (pp): a pair gets the first that holds its widest interval. */
const EXTENTS = [2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30];

/** The figure's model (pure): `overview` gives the pair's n-independent part (remembered per pair). */
export function derivePaired(
  values: PairedValues,
  data: PairedData,
  overview: (a: string, b: string) => PairOverview,
): PairedModel {
  if (values.a === values.b) return { same: true, values };
  const r = pairedAnalysisAt(data, values.a, values.b, values.n);
  const scores = { a: pct(r.a.k, r.a.n, r.a.interval), b: pct(r.b.k, r.b.n, r.b.interval) };
  const left = Math.min(scores.a.lower, scores.b.lower);
  const right = Math.max(scores.a.upper, scores.b.upper);
  const pad = Math.max(1, (right - left) * 0.3);
  const diffs = { independent: pp(r.independent), paired: pp(r.paired) };
  const ends = [diffs.independent, diffs.paired].flatMap((d) => [Math.abs(d.lower), Math.abs(d.upper)]);
  const o = overview(values.a, values.b);
  const wide = o.curve
    .filter((c) => c.m >= 100)
    .map((c) => 100 * Math.max(Math.abs(c.indLower), Math.abs(c.indUpper)));
  return {
    same: false,
    values,
    r,
    overview: o,
    questions: data.questions,
    scores,
    scoreDomain: [Math.max(0, left - pad), Math.min(100, right + pad)],
    diffs,
    diffExtent: Math.max(...ends) * 1.15,
    curveExtent: EXTENTS.find((e) => e >= Math.max(...wide)) ?? 30,
    separates: { independent: excludesZero(diffs.independent), paired: excludesZero(diffs.paired) },
  };
}

const CURVE_TOP = 30;
const CURVE_BOTTOM = 44;

/** The curve panel's frame (axes and grid, no marks): drawn by Plot once per width and y range. */
function curveFrame(questions: number, extent: number, width: number): Frame {
  const svg = Plot.plot({
    width,
    height: Math.round(Math.min(300, Math.max(220, width * 0.3))),
    marginLeft: 56,
    marginRight: 20,
    marginTop: CURVE_TOP,
    marginBottom: CURVE_BOTTOM,
    style: { fontSize: "13px" },
    x: {
      type: "log",
      domain: [30, questions],
      label: "Questions used, n (log scale) →",
      grid: true,
      tickFormat: "~s",
      labelOffset: 38,
    },
    y: {
      domain: [-extent, extent],
      // The full wording is wider than a phone's panel.
      label:
        width < 600 ? "↑ A − B and its 95% interval (pp)" : "↑ Difference A − B and its 95% interval (pp)",
      grid: true,
    },
    marks: [Plot.ruleY([0], { stroke: "currentColor" })],
  }) as Frame;
  svg.setAttribute("aria-label", "The difference's intervals as more questions are used");
  return svg;
}

/**
 * The curve panel's marks over its frame, moved in place: the independent band (grey, dashed
 * edges), the paired band (blue), the difference, and a rule and label at the chosen n. Values
 * outside the y range are clamped to it (the frame clips nothing itself).
 */
function curveMarks(frame: Frame) {
  const [x, y] = [frame.scale("x"), frame.scale("y")];
  const bottom = Number(frame.getAttribute("height")) - CURVE_BOTTOM;
  const clampY = (v: number) => f2(Math.min(Math.max(y.apply(100 * v), CURVE_TOP), bottom));
  const g = svg`<g>
    <path fill=${palette.grey} fill-opacity="0.25"></path>
    <path fill=${palette.blue} fill-opacity="0.35"></path>
    <path fill="none" stroke=${palette.grey} stroke-dasharray="6,4"></path>
    <path fill="none" stroke="currentColor" stroke-width="1.5"></path>
    <line stroke=${palette.vermillion} stroke-width="2" y1=${CURVE_TOP} y2=${bottom}></line>
    <text fill=${palette.vermillion} font-weight="700" y=${CURVE_TOP - 14} dy="0.71em"></text>
  </g>` as SVGGElement;
  const [ind, par, edges, diff, rule, label] = [...g.children] as [
    SVGPathElement,
    SVGPathElement,
    SVGPathElement,
    SVGPathElement,
    SVGLineElement,
    SVGTextElement,
  ];
  const line = (c: readonly CurvePoint[], key: keyof CurvePoint) =>
    c.map((p, i) => `${i ? "L" : "M"}${f2(x.apply(p.m))},${clampY(p[key])}`).join("");
  const band = (c: readonly CurvePoint[], lo: keyof CurvePoint, hi: keyof CurvePoint) =>
    `${line(c, hi)}L${[...c]
      .reverse()
      .map((p) => `${f2(x.apply(p.m))},${clampY(p[lo])}`)
      .join("L")}Z`;
  let drawn: readonly CurvePoint[] | undefined;
  return {
    g,
    update(curve: readonly CurvePoint[], n: number) {
      if (curve !== drawn) {
        drawn = curve;
        setAttrs(ind, { d: band(curve, "indLower", "indUpper") });
        setAttrs(par, { d: band(curve, "parLower", "parUpper") });
        setAttrs(edges, { d: `${line(curve, "indLower")}${line(curve, "indUpper")}` });
        setAttrs(diff, { d: line(curve, "diff") });
      }
      const at = f2(x.apply(n));
      setAttrs(rule, { x1: at, x2: at });
      setAttrs(label, { x: at, "text-anchor": n > 2000 ? "end" : "start" });
      setText(label, `n = ${formatCount(n)}`);
    },
  };
}

/**
 * Each model's accuracy, the difference's two intervals, a key, and the difference over n, kept
 * across redraws: both strips move in place, the curve's frame is drawn again only when the width
 * or its y range changes (a new pair), and its bands and the chosen n move in place.
 */
export function pairedView() {
  const top = keptStrip();
  const middle = keptStrip();
  const same: HTMLElement = html`<p class="l3-adjusted" hidden>Model A and Model B are the same model: pick two different ones to compare.</p>`;
  const charts: HTMLElement = html`<div></div>`;
  const legend = html`<p class="l3-legend"><span class="l3-swatch l3-swatch-ind" aria-hidden="true"></span> independent 95% interval (grey, dashed edges) <span class="l3-swatch l3-swatch-par" aria-hidden="true"></span> paired 95% interval (blue) <span class="l3-swatch l3-swatch-line" aria-hidden="true"></span> the difference on the first n questions</p>`;
  const node = html`<div>${same}${charts}</div>`;
  // One frame per width and y range, kept: pairs share a few ranges, so a new pair most often
  // finds its frame made (Plot draws one in about 2 ms).
  const frames = keyedCache<{ svg: SVGSVGElement; marks: ReturnType<typeof curveMarks> }>(6);
  let onPage: SVGSVGElement | undefined;
  return (m: PairedModel, { width }: RenderContext): Node => {
    same.hidden = !m.same;
    charts.hidden = m.same;
    if (m.same) return node;
    const { a, b, n } = m.values;
    const narrow = width < 600;
    // The label column fits the longer name as measured, within 40% of the width (45% on a phone);
    // a name still too long is shortened in the middle (the full names are in the menus above).
    const labels = [`A: ${a}`, `B: ${b}`];
    const cap = Math.round(width * (narrow ? 0.45 : 0.4));
    const shown = [a, b].map((name, i) => {
      const prefix = i ? "B: " : "A: ";
      return `${prefix}${fitName(name, prefix, "", cap - 12, 13, name.length)}`;
    });
    const marginLeft = Math.max(120, Math.ceil(Math.max(...shown.map((l) => labelWidth(l, 13)))) + 12);
    const tickFormat = (label: string) => shown[labels.indexOf(label)] ?? label;
    const scores = top(
      [
        { label: labels[0]!, ...m.scores.a, color: palette.blue, symbol: "circle" },
        { label: labels[1]!, ...m.scores.b, color: palette.orange, symbol: "square" },
      ],
      {
        width,
        height: 140,
        marginLeft,
        marginTop: 20,
        tickFormat,
        domain: m.scoreDomain,
        xLabel: narrow
          ? `Accuracy, first ${formatCount(n)} questions (%) →`
          : `Accuracy on the first ${formatCount(n)} questions, 95% interval (%) →`,
        ariaLabel: "Each model's accuracy with its 95% interval",
        barWidth: 3,
      },
    );
    const diffs = middle(
      [
        { label: "Independent", ...m.diffs.independent, color: palette.grey, dashed: true },
        { label: "Paired", ...m.diffs.paired, color: palette.blue },
      ],
      {
        width,
        height: 130,
        marginLeft,
        marginTop: 20,
        domain: [-m.diffExtent, m.diffExtent],
        xLabel: narrow
          ? "A − B with its 95% interval (pp) →"
          : "Difference A − B with its 95% interval (pp) →",
        ariaLabel: "The difference with an independent and a paired interval",
        zero: true,
      },
    );
    const curve = frames.get(`${width}|${m.curveExtent}|${m.questions}`, () => {
      const frame = sharePlotStyles(curveFrame(m.questions, m.curveExtent, width));
      const marks = curveMarks(frame);
      frame.append(marks.g);
      return { svg: frame, marks };
    });
    if (onPage && onPage !== curve.svg) onPage.replaceWith(curve.svg);
    onPage = curve.svg;
    curve.marks.update(m.overview.curve, n);
    if (!charts.childElementCount) charts.append(scores, diffs, legend, curve.svg);
    return node;
  };
}

/** "≈ 1,234", or why there is no number. */
export function needText(n: number, max: number): string {
  return !Number.isFinite(n)
    ? "never (no difference)"
    : n > max
      ? `≈ ${formatCount(n)} (more than the benchmark has)`
      : `≈ ${formatCount(n)}`;
}

const range2 = (e: Estimate) => `${formatDiffPp(e.lower / 100, 2, false)} to ${formatDiffPp(e.upper / 100)}`;

export function pairedReadout(m: PairedModel): Node | null {
  if (m.same) return null;
  const { r, separates, questions } = m;
  const { need } = m.overview;
  const c = r.counts;
  const score = (name: string, which: "a" | "b") => {
    const s = r[which];
    return html`<div><dt>${which.toUpperCase()}: ${name}</dt><dd data-readout=${`${which}-score`} data-value=${(100 * s.k) / s.n} data-k=${s.k} data-n=${s.n}>${formatPercent(s.k / s.n)} (${formatCount(s.k)} of ${formatCount(s.n)})</dd></div>`;
  };
  const diff = (key: "independent" | "paired", label: string, test: string) => {
    const d = r[key];
    const e = m.diffs[key];
    return html`<div><dt>${label}: difference, 95% interval</dt><dd data-readout=${key} data-value=${e.value.toFixed(2)} data-lower=${e.lower.toFixed(2)} data-upper=${e.upper.toFixed(2)} data-p=${d.pValue}>${formatDiffPp(d.diff)} (${range2(e)}), ${test}${formatPValue(d.pValue)}</dd></div>`;
  };
  const verdict = (key: "independent" | "paired") =>
    html`<strong data-readout=${`${key}-separates`} data-value=${separates[key] ? 1 : 0}>${separates[key] ? "separates" : "does not separate"}</strong>`;
  return html`<div class="l3-readout">
    <p class="l3-verdict"><span class="verdict" data-readout="overlap" data-value=${r.overlap ? 1 : 0}>${r.overlap ? "Intervals overlap" : "Intervals apart"}</span>
      · independent test: ${verdict("independent")} · paired test: ${verdict("paired")}</p>
    <dl class="l3-stats">
      ${score(m.values.a, "a")}${score(m.values.b, "b")}
      ${diff("independent", "Independent", "")}${diff("paired", "Paired", "McNemar ")}
      <div><dt>Correlation of per-question results</dt><dd data-readout="correlation" data-value=${r.paired.correlation}>${r.paired.correlation.toFixed(2)}</dd></div>
      <div><dt>Questions needed to separate them (from all ${formatCount(need.shared)})</dt><dd>independent <span data-readout="need-independent" data-value=${need.independent}>${needText(need.independent, questions)}</span>; paired <span data-readout="need-paired" data-value=${need.paired}>${needText(need.paired, questions)}</span></dd></div>
    </dl>
    <table class="l3-two-by-two"><caption>On the ${formatCount(c.n)} questions both have</caption>
      <thead><tr><th></th><th scope="col">B right</th><th scope="col">B wrong</th></tr></thead>
      <tbody><tr><th scope="row">A right</th><td>${formatCount(c.aRight - c.onlyA)}</td><td data-readout="only-a" data-value=${c.onlyA}>${formatCount(c.onlyA)}</td></tr>
      <tr><th scope="row">A wrong</th><td data-readout="only-b" data-value=${c.onlyB}>${formatCount(c.onlyB)}</td><td>${formatCount(c.n - c.aRight - c.onlyB)}</td></tr></tbody></table>
  </div>`;
}

export function pairedNotice(m: PairedModel): string {
  return m.same
    ? "Pick two different models."
    : "Overlapping intervals are not a verdict: the paired test looks only at the questions the two models disagree on, and needs far fewer questions to see a gap.";
}

export function pairedSummary(m: PairedModel): string {
  if (m.same) return "The same model was picked twice; nothing to compare.";
  const { r, scores } = m;
  const { a, b, n } = m.values;
  const c = r.counts;
  const score = (name: string, s: Estimate) =>
    `${name} ${s.value.toFixed(1)}% (${s.lower.toFixed(1)}–${s.upper.toFixed(1)})`;
  return (
    `On the first ${formatCount(n)} questions: ${score(a, scores.a)}, ${score(b, scores.b)}; intervals ${r.overlap ? "overlap" : "do not overlap"}. ` +
    `Independent difference ${formatDiffPp(r.independent.diff)} (${range2(m.diffs.independent)}); paired ${formatDiffPp(r.paired.diff)} (${range2(m.diffs.paired)}), McNemar ${formatPValue(r.paired.pValue)}, correlation ${r.paired.correlation.toFixed(2)}. ` +
    `They disagree on ${formatCount(c.onlyA + c.onlyB)} questions (${formatCount(c.onlyA)} only A right, ${formatCount(c.onlyB)} only B right).`
  );
}

export function pairedRealDataFigure(data: PairedData) {
  // The pair-level numbers (the curve over n, the questions needed) depend on the two models,
  // not on n: computed once per pair, so dragging n reads only the prefix sums.
  const overview = pairOverviews(data);
  const options = [...data.names]
    .sort((x, y) => x.localeCompare(y))
    .map((name) => {
      const items = data.items.get(name) ?? data.questions;
      return {
        value: name,
        label: items < data.questions ? `${name} (${formatCount(items)} questions)` : name,
      };
    });
  return explorable<PairedValues, PairedModel>({
    id: "l3-paired",
    title: "Real paired data: two models on the same 12,032 MMLU-Pro questions",
    controls: {
      a: choice({ key: "a", label: "Model A", kind: "select", options, value: "Mistral-7B-v0.1" }),
      b: choice({ key: "b", label: "Model B", kind: "select", options, value: "Mistral-7B-Instruct-v0.2" }),
      n: range({
        key: "n",
        label: "Questions used (first n of a fixed random order)",
        min: 30,
        max: data.questions,
        log: true,
        value: data.questions,
        numberBox: true,
        format: formatCount,
      }),
    },
    presets: [
      {
        label: "Mistral 7B v0.1 vs Instruct v0.2",
        values: { a: "Mistral-7B-v0.1", b: "Mistral-7B-Instruct-v0.2", n: data.questions },
      },
      { label: "Llama-2-13B vs Yi-6B", values: { a: "Yi-6B", b: "Llama-2-13b-hf", n: data.questions } },
      {
        label: "Phi-3-mini vs Mixtral-8x7B",
        values: { a: "Phi-3-mini-4k-instruct", b: "Mixtral-8x7B-v0.1", n: data.questions },
      },
      {
        label: "Mistral 7B v0.1 vs v0.2 (a tie)",
        values: { a: "Mistral-7B-v0.1", b: "Mistral-7B-v0.2-hf", n: data.questions },
      },
      { label: "Llama 2 70B vs 7B at n = 100", values: { a: "Llama-2-70b-hf", b: "Llama-2-7b-hf", n: 100 } },
    ],
    source:
      "Per-question correctness: data/mmlu_pro_correct_matrix.csv, from TIGER-AI-Lab/MMLU-Pro eval_results (5-shot CoT; Apache-2.0). Unparsed answers count as wrong. DeepSeek-Coder-V2 and the two Gemini models lack some questions; pairs use the questions both have.",
    derive: (v) => derivePaired(v, data, overview),
    draw: keptDrawing(pairedView),
    readout: pairedReadout,
    notice: pairedNotice,
    summary: pairedSummary,
  });
}
