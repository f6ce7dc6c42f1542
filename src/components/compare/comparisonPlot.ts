// The comparison's drawing, on Lesson 3's checker and on the compare tool: the two scores with
// their intervals, and the difference with its interval around zero. Its own module so that the
// compare tool can import Plot when the reader reaches the verdict, not with the page.
import { html } from "htl";
import { palette } from "../ui/palette.js";
import { sharePlotStyles } from "../ui/plotStyles.js";
import * as Plot from "../vendor/plot.js";
import { COMPARISON_PLOT_HEIGHT } from "./comparisonView.js";
import type { Comparison } from "./protocol.js";
import type { ScoreCard } from "./scoreCard.js";

/** The two scores with their intervals, and the difference with its interval around zero. */
export function comparisonPlot(cmp: Comparison, a: ScoreCard, b: ScoreCard, width: number): Node {
  const s = cmp.stats;
  if (!s) {
    return html`<p class="table-note">No drawing: without N for both scores there is no interval to draw.</p>`;
  }
  const marginLeft = Math.min(240, Math.max(110, width * 0.28));
  // At most 30 characters, and on a narrow plot only what fits left of the axis (about 7 px a
  // character at 13 px, with the tick gap); the cards above show the whole name.
  const maxChars = Math.min(30, Math.floor((marginLeft - 12) / 7.4));
  const label = (c: ScoreCard, who: string) => {
    const text = `${who}: ${(c.model || "unnamed").replace(/^[^/]+\//, "")}`;
    return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
  };
  const rows = [
    {
      who: label(a, "A"),
      p: 100 * s.a.estimate,
      lo: 100 * s.a.lower,
      hi: 100 * s.a.upper,
      color: palette.blue,
      symbol: "circle",
    },
    {
      who: label(b, "B"),
      p: 100 * s.b.estimate,
      lo: 100 * s.b.lower,
      hi: 100 * s.b.upper,
      color: palette.orange,
      symbol: "square",
    },
  ];
  const left = Math.min(rows[0]!.lo, rows[1]!.lo);
  const right = Math.max(rows[0]!.hi, rows[1]!.hi);
  const pad = Math.max(0.5, (right - left) * 0.25);
  const top = Plot.plot({
    width,
    height: COMPARISON_PLOT_HEIGHT - 100,
    marginLeft,
    marginRight: 24,
    marginBottom: 44,
    style: { fontSize: "13px" },
    x: {
      domain: [Math.max(0, left - pad), Math.min(100, right + pad)],
      label: "Score with its 95% interval (%) →",
      grid: true,
      labelOffset: 38,
    },
    y: { domain: rows.map((r) => r.who), label: null },
    marks: [
      Plot.link(rows, { x1: "lo", x2: "hi", y1: "who", y2: "who", stroke: "color", strokeWidth: 3 }),
      Plot.dot(rows, { x: "p", y: "who", fill: "color", symbol: "symbol", r: 6 }),
    ],
  });
  sharePlotStyles(top);
  top.setAttribute("aria-label", "The two scores with their 95% intervals");
  const ext = Math.max(Math.abs(s.lower), Math.abs(s.upper), s.mdd) * 100 * 1.2;
  const d = [{ who: "A − B", d: 100 * s.diff, lo: 100 * s.lower, hi: 100 * s.upper }];
  const bottom = Plot.plot({
    width,
    height: 100,
    marginLeft,
    marginRight: 24,
    marginBottom: 44,
    style: { fontSize: "13px" },
    x: {
      domain: [-ext, ext],
      label: "Difference A − B with its 95% interval (pp) →",
      grid: true,
      labelOffset: 38,
    },
    y: { domain: ["A − B"], label: null },
    marks: [
      Plot.rectX([{ x1: -100 * s.mdd, x2: 100 * s.mdd }], {
        x1: "x1",
        x2: "x2",
        fill: palette.grey,
        fillOpacity: 0.15,
      }),
      Plot.ruleX([0], { stroke: "currentColor", strokeWidth: 1.5 }),
      Plot.link(d, {
        x1: "lo",
        x2: "hi",
        y1: "who",
        y2: "who",
        stroke: cmp.verdict === "not-comparable" ? palette.grey : palette.blue,
        strokeWidth: 4,
        strokeDasharray: cmp.verdict === "not-comparable" ? "6,4" : "none",
      }),
      Plot.dot(d, { x: "d", y: "who", fill: "currentColor", symbol: "diamond", r: 5 }),
    ],
  });
  sharePlotStyles(bottom);
  bottom.setAttribute("aria-label", "The difference with its 95% interval; shaded: gaps this N often misses");
  return html`<div>${top}${bottom}</div>`;
}
