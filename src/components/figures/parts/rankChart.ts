// The rank chart, shared by Lesson 2's figures and the "your own results" tool: left, each
// model's score interval (dot = estimate); right, its 95% rank interval (bar) and rank (dot).
// Rows are ordered by rank. Hovering or focusing a model highlights every model it is tied with.
// The chart is made once and drawn again on the same nodes (`.update`): a slider moves its marks
// rather than rebuilding 140 of them, and only the attributes and texts that change are written.
import { html, svg } from "htl";
import { formatPercent } from "../../ui/format.js";
import { setAttrs, setText } from "../../ui/inPlace.js";
import { palette } from "../../ui/palette.js";
import { scaleLinear, select } from "../../vendor/plot.js";
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
import { drawXAxis, f2, keptChildren } from "./svgAxis.js";

export type { RankOverlapRow } from "./rankRows.js";

/** The chart element: an HTML container with methods to move the highlight, or draw new rows, without rebuilding. */
export interface RankOverlapChartElement extends HTMLDivElement {
  /** Highlight a model (and its ties), or clear with null. */
  highlight(model: string | null): void;
  /** The model currently highlighted. */
  readonly highlighted: string | null;
  /** Highlight a model and keep it highlighted when the pointer leaves (null clears). */
  pin(model: string | null): void;
  /** Draw `rows` on the same nodes (a highlighted model that is still drawn stays highlighted). */
  update(rows: readonly RankOverlapRow[], options: RankOverlapChartOptions): void;
}

const SVG = "http://www.w3.org/2000/svg";

/** A panel's <svg> holding one group per kind of mark, in drawing order (made once). */
function panel(className: string, groups: readonly string[]): SVGSVGElement {
  const root =
    svg`<svg class=${`ro-panel ${className}`} fill="currentColor" font-family="system-ui, sans-serif" text-anchor="middle"></svg>` as SVGSVGElement;
  for (const name of groups) {
    const g = document.createElementNS(SVG, "g");
    g.setAttribute("class", name);
    root.append(g);
  }
  return root;
}

/** The panel's group of class `name`. */
const group = (root: SVGSVGElement, name: string) => root.querySelector<SVGGElement>(`:scope > g.${name}`)!;

/**
 * One `tag` per row in `g` (kept by position: only missing ones are made, extra ones removed), each
 * with `data-model` (the marks that highlighting finds) and the attributes `attrs` gives it.
 */
function rowMarks(
  g: SVGGElement,
  tag: string,
  rows: readonly RankOverlapRow[],
  attrs: (r: RankOverlapRow, i: number) => Record<string, string | number | null>,
): SVGElement[] {
  const marks = select(g)
    .selectChildren<SVGElement, RankOverlapRow>(tag)
    .data(rows)
    .join(tag as never);
  return marks.nodes().map((node, i) => {
    const r = rows[i]!;
    setAttrs(node, { "data-model": r.model, ...attrs(r, i) });
    return node;
  });
}

/** A label's text, with the model's full name in a <title> (a pointer's tooltip when the label is shortened). */
function named(node: SVGElement, model: string, label: string) {
  if (node.childNodes.length !== 2 || node.firstChild!.nodeName !== "title") {
    const title = document.createElementNS(SVG, "title");
    node.replaceChildren(title, "");
  }
  setText(node.firstChild!, model);
  setText(node.lastChild!, label);
}

interface Drawn {
  L: RankOverlapLayout;
  y: (i: number) => number;
  tied: (a: RankOverlapRow, b: RankOverlapRow) => boolean;
}

/** Left panel: the score interval and estimate of each row, and the model labels (the chart's tab stops). */
function drawScore(root: SVGSVGElement, { L, y, tied }: Drawn, scoreLabel: string, entry: number) {
  const { ordered, labels, fontSize } = L;
  const S = L.score;
  setAttrs(root, {
    width: S.width,
    height: L.height,
    viewBox: `0 0 ${S.width} ${L.height}`,
    "font-size": fontSize,
    "aria-label": `Score and interval of ${ordered.length} models, best first`,
  });
  const sx = scaleLinear()
    .domain(S.domain)
    .range([S.marginLeft, S.width - S.marginRight]);
  // As Plot does, about one tick per 80 px; but a narrow panel still gets two or three.
  const tickCount = Math.max(2.5, (S.width - S.marginLeft - S.marginRight) / 80);
  const ticks = sx.ticks(tickCount);
  const tickFormat = sx.tickFormat(tickCount);
  const xs = ticks.map((t) => sx(t));
  const texts = ticks.map((t) => tickFormat(t));
  drawXAxis(group(root, "ro-axis"), xs, texts, {
    labelEnd: S.width - 2.5,
    label: `${scoreLabel} →`,
    grid: true,
    y0: L.marginTop,
    y1: L.height - L.marginBottom,
  });
  rowMarks(group(root, "ro-score-interval"), "path", ordered, (r, i) => ({
    d: `M${f2(sx(100 * r.lower))},${y(i)}H${f2(sx(100 * r.upper))}`,
  }));
  rowMarks(group(root, "ro-score-dot"), "circle", ordered, (r, i) => ({
    cx: f2(sx(100 * r.estimate)),
    cy: y(i),
    r: 4,
  }));
  const labelGroup = group(root, "ro-model-label");
  setAttrs(labelGroup, { "font-size": fontSize - 0.5 });
  // The roving tab stop stays on the row that has it (a learner moving through rows keeps their place).
  const stop = [...labelGroup.children].findIndex((node) => node.getAttribute("tabindex") === "0");
  const tabStop = stop >= 0 && stop < ordered.length ? stop : entry;
  return rowMarks(labelGroup, "text", ordered, (r, i) => {
    let ties = 0;
    for (const o of ordered) if (o !== r && tied(r, o)) ties++;
    return {
      x: S.marginLeft - LABEL_GAP,
      y: y(i),
      dy: "0.32em",
      tabindex: i === tabStop ? 0 : -1,
      role: "button",
      "aria-label": rankLabelName(r, labels[i]!, ties),
    };
  }).map((node, i) => {
    named(node, ordered[i]!.model, labels[i]!);
    return node as SVGTextElement;
  });
}

/** Right panel (below on a phone): each row's rank interval, its rank, and the interval's ends. */
function drawRank(root: SVGSVGElement, { L, y }: Drawn) {
  const { ordered, labels, fontSize } = L;
  const R = L.rank;
  const ranks = L.boardSize;
  const rx = (rank: number) =>
    R.marginLeft + ((rank - 0.5) / ranks) * (R.width - R.marginLeft - R.marginRight);
  const y1 = L.height - L.marginBottom;
  setAttrs(root, {
    width: R.width,
    height: L.height,
    viewBox: `0 0 ${R.width} ${L.height}`,
    "font-size": fontSize,
    "aria-label": "Each model's 95% rank interval",
  });
  const [rules] = keptChildren<SVGPathElement>(group(root, "ro-rank-rules"), "path", 1);
  setAttrs(rules!, {
    d: Array.from({ length: ranks }, (_, i) => `M${f2(rx(i + 1) + 0.5)},${L.marginTop}V${y1}`).join(""),
  });
  drawXAxis(group(root, "ro-axis"), R.ticks.map(rx), R.ticks.map(String), {
    labelEnd: R.width - 2.5,
    // The full label needs ≈ 0.55 em a character; a narrow panel gets the short one.
    label: R.width - 4 >= 0.55 * fontSize * 22 ? "Plausible rank (95%) →" : "Rank (95%) →",
    grid: false,
    y0: L.marginTop,
    y1,
  });
  // Stacked (narrow screens): the rank panel carries short names too, so its rows can be read alone.
  const names = group(root, "ro-rank-name");
  setAttrs(names, { "text-anchor": "end", "font-size": fontSize - 0.5, "aria-hidden": "true" });
  rowMarks(names, "text", L.sideBySide ? [] : ordered, (_, i) => ({
    x: R.marginLeft - LABEL_GAP,
    y: y(i),
    dy: "0.32em",
  })).forEach((node, i) => {
    named(node, ordered[i]!.model, labels[i]!);
  });
  rowMarks(group(root, "ro-rank-interval"), "path", ordered, (r, i) => ({
    d: `M${f2(rx(r.rankLower - 0.35))},${y(i)}H${f2(rx(r.rankUpper + 0.35))}`,
  }));
  rowMarks(group(root, "ro-rank-dot"), "circle", ordered, (r, i) => ({
    cx: f2(rx(r.rank)),
    cy: y(i),
    r: 3.5,
  }));
  rowMarks(group(root, "ro-rank-label"), "text", ordered, (r, i) => ({
    x: f2(rx(r.rankUpper + 0.35) + 6),
    y: y(i),
    dy: "0.32em",
  })).forEach((node, i) => {
    const r = ordered[i]!;
    setText(node, r.rankLower === r.rankUpper ? String(r.rank) : `${r.rankLower}–${r.rankUpper}`);
  });
}

/** The groups of each panel, in drawing order; their fixed attributes are set once. */
function makePanels(): [SVGSVGElement, SVGSVGElement] {
  const score = panel("ro-score-panel", ["ro-axis", "ro-score-interval", "ro-score-dot", "ro-model-label"]);
  const rank = panel("ro-rank-panel", [
    "ro-rank-rules",
    "ro-axis",
    "ro-rank-name",
    "ro-rank-interval",
    "ro-rank-dot",
    "ro-rank-label",
  ]);
  const fixed: [SVGSVGElement, string, Record<string, string | number>][] = [
    [
      score,
      "ro-score-interval",
      { fill: "none", stroke: palette.blue, "stroke-width": 5, "stroke-linecap": "round" },
    ],
    [
      score,
      "ro-score-dot",
      { fill: "var(--theme-background, white)", stroke: "currentColor", "stroke-width": 1.5 },
    ],
    [score, "ro-model-label", { "text-anchor": "end" }],
    [
      rank,
      "ro-rank-interval",
      { fill: "none", stroke: palette.orange, "stroke-width": 9, "stroke-linecap": "round" },
    ],
    [
      rank,
      "ro-rank-rules",
      { stroke: "currentColor", "stroke-opacity": 0.08, fill: "none", "aria-hidden": "true" },
    ],
    [rank, "ro-rank-dot", { fill: "currentColor" }],
    [rank, "ro-rank-label", { "text-anchor": "start" }],
  ];
  for (const [root, name, attrs] of fixed) setAttrs(group(root, name), attrs);
  return [score, rank];
}

/**
 * Draw a rank chart of `rows`. Returns an element; call `.highlight(model)` on it to move the
 * highlight (hover and keyboard focus do this too) and `.update(rows, options)` to draw new rows,
 * both without rebuilding it.
 */
export function rankOverlapChart(
  rows: readonly RankOverlapRow[],
  options: RankOverlapChartOptions,
): RankOverlapChartElement {
  const panels = makePanels();
  const [scoreRoot, rankRoot] = panels;
  const empty = html`<p class="ro-empty" hidden>No models to rank.</p>` as HTMLElement;
  const panelBox = html`<div class="rank-overlap-panels">${panels}</div>` as HTMLElement;
  const legend =
    html`<p class="rank-overlap-legend"><span class="swatch swatch-focus" aria-hidden="true">◆</span> highlighted model
    <span class="swatch swatch-tied" aria-hidden="true">●</span> statistically tied with it (bold)
    <span class="swatch swatch-other" aria-hidden="true">○</span> distinguishable (faded).
    Hover a row, or Tab to the model names and move with ↑ ↓ (Esc clears).</p>` as HTMLElement;
  const container =
    html`<div class="rank-overlap-chart">${empty}${panelBox}${legend}</div>` as unknown as RankOverlapChartElement;

  // What is drawn now: the layout, its label nodes (the tab stops) and every mark that highlighting finds.
  let drawn: Drawn | null = null;
  let ordered: RankOverlapRow[] = [];
  let labelNodes: SVGTextElement[] = [];
  let indexOf = new Map<SVGTextElement, number>();
  let marks: SVGElement[] = [];
  let byModel = new Map<string, RankOverlapRow>();
  let onHighlight: RankOverlapChartOptions["onHighlight"];
  let current: string | null = null;
  let pinned: string | null = options.highlight ?? null;
  let marked = false;

  container.highlight = (model) => {
    current = model && byModel.has(model) ? model : null;
    const self = current ? byModel.get(current)! : null;
    const ties = new Set<string>();
    if (self && drawn) for (const o of ordered) if (o !== self && drawn.tied(self, o)) ties.add(o.model);
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

  container.update = (
    next,
    {
      highlight,
      tied = rankIntervalsOverlap,
      scoreLabel = "Score (%)",
      maxLabel = MAX_LABEL,
      onHighlight: callback,
      ...layout
    },
  ) => {
    onHighlight = callback;
    // A model the learner points at or focuses stays highlighted; otherwise the one asked for now.
    const pointed = current !== pinned ? current : null;
    if (highlight !== undefined) pinned = highlight;
    empty.hidden = next.length > 0;
    panelBox.hidden = legend.hidden = next.length === 0;
    const L = rankOverlapLayout(next, { ...layout, maxLabel });
    ordered = L.ordered;
    byModel = new Map(ordered.map((r) => [r.model, r]));
    drawn = { L, y: (i) => L.marginTop + (i + 0.5) * L.rowHeight, tied };
    const entry = Math.max(
      0,
      ordered.findIndex((r) => r.model === pinned),
    );
    labelNodes = drawScore(scoreRoot, drawn, scoreLabel, entry);
    drawRank(rankRoot, drawn);
    panelBox.classList.toggle("side-by-side", L.sideBySide);
    indexOf = new Map(labelNodes.map((node, i) => [node, i]));
    marks = Array.from(container.querySelectorAll<SVGElement>("[data-model]"));
    marked = marks.some((node) => node.hasAttribute("data-state"));
    container.highlight(pointed && byModel.has(pointed) ? pointed : pinned);
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
      labelNodes[Math.max(0, Math.min(ordered.length - 1, i + step))]?.focus();
    } else if (event.key === "Escape") {
      pinned = null;
      container.highlight(null);
    }
  });
  // Hover: the row under the pointer (in either panel) is highlighted. The drawing may be scaled
  // (max-width, present mode's zoom), so rows are found in the SVG's own units.
  const rowAt = (p: SVGSVGElement, clientY: number) => {
    if (!drawn) return null;
    const { L } = drawn;
    const box = p.getBoundingClientRect();
    const units = box.height > 0 ? ((clientY - box.top) * L.height) / box.height : -1;
    const i = Math.floor((units - L.marginTop) / L.rowHeight);
    return i >= 0 && i < ordered.length ? ordered[i]!.model : null;
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
  container.update(rows, options);
  return container;
}

/** A row's numbers in words, for text alternatives: "3. name 81.2% (80.5%–81.9%), ranks 2–5". */
export const rankRowText = (r: RankOverlapRow) =>
  `${r.rank}. ${r.model} ${formatPercent(r.estimate)} (${formatPercent(r.lower)}–${formatPercent(r.upper)}), ranks ${r.rankLower}–${r.rankUpper}`;
