// The best-of-k figure's drawing: the simulated inflation over k (its 90% band of labs, the mean,
// the theory SE × E[max of k] dashed) with the chosen k marked, and below it the real board around
// the true and the published rating. Plain SVG in Plot's look, kept across redraws: a new k moves
// the rule, dot and label; a new simulation (battles, position) moves the curves and the board's
// rows in place, where two new Plot charts cost ≈ 7 ms to build on a 2-core laptop.
import { html } from "htl";
import type { RenderContext } from "../../ui/explorable.js";
import { clipText, formatSigned } from "../../ui/format.js";
import { setAttrs, setText } from "../../ui/inPlace.js";
import { palette } from "../../ui/palette.js";
import { scaleLinear, scaleLog } from "../../vendor/plot.js";
import { type BestOfKModel, K_MAX } from "../bestOfKModel.js";
import { chartAndRowsSizes } from "./chartAndRows.js";
import { drawLinearXAxis, drawNameAxis, drawXAxis, drawYAxis, f2, keptChildren } from "./svgAxis.js";
import { type SvgPanel, sizePanel, svgPanel } from "./svgPanel.js";

// Room above the frame for the chosen k's label below the y axis's (at 28 the two overlapped).
const CURVE = { top: 40, bottom: 44, left: 52, right: 20 };
const BOARD = { top: 24, bottom: 44, right: 20, row: 20 };
const K_TICKS = [1, 2, 3, 5, 10, 20, 50];
const LAYOUT = {
  share: 0.55,
  minChart: 200,
  wide: [260, 0.48, 380],
  rowHeight: BOARD.row,
  chrome: 60,
  minRows: 3,
} as const;

type CurvePart = "y" | "x" | "band" | "zero" | "theory" | "mean" | "notes" | "k";
type BoardPart = "x" | "names" | "dots" | "rules" | "labels";

function drawCurve(p: SvgPanel<CurvePart>, m: BestOfKModel, width: number, height: number) {
  sizePanel(
    p.root,
    width,
    height,
    13,
    "Expected inflation of the published rating against the number of variants",
  );
  const bottom = height - CURVE.bottom;
  const x = scaleLog()
    .domain([1, K_MAX])
    .range([CURVE.left, width - CURVE.right]);
  const y = scaleLinear()
    .domain([Math.min(0, ...m.sim.low), Math.max(...m.sim.high)])
    .range([bottom, CURVE.top])
    .nice();
  // As Plot does: about one y tick per 35 px.
  const count = (bottom - CURVE.top) / 35;
  const yTicks = y.ticks(count);
  drawYAxis(p.parts.y, yTicks.map(y), yTicks.map(y.tickFormat(count)), {
    label: "↑ Published rating − true rating (Elo points)",
    x0: CURVE.left,
    x1: width - CURVE.right,
    grid: true,
  });
  drawXAxis(p.parts.x, K_TICKS.map(x), K_TICKS.map(String), {
    label: "Private variants tested, k (log scale) →",
    labelEnd: width - 2.5,
    grid: true,
    y0: CURVE.top,
    y1: bottom,
    side: "bottom",
  });
  const { ks } = m.sim;
  const line = (ys: readonly number[]) =>
    ks.map((k, i) => `${i ? "L" : "M"}${f2(x(k))},${f2(y(ys[i]!))}`).join("");
  const back = [...ks.keys()].reverse().map((i) => `L${f2(x(ks[i]!))},${f2(y(m.sim.low[i]!))}`);
  const [band] = keptChildren<SVGPathElement>(p.parts.band, "path", 1);
  setAttrs(band!, { d: `${line(m.sim.high)}${back.join("")}Z` });
  const [zero] = keptChildren<SVGLineElement>(p.parts.zero, "line", 1);
  setAttrs(zero!, { x1: CURVE.left, x2: width - CURVE.right, y1: f2(y(0)), y2: f2(y(0)) });
  const [theory] = keptChildren<SVGPathElement>(p.parts.theory, "path", 1);
  setAttrs(theory!, { d: line(m.theory) });
  const [mean] = keptChildren<SVGPathElement>(p.parts.mean, "path", 1);
  setAttrs(mean!, { d: line(m.sim.inflation) });
  // Names at the right end: the band above, the two curves below.
  const last = ks.length - 1;
  const end = f2(x(ks[last]!));
  const [band90, means] = keptChildren<SVGTextElement>(p.parts.notes, "text", 2);
  setAttrs(band90!, { x: end, y: f2(y(m.sim.high[last]!) - 8), dy: "0.32em", fill: palette.blue });
  setText(band90!, "90% of labs");
  // The curves' name ends at their right end and runs left, where they fall: it goes under both
  // along its whole length (about 6.6 px a character at 11 px), not only under their ends, where
  // the curve crossed it; never below the frame.
  const meansText = "mean; dashed: SE × E[max]";
  const from = end - meansText.length * 6.6;
  const under = ks
    .map((k, i) => ({ i, reaches: x(ks[i + 1] ?? k) >= from }))
    .filter((p) => p.reaches)
    .map(({ i }) => Math.max(y(m.theory[i]!), y(m.sim.inflation[i]!)));
  setAttrs(means!, { x: end, y: f2(Math.min(bottom - 8, Math.max(...under) + 12)), dy: "0.32em" });
  setText(means!, meansText);
  // The chosen k: a rule, the simulated mean as a dot, and its value above the frame.
  const [rule, dot, label] = [
    keptChildren<SVGLineElement>(p.parts.k, "line", 1)[0]!,
    keptChildren<SVGCircleElement>(p.parts.k, "circle", 1)[0]!,
    keptChildren<SVGTextElement>(p.parts.k, "text", 1)[0]!,
  ];
  const at = f2(x(m.k));
  setAttrs(rule, { x1: at, x2: at, y1: CURVE.top, y2: bottom, stroke: palette.vermillion });
  setAttrs(dot, { cx: at, cy: f2(y(m.inflation)), r: 6 });
  setAttrs(label, {
    x: at,
    y: CURVE.top - 14,
    dy: "0.71em",
    "text-anchor": m.k > 20 ? "end" : m.k < 3 ? "start" : "middle",
  });
  setText(label, `k = ${m.k}: ${formatSigned(m.inflation, 1)} points`);
}

function drawBoard(p: SvgPanel<BoardPart>, m: BestOfKModel, width: number, rows: number) {
  const compact = width < 560;
  const left = compact ? 124 : 220;
  const near = m.near.slice(0, rows);
  const height = BOARD.row * near.length + BOARD.top + BOARD.bottom;
  const bottom = height - BOARD.bottom;
  sizePanel(p.root, width, height, 12, "The true and published rating among the real models rated near them");
  const x = scaleLinear()
    .domain([
      Math.min(m.trueRating, ...near.map((r) => r.rating)) - 3,
      Math.max(m.published, ...near.map((r) => r.rating)) + 3,
    ])
    .range([left, width - BOARD.right]);
  const y = (i: number) => f2(BOARD.top + ((i + 0.5) * (bottom - BOARD.top)) / near.length);
  drawLinearXAxis(p.parts.x, x, {
    label: "Arena rating (the real board) →",
    width,
    y0: BOARD.top,
    y1: bottom,
  });
  drawNameAxis(
    p.parts.names,
    near.map((_, i) => y(i)),
    // 13 characters fit the narrow board's 124 px column (15 ran past its left edge).
    near.map((r) => clipText(r.model, compact ? 13 : 30)),
    left,
  );
  keptChildren<SVGCircleElement>(p.parts.dots, "circle", near.length).forEach((dot, i) => {
    setAttrs(dot, { cx: f2(x(near[i]!.rating)), cy: y(i), r: 4 });
  });
  const lines = [
    { at: m.trueRating, stroke: palette.grey, width: 2, dash: "4,3", text: `true: rank ${m.rankTrue}` },
    {
      at: m.published,
      stroke: palette.vermillion,
      width: 3,
      dash: null,
      text: `published: rank ${m.rankPublished}`,
    },
  ];
  keptChildren<SVGLineElement>(p.parts.rules, "line", 2).forEach((rule, i) => {
    const l = lines[i]!;
    const at = f2(x(l.at));
    setAttrs(rule, {
      x1: at,
      x2: at,
      y1: BOARD.top,
      y2: bottom,
      stroke: l.stroke,
      "stroke-width": l.width,
      "stroke-dasharray": l.dash,
    });
  });
  // Beside their lines on a wide board; on a narrow one they would run off its right edge, so they
  // sit at the board's top corners (the true one under the names' column) in their lines' colours.
  keptChildren<SVGTextElement>(p.parts.labels, "text", 2).forEach((t, i) => {
    const l = lines[i]!;
    const published = i === 1;
    const at = compact ? (published ? width - BOARD.right : left - 110) : x(l.at) + (published ? 4 : -4);
    setAttrs(t, {
      x: f2(at),
      y: BOARD.top - 10,
      dy: "0.32em",
      fill: l.stroke,
      "text-anchor": compact === published ? "end" : "start",
    });
    setText(t, l.text);
  });
}

/**
 * The curve over the board. On a phone (a height given) the curve takes about 55% of the box and
 * the board's rows what is left.
 */
export function bestOfKView() {
  const curve = svgPanel<CurvePart>("best-of-k-curve", {
    y: {},
    x: {},
    band: { fill: palette.sky, "fill-opacity": 0.3 },
    zero: { stroke: palette.grey },
    theory: { fill: "none", stroke: palette.grey, "stroke-dasharray": "5,4", "stroke-width": 1.5 },
    mean: { fill: "none", stroke: palette.blue, "stroke-width": 2.5 },
    notes: { "text-anchor": "end", "font-size": 11 },
    k: { fill: palette.vermillion, "font-weight": 700 },
  });
  const board = svgPanel<BoardPart>("best-of-k-board", {
    x: {},
    names: { "text-anchor": "end" },
    dots: {},
    rules: {},
    labels: { "font-weight": 700 },
  });
  const node: HTMLElement = html`<div>${curve.root}${board.root}</div>`;
  return (m: BestOfKModel, context: RenderContext): Node => {
    const { chart, rows } = chartAndRowsSizes(LAYOUT, m.near.length, context);
    drawCurve(curve, m, context.width, chart);
    drawBoard(board, m, context.width, rows);
    return node;
  };
}
