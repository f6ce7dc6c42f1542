// Lesson 4, figure 1: the benchmark ranking and the task ranking side by side. The learner sets
// how far the task drifts from the benchmark and how much of each model's skill transfers;
// lines that cross are rank flips, marked where they cross.

import { html } from "htl";
import {
  defaultShiftModels,
  kendallTau,
  rankFlips,
  type ShiftedModel,
  type ShiftModel,
  shiftedAccuracies,
} from "../sim/distributionShift.js";
import { range } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";
import { formatPercent } from "../ui/format.js";
import { keptDrawing } from "../ui/inPlace.js";
import { categorical } from "../ui/palette.js";
import { moveArrow, shiftView } from "./parts/shiftDrawing.js";

export interface RankCrossing {
  ahead: string;
  behind: string;
  /** 0 = benchmark column, 1 = task column. */
  x: number;
  rank: number;
}

/** Where the rank lines of flipped pairs cross on the bump chart (pure; tested). */
export function rankCrossings(rows: readonly ShiftedModel[]): RankCrossing[] {
  const out: RankCrossing[] = [];
  for (const a of rows) {
    for (const b of rows) {
      if (a.benchmarkRank < b.benchmarkRank && a.taskRank > b.taskRank) {
        const d0 = a.benchmarkRank - b.benchmarkRank;
        const d1 = a.taskRank - b.taskRank;
        const x = d0 / (d0 - d1);
        out.push({
          ahead: a.name,
          behind: b.name,
          x,
          rank: a.benchmarkRank + x * (a.taskRank - a.benchmarkRank),
        });
      }
    }
  }
  return out;
}

/** Crossings at the same point merged into one mark with a count (pure; tested). */
export function groupCrossings(
  crossings: readonly RankCrossing[],
): { x: number; rank: number; count: number }[] {
  const groups = new Map<string, { x: number; rank: number; count: number }>();
  for (const c of crossings) {
    const key = `${c.x.toFixed(3)}|${c.rank.toFixed(3)}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { x: c.x, rank: c.rank, count: 1 });
  }
  return [...groups.values()];
}

/**
 * "What to notice", from the current models (pure; tested): who loses accuracy and who loses
 * most, and how many pairs swap — computed, so it never names the wrong model.
 */
export function shiftNotice(rows: readonly ShiftedModel[], shift: number): string {
  if (shift === 0)
    return "With no shift, the task is the benchmark: the two rankings are the same, whatever the transfer.";
  const drops = rows.map((r) => ({ name: r.name, pp: 100 * (r.benchmark - r.task) }));
  const losers = drops.filter((d) => d.pp > 0).length;
  const most = drops.reduce((a, b) => (b.pp > a.pp ? b : a));
  const flips = rankFlips(rows).length;
  const who =
    losers === rows.length
      ? "Every model loses accuracy on the drifted task"
      : `${losers} of ${rows.length} models lose accuracy on the drifted task`;
  const lossText = most.pp > 0 ? `; ${most.name} loses most (${most.pp.toFixed(1)} pp)` : "";
  const order =
    flips === 0
      ? rows.every((r) => r.transfer === 1)
        ? "Every model keeps all of its skill, so everyone drops together and the order holds at any shift."
        : "The order holds at this draw: the skill that does not transfer happened not to reorder them."
      : `${flips} pair${flips === 1 ? "" : "s"} swap${flips === 1 ? "s" : ""} places, though nothing on the leaderboard changed.`;
  return `${who}${lossText}. ${order}`;
}

const letters = defaultShiftModels.map((m) => m.name.replace("Model ", ""));
type TransferKey = `t${string}`;
type ShiftValues = { shift: number; seed: number } & Record<TransferKey, number>;

/** Everything the figure shows at one shift, seed and set of transfers. */
export interface ShiftModelView {
  shift: number;
  /** The models at this shift, in the order given. */
  rows: ShiftedModel[];
  /** The same, in benchmark order (the table's and the dumbbell's). */
  byBenchmark: ShiftedModel[];
  flips: ReturnType<typeof rankFlips>;
  /** Where flipped pairs cross on the bump chart, merged when several cross at one point. */
  crossings: ReturnType<typeof groupCrossings>;
  tau: number;
  leader: ShiftedModel;
  benchLeader: ShiftedModel;
  /** The dumbbell's accuracy axis (%): from the lowest accuracy, down to a multiple of 5, to 100. */
  domain: [number, number];
  /** The colour of each model, by name (fixed by the model's place in the list). */
  colour: Map<string, string>;
}

/** The figure's model (pure). */
export function deriveShift(
  v: ShiftValues,
  models: readonly ShiftModel[] = defaultShiftModels,
): ShiftModelView {
  const withTransfers = models.map((m, i) => ({ ...m, transfer: v[`t${letters[i] ?? i}`] ?? m.transfer }));
  const rows = shiftedAccuracies(withTransfers, { shift: v.shift, seed: v.seed });
  const lo = Math.min(...rows.map((r) => r.task), ...rows.map((r) => r.benchmark));
  return {
    shift: v.shift,
    rows,
    byBenchmark: [...rows].sort((a, b) => a.benchmarkRank - b.benchmarkRank),
    flips: rankFlips(rows),
    crossings: groupCrossings(rankCrossings(rows)),
    tau: kendallTau(
      rows.map((r) => r.benchmark),
      rows.map((r) => r.task),
    ),
    leader: rows.find((r) => r.taskRank === 1)!,
    benchLeader: rows.find((r) => r.benchmarkRank === 1)!,
    domain: [Math.max(0, Math.floor((100 * lo - 4) / 5) * 5), 100],
    colour: new Map(models.map((m, i) => [m.name, categorical[i % categorical.length]!])),
  };
}

const flipText = (m: ShiftModelView) =>
  m.flips.length
    ? m.flips.map((f) => `${f.behind} overtakes ${f.ahead}`).join("; ")
    : "no pair changes order";

export function shiftReadout(m: ShiftModelView): Node {
  const k = m.flips.length;
  const pairs = (m.rows.length * (m.rows.length - 1)) / 2;
  const { leader, benchLeader } = m;
  // On a phone the table keeps what the sliders do not show (lessons-2-4.css hides .l4-wide there).
  const row = (r: ShiftedModel) =>
    html`<tr data-model=${r.name}><th scope="row"><span class="l4-wide">Model </span>${r.name.replace(/^Model /, "")}</th><td>${formatPercent(r.benchmark)}</td><td class="l4-wide">${r.benchmarkRank}</td><td class="l4-wide">${formatPercent(r.transfer, 0)}</td><td>${formatPercent(r.untested, 0)}</td>
      <td data-readout="task" data-model=${r.name} data-value=${(100 * r.task).toFixed(6)}>${formatPercent(r.task)}</td>
      <td data-readout="task-rank" data-model=${r.name} data-value=${r.taskRank}>${r.taskRank}</td><td>${moveArrow(r.move)}</td></tr>`;
  return html`<div>
    <div class="big-number" data-readout="flips" data-value=${k}>${k} flip${k === 1 ? "" : "s"}</div>
    <div class="big-caption">pairs of models whose order on your task is the reverse of their benchmark order (of ${pairs} pairs)</div>
    <p><span data-readout="tau" data-value=${m.tau.toFixed(6)}>Kendall's τ between the rankings: <strong>${m.tau.toFixed(2)}</strong></span> (1 = same order, −1 = reversed).
    <span data-readout="leader-benchmark-rank" data-value=${leader.benchmarkRank}>${
      leader.name === benchLeader.name
        ? `The benchmark leader, ${leader.name}, is still first on the task.`
        : `The task is won by ${leader.name}, ranked ${leader.benchmarkRank} on the benchmark; the benchmark leader, ${benchLeader.name}, falls to rank ${benchLeader.taskRank}.`
    }</span></p>
    <div class="l4-table-wrap"><table class="l4-table">
      <caption>The models at this shift</caption>
      <thead><tr><th scope="col">Model</th><th scope="col">Benchmark</th><th scope="col" class="l4-wide">Rank</th><th scope="col" class="l4-wide">Transfers</th><th scope="col">Untested<span class="l4-wide"> skill</span>*</th><th scope="col">Task</th><th scope="col">Rank</th><th scope="col">Move</th></tr></thead>
      <tbody>${m.byBenchmark.map(row)}</tbody>
    </table></div>
    <p class="table-note">* The accuracy a model would have on the parts of the task no benchmark tested — invisible on any leaderboard. ${flipText(m)}.</p>
  </div>`;
}

export function shiftSummary(m: ShiftModelView): string {
  const k = m.flips.length;
  return (
    `Shift ${formatPercent(m.shift, 0)}. ` +
    m.byBenchmark
      .map(
        (r) =>
          `${r.name}: benchmark ${formatPercent(r.benchmark)} (rank ${r.benchmarkRank}), transfers ${formatPercent(r.transfer, 0)}, task ${formatPercent(r.task)} (rank ${r.taskRank})`,
      )
      .join("; ") +
    `. ${k} pair${k === 1 ? "" : "s"} flip${k === 1 ? "s" : ""}: ${flipText(m)}. Kendall's tau ${m.tau.toFixed(2)}.`
  );
}

export function shiftRankingFigure(models: readonly ShiftModel[] = defaultShiftModels) {
  const transferControls = Object.fromEntries(
    models.map((m, i) => [
      `t${letters[i] ?? i}`,
      range({
        key: `t${letters[i] ?? i}`,
        label: `${m.name} (benchmark ${formatPercent(m.benchmark, 0)}): skill that transfers`,
        min: 0,
        max: 1,
        step: 0.05,
        value: m.transfer,
        format: (v) => formatPercent(v, 0),
      }),
    ]),
  );
  return explorable<ShiftValues, ShiftModelView>({
    id: "l4-shift",
    title: "When the task drifts from the benchmark, the ranking can change",
    controls: {
      shift: range({
        key: "shift",
        label: "How far your task drifts from the benchmark",
        min: 0,
        max: 1,
        step: 0.05,
        value: 0.6,
        format: (v) => (v === 0 ? "none" : v === 1 ? "far" : formatPercent(v, 0)),
      }),
      ...transferControls,
      seed: range({
        key: "seed",
        label: "Draw of the skills no benchmark tested",
        min: 1,
        max: 30,
        step: 1,
        value: 1,
        format: (v) => `#${v}`,
      }),
    } as ExplorableControls,
    presets: [
      { label: "No shift", values: { shift: 0 } },
      {
        label: "Everything transfers",
        values: Object.fromEntries(letters.map((l) => [`t${l}`, 1])) as Partial<ShiftValues>,
      },
      {
        label: "The leader transfers worst",
        values: { shift: 0.8, seed: 1, tA: 0.1, tB: 0.7, tC: 0.6, tD: 0.9, tE: 0.7 } as Partial<ShiftValues>,
      },
      {
        label: "Far shift, little transfer",
        values: { shift: 1, tA: 0.2, tB: 0.2, tC: 0.2, tD: 0.2, tE: 0.2 } as Partial<ShiftValues>,
      },
    ],
    source:
      "Simulated models (benchmark accuracies in the MMLU range). Task accuracy on the logit scale: (1 − w)·benchmark skill + w·untested skill − shift·1, with w = shift × (1 − transfer); untested skills are a seeded draw.",
    derive: (v) => deriveShift(v, models),
    draw: keptDrawing(shiftView),
    readout: shiftReadout,
    notice: (m) => shiftNotice(m.rows, m.shift),
    summary: shiftSummary,
  });
}

// The transfer controls are built from the model list, so their keys are only known at run time.
type ExplorableControls = Parameters<typeof explorable<ShiftValues, ShiftModelView>>[0]["controls"];
