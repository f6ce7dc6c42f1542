// Lesson 3's strip under the half-width curve: every interval method's interval at the chosen N and
// accuracy, one row each (a bar, a tick at the estimate, the interval's ends written beside it).
// Plain SVG in Plot's look, kept across redraws: a new N moves five bars and ticks and rewrites
// their texts, where a new Plot chart cost about 3.5 ms to build on a 2-core laptop.

import { setAttrs, setText } from "../../ui/inPlace.js";
import { palette } from "../../ui/palette.js";
import { scaleLinear } from "../../vendor/plot.js";
import { drawXAxis, f2, keptChildren } from "./svgAxis.js";
import { sizePanel, svgPanel } from "./svgPanel.js";

export interface MethodRow {
  method: string;
  lower: number;
  upper: number;
  estimate: number;
  chosen: boolean;
  /** Written beside the bar, e.g. "77.8–82.1" or "80.0–80.0 (zero width!)". */
  text: string;
}

export interface MethodStripOptions {
  width: number;
  domain: [number, number];
  xLabel: string;
}

const M = { top: 20, bottom: 44, left: 120, right: 24, height: 200 };

/** The strip drawn again on the same nodes: call the returned function with new rows. */
export function methodStrip(): (rows: readonly MethodRow[], o: MethodStripOptions) => SVGSVGElement {
  const p = svgPanel("ci-method-strip", {
    axis: {},
    hundred: { stroke: palette.grey, "stroke-dasharray": "2,3" },
    yTicks: { fill: "none", stroke: "currentColor", "aria-hidden": "true" },
    names: { "text-anchor": "end", "aria-hidden": "true" },
    bars: { "stroke-width": 8 },
    ticks: { stroke: "currentColor", "stroke-width": 2 },
    texts: { "font-size": 12 },
  });
  return (rows, { width, domain, xLabel }) => {
    sizePanel(p.root, width, M.height, 13, "The interval at the chosen N by method");
    const bottom = M.height - M.bottom;
    const x = scaleLinear()
      .domain(domain)
      .range([M.left, width - M.right]);
    // Rows as Plot's bands: padding 0.1 inside and out, rounded.
    const step = Math.floor((bottom - M.top) / (rows.length + 0.1));
    const band = Math.round(step * 0.9);
    const start = M.top + Math.round((bottom - M.top - step * (rows.length - 0.1)) / 2);
    const top = (i: number) => start + i * step;
    const mid = (i: number) => top(i) + band / 2;
    const count = (width - M.left - M.right) / 80;
    const ticks = x.ticks(count);
    drawXAxis(p.parts.axis, ticks.map(x), ticks.map(x.tickFormat(count)), {
      label: xLabel,
      labelEnd: width - 2.5,
      grid: true,
      y0: M.top,
      y1: bottom,
      side: "bottom",
    });
    // A dotted rule at 100% when the axis reaches it (a Wald interval can run past it).
    const [hundred] = keptChildren<SVGLineElement>(p.parts.hundred, "line", domain[1] >= 100 ? 1 : 0);
    if (hundred) setAttrs(hundred, { x1: f2(x(100)), x2: f2(x(100)), y1: M.top, y2: bottom });
    const [yTicks] = keptChildren<SVGPathElement>(p.parts.yTicks, "path", 1);
    setAttrs(yTicks!, { d: rows.map((_, i) => `M${M.left},${mid(i)}h-6`).join("") });
    keptChildren<SVGTextElement>(p.parts.names, "text", rows.length).forEach((t, i) => {
      setAttrs(t, { x: M.left - 8.5, y: mid(i), dy: "0.32em" });
      setText(t, rows[i]!.method);
    });
    keptChildren<SVGLineElement>(p.parts.bars, "line", rows.length).forEach((bar, i) => {
      const r = rows[i]!;
      setAttrs(bar, {
        x1: f2(x(r.lower)),
        x2: f2(x(r.upper)),
        y1: mid(i),
        y2: mid(i),
        stroke: r.chosen ? palette.blue : palette.grey,
      });
    });
    keptChildren<SVGLineElement>(p.parts.ticks, "line", rows.length).forEach((tick, i) => {
      const at = f2(x(rows[i]!.estimate));
      setAttrs(tick, { x1: at, x2: at, y1: top(i), y2: top(i) + band });
    });
    // The ends written right of the bar, or left of it when the bar runs near the right edge.
    const nearRight = domain[1] - 0.18 * (domain[1] - domain[0]);
    keptChildren<SVGTextElement>(p.parts.texts, "text", rows.length).forEach((t, i) => {
      const r = rows[i]!;
      const left = r.upper > nearRight;
      setAttrs(t, {
        x: f2(left ? x(r.lower) - 8 : x(r.upper) + 8),
        y: mid(i),
        dy: "0.32em",
        "text-anchor": left ? "end" : "start",
      });
      setText(t, r.text);
    });
    return p.root;
  };
}
