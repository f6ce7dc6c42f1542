// A shared chart part: one row per estimate, its 95% interval as a bar and the estimate as a
// dot, on a common x axis (scores in %, or a difference in pp). Lesson 3's gap figure and its
// real-paired-data figure draw their two strips each with it.
import { palette } from "../../ui/palette.js";
import * as Plot from "../../vendor/plot.js";

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
  symbol?: "circle" | "square" | "diamond";
  /** Text written above the dot, e.g. "85.8% (85.2–86.4)". */
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
  /** A shaded band [from, to] with a note above the frame. */
  band?: { from: number; to: number; note: string; noteDy: number };
  barWidth?: number;
  /** Bars' opacity (default 1) and the dots' fill (default each row's colour, ringed in the background). */
  barOpacity?: number;
  dotFill?: string;
  /** A line above the frame, from its left edge (e.g. "Gap 5 pp; each score ±7.8 pp"). */
  heading?: string;
  fontSize?: number;
}

/** The strip: one Plot call. */
export function intervalStrip(rows: readonly StripRow[], o: StripOptions): SVGSVGElement {
  const bar = (dashed: boolean) =>
    Plot.link(
      rows.filter((r) => !!r.dashed === dashed),
      {
        x1: "lower",
        x2: "upper",
        y1: "label",
        y2: "label",
        stroke: "color",
        strokeWidth: o.barWidth ?? 4,
        strokeOpacity: o.barOpacity ?? 1,
        strokeLinecap: "butt",
        ...(dashed ? { strokeDasharray: "6,4" } : {}),
      },
    );
  const svg = Plot.plot({
    width: o.width,
    height: o.height,
    marginLeft: o.marginLeft ?? 100,
    marginRight: 20,
    marginTop: o.marginTop ?? 30,
    marginBottom: 44,
    style: { fontSize: `${o.fontSize ?? 13}px` },
    x: { domain: o.domain, label: o.xLabel, grid: true, labelOffset: 38 },
    y: { domain: rows.map((r) => r.label), label: null, tickFormat: o.tickFormat },
    marks: [
      o.band ? Plot.rectX([o.band], { x1: "from", x2: "to", fill: palette.grey, fillOpacity: 0.15 }) : null,
      o.band
        ? Plot.text([o.band], {
            frameAnchor: "top",
            x: (b: { from: number; to: number }) => (b.from + b.to) / 2,
            text: "note",
            dy: o.band.noteDy,
            fontSize: 11,
            fill: "currentColor",
          })
        : null,
      o.heading
        ? Plot.text([o.heading], {
            frameAnchor: "top-left",
            dy: -26,
            dx: -60,
            textAnchor: "start",
            fontSize: 13,
          })
        : null,
      o.zero ? Plot.ruleX([0], { stroke: "currentColor", strokeWidth: 1.5 }) : null,
      bar(true),
      bar(false),
      Plot.dot(rows, {
        x: "value",
        y: "label",
        fill: o.dotFill ?? "color",
        symbol: (r: StripRow) => r.symbol ?? "diamond",
        r: 6,
        stroke: o.dotFill ? null : "var(--theme-background, white)",
      }),
      Plot.text(
        rows.filter((r) => r.text),
        { x: "value", y: "label", text: "text", dy: -14, fontSize: 12 },
      ),
    ],
  }) as SVGSVGElement;
  svg.setAttribute("aria-label", o.ariaLabel);
  return svg;
}
