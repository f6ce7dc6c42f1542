// Lesson 3: real paired data. Two of 29 models on the same MMLU-Pro questions: their own
// intervals may overlap while the paired test, which uses only the questions they disagree on,
// separates them. A subsample slider shows how many questions each analysis needs.

import { keyedCache } from "../cache/keyedCache.js";
import {
  type CurvePoint,
  type PairedData,
  pairedAnalysisAt,
  pairOverviews,
} from "../compare/pairedRealData.js";
import { choice, range } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";
import { clipText, formatCount, formatPValue } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import { sharePlotStyles } from "../ui/plotStyles.js";
import * as Plot from "../vendor/plot.js";

export interface PairedValues extends Record<string, unknown> {
  a: string;
  b: string;
  n: number;
}

const f2 = (x: number) => (100 * x).toFixed(2);
const f1 = (x: number) => (100 * x).toFixed(1);
const needText = (n: number, max: number) =>
  !Number.isFinite(n)
    ? "never (no difference)"
    : n > max
      ? `≈ ${formatCount(n)} (more than the benchmark has)`
      : `≈ ${formatCount(n)}`;

/** The curve panel's n marker: a rule at n and its label, right-aligned past n = 2,000. */
const markerLabel = (n: number) => `n = ${formatCount(n)}`;
const markerAnchor = (n: number) => (n > 2000 ? "end" : "start");

/** The difference's two intervals over n, with the marker at `n` (drawn by Plot). */
export function drawCurvePlot(curve: readonly CurvePoint[], questions: number, width: number, n: number) {
  const pct = curve.map((c) => ({
    m: c.m,
    diff: 100 * c.diff,
    indLower: 100 * c.indLower,
    indUpper: 100 * c.indUpper,
    parLower: 100 * c.parLower,
    parUpper: 100 * c.parUpper,
  }));
  const yExt = Math.min(
    30,
    Math.max(
      ...pct.filter((c) => c.m >= 100).map((c) => Math.max(Math.abs(c.indLower), Math.abs(c.indUpper))),
      2,
    ),
  );
  const svg = Plot.plot({
    width,
    height: Math.round(Math.min(300, Math.max(220, width * 0.3))),
    marginLeft: 56,
    marginRight: 20,
    marginTop: 30,
    marginBottom: 44,
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
      domain: [-yExt, yExt],
      // The full wording is wider than a phone's panel.
      label:
        width < 600 ? "↑ A − B and its 95% interval (pp)" : "↑ Difference A − B and its 95% interval (pp)",
      grid: true,
      clamp: true,
    },
    marks: [
      Plot.areaY(pct, {
        x: "m",
        y1: "indLower",
        y2: "indUpper",
        fill: palette.grey,
        fillOpacity: 0.25,
        clip: true,
      }),
      Plot.areaY(pct, {
        x: "m",
        y1: "parLower",
        y2: "parUpper",
        fill: palette.blue,
        fillOpacity: 0.35,
        clip: true,
      }),
      Plot.line(pct, { x: "m", y: "indLower", stroke: palette.grey, strokeDasharray: "6,4", clip: true }),
      Plot.line(pct, { x: "m", y: "indUpper", stroke: palette.grey, strokeDasharray: "6,4", clip: true }),
      Plot.line(pct, { x: "m", y: "diff", stroke: "currentColor", strokeWidth: 1.5, clip: true }),
      Plot.ruleY([0], { stroke: "currentColor" }),
      Plot.ruleX([n], { stroke: palette.vermillion, strokeWidth: 2, className: "l3-n-rule" }),
      Plot.text([{ m: n }], {
        x: "m",
        frameAnchor: "top",
        text: () => markerLabel(n),
        dy: -14,
        textAnchor: markerAnchor(n),
        fill: palette.vermillion,
        fontWeight: 700,
        className: "l3-n-label",
      }),
    ],
  });
  svg.setAttribute("aria-label", "The difference's intervals as more questions are used");
  return svg;
}

/**
 * Move the marker of a curve panel drawn by drawCurvePlot to `n`: the same attributes Plot would
 * write (position from the panel's own x scale, label, anchor), so the rest is reused as drawn.
 */
export function moveCurveMarker(svg: SVGSVGElement, x: (n: number) => number, n: number): void {
  const at = String(x(n));
  const rule = svg.querySelector(".l3-n-rule line");
  rule?.setAttribute("x1", at);
  rule?.setAttribute("x2", at);
  const label = svg.querySelector(".l3-n-label");
  label?.setAttribute("text-anchor", markerAnchor(n));
  const text = label?.querySelector("text");
  if (text) {
    const y = /translate\([^,]*,([^)]*)\)/.exec(text.getAttribute("transform") ?? "")?.[1] ?? "0";
    text.setAttribute("transform", `translate(${at},${y})`);
    text.textContent = markerLabel(n);
  }
}

export function pairedRealDataFigure(data: PairedData) {
  // The pair-level numbers and the curve panel depend on the two models (and the width), not on
  // n: computed or drawn once per pair, then only the marker moves as n is dragged. The drawn
  // panel is kept as a template that never enters the page; each redraw shows a copy of it.
  const overview = pairOverviews(data);
  const curvePanels = keyedCache<{ svg: SVGSVGElement; x: (n: number) => number; drawnAt: number }>(16);
  const curvePlot = (a: string, b: string, width: number, n: number) => {
    const panel = curvePanels.get(`${a}\u0000${b}\u0000${width}`, () => {
      const drawn = drawCurvePlot(overview(a, b).curve, data.questions, width, n);
      const x = drawn.scale("x");
      if (!x?.apply) throw new Error("the curve panel has no x scale");
      const svg = sharePlotStyles(drawn) as SVGSVGElement;
      return { svg, x: (v: number) => x.apply(v) as number, drawnAt: n };
    });
    const svg = panel.svg.cloneNode(true) as SVGSVGElement;
    if (n !== panel.drawnAt) moveCurveMarker(svg, panel.x, n);
    return svg;
  };

  const options = [...data.names]
    .sort((x, y) => x.localeCompare(y))
    .map((name) => {
      const items = data.items.get(name) ?? data.questions;
      return {
        value: name,
        label: items < data.questions ? `${name} (${formatCount(items)} questions)` : name,
      };
    });
  return explorable<PairedValues>({
    id: "l3-paired",
    title: "Real paired data: two models on the same 12,032 MMLU-Pro questions",
    notice: (v) =>
      v.a === v.b
        ? "Pick two different models."
        : "Overlapping intervals are not a verdict: the paired test looks only at the questions the two models disagree on, and needs far fewer questions to see a gap.",
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
    render(v, { width }) {
      if (v.a === v.b) {
        const p = document.createElement("p");
        p.className = "l3-adjusted";
        p.textContent = "Model A and Model B are the same model: pick two different ones to compare.";
        return { figure: p, summary: "The same model was picked twice; nothing to compare." };
      }
      const r = pairedAnalysisAt(data, v.a, v.b, v.n);
      const { need } = overview(v.a, v.b);
      const models = [
        {
          who: `A: ${v.a}`,
          p: (100 * r.a.k) / r.a.n,
          lo: 100 * r.a.interval.lower,
          hi: 100 * r.a.interval.upper,
          color: palette.blue,
          symbol: "circle",
        },
        {
          who: `B: ${v.b}`,
          p: (100 * r.b.k) / r.b.n,
          lo: 100 * r.b.interval.lower,
          hi: 100 * r.b.interval.upper,
          color: palette.orange,
          symbol: "square",
        },
      ];
      const left = Math.min(...models.map((m) => m.lo));
      const right = Math.max(...models.map((m) => m.hi));
      const pad = Math.max(1, (right - left) * 0.3);
      const labelWidth = Math.min(260, Math.max(150, width * 0.28));
      // On a phone the model names get only the label column (about 6.3 px a character); the
      // full names are in the Model A and Model B menus above.
      const narrow = width < 600;
      const tickFormat = narrow ? (d: string) => clipText(d, Math.floor((labelWidth - 12) / 6.3)) : undefined;
      const top = Plot.plot({
        width,
        height: 140,
        marginLeft: labelWidth,
        marginRight: 20,
        marginBottom: 44,
        style: { fontSize: "13px" },
        x: {
          domain: [Math.max(0, left - pad), Math.min(100, right + pad)],
          label: narrow
            ? `Accuracy, first ${formatCount(v.n)} questions (%) →`
            : `Accuracy on the first ${formatCount(v.n)} questions, 95% interval (%) →`,
          grid: true,
          labelOffset: 38,
        },
        y: { domain: models.map((m) => m.who), label: null, tickFormat },
        marks: [
          Plot.link(models, { x1: "lo", x2: "hi", y1: "who", y2: "who", stroke: "color", strokeWidth: 3 }),
          Plot.dot(models, { x: "p", y: "who", fill: "color", symbol: "symbol", r: 6 }),
        ],
      });
      top.setAttribute("aria-label", "Each model's accuracy with its 95% interval");

      const diffs = [
        {
          design: "Independent",
          d: 100 * r.independent.diff,
          lo: 100 * r.independent.lower,
          hi: 100 * r.independent.upper,
        },
        { design: "Paired", d: 100 * r.paired.diff, lo: 100 * r.paired.lower, hi: 100 * r.paired.upper },
      ];
      const ext = Math.max(...diffs.map((d) => Math.max(Math.abs(d.lo), Math.abs(d.hi)))) * 1.15;
      const middle = Plot.plot({
        width,
        height: 130,
        marginLeft: labelWidth,
        marginRight: 20,
        marginBottom: 44,
        style: { fontSize: "13px" },
        x: {
          domain: [-ext, ext],
          label: narrow
            ? "A − B with its 95% interval (pp) →"
            : "Difference A − B with its 95% interval (pp) →",
          grid: true,
          labelOffset: 38,
        },
        y: { domain: ["Independent", "Paired"], label: null },
        marks: [
          Plot.ruleX([0], { stroke: "currentColor", strokeWidth: 1.5 }),
          Plot.link(diffs.slice(0, 1), {
            x1: "lo",
            x2: "hi",
            y1: "design",
            y2: "design",
            stroke: palette.grey,
            strokeWidth: 4,
            strokeDasharray: "6,4",
          }),
          Plot.link(diffs.slice(1), {
            x1: "lo",
            x2: "hi",
            y1: "design",
            y2: "design",
            stroke: palette.blue,
            strokeWidth: 4,
          }),
          Plot.dot(diffs, { x: "d", y: "design", fill: "currentColor", symbol: "diamond", r: 5 }),
        ],
      });
      middle.setAttribute("aria-label", "The difference with an independent and a paired interval");

      const bottom = curvePlot(v.a, v.b, width, v.n);

      const legend = document.createElement("p");
      legend.className = "l3-legend";
      legend.innerHTML = `<span class="l3-swatch l3-swatch-ind" aria-hidden="true"></span> independent 95% interval (grey, dashed edges) <span class="l3-swatch l3-swatch-par" aria-hidden="true"></span> paired 95% interval (blue) <span class="l3-swatch l3-swatch-line" aria-hidden="true"></span> the difference on the first n questions`;
      const figure = document.createElement("div");
      figure.append(top, middle, legend, bottom);

      const c = r.counts;
      const both = c.aRight - c.onlyA;
      const neither = c.n - c.aRight - c.onlyB;
      const indSep = r.independent.lower > 0 || r.independent.upper < 0;
      const parSep = r.paired.lower > 0 || r.paired.upper < 0;
      const readout = document.createElement("div");
      readout.className = "l3-readout";
      readout.innerHTML = `
        <p class="l3-verdict"><span class="verdict" data-readout="overlap" data-value="${r.overlap ? 1 : 0}">${r.overlap ? "Intervals overlap" : "Intervals apart"}</span>
          · independent test: <strong data-readout="independent-separates" data-value="${indSep ? 1 : 0}">${indSep ? "separates" : "does not separate"}</strong>
          · paired test: <strong data-readout="paired-separates" data-value="${parSep ? 1 : 0}">${parSep ? "separates" : "does not separate"}</strong></p>
        <dl class="l3-stats">
          <div><dt>A: ${v.a}</dt><dd data-readout="a-score" data-value="${(100 * r.a.k) / r.a.n}" data-k="${r.a.k}" data-n="${r.a.n}">${f1(r.a.k / r.a.n)}% (${formatCount(r.a.k)} of ${formatCount(r.a.n)})</dd></div>
          <div><dt>B: ${v.b}</dt><dd data-readout="b-score" data-value="${(100 * r.b.k) / r.b.n}" data-k="${r.b.k}" data-n="${r.b.n}">${f1(r.b.k / r.b.n)}% (${formatCount(r.b.k)} of ${formatCount(r.b.n)})</dd></div>
          <div><dt>Independent: difference, 95% interval</dt><dd data-readout="independent" data-value="${f2(r.independent.diff)}" data-lower="${f2(r.independent.lower)}" data-upper="${f2(r.independent.upper)}" data-p="${r.independent.pValue}">${f2(r.independent.diff)} pp (${f2(r.independent.lower)} to ${f2(r.independent.upper)}), ${formatPValue(r.independent.pValue)}</dd></div>
          <div><dt>Paired: difference, 95% interval</dt><dd data-readout="paired" data-value="${f2(r.paired.diff)}" data-lower="${f2(r.paired.lower)}" data-upper="${f2(r.paired.upper)}" data-p="${r.paired.pValue}">${f2(r.paired.diff)} pp (${f2(r.paired.lower)} to ${f2(r.paired.upper)}), McNemar ${formatPValue(r.paired.pValue)}</dd></div>
          <div><dt>Correlation of per-question results</dt><dd data-readout="correlation" data-value="${r.paired.correlation}">${r.paired.correlation.toFixed(2)}</dd></div>
          <div><dt>Questions needed to separate them (from all ${formatCount(need.shared)})</dt><dd>independent <span data-readout="need-independent" data-value="${need.independent}">${needText(need.independent, data.questions)}</span>; paired <span data-readout="need-paired" data-value="${need.paired}">${needText(need.paired, data.questions)}</span></dd></div>
        </dl>
        <table class="l3-two-by-two"><caption>On the ${formatCount(c.n)} questions both have</caption>
          <thead><tr><th></th><th scope="col">B right</th><th scope="col">B wrong</th></tr></thead>
          <tbody><tr><th scope="row">A right</th><td>${formatCount(both)}</td><td data-readout="only-a" data-value="${c.onlyA}">${formatCount(c.onlyA)}</td></tr>
          <tr><th scope="row">A wrong</th><td data-readout="only-b" data-value="${c.onlyB}">${formatCount(c.onlyB)}</td><td>${formatCount(neither)}</td></tr></tbody></table>`;
      const summary =
        `On the first ${formatCount(v.n)} questions: ${v.a} ${f1(r.a.k / r.a.n)}% (${f1(r.a.interval.lower)}–${f1(r.a.interval.upper)}), ${v.b} ${f1(r.b.k / r.b.n)}% (${f1(r.b.interval.lower)}–${f1(r.b.interval.upper)}); intervals ${r.overlap ? "overlap" : "do not overlap"}. ` +
        `Independent difference ${f2(r.independent.diff)} pp (${f2(r.independent.lower)} to ${f2(r.independent.upper)}); paired ${f2(r.paired.diff)} pp (${f2(r.paired.lower)} to ${f2(r.paired.upper)}), McNemar ${formatPValue(r.paired.pValue)}, correlation ${r.paired.correlation.toFixed(2)}. ` +
        `They disagree on ${formatCount(c.onlyA + c.onlyB)} questions (${formatCount(c.onlyA)} only A right, ${formatCount(c.onlyB)} only B right).`;
      return { figure, summary, readout };
    },
  });
}
