// The rank chart, shared by Lesson 2's figures and the "your own results" tool: left, each
// model's score interval (dot = estimate); right, its 95% rank interval (bar) and rank (dot).
// Rows are ordered by rank. Hovering or focusing a model highlights every model it is tied with.
import { html, svg } from "htl";
import { formatPercent } from "../../ui/format.js";
import { palette } from "../../ui/palette.js";
import { type Selection, scaleLinear, select } from "../../vendor/plot.js";
import {
  LABEL_GAP,
  MAX_LABEL,
  type RankOverlapChartOptions,
  type RankOverlapLayout,
  rankIntervalsOverlap,
  rankLabelName,
  rankOverlapLayout,
} from "./rankChartLayout.js";
import type { RankOverlapRow } from "./rankRows.js";
import { f2, xAxis } from "./svgAxis.js";

export type { RankOverlapRow } from "./rankRows.js";

/** The chart element: an HTML container with a method to move the highlight without redrawing. */
export interface RankOverlapChartElement extends HTMLDivElement {
  /** Highlight a model (and its ties), or clear with null. */
  highlight(model: string | null): void;
  /** The model currently highlighted. */
  readonly highlighted: string | null;
  /** Highlight a model and keep it highlighted when the pointer leaves (null clears). */
  pin(model: string | null): void;
}

const panel = (width: number, height: number, className: string, label: string, fontSize: number) =>
  svg`<svg class=${`ro-panel ${className}`} fill="currentColor" font-family="system-ui, sans-serif" font-size=${fontSize} text-anchor="middle" width=${width} height=${height} viewBox=${`0 0 ${width} ${height}`} aria-label=${label}></svg>` as SVGSVGElement;

/**
 * A group of class `className` in `parent` holding one `tag` per row, each with `data-model`:
 * the marks that highlighting finds. Returns the rows' selection to set their attributes on.
 */
function rowMarks(
  parent: Selection<SVGSVGElement, unknown, null, undefined>,
  tag: string,
  className: string,
  rows: readonly RankOverlapRow[],
  attrs: Record<string, string | number>,
): Selection<SVGElement, RankOverlapRow, SVGGElement, unknown> {
  const group = parent.append("g").attr("class", className);
  for (const [name, value] of Object.entries(attrs)) group.attr(name, value);
  return group
    .selectAll<SVGElement, RankOverlapRow>(tag)
    .data(rows)
    .join(tag as never)
    .attr("data-model", (r) => r.model);
}

/** Each label's text, and the model's full name in a <title> (a pointer's tooltip when the label is shortened). */
function named(text: Selection<SVGElement, RankOverlapRow, SVGGElement, unknown>, labels: readonly string[]) {
  text.each(function (r, i) {
    const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
    title.textContent = r.model;
    this.append(title, labels[i]!);
  });
}

interface Drawn {
  L: RankOverlapLayout;
  y: (i: number) => number;
  tied: (a: RankOverlapRow, b: RankOverlapRow) => boolean;
  entryModel: string;
}

/** Left panel: the score interval and estimate of each row, and the model labels (the chart's tab stops). */
function scorePanel({ L, y, tied, entryModel }: Drawn, scoreLabel: string): SVGSVGElement {
  const { ordered, labels, fontSize } = L;
  const S = L.score;
  const sx = scaleLinear()
    .domain(S.domain)
    .range([S.marginLeft, S.width - S.marginRight]);
  // As Plot does, about one tick per 80 px; but a narrow panel still gets two or three.
  const tickCount = Math.max(2.5, (S.width - S.marginLeft - S.marginRight) / 80);
  const ticks = sx.ticks(tickCount);
  const tickFormat = sx.tickFormat(tickCount);
  const root = panel(
    S.width,
    L.height,
    "ro-score-panel",
    `Score and interval of ${ordered.length} models, best first`,
    fontSize,
  );
  root.append(
    svg`${xAxis(
      ticks.map((t) => sx(t)),
      ticks.map((t) => tickFormat(t)),
      {
        labelEnd: S.width - 2.5,
        label: `${scoreLabel} →`,
        grid: true,
        y0: L.marginTop,
        y1: L.height - L.marginBottom,
      },
    )}`,
  );
  // The rows' marks, one element per model, bound with d3's data join: htl parses a template on
  // every call, and 20 models × 7 marks of templates cost more than a frame on a 2-core machine.
  const g = select(root);
  rowMarks(g, "path", "ro-score-interval", ordered, {
    fill: "none",
    stroke: palette.blue,
    "stroke-width": 5,
    "stroke-linecap": "round",
  }).attr("d", (r, i) => `M${f2(sx(100 * r.lower))},${y(i)}H${f2(sx(100 * r.upper))}`);
  rowMarks(g, "circle", "ro-score-dot", ordered, {
    fill: "var(--theme-background, white)",
    stroke: "currentColor",
    "stroke-width": 1.5,
  })
    .attr("cx", (r) => f2(sx(100 * r.estimate)))
    .attr("cy", (_, i) => y(i))
    .attr("r", 4);
  rowMarks(g, "text", "ro-model-label", ordered, { "text-anchor": "end", "font-size": fontSize - 0.5 })
    .attr("x", S.marginLeft - LABEL_GAP)
    .attr("y", (_, i) => y(i))
    .attr("dy", "0.32em")
    .attr("tabindex", (r) => (r.model === entryModel ? 0 : -1))
    .attr("role", "button")
    .attr("aria-label", (r, i) => {
      let ties = 0;
      for (const o of ordered) if (o !== r && tied(r, o)) ties++;
      return rankLabelName(r, labels[i]!, ties);
    })
    // The full name in a <title>: a pointer's tooltip when the label is shortened.
    .call(named, labels);
  return root;
}

/** Right panel (below on a phone): each row's rank interval, its rank, and the interval's ends. */
function rankPanel({ L, y }: Drawn): SVGSVGElement {
  const { ordered, labels, fontSize } = L;
  const R = L.rank;
  const ranks = L.boardSize;
  const rx = (rank: number) =>
    R.marginLeft + ((rank - 0.5) / ranks) * (R.width - R.marginLeft - R.marginRight);
  const y1 = L.height - L.marginBottom;
  const root = panel(R.width, L.height, "ro-rank-panel", "Each model's 95% rank interval", fontSize);
  root.append(
    svg`<path class="ro-rank-rules" aria-hidden="true" stroke="currentColor" stroke-opacity="0.08" fill="none" d=${Array.from({ length: ranks }, (_, i) => `M${f2(rx(i + 1) + 0.5)},${L.marginTop}V${y1}`).join("")}></path>${xAxis(
      R.ticks.map(rx),
      R.ticks.map(String),
      {
        labelEnd: R.width - 2.5,
        // The full label needs ≈ 0.55 em a character; a narrow panel gets the short one.
        label: R.width - 4 >= 0.55 * fontSize * 22 ? "Plausible rank (95%) →" : "Rank (95%) →",
        grid: false,
        y0: L.marginTop,
        y1,
      },
    )}`,
  );
  const g = select(root);
  // Stacked (narrow screens): the rank panel carries short names too, so its rows can be read alone.
  if (!L.sideBySide)
    rowMarks(g, "text", "ro-rank-name", ordered, { "text-anchor": "end", "font-size": fontSize - 0.5 })
      .attr("aria-hidden", "true")
      .attr("x", R.marginLeft - LABEL_GAP)
      .attr("y", (_, i) => y(i))
      .attr("dy", "0.32em")
      .call(named, labels);
  rowMarks(g, "path", "ro-rank-interval", ordered, {
    fill: "none",
    stroke: palette.orange,
    "stroke-width": 9,
    "stroke-linecap": "round",
  }).attr("d", (r, i) => `M${f2(rx(r.rankLower - 0.35))},${y(i)}H${f2(rx(r.rankUpper + 0.35))}`);
  rowMarks(g, "circle", "ro-rank-dot", ordered, { fill: "currentColor" })
    .attr("cx", (r) => f2(rx(r.rank)))
    .attr("cy", (_, i) => y(i))
    .attr("r", 3.5);
  rowMarks(g, "text", "ro-rank-label", ordered, { "text-anchor": "start", "font-size": fontSize - 1.5 })
    .attr("x", (r) => f2(rx(r.rankUpper + 0.35) + 6))
    .attr("y", (_, i) => y(i))
    .attr("dy", "0.32em")
    .text((r) => (r.rankLower === r.rankUpper ? String(r.rank) : `${r.rankLower}–${r.rankUpper}`));
  return root;
}

/** Highlighting: the models tied with the highlighted one bold, the rest faded; keyboard and pointer. */
function interact(
  container: RankOverlapChartElement,
  { L, tied }: Drawn,
  panels: SVGSVGElement[],
  { highlight, onHighlight }: Pick<RankOverlapChartOptions, "highlight" | "onHighlight">,
) {
  const { ordered } = L;
  const m = ordered.length;
  const labelNodes = Array.from(container.querySelectorAll<SVGTextElement>("g.ro-model-label > text"));
  const indexOf = new Map(labelNodes.map((node, i) => [node, i]));
  const marks = Array.from(container.querySelectorAll<SVGElement>("[data-model]"));
  const byModel = new Map(ordered.map((r) => [r.model, r]));
  let current: string | null = null;
  let pinned: string | null = highlight ?? null;
  let marked = false;
  container.highlight = (model) => {
    current = model && byModel.has(model) ? model : null;
    const self = current ? byModel.get(current)! : null;
    const ties = new Set<string>();
    if (self) for (const o of ordered) if (o !== self && tied(self, o)) ties.add(o.model);
    container.dataset.highlight = current ?? "";
    container.dataset.tied = String(ties.size);
    if (marked) for (const node of marks) node.removeAttribute("data-state");
    marked = current !== null;
    onHighlight?.(current);
    if (!current) return;
    for (const node of marks) {
      const name = node.dataset.model!;
      node.setAttribute("data-state", name === current ? "focus" : ties.has(name) ? "tied" : "other");
    }
  };
  Object.defineProperty(container, "highlighted", { get: () => current });
  container.pin = (model) => {
    pinned = model;
    container.highlight(model);
  };
  // Keyboard: each model label is focusable (one tab stop, roving); arrows move, Escape clears.
  container.addEventListener("focusin", (event) => {
    const i = indexOf.get(event.target as SVGTextElement);
    if (i === undefined) return;
    for (const other of labelNodes) other.setAttribute("tabindex", other === event.target ? "0" : "-1");
    container.highlight(ordered[i]!.model);
  });
  container.addEventListener("keydown", (event) => {
    const i = indexOf.get(event.target as SVGTextElement);
    if (i === undefined) return;
    const step = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
    if (step) {
      event.preventDefault();
      labelNodes[Math.max(0, Math.min(m - 1, i + step))]?.focus();
    } else if (event.key === "Escape") {
      pinned = null;
      container.highlight(null);
    }
  });
  // Hover: the row under the pointer (in either panel) is highlighted. The drawing may be scaled
  // (max-width, present mode's zoom), so rows are found in the SVG's own units.
  const rowAt = (panel: SVGSVGElement, clientY: number) => {
    const box = panel.getBoundingClientRect();
    const units = box.height > 0 ? ((clientY - box.top) * L.height) / box.height : -1;
    const i = Math.floor((units - L.marginTop) / L.rowHeight);
    return i >= 0 && i < m ? ordered[i]!.model : null;
  };
  for (const p of panels) {
    p.addEventListener("pointermove", (event) => {
      const model = rowAt(p, event.clientY);
      if (model !== current) container.highlight(model);
    });
    // Leaving the chart returns to the pinned model (the one clicked, or the one asked for).
    p.addEventListener("pointerleave", () => container.highlight(pinned));
    p.addEventListener("click", () => {
      pinned = current;
    });
  }
  container.highlight(highlight ?? null);
}

/**
 * Draw a rank chart of `rows`. Returns an element; call `.highlight(model)` on it to move the
 * highlight (hover and keyboard focus do this too) without redrawing.
 */
export function rankOverlapChart(
  rows: readonly RankOverlapRow[],
  {
    highlight = null,
    tied = rankIntervalsOverlap,
    scoreLabel = "Score (%)",
    maxLabel = MAX_LABEL,
    onHighlight,
    ...layout
  }: RankOverlapChartOptions,
): RankOverlapChartElement {
  if (rows.length === 0) {
    const empty =
      html`<div class="rank-overlap-chart">No models to rank.</div>` as unknown as RankOverlapChartElement;
    Object.assign(empty, { highlight() {}, pin() {} });
    Object.defineProperty(empty, "highlighted", { get: () => null });
    return empty;
  }
  const L = rankOverlapLayout(rows, { ...layout, maxLabel });
  const ordered = L.ordered;
  const drawn: Drawn = {
    L,
    y: (i) => L.marginTop + (i + 0.5) * L.rowHeight,
    tied,
    entryModel: ordered.some((r) => r.model === highlight) ? highlight! : ordered[0]!.model,
  };
  const panels = [scorePanel(drawn, scoreLabel), rankPanel(drawn)];
  const container = html`<div class="rank-overlap-chart">
    <div class=${`rank-overlap-panels${L.sideBySide ? " side-by-side" : ""}`}>${panels}</div>
    <p class="rank-overlap-legend"><span class="swatch swatch-focus" aria-hidden="true">◆</span> highlighted model
    <span class="swatch swatch-tied" aria-hidden="true">●</span> statistically tied with it (bold)
    <span class="swatch swatch-other" aria-hidden="true">○</span> distinguishable (faded).
    Hover a row, or Tab to the model names and move with ↑ ↓ (Esc clears).</p>
  </div>` as unknown as RankOverlapChartElement;
  interact(container, drawn, panels, { highlight, onHighlight });
  return container;
}

/** A row's numbers in words, for text alternatives: "3. name 81.2% (80.5%–81.9%), ranks 2–5". */
export const rankRowText = (r: RankOverlapRow) =>
  `${r.rank}. ${r.model} ${formatPercent(r.estimate)} (${formatPercent(r.lower)}–${formatPercent(r.upper)}), ranks ${r.rankLower}–${r.rankUpper}`;
