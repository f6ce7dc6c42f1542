import { setAttrs, setText } from "../../ui/inPlace.js";
import { palette } from "../../ui/palette.js";
import { scaleLinear } from "../../vendor/plot.js";
import { drawLinearXAxis, drawNameAxis, f2, keptChildren } from "./svgAxis.js";
import { sizePanel, svgPanel } from "./svgPanel.js";

/** One estimate with its 95% interval, in % (scores) or pp (differences). */
export interface Estimate {
  value: number;
  lower: number;
  upper: number;
}

export interface StripRow extends Estimate {
  /** The row's name on the y axis. */
  label: string;
  color: string;
  /** Dashed bar (an independent interval beside a paired one). */
  dashed?: boolean;
  /** The estimate's mark: a symbol, or a tick across the row (in the text's colour). */
  symbol?: "circle" | "square" | "diamond" | "tick";
  /** Text written above the dot, e.g. "85.8% (85.2–86.4)" (or beside the bar: `textBeside`). */
  text?: string;
}

export interface StripOptions {
  width: number;
  height: number;
  domain: [number, number];
  xLabel: string;
  ariaLabel: string;
  marginLeft?: number;
  marginTop?: number;
  /** Labels of the y axis, shortened (the full names stay in the rows). */
  tickFormat?: (label: string) => string;
  /** A solid rule at 0 (for a difference). */
  zero?: boolean;
  /** A dotted grey rule at this value when the axis reaches it (100%, which a Wald interval can pass). */
  limit?: number;
  /** Rows' texts beside the bar: right of it, or left of it when it runs near the right edge. */
  textBeside?: boolean;
  /** A shaded band [from, to] with a note above the frame ("\n" breaks the note's line). */
  band?: { from: number; to: number; note: string; noteDy: number };
  barWidth?: number;
  /** Bars' opacity (default 1) and the dots' fill (default each row's colour, ringed in the background). */
  barOpacity?: number;
  dotFill?: string;
  /** A line above the frame, from its left edge (e.g. "Gap 5 pp; each score ±7.8 pp"). */
  heading?: string;
  fontSize?: number;
}

const MARGIN_RIGHT = 20;
const MARGIN_BOTTOM = 44;

/** Each symbol with the area of a dot of radius 6 (36π), centred on 0,0, as Plot draws them. */
const SYMBOL: Record<NonNullable<StripRow["symbol"]>, string> = {
  circle: "M6,0A6,6 0 1 1 -6,0A6,6 0 1 1 6,0Z",
  square: "M-5.32,-5.32h10.63v10.63h-10.63Z",
  diamond: "M0,-9.9L5.71,0L0,9.9L-5.71,0Z",
  tick: "M0,-11.5V11.5",
};

/** A note's lines as <tspan>s, each a line below the one before. */
function lines(text: SVGTextElement, note: string, x: number) {
  const parts = note.split("\n");
  const spans = keptChildren<SVGTSpanElement>(text, "tspan", parts.length);
  spans.forEach((span, i) => {
    setAttrs(span, { x, dy: i === 0 ? "0.71em" : "1em" });
    setText(span, parts[i]!);
  });
}

/** A strip drawn again on the same nodes: call the returned function with new rows and options. */
export function keptStrip(): (rows: readonly StripRow[], o: StripOptions) => SVGSVGElement {
  const { root, parts: part } = svgPanel("interval-strip", {
    "is-axis": {},
    "is-band": {},
    "is-band-note": {},
    "is-y-names": { "text-anchor": "end", "aria-hidden": "true" },
    "is-heading": {},
    "is-zero": {},
    "is-limit": { stroke: palette.grey, "stroke-dasharray": "2,3" },
    "is-bars": {},
    "is-dots": {},
    "is-texts": { "font-size": 12 },
  });
  return (rows, o) => {
    const { width, height } = o;
    const left = o.marginLeft ?? 100;
    const top = o.marginTop ?? 30;
    const bottom = height - MARGIN_BOTTOM;
    sizePanel(root, width, height, o.fontSize ?? 13, o.ariaLabel);
    const x = scaleLinear()
      .domain(o.domain)
      .range([left, width - MARGIN_RIGHT]);
    const y = (i: number) => f2(top + ((i + 0.5) * (bottom - top)) / rows.length);
    // Where Plot ends an x label: at the drawing's right edge, not the frame's.
    drawLinearXAxis(part["is-axis"], x, { label: o.xLabel, width, y0: top, y1: bottom });
    drawBand(part["is-band"], part["is-band-note"], o, x, top, bottom);
    // The y axis: a tick and the (shortened) name of each row.
    drawNameAxis(
      part["is-y-names"],
      rows.map((_, i) => y(i)),
      rows.map((r) => (o.tickFormat ? o.tickFormat(r.label) : r.label)),
      left,
    );
    const [heading] = keptChildren<SVGTextElement>(part["is-heading"], "text", o.heading ? 1 : 0);
    if (heading) {
      setAttrs(heading, { x: left - 60, y: top - 26, dy: "0.71em", "text-anchor": "start", "font-size": 13 });
      setText(heading, o.heading!);
    }
    const [zero] = keptChildren<SVGLineElement>(part["is-zero"], "line", o.zero ? 1 : 0);
    if (zero) {
      const at = f2(x(0));
      setAttrs(zero, { x1: at, x2: at, y1: top, y2: bottom, stroke: "currentColor", "stroke-width": 1.5 });
    }
    const showLimit = o.limit !== undefined && o.domain[0] <= o.limit && o.limit <= o.domain[1];
    const [limit] = keptChildren<SVGLineElement>(part["is-limit"], "line", showLimit ? 1 : 0);
    if (limit) setAttrs(limit, { x1: f2(x(o.limit!)), x2: f2(x(o.limit!)), y1: top, y2: bottom });
    keptChildren<SVGLineElement>(part["is-bars"], "line", rows.length).forEach((bar, i) => {
      const r = rows[i]!;
      setAttrs(bar, {
        x1: f2(x(r.lower)),
        x2: f2(x(r.upper)),
        y1: y(i),
        y2: y(i),
        stroke: r.color,
        "stroke-width": o.barWidth ?? 4,
        "stroke-opacity": o.barOpacity ?? null,
        "stroke-dasharray": r.dashed ? "6,4" : null,
      });
    });
    keptChildren<SVGPathElement>(part["is-dots"], "path", rows.length).forEach((dot, i) => {
      const r = rows[i]!;
      const tick = r.symbol === "tick";
      const ringed = !tick && !o.dotFill;
      setAttrs(dot, {
        d: SYMBOL[r.symbol ?? "diamond"],
        transform: `translate(${f2(x(r.value))},${y(i)})`,
        fill: tick ? "none" : (o.dotFill ?? r.color),
        stroke: tick ? "currentColor" : ringed ? "var(--theme-background, white)" : null,
        "stroke-width": tick ? 2 : ringed ? 1.5 : null,
      });
    });
    const texted = rows.map((r, i) => [r, i] as const).filter(([r]) => r.text);
    const nearRight = o.domain[1] - 0.18 * (o.domain[1] - o.domain[0]);
    keptChildren<SVGTextElement>(part["is-texts"], "text", texted.length).forEach((t, k) => {
      const [r, i] = texted[k]!;
      const leftOfBar = r.upper > nearRight;
      setAttrs(
        t,
        o.textBeside
          ? {
              x: f2(leftOfBar ? x(r.lower) - 8 : x(r.upper) + 8),
              y: y(i),
              dy: "0.32em",
              "text-anchor": leftOfBar ? "end" : "start",
            }
          : { x: f2(x(r.value)), y: f2(y(i) - 14), dy: "0.32em", "text-anchor": null },
      );
      setText(t, r.text!);
    });
    return root;
  };
}

/** The shaded band and its note above the frame, or nothing. */
function drawBand(
  g: SVGGElement,
  noteGroup: SVGGElement,
  o: StripOptions,
  x: (v: number) => number,
  top: number,
  bottom: number,
) {
  const [rect] = keptChildren<SVGRectElement>(g, "rect", o.band ? 1 : 0);
  const [note] = keptChildren<SVGTextElement>(noteGroup, "text", o.band ? 1 : 0);
  if (!o.band || !rect || !note) return;
  const [from, to] = [x(Math.min(o.band.from, o.band.to)), x(Math.max(o.band.from, o.band.to))];
  setAttrs(rect, {
    x: f2(from),
    width: f2(to - from),
    y: top,
    height: bottom - top,
    fill: palette.grey,
    "fill-opacity": 0.15,
  });
  setAttrs(note, { y: top + o.band.noteDy, "font-size": 11 });
  lines(note, o.band.note, f2((from + to) / 2));
}

/** One strip, drawn once. */
export function intervalStrip(rows: readonly StripRow[], o: StripOptions): SVGSVGElement {
  return keptStrip()(rows, o);
}
