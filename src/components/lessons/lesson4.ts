// Every number Lesson 4's prose states, and the live sentences that restate its figures'
// current numbers. Pure: the page passes data and figure values in, and gets numbers or text
// back. Unit-tested in tests/unit/lesson4/lesson4.test.ts against R and hand-worked values.

import { type CalibrationInputs, compareCalibration } from "../figures/reliabilityDiagramModel.js";
import { type EvalSizeInputs, evalSizeAnswer } from "../figures/taskEvalSizeModel.js";
import {
  defaultShiftModels,
  rankFlips,
  type ShiftedModel,
  shiftedAccuracies,
} from "../sim/distributionShift.js";
import { halfWidth } from "../stats/intervals.js";
import { power, sampleSizeTwoProportions } from "../stats/power.js";
import { formatCount, formatPercent } from "../ui/format.js";

/** One row of data/mmlu_subjects.csv as the page loads it. */
export interface SubjectRow {
  subject: string;
  subcategory: string;
  n_test: number;
}

export interface SubcategoryCount {
  /** Test questions in the subcategory. */
  n: number;
  /** Its subjects, largest first, with readable names ("professional law"). */
  subjects: { name: string; n: number }[];
}

/** MMLU's test questions in one subcategory ("law", "health"), with its subjects. */
export function subcategoryCount(rows: readonly SubjectRow[], subcategory: string): SubcategoryCount {
  const subjects = rows
    .filter((r) => r.subcategory === subcategory)
    .map((r) => ({ name: r.subject.replaceAll("_", " "), n: r.n_test }))
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
  if (subjects.length === 0) throw new RangeError(`no MMLU subject has the subcategory "${subcategory}"`);
  return { n: subjects.reduce((sum, s) => sum + s.n, 0), subjects };
}

/** "professional law: 1,534, international law: 121, jurisprudence: 108" */
export const subjectList = (c: SubcategoryCount) =>
  c.subjects.map((s) => `${s.name}: ${formatCount(s.n)}`).join(", ");

/** A part of a whole as a percentage for prose: (1763, 14042) → "12.6%". */
export function shareOf(part: number, whole: number): string {
  if (!(whole > 0) || part < 0 || part > whole)
    throw new RangeError(`shareOf needs 0 ≤ part ≤ whole and whole > 0, got ${part} of ${whole}`);
  return formatPercent(part / whole);
}

/** What a task eval of `n` examples can and cannot tell, at the lesson's two gaps. */
export interface EvalSizeFacts {
  n: number;
  /** 95% half-width (pp) of one score at n, near 80% and near 50% accuracy. */
  halfWidthAt80Pp: number;
  halfWidthAt50Pp: number;
  /** A clearly worse model: 80% against 65% (15 pp). Power at n, and examples per model for 80% power. */
  clear: { p1: number; p2: number; gapPp: number; power: number; nFor80: number };
  /** Close models: 80% against 75% (5 pp). */
  close: { p1: number; p2: number; gapPp: number; power: number; nFor80: number };
}

function gapFacts(p1: number, p2: number, n: number) {
  return {
    p1,
    p2,
    gapPp: Math.round(100 * (p1 - p2) * 1e6) / 1e6,
    power: power(p1, p2, n),
    nFor80: sampleSizeTwoProportions(p1, p2, { power: 0.8 }),
  };
}

/** The numbers of the "How many examples is 100 or more?" paragraph. */
export function evalSizeFacts(n = 100): EvalSizeFacts {
  return {
    n,
    halfWidthAt80Pp: 100 * halfWidth(0.8, n),
    halfWidthAt50Pp: 100 * halfWidth(0.5, n),
    clear: gapFacts(0.8, 0.65, n),
    close: gapFacts(0.8, 0.75, n),
  };
}

/** A half-width in pp for prose: 7.8399 → "±7.8 pp". */
export const plusMinusPp = (pp: number) => `±${pp.toFixed(1)} pp`;

/**
 * The live sentence under the task-eval-size figure, from its current inputs: the interval at
 * N, the power at N for the gap, and the examples per model the wanted power needs.
 */
export function evalSizeSentence(v: EvalSizeInputs): string {
  const a = evalSizeAnswer(v);
  const powerWanted = formatPercent(v.target, 0);
  const head = `With ${formatCount(v.n)} examples, a score near ${formatPercent(a.p1, 0)} has a 95% interval of ${plusMinusPp(a.halfWidthPp)}.`;
  const found = `A ${v.gap} pp gap (${formatPercent(a.p1, 0)} against ${formatPercent(a.p2, 0)}) is found ${formatPercent(a.power, 0)} of the time`;
  return a.power >= v.target
    ? `${head} ${found}: at least the ${powerWanted} you asked for, so this eval can separate the two models.`
    : `${head} ${found}; telling them apart with ${powerWanted} power takes ${formatCount(a.nNeeded)} examples per model.`;
}

/** The shift figure's values: shift, seed and one transfer per model (tA … tE). */
export type ShiftValues = { shift: number; seed: number } & Record<string, number>;

/** The simulated models at the shift figure's current values. */
export function shiftRows(v: ShiftValues): ShiftedModel[] {
  const models = defaultShiftModels.map((m) => ({
    ...m,
    transfer: v[`t${m.name.replace("Model ", "")}`] ?? m.transfer,
  }));
  return shiftedAccuracies(models, { shift: v.shift, seed: v.seed });
}

const ordinal = (k: number) =>
  `${k}${k % 100 >= 11 && k % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][k % 10] ?? "th")}`;

/** The live sentence under the shift figure: how many pairs swap and where the benchmark leader lands. */
export function shiftSentence(rows: readonly ShiftedModel[], shift: number): string {
  const flips = rankFlips(rows);
  const benchLeader = [...rows].sort((a, b) => a.benchmarkRank - b.benchmarkRank)[0]!;
  const taskLeader = [...rows].sort((a, b) => a.taskRank - b.taskRank || b.task - a.task)[0]!;
  const pairs = (rows.length * (rows.length - 1)) / 2;
  const where = `At a drift of ${formatPercent(shift, 0)}`;
  if (flips.length === 0)
    return `${where}, no pair of models changes order: the benchmark leader, ${benchLeader.name}, is still first on your task (${formatPercent(benchLeader.task)}).`;
  const swapped = `${flips.length} of ${pairs} pairs of models swap places`;
  return benchLeader.taskRank === 1
    ? `${where}, ${swapped}, but the benchmark leader, ${benchLeader.name}, stays first on your task (${formatPercent(benchLeader.task)}).`
    : `${where}, ${swapped}: the benchmark leader, ${benchLeader.name}, finishes ${ordinal(benchLeader.taskRank)} on your task (${formatPercent(benchLeader.task)}), and ${taskLeader.name}, ${ordinal(taskLeader.benchmarkRank)} on the benchmark, wins it (${formatPercent(taskLeader.task)}).`;
}

/**
 * The live clause of the calibration paragraph, from the figure's current inputs: the accuracy
 * both models share and each one's ECE.
 */
export function calibrationSentence(v: CalibrationInputs): string {
  const [cal, over] = compareCalibration(v) as [
    ReturnType<typeof compareCalibration>[number],
    ReturnType<typeof compareCalibration>[number],
  ];
  const pp = (x: number) => `${(100 * x).toFixed(1)} pp`;
  return `Here both models are right on ${formatPercent(cal.accuracy)} of ${formatCount(v.n)} questions, and the ECE is ${pp(cal.ece)} for the calibrated model against ${pp(over.ece)} for the over-confident one (k = ${v.overconfidence.toFixed(1)}).`;
}
