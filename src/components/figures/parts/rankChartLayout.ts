// Where a rank chart draws its rows, labels and panels, and which models it counts as tied: pure
// functions of the rows and the options (text is measured with a canvas in a browser, estimated
// from its length in Node).
import type { RankOverlapRow } from "./rankRows.js";

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

export const MAX_LABEL = 30;
/**
 * Shorten a model name to `max` characters with "…" in the middle, keeping its start and its end
 * (where versions live: "Rhea-72b-v0.4" and "Rhea-72b-v0.5" stay apart).
 */
export function middleClip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return "…";
  const head = Math.ceil((max - 1) * 0.55);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}
const shortName = (name: string, max = MAX_LABEL) =>
  middleClip(name.includes("/") ? name.slice(name.lastIndexOf("/") + 1) : name, max);
/** Width of one character of a model label, in em, where text cannot be measured: generous, so a label never overflows its column. */
const LABEL_EM = 0.62;
/** Space between a label's end and the panel's plotting area, px. */
export const LABEL_GAP = 8;

let measureContext: CanvasRenderingContext2D | null | undefined;
/**
 * The width of a label in px, bold (as a highlighted label is drawn) in the chart's font: measured
 * with a canvas in a browser, estimated from its length elsewhere (tests in Node).
 */
export function labelWidth(text: string, fontSize: number): number {
  if (measureContext === undefined) {
    measureContext =
      typeof document === "undefined" ? null : (document.createElement("canvas").getContext("2d") ?? null);
  }
  if (!measureContext) return text.length * LABEL_EM * fontSize;
  // Remembered: a chart drawn again measures the same labels (fitting a board's 20 names to their
  // column takes up to six measurements a name).
  const key = `${fontSize}|${text}`;
  const known = measured.get(key);
  if (known !== undefined) return known;
  measureContext.font = `700 ${fontSize}px system-ui, sans-serif`;
  const width = measureContext.measureText(text).width;
  if (measured.size >= 5000) measured.clear();
  measured.set(key, width);
  return width;
}
const measured = new Map<string, number>();

/** The longest middle-shortened `name` (≤ `max` characters) whose label `prefix + name + suffix` fits `room` px. */
export function fitName(
  name: string,
  prefix: string,
  suffix: string,
  room: number,
  fontSize: number,
  max: number,
) {
  const fits = (chars: number) => labelWidth(`${prefix}${shortName(name, chars)}${suffix}`, fontSize) <= room;
  let lo = 1;
  let hi = Math.max(1, max);
  if (fits(hi)) return shortName(name, hi);
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return shortName(name, lo);
}

/**
 * The visible labels ("12. name") of rows in drawing order, each fitting `room` px at `fontSize`:
 * names shortened in the middle, and names that shorten alike numbered " (2)", " (3)" within the
 * same room.
 */
export function fitLabels(
  ordered: readonly Pick<RankOverlapRow, "model" | "rank">[],
  { room, fontSize, maxLabel = MAX_LABEL }: { room: number; fontSize: number; maxLabel?: number },
): string[] {
  const first = ordered.map((r) => fitName(r.model, `${r.rank}. `, "", room, fontSize, maxLabel));
  const seen = new Map<string, number>();
  for (const l of first) seen.set(l, (seen.get(l) ?? 0) + 1);
  const count = new Map<string, number>();
  return ordered.map((r, i) => {
    const prefix = `${r.rank}. `;
    const l = first[i]!;
    if (seen.get(l) === 1) return `${prefix}${l}`;
    const n = (count.get(l) ?? 0) + 1;
    count.set(l, n);
    if (n === 1) return `${prefix}${l}`;
    const suffix = ` (${n})`;
    return `${prefix}${fitName(r.model, prefix, suffix, room, fontSize, maxLabel)}${suffix}`;
  });
}

/** Integer rank ticks (1, then multiples of a round step) that fit in `pixels`. */
export function rankTicks(m: number, pixels: number): number[] {
  const room = Math.max(2, Math.floor(pixels / 24));
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500].find((s) => Math.ceil(m / s) + 1 <= room) ?? 1000;
  const ticks = [1];
  for (let t = step; t <= m; t += step) if (t > 1) ticks.push(t);
  return ticks;
}

/** Where a chart draws its rows and panels: a pure function of the rows and the options. */
export interface RankOverlapLayout {
  /** Rows in drawing order (best rank first). */
  ordered: RankOverlapRow[];
  /** Each row's visible label ("12. name": shortened to fit its column; repeats numbered), in drawing order. */
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
  // The label column: at most 170 px when the panels are stacked (a phone), 270 px beside each
  // other. Every label is shortened to fit inside it, so none is cut at the figure's edge.
  const cap = Math.min(narrow ? 170 : 270, Math.max(90, Math.round(width * (narrow ? 0.56 : 0.36))));
  const labelSize = fontSize - 0.5;
  const labels = fitLabels(ordered, { room: cap - LABEL_GAP - 2, fontSize: labelSize, maxLabel });
  const longest = Math.max(0, ...labels.map((d) => labelWidth(d, labelSize)));
  const marginLeft = Math.min(cap, Math.round(LABEL_GAP + 4 + longest));
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
