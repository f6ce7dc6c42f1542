// Lesson 4's three stages, drawn: a funnel (models before and after each stage, as grey and blue
// bars) and the evidence (items scored per model at each stage on a log axis, with the interval
// and power they give). Plain SVG in Plot's look, kept across redraws: a slider (or figure 2's)
// moves the bars and rewrites the labels in place, where two new Plot charts cost ≈ 5 ms to build.
import { formatCount, formatPercent, formatPlusMinus } from "../../ui/format.js";
import { setAttrs, setText } from "../../ui/inPlace.js";
import { palette } from "../../ui/palette.js";
import { scaleLinear, scaleLog } from "../../vendor/plot.js";
import { drawLogXAxis, drawNameAxis, drawXAxis, drawYAxis, f2, keptChildren } from "./svgAxis.js";
import { sizePanel, svgPanel } from "./svgPanel.js";

export interface StageBar {
  id: "filter" | "evaluate" | "pilot";
  /** The stage's short name on the axes. */
  short: string;
  /** Models in the running before and after the stage. */
  before: number;
  remaining: number;
  itemsPerModel: number;
  halfWidthPp: number;
  power: number | null;
}

const FUNNEL = { top: 30, right: 20, bottom: 30, left: 40, height: 210 };
const EVIDENCE = { top: 30, bottom: 52, height: 280 };
const FILL = { filter: palette.grey, evaluate: palette.blue, pilot: palette.green };

/** Band positions as Plot's band scale places them (padding inside and out, centred, not rounded). */
function bands(n: number, start: number, stop: number, padding: number) {
  const step = (stop - start) / Math.max(1, n - padding + 2 * padding);
  const first = start + (stop - start - step * (n - padding)) / 2;
  return { at: (i: number) => first + i * step, width: step * (1 - padding) };
}

type FunnelPart = "y" | "x" | "before" | "after" | "counts" | "zero" | "key";
type EvidencePart = "x" | "names" | "bars" | "texts";

/** The funnel, kept: call the returned function with each new set of stages. */
export function keptFunnel(): (
  stages: readonly StageBar[],
  candidates: number,
  width: number,
) => SVGSVGElement {
  const { root, parts } = svgPanel<FunnelPart>("stages-funnel", {
    y: {},
    x: {},
    before: { fill: palette.grey, "fill-opacity": 0.25 },
    after: { fill: palette.blue },
    counts: { "font-weight": 700 },
    zero: { stroke: "currentColor" },
    key: { "font-size": 12, "text-anchor": "end" },
  });
  return (stages, candidates, width) => {
    const narrow = width < 560;
    const { top, left } = FUNNEL;
    const [right, bottom] = [width - FUNNEL.right, FUNNEL.height - FUNNEL.bottom];
    sizePanel(root, width, FUNNEL.height, 14, "Models left after each stage");
    const band = bands(stages.length, left, right, 0.25);
    const centre = (i: number) => band.at(i) + band.width / 2;
    const y = scaleLinear()
      .domain([0, Math.ceil(1.2 * Math.max(candidates, 4))])
      .range([bottom, top]);
    const count = (bottom - top) / 35;
    const yTicks = y.ticks(count);
    drawYAxis(parts.y, yTicks.map(y), yTicks.map(y.tickFormat(count)), {
      label: narrow ? "↑ Models left" : "↑ Models in the running",
      x0: left,
      x1: right,
      grid: true,
    });
    drawXAxis(
      parts.x,
      stages.map((_, i) => centre(i)),
      stages.map((s) => s.short),
      { label: "", labelEnd: width, grid: false, y0: top, y1: bottom, side: "bottom" },
    );
    const bar = (rect: SVGRectElement, i: number, value: number) => {
      setAttrs(rect, {
        x: f2(band.at(i) + 4),
        width: f2(band.width - 8),
        y: f2(y(value)),
        height: f2(bottom - y(value)),
      });
    };
    keptChildren<SVGRectElement>(parts.before, "rect", stages.length).forEach((r, i) => {
      bar(r, i, stages[i]!.before);
    });
    keptChildren<SVGRectElement>(parts.after, "rect", stages.length).forEach((r, i) => {
      bar(r, i, stages[i]!.remaining);
    });
    keptChildren<SVGTextElement>(parts.counts, "text", stages.length).forEach((t, i) => {
      const s = stages[i]!;
      setAttrs(t, { x: f2(centre(i)), y: f2(y(s.before) - 10), dy: "0.32em" });
      setText(t, `${s.before} → ${s.remaining}`);
    });
    const [zero] = keptChildren<SVGLineElement>(parts.zero, "line", 1);
    setAttrs(zero!, { x1: left, x2: right, y1: bottom, y2: bottom });
    const [key] = keptChildren<SVGTextElement>(parts.key, "text", 1);
    setAttrs(key!, { x: right, y: top - 22, dy: "0.32em" });
    setText(
      key!,
      narrow ? "grey: before · blue: after" : "grey: models before the stage · blue: models after it",
    );
    return root;
  };
}

/** The evidence chart, kept: call the returned function with each new set of stages. */
export function keptEvidence(): (stages: readonly StageBar[], width: number) => SVGSVGElement {
  const { root, parts } = svgPanel<EvidencePart>("stages-evidence", {
    x: {},
    names: { "text-anchor": "end", "aria-hidden": "true" },
    bars: {},
    texts: { "text-anchor": "start", "font-weight": 600 },
  });
  return (stages, width) => {
    // On a phone the labels stand above the bars, from the axis's start.
    const narrow = width < 560;
    const [left, right] = narrow ? [64, width - 12] : [100, width - 150];
    const { top } = EVIDENCE;
    const bottom = EVIDENCE.height - EVIDENCE.bottom;
    sizePanel(
      root,
      width,
      EVIDENCE.height,
      narrow ? 12 : 14,
      "Items scored per model at each stage, with the interval and power they give",
    );
    const most = Math.max(...stages.map((s) => s.itemsPerModel));
    const x = scaleLog()
      .domain([10, Math.max(100_000, 3 * most)])
      .range([left, right]);
    drawLogXAxis(parts.x, x, { label: "Items scored per model (log scale) →", width, y0: top, y1: bottom });
    const band = bands(stages.length, top, bottom, 0.1);
    const centre = (i: number) => band.at(i) + band.width / 2;
    drawNameAxis(
      parts.names,
      stages.map((_, i) => centre(i)),
      stages.map((s) => s.short),
      left,
    );
    keptChildren<SVGRectElement>(parts.bars, "rect", stages.length).forEach((r, i) => {
      const s = stages[i]!;
      const [x1, x2] = [x(10) + 6, x(Math.max(10, s.itemsPerModel)) - 6];
      const y1 = band.at(i) + (narrow ? 24 : 6);
      setAttrs(r, {
        x: f2(x1),
        width: f2(Math.max(0, x2 - x1)),
        y: f2(y1),
        height: f2(Math.max(0, band.at(i) + band.width - 6 - y1)),
        fill: FILL[s.id],
      });
    });
    keptChildren<SVGTextElement>(parts.texts, "text", stages.length).forEach((t, i) => {
      const s = stages[i]!;
      const tail =
        s.id === "filter"
          ? " (not your task)"
          : s.power === null
            ? ""
            : `, power ${formatPercent(s.power, 0)}`;
      const text = `${formatCount(s.itemsPerModel)}: ${formatPlusMinus(s.halfWidthPp / 100, 1)}${tail}`;
      // Beside the bar's end; inside it where it would run past the drawing's edge (about
      // 8.2 px a character at 13 px bold: the benchmark's 14,042 questions did).
      const end = x(Math.max(10, s.itemsPerModel));
      const inside = !narrow && end + 6 + text.length * 8.2 > width - 2;
      setAttrs(t, {
        x: f2(narrow ? x(10) : inside ? end - 14 : end + 6),
        y: f2(centre(i) + (narrow ? -14 : 0)),
        dy: "0.32em",
        "font-size": narrow ? 12 : 13,
        "text-anchor": inside ? "end" : null,
        // Contrast at least 4.5:1 on the bar: white on blue, black on grey and green.
        fill: inside ? (s.id === "evaluate" ? "white" : "black") : null,
      });
      setText(t, text);
    });
    return root;
  };
}
