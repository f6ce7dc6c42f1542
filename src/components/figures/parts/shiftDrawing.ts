// Lesson 4's distribution-shift figure, drawn: a bump chart (benchmark rank left, task rank right,
// a line per model, dashed when it moves, × where two swap) and a dumbbell chart (each model's
// benchmark accuracy ○ and task accuracy ◆ with an arrow between). Plain SVG in Plot's look, kept
// across redraws: a slider moves lines, dots and labels in place, where two new Plot charts cost
// ≈ 4 ms to build on a 2-core laptop.
import { html } from "htl";
import type { ShiftedModel } from "../../sim/distributionShift.js";
import type { RenderContext } from "../../ui/explorable.js";
import { formatDiffPp, formatPercent } from "../../ui/format.js";
import { setAttrs, setText } from "../../ui/inPlace.js";
import { palette } from "../../ui/palette.js";
import { scaleLinear } from "../../vendor/plot.js";
import type { ShiftModelView } from "../shiftRanking.js";
import { drawLinearXAxis, drawNameAxis, f2, keptChildren } from "./svgAxis.js";
import { type SvgPanel, sizePanel, svgPanel } from "./svgPanel.js";

const ROW = 56;
const BUMP = { top: 40, bottom: 34 };
const BELL = { top: 40, bottom: 44, left: 80, right: 20 };
const BACKGROUND = "var(--theme-background, white)";
/** Plot's "times" symbol at r = 9, and its diamond at r = 7 (both centred on 0,0). */
const TIMES = "M-8,-8L8,8M-8,8L8,-8";
const DIAMOND = "M0,-11.55L6.66,0L0,11.55L-6.66,0Z";

type BumpPart = "heads" | "note" | "lines" | "dots" | "left" | "right" | "swaps" | "swapTexts";
type BellPart = "axis" | "names" | "legend" | "arrows" | "bench" | "task" | "diffs";

export const moveArrow = (move: number) => (move > 0 ? `▲${move}` : move < 0 ? `▼${-move}` : "=");

function drawBump(p: SvgPanel<BumpPart>, m: ShiftModelView, width: number) {
  const n = m.rows.length;
  const height = 70 + ROW * n;
  // On a phone the bump chart is ~300 px wide: short names ("A") and tighter margins, so no label is cut.
  const compact = width < 560;
  const [left, right] = compact ? [96, width - 118] : [170, width - 190];
  const bottom = height - BUMP.bottom;
  const k = m.flips.length;
  sizePanel(
    p.root,
    width,
    height,
    compact ? 12 : 14,
    `Bump chart: benchmark rank on the left, task rank on the right, ${k} crossing${k === 1 ? "" : "s"} marked`,
  );
  const x = (at: number) => f2(left + at * (right - left));
  const y = (rank: number) => f2(BUMP.top + ((rank - 0.5) / n) * (bottom - BUMP.top));
  const label = (r: ShiftedModel) => (compact ? r.name.replace(/^Model /, "") : r.name);
  // Two spaces on a wide chart (no-break: SVG text collapses runs of spaces).
  const gap = compact ? " " : "\u00a0 ";
  const dx = compact ? 9 : 12;
  keptChildren<SVGTextElement>(p.parts.heads, "text", 2).forEach((t, i) => {
    setAttrs(t, {
      x: i ? right + 12 : left - 12,
      y: BUMP.top - 22,
      dy: "0.32em",
      "text-anchor": i ? "start" : "end",
    });
    setText(t, compact ? (i ? "Your task" : "Benchmark") : i ? "Your task's rank" : "Benchmark rank");
  });
  const [note] = keptChildren<SVGTextElement>(p.parts.note, "text", 1);
  setAttrs(note!, { x: f2(width / 2), y: bottom + 26, dy: "0.32em" });
  setText(
    note!,
    compact ? "dashed: moved · ×: a swap" : "dashed line: the model changed place · ×: where two models swap",
  );
  const colour = (r: ShiftedModel) => m.colour.get(r.name) ?? "currentColor";
  // Models that keep their place: solid lines; models that move: dashed (a cue besides colour).
  keptChildren<SVGPathElement>(p.parts.lines, "path", n).forEach((line, i) => {
    const r = m.rows[i]!;
    setAttrs(line, {
      stroke: colour(r),
      "stroke-dasharray": r.move !== 0 ? "7,4" : null,
      d: `M${x(0)},${y(r.benchmarkRank)}L${x(1)},${y(r.taskRank)}`,
    });
  });
  keptChildren<SVGCircleElement>(p.parts.dots, "circle", 2 * n).forEach((dot, i) => {
    const r = m.rows[i >> 1]!;
    const task = i % 2 === 1;
    setAttrs(dot, { cx: x(task ? 1 : 0), cy: y(task ? r.taskRank : r.benchmarkRank), r: 6, fill: colour(r) });
  });
  keptChildren<SVGTextElement>(p.parts.left, "text", n).forEach((t, i) => {
    const r = m.rows[i]!;
    setAttrs(t, { x: x(0) - dx, y: y(r.benchmarkRank), dy: "0.32em" });
    setText(t, `${r.benchmarkRank}. ${label(r)}${gap}${formatPercent(r.benchmark)}`);
  });
  keptChildren<SVGTextElement>(p.parts.right, "text", n).forEach((t, i) => {
    const r = m.rows[i]!;
    setAttrs(t, { x: x(1) + dx, y: y(r.taskRank), dy: "0.32em" });
    setText(t, `${r.taskRank}. ${label(r)}${gap}${formatPercent(r.task)}${gap}${moveArrow(r.move)}`);
  });
  keptChildren<SVGPathElement>(p.parts.swaps, "path", m.crossings.length).forEach((mark, i) => {
    const c = m.crossings[i]!;
    setAttrs(mark, { d: TIMES, transform: `translate(${x(c.x)},${y(c.rank)})` });
  });
  keptChildren<SVGTextElement>(p.parts.swapTexts, "text", m.crossings.length).forEach((t, i) => {
    const c = m.crossings[i]!;
    setAttrs(t, { x: x(c.x), y: f2(y(c.rank) + 20), dy: "0.32em" });
    setText(t, c.count > 1 ? `${c.count} swaps` : "swap");
  });
}

function drawDumbbell(p: SvgPanel<BellPart>, m: ShiftModelView, width: number) {
  const n = m.rows.length;
  const height = 70 + ROW * n;
  const bottom = height - BELL.bottom;
  sizePanel(
    p.root,
    width,
    height,
    14,
    "Each model's benchmark accuracy and its accuracy on the drifted task",
  );
  const x = scaleLinear()
    .domain(m.domain)
    .range([BELL.left, width - BELL.right]);
  drawLinearXAxis(p.parts.axis, x, { label: "Accuracy (%) →", width, y0: BELL.top, y1: bottom });
  // Rows in benchmark order.
  const row = new Map(
    m.byBenchmark.map((r, i) => [r.name, f2(BELL.top + ((i + 0.5) * (bottom - BELL.top)) / n)]),
  );
  drawNameAxis(
    p.parts.names,
    m.byBenchmark.map((r) => row.get(r.name)!),
    m.byBenchmark.map((r) => r.name),
    BELL.left,
  );
  const [legend] = keptChildren<SVGTextElement>(p.parts.legend, "text", 1);
  setAttrs(legend!, { x: BELL.left - 70, y: BELL.top - 28, dy: "0.32em" });
  setText(legend!, "○ benchmark\u00a0\u00a0 ◆ your task");
  const colour = (r: ShiftedModel) => m.colour.get(r.name) ?? "currentColor";
  // From the benchmark's dot to 8 px short of the task's diamond, with a head of 10 px at ±30°.
  keptChildren<SVGPathElement>(p.parts.arrows, "path", n).forEach((arrow, i) => {
    const r = m.rows[i]!;
    const [from, to, at] = [x(100 * r.benchmark), x(100 * r.task), row.get(r.name)!];
    const sign = Math.sign(to - from);
    const end = Math.abs(to - from) > 8 ? to - 8 * sign : from;
    const head =
      end === from
        ? ""
        : `M${f2(end - sign * 8.66)},${f2(at - 5)}L${f2(end)},${at}L${f2(end - sign * 8.66)},${f2(at + 5)}`;
    setAttrs(arrow, { stroke: colour(r), d: `M${f2(from)},${at}L${f2(end)},${at}${head}` });
  });
  keptChildren<SVGCircleElement>(p.parts.bench, "circle", n).forEach((dot, i) => {
    const r = m.rows[i]!;
    setAttrs(dot, { cx: f2(x(100 * r.benchmark)), cy: row.get(r.name)!, r: 6, stroke: colour(r) });
  });
  keptChildren<SVGPathElement>(p.parts.task, "path", n).forEach((dot, i) => {
    const r = m.rows[i]!;
    setAttrs(dot, {
      d: DIAMOND,
      transform: `translate(${f2(x(100 * r.task))},${row.get(r.name)})`,
      fill: colour(r),
    });
  });
  keptChildren<SVGTextElement>(p.parts.diffs, "text", n).forEach((t, i) => {
    const r = m.rows[i]!;
    setAttrs(t, { x: f2(x(100 * r.task)), y: f2(row.get(r.name)! - 14), dy: "0.32em" });
    setText(t, formatDiffPp(r.task - r.benchmark, 1));
  });
}

/** The two charts side by side on a wide screen, one above the other otherwise; kept across redraws. */
export function shiftView() {
  const bump = svgPanel<BumpPart>("l4-bump", {
    heads: { "font-weight": 700 },
    note: { "font-size": 12 },
    lines: { fill: "none", "stroke-width": 3 },
    dots: { stroke: BACKGROUND },
    left: { "text-anchor": "end", "font-weight": 600 },
    right: { "text-anchor": "start", "font-weight": 600 },
    swaps: { fill: "none", stroke: palette.vermillion, "stroke-width": 3.5 },
    // A halo of the page's colour: on a phone the lines run close under "3 swaps".
    swapTexts: {
      fill: palette.vermillion,
      "font-weight": 700,
      "font-size": 12,
      stroke: BACKGROUND,
      "stroke-width": 4,
      "paint-order": "stroke",
    },
  });
  const bell = svgPanel<BellPart>("l4-dumbbell", {
    axis: {},
    names: { "text-anchor": "end", "aria-hidden": "true" },
    legend: { "text-anchor": "start", "font-size": 12 },
    arrows: { fill: "none", "stroke-width": 2.5 },
    bench: { fill: BACKGROUND, "stroke-width": 2 },
    task: {},
    diffs: { "font-size": 12 },
  });
  const node: HTMLElement = html`<div class="l4-pair">${bump.root}${bell.root}</div>`;
  return (m: ShiftModelView, { width }: RenderContext): Node => {
    const wide = width >= 1100;
    const w1 = wide ? Math.floor(width * 0.48) : width;
    drawBump(bump, m, w1);
    drawDumbbell(bell, m, wide ? width - w1 - 16 : width);
    return node;
  };
}
