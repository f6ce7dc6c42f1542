// Lesson 1, figure 3: micro vs macro averaging over MMLU's 57 real subjects. The learner tilts a
// model's skill towards large or small subjects, or moves one subject alone, and watches which
// average follows. In the micro-average large subjects dominate; in the macro-average a
// 100-question subject weighs as much as the 1,534-question one.

import { html, svg } from "htl";
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
import { keptDrawing, setAttrs, setText } from "../ui/inPlace.js";
import { palette } from "../ui/palette.js";
import { type PlotScale, sharePlotStyles } from "../ui/plotStyles.js";
import * as Plot from "../vendor/plot.js";
import { f2 } from "./parts/svgAxis.js";

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

type Scale = PlotScale;
type Scales = { x: Scale; y: Scale; r: Scale };

/**
 * The scatter's frame, drawn by Plot once per width: its axes, grid and labels, on fixed scales
 * (subject size 90–1,700, log; accuracy 0–100%). The marks are drawn over it by scatterMarks.
 */
function subjectsFrame(width: number): { svg: SVGSVGElement; scales: Scales } {
  const frame = Plot.plot({
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
    // No marks of Plot's own, but an r channel so the frame has the dots' size scale.
    marks: [Plot.dot([] as SubjectPoint[], { x: "n", y: "accuracy", r: "n" })],
  }) as SVGSVGElement & { scale(name: "x" | "y" | "r"): Scale };
  frame.setAttribute(
    "aria-label",
    "Accuracy by subject against subject size, with the micro- and macro-averages",
  );
  return { svg: frame, scales: { x: frame.scale("x"), y: frame.scale("y"), r: frame.scale("r") } };
}

/**
 * Accuracy by subject against its size, with both averages as lines: marks built once and moved in
 * place on the frame's scales as the sliders move (a slider writes only the positions that change).
 */
function scatterMarks(points: readonly SubjectPoint[], s: Scales, width: number) {
  const dots = points.map(
    (p) =>
      svg`<circle cx=${s.x.apply(p.n)} r=${s.r.apply(p.n)} fill=${palette.sky} fill-opacity="0.55" stroke=${palette.blue}><title></title></circle>` as SVGCircleElement,
  );
  // Larger subjects first, so a small one is never hidden under a large one.
  const order = points.map((_, i) => i).sort((i, j) => points[j]!.n - points[i]!.n);
  const square =
    svg`<rect width="28" height="28" fill="none" stroke=${palette.vermillion} stroke-width="2.5"></rect>` as SVGRectElement;
  const name =
    svg`<text text-anchor="end" dy="0.32em" fill=${palette.vermillion} font-weight="700"></text>` as SVGTextElement;
  const [x0, x1] = [52, width - 110];
  const rule = (colour: string, dash: string | null) =>
    svg`<line x1=${x0} x2=${x1} stroke=${colour} stroke-width="2.5" stroke-dasharray=${dash}></line>` as SVGLineElement;
  const label = (colour: string) =>
    svg`<text x=${x1 + 6} text-anchor="start" fill=${colour} font-weight="700"></text>` as SVGTextElement;
  const micro = { rule: rule(palette.blue, null), label: label(palette.blue) };
  const macro = { rule: rule(palette.vermillion, "7,4"), label: label(palette.vermillion) };
  const g =
    svg`<g class="l1-subject-marks" font-size="13">${order.map((i) => dots[i])}${square}${name}${micro.rule}${macro.rule}${micro.label}${macro.label}</g>` as SVGGElement;
  return {
    g,
    update(m: MicroMacroModel) {
      m.points.forEach((p, i) => {
        setAttrs(dots[i]!, { cy: f2(s.y.apply(y(p))) });
        setText(
          dots[i]!.firstChild!,
          `${pretty(p.subject)}: ${formatCount(p.n)} questions, ${formatPercent(p.accuracy)}`,
        );
      });
      const c = m.chosen;
      setAttrs(square, { display: c ? null : "none" });
      setAttrs(name, { display: c ? null : "none" });
      if (c) {
        const [cx, cy] = [f2(s.x.apply(c.n)), f2(s.y.apply(y(c)))];
        setAttrs(square, { x: cx - 14, y: cy - 14 });
        setAttrs(name, { x: cx - 18, y: cy });
        setText(name, pretty(c.subject));
      }
      for (const [which, part, above] of [
        ["micro", micro, m.micro >= m.macro],
        ["macro", macro, m.micro < m.macro],
      ] as const) {
        const at = f2(s.y.apply(100 * m[which]));
        setAttrs(part.rule, { y1: at, y2: at });
        setAttrs(part.label, { y: at + (above ? -8 : 8), dy: "0.32em" });
        setText(part.label, `${which} ${formatPercent(m[which])}`);
      }
    },
  };
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

/**
 * Both charts, built for a width and updated in place: the scatter's marks move, and the weights
 * chart is drawn again only when the subject moved alone changes (its bar is coloured).
 */
export function microMacroView(points: readonly SubjectPoint[]) {
  let built: { width: number; node: HTMLElement; marks: ReturnType<typeof scatterMarks> } | undefined;
  let weights: { key: string; svg: SVGSVGElement } | undefined;
  const note: HTMLElement = html`<p class="table-note l1-weights-note"></p>`;
  return (m: MicroMacroModel, { width }: RenderContext): Node => {
    // On a phone the two long captions would run off the drawing: they move to wrapping HTML below it.
    const compact = width < 600;
    if (built?.width !== width) {
      const frame = subjectsFrame(width);
      sharePlotStyles(frame.svg);
      const marks = scatterMarks(points, frame.scales, width);
      frame.svg.append(marks.g);
      built = { width, node: html`<div>${frame.svg}</div>`, marks };
      weights = undefined;
    }
    built.marks.update(m);
    const key = `${m.subject}`;
    if (weights?.key !== key) {
      const next = sharePlotStyles(drawWeights(m, width, compact));
      if (weights) weights.svg.replaceWith(next);
      else built.node.append(next);
      weights = { key, svg: next };
    }
    const caption = weightsCaptions(m);
    if (compact) {
      setText(
        note,
        `${caption.subjects.replace(/ →$/, "")}. ${caption.legend[0]!.toUpperCase()}${caption.legend.slice(1)}.`,
      );
      if (note.parentNode !== built.node) built.node.append(note);
    }
    return built.node;
  };
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
  const { smallest, largest, bySize, points } = deriveMicroMacro(
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
    draw: keptDrawing(() => microMacroView(points)),
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
