// Lesson 3: the scaling confound. Real published scores against parameter count (log axis),
// by size class; a switch to score per parameter, the framing Mistral 7B's paper argued for.
// Hovering (or focusing) a point shows who measured it and how.

import { html } from "htl";
import { keyedCache } from "../cache/keyedCache.js";
import { canonicalBenchmark } from "../compare/benchmarkNames.js";
import type { PublishedScore } from "../data/types.js";
import { choice } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount, formatDecimal, formatFixed } from "../ui/format.js";
import { makeAheadInto } from "../ui/idleQueue.js";
import { keptDrawing } from "../ui/inPlace.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";

export const sizeClasses = [
  { id: "≤ 10B", max: 10, color: palette.blue, symbol: "circle" },
  { id: "10–40B", max: 40, color: palette.orange, symbol: "square" },
  { id: "40–100B", max: 100, color: palette.green, symbol: "triangle" },
  { id: "> 100B", max: Number.POSITIVE_INFINITY, color: palette.purple, symbol: "diamond" },
] as const;

export type SizeClass = (typeof sizeClasses)[number]["id"];

export function sizeClass(paramsB: number): SizeClass {
  return (sizeClasses.find((c) => paramsB <= c.max) ?? sizeClasses[sizeClasses.length - 1]!).id;
}

export type ScalingSource = "all" | "leaderboard";

export interface ScalingPoint {
  model: string;
  params: number;
  score: number;
  /** Score points per billion parameters. */
  perParam: number;
  sizeClass: SizeClass;
  evaluator: string;
  setup: string;
  source: string;
}

/** Published scores with a parameter count on one benchmark (optionally one harness only). */
export function scalingPoints(
  rows: readonly PublishedScore[],
  benchmark: string,
  source: ScalingSource = "all",
): ScalingPoint[] {
  return rows
    .filter(
      (r) =>
        r.params_b !== null &&
        r.params_b > 0 &&
        canonicalBenchmark(r.benchmark) === benchmark &&
        (source === "all" || /leaderboard/i.test(r.evaluator)),
    )
    .map((r) => ({
      model: r.model,
      params: r.params_b as number,
      score: r.score,
      perParam: r.score / (r.params_b as number),
      sizeClass: sizeClass(r.params_b as number),
      evaluator: r.evaluator,
      setup: [
        r.shots && r.shots !== "not stated" ? `${r.shots}-shot` : "shots not stated",
        r.cot.startsWith("yes") ? "CoT" : null,
        r.metric,
      ]
        .filter(Boolean)
        .join(", "),
      source: r.source,
    }));
}

/**
 * scalingPoints for one table, memoised by benchmark and source: the same inputs give the same
 * array back (the table is filtered once per benchmark and source, not on every redraw).
 */
export function scalingPointsOf(rows: readonly PublishedScore[]) {
  const cache = keyedCache<ScalingPoint[]>(64);
  return (benchmark: string, source: ScalingSource = "all"): ScalingPoint[] =>
    cache.get(`${benchmark}\u0000${source}`, () => scalingPoints(rows, benchmark, source));
}

/** Per size class: how many points, and the best raw score in it. */
export function classSummary(points: readonly ScalingPoint[]) {
  return sizeClasses.map((c) => {
    const inClass = points.filter((p) => p.sizeClass === c.id);
    const best = inClass.reduce<ScalingPoint | null>(
      (b, p) => (b === null || p.score > b.score ? p : b),
      null,
    );
    return { id: c.id, count: inClass.length, best };
  });
}

/** Which numbers of the figure are plotted, and how. */
export interface ScalingValues extends Record<string, unknown> {
  benchmark: string;
  source: ScalingSource;
  framing: "raw" | "per-param";
}

/** Everything the figure shows at one setting. */
export interface ScalingModel {
  values: ScalingValues;
  points: ScalingPoint[];
  /** Per size class: how many points, and its best raw score. */
  classes: ReturnType<typeof classSummary>;
  perParam: boolean;
  /** The best raw score, and the most points per billion parameters (null if nothing is plotted). */
  bestRaw: ScalingPoint | null;
  bestPerParam: ScalingPoint | null;
}

/** The figure's model (pure): `pointsOf` is scalingPointsOf(the published table). */
export function deriveScalingConfound(
  v: ScalingValues,
  pointsOf: ReturnType<typeof scalingPointsOf>,
): ScalingModel {
  const points = pointsOf(v.benchmark, v.source);
  const best = (key: "score" | "perParam") =>
    points.reduce<ScalingPoint | null>((b, p) => (b === null || p[key] > b[key] ? p : b), null);
  return {
    values: v,
    points,
    classes: classSummary(points),
    perParam: v.framing === "per-param",
    bestRaw: best("score"),
    bestPerParam: best("perParam"),
  };
}

const size = (p: ScalingPoint) => `${formatDecimal(p.params)}B`;
const score = (x: number) => formatDecimal(x, 2);

/** Score (or score per billion parameters) against parameters, log x, one colour per size class. */
export function drawScalingConfound(m: ScalingModel, { width }: RenderContext): Node {
  const { benchmark } = m.values;
  const plot = Plot.plot({
    width,
    height: Math.round(Math.min(440, Math.max(300, width * 0.5))),
    marginLeft: 56,
    marginRight: 20,
    marginBottom: 44,
    style: { fontSize: "13px" },
    x: {
      type: "log",
      label: "Parameters (billions, log scale) →",
      grid: true,
      tickFormat: "~g",
      labelOffset: 38,
    },
    y: m.perParam
      ? {
          type: "log",
          label: `↑ ${benchmark} points per billion parameters (log scale)`,
          grid: true,
          tickFormat: "~g",
        }
      : { label: `↑ ${benchmark} score (%)`, grid: true },
    color: { domain: sizeClasses.map((c) => c.id), range: sizeClasses.map((c) => c.color) },
    symbol: { domain: sizeClasses.map((c) => c.id), range: sizeClasses.map((c) => c.symbol), legend: true },
    marks: [
      Plot.dot(m.points, {
        x: "params",
        y: m.perParam ? "perParam" : "score",
        stroke: "sizeClass",
        fill: "sizeClass",
        fillOpacity: 0.35,
        symbol: "sizeClass",
        r: 5.5,
        channels: {
          Model: "model",
          Score: "score",
          Evaluator: "evaluator",
          Setup: "setup",
          Source: "source",
        },
        tip: {
          format: {
            x: (d: number) => `${formatDecimal(d)}B`,
            y: (d: number) => (m.perParam ? formatFixed(d, 2) : score(d)),
            Score: (d: number) => score(d),
            fill: false,
            stroke: false,
            symbol: false,
          },
        },
      }),
    ],
  });
  return html`<div>${plot}</div>`;
}

/** The settings a learner is likely to pick next (the other benchmarks), and how to get their models. */
export interface ScalingAhead {
  others(v: ScalingValues): ScalingValues[];
  derive(v: ScalingValues): ScalingModel;
}

/**
 * The drawing, kept per setting at the current width: every input is a choice, so going back to a
 * setting shows the drawing already made (with its tips) instead of drawing it again. `ahead` names
 * the settings a learner is likely to pick next (the other benchmarks); their drawings are made
 * while the page is idle, so a first pick costs only its layout (a new drawing took 7–10 ms).
 */
export function scalingConfoundView(ahead?: ScalingAhead) {
  const drawn = keyedCache<Node>(16);
  const makeAhead = makeAheadInto(drawn);
  return (m: ScalingModel, context: RenderContext): Node => {
    const keyOf = (v: ScalingValues) => `${context.width}|${v.benchmark}|${v.source}|${v.framing}`;
    const node = drawn.get(keyOf(m.values), () => drawScalingConfound(m, context));
    if (ahead && !context.copy)
      makeAhead(ahead.others(m.values), keyOf, (v) => {
        // Marked, so that a browser test can tell a drawing made ahead from one made on the pick.
        const made = drawScalingConfound(ahead.derive(v), context) as HTMLElement;
        made.dataset.madeAhead = "";
        return made;
      });
    return node;
  };
}

/** The rows of the "every point" table (the tooltips' content), smallest model first. */
export function pointRows(points: readonly ScalingPoint[]): Node[] {
  return [...points]
    .sort((x, y) => x.params - y.params || y.score - x.score)
    .map(
      (p) =>
        html`<tr><td>${p.model}</td><td>${size(p)}</td><td>${score(p.score)}</td><td>${p.evaluator}</td><td>${p.setup}</td><td class="l3-source">${p.source}</td></tr>`,
    );
}

/**
 * The list of every point, its rows written when it is first opened: even closed, ≈100 rows
 * cost every redraw ≈2–3 ms of styling.
 */
function everyPoint(points: readonly ScalingPoint[]): HTMLDetailsElement {
  const body = html`<tbody></tbody>` as unknown as HTMLTableSectionElement;
  const summary = html`<summary>Every point, with its source (the tooltips' content, for keyboard and screen readers)</summary>`;
  const details =
    html`<details class="l3-points">${summary}<table class="l3-runs"><thead><tr><th scope="col">Model</th><th scope="col">Parameters</th><th scope="col">Score</th><th scope="col">Evaluator</th><th scope="col">Setup</th><th scope="col">Source</th></tr></thead>${body}</table></details>` as unknown as HTMLDetailsElement;
  let filled = false;
  const fill = () => {
    if (filled) return;
    filled = true;
    body.append(...pointRows(points));
  };
  // A click on the summary (mouse, Enter, Space) fills the rows before the list opens; "toggle"
  // covers opening it any other way (find in page, a script).
  summary.addEventListener("click", fill);
  details.addEventListener("toggle", () => {
    if (details.open) fill();
  });
  return details;
}

export function scalingConfoundReadout(m: ScalingModel): Node {
  return html`<div class="l3-readout"><table class="l3-class-table"><caption>${formatCount(m.points.length)} published ${m.values.benchmark} scores with a parameter count</caption>
    <thead><tr><th scope="col">Size class</th><th scope="col">Scores</th><th scope="col">Best raw score in the class</th></tr></thead>
    <tbody>${m.classes.map(
      (s) =>
        html`<tr><th scope="row">${s.id}</th><td data-readout="class-count" data-class=${s.id} data-value=${s.count}>${formatCount(s.count)}</td><td>${s.best ? `${s.best.model}: ${score(s.best.score)} (${s.best.evaluator})` : "—"}</td></tr>`,
    )}</tbody></table><span hidden data-readout="points" data-value=${m.points.length}></span>${everyPoint(m.points)}</div>`;
}

/**
 * The readout, kept per benchmark and source (it does not depend on the framing, so a new framing
 * leaves it in place); with `ahead`, the other benchmarks' readouts are made while the page is idle.
 */
export function scalingConfoundReadoutView(ahead?: ScalingAhead) {
  const made = keyedCache<Node>(16);
  const makeAhead = makeAheadInto(made);
  const keyOf = (v: ScalingValues) => `${v.benchmark}|${v.source}`;
  return (m: ScalingModel): Node => {
    const node = made.get(keyOf(m.values), () => scalingConfoundReadout(m));
    if (ahead) makeAhead(ahead.others(m.values), keyOf, (v) => scalingConfoundReadout(ahead.derive(v)));
    return node;
  };
}

/** "What to notice", naming the current leader: by raw score, or per parameter. */
export function scalingConfoundNotice(m: ScalingModel): string {
  if (!m.perParam) {
    const lead = m.bestRaw
      ? `The best raw score, ${score(m.bestRaw.score)}, is ${m.bestRaw.model}'s (${size(m.bestRaw)}, ${m.bestRaw.sizeClass}). `
      : "";
    return `${lead}Within one colour (one size class) the spread is what a fair comparison sees; across colours, size does much of the work.`;
  }
  const lead = m.bestPerParam
    ? `: ${m.bestPerParam.model} (${size(m.bestPerParam)}) leads with ${formatFixed(m.bestPerParam.perParam, 2)} points per billion parameters`
    : "";
  return `Per parameter, the ranking turns upside down${lead}. Neither frame alone is the answer — compare within a class, or state the budget.`;
}

export function scalingConfoundSummary(m: ScalingModel): string {
  const v = m.values;
  return (
    `${formatCount(m.points.length)} ${v.benchmark} scores plotted against parameters (${v.source === "all" ? "all published numbers" : "Open LLM Leaderboard only"}), ${m.perParam ? "as points per billion parameters" : "as raw scores"}. ` +
    m.classes
      .map(
        (s) =>
          `${s.id}: ${formatCount(s.count)} scores${s.best ? `, best ${s.best.model} at ${score(s.best.score)}` : ""}`,
      )
      .join("; ") +
    "."
  );
}

export function scalingConfoundFigure(rows: readonly PublishedScore[]) {
  const pointsOf = scalingPointsOf(rows);
  const benchmarks = [
    "MMLU",
    "GSM8K",
    "HumanEval",
    "ARC-Challenge",
    "HellaSwag",
    "WinoGrande",
    "MMLU-Pro",
    "BBH",
  ].filter((b) => pointsOf(b).length >= 5);
  const ahead: ScalingAhead = {
    others: (v) => benchmarks.filter((b) => b !== v.benchmark).map((benchmark) => ({ ...v, benchmark })),
    derive: (v) => deriveScalingConfound(v, pointsOf),
  };
  return explorable<ScalingValues, ScalingModel>({
    id: "l3-scaling",
    title: "Score against size: bigger models win raw rankings",
    controls: {
      benchmark: choice({
        key: "benchmark",
        label: "Benchmark",
        kind: "select",
        options: benchmarks.map((b) => ({ value: b, label: b })),
        value: "MMLU",
      }),
      source: choice({
        key: "source",
        label: "Which numbers",
        options: [
          { value: "all" as ScalingSource, label: "All published" },
          { value: "leaderboard" as ScalingSource, label: "One harness (Open LLM Leaderboard)" },
        ],
        value: "all" as ScalingSource,
      }),
      framing: choice({
        key: "framing",
        label: "Framing",
        options: [
          { value: "raw" as const, label: "Raw score" },
          { value: "per-param" as const, label: "Score per billion parameters" },
        ],
        value: "raw" as "raw" | "per-param",
      }),
    },
    presets: [
      { label: "MMLU, raw", values: { benchmark: "MMLU", source: "all", framing: "raw" } },
      { label: "MMLU, per parameter", values: { benchmark: "MMLU", source: "all", framing: "per-param" } },
      { label: "One harness only", values: { benchmark: "MMLU", source: "leaderboard", framing: "raw" } },
    ],
    source:
      "Scores and parameter counts: data/published_scores.csv (model cards, papers and Open LLM Leaderboard rows; each point's source is in its tooltip). Closed models without a published size are left out.",
    derive: (v) => deriveScalingConfound(v, pointsOf),
    // The other benchmarks at the same source and framing, drawn ahead while the page is idle.
    draw: keptDrawing(() => scalingConfoundView(ahead)),
    readout: scalingConfoundReadoutView(ahead),
    notice: scalingConfoundNotice,
    summary: scalingConfoundSummary,
  });
}
