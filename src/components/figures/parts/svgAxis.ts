// Axes for charts drawn as plain SVG (no Plot), in Plot's look: an x axis (tick marks and labels at
// given positions, an optional grid, the label at its right end) and a y axis (ticks left, the label
// at the top-left corner). Drawn in place: a chart that keeps its nodes
// (the interval strip, the rank chart) moves the ticks and rewrites their texts when the domain
// changes, instead of building and laying out a new axis (two strips' axes built afresh cost about
// 1.7 ms on a new pair of models). Used by the rank chart, the interval strip, the Elo and pass@k
// drawings, the benchmark reference chart and the format-spread figure.

import { setAttrs, setText } from "../../ui/inPlace.js";

const SVG = "http://www.w3.org/2000/svg";

/** A coordinate with at most two decimals (short markup, sub-pixel exact enough). */
export const f2 = (x: number) => Math.round(x * 100) / 100;

/**
 * `n` children `tag` of `g`, kept by position: only missing ones are made, extra ones removed (a
 * data join by index). Written out rather than d3's selection.join: this module draws the
 * format-spread and benchmark-reference charts, whose pages load no Plot, and importing d3's
 * selection from the Plot bundle put 100 kB more JavaScript on them.
 */
export function keptChildren<T extends SVGElement>(g: Element, tag: string, n: number): T[] {
  const have = [...g.children].filter((c) => c.localName === tag) as T[];
  while (have.length < n) {
    const made = document.createElementNS(SVG, tag) as T;
    g.append(made);
    have.push(made);
  }
  for (const extra of have.splice(n)) extra.remove();
  return have;
}

export interface XAxisOptions {
  /** The axis label, end-anchored at x = `labelEnd`. */
  label: string;
  labelEnd: number;
  /** Vertical grid lines from y0 to y1 at each tick. */
  grid: boolean;
  /** The top and bottom of the plotting area. */
  y0: number;
  y1: number;
  /** Ticks up from y0 with the label at the very top, or down from y1 with the label under the tick labels. */
  side?: "top" | "bottom";
}

/** An axis's four nodes in `g` (made on first use): grid, tick marks, tick labels, the axis label. */
function axisParts(g: SVGGElement, tickAnchor: string, label: Record<string, string>) {
  if (g.childElementCount !== 4) {
    const part = (tag: string, attrs: Record<string, string>) => {
      const el = document.createElementNS(SVG, tag);
      setAttrs(el, { "aria-hidden": "true", ...attrs });
      return el;
    };
    g.replaceChildren(
      part("path", { class: "axis-grid", stroke: "currentColor", "stroke-opacity": "0.1", fill: "none" }),
      part("path", { class: "axis-ticks", stroke: "currentColor", fill: "none" }),
      part("g", { class: "axis-tick-labels", "text-anchor": tickAnchor, "font-variant": "tabular-nums" }),
      part("text", { class: "axis-label", ...label }),
    );
  }
  return [...g.children] as [SVGPathElement, SVGPathElement, SVGGElement, SVGTextElement];
}

/**
 * Draw into `g` tick marks and labels at pixel positions `xs` (lines on the half pixel, so 1 px
 * lines are crisp), on the nodes already there: only what differs is written.
 */
export function drawXAxis(
  g: SVGGElement,
  xs: readonly number[],
  texts: readonly string[],
  o: XAxisOptions,
): void {
  const [grid, ticks, labels, label] = axisParts(g, "middle", { "text-anchor": "end" });
  const top = (o.side ?? "top") === "top";
  const line = (x: number) => f2(x + 0.5);
  setAttrs(grid, { d: o.grid && xs.length ? xs.map((x) => `M${line(x)},${o.y0}V${o.y1}`).join("") : null });
  setAttrs(ticks, {
    d: xs.length
      ? (top ? xs.map((x) => `M${line(x)},${o.y0 + 1}v-6`) : xs.map((x) => `M${line(x)},${o.y1}v6`)).join("")
      : null,
  });
  keptChildren<SVGTextElement>(labels, "text", xs.length).forEach((t, i) => {
    setAttrs(t, { x: f2(xs[i]!), y: top ? o.y0 - 8.5 : o.y1 + 9, dy: top ? null : "0.71em" });
    setText(t, texts[i]!);
  });
  setAttrs(label, { x: o.labelEnd, y: top ? 3.5 : o.y1 + 36, dy: top ? "0.71em" : null });
  setText(label, o.label);
}

/** The axis as a new group (for a chart built afresh). */
export function xAxis(xs: readonly number[], texts: readonly string[], o: XAxisOptions): SVGGElement {
  const g = document.createElementNS(SVG, "g");
  drawXAxis(g, xs, texts, o);
  return g;
}

export interface YAxisOptions {
  /** The axis label, at the drawing's top-left corner ("↑ …", as Plot puts it). */
  label: string;
  /** The plotting area's left and right edges (ticks left of x0; grid lines from x0 to x1). */
  x0: number;
  x1: number;
  grid: boolean;
  /** The label turned upright beside the axis, centred on this y, instead of at the top-left corner. */
  labelBeside?: number;
}

/** A y axis at pixel positions `ys`, drawn in place like drawXAxis: left ticks, labels, a grid. */
export function drawYAxis(
  g: SVGGElement,
  ys: readonly number[],
  texts: readonly string[],
  o: YAxisOptions,
): void {
  const [grid, ticks, labels, label] = axisParts(g, "end", {});
  setAttrs(
    label,
    o.labelBeside === undefined
      ? { "text-anchor": "start", x: 3.5, y: 3.5, dy: "0.71em", transform: null }
      : {
          "text-anchor": "middle",
          x: 0,
          y: 0,
          dy: "0.71em",
          transform: `translate(3.5,${f2(o.labelBeside)}) rotate(-90)`,
        },
  );
  const line = (y: number) => f2(y + 0.5);
  setAttrs(grid, { d: o.grid && ys.length ? ys.map((y) => `M${o.x0},${line(y)}H${o.x1}`).join("") : null });
  setAttrs(ticks, { d: ys.length ? ys.map((y) => `M${o.x0},${line(y)}h-6`).join("") : null });
  keptChildren<SVGTextElement>(labels, "text", ys.length).forEach((t, i) => {
    setAttrs(t, { x: o.x0 - 8.5, y: line(ys[i]!), dy: "0.32em" });
    setText(t, texts[i]!);
  });
  setText(label, o.label);
}

/**
 * A y axis of names (one row each, an ordinal axis) drawn in place in `g`: a tick left of x0 and
 * the name end-anchored before it at each row's y. `g` carries text-anchor="end".
 */
export function drawNameAxis(
  g: SVGGElement,
  ys: readonly number[],
  names: readonly string[],
  x0: number,
  { ticks = true }: { ticks?: boolean } = {},
): void {
  const [path] = keptChildren<SVGPathElement>(g, "path", ticks ? 1 : 0);
  if (path)
    setAttrs(path, { fill: "none", stroke: "currentColor", d: ys.map((y) => `M${x0},${f2(y)}h-6`).join("") });
  keptChildren<SVGTextElement>(g, "text", ys.length).forEach((t, i) => {
    setAttrs(t, { x: x0 - 9, y: f2(ys[i]!), dy: "0.32em" });
    setText(t, names[i]!);
  });
}

/** A linear scale, as d3's: what drawLinearXAxis reads. */
interface LinearScale {
  (v: number): number;
  range(): number[];
  ticks(count: number): number[];
  tickFormat(count: number): (v: number) => string;
}

/**
 * A linear x axis under the plotting area as Plot draws one by default: about one tick per 80 px,
 * a grid, the label ending at the drawing's right edge (`width`).
 */
export function drawLinearXAxis(
  g: SVGGElement,
  x: LinearScale,
  o: { label: string; width: number; y0: number; y1: number },
): void {
  const [a = 0, b = 0] = x.range();
  const count = Math.abs(b - a) / 80;
  const ticks = x.ticks(count);
  drawXAxis(g, ticks.map(x), ticks.map(x.tickFormat(count)), {
    label: o.label,
    labelEnd: o.width - 2.5,
    grid: true,
    y0: o.y0,
    y1: o.y1,
    side: "bottom",
  });
}

/** A log scale, as d3's: what drawLogXAxis reads. */
interface LogScale {
  (v: number): number;
  ticks(): number[];
}

/** A power of ten as d3's "~s" names it: 10, 100, 1k, 10k, 100k, 1M. */
export function decadeName(t: number): string {
  return t >= 1e6 ? `${t / 1e6}M` : t >= 1000 ? `${t / 1000}k` : String(t);
}

/**
 * A log x axis under the plotting area as Plot draws one over several decades: a tick and a grid
 * line at 1–9 × each power of ten, names at the powers of ten only, the label ending at `width`.
 */
export function drawLogXAxis(
  g: SVGGElement,
  x: LogScale,
  o: { label: string; width: number; y0: number; y1: number },
): void {
  const ticks = x.ticks();
  drawXAxis(
    g,
    ticks.map(x),
    ticks.map((t) => (Number.isInteger(Math.log10(t)) ? decadeName(t) : "")),
    { label: o.label, labelEnd: o.width - 2.5, grid: true, y0: o.y0, y1: o.y1, side: "bottom" },
  );
}
