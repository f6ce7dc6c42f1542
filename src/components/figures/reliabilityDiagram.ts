// Lesson 4, figure 3: calibration, the capability an accuracy score cannot show. Two simulated
// models with the same right/wrong answers — so the same accuracy — one stating its true
// chance of being right, the other over-confident. Reliability diagrams and the expected
// calibration error (ECE) tell them apart; the accuracy cannot. Drawn by parts/reliabilityDrawing.ts.

import { html } from "htl";
import { keyedCache } from "../cache/keyedCache.js";
import { type SimulatedConfidence, simulateConfidence } from "../sim/calibration.js";
import { choice, range } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";
import { formatCount, formatPercent, formatPp } from "../ui/format.js";
import { keptDrawing } from "../ui/inPlace.js";
import { type BinRow, reliabilityView } from "./parts/reliabilityDrawing.js";
import {
  type CalibrationInputs,
  compareCalibration,
  type ModelCalibration,
} from "./reliabilityDiagramModel.js";

// The numbers module's names, for the pages and tests that import them from the figure.
export { type CalibrationInputs, compareCalibration, type ModelCalibration };

/** "What to notice", from both models' current numbers (pure; tested). */
export function calibrationNotice(models: readonly ModelCalibration[], overconfidence: number): string {
  const [cal, over] = models as [ModelCalibration, ModelCalibration];
  const pp = (x: number) => formatPp(x, 1);
  if (overconfidence === 1)
    return `With k = 1 both models state their true chance: the two diagrams match (ECE ${pp(cal.ece)} each), and only sampling noise separates the bars from the diagonal.`;
  const sure =
    over.sureCount === 0
      ? "It states 90% or more on no answer at this setting."
      : `Of its ${formatCount(over.sureCount)} answers stated at 90% or more, ${formatPercent(over.sureWrong, 0)} are wrong${cal.sureCount === 0 ? "." : `, against ${formatPercent(cal.sureWrong, 0)} of the calibrated model's ${formatCount(cal.sureCount)}.`}`;
  return `Both models got the same ${formatPercent(cal.accuracy)} of questions right, yet the over-confident one's ECE is ${pp(over.ece)} against ${pp(cal.ece)}. ${sure} Accuracy cannot see this; ECE can.`;
}

/** Everything the figure shows at one setting. */
export interface CalibrationModel {
  values: CalibrationInputs;
  /** The calibrated and the over-confident model, in that order. */
  models: [ModelCalibration, ModelCalibration];
  /** Both models' non-empty bins, for the diagrams. */
  rows: BinRow[];
}

/** The figure's model (pure): `base` is the simulation for these inputs' accuracy, N and seed. */
export function deriveCalibration(v: CalibrationInputs, base?: SimulatedConfidence): CalibrationModel {
  const models = compareCalibration(v, base) as [ModelCalibration, ModelCalibration];
  return {
    values: v,
    models,
    rows: models.flatMap((m) => m.bins.filter((b) => b.count > 0).map((b) => ({ ...b, model: m.model }))),
  };
}

/** "1,234, 5.6% wrong", or "0, none". */
const sureText = (c: ModelCalibration) =>
  `${formatCount(c.sureCount)}, ${Number.isNaN(c.sureWrong) ? "none" : `${formatPercent(c.sureWrong)} wrong`}`;
const fixed = (x: number) => (100 * (Number.isNaN(x) ? 0 : x)).toFixed(6);

export function calibrationReadout(m: CalibrationModel): Node {
  const [cal, over] = m.models;
  return html`<div>
    <div class="l4-numbers">
      <div><div class="big-number" data-readout="accuracy" data-value=${fixed(cal.accuracy)}>${formatPercent(cal.accuracy)}</div>
        <div class="big-caption">accuracy of <em>both</em> models (${formatCount(m.values.n)} questions)</div></div>
      <div><div class="big-number" data-readout="ece-calibrated" data-value=${fixed(cal.ece)}>${formatPp(cal.ece, 1)}</div>
        <div class="big-caption">ECE, calibrated model</div></div>
      <div><div class="big-number l4-warn" data-readout="ece-overconfident" data-value=${fixed(over.ece)}>${formatPp(over.ece, 1)}</div>
        <div class="big-caption">ECE, over-confident model</div></div>
    </div>
    <p>Answers given with at least 90% confidence:
    calibrated model <strong data-readout="sure-wrong-calibrated" data-value=${fixed(cal.sureWrong)}>${sureText(cal)}</strong>;
    over-confident model <strong data-readout="sure-wrong-overconfident" data-value=${fixed(over.sureWrong)}>${sureText(over)}</strong>.
    In production, those confident wrong answers are the ones nobody double-checks.</p>
  </div>`;
}

export function calibrationSummaryText(m: CalibrationModel): string {
  const [cal, over] = m.models;
  return (
    `Both models answer ${formatCount(m.values.n)} questions with accuracy ${formatPercent(cal.accuracy)}. ` +
    `The calibrated model's mean stated confidence is ${formatPercent(cal.meanConfidence)} and its ECE ${formatPp(cal.ece, 1)}; ` +
    `the over-confident model (k = ${m.values.overconfidence.toFixed(1)}) states ${formatPercent(over.meanConfidence)} on average, ECE ${formatPp(over.ece, 1)}. ` +
    `Of its ${formatCount(over.sureCount)} answers at 90% confidence or more, ${Number.isNaN(over.sureWrong) ? "none exist" : `${formatPercent(over.sureWrong)} were wrong`}, against ${Number.isNaN(cal.sureWrong) ? "none" : formatPercent(cal.sureWrong)} for the calibrated model.`
  );
}

export function reliabilityDiagramFigure() {
  // The draws depend only on accuracy, N and the seed: dragging k or changing the bins reuses them.
  const sims = keyedCache<SimulatedConfidence>(4);
  const simFor = (v: CalibrationInputs) =>
    sims.get(`${v.accuracy}|${v.n}|${v.seed}`, () =>
      simulateConfidence({ accuracy: v.accuracy, n: v.n, overconfidence: 1, seed: v.seed }),
    );
  return explorable<CalibrationInputs, CalibrationModel>({
    id: "l4-calibration",
    title: "Same accuracy, different honesty: a reliability diagram shows what the score hides",
    controls: {
      accuracy: range({
        key: "accuracy",
        label: "Accuracy of both models",
        min: 0.5,
        max: 0.95,
        step: 0.01,
        value: 0.75,
        format: (x) => formatPercent(x, 0),
      }),
      overconfidence: range({
        key: "overconfidence",
        label: "Over-confidence k (stated error = true error^k)",
        min: 1,
        max: 5,
        step: 0.1,
        value: 3,
        format: (x) => `k = ${x.toFixed(1)}`,
      }),
      n: range({
        key: "n",
        label: "Questions (N)",
        min: 100,
        max: 10_000,
        log: true,
        value: 1000,
        numberBox: true,
        format: formatCount,
      }),
      bins: choice({
        key: "bins",
        label: "Confidence bins",
        options: [
          { value: 5, label: "5" },
          { value: 10, label: "10" },
          { value: 15, label: "15" },
          { value: 20, label: "20" },
        ],
        value: 10,
      }),
      seed: range({
        key: "seed",
        label: "Simulation draw",
        min: 1,
        max: 20,
        step: 1,
        value: 1,
        format: (x) => `#${x}`,
      }),
    },
    presets: [
      { label: "Calibrated twins (k = 1)", values: { overconfidence: 1 } },
      { label: "Over-confident at 75%", values: { accuracy: 0.75, overconfidence: 3, n: 1000 } },
      { label: "A 100-question check", values: { n: 100, overconfidence: 3 } },
      { label: "High accuracy hides it: 90%", values: { accuracy: 0.9, overconfidence: 3 } },
    ],
    source:
      "Simulated: each question's true chance of a right answer is drawn from a Beta distribution with the chosen mean; both models share the same right/wrong outcomes. ECE with equal-width bins (Naeini et al. 2015; Guo et al. 2017).",
    derive: (v) => deriveCalibration(v, simFor(v)),
    draw: keptDrawing(reliabilityView),
    readout: calibrationReadout,
    notice: (m) => calibrationNotice(m.models, m.values.overconfidence),
    summary: calibrationSummaryText,
  });
}
