// Going deeper, label errors: how a share of bad answer keys (MMLU-Redux's per-subject counts)
// caps the score a model can get and shrinks the gap between two strong models.
// Anatomy: derive → draw, readout, notice, summary (see ciWidth.ts).

import { html } from "htl";
import type { ReduxData } from "../deeper/types.js";
import { choice, range } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount, formatPercent, formatPp } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";
import {
  ALL_SUBJECTS,
  deriveLabelErrors,
  type LabelErrorsModel,
  type SubjectRate,
  subjectRates,
} from "./labelErrorsModel.js";
import { chartAndRows } from "./parts/chartAndRows.js";

export * from "./labelErrorsModel.js";

function drawCurve(m: LabelErrorsModel, width: number, height: number): SVGSVGElement {
  const points = [
    { name: "A", truth: m.a, measured: m.measuredA },
    { name: "B", truth: m.b, measured: m.measuredB },
  ];
  const svg = Plot.plot({
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
      Plot.ruleY([m.ceiling], { stroke: palette.vermillion, strokeWidth: 1.5 }),
      Plot.text([m.ceiling], {
        y: (d: number) => d,
        frameAnchor: "left",
        dx: 6,
        dy: -8,
        text: () => `ceiling ${formatPercent(m.ceiling)}`,
        fill: palette.vermillion,
        fontWeight: 700,
        textAnchor: "start",
      }),
      Plot.line(m.curve, { x: "truth", y: "measured", stroke: palette.blue, strokeWidth: 2.5 }),
      Plot.link(points, {
        x1: "truth",
        x2: "truth",
        y1: "truth",
        y2: "measured",
        stroke: palette.orange,
        strokeWidth: 2,
        markerEnd: "arrow",
      }),
      Plot.dot(points, {
        x: "truth",
        y: "measured",
        r: 6,
        fill: palette.orange,
        stroke: "var(--theme-background, white)",
      }),
      // A's label above-left of its dot, B's below-left, so the two never meet and neither leaves the frame.
      ...points.map((d, i) =>
        Plot.text([d], {
          x: "truth",
          y: "measured",
          text: () => `${d.name} ${formatPercent(d.measured)}`,
          dx: -10,
          dy: i === 0 ? -12 : 14,
          textAnchor: "end",
          fontWeight: 600,
        }),
      ),
    ],
  }) as SVGSVGElement;
  svg.setAttribute("aria-label", "Measured score against true accuracy for the chosen subject's key");
  return svg;
}

function drawStrip(m: LabelErrorsModel, width: number, rows: number): SVGSVGElement {
  const compact = width < 560;
  const strip =
    m.strip.length > rows ? [...m.strip.slice(0, rows - 1), m.strip[m.strip.length - 1]!] : m.strip;
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

/** On a phone (a height given) the curve takes about half the box and the strip what is left. */
export const drawLabelErrors = (m: LabelErrorsModel, context: RenderContext): Node =>
  chartAndRows(
    { share: 0.5, minChart: 200, wide: [280, 0.5, 400], rowHeight: 18, chrome: 50, minRows: 4 },
    m.strip.length,
    context,
    (height) => drawCurve(m, context.width, height),
    (rows) => drawStrip(m, context.width, rows),
  );

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
    draw: drawLabelErrors,
    readout: labelErrorsReadout,
    notice: labelErrorsNotice,
    summary: labelErrorsSummary,
  });
}
