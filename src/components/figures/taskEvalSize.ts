// Lesson 4, figure 2: how many task examples does a task-specific evaluation need? The interval
// at the learner's eval size, the power to separate two models a chosen gap apart, and the size
// that reaches the target power — so "100+ examples" reads as a floor for shortlisting, not a
// way to separate close models.

import { html } from "htl";
import { power, sampleSizeExact } from "../stats/power.js";
import { choice, range } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import {
  formatCount,
  formatPercent,
  formatPercentRange,
  formatPlusMinus,
  formatPoints,
  formatPp,
} from "../ui/format.js";
import { keptDrawing, setPart, setText } from "../ui/inPlace.js";
import { palette } from "../ui/palette.js";
import { keptStrip, type StripRow } from "./parts/intervalStrip.js";
import { keptPowerCurve } from "./parts/powerCurveDrawing.js";
import {
  type EvalSizeAnswer,
  type EvalSizeInputs,
  evalSizeAnswer,
  evalSizeDefaults,
  powerCurve,
} from "./taskEvalSizeModel.js";

// The numbers module's names, for the pages and tests that import them from the figure.
export { type EvalSizeAnswer, type EvalSizeInputs, evalSizeAnswer, evalSizeDefaults, powerCurve };

/**
 * "What to notice", from the current inputs: the interval at N, whether the gap is found with
 * the wanted power, and the smallest gap that is (pure; tested).
 */
export function evalSizeNotice(v: EvalSizeInputs): string {
  const a = evalSizeAnswer(v);
  const wanted = formatPercent(v.target, 0);
  const smallest = `At ${formatCount(v.n)} examples, only gaps of ${formatPp(a.mddPp / 100, 1)} or more are found ${wanted} of the time (${formatPp(a.mddPairedPp / 100, 1)} if both models answer the same examples and are compared paired).`;
  return a.power >= v.target
    ? `${smallest} Your ${formatPoints(v.gap)} gap is found ${formatPercent(a.power, 0)} of the time: this eval can separate the two models.`
    : `${smallest} Your ${formatPoints(v.gap)} gap is missed ${formatPercent(1 - a.power, 0)} of the time: enough to shortlist, not to separate.`;
}

/** Everything the figure shows at one setting. */
export interface EvalSizeModel {
  values: EvalSizeInputs;
  answer: EvalSizeAnswer;
  /** Power against N for this gap, and the marks on it: 100 examples, and the N the wanted power needs. */
  curve: { n: number; power: number }[];
  marks: { n: number; label: string; power: number }[];
  /** The strip's accuracy axis (%): both intervals and 5 points either side, within 0–100. */
  stripDomain: [number, number];
  /** Whether N reaches the wanted power. */
  enough: boolean;
}

/** The figure's model (pure). */
export function deriveEvalSize(v: EvalSizeInputs): EvalSizeModel {
  const a = evalSizeAnswer(v);
  const nStar = sampleSizeExact(a.p1, a.p2, 0.05, v.target);
  return {
    values: v,
    answer: a,
    curve: powerCurve(a.p1, a.p2),
    marks: [
      ...(v.n === 100 ? [] : [{ n: 100, label: "100 examples", power: power(a.p1, a.p2, 100) }]),
      ...(nStar <= 100_000
        ? [{ n: a.nNeeded, label: `${formatCount(a.nNeeded)} needed`, power: v.target }]
        : []),
    ],
    stripDomain: [
      Math.max(0, Math.min(...a.intervals.map((i) => i.lower)) * 100 - 5),
      Math.min(100, Math.max(...a.intervals.map((i) => i.upper)) * 100 + 5),
    ],
    enough: a.power >= v.target,
  };
}

/** Both models' intervals at N, as rows of the interval strip. */
function stripRows(m: EvalSizeModel): StripRow[] {
  return m.answer.intervals.map((i, k) => ({
    label: i.model,
    value: 100 * i.p,
    lower: 100 * i.lower,
    upper: 100 * i.upper,
    color: k === 0 ? palette.blue : palette.orange,
    symbol: k === 0 ? ("circle" as const) : ("diamond" as const),
    text: `${formatPercent(i.p)} (${formatPercentRange(i.lower, i.upper)})`,
  }));
}

/**
 * The strip and the power curve side by side on a wide screen, one above the other otherwise;
 * both plain SVG kept across redraws (parts/intervalStrip.ts, parts/powerCurveDrawing.ts), so a
 * slider moves their marks in place.
 */
export function evalSizeView() {
  const strip = keptStrip();
  const curve = keptPowerCurve();
  const node: HTMLElement = html`<div class="l4-pair"></div>`;
  return (m: EvalSizeModel, { width }: RenderContext): Node => {
    const { answer: a, values: v } = m;
    const wide = width >= 1100;
    const w1 = wide ? Math.floor(width * 0.4) : width;
    const w2 = wide ? width - w1 - 16 : width;
    const left = strip(stripRows(m), {
      width: w1,
      height: 240,
      marginLeft: 76,
      marginTop: 36,
      fontSize: 14,
      domain: m.stripDomain,
      xLabel:
        w1 < 480
          ? `Accuracy (%), N = ${formatCount(v.n)} →`
          : `Task accuracy (%), 95% interval at N = ${formatCount(v.n)} →`,
      ariaLabel: "Both models' task accuracy with 95% intervals at the chosen eval size",
      barWidth: 10,
      barOpacity: 0.75,
      dotFill: "currentColor",
      heading: `Gap ${formatPoints(v.gap)}; each score ${formatPlusMinus(a.halfWidthPp / 100, 1)}`,
    });
    const right = curve(
      { curve: m.curve, gap: v.gap, target: v.target, n: v.n, power: a.power, marks: m.marks },
      w2,
    );
    if (node.childElementCount === 0) node.append(left, right);
    return node;
  };
}

/**
 * The readout, kept across redraws: its numbers and words are rewritten in place (a rebuilt
 * readout is laid out afresh, about 1 ms a change).
 */
export function evalSizeReadoutView() {
  const node: HTMLElement = html`<div>
    <div class="l4-numbers">
      <div><div class="big-number" data-readout="half-width"></div><div class="big-caption"></div></div>
      <div><div class="big-number" data-readout="power"></div><div class="big-caption"></div></div>
      <div><div class="big-number" data-readout="n-needed"></div><div class="big-caption"></div></div>
    </div>
    <p><span class="verdict" data-readout="verdict"></span>
    At this N the smallest gap found <span data-part="wanted"></span> of the time is
    <strong data-readout="mdd"></strong> with separate question sets, or
    <strong data-readout="mdd-paired"></strong> when both models answer the same examples and their results correlate at 0.5 (a paired analysis, Lesson 3).
    <span data-readout="half-width-100"></span></p>
  </div>`;
  const part = (selector: string) => node.querySelector(selector) as HTMLElement;
  const set = (selector: string, value: string | number, text: string) =>
    setPart(node, selector, text, value);
  const captions = [...node.querySelectorAll(".big-caption")] as HTMLElement[];
  return (m: EvalSizeModel): Node => {
    const { answer: a, values: v } = m;
    const wanted = Math.round(v.target * 100);
    set('[data-readout="half-width"]', a.halfWidthPp.toFixed(6), formatPlusMinus(a.halfWidthPp / 100, 1));
    set('[data-readout="power"]', (100 * a.power).toFixed(6), formatPercent(a.power, 0));
    set('[data-readout="n-needed"]', a.nNeeded, formatCount(a.nNeeded));
    const texts = [
      `each model's 95% interval at N = ${formatCount(v.n)} and ${formatPercent(a.p1, 0)}`,
      `chance that N = ${formatCount(v.n)} tells ${formatPercent(a.p1, 0)} from ${formatPercent(a.p2, 0)}`,
      `examples per model for ${wanted}% power at a ${formatPoints(v.gap)} gap`,
    ];
    captions.forEach((c, i) => {
      setText(c, texts[i]!);
    });
    set(
      '[data-readout="verdict"]',
      m.enough ? 1 : 0,
      m.enough ? "Enough to separate them" : "Enough to shortlist, not to separate",
    );
    setText(part('[data-part="wanted"]'), `${wanted}%`);
    set('[data-readout="mdd"]', a.mddPp.toFixed(6), formatPp(a.mddPp / 100, 1));
    set('[data-readout="mdd-paired"]', a.mddPairedPp.toFixed(6), formatPp(a.mddPairedPp / 100, 1));
    const at100 = part('[data-readout="half-width-100"]');
    set(
      '[data-readout="half-width-100"]',
      a.halfWidthAt100Pp.toFixed(6),
      `At 100 examples a score at ${formatPercent(a.p1, 0)} is ${formatPlusMinus(a.halfWidthAt100Pp / 100, 1)}.`,
    );
    at100.hidden = v.n === 100;
    return node;
  };
}

export function evalSizeSummary(m: EvalSizeModel): string {
  const { answer: a, values: v } = m;
  return (
    `With N = ${formatCount(v.n)} task examples and an expected accuracy of ${formatPercent(a.p1, 0)}, each model's 95% interval is ${formatPlusMinus(a.halfWidthPp / 100, 1)}. ` +
    `The power to tell ${formatPercent(a.p1, 0)} from ${formatPercent(a.p2, 0)} (a ${formatPoints(v.gap)} gap) is ${formatPercent(a.power, 0)}; ` +
    `${Math.round(v.target * 100)}% power needs ${formatCount(a.nNeeded)} examples per model. ` +
    `The smallest gap detectable at this N is ${formatPp(a.mddPp / 100, 1)} (independent) or ${formatPp(a.mddPairedPp / 100, 1)} (paired, r = 0.5).`
  );
}

export function taskEvalSizeFigure() {
  const readout = evalSizeReadoutView();
  return explorable<EvalSizeInputs, EvalSizeModel>({
    id: "l4-eval-size",
    title: "How many task examples do I need? Enough to shortlist is far fewer than enough to separate",
    controls: {
      p: range({
        key: "p",
        label: "Task accuracy you expect from the better model",
        min: 0.5,
        max: 0.97,
        step: 0.01,
        value: evalSizeDefaults.p,
        format: (x) => formatPercent(x, 0),
      }),
      gap: range({
        key: "gap",
        label: "Gap worth detecting (pp)",
        min: 1,
        max: 20,
        step: 0.5,
        value: evalSizeDefaults.gap,
        format: (x) => formatPoints(x),
      }),
      n: range({
        key: "n",
        label: "Examples in your task eval (N)",
        min: 20,
        max: 20_000,
        log: true,
        value: evalSizeDefaults.n,
        numberBox: true,
        format: formatCount,
      }),
      target: choice({
        key: "target",
        label: "Power wanted",
        options: [
          { value: 0.8, label: "80%" },
          { value: 0.9, label: "90%" },
        ],
        value: evalSizeDefaults.target,
      }),
    },
    presets: [
      { label: "100 examples, 5 pp gap", values: { p: 0.8, gap: 5, n: 100, target: 0.8 } },
      { label: "Shortlisting: a 15 pp gap", values: { p: 0.8, gap: 15, n: 100 } },
      { label: "Close models: 2 pp at 1,000", values: { p: 0.8, gap: 2, n: 1000 } },
      { label: "Widest: 50% accuracy", values: { p: 0.5, gap: 5, n: 100 } },
    ],
    source:
      "Normal-approximation power of a two-sided 5% test of two proportions (the formula R's power.prop.test solves); intervals are Wilson 95%. Computed by the site's statistics core.",
    derive: deriveEvalSize,
    draw: keptDrawing(evalSizeView),
    readout: (m) => readout(m),
    notice: (m) => evalSizeNotice(m.values),
    summary: evalSizeSummary,
  });
}
