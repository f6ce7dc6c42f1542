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
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatDiffPp, formatPercent } from "../ui/format.js";
import { categorical, palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";

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

const arrow = (move: number) => (move > 0 ? `▲${move}` : move < 0 ? `▼${-move}` : "=");

/** Benchmark rank on the left, task rank on the right; swaps marked where the lines cross. */
function drawBump(m: ShiftModelView, width: number): SVGSVGElement {
  const n = m.rows.length;
  // On a phone the bump chart is ~300 px wide: short names ("A") and tighter margins, so no label is cut.
  const compact = width < 560;
  const label = (r: ShiftedModel) => (compact ? r.name.replace(/^Model /, "") : r.name);
  const gap = compact ? " " : "  ";
  const moved = new Set(m.rows.filter((r) => r.move !== 0).map((r) => r.name));
  const lines = m.rows.flatMap((r) => [
    { name: r.name, x: 0, rank: r.benchmarkRank },
    { name: r.name, x: 1, rank: r.taskRank },
  ]);
  type End = (typeof lines)[number];
  const heading = (text: string, x: 0 | 1) =>
    Plot.text([text], {
      x,
      y: 0.5,
      dy: -22,
      dx: x ? 12 : -12,
      textAnchor: x ? "start" : "end",
      fontWeight: 700,
    });
  const svg = Plot.plot({
    width,
    height: 70 + 56 * n,
    marginLeft: compact ? 96 : 170,
    marginRight: compact ? 118 : 190,
    marginTop: 40,
    marginBottom: 34,
    style: { fontSize: compact ? "12px" : "14px" },
    x: { domain: [0, 1], axis: null },
    y: { domain: [n + 0.5, 0.5], axis: null },
    marks: [
      heading(compact ? "Benchmark" : "Benchmark rank", 0),
      heading(compact ? "Your task" : "Your task's rank", 1),
      Plot.text(
        [
          compact
            ? "dashed: moved · ×: a swap"
            : "dashed line: the model changed place · ×: where two models swap",
        ],
        { frameAnchor: "bottom", dy: 26, fontSize: 12 },
      ),
      // Models that keep their place: solid lines; models that move: dashed (a cue besides colour).
      ...[false, true].map((dashed) =>
        Plot.line(
          lines.filter((d) => moved.has(d.name) === dashed),
          {
            x: "x",
            y: "rank",
            z: "name",
            stroke: (d: End) => m.colour.get(d.name),
            strokeWidth: 3,
            strokeDasharray: dashed ? "7,4" : undefined,
          },
        ),
      ),
      Plot.dot(lines, {
        x: "x",
        y: "rank",
        fill: (d: End) => m.colour.get(d.name),
        r: 6,
        stroke: "var(--theme-background, white)",
      }),
      Plot.text(m.rows, {
        x: 0,
        y: "benchmarkRank",
        text: (r: ShiftedModel) => `${r.benchmarkRank}. ${label(r)}${gap}${formatPercent(r.benchmark)}`,
        dx: compact ? -9 : -12,
        textAnchor: "end",
        fontWeight: 600,
      }),
      Plot.text(m.rows, {
        x: 1,
        y: "taskRank",
        text: (r: ShiftedModel) =>
          `${r.taskRank}. ${label(r)}${gap}${formatPercent(r.task)}${gap}${arrow(r.move)}`,
        dx: compact ? 9 : 12,
        textAnchor: "start",
        fontWeight: 600,
      }),
      Plot.dot(m.crossings, {
        x: "x",
        y: "rank",
        symbol: "times",
        r: 9,
        stroke: palette.vermillion,
        strokeWidth: 3.5,
      }),
      Plot.text(m.crossings, {
        x: "x",
        y: "rank",
        text: (c: ShiftModelView["crossings"][number]) => (c.count > 1 ? `${c.count} swaps` : "swap"),
        dy: 20,
        fill: palette.vermillion,
        fontWeight: 700,
        fontSize: 12,
      }),
    ],
  }) as SVGSVGElement;
  const k = m.flips.length;
  svg.setAttribute(
    "aria-label",
    `Bump chart: benchmark rank on the left, task rank on the right, ${k} crossing${k === 1 ? "" : "s"} marked`,
  );
  return svg;
}

/** Each model's benchmark accuracy (circle) and task accuracy (diamond), with an arrow between. */
function drawDumbbell(m: ShiftModelView, width: number): SVGSVGElement {
  const bench = (r: ShiftedModel) => 100 * r.benchmark;
  const task = (r: ShiftedModel) => 100 * r.task;
  const colour = (r: ShiftedModel) => m.colour.get(r.name);
  const svg = Plot.plot({
    width,
    height: 70 + 56 * m.rows.length,
    marginLeft: 80,
    marginRight: 20,
    marginTop: 40,
    marginBottom: 44,
    style: { fontSize: "14px" },
    x: { domain: m.domain, label: "Accuracy (%) →", grid: true },
    y: { domain: m.byBenchmark.map((r) => r.name), label: null },
    marks: [
      Plot.arrow(m.rows, {
        x1: bench,
        x2: task,
        y: "name",
        stroke: colour,
        strokeWidth: 2.5,
        insetEnd: 8,
        headLength: 10,
      }),
      Plot.dot(m.rows, {
        x: bench,
        y: "name",
        r: 6,
        stroke: colour,
        strokeWidth: 2,
        fill: "var(--theme-background, white)",
      }),
      Plot.dot(m.rows, { x: task, y: "name", r: 7, symbol: "diamond", fill: colour }),
      Plot.text(m.rows, {
        x: task,
        y: "name",
        text: (r: ShiftedModel) => formatDiffPp(r.task - r.benchmark, 1),
        dy: -14,
        fontSize: 12,
      }),
      Plot.text(["○ benchmark   ◆ your task"], {
        frameAnchor: "top-left",
        dy: -28,
        dx: -70,
        fontSize: 12,
        textAnchor: "start",
      }),
    ],
  }) as SVGSVGElement;
  svg.setAttribute("aria-label", "Each model's benchmark accuracy and its accuracy on the drifted task");
  return svg;
}

/** The two charts side by side on a wide screen, one above the other otherwise. */
export function drawShift(m: ShiftModelView, { width }: RenderContext): Node {
  const wide = width >= 1100;
  const w1 = wide ? Math.floor(width * 0.48) : width;
  const w2 = wide ? width - w1 - 16 : width;
  return html`<div class="l4-pair">${drawBump(m, w1)}${drawDumbbell(m, w2)}</div>`;
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
      <td data-readout="task-rank" data-model=${r.name} data-value=${r.taskRank}>${r.taskRank}</td><td>${arrow(r.move)}</td></tr>`;
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
    draw: drawShift,
    readout: shiftReadout,
    notice: (m) => shiftNotice(m.rows, m.shift),
    summary: shiftSummary,
  });
}

// The transfer controls are built from the model list, so their keys are only known at run time.
type ExplorableControls = Parameters<typeof explorable<ShiftValues, ShiftModelView>>[0]["controls"];
