// Lesson 3's "one model, several numbers", drawn: one row per published number on the score axis,
// over a shaded band (the noise of a gap between two different models, around the lowest number)
// with its key above the frame. Plain SVG in Plot's look, kept across redraws: a new model and
// benchmark moves the rows in place (two to six of them), where a new Plot chart cost ≈ 3 ms to
// build and more to lay out.
import { formatCount, formatPlusMinus } from "../../ui/format.js";
import { setAttrs, setText } from "../../ui/inPlace.js";
import { categorical, palette } from "../../ui/palette.js";
import { scaleLinear } from "../../vendor/plot.js";
import { drawLinearXAxis, drawNameAxis, f2, keptChildren } from "./svgAxis.js";
import { sizePanel, svgPanel } from "./svgPanel.js";

export interface SameModelView {
  /** One row per published number: its label (already fitted to the margin) and score (%). */
  points: readonly { label: string; score: number }[];
  benchmark: string;
  model: string;
  /** Questions in the benchmark. */
  n: number;
  /** The lowest number and the band's half-width (pp). */
  low: number;
  halfWidth: number;
  domain: [number, number];
}

/**
 * Plot's filled symbols at r = 7 (d3-shape's symbols of area 49π, two decimals), one per row in
 * turn; the shape tells the rows apart without colour.
 */
const SYMBOLS = [
  "M7,0A7,7,0,1,1,-7,0A7,7,0,1,1,7,0",
  "M-6.2,-6.2h12.41v12.41h-12.41Z",
  "M0,-10.89L9.43,5.44L-9.43,5.44Z",
  "M0,-11.55L6.67,0L0,11.55L-6.67,0Z",
  "M0,-11.71L2.63,-3.62L11.14,-3.62L4.25,1.38L6.88,9.47L0,4.47L-6.88,9.47L-4.25,1.38L-11.14,-3.62L-2.63,-3.62Z",
  "M-8.32,-2.77L-2.77,-2.77L-2.77,-8.32L2.77,-8.32L2.77,-2.77L8.32,-2.77L8.32,2.77L2.77,2.77L2.77,8.32L-2.77,8.32L-2.77,2.77L-8.32,2.77Z",
  "M3.35,1.93L3.35,8.63L-3.35,8.63L-3.35,1.93L-9.15,-1.42L-5.8,-7.21L0,-3.87L5.8,-7.21L9.15,-1.42Z",
];

const M = { top: 40, right: 50, bottom: 44, row: 34 };

/** The left margin for the row labels at this width (the figure fits the labels to it). */
export const sameModelMarginLeft = (width: number) => Math.min(300, Math.max(150, width * 0.36));

type Part = "band" | "low" | "key" | "x" | "rows" | "names" | "dots" | "scores";

/** The drawing, kept: call the returned function with each new view. */
export function keptSameModel(): (v: SameModelView, width: number) => SVGSVGElement {
  const { root, parts } = svgPanel<Part>("same-model", {
    band: { fill: palette.grey, "fill-opacity": 0.18 },
    low: { stroke: palette.grey, "stroke-dasharray": "3,3" },
    key: { "font-size": 11, "text-anchor": "end" },
    x: {},
    rows: { stroke: "currentColor", "stroke-opacity": 0.08 },
    names: { "text-anchor": "end", "aria-hidden": "true" },
    dots: {},
    scores: { "text-anchor": "start", "font-weight": 700 },
  });
  return (v, width) => {
    const compact = width < 560;
    const left = sameModelMarginLeft(width);
    const height = 84 + M.row * v.points.length;
    const [top, bottom, right] = [M.top, height - M.bottom, width - M.right];
    sizePanel(root, width, height, 13, `${v.model}'s published ${v.benchmark} scores`);
    const x = scaleLinear().domain(v.domain).range([left, right]);
    // Rows as Plot's point scale puts them: evenly, half a step in from each end.
    const y = (i: number) => f2(top + ((i + 0.5) * (bottom - top)) / v.points.length);
    drawLinearXAxis(parts.x, x, {
      label: `${v.benchmark} score (%), N = ${formatCount(v.n)} →`,
      width,
      y0: top,
      y1: bottom,
    });
    // The yardstick: within this band of the lowest number, a gap between two different models'
    // scores would be within sampling noise (95%).
    const [band] = keptChildren<SVGRectElement>(parts.band, "rect", 1);
    const [from, to] = [x(v.low - v.halfWidth), x(v.low + v.halfWidth)];
    setAttrs(band!, { x: f2(from), width: f2(to - from), y: top, height: bottom - top });
    const [rule] = keptChildren<SVGLineElement>(parts.low, "line", 1);
    setAttrs(rule!, { x1: f2(x(v.low)), x2: f2(x(v.low)), y1: top, y2: bottom });
    // The band's key, above the frame, ending at its right edge and running left over the labels' margin.
    const [key] = keptChildren<SVGTextElement>(parts.key, "text", 1);
    setAttrs(key!, { x: right, y: top - 24, dy: "0.32em" });
    const band95 = formatPlusMinus(v.halfWidth / 100);
    setText(
      key!,
      compact
        ? `shaded: ${band95}, two-model noise`
        : `shaded: ${band95} around the lowest number, the noise of a gap between two models`,
    );
    const ys = v.points.map((_, i) => y(i));
    keptChildren<SVGLineElement>(parts.rows, "line", ys.length).forEach((line, i) => {
      setAttrs(line, { x1: left, x2: right, y1: ys[i]!, y2: ys[i]! });
    });
    drawNameAxis(
      parts.names,
      ys,
      v.points.map((p) => p.label),
      left,
    );
    keptChildren<SVGPathElement>(parts.dots, "path", ys.length).forEach((dot, i) => {
      setAttrs(dot, {
        d: SYMBOLS[i % SYMBOLS.length]!,
        fill: categorical[i % categorical.length]!,
        transform: `translate(${f2(x(v.points[i]!.score))},${ys[i]})`,
      });
    });
    keptChildren<SVGTextElement>(parts.scores, "text", ys.length).forEach((t, i) => {
      setAttrs(t, { x: f2(x(v.points[i]!.score) + 12), y: ys[i]!, dy: "0.32em" });
      setText(t, String(v.points[i]!.score));
    });
    return root;
  };
}
