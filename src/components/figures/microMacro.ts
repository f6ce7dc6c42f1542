// Lesson 1, figure 3: micro vs macro averaging over MMLU's 57 real subjects. The learner tilts a
// model's skill towards large or small subjects, or moves one subject alone, and watches which
// average follows. In the micro-average large subjects dominate; in the macro-average a
// 100-question subject weighs as much as the 1,534-question one.

import { html } from "htl";
import type { MicroMacroRow, MmluSubject } from "../data/types.js";
import {
  type Averages,
  averages,
  macroWeights,
  microWeights,
  tiltedAccuracies,
} from "../scoring/aggregate.js";
import { choice, range } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount, formatPercent, formatSigned, formatSignedPp } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";

export interface MicroMacroValues {
  /** Accuracy at the average (log) subject size, 0–1. */
  base: number;
  /** Change in accuracy per standard deviation of log subject size, in proportion units. */
  tilt: number;
  /** One subject to move on its own, and by how much (proportion units). */
  subject: string;
  shift: number;
}

export interface SubjectPoint {
  subject: string;
  category: string;
  n: number;
  accuracy: number;
  microWeight: number;
  macroWeight: number;
  chosen: boolean;
}

/** Everything the figure shows at one setting of its sliders. */
export interface MicroMacroModel extends MicroMacroValues, Averages {
  /** The subjects, in the data's order, with their accuracy and weights. */
  points: SubjectPoint[];
  /** The subject moved alone (undefined if the value names none). */
  chosen: SubjectPoint | undefined;
  /** The smallest and largest subjects (fewest questions first; ties by name). */
  smallest: SubjectPoint;
  largest: SubjectPoint;
  /** Subject names from smallest to largest: the weights chart's order. */
  bySize: string[];
  /** How much further the largest subject moves the micro- than the macro-average (its weight ratio). */
  largestPull: number;
  /** How much further the smallest subject moves the macro- than the micro-average. */
  smallestPull: number;
}

/** The figure's model (pure): per-subject accuracies, weights and both averages. */
export function deriveMicroMacro(v: MicroMacroValues, subjects: readonly MmluSubject[]): MicroMacroModel {
  const sizes = subjects.map((s) => s.n_test);
  const acc = tiltedAccuracies(sizes, { base: v.base, tilt: v.tilt });
  const wMicro = microWeights(subjects.map((s) => ({ n: s.n_test })));
  const wMacro = macroWeights(subjects.map((s) => ({ n: s.n_test })));
  const points: SubjectPoint[] = subjects.map((s, i) => {
    const chosen = s.subject === v.subject;
    return {
      subject: s.subject,
      category: s.category,
      n: s.n_test,
      accuracy: chosen ? Math.min(1, Math.max(0, acc[i]! + v.shift)) : acc[i]!,
      microWeight: wMicro[i]!,
      macroWeight: wMacro[i]!,
      chosen,
    };
  });
  const sorted = [...points].sort((a, b) => a.n - b.n || a.subject.localeCompare(b.subject));
  const smallest = sorted[0]!;
  const largest = sorted.at(-1)!;
  return {
    ...v,
    ...averages(points.map((p) => ({ n: p.n, accuracy: p.accuracy }))),
    points,
    chosen: points.find((p) => p.chosen),
    smallest,
    largest,
    bySize: sorted.map((p) => p.subject),
    largestPull: largest.microWeight / largest.macroWeight,
    smallestPull: smallest.macroWeight / smallest.microWeight,
  };
}

const pretty = (subject: string) => subject.replaceAll("_", " ");
const y = (p: SubjectPoint) => 100 * p.accuracy;

/** Accuracy by subject against its size, with both averages as lines. */
function drawSubjects(m: MicroMacroModel, width: number): SVGSVGElement {
  const averageLabel = (which: "micro" | "macro", colour: string, above: boolean) =>
    Plot.text([m[which]], {
      x: 1700,
      y: (a: number) => 100 * a,
      text: (a: number) => `${which} ${formatPercent(a)}`,
      dx: 6,
      dy: above ? -8 : 8,
      textAnchor: "start",
      fill: colour,
      fontWeight: 700,
    });
  const chosen = m.chosen ? [m.chosen] : [];
  const scatter = Plot.plot({
    width,
    height: Math.round(Math.min(380, Math.max(280, width * 0.36))),
    marginLeft: 52,
    // Room above the top tick (100) for the axis label.
    marginTop: 30,
    marginBottom: 42,
    marginRight: 110,
    style: { fontSize: "13px" },
    x: {
      type: "log",
      domain: [90, 1700],
      label: "Questions in the subject, N (log scale) →",
      tickFormat: "~s",
      grid: true,
    },
    y: { domain: [0, 100], label: "↑ Accuracy on the subject (%)", grid: true },
    r: { range: [2, 12], domain: [0, 1600] },
    marks: [
      Plot.dot(m.points, {
        x: "n",
        y,
        r: "n",
        fill: palette.sky,
        fillOpacity: 0.55,
        stroke: palette.blue,
        title: (p: SubjectPoint) =>
          `${pretty(p.subject)}: ${formatCount(p.n)} questions, ${formatPercent(p.accuracy)}`,
      }),
      Plot.dot(chosen, { x: "n", y, r: 14, stroke: palette.vermillion, strokeWidth: 2.5, symbol: "square" }),
      Plot.text(chosen, {
        x: "n",
        y,
        text: (p: SubjectPoint) => pretty(p.subject),
        dx: -18,
        textAnchor: "end",
        fill: palette.vermillion,
        fontWeight: 700,
      }),
      Plot.ruleY([100 * m.micro], { stroke: palette.blue, strokeWidth: 2.5 }),
      Plot.ruleY([100 * m.macro], { stroke: palette.vermillion, strokeWidth: 2.5, strokeDasharray: "7,4" }),
      averageLabel("micro", palette.blue, m.micro >= m.macro),
      averageLabel("macro", palette.vermillion, m.micro < m.macro),
    ],
  }) as SVGSVGElement;
  scatter.setAttribute(
    "aria-label",
    "Accuracy by subject against subject size, with the micro- and macro-averages",
  );
  return scatter;
}

/** The two captions of the weights chart (on a phone they wrap in HTML below it). */
function weightsCaptions(m: MicroMacroModel) {
  const total = formatCount(m.totalN);
  return {
    subjects: `The ${m.points.length} subjects, smallest (${pretty(m.smallest.subject)}, ${m.smallest.n}) to largest (${pretty(m.largest.subject)}, ${formatCount(m.largest.n)}) →`,
    legend: `dashed: macro, ${(100 * m.smallest.macroWeight).toFixed(2)}% each · bars: micro, N ÷ ${total}`,
  };
}

/** Each subject's weight in the micro-average (bars) and the macro-average (one dashed line). */
function drawWeights(m: MicroMacroModel, width: number, compact: boolean): SVGSVGElement {
  const caption = weightsCaptions(m);
  const macro = 100 * m.smallest.macroWeight;
  const weights = Plot.plot({
    width,
    height: 170,
    marginLeft: 52,
    marginRight: 110,
    marginBottom: 36,
    style: { fontSize: "12px" },
    x: {
      type: "band",
      domain: m.bySize,
      padding: 0.15,
      tickFormat: () => "",
      tickSize: 0,
      label: compact ? "Subjects, smallest → largest" : caption.subjects,
      labelAnchor: "right",
    },
    y: { label: "↑ Weight in the average (%)", grid: true, domain: [0, 11.5] },
    marks: [
      Plot.barY(m.points, {
        x: "subject",
        y: (p: SubjectPoint) => 100 * p.microWeight,
        fill: (p: SubjectPoint) => (p.chosen ? palette.vermillion : palette.blue),
        fillOpacity: 0.8,
      }),
      Plot.ruleY([macro], { stroke: palette.vermillion, strokeDasharray: "7,4", strokeWidth: 2 }),
      Plot.text(compact ? [] : [macro], {
        x: () => m.smallest.subject,
        y: (w: number) => w,
        text: () => caption.legend,
        dy: -12,
        textAnchor: "start",
        fill: palette.vermillion,
        fontWeight: 700,
      }),
      Plot.ruleY([0]),
    ],
  }) as SVGSVGElement;
  weights.setAttribute(
    "aria-label",
    "Weight of each subject in the micro-average (bars) and the macro-average (dashed line)",
  );
  return weights;
}

export function drawMicroMacro(m: MicroMacroModel, { width }: RenderContext): Node {
  // On a phone the two long captions would run off the drawing: they move to wrapping HTML below it.
  const compact = width < 600;
  const caption = weightsCaptions(m);
  return html`<div>${drawSubjects(m, width)}${drawWeights(m, width, compact)}${
    compact
      ? html`<p class="table-note l1-weights-note">${caption.subjects.replace(/ →$/, "")}. ${caption.legend[0]!.toUpperCase()}${caption.legend.slice(1)}.</p>`
      : null
  }</div>`;
}

const weightSpan = (name: string, w: number) =>
  html`<span data-readout=${name} data-value=${100 * w}>${(100 * w).toFixed(2)}%</span>`;

export function microMacroReadout(m: MicroMacroModel): Node {
  const c = m.chosen;
  return html`<div>
    <div class="l1-pair">
      <div><div class="big-number"><span data-readout="micro" data-value=${100 * m.micro}>${formatPercent(m.micro)}</span></div><div class="big-caption">micro-average (every question counts once)</div></div>
      <div><div class="big-number l1-alt"><span data-readout="macro" data-value=${100 * m.macro}>${formatPercent(m.macro)}</span></div><div class="big-caption">macro-average (every subject counts once)</div></div>
    </div>
    <p>Macro − micro: <span data-readout="difference" data-value=${100 * m.difference}>${formatSignedPp(m.difference, 2)}</span>.</p>
    ${c ? html`<p>${pretty(c.subject)} (${formatCount(c.n)} questions) weighs ${weightSpan("chosen-micro-weight", c.microWeight)} of the micro-average and ${weightSpan("chosen-macro-weight", c.macroWeight)} of the macro-average.</p>` : null}
  </div>`;
}

export function microMacroNotice(m: MicroMacroModel): string {
  const { largest, smallest } = m;
  if (m.shift !== 0 && m.chosen === largest)
    return `Moving ${pretty(largest.subject)} alone (${formatCount(largest.n)} questions, ${(100 * largest.microWeight).toFixed(1)}% of MMLU) drags the micro-average ${m.largestPull.toFixed(1)}× as far as the macro-average.`;
  if (m.shift !== 0 && m.chosen === smallest)
    return `A ${formatCount(smallest.n)}-question subject moves the macro-average ${m.smallestPull.toFixed(1)}× as far as the micro-average: in the macro-average it counts as much as any other subject.`;
  return "When the model is stronger on large subjects, the micro-average is higher; stronger on small subjects, the macro-average is higher. Equal accuracy everywhere: the two agree.";
}

export function microMacroSummary(m: MicroMacroModel): string {
  return (
    `MMLU's ${m.points.length} subjects (${formatCount(m.totalN)} questions). Accuracy ${formatPercent(m.base, 0)} at a typical subject, tilt ${formatSignedPp(m.tilt, 0)} per SD of log size` +
    (m.chosen && m.shift !== 0 ? `, ${pretty(m.chosen.subject)} moved ${formatSignedPp(m.shift, 0)}` : "") +
    `. Micro-average ${formatPercent(m.micro)}, macro-average ${formatPercent(m.macro)}, difference ${formatSignedPp(m.difference, 2)}.`
  );
}

export function microMacroFigure(subjects: readonly MmluSubject[]) {
  const { smallest, largest, bySize } = deriveMicroMacro(
    { base: 0.7, tilt: 0, subject: "", shift: 0 },
    subjects,
  );
  const bySubject = new Map(subjects.map((s) => [s.subject, s]));
  const pp = (x: number) => formatSignedPp(x, 0);
  return explorable({
    id: "l1-micro-macro",
    title: "Micro vs macro: which subjects carry the average? MMLU's 57 subjects at their real sizes",
    controls: {
      base: range({
        key: "base",
        label: "Accuracy at a typical subject",
        min: 0.3,
        max: 0.9,
        step: 0.01,
        value: 0.7,
        format: (x) => formatPercent(x, 0),
      }),
      tilt: range({
        key: "tilt",
        label: "Skill vs subject size (pp per SD of log size)",
        min: -0.15,
        max: 0.15,
        step: 0.01,
        value: -0.05,
        format: pp,
      }),
      subject: choice({
        key: "subject",
        label: "Move one subject",
        kind: "select",
        options: bySize.map((s) => ({
          value: s,
          label: `${pretty(s)} (${formatCount(bySubject.get(s)!.n_test)})`,
        })),
        value: largest.subject,
      }),
      shift: range({ key: "shift", label: "…by", min: -0.4, max: 0.4, step: 0.01, value: 0, format: pp }),
    },
    presets: [
      { label: "Same accuracy everywhere", values: { base: 0.7, tilt: 0, shift: 0 } },
      { label: "Strong on large subjects", values: { base: 0.7, tilt: 0.1, shift: 0 } },
      { label: "Strong on small subjects", values: { base: 0.7, tilt: -0.1, shift: 0 } },
      {
        label: `Only ${pretty(largest.subject)} +30 pp`,
        values: { tilt: 0, subject: largest.subject, shift: 0.3 },
      },
      {
        label: `Only ${pretty(smallest.subject)} +30 pp`,
        values: { tilt: 0, subject: smallest.subject, shift: 0.3 },
      },
    ],
    source:
      "Subject sizes: the released MMLU test split (data/mmlu_subjects.csv, from the Hugging Face datasets metadata; 14,042 questions). Accuracies are set by the sliders.",
    derive: (v) => deriveMicroMacro(v, subjects),
    draw: drawMicroMacro,
    readout: microMacroReadout,
    notice: microMacroNotice,
    summary: microMacroSummary,
  });
}

/** The published macro vs micro pairs as a table (data/micro_macro.csv). */
export function microMacroTable(rows: readonly MicroMacroRow[]): HTMLElement {
  const heads = ["Model", "Benchmark", "Shots", "Macro", "Micro", "Macro − micro"];
  return html`<table class="data l1-published">
    <caption>The same runs, both averages, as Meta published them (pp)</caption>
    <thead><tr>${heads.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${rows.map(
      (
        r,
      ) => html`<tr><th scope="row">${r.model}</th><td>${r.benchmark}${r.cot === "yes" ? " (CoT)" : ""}</td><td>${r.shots}</td><td>${r.macro.toFixed(1)}</td>
        <td>${r.micro.toFixed(Number.isInteger(Math.round(r.micro * 100) / 10) ? 1 : 2)}</td><td>${formatSigned(r.diff, 2)}</td></tr>`,
    )}</tbody>
  </table>`;
}
