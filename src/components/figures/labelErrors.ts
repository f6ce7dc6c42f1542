// Going deeper, label errors: how a share of bad answer keys (MMLU-Redux's per-subject counts)
// caps the score a model can get and shrinks the gap between two strong models.
// Anatomy: derive → draw, readout, notice, summary (see ciWidth.ts).

import { html, svg } from "htl";
import type { ReduxData } from "../deeper/types.js";
import { choice, range } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount, formatPercent, formatPp } from "../ui/format.js";
import { keptDrawing, setAttrs, setText } from "../ui/inPlace.js";
import { palette } from "../ui/palette.js";
import { type PlotFrame, sharePlotStyles } from "../ui/plotStyles.js";
import * as Plot from "../vendor/plot.js";
import {
  ALL_SUBJECTS,
  deriveLabelErrors,
  type LabelErrorsModel,
  type SubjectRate,
  subjectRates,
} from "./labelErrorsModel.js";
import { chartAndRowsSizes } from "./parts/chartAndRows.js";
import { f2 } from "./parts/svgAxis.js";

export * from "./labelErrorsModel.js";

/**
 * The curve's frame, drawn by Plot once per size: axes, grid and the y = x diagonal on fixed
 * scales (25–100% both ways). The chosen key's marks are drawn over it by curveMarks.
 */
function curveFrame(width: number, height: number) {
  const frame = Plot.plot({
    width,
    height,
    marginLeft: 52,
    marginTop: 28,
    marginBottom: 44,
    style: { fontSize: "13px" },
    x: {
      domain: [0.25, 1],
      label: "True accuracy (against a correct key) →",
      tickFormat: "%",
      grid: true,
      labelOffset: 38,
    },
    y: {
      domain: [0.25, 1],
      label: "↑ Measured score (against the published key)",
      tickFormat: "%",
      grid: true,
    },
    marks: [
      Plot.line([{ x: 0.25 }, { x: 1 }], { x: "x", y: "x", stroke: palette.grey, strokeDasharray: "5,4" }),
    ],
  }) as PlotFrame;
  frame.setAttribute("aria-label", "Measured score against true accuracy for the chosen subject's key");
  return { svg: sharePlotStyles(frame), x: frame.scale("x"), y: frame.scale("y"), left: 52 };
}

/**
 * The key's marks over the frame, made once and moved in place: the ceiling and its label, the
 * measured score over true accuracy, and models A and B (an arrow from true to measured, a dot, a label).
 */
function curveMarks({ x, y, left }: ReturnType<typeof curveFrame>) {
  const X = (v: number) => f2(x.apply(v));
  const Y = (v: number) => f2(y.apply(v));
  const ceiling = svg`<line stroke=${palette.vermillion} stroke-width="1.5"></line>` as SVGLineElement;
  const ceilingLabel =
    svg`<text x=${left + 6} fill=${palette.vermillion} font-weight="700" text-anchor="start"></text>` as SVGTextElement;
  const curve = svg`<path fill="none" stroke=${palette.blue} stroke-width="2.5"></path>` as SVGPathElement;
  const model = () => ({
    arrow:
      svg`<path fill="none" stroke=${palette.orange} stroke-width="2" stroke-linejoin="round"></path>` as SVGPathElement,
    dot: svg`<circle r="6" fill=${palette.orange} stroke="var(--theme-background, white)"></circle>` as SVGCircleElement,
    // A halo in the page's colour keeps the label legible where the curve passes under it.
    label:
      svg`<text text-anchor="end" font-weight="600" stroke="var(--theme-background, white)" stroke-width="4" paint-order="stroke"></text>` as SVGTextElement,
  });
  const models = [model(), model()];
  const g =
    svg`<g class="label-errors-marks" font-size="13">${ceiling}${ceilingLabel}${curve}${models.flatMap((d) => [d.arrow, d.dot, d.label])}</g>` as SVGGElement;
  const [x0, x1] = [0.25, 1].map(X) as [number, number];
  return {
    g,
    update(m: LabelErrorsModel) {
      setAttrs(ceiling, { x1: x0, x2: x1, y1: Y(m.ceiling), y2: Y(m.ceiling) });
      setAttrs(ceilingLabel, { y: Y(m.ceiling) - 8 });
      setText(ceilingLabel, `ceiling ${formatPercent(m.ceiling)}`);
      setAttrs(curve, { d: `M${m.curve.map((c) => `${X(c.truth)},${Y(c.measured)}`).join("L")}` });
      [
        { name: "A", truth: m.a, measured: m.measuredA },
        { name: "B", truth: m.b, measured: m.measuredB },
      ].forEach((d, i) => {
        const parts = models[i]!;
        const cx = X(d.truth);
        const from = Y(d.truth);
        const to = Y(d.measured);
        // The arrow's head points from the true accuracy to the measured score (none when they meet).
        const head = Math.sign(to - from) * 6;
        setAttrs(parts.arrow, {
          d: `M${cx},${from}V${to}${head ? `M${f2(cx - 4)},${f2(to - head)}L${cx},${to}L${f2(cx + 4)},${f2(to - head)}` : ""}`,
        });
        setAttrs(parts.dot, { cx, cy: to });
        // A's label above-left of its dot, B's below-left, so the two never meet and neither leaves the frame.
        setAttrs(parts.label, { x: cx - 10, y: to + (i === 0 ? -12 : 14), dy: "0.32em" });
        setText(parts.label, `${d.name} ${formatPercent(d.measured)}`);
      });
    },
  };
}

function drawStrip(m: LabelErrorsModel, width: number, rows: number): SVGSVGElement {
  const compact = width < 560;
  const strip = stripRows(m, rows);
  const svg = Plot.plot({
    width,
    height: (compact ? 18 : 22) * strip.length + 50,
    marginLeft: compact ? 130 : 230,
    marginRight: 44,
    marginBottom: 40,
    style: { fontSize: compact ? "11px" : "12px" },
    x: {
      domain: [0, 0.55],
      tickFormat: "%",
      grid: true,
      label: compact
        ? "Bad keys per 100 (95% interval) →"
        : "Questions with a bad key, of 100 re-annotated (95% interval) →",
      labelOffset: 34,
    },
    y: {
      domain: strip.map((r) => r.label),
      label: null,
      tickFormat: (s: string) => (compact && s.length > 20 ? `${s.slice(0, 19)}…` : s),
    },
    marks: [
      Plot.barX(strip, {
        x: "rate",
        y: "label",
        fill: (r: SubjectRate) => (r === m.chosen ? palette.vermillion : palette.sky),
      }),
      Plot.link(strip, {
        x1: "lower",
        x2: "upper",
        y1: "label",
        y2: "label",
        stroke: "currentColor",
        strokeWidth: 1,
      }),
      Plot.text(strip, {
        x: "upper",
        y: "label",
        text: (r: SubjectRate) => `${r.bad}/${formatCount(r.n)}`,
        dx: 4,
        textAnchor: "start",
        fontSize: 11,
      }),
    ],
  }) as SVGSVGElement;
  svg.setAttribute("aria-label", "Share of bad keys in the worst MMLU subjects");
  return svg;
}

const LAYOUT = {
  share: 0.5,
  minChart: 200,
  wide: [280, 0.5, 400],
  rowHeight: 18,
  chrome: 50,
  minRows: 4,
} as const;

/** The strip's rows when `rows` fit: the worst first, and the chosen subject last. */
const stripRows = (m: LabelErrorsModel, rows: number) =>
  m.strip.length > rows ? [...m.strip.slice(0, rows - 1), m.strip[m.strip.length - 1]!] : m.strip;

/**
 * The curve above the strip of subjects. On a phone (a height given) the curve takes about half
 * the box and the strip what is left. Made once: the curve's frame is drawn again only when its
 * size changes, its marks move in place; the strip is drawn again only when its rows change, else
 * only its bars are coloured again (the chosen subject's in vermillion).
 */
export function labelErrorsView() {
  const node = html`<div></div>` as HTMLElement;
  let curve: { key: string; svg: SVGSVGElement; marks: ReturnType<typeof curveMarks> } | undefined;
  let strip: { key: string; svg: SVGSVGElement } | undefined;
  return (m: LabelErrorsModel, context: RenderContext): Node => {
    const { chart, rows } = chartAndRowsSizes(LAYOUT, m.strip.length, context);
    const curveKey = `${context.width}|${chart}`;
    if (curve?.key !== curveKey) {
      const frame = curveFrame(context.width, chart);
      const marks = curveMarks(frame);
      frame.svg.append(marks.g);
      curve = { key: curveKey, svg: frame.svg, marks };
    }
    curve.marks.update(m);
    const shown = stripRows(m, rows);
    const stripKey = `${context.width}|${shown.map((r) => r.subject).join("|")}`;
    if (strip?.key !== stripKey)
      strip = { key: stripKey, svg: sharePlotStyles(drawStrip(m, context.width, rows)) };
    else
      strip.svg.querySelectorAll('g[aria-label="bar"] > rect').forEach((rect, i) => {
        setAttrs(rect, { fill: shown[i] === m.chosen ? palette.vermillion : palette.sky });
      });
    if (node.firstChild !== curve.svg || node.lastChild !== strip.svg || node.childNodes.length !== 2)
      node.replaceChildren(curve.svg, strip.svg);
    return node;
  };
}

export function labelErrorsReadout(m: LabelErrorsModel): Node {
  return html`<div>
    <div class="big-number" data-readout="ceiling" data-value=${m.ceiling.toFixed(6)}>${formatPercent(m.ceiling)}</div>
    <div class="big-caption">the best score a perfect model can get on ${m.chosen.label.toLowerCase()} (${m.chosen.bad} of ${formatCount(m.chosen.n)} keys bad)</div>
    <dl class="deeper-readout">
      <dt>Measured A, B</dt><dd data-readout="measured" data-a=${m.measuredA.toFixed(6)} data-b=${m.measuredB.toFixed(6)}>${formatPercent(m.measuredA)}, ${formatPercent(m.measuredB)}</dd>
      <dt>True gap</dt><dd data-readout="true-gap" data-value=${m.trueGap.toFixed(6)}>${formatPp(m.trueGap, 1)}</dd>
      <dt>Measured gap</dt><dd data-readout="measured-gap" data-value=${m.measuredGap.toFixed(6)}>${formatPp(m.measuredGap, 1)} (× ${m.factor.toFixed(2)})</dd>
      <dt>Flagged in any way</dt><dd data-readout="flagged" data-value=${m.chosen.flagged}>${m.chosen.flagged} of ${formatCount(m.chosen.n)}</dd>
    </dl>
  </div>`;
}

export function labelErrorsNotice(m: LabelErrorsModel): string {
  if (m.chosen.bad === 0)
    return `No bad key was found in ${m.chosen.label.toLowerCase()}'s 100 questions: the score tracks accuracy all the way to 100%.`;
  return `Every point of true accuracy shows as only ${m.factor.toFixed(2)} points, and no model can pass ${formatPercent(m.ceiling)}: near the top, a bad key squeezes real differences together.`;
}

export function labelErrorsSummary(m: LabelErrorsModel): string {
  return (
    `${m.chosen.label}: ${m.chosen.bad} of ${formatCount(m.chosen.n)} re-annotated keys are wrong or have no right option (${formatPercent(m.chosen.rate)}, 95% interval ${formatPercent(m.chosen.lower)}–${formatPercent(m.chosen.upper)}). ` +
    `A model of true accuracy ${formatPercent(m.a)} scores ${formatPercent(m.measuredA)}; one of ${formatPercent(m.b)} scores ${formatPercent(m.measuredB)}. ` +
    `The true gap of ${formatPp(m.trueGap, 1)} shows as ${formatPp(m.measuredGap, 1)}; the ceiling is ${formatPercent(m.ceiling)}.`
  );
}

export function labelErrorsFigure(data: ReduxData) {
  const rates = subjectRates(data);
  return explorable({
    id: "label-errors",
    title: "A wrong answer key caps the score and squeezes the gaps",
    controls: {
      subject: choice({
        key: "subject",
        label: "Answer key of",
        kind: "select",
        options: rates.map((r) => ({
          value: r.subject,
          label: `${r.label} (${r.bad} bad of ${formatCount(r.n)})`,
        })),
        value: ALL_SUBJECTS,
      }),
      a: range({
        key: "a",
        label: "Model A's true accuracy",
        min: 0.25,
        max: 1,
        step: 0.01,
        value: 0.95,
        format: (x) => formatPercent(x, 0),
      }),
      b: range({
        key: "b",
        label: "Model B's true accuracy",
        min: 0.25,
        max: 1,
        step: 0.01,
        value: 0.9,
        format: (x) => formatPercent(x, 0),
      }),
    },
    presets: [
      { label: "Virology, two strong models", values: { subject: "virology", a: 0.95, b: 0.9 } },
      { label: "A clean subject", values: { subject: "high_school_us_history", a: 0.95, b: 0.9 } },
      { label: "All subjects, 99% vs 90%", values: { subject: ALL_SUBJECTS, a: 0.99, b: 0.9 } },
    ],
    source: `Bad keys: MMLU-Redux (Gema et al., 2024), ${data.source}. Measured score: a·(1 − e) + e·(1 − a)/3, a model of the scoring (see the text).`,
    derive: (v) => deriveLabelErrors(v, rates),
    draw: keptDrawing(labelErrorsView),
    readout: labelErrorsReadout,
    notice: labelErrorsNotice,
    summary: labelErrorsSummary,
  });
}
