// Rank overlap: each model's score with its interval, ordered by score, beside each model's 95%
// rank interval. Focusing or hovering a model highlights every model it is statistically tied
// with. `rankOverlapChart` is the plain drawing (also used by the "your own results" tool);
// `rankOverlapFigure` is Lesson 2's explorable around it.
import type { Leaderboards } from "../data/types.js";
import {
  competitionRanks,
  type IntervalMethod,
  proportionInterval,
  type RankEntry,
  type RankInterval,
  twoProportionTest,
} from "../stats/index.js";
import { choice, range } from "../ui/controls.js";
import { type ExplorableElement, explorable } from "../ui/explorable.js";
import { clipText, formatCount, formatPercent } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import { scaleLinear } from "../vendor/plot.js";
import { RankIntervalCache, type RankIntervalResult } from "./rankIntervalCache.js";

/** One model on a leaderboard: its score interval (proportions) and its rank interval (integers). */
export interface RankOverlapRow {
  model: string;
  /** Score as a proportion (0–1). */
  estimate: number;
  lower: number;
  upper: number;
  /** Rank by score, 1 = best. */
  rank: number;
  /** The plausible ranks (inclusive). */
  rankLower: number;
  rankUpper: number;
}

export interface RankOverlapChartOptions {
  width: number;
  /** The model to highlight, with every model it is tied with. */
  highlight?: string | null;
  /**
   * Whether two models are statistically tied. Default: their rank intervals overlap.
   * (Lesson 2 passes a pairwise test instead.)
   */
  tied?: (a: RankOverlapRow, b: RankOverlapRow) => boolean;
  /** Axis label for the score panel. */
  scoreLabel?: string;
  /** Pixels per model row (default 24). */
  rowHeight?: number;
  /** Font size of the axes in px (default 13; model labels are 0.5 px smaller, rank labels 1.5). */
  fontSize?: number;
  /** Model names longer than this are shortened with "…" (default 30 characters). */
  maxLabel?: number;
  /** Put the rank panel beside the score panel (true) or below it (false); default: beside from 560 px. */
  sideBySide?: boolean;
  /** Width of the rank panel when beside the score panel (default 34% of `width`, at least 200 px). */
  rankWidth?: number;
  /** Space under the last row (default 36 px). */
  marginBottom?: number;
  /** Models on the whole board, when `rows` are only its best few: the rank axis spans them all. */
  boardSize?: number;
  /** Called whenever the highlight moves (hover, focus, `.highlight()`). */
  onHighlight?: (model: string | null) => void;
}

/** The chart element: an HTML container with a method to move the highlight without redrawing. */
export interface RankOverlapChartElement extends HTMLDivElement {
  /** Highlight a model (and its ties), or clear with null. */
  highlight(model: string | null): void;
  /** The model currently highlighted. */
  readonly highlighted: string | null;
  /** Highlight a model and keep it highlighted when the pointer leaves (null clears). */
  pin(model: string | null): void;
}

/** Default tie rule: the two rank intervals share at least one rank. */
export const rankIntervalsOverlap = (a: RankOverlapRow, b: RankOverlapRow) =>
  a.rankLower <= b.rankUpper && b.rankLower <= a.rankUpper;

/** The models tied with `model` under `tied` (not including itself). */
export function tiedWith(
  rows: readonly RankOverlapRow[],
  model: string,
  tied: (a: RankOverlapRow, b: RankOverlapRow) => boolean = rankIntervalsOverlap,
): string[] {
  const self = rows.find((r) => r.model === model);
  if (!self) return [];
  return rows.filter((r) => r.model !== model && tied(self, r)).map((r) => r.model);
}

const MAX_LABEL = 30;
const shortName = (name: string, max = MAX_LABEL) =>
  clipText(name.includes("/") ? name.slice(name.lastIndexOf("/") + 1) : name, max);

/** Integer rank ticks (1, then multiples of a round step) that fit in `pixels`. */
export function rankTicks(m: number, pixels: number): number[] {
  const room = Math.max(2, Math.floor(pixels / 24));
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500].find((s) => Math.ceil(m / s) + 1 <= room) ?? 1000;
  const ticks = [1];
  for (let t = step; t <= m; t += step) if (t > 1) ticks.push(t);
  return ticks;
}

/** Escape text for SVG/HTML markup (text and attribute values). */
const esc = (t: string) =>
  t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** A coordinate with at most two decimals (short markup, sub-pixel exact enough). */
const f2 = (x: number) => String(Math.round(x * 100) / 100);

/** Where a chart draws its rows and panels: a pure function of the rows and the options. */
export interface RankOverlapLayout {
  /** Rows in drawing order (best rank first). */
  ordered: RankOverlapRow[];
  /** Each row's visible label (shortened; repeats numbered), in drawing order. */
  labels: string[];
  /** The panels beside each other (false: the rank panel goes below the score panel). */
  sideBySide: boolean;
  height: number;
  marginTop: number;
  rowHeight: number;
  score: { width: number; marginLeft: number; marginRight: number; domain: [number, number] };
  rank: { width: number; marginLeft: number; marginRight: number; ticks: number[] };
  fontSize: number;
  marginBottom: number;
  /** Ranks on the axis: 1 … boardSize. */
  boardSize: number;
}

const MARGIN_TOP = 44;

/**
 * The geometry of a rank-overlap chart (no DOM): rows ordered by rank, labels, panel widths and
 * the score axis's domain. Text is never measured: label room is estimated from character counts.
 */
export function rankOverlapLayout(
  rows: readonly RankOverlapRow[],
  {
    width,
    rowHeight = 24,
    fontSize = 13,
    maxLabel = MAX_LABEL,
    sideBySide,
    rankWidth: rankWidthOption,
    marginBottom = 36,
    boardSize,
  }: Pick<
    RankOverlapChartOptions,
    | "width"
    | "rowHeight"
    | "fontSize"
    | "maxLabel"
    | "sideBySide"
    | "rankWidth"
    | "marginBottom"
    | "boardSize"
  >,
): RankOverlapLayout {
  const ordered = [...rows].sort(
    (a, b) => a.rank - b.rank || b.estimate - a.estimate || a.model.localeCompare(b.model),
  );
  const m = ordered.length;
  const narrow = sideBySide === undefined ? width < 560 : !sideBySide;
  // Stacked panels have at most 170 px for the names: shorter names, so none is cut at the edge.
  if (narrow) maxLabel = Math.min(maxLabel, 20);
  // ≈ 0.56 em per character of the label font (bold when highlighted).
  const perChar = (7.3 * fontSize) / 13;
  // Each label reads "12. name" (a repeat "12. name (2)"), ending 8 px left of the panel's margin.
  const prefix = String(Math.max(1, ...ordered.map((r) => r.rank))).length + 2;
  const cap = narrow ? 170 : 270;
  const shorten = (max: number) => {
    // Two models that shorten to the same label keep their full names apart.
    const seen = new Map<string, number>();
    return ordered.map((r) => {
      const l = shortName(r.model, max);
      const n = (seen.get(l) ?? 0) + 1;
      seen.set(l, n);
      return n > 1 ? `${l} (${n})` : l;
    });
  };
  const room = (ls: string[]) =>
    Math.round(12 + perChar * (prefix + Math.max(0, ...ls.map((d) => d.length))));
  // Names shorten until the longest label fits the margin's cap: none is cut at the chart's edge.
  let labels = shorten(maxLabel);
  while (room(labels) > cap && maxLabel > 6) labels = shorten(--maxLabel);
  const marginLeft = Math.min(cap, room(labels));
  const height = MARGIN_TOP + marginBottom + m * rowHeight;
  const rankWidth = narrow ? width : (rankWidthOption ?? Math.max(200, Math.round(width * 0.34)));
  const ranks = Math.max(m, boardSize ?? 0);
  const scoreWidth = narrow ? width : width - rankWidth - 12;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const r of ordered) {
    if (r.lower < lo) lo = r.lower;
    if (r.upper > hi) hi = r.upper;
  }
  if (!m) [lo, hi] = [0, 1];
  const pad = Math.max(0.005, (hi - lo) * 0.06);
  const rankMarginLeft = narrow ? marginLeft : 12;
  const rankMarginRight = Math.round((46 * fontSize) / 13);
  return {
    ordered,
    labels,
    sideBySide: !narrow,
    height,
    marginTop: MARGIN_TOP,
    rowHeight,
    fontSize,
    marginBottom,
    boardSize: ranks,
    score: {
      width: scoreWidth,
      marginLeft,
      marginRight: 16,
      domain: [Math.max(0, lo - pad) * 100, Math.min(1, hi + pad) * 100],
    },
    rank: {
      width: rankWidth,
      marginLeft: rankMarginLeft,
      marginRight: rankMarginRight,
      ticks: rankTicks(ranks, rankWidth - rankMarginLeft - rankMarginRight),
    },
  };
}

/** The accessible name of a model's label: the visible label first (WCAG 2.5.3), then its numbers. */
export function rankLabelName(row: RankOverlapRow, visible: string, ties: number): string {
  return (
    `${visible}${visible === row.model ? "" : ` (${row.model})`}: ${(100 * row.estimate).toFixed(1)}%, interval ${(100 * row.lower).toFixed(1)}–${(100 * row.upper).toFixed(1)}; ` +
    `rank ${row.rank}, plausible ranks ${row.rankLower}–${row.rankUpper}; tied with ${ties} other model${ties === 1 ? "" : "s"}`
  );
}

const svgOpen = (width: number, height: number, className: string, label: string, fontSize: number) =>
  `<svg class="ro-panel ${className}" fill="currentColor" font-family="system-ui, sans-serif" font-size="${fontSize}" text-anchor="middle" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-label="${esc(label)}">`;

/** A top axis: tick marks and labels at `xs`, a grid (optional), and a label at the right. */
function topAxis(
  xs: number[],
  texts: string[],
  { width, label, grid, y0, y1 }: { width: number; label: string; grid: boolean; y0: number; y1: number },
) {
  const parts: string[] = [];
  if (grid && xs.length)
    parts.push(
      `<path class="ro-grid" aria-hidden="true" stroke="currentColor" stroke-opacity="0.1" fill="none" d="${xs.map((x) => `M${f2(x + 0.5)},${y0}V${y1}`).join("")}"></path>`,
    );
  if (xs.length) {
    parts.push(
      `<path class="ro-ticks" aria-hidden="true" stroke="currentColor" fill="none" d="${xs.map((x) => `M${f2(x + 0.5)},${y0 + 1}v-6`).join("")}"></path>`,
    );
    parts.push(
      `<g class="ro-tick-labels" aria-hidden="true" font-variant="tabular-nums">${xs.map((x, i) => `<text x="${f2(x + 0.5)}" y="${y0 - 8.5}">${texts[i]}</text>`).join("")}</g>`,
    );
  }
  parts.push(
    `<text class="ro-axis-label" aria-hidden="true" text-anchor="end" x="${width - 2.5}" y="3.5" dy="0.71em">${esc(label)}</text>`,
  );
  return parts.join("");
}

/**
 * Draw a rank-overlap chart: left, each model's score interval (dot = estimate); right, its rank
 * interval (bar) and rank (dot). Rows are ordered by rank. Returns an element; call
 * `.highlight(model)` on it to move the highlight (hover and keyboard focus do this too).
 *
 * Drawn as one piece of SVG markup (no Plot, no text measurement), so a redraw costs one parse and
 * one layout of about a hundred elements.
 */
export function rankOverlapChart(
  rows: readonly RankOverlapRow[],
  {
    width,
    highlight = null,
    tied = rankIntervalsOverlap,
    scoreLabel = "Score (%)",
    rowHeight = 24,
    fontSize = 13,
    maxLabel = MAX_LABEL,
    sideBySide,
    rankWidth,
    marginBottom,
    boardSize,
    onHighlight,
  }: RankOverlapChartOptions,
): RankOverlapChartElement {
  const container = document.createElement("div") as unknown as RankOverlapChartElement;
  container.className = "rank-overlap-chart";
  if (rows.length === 0) {
    container.textContent = "No models to rank.";
    Object.assign(container, { highlight() {}, pin() {} });
    Object.defineProperty(container, "highlighted", { get: () => null });
    return container;
  }
  const L = rankOverlapLayout(rows, {
    width,
    rowHeight,
    fontSize,
    maxLabel,
    sideBySide,
    rankWidth,
    marginBottom,
    boardSize,
  });
  const { ordered, labels, height } = L;
  const m = ordered.length;
  const y = (i: number) => L.marginTop + (i + 0.5) * rowHeight;
  const yBottom = height - L.marginBottom;
  const ids = ordered.map((r) => esc(r.model));
  const entryModel = ordered.some((r) => r.model === highlight) ? highlight : ordered[0]!.model;

  // Score panel.
  const S = L.score;
  const sx = scaleLinear()
    .domain(S.domain)
    .range([S.marginLeft, S.width - S.marginRight]);
  // As Plot does, about one tick per 80 px; but a narrow panel still gets two or three.
  const tickCount = Math.max(2.5, (S.width - S.marginLeft - S.marginRight) / 80);
  const scoreTicks = sx.ticks(tickCount);
  const tickFormat = sx.tickFormat(tickCount);
  const labelSize = fontSize - 0.5;
  const score: string[] = [
    svgOpen(S.width, height, "ro-score-panel", `Score and interval of ${m} models, best first`, fontSize),
    topAxis(
      scoreTicks.map((t) => sx(t)),
      scoreTicks.map((t) => tickFormat(t)),
      { width: S.width, label: `${scoreLabel} →`, grid: true, y0: L.marginTop, y1: yBottom },
    ),
    `<g class="ro-score-interval" fill="none" stroke="${palette.blue}" stroke-width="5" stroke-linecap="round">`,
    ...ordered.map(
      (r, i) =>
        `<path d="M${f2(sx(100 * r.lower))},${y(i)}H${f2(sx(100 * r.upper))}" data-model="${ids[i]}"></path>`,
    ),
    `</g><g class="ro-score-dot" fill="var(--theme-background, white)" stroke="currentColor" stroke-width="1.5">`,
    ...ordered.map(
      (r, i) =>
        `<circle cx="${f2(sx(100 * r.estimate))}" cy="${y(i)}" r="4" data-model="${ids[i]}"></circle>`,
    ),
    `</g><g class="ro-model-label" text-anchor="end" font-size="${labelSize}">`,
    ...ordered.map((r, i) => {
      const visible = `${r.rank}. ${labels[i]}`;
      let ties = 0;
      for (const o of ordered) if (o !== r && tied(r, o)) ties++;
      return `<text x="${S.marginLeft - 8}" y="${y(i)}" dy="0.32em" data-model="${ids[i]}" tabindex="${r.model === entryModel ? 0 : -1}" role="button" aria-label="${esc(rankLabelName(r, visible, ties))}">${esc(visible)}</text>`;
    }),
    "</g></svg>",
  ];

  // Rank panel.
  const R = L.rank;
  const ranks = L.boardSize;
  const rx = (rank: number) =>
    R.marginLeft + ((rank - 0.5) / ranks) * (R.width - R.marginLeft - R.marginRight);
  const rankSize = fontSize - 1.5;
  const rank: string[] = [
    svgOpen(R.width, height, "ro-rank-panel", "Each model's 95% rank interval", fontSize),
    `<path class="ro-rank-rules" aria-hidden="true" stroke="currentColor" stroke-opacity="0.08" fill="none" d="${Array.from({ length: ranks }, (_, i) => `M${f2(rx(i + 1) + 0.5)},${L.marginTop}V${yBottom}`).join("")}"></path>`,
    topAxis(R.ticks.map(rx), R.ticks.map(String), {
      width: R.width,
      // The full label needs ≈ 0.55 em a character; a narrow panel gets the short one.
      label: R.width - 4 >= 0.55 * fontSize * 22 ? "Plausible rank (95%) →" : "Rank (95%) →",
      grid: false,
      y0: L.marginTop,
      y1: yBottom,
    }),
  ];
  if (!L.sideBySide) {
    // Stacked (narrow screens): the rank panel carries short names too, so its rows can be read alone.
    rank.push(
      `<g class="ro-rank-name" aria-hidden="true" text-anchor="end" font-size="${labelSize}">`,
      ...ordered.map(
        (r, i) =>
          `<text x="${R.marginLeft - 8}" y="${y(i)}" dy="0.32em" data-model="${ids[i]}">${esc(`${r.rank}. ${labels[i]}`)}</text>`,
      ),
      "</g>",
    );
  }
  rank.push(
    `<g class="ro-rank-interval" fill="none" stroke="${palette.orange}" stroke-width="9" stroke-linecap="round">`,
    ...ordered.map(
      (r, i) =>
        `<path d="M${f2(rx(r.rankLower - 0.35))},${y(i)}H${f2(rx(r.rankUpper + 0.35))}" data-model="${ids[i]}"></path>`,
    ),
    `</g><g class="ro-rank-dot" fill="currentColor">`,
    ...ordered.map(
      (r, i) => `<circle cx="${f2(rx(r.rank))}" cy="${y(i)}" r="3.5" data-model="${ids[i]}"></circle>`,
    ),
    `</g><g class="ro-rank-label" text-anchor="start" font-size="${rankSize}">`,
    ...ordered.map(
      (r, i) =>
        `<text x="${f2(rx(r.rankUpper + 0.35) + 6)}" y="${y(i)}" dy="0.32em" data-model="${ids[i]}">${r.rankLower === r.rankUpper ? r.rank : `${r.rankLower}–${r.rankUpper}`}</text>`,
    ),
    "</g></svg>",
  );

  container.innerHTML =
    `<div class="rank-overlap-panels${L.sideBySide ? " side-by-side" : ""}">${score.join("")}${rank.join("")}</div>` +
    `<p class="rank-overlap-legend"><span class="swatch swatch-focus" aria-hidden="true">◆</span> highlighted model ` +
    `<span class="swatch swatch-tied" aria-hidden="true">●</span> statistically tied with it (bold) ` +
    `<span class="swatch swatch-other" aria-hidden="true">○</span> distinguishable (faded). ` +
    "Hover a row, or Tab to the model names and move with ↑ ↓ (Esc clears).</p>";
  const [scoreSvg, rankSvg] = container.querySelectorAll<SVGSVGElement>("svg.ro-panel");
  const labelNodes = Array.from(container.querySelectorAll<SVGTextElement>("g.ro-model-label > text"));
  const indexOf = new Map(labelNodes.map((node, i) => [node, i]));

  let current: string | null = null;
  let pinned: string | null = highlight;
  const byModel = new Map(ordered.map((r) => [r.model, r]));
  let marked: SVGElement[] = [];
  container.highlight = (model) => {
    current = model && byModel.has(model) ? model : null;
    const self = current ? byModel.get(current)! : null;
    const ties = new Set<string>();
    if (self) for (const o of ordered) if (o !== self && tied(self, o)) ties.add(o.model);
    container.dataset.highlight = current ?? "";
    container.dataset.tied = String(ties.size);
    for (const node of marked) node.removeAttribute("data-state");
    marked = [];
    onHighlight?.(current);
    if (!current) return;
    for (const node of container.querySelectorAll<SVGElement>("[data-model]")) {
      const name = node.dataset.model!;
      node.setAttribute("data-state", name === current ? "focus" : ties.has(name) ? "tied" : "other");
      marked.push(node);
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
  const rowAt = (svg: SVGSVGElement, clientY: number) => {
    const box = svg.getBoundingClientRect();
    const units = box.height > 0 ? ((clientY - box.top) * height) / box.height : -1;
    const i = Math.floor((units - L.marginTop) / rowHeight);
    return i >= 0 && i < m ? ordered[i]!.model : null;
  };
  for (const svg of [scoreSvg, rankSvg]) {
    if (!svg) continue;
    svg.addEventListener("pointermove", (event) => {
      const model = rowAt(svg, event.clientY);
      if (model !== current) container.highlight(model);
    });
    // Leaving the chart returns to the pinned model (the one clicked, or the one asked for).
    svg.addEventListener("pointerleave", () => container.highlight(pinned));
    svg.addEventListener("click", () => {
      pinned = current;
    });
  }
  container.highlight(highlight);
  return container;
}

// ---- Lesson 2's explorable: a real leaderboard, its rank intervals, and N rescaled ----

/** A board of models with one benchmark chosen: each model's k of N at a (possibly rescaled) N. */
export function leaderboardEntries(
  models: readonly { model: string; scores: Record<string, number> }[],
  benchmark: string,
  n: number,
): RankEntry[] {
  return models
    .filter((m) => Number.isFinite(m.scores[benchmark]))
    .map((m) => ({ model: m.model, n, k: Math.round(Math.min(1, Math.max(0, m.scores[benchmark]!)) * n) }));
}

/** Rows for the chart: the score interval of each entry beside its rank interval. */
export function rankOverlapRows(
  entries: readonly RankEntry[],
  intervals: readonly RankInterval[],
  { confidence = 0.95, method = "wilson" as IntervalMethod } = {},
): RankOverlapRow[] {
  const byModel = new Map(intervals.map((r) => [r.model, r]));
  return entries.map((e) => {
    const ci = proportionInterval(e.k, e.n, { confidence, method });
    const r = byModel.get(e.model);
    if (!r) throw new RangeError(`no rank interval for ${e.model}`);
    return {
      model: e.model,
      estimate: ci.estimate,
      lower: ci.lower,
      upper: ci.upper,
      rank: r.rank,
      rankLower: r.lower,
      rankUpper: r.upper,
    };
  });
}

export interface PairCell {
  a: string;
  b: string;
  /** pA − pB, in pp. */
  diffPp: number;
  pValue: number;
  significant: boolean;
}

/**
 * Every pair's two-proportion z-test (the models treated as independent samples, which is
 * conservative for models scored on the same questions). Rows in the order of `entries`.
 * Each unordered pair is tested once: the test is symmetric (same p, opposite difference).
 */
export function pairwiseSignificance(entries: readonly RankEntry[], { alpha = 0.05 } = {}): PairCell[] {
  const m = entries.length;
  const cells: PairCell[][] = entries.map(() => new Array<PairCell>(m));
  for (let i = 0; i < m; i++) {
    const a = entries[i]!;
    for (let j = i + 1; j < m; j++) {
      const b = entries[j]!;
      const t = twoProportionTest(a, b);
      const significant = t.pValue < alpha;
      cells[i]![j] = { a: a.model, b: b.model, diffPp: 100 * t.diff, pValue: t.pValue, significant };
      cells[j]![i] = { a: b.model, b: a.model, diffPp: 100 * -t.diff, pValue: t.pValue, significant };
    }
  }
  const out: PairCell[] = [];
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) out.push(cells[i]![j]!);
  return out;
}

/**
 * Rank intervals from pairwise tests alone (no bootstrap): a model can rank no better than one
 * plus the models significantly above it, and no worse than the board size minus the models
 * significantly below it — the rule Chatbot Arena uses for its ranks. A cheap first answer
 * while the bootstrap runs. Pass the board's `pairs` (from pairwiseSignificance at the same
 * alpha) to reuse its tests.
 */
export function pairwiseRankIntervals(
  entries: readonly RankEntry[],
  { alpha = 0.05, pairs }: { alpha?: number; pairs?: readonly PairCell[] } = {},
): RankInterval[] {
  const m = entries.length;
  const ranks = competitionRanks(entries.map((e) => e.k / e.n));
  const above = new Map<string, number>();
  const below = new Map<string, number>();
  for (const p of pairs ?? pairwiseSignificance(entries, { alpha })) {
    if (!p.significant) continue;
    // p.diffPp = a − b: a negative gap puts b significantly above a.
    if (p.diffPp < 0) above.set(p.a, (above.get(p.a) ?? 0) + 1);
    else below.set(p.a, (below.get(p.a) ?? 0) + 1);
  }
  return entries.map((a, i) => ({
    model: a.model,
    estimate: a.k / a.n,
    rank: ranks[i]!,
    lower: Math.min(1 + (above.get(a.model) ?? 0), ranks[i]!),
    upper: Math.max(m - (below.get(a.model) ?? 0), ranks[i]!),
  }));
}

/** Summary numbers of a rank-overlap board. */
export function rankOverlapSummary(rows: readonly RankOverlapRow[], pairs: readonly PairCell[]) {
  const widths = rows.map((r) => r.rankUpper - r.rankLower + 1);
  const sorted = [...widths].sort((a, b) => a - b);
  const pairsTotal = pairs.length / 2;
  const significantPairs = pairs.filter((p) => p.significant).length / 2;
  const top = rows.find((r) => r.rank === 1);
  return {
    models: rows.length,
    /** Models whose 95% rank interval is a single rank. */
    pinned: widths.filter((w) => w === 1).length,
    medianWidth: sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : 0,
    significantPairs,
    pairsTotal,
    /** Models that could plausibly be rank 1. */
    couldBeFirst: rows.filter((r) => r.rankLower === 1).length,
    leader: top?.model ?? "",
  };
}

/** The pairwise matrix's cells in rank order: which pairs are significant, and the diagonal. */
export function matrixCells(rows: readonly RankOverlapRow[], pairs: readonly PairCell[]) {
  const ordered = [...rows].sort((a, b) => a.rank - b.rank || b.estimate - a.estimate);
  const key = new Map(pairs.map((p) => [`${p.a}\u0000${p.b}`, p]));
  const cells = ordered.map((ra) =>
    ordered.map((rb) => (ra === rb ? null : (key.get(`${ra.model}\u0000${rb.model}`) ?? null))),
  );
  let significant = 0;
  for (const row of cells) for (const c of row) if (c?.significant) significant++;
  return { ordered, cells, significantPairs: significant / 2 };
}

export interface SignificanceMatrixElement extends SVGSVGElement {
  /** Outline the row and column of a model (null clears). */
  highlight(model: string | null): void;
}

/**
 * The pairwise matrix as an SVG: a filled square with a ✓ where the gap is significant, a dashed
 * empty square where it is not. Drawn as a handful of paths (not 400 elements), so a redraw is
 * one short parse; pointing at a cell names the pair and its test in `tip` (an element the caller
 * places, e.g. under the matrix).
 */
export function significanceMatrix(
  rows: readonly RankOverlapRow[],
  pairs: readonly PairCell[],
  {
    width,
    maxCell = 26,
    minCell = 12,
    fontSize = 11,
    tip = null,
  }: { width: number; maxCell?: number; minCell?: number; fontSize?: number; tip?: HTMLElement | null },
): SignificanceMatrixElement {
  const { ordered, cells, significantPairs } = matrixCells(rows, pairs);
  const m = ordered.length;
  const cell = Math.max(minCell, Math.min(maxCell, Math.floor((width - 60) / Math.max(1, m))));
  const o = Math.round(16 + 2 * fontSize);
  const size = o + cell * m;
  // Rank numbers: every rank when they fit, else 1 and every 5th.
  const every = cell >= fontSize * 1.6 ? 1 : 5;
  const labelled = ordered.map((_, i) => i + 1).filter((r) => every === 1 || r === 1 || r % every === 0);
  const sig: string[] = [];
  const not: string[] = [];
  const ticks: string[] = [];
  const diag: string[] = [];
  const w = cell - 2;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const x = o + j * cell + 1;
      const y = o + i * cell + 1;
      const square = `M${x},${y}h${w}v${w}h${-w}z`;
      const c = cells[i]![j];
      if (c === null && i === j) diag.push(square);
      else if (c?.significant) {
        sig.push(square);
        if (cell >= 8)
          ticks.push(
            `M${f2(x + 0.22 * w)},${f2(y + 0.55 * w)}L${f2(x + 0.42 * w)},${f2(y + 0.75 * w)}L${f2(x + 0.8 * w)},${f2(y + 0.28 * w)}`,
          );
      } else not.push(square);
    }
  }
  const half = cell / 2;
  const markup = [
    `<g aria-hidden="true" font-size="${fontSize}" fill="currentColor">`,
    `<text text-anchor="end">${labelled.map((r) => `<tspan x="${o - 6}" y="${f2(o + (r - 1) * cell + half)}" dy="0.32em">${r}</tspan>`).join("")}</text>`,
    `<text text-anchor="middle">${labelled.map((r) => `<tspan x="${f2(o + (r - 1) * cell + half)}" y="${o - 8}">${r}</tspan>`).join("")}</text>`,
    "</g>",
    `<path class="ro-matrix-diagonal" d="${diag.join("")}" fill="currentColor" fill-opacity="0.08"></path>`,
    `<path class="ro-matrix-ns" d="${not.join("")}" fill="none" stroke="${palette.grey}" stroke-opacity="0.5" stroke-dasharray="2,2"></path>`,
    `<path class="ro-matrix-sig" d="${sig.join("")}" fill="${palette.blue}"></path>`,
    `<path class="ro-matrix-check" aria-hidden="true" d="${ticks.join("")}" fill="none" stroke="white" stroke-width="${f2(Math.max(1.4, cell / 9))}" stroke-linecap="round" stroke-linejoin="round"></path>`,
    `<path class="ro-matrix-cross" aria-hidden="true" fill="none" stroke="var(--accent-2, ${palette.vermillion})" stroke-width="2" d=""></path>`,
    `<rect class="ro-matrix-hover" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" width="${cell}" height="${cell}" visibility="hidden"></rect>`,
  ].join("");
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg") as SignificanceMatrixElement;
  svg.setAttribute("width", String(size + 10));
  svg.setAttribute("height", String(size + 10));
  svg.setAttribute("viewBox", `0 0 ${size + 10} ${size + 10}`);
  svg.setAttribute("class", "significance-matrix");
  svg.setAttribute("role", "img");
  svg.setAttribute("data-significant-pairs", String(significantPairs));
  svg.setAttribute(
    "aria-label",
    `Pairwise significance: ${significantPairs} of ${(m * (m - 1)) / 2} gaps are significant at 5%`,
  );
  svg.innerHTML = markup;
  const hover = svg.querySelector<SVGRectElement>(".ro-matrix-hover")!;
  const cross = svg.querySelector<SVGPathElement>(".ro-matrix-cross")!;
  const tipText = tip?.textContent ?? "";
  // Pointing at a cell names the pair and its test (made on demand: nothing per cell up front).
  svg.addEventListener("pointermove", (event) => {
    const box = svg.getBoundingClientRect();
    const scale = box.width > 0 ? (size + 10) / box.width : 1;
    const j = Math.floor(((event.clientX - box.left) * scale - o) / cell);
    const i = Math.floor(((event.clientY - box.top) * scale - o) / cell);
    const c = i >= 0 && j >= 0 && i < m && j < m ? cells[i]![j] : undefined;
    if (!c) {
      hover.setAttribute("visibility", "hidden");
      if (tip) tip.textContent = tipText;
      return;
    }
    hover.setAttribute("x", String(o + j * cell));
    hover.setAttribute("y", String(o + i * cell));
    hover.setAttribute("visibility", "visible");
    if (tip)
      tip.textContent = `#${i + 1} ${c.a} vs #${j + 1} ${c.b}: ${c.diffPp >= 0 ? "+" : ""}${c.diffPp.toFixed(2)} pp, p = ${c.pValue.toFixed(3)} — ${c.significant ? "significant" : "not significant"}`;
  });
  svg.addEventListener("pointerleave", () => {
    hover.setAttribute("visibility", "hidden");
    if (tip) tip.textContent = tipText;
  });
  const index = new Map(ordered.map((r, i) => [r.model, i]));
  svg.highlight = (model) => {
    const i = model === null ? undefined : index.get(model);
    if (i === undefined) {
      cross.setAttribute("d", "");
      return;
    }
    // The model's row and column, outlined: its pairs with every other model.
    cross.setAttribute(
      "d",
      `M${o},${o + i * cell}h${cell * m}v${cell}h${-cell * m}zM${o + i * cell},${o}v${cell * m}h${cell}v${-cell * m}z`,
    );
  };
  return svg;
}

export interface BoardOption {
  /** "v1:mmlu" etc. */
  value: string;
  label: string;
  board: "v1" | "v2";
  benchmark: string;
  n: number;
}

/** The benchmark choices of the two boards, each with its real N. */
export function boardOptions(boards: Leaderboards): BoardOption[] {
  return (["v1", "v2"] as const).flatMap((board) =>
    boards[board].benchmarks.map((b) => ({
      value: `${board}:${b.key}`,
      label: `${board} · ${b.label} · N = ${formatCount(b.n)}`,
      board,
      benchmark: b.key,
      n: b.n,
    })),
  );
}

export interface RankOverlapFigureOptions {
  /** A Worker running rankIntervalsWorker.js (optional; without it the refinement runs when idle). */
  worker?: Worker | null;
  /** Resamples while the learner drags, and after. */
  quick?: number;
  full?: number;
}

export function rankOverlapFigure(
  boards: Leaderboards,
  { worker = null, quick = 100, full = 2000 }: RankOverlapFigureOptions = {},
) {
  const options = boardOptions(boards);
  const optionOf = (value: string) => options.find((o) => o.value === value) ?? options[0]!;
  let root: ExplorableElement | null = null;
  let pinned: string | null = null;
  let currentKey = "";
  // What one (board, models, N) needs, computed once: its entries and pairwise tests, and (per
  // rank-interval result) its rows, summary numbers and text alternative.
  const boardData = new Map<string, BoardData>();
  let current: BoardData | null = null;
  const cache = new RankIntervalCache({
    quick,
    full,
    worker,
    // While the learner drags, ranks come from the pairwise tests (already run for the matrix);
    // the bootstrap runs in the worker.
    quickIntervals: worker
      ? (entries) => pairwiseRankIntervals(entries, current ? { pairs: current.pairs } : {})
      : null,
    onRefined: (key) => {
      if (key === currentKey && root) root.setValues({});
    },
  });
  const benchmark = choice({
    key: "board",
    label: "Leaderboard and benchmark",
    kind: "select",
    options: options.map(({ value, label }) => ({ value, label })),
    value: "v1:mmlu",
  });
  const n = range({
    key: "n",
    label: "Pretend the benchmark had N questions",
    min: 50,
    max: 100_000,
    log: true,
    value: optionOf("v1:mmlu").n,
    numberBox: true,
    format: formatCount,
  });
  // Choosing another benchmark starts it at its real N (before the figure redraws).
  benchmark.element.addEventListener("input", () => {
    n.value = optionOf(benchmark.value).n;
  });
  const set = choice({
    key: "models",
    label: "Models",
    options: [
      { value: "top", label: "Top 20 of the board" },
      { value: "known", label: "Familiar models" },
    ],
    value: "top",
  });

  const dataFor = (key: string, board: string, models: string, nq: number): BoardData => {
    const known = boardData.get(key);
    if (known) {
      boardData.delete(key);
      boardData.set(key, known);
      return known;
    }
    const opt = optionOf(board);
    const snap = boards[opt.board];
    const entries = leaderboardEntries(models === "known" ? snap.known : snap.top, opt.benchmark, nq);
    const pairs = pairwiseSignificance(entries);
    const sig = new Set<string>();
    for (const p of pairs) if (p.significant) sig.add(`${p.a}\u0000${p.b}`);
    const data: BoardData = {
      entries,
      pairs,
      tied: (a, b) => !sig.has(`${a.model}\u0000${b.model}`),
      result: null,
      rows: [],
      s: rankOverlapSummary([], []),
      summary: "",
      drawn: new Map(),
    };
    boardData.set(key, data);
    while (boardData.size > 100) boardData.delete(boardData.keys().next().value as string);
    // Only the most recent boards keep their drawings (DOM is heavier than numbers).
    let i = 0;
    for (const other of [...boardData.values()].reverse()) if (++i > 24) other.drawn.clear();
    return data;
  };

  root = explorable({
    id: "l2-rank-overlap",
    title: "Ranks are estimates too: each model's score interval and its plausible ranks",
    notice: (v) =>
      v.n < optionOf(v.board).n
        ? "With fewer questions the score intervals widen and the ranks dissolve into long runs of ties: most of the order is noise."
        : "Hover or focus a model: the bold rows are the models it cannot be told apart from. At the top of a board, a rank is usually a range.",
    controls: { board: benchmark, models: set, n },
    presets: [
      { label: "v1 top 20 on MMLU, real N", values: { board: "v1:mmlu", models: "top", n: 14042 } },
      { label: "…as if it had 164 questions", values: { board: "v1:mmlu", models: "top", n: 164 } },
      { label: "Familiar models on GSM8K", values: { board: "v1:gsm8k", models: "known", n: 1319 } },
      { label: "v2 on MMLU-Pro", values: { board: "v2:mmlu_pro_raw", models: "known", n: 12032 } },
      { label: "MuSR (N = 756) at 100,000", values: { board: "v2:musr_raw", models: "known", n: 100_000 } },
    ],
    source:
      `Scores: ${boards.v1.label}, ${boards.v1.source}; ${boards.v2.label}, ${boards.v2.source}. ` +
      "N from data/benchmarks.csv. Score intervals: Wilson, 95%. Rank intervals: parametric bootstrap (rankIntervals), 95%. " +
      "Ties: two-proportion z-test at 5%, treating two models' scores as independent.",
    render(v, { width, present = false, height }) {
      const opt = optionOf(v.board);
      const snap = boards[opt.board];
      const benchmarkName = opt.label.split(" · ")[1];
      currentKey = `${v.board}|${v.models}|${v.n}`;
      const data = dataFor(currentKey, v.board, v.models, v.n);
      current = data;
      const result = cache.get(currentKey, data.entries);
      if (data.result !== result) {
        // New rank intervals (first sight of this key, or the bootstrap's refinement arrived).
        data.result = result;
        data.rows = rankOverlapRows(data.entries, result.intervals);
        data.s = rankOverlapSummary(data.rows, data.pairs);
        const s = data.s;
        data.summary =
          `${snap.label}, ${benchmarkName}, ${s.models} ${v.models === "known" ? "familiar" : "top"} models at N = ${formatCount(v.n)} questions` +
          `${v.n !== opt.n ? ` (the real benchmark has ${formatCount(opt.n)})` : ""}. ${s.couldBeFirst} model(s) could be ranked first; ` +
          `${s.pinned} have a single plausible rank; the median rank interval spans ${s.medianWidth} ranks; ${s.significantPairs} of ${s.pairsTotal} gaps are significant. ` +
          data.rows
            .slice()
            .sort((a, b) => a.rank - b.rank)
            .map(
              (r) =>
                `${r.rank}. ${r.model} ${formatPercent(r.estimate)} (${formatPercent(r.lower)}–${formatPercent(r.upper)}), ranks ${r.rankLower}–${r.rankUpper}`,
            )
            .join("; ") +
          ".";
      }
      const { rows, pairs, tied, s } = data;
      // In present mode, the room the frame measured between the drawing and the present bar.
      const room = present ? (height ?? null) : null;
      // A drawing made before for these inputs and this size is shown again as it was (dragging
      // back and forth costs a layout, not a redraw) — unless it is on the page now (an export).
      const drawKey = `${currentKey}|${width}|${room}|${result.resamples}|${result.refined}`;
      const seen = data.drawn.get(drawKey);
      if (seen && !seen.figure.isConnected && !seen.readout.isConnected) {
        seen.chart.pin(pinned);
        return { figure: seen.figure, summary: data.summary, readout: seen.readout };
      }
      const plan = rankOverlapPlan(rows.length, width, room);
      const shownRows = plan.shown < rows.length ? topRows(rows, plan.shown) : rows;
      let matrix: SignificanceMatrixElement | null = null;

      const chart = rankOverlapChart(shownRows, {
        width: plan.chartWidth,
        highlight: pinned,
        tied,
        scoreLabel: `${benchmarkName} score (%)`,
        ...plan.chart,
        boardSize: rows.length,
        // The matrix follows the chart's highlight: the model's row and column are outlined.
        onHighlight: (model) => matrix?.highlight(model),
      });
      const tip = document.createElement("p");
      tip.className = "l2-matrix-tip";
      tip.setAttribute("aria-hidden", "true");
      // Presented, the room under the matrix goes to the numbers; the tip appears while pointing.
      tip.textContent = present ? "" : "Point at a square for its pair's gap and p-value.";
      matrix = significanceMatrix(shownRows, pairs, { width: plan.matrixWidth, ...plan.matrix, tip });
      chart.addEventListener("click", () => {
        pinned = chart.highlighted;
      });
      matrix.highlight(chart.highlighted);
      const matrixBox = document.createElement("figure");
      matrixBox.className = "l2-matrix";
      if (present) matrixBox.style.maxWidth = `${Math.max(plan.matrixWidth, 200)}px`;
      const caption = document.createElement("figcaption");
      caption.textContent = `Which gaps are significant? Row and column numbers are ranks; a filled square with ✓ marks a pair whose gap is significant at 5% (z-test); a dashed empty square, one that is not. ${s.significantPairs} of ${s.pairsTotal} pairs.`;
      matrixBox.append(matrix, caption, tip);
      const layout = document.createElement("div");
      layout.className = `l2-rank-layout${plan.wide ? " wide" : ""}${present ? " present" : ""}`;
      layout.append(chart, matrixBox);
      let figure: HTMLElement = layout;
      if (plan.shown < rows.length) {
        // Fewer rows than the board has (a presented figure on a short screen): said above the drawing.
        const note = document.createElement("p");
        note.className = "l2-shown-note";
        note.dataset.shown = String(plan.shown);
        note.textContent = `Showing the top ${plan.shown} of ${rows.length} models so the figure fits the screen (ranks are among all ${rows.length}); leave present mode to see every model.`;
        figure = document.createElement("div");
        figure.append(note, layout);
      }

      const scale = v.n / opt.n;
      const readout = document.createElement("div");
      const stats = `<ul class="l2-stats">
          <li><span data-readout="pinned" data-value="${s.pinned}">${s.pinned}</span> of ${s.models} models have a single plausible rank</li>
          <li>median rank interval: <span data-readout="median-width" data-value="${s.medianWidth}">${s.medianWidth}</span> rank${s.medianWidth === 1 ? "" : "s"} wide</li>
          <li><span data-readout="significant-pairs" data-value="${s.significantPairs}">${s.significantPairs}</span> of ${s.pairsTotal} pairwise gaps are significant</li>
          <li>N = <span data-readout="n" data-value="${v.n}">${formatCount(v.n)}</span> (real: ${formatCount(opt.n)}${scale !== 1 ? `, ×${scale < 0.1 ? scale.toFixed(3) : scale.toFixed(2)}` : ""})</li>
          <li class="l2-refine" data-refined="${result.refined}" data-resamples="${result.resamples}">${result.refined ? `rank intervals from ${formatCount(result.resamples)} bootstrap resamples` : result.resamples === 0 ? "rough rank intervals from the pairwise tests; the bootstrap is refining them…" : `rough rank intervals (${result.resamples} resamples); refining…`}</li>
        </ul>`;
      readout.innerHTML = `
        <div class="big-number" data-readout="could-be-first" data-value="${s.couldBeFirst}">${s.couldBeFirst}</div>
        <div class="big-caption">model${s.couldBeFirst === 1 ? "" : "s"} could plausibly be ranked 1st</div>
        ${present ? "" : stats}`;
      // Presented, the side column beside the drawing is short of room: the list sits under the matrix.
      if (present) matrixBox.insertAdjacentHTML("beforeend", stats);
      data.drawn.set(drawKey, { figure, readout, chart });
      if (data.drawn.size > 3) data.drawn.delete(data.drawn.keys().next().value as string);
      return { figure, summary: data.summary, readout };
    },
  });
  return root;
}

interface BoardData {
  entries: RankEntry[];
  pairs: PairCell[];
  tied: (a: RankOverlapRow, b: RankOverlapRow) => boolean;
  result: RankIntervalResult | null;
  rows: RankOverlapRow[];
  s: ReturnType<typeof rankOverlapSummary>;
  summary: string;
  /** Drawings of this board, by size and rank-interval result (the last few). */
  drawn: Map<string, { figure: HTMLElement; readout: HTMLElement; chart: RankOverlapChartElement }>;
}

/** The best `k` rows by rank (ties in rank broken by score, then name, as the chart orders them). */
function topRows(rows: readonly RankOverlapRow[], k: number): RankOverlapRow[] {
  return [...rows]
    .sort((a, b) => a.rank - b.rank || b.estimate - a.estimate || a.model.localeCompare(b.model))
    .slice(0, k);
}

export interface RankOverlapPlan {
  /** Rows drawn (the best `shown` by rank). */
  shown: number;
  /** The matrix beside the chart (true) or below it. */
  wide: boolean;
  chartWidth: number;
  matrixWidth: number;
  chart: Pick<
    RankOverlapChartOptions,
    "rowHeight" | "fontSize" | "maxLabel" | "sideBySide" | "rankWidth" | "marginBottom"
  >;
  matrix: { maxCell?: number; minCell?: number; fontSize?: number };
}

/**
 * How Lesson 2's figure lays itself out in `width` px: on the page, the chart above the matrix
 * (beside it from 1000 px); in present mode (`height` given: the room under the title), score,
 * ranks and matrix side by side in one screen, with as many rows as fit at a readable size.
 */
export function rankOverlapPlan(m: number, width: number, height: number | null): RankOverlapPlan {
  if (height === null) {
    const wide = width >= 1000;
    return {
      shown: m,
      wide,
      chartWidth: wide ? width - 316 : width,
      matrixWidth: wide ? 300 : Math.min(width, 420),
      chart: {},
      matrix: {},
    };
  }
  // Present mode. Rows of at least 15 px (labels 11.5 px: about 20 px on a 1080p projector).
  const legend = 44;
  const marginTop = 44;
  const marginBottom = 6;
  const minRow = 15;
  let room = height - legend - marginTop - marginBottom;
  // Fewer rows than the board has are said in a note above the drawing, which takes room too.
  if (room < m * minRow) room -= 36;
  const shown = Math.max(1, Math.min(m, Math.floor(room / minRow)));
  const rowHeight = Math.max(minRow, Math.min(26, Math.floor(room / Math.max(1, shown))));
  // Matrix: at most 30% of the width (cells of 7–18 px), numbers every fifth rank when small.
  const matrixFont = 10;
  const o = Math.round(16 + 2 * matrixFont);
  const cell = Math.max(8, Math.min(18, Math.floor((width * 0.3 - o - 10) / Math.max(1, shown))));
  const matrixWidth = o + cell * shown + 10;
  const chartWidth = width - matrixWidth - 20;
  return {
    shown,
    wide: true,
    chartWidth,
    matrixWidth,
    chart: {
      rowHeight,
      fontSize: 12,
      maxLabel: 22,
      sideBySide: true,
      rankWidth: Math.round(chartWidth * 0.3),
      marginBottom,
    },
    matrix: { maxCell: cell, minCell: cell, fontSize: matrixFont },
  };
}
