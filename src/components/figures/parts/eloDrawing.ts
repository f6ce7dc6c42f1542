// Lesson 2's simulated arena, drawn: a slope chart (each model's rank by accuracy, left, joined to
// its rank by arena rating, right; dashed where the two differ) and each model's rating with its
// bootstrap interval, best first. Plain SVG in Plot's look, made once and moved in place: a new
// seed, style weight or vote count moves 8 lines, 16 dots, 16 labels and 8 bars and rewrites a
// few texts, where two new Plot charts cost about 5 ms to build and lay out on a 2-core laptop.
import { html } from "htl";
import type { RenderContext } from "../../ui/explorable.js";
import { clipText, formatPercent } from "../../ui/format.js";
import { setAttrs, setText } from "../../ui/inPlace.js";
import { scaleLinear } from "../../vendor/plot.js";
import type { EloComparison, EloModel } from "../eloVsAccuracy.js";
import { drawLinearXAxis, drawNameAxis, f2, keptChildren } from "./svgAxis.js";
import { type SvgPanel, sizePanel, svgPanel } from "./svgPanel.js";

type SlopePart = "heads" | "lines" | "dots" | "left" | "right";
type RatingsPart = "axis" | "mean" | "names" | "bars" | "dots";

const ROW = 34;
const SLOPE = { top: 40, bottom: 12 };
// The bottom margin holds the tick labels and, under them, the axis's label (as the interval strip's);
// the top one only clears the slope chart above, whose last row ends its own drawing.
const RATINGS = { left: 130, right: 20, top: 14, bottom: 44 };
const HEADINGS = ["By accuracy", "By arena rating"] as const;

/** The slope chart on its nodes: both ends of each model's line at its two ranks. */
function drawSlope(s: SvgPanel<SlopePart>, m: EloModel, width: number) {
  const n = m.rows.length;
  const height = SLOPE.top + n * ROW + 10 + SLOPE.bottom;
  // Labels sit outside the two columns; on a phone they get a third of the width each: names
  // only (the table below has the numbers), clipped to fit, and shorter column headings.
  const margin = Math.min(185, Math.round(width * 0.36));
  const compact = margin < 185;
  const fits = Math.floor((margin - 12) / 6.6);
  sizePanel(
    s.root,
    width,
    height,
    compact ? 12 : 13,
    "Slope chart: each model's rank by accuracy (left) and by arena rating (right)",
  );
  const xs = [margin, width - margin];
  const y = (rank: number) => f2(SLOPE.top + ((rank - 0.5) / n) * (height - SLOPE.top - SLOPE.bottom));
  const [ticks] = keptChildren<SVGPathElement>(s.parts.heads, "path", 1);
  setAttrs(ticks!, {
    fill: "none",
    stroke: "currentColor",
    d: xs.map((x) => `M${f2(x + 0.5)},${SLOPE.top}v-6`).join(""),
  });
  keptChildren<SVGTextElement>(s.parts.heads, "text", 2).forEach((t, i) => {
    setAttrs(t, { x: xs[i]!, y: SLOPE.top - 9 });
    setText(t, compact ? (i ? "Rating" : "Accuracy") : HEADINGS[i]!);
  });
  const colour = (r: EloComparison) => m.colour.get(r.model) ?? "currentColor";
  keptChildren<SVGPathElement>(s.parts.lines, "path", n).forEach((line, i) => {
    const r = m.rows[i]!;
    setAttrs(line, {
      "data-model": r.model,
      stroke: colour(r),
      "stroke-dasharray": r.accuracyRank !== r.ratingRank ? "7,4" : null,
      d: `M${xs[0]},${y(r.accuracyRank)}L${xs[1]},${y(r.ratingRank)}`,
    });
  });
  const ends = m.rows.flatMap((r) => [
    { r, side: 0, rank: r.accuracyRank, label: `${r.model} ${formatPercent(r.accuracy, 0)}` },
    { r, side: 1, rank: r.ratingRank, label: `${r.model} ${Math.round(r.rating)}` },
  ]);
  keptChildren<SVGCircleElement>(s.parts.dots, "circle", ends.length).forEach((dot, i) => {
    const e = ends[i]!;
    setAttrs(dot, { "data-model": e.r.model, cx: xs[e.side]!, cy: y(e.rank), r: 5, fill: colour(e.r) });
  });
  for (const side of [0, 1]) {
    const mine = ends.filter((e) => e.side === side);
    keptChildren<SVGTextElement>(s.parts[side ? "right" : "left"], "text", mine.length).forEach((t, i) => {
      const e = mine[i]!;
      setAttrs(t, { "data-model": e.r.model, x: xs[side]! + (side ? 9 : -9), y: y(e.rank), dy: "0.32em" });
      setText(t, clipText(`${e.rank}. ${compact ? e.r.model : e.label}`, fits));
    });
  }
  setAttrs(s.parts.left, { "font-size": compact ? 11.5 : 12.5 });
  setAttrs(s.parts.right, { "font-size": compact ? 11.5 : 12.5 });
}

/** Each model's rating (dot) and 95% bootstrap interval (bar), a row per model, best first. */
function drawRatings(p: SvgPanel<RatingsPart>, m: EloModel, width: number) {
  const n = m.rows.length;
  const height = RATINGS.top + n * ROW - 6 + RATINGS.bottom;
  sizePanel(p.root, width, height, 13, "Each model's Bradley–Terry rating with its 95% bootstrap interval");
  const bottom = height - RATINGS.bottom;
  const x = scaleLinear()
    .domain(m.ratingDomain)
    .range([RATINGS.left, width - RATINGS.right]);
  // As Plot does: rows at the middle of equal steps, about one tick per 80 px.
  const y = (rank: number) => f2(RATINGS.top + ((rank - 0.5) * (bottom - RATINGS.top)) / n);
  drawLinearXAxis(p.parts.axis, x, {
    label: "Arena rating (Elo scale, mean 1000) →",
    width,
    y0: RATINGS.top,
    y1: bottom,
  });
  const [mean] = keptChildren<SVGLineElement>(p.parts.mean, "line", 1);
  const at = f2(x(1000));
  setAttrs(mean!, { x1: at, x2: at, y1: RATINGS.top, y2: bottom });
  // Names only (Plot's tickSize 0); a model's name sits in its rating rank's row.
  const byRank = [...m.rows].sort((a, b) => a.ratingRank - b.ratingRank);
  drawNameAxis(
    p.parts.names,
    byRank.map((r) => y(r.ratingRank)),
    byRank.map((r) => r.model),
    RATINGS.left + 3,
    { ticks: false },
  );
  keptChildren<SVGLineElement>(p.parts.bars, "line", n).forEach((bar, i) => {
    const r = m.rows[i]!;
    const shown = Number.isFinite(r.lower);
    setAttrs(bar, {
      "data-model": r.model,
      x1: shown ? f2(x(r.lower)) : null,
      x2: shown ? f2(x(r.upper)) : null,
      y1: y(r.ratingRank),
      y2: y(r.ratingRank),
      stroke: m.colour.get(r.model) ?? "currentColor",
      visibility: shown ? null : "hidden",
    });
  });
  keptChildren<SVGCircleElement>(p.parts.dots, "circle", n).forEach((dot, i) => {
    const r = m.rows[i]!;
    setAttrs(dot, {
      "data-model": r.model,
      "data-rating": r.rating,
      cx: f2(x(r.rating)),
      cy: y(r.ratingRank),
      r: 4.5,
    });
  });
}

/** The two charts, kept across redraws: call the returned function with each new model. */
export function eloView() {
  const slope = svgPanel<SlopePart>("l2-slope", {
    heads: { "text-anchor": "middle", "aria-hidden": "true" },
    lines: { fill: "none", "stroke-width": 2.5 },
    dots: {},
    left: { "text-anchor": "end" },
    right: { "text-anchor": "start" },
  });
  const ratings = svgPanel<RatingsPart>("l2-ratings", {
    axis: {},
    mean: { stroke: "currentColor", "stroke-opacity": 0.3 },
    names: { "text-anchor": "end", "aria-hidden": "true" },
    bars: { "stroke-width": 6, "stroke-linecap": "round", "stroke-opacity": 0.75 },
    dots: {},
  });
  const node: HTMLElement = html`<div class="l2-two-panel">${slope.root}${ratings.root}</div>`;
  return (m: EloModel, { width }: RenderContext): Node => {
    const wide = width >= 1000;
    const slopeWidth = wide ? Math.round(Math.min(600, width * 0.5)) : Math.min(width, 640);
    drawSlope(slope, m, slopeWidth);
    drawRatings(ratings, m, wide ? width - slopeWidth - 16 : width);
    return node;
  };
}
