// Distribution shift, simulated: each model has a benchmark accuracy and a share of that skill
// that carries over to a production task ("transfer"). As the task drifts from the benchmark,
// a model's task accuracy leans less on what the benchmark measured and more on skills the
// benchmark never tested, and everyone loses some accuracy to the unfamiliar inputs.
//
// On the logit scale, with s = logit(benchmark), u = the model's untested skill (seeded draw),
// shift δ ∈ [0, 1], transfer τ ∈ [0, 1] and a common drop D:
//   w = δ · (1 − τ)            how much of the task the benchmark does not speak for
//   task = logistic((1 − w) · s + w · u − δ · D)
// δ = 0 gives task = benchmark for every model; τ = 1 keeps the benchmark order at any shift.
import { normalSampler, seededRandom } from "../stats/random.js";
import { competitionRanks } from "../stats/ranks.js";

export interface ShiftModel {
  name: string;
  /** Benchmark accuracy in (0, 1). */
  benchmark: number;
  /** Share of the benchmark skill that carries over to the task, in [0, 1]. */
  transfer: number;
}

export interface ShiftOptions {
  /** How far the task has drifted from the benchmark: 0 = the same distribution, 1 = far. */
  shift: number;
  /** Logits every model loses at full shift (unfamiliar inputs hurt everyone). */
  drop?: number;
  /** Spread (sd, logits) of the models' untested skills around the models' mean benchmark logit. */
  spread?: number;
  seed?: number;
}

export interface ShiftedModel extends ShiftModel {
  /** Accuracy the model would have if the task were only what the benchmark does not test. */
  untested: number;
  /** Expected accuracy on the drifted task. */
  task: number;
  benchmarkRank: number;
  taskRank: number;
  /** Places gained on the task ranking (positive = moved up). */
  move: number;
}

export interface RankFlip {
  /** The model ahead on the benchmark … */
  ahead: string;
  /** … and the model that overtakes it on the task. */
  behind: string;
  /** Where the two lines cross on a 0 (benchmark) → 1 (task) axis, and at what accuracy. */
  at: number;
  accuracy: number;
}

const logit = (p: number) => Math.log(p / (1 - p));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

function checkUnit(name: string, v: number, open = false) {
  const ok = Number.isFinite(v) && (open ? v > 0 && v < 1 : v >= 0 && v <= 1);
  if (!ok) throw new RangeError(`${name} must be in ${open ? "(0, 1)" : "[0, 1]"}, got ${String(v)}`);
}

/** Each model's untested skill (logits): a seeded draw around the models' mean benchmark logit. */
export function untestedSkills(models: readonly ShiftModel[], { spread = 0.6, seed = 1 } = {}): number[] {
  const mean = models.reduce((sum, m) => sum + logit(m.benchmark), 0) / Math.max(1, models.length);
  const draw = normalSampler(seededRandom(seed));
  return models.map(() => mean + spread * draw());
}

/** Task accuracies and both rankings for the models under a shift. */
export function shiftedAccuracies(models: readonly ShiftModel[], options: ShiftOptions): ShiftedModel[] {
  const { shift, drop = 1, spread = 0.6, seed = 1 } = options;
  checkUnit("shift", shift);
  models.forEach((m, i) => {
    checkUnit(`models[${i}].benchmark`, m.benchmark, true);
    checkUnit(`models[${i}].transfer`, m.transfer);
  });
  const untested = untestedSkills(models, { spread, seed });
  const task = models.map((m, i) => {
    // No shift: the task is the benchmark (exactly, without a logit round trip).
    if (shift === 0) return m.benchmark;
    const w = shift * (1 - m.transfer);
    return logistic((1 - w) * logit(m.benchmark) + w * untested[i]! - shift * drop);
  });
  const benchmarkRank = competitionRanks(models.map((m) => m.benchmark));
  const taskRank = competitionRanks(task);
  return models.map((m, i) => ({
    ...m,
    untested: logistic(untested[i]!),
    task: task[i]!,
    benchmarkRank: benchmarkRank[i]!,
    taskRank: taskRank[i]!,
    move: benchmarkRank[i]! - taskRank[i]!,
  }));
}

/** Pairs whose order on the task is the reverse of their order on the benchmark. */
export function rankFlips(rows: readonly ShiftedModel[]): RankFlip[] {
  const flips: RankFlip[] = [];
  for (const a of rows) {
    for (const b of rows) {
      if (a.benchmark > b.benchmark && a.task < b.task) {
        // Straight lines from (0, benchmark) to (1, task) cross where their difference is zero.
        const d0 = a.benchmark - b.benchmark;
        const d1 = a.task - b.task;
        const at = d0 / (d0 - d1);
        flips.push({
          ahead: a.name,
          behind: b.name,
          at,
          accuracy: a.benchmark + at * (a.task - a.benchmark),
        });
      }
    }
  }
  return flips;
}

/** Kendall's τ-a between two score lists (1 = same order, −1 = reversed). */
export function kendallTau(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new RangeError("kendallTau needs two lists of the same length");
  const n = x.length;
  if (n < 2) return 1;
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) s += Math.sign(x[i]! - x[j]!) * Math.sign(y[i]! - y[j]!);
  }
  return s / ((n * (n - 1)) / 2);
}

/** The five models the figure starts from (benchmark accuracies in the MMLU range). */
export const defaultShiftModels: readonly ShiftModel[] = [
  { name: "Model A", benchmark: 0.86, transfer: 0.3 },
  { name: "Model B", benchmark: 0.84, transfer: 0.8 },
  { name: "Model C", benchmark: 0.82, transfer: 0.5 },
  { name: "Model D", benchmark: 0.79, transfer: 0.9 },
  { name: "Model E", benchmark: 0.75, transfer: 0.6 },
];
