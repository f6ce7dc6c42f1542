// An x axis for charts drawn as plain SVG (htl's svg, no Plot): tick marks and labels at given
// positions, an optional grid, and the axis label at its right end. Used by the rank chart, the
// benchmark reference chart and the format-spread figure.
import { svg } from "htl";

/** A coordinate with at most two decimals (short markup, sub-pixel exact enough). */
export const f2 = (x: number) => Math.round(x * 100) / 100;

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

/** Tick marks and labels at pixel positions `xs` (lines on the half pixel, so 1 px lines are crisp). */
export function xAxis(xs: readonly number[], texts: readonly string[], o: XAxisOptions) {
  const top = (o.side ?? "top") === "top";
  const line = (x: number) => f2(x + 0.5);
  const ticks = top ? xs.map((x) => `M${line(x)},${o.y0 + 1}v-6`) : xs.map((x) => `M${line(x)},${o.y1}v6`);
  return svg`${
    o.grid && xs.length
      ? svg`<path class="axis-grid" aria-hidden="true" stroke="currentColor" stroke-opacity="0.1" fill="none" d=${xs.map((x) => `M${line(x)},${o.y0}V${o.y1}`).join("")}></path>`
      : null
  }${
    xs.length
      ? svg`<path class="axis-ticks" aria-hidden="true" stroke="currentColor" fill="none" d=${ticks.join("")}></path>
      <g class="axis-tick-labels" aria-hidden="true" text-anchor="middle" font-variant="tabular-nums">${xs.map((x, i) => svg`<text x=${f2(x)} y=${top ? o.y0 - 8.5 : o.y1 + 9} dy=${top ? null : "0.71em"}>${texts[i]}</text>`)}</g>`
      : null
  }<text class="axis-label" aria-hidden="true" text-anchor="end" x=${o.labelEnd} y=${top ? 3.5 : o.y1 + 36} dy=${top ? "0.71em" : null}>${o.label}</text>`;
}
