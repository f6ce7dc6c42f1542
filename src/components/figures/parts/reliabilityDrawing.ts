// Lesson 4's reliability diagrams, drawn: two panels side by side (the calibrated model, the
// over-confident one), each bin's share right as a bar with the gap to its mean stated confidence
// dashed, the diagonal of perfect calibration and the panel's ECE; below, how many answers fall in
// each bin. Plain SVG in Plot's look (two facets, one y axis at the left), kept across redraws: a
// slider moves the bars in place, where the faceted Plot charts cost ≈ 6 ms to build.
import { html } from "htl";
import type { ReliabilityBin } from "../../stats/calibration.js";
import type { RenderContext } from "../../ui/explorable.js";
import { formatPercent, formatPp } from "../../ui/format.js";
import { setAttrs, setText } from "../../ui/inPlace.js";
import { palette } from "../../ui/palette.js";
import { scaleLinear } from "../../vendor/plot.js";
import type { ModelCalibration } from "../reliabilityDiagramModel.js";
import { drawXAxis, drawYAxis, f2, keptChildren } from "./svgAxis.js";
import { type SvgPanel, sizePanel, svgPanel } from "./svgPanel.js";

export type BinRow = ReliabilityBin & { model: string };

export interface ReliabilityView {
  models: readonly ModelCalibration[];
  rows: readonly BinRow[];
}

const PANELS = ["Calibrated", "Over-confident"] as const;
const DIAGRAM = { top: 34, bottom: 46, left: 56 };
const COUNTS = { top: 8, bottom: 44, height: 120 };
/** The over-confident model's dots: a triangle with a dot of radius 4's area (16π), centred. */
const TRIANGLE = "M0,-6.22L5.39,3.11L-5.39,3.11Z";

type DiagramPart = "titles" | "y" | "grid" | "x0" | "x1" | "bars" | "gaps" | "diagonals" | "dots" | "notes";
type CountsPart = "y" | "x0" | "x1" | "bars" | "zero";

/** The two panels' left edges and width: Plot's facet bands (padding between them, none outside). */
function facets(width: number, compact: boolean) {
  const right = compact ? 24 : 16;
  const padding = compact ? 0.24 : 0.12;
  const step = (width - DIAGRAM.left - right) / (2 - padding);
  const band = step * (1 - padding);
  return { at: [0, 1].map((i) => DIAGRAM.left + i * step), band };
}

const percent = (t: number) => `${Math.round(100 * t)}%`;

function drawDiagram(p: SvgPanel<DiagramPart>, m: ReliabilityView, width: number) {
  const compact = width < 600;
  const height = Math.round(Math.min(440, Math.max(300, width * 0.36)));
  const bottom = height - DIAGRAM.bottom;
  sizePanel(p.root, width, height, 14, "Reliability diagrams of the calibrated and the over-confident model");
  const { at, band } = facets(width, compact);
  const y = scaleLinear().domain([0, 1]).range([bottom, DIAGRAM.top]);
  const ticks = compact ? [0, 0.5, 1] : [0, 0.2, 0.4, 0.6, 0.8, 1];
  const x = (panel: number, v: number) => at[panel]! + v * band;
  keptChildren<SVGTextElement>(p.parts.titles, "text", 2).forEach((t, i) => {
    setAttrs(t, { x: f2(x(i, 0.5)), y: DIAGRAM.top - 12 });
    setText(t, PANELS[i]!);
  });
  drawYAxis(p.parts.y, ticks.map(y), ticks.map(percent), {
    label: "Share right in the bin →",
    x0: at[0]!,
    x1: at[0]! + band,
    grid: true,
    labelBeside: (DIAGRAM.top + bottom) / 2,
  });
  // The second panel's grid (its axis is the first panel's).
  const [grid] = keptChildren<SVGPathElement>(p.parts.grid, "path", 1);
  setAttrs(grid!, { d: ticks.map((t) => `M${f2(at[1]!)},${f2(y(t) + 0.5)}h${f2(band)}`).join("") });
  for (const i of [0, 1])
    drawXAxis(
      p.parts[i ? "x1" : "x0"],
      ticks.map((t) => x(i, t)),
      ticks.map(percent),
      {
        label:
          i === 0
            ? ""
            : compact
              ? "Stated confidence →"
              : "Stated confidence → (dashed diagonal: perfect calibration)",
        labelEnd: width - 2.5,
        grid: false,
        y0: DIAGRAM.top,
        y1: bottom,
        side: "bottom",
      },
    );
  const panel = (r: BinRow) => (r.model === PANELS[0] ? 0 : 1);
  keptChildren<SVGRectElement>(p.parts.bars, "rect", m.rows.length).forEach((bar, i) => {
    const r = m.rows[i]!;
    const [left, right] = [x(panel(r), r.lower) + 1, x(panel(r), r.upper) - 1];
    setAttrs(bar, {
      x: f2(left),
      width: f2(Math.max(0, right - left)),
      y: f2(y(r.accuracy)),
      height: f2(Math.max(0, bottom - y(r.accuracy))),
      fill: panel(r) ? palette.orange : palette.blue,
    });
  });
  // The gap between a bin's share right and its mean stated confidence (what ECE averages), dashed.
  keptChildren<SVGRectElement>(p.parts.gaps, "rect", m.rows.length).forEach((gap, i) => {
    const r = m.rows[i]!;
    const [left, right] = [x(panel(r), r.lower) + 1, x(panel(r), r.upper) - 1];
    const [a, b] = [y(r.accuracy), y(r.meanConfidence)];
    setAttrs(gap, {
      x: f2(left),
      width: f2(Math.max(0, right - left)),
      y: f2(Math.min(a, b)),
      height: f2(Math.abs(a - b)),
    });
  });
  keptChildren<SVGLineElement>(p.parts.diagonals, "line", 2).forEach((line, i) => {
    setAttrs(line, { x1: f2(x(i, 0)), y1: f2(y(0)), x2: f2(x(i, 1)), y2: f2(y(1)) });
  });
  keptChildren<SVGPathElement>(p.parts.dots, "path", m.rows.length).forEach((dot, i) => {
    const r = m.rows[i]!;
    setAttrs(dot, {
      d: panel(r) ? TRIANGLE : "M4,0A4,4 0 1 1 -4,0A4,4 0 1 1 4,0Z",
      transform: `translate(${f2(x(panel(r), r.meanConfidence))},${f2(y(r.accuracy))})`,
    });
  });
  // Each panel's ECE at its top-left corner; on a phone (panels ≈ 130 px wide) only the ECE.
  setAttrs(p.parts.notes, { "font-size": compact ? 11.5 : 13 });
  keptChildren<SVGTextElement>(p.parts.notes, "text", 2).forEach((t, i) => {
    const c = m.models[i]!;
    const lines = compact
      ? [`ECE ${formatPp(c.ece, 1)}`]
      : [
          `ECE ${formatPp(c.ece, 1)}`,
          `accuracy ${formatPercent(c.accuracy)}`,
          `mean conf. ${formatPercent(c.meanConfidence)}`,
        ];
    keptChildren<SVGTSpanElement>(t, "tspan", lines.length).forEach((span, k) => {
      setAttrs(span, { x: f2(x(i, 0) + 8), dy: k ? "1.2em" : "0.71em" });
      setText(span, lines[k]!);
    });
    setAttrs(t, { y: DIAGRAM.top + 6 });
  });
}

function drawCounts(p: SvgPanel<CountsPart>, m: ReliabilityView, width: number) {
  const compact = width < 600;
  const bottom = COUNTS.height - COUNTS.bottom;
  sizePanel(p.root, width, COUNTS.height, 12, "How many answers fall in each confidence bin");
  const { at, band } = facets(width, compact);
  const x = (panel: number, v: number) => at[panel]! + v * band;
  const y = scaleLinear()
    .domain([0, Math.max(1, ...m.rows.map((r) => r.count))])
    .range([bottom, COUNTS.top]);
  const yTicks = y.ticks(2);
  drawYAxis(p.parts.y, yTicks.map(y), yTicks.map(y.tickFormat(2)), {
    label: "Answers →",
    x0: at[0]!,
    x1: at[0]! + band,
    grid: false,
    labelBeside: (COUNTS.top + bottom) / 2,
  });
  const ticks = compact ? [0, 0.5, 1] : [0, 0.2, 0.4, 0.6, 0.8, 1];
  for (const i of [0, 1])
    drawXAxis(
      p.parts[i ? "x1" : "x0"],
      ticks.map((t) => x(i, t)),
      ticks.map(percent),
      {
        label: i === 0 ? "" : "Stated confidence →",
        labelEnd: width - 2.5,
        grid: false,
        y0: COUNTS.top,
        y1: bottom,
        side: "bottom",
      },
    );
  keptChildren<SVGRectElement>(p.parts.bars, "rect", m.rows.length).forEach((bar, i) => {
    const r = m.rows[i]!;
    const panel = r.model === PANELS[0] ? 0 : 1;
    const [left, right] = [x(panel, r.lower) + 1, x(panel, r.upper) - 1];
    setAttrs(bar, {
      x: f2(left),
      width: f2(Math.max(0, right - left)),
      y: f2(y(r.count)),
      height: f2(Math.max(0, bottom - y(r.count))),
    });
  });
  keptChildren<SVGLineElement>(p.parts.zero, "line", 2).forEach((line, i) => {
    setAttrs(line, { x1: f2(x(i, 0)), x2: f2(x(i, 1)), y1: bottom, y2: bottom });
  });
}

/** Both charts, kept across redraws: call the returned function with each new model. */
export function reliabilityView() {
  const diagram = svgPanel<DiagramPart>("reliability-diagram", {
    titles: { "aria-hidden": "true" },
    y: {},
    grid: { fill: "none", stroke: "currentColor", "stroke-opacity": 0.1, "aria-hidden": "true" },
    x0: {},
    x1: {},
    bars: { "fill-opacity": 0.8 },
    gaps: {
      stroke: palette.vermillion,
      "stroke-width": 1.5,
      "stroke-dasharray": "3,2",
      fill: palette.vermillion,
      "fill-opacity": 0.12,
    },
    diagonals: { stroke: "currentColor", "stroke-dasharray": "6,4", "stroke-width": 1.2 },
    dots: {},
    // A halo in the background colour keeps the notes readable over bars and the diagonal.
    notes: {
      "text-anchor": "start",
      "font-weight": 600,
      stroke: "var(--theme-background, white)",
      "stroke-width": 4,
      "paint-order": "stroke",
    },
  });
  const counts = svgPanel<CountsPart>("reliability-counts", {
    y: {},
    x0: {},
    x1: {},
    bars: { fill: palette.grey },
    zero: { stroke: "currentColor" },
  });
  const node: HTMLElement = html`<div>${diagram.root}${counts.root}</div>`;
  return (m: ReliabilityView, { width }: RenderContext): Node => {
    drawDiagram(diagram, m, width);
    drawCounts(counts, m, width);
    return node;
  };
}
