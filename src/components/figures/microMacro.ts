// Lesson 1, figure 3: micro vs macro averaging over MMLU's 57 real subjects. The learner tilts a
// model's skill towards large or small subjects, or moves one subject alone, and watches which
// average follows. In the micro-average large subjects dominate; in the macro-average a
// 100-question subject weighs as much as the 1,534-question one.

import type { MicroMacroRow, MmluSubject } from "../data/types.js";
import { averages, macroWeights, microWeights, tiltedAccuracies } from "../scoring/aggregate.js";
import { choice, range } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";
import { formatCount, formatPercent } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";
import { el, readoutSpan, signedPp } from "./lesson1Dom.js";

export interface MicroMacroInputs {
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

/** Per-subject accuracies and both averages for the inputs (pure; the tests call it too). */
export function microMacroData(subjects: readonly MmluSubject[], v: MicroMacroInputs) {
  const sizes = subjects.map((s) => s.n_test);
  const acc = tiltedAccuracies(sizes, { base: v.base, tilt: v.tilt });
  const wMicro = microWeights(subjects.map((s) => ({ n: s.n_test })));
  const wMacro = macroWeights(subjects.map((s) => ({ n: s.n_test })));
  const points: SubjectPoint[] = subjects.map((s, i) => {
    const chosen = s.subject === v.subject;
    const a = chosen ? Math.min(1, Math.max(0, acc[i]! + v.shift)) : acc[i]!;
    return {
      subject: s.subject,
      category: s.category,
      n: s.n_test,
      accuracy: a,
      microWeight: wMicro[i]!,
      macroWeight: wMacro[i]!,
      chosen,
    };
  });
  const avg = averages(points.map((p) => ({ n: p.n, accuracy: p.accuracy })));
  return { points, ...avg };
}

const pretty = (subject: string) => subject.replaceAll("_", " ");

export function microMacroFigure(subjects: readonly MmluSubject[]) {
  const bySize = [...subjects].sort((a, b) => a.n_test - b.n_test || a.subject.localeCompare(b.subject));
  const smallest = bySize[0]!;
  const largest = bySize[bySize.length - 1]!;
  const total = subjects.reduce((s, x) => s + x.n_test, 0);
  return explorable({
    id: "l1-micro-macro",
    title: "Micro vs macro: which subjects carry the average? MMLU's 57 subjects at their real sizes",
    notice: (v) =>
      v.shift !== 0 && v.subject === largest.subject
        ? `Moving ${pretty(largest.subject)} alone (${formatCount(largest.n_test)} questions, ${((100 * largest.n_test) / total).toFixed(1)}% of MMLU) drags the micro-average ${((100 * largest.n_test) / total / (100 / 57)).toFixed(1)}× as far as the macro-average.`
        : v.shift !== 0 && v.subject === smallest.subject
          ? `A ${formatCount(smallest.n_test)}-question subject moves the macro-average ${(total / 57 / smallest.n_test).toFixed(1)}× as far as the micro-average: in the macro-average it counts as much as any other subject.`
          : "When the model is stronger on large subjects, the micro-average is higher; stronger on small subjects, the macro-average is higher. Equal accuracy everywhere: the two agree.",
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
        format: (x) => signedPp(x, 0),
      }),
      subject: choice({
        key: "subject",
        label: "Move one subject",
        kind: "select",
        options: bySize.map((s) => ({
          value: s.subject,
          label: `${pretty(s.subject)} (${formatCount(s.n_test)})`,
        })),
        value: largest.subject,
      }),
      shift: range({
        key: "shift",
        label: "…by",
        min: -0.4,
        max: 0.4,
        step: 0.01,
        value: 0,
        format: (x) => signedPp(x, 0),
      }),
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
    render(v, { width }) {
      const d = microMacroData(subjects, v);
      const chosen = d.points.find((p) => p.chosen);
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
          Plot.dot(d.points, {
            x: "n",
            y: (p: SubjectPoint) => 100 * p.accuracy,
            r: "n",
            fill: palette.sky,
            fillOpacity: 0.55,
            stroke: palette.blue,
            title: (p: SubjectPoint) =>
              `${pretty(p.subject)}: ${formatCount(p.n)} questions, ${formatPercent(p.accuracy)}`,
          }),
          ...(chosen
            ? [
                Plot.dot([chosen], {
                  x: "n",
                  y: (p: SubjectPoint) => 100 * p.accuracy,
                  r: 14,
                  stroke: palette.vermillion,
                  strokeWidth: 2.5,
                  symbol: "square",
                }),
                Plot.text([chosen], {
                  x: "n",
                  y: (p: SubjectPoint) => 100 * p.accuracy,
                  text: (p: SubjectPoint) => pretty(p.subject),
                  dx: -18,
                  textAnchor: "end",
                  fill: palette.vermillion,
                  fontWeight: 700,
                }),
              ]
            : []),
          Plot.ruleY([100 * d.micro], { stroke: palette.blue, strokeWidth: 2.5 }),
          Plot.ruleY([100 * d.macro], {
            stroke: palette.vermillion,
            strokeWidth: 2.5,
            strokeDasharray: "7,4",
          }),
          Plot.text([d.micro], {
            x: 1700,
            y: (m: number) => 100 * m,
            text: (m: number) => `micro ${formatPercent(m)}`,
            dx: 6,
            dy: d.micro >= d.macro ? -8 : 8,
            textAnchor: "start",
            fill: palette.blue,
            fontWeight: 700,
          }),
          Plot.text([d.macro], {
            x: 1700,
            y: (m: number) => 100 * m,
            text: (m: number) => `macro ${formatPercent(m)}`,
            dx: 6,
            dy: d.micro >= d.macro ? 8 : -8,
            textAnchor: "start",
            fill: palette.vermillion,
            fontWeight: 700,
          }),
        ],
      });
      scatter.setAttribute(
        "aria-label",
        "Accuracy by subject against subject size, with the micro- and macro-averages",
      );
      // On a phone the two long captions would run off the drawing: they move to wrapping HTML below it.
      const compact = width < 600;
      const subjectsCaption = `The ${d.points.length} subjects, smallest (${pretty(smallest.subject)}, ${smallest.n_test}) to largest (${pretty(largest.subject)}, ${formatCount(largest.n_test)}) →`;
      const weightsLegend = `dashed: macro, ${(100 / d.points.length).toFixed(2)}% each · bars: micro, N ÷ ${formatCount(total)}`;
      const weights = Plot.plot({
        width,
        height: 170,
        marginLeft: 52,
        marginRight: 110,
        marginBottom: 36,
        style: { fontSize: "12px" },
        x: {
          type: "band",
          domain: [...d.points].sort((a, b) => a.n - b.n).map((p) => p.subject),
          padding: 0.15,
          tickFormat: () => "",
          tickSize: 0,
          label: compact ? "Subjects, smallest → largest" : subjectsCaption,
          labelAnchor: "right",
        },
        y: { label: "↑ Weight in the average (%)", grid: true, domain: [0, 11.5] },
        marks: [
          Plot.barY(d.points, {
            x: "subject",
            y: (p: SubjectPoint) => 100 * p.microWeight,
            fill: (p: SubjectPoint) => (p.chosen ? palette.vermillion : palette.blue),
            fillOpacity: 0.8,
          }),
          Plot.ruleY([100 / d.points.length], {
            stroke: palette.vermillion,
            strokeDasharray: "7,4",
            strokeWidth: 2,
          }),
          Plot.text(compact ? [] : [100 / d.points.length], {
            x: () => smallest.subject,
            y: (w: number) => w,
            text: () => weightsLegend,
            dy: -12,
            textAnchor: "start",
            fill: palette.vermillion,
            fontWeight: 700,
          }),
          Plot.ruleY([0]),
        ],
      });
      weights.setAttribute(
        "aria-label",
        "Weight of each subject in the micro-average (bars) and the macro-average (dashed line)",
      );
      const figure = el(
        "div",
        {},
        scatter,
        weights,
        compact
          ? el(
              "p",
              { class: "table-note l1-weights-note" },
              `${subjectsCaption.replace(/ →$/, "")}. ${weightsLegend[0]!.toUpperCase()}${weightsLegend.slice(1)}.`,
            )
          : null,
      );

      const readout = el(
        "div",
        {},
        el(
          "div",
          { class: "l1-pair" },
          el(
            "div",
            {},
            el("div", { class: "big-number" }, readoutSpan("micro", 100 * d.micro, formatPercent(d.micro))),
            el("div", { class: "big-caption" }, "micro-average (every question counts once)"),
          ),
          el(
            "div",
            {},
            el(
              "div",
              { class: "big-number l1-alt" },
              readoutSpan("macro", 100 * d.macro, formatPercent(d.macro)),
            ),
            el("div", { class: "big-caption" }, "macro-average (every subject counts once)"),
          ),
        ),
        el(
          "p",
          {},
          "Macro − micro: ",
          readoutSpan("difference", 100 * d.difference, signedPp(d.difference, 2)),
          ".",
        ),
        chosen
          ? el(
              "p",
              {},
              `${pretty(chosen.subject)} (${formatCount(chosen.n)} questions) weighs `,
              readoutSpan(
                "chosen-micro-weight",
                100 * chosen.microWeight,
                `${(100 * chosen.microWeight).toFixed(2)}%`,
              ),
              " of the micro-average and ",
              readoutSpan(
                "chosen-macro-weight",
                100 * chosen.macroWeight,
                `${(100 * chosen.macroWeight).toFixed(2)}%`,
              ),
              " of the macro-average.",
            )
          : null,
      );
      const summary =
        `MMLU's 57 subjects (${formatCount(d.totalN)} questions). Accuracy ${formatPercent(v.base, 0)} at a typical subject, tilt ${signedPp(v.tilt, 0)} per SD of log size` +
        (chosen && v.shift !== 0 ? `, ${pretty(chosen.subject)} moved ${signedPp(v.shift, 0)}` : "") +
        `. Micro-average ${formatPercent(d.micro)}, macro-average ${formatPercent(d.macro)}, difference ${signedPp(d.difference, 2)}.`;
      return { figure, summary, readout };
    },
  });
}

/** The published macro vs micro pairs as a table (data/micro_macro.csv). */
export function microMacroTable(rows: readonly MicroMacroRow[]): HTMLElement {
  return el(
    "table",
    { class: "data l1-published" },
    el("caption", {}, "The same runs, both averages, as Meta published them (pp)"),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        ["Model", "Benchmark", "Shots", "Macro", "Micro", "Macro − micro"].map((h) =>
          el("th", { scope: "col" }, h),
        ),
      ),
    ),
    el(
      "tbody",
      {},
      rows.map((r) =>
        el(
          "tr",
          {},
          el("th", { scope: "row" }, r.model),
          el("td", {}, r.benchmark + (r.cot === "yes" ? " (CoT)" : "")),
          el("td", {}, r.shots),
          el("td", {}, r.macro.toFixed(1)),
          el("td", {}, r.micro.toFixed(Number.isInteger(Math.round(r.micro * 100) / 10) ? 1 : 2)),
          el("td", {}, `${r.diff > 0 ? "+" : r.diff < 0 ? "−" : ""}${Math.abs(r.diff).toFixed(2)}`),
        ),
      ),
    ),
  );
}
