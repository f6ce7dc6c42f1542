// Lesson 3: the scaling confound. Real published scores against parameter count (log axis),
// by size class; a switch to score per parameter, the framing Mistral 7B's paper argued for.
// Hovering (or focusing) a point shows who measured it and how.

import { keyedCache } from "../cache/keyedCache.js";
import { canonicalBenchmark } from "../compare/benchmarkNames.js";
import type { PublishedScore } from "../data/types.js";
import { choice } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";

const esc = (t: string) =>
  t.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

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

/** The rows of the "every point" table (the tooltips' content), smallest model first. */
export function pointRowsHtml(points: readonly ScalingPoint[]): string {
  return [...points]
    .sort((x, y) => x.params - y.params || y.score - x.score)
    .map(
      (p) =>
        `<tr><td>${esc(p.model)}</td><td>${p.params}B</td><td>${p.score}</td><td>${esc(p.evaluator)}</td><td>${esc(p.setup)}</td><td class="l3-source">${esc(p.source)}</td></tr>`,
    )
    .join("");
}

export interface ScalingValues extends Record<string, unknown> {
  benchmark: string;
  source: ScalingSource;
  framing: "raw" | "per-param";
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
  return explorable<ScalingValues>({
    id: "l3-scaling",
    title: "Score against size: bigger models win raw rankings",
    notice: (v) =>
      v.framing === "raw"
        ? "Within one colour (one size class) the spread is what a fair comparison sees; across colours, size does much of the work."
        : "Per parameter, the ranking turns upside down: small models lead. Neither frame alone is the answer — compare within a class, or state the budget.",
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
    render(v, { width }) {
      const points = pointsOf(v.benchmark, v.source);
      const perParam = v.framing === "per-param";
      const figure = Plot.plot({
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
        y: perParam
          ? {
              type: "log",
              label: `↑ ${v.benchmark} points per billion parameters (log scale)`,
              grid: true,
              tickFormat: "~g",
            }
          : { label: `↑ ${v.benchmark} score (%)`, grid: true },
        color: { domain: sizeClasses.map((c) => c.id), range: sizeClasses.map((c) => c.color) },
        symbol: {
          domain: sizeClasses.map((c) => c.id),
          range: sizeClasses.map((c) => c.symbol),
          legend: true,
        },
        marks: [
          Plot.dot(points, {
            x: "params",
            y: perParam ? "perParam" : "score",
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
                x: (d: number) => `${d}B`,
                y: (d: number) => (perParam ? d.toFixed(2) : `${d}`),
                fill: false,
                stroke: false,
                symbol: false,
              },
            },
          }),
        ],
      });
      const wrap = document.createElement("div");
      wrap.append(figure);
      const summary = classSummary(points);
      const readout = document.createElement("div");
      readout.className = "l3-readout";
      readout.innerHTML = `<table class="l3-class-table"><caption>${points.length} published ${v.benchmark} scores with a parameter count</caption>
        <thead><tr><th scope="col">Size class</th><th scope="col">Scores</th><th scope="col">Best raw score in the class</th></tr></thead>
        <tbody>${summary
          .map(
            (s) =>
              `<tr><th scope="row">${s.id}</th><td data-readout="class-count" data-class="${s.id}" data-value="${s.count}">${s.count}</td><td>${s.best ? esc(`${s.best.model}: ${s.best.score} (${s.best.evaluator})`) : "—"}</td></tr>`,
          )
          .join("")}</tbody></table><span hidden data-readout="points" data-value="${points.length}"></span>
        <details class="l3-points"><summary>Every point, with its source (the tooltips' content, for keyboard and screen readers)</summary>
        <table class="l3-runs"><thead><tr><th scope="col">Model</th><th scope="col">Parameters</th><th scope="col">Score</th><th scope="col">Evaluator</th><th scope="col">Setup</th><th scope="col">Source</th></tr></thead>
        <tbody></tbody></table></details>`;
      // The rows (one per point, ≈100) are written when the list is first opened: even closed,
      // they cost the redraw ≈2–3 ms of styling, on every input change.
      const details = readout.querySelector<HTMLDetailsElement>("details.l3-points")!;
      let filled = false;
      const fill = () => {
        if (filled) return;
        filled = true;
        details.querySelector("tbody")!.innerHTML = pointRowsHtml(points);
      };
      // A click on the summary (mouse, Enter, Space) fills the rows before the list opens; "toggle"
      // covers opening it any other way (find in page, a script).
      details.querySelector("summary")!.addEventListener("click", fill);
      details.addEventListener("toggle", () => {
        if (details.open) fill();
      });
      const text =
        `${points.length} ${v.benchmark} scores plotted against parameters (${v.source === "all" ? "all published numbers" : "Open LLM Leaderboard only"}), ${perParam ? "as points per billion parameters" : "as raw scores"}. ` +
        summary
          .map(
            (s) => `${s.id}: ${s.count} scores${s.best ? `, best ${s.best.model} at ${s.best.score}` : ""}`,
          )
          .join("; ") +
        ".";
      return { figure: wrap, summary: text, readout };
    },
  });
}
