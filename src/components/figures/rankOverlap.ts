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
import { formatCount, formatPercent } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";
import { RankIntervalCache } from "./rankIntervalCache.js";

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
}

/** The chart element: an HTML container with a method to move the highlight without redrawing. */
export interface RankOverlapChartElement extends HTMLDivElement {
  /** Highlight a model (and its ties), or clear with null. */
  highlight(model: string | null): void;
  /** The model currently highlighted. */
  readonly highlighted: string | null;
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
const shortName = (name: string) => {
  const tail = name.includes("/") ? name.slice(name.lastIndexOf("/") + 1) : name;
  return tail.length > MAX_LABEL ? `${tail.slice(0, MAX_LABEL - 1)}…` : tail;
};

/** Integer rank ticks (1, then multiples of a round step) that fit in `pixels`. */
export function rankTicks(m: number, pixels: number): number[] {
  const room = Math.max(2, Math.floor(pixels / 24));
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500].find((s) => Math.ceil(m / s) + 1 <= room) ?? 1000;
  const ticks = [1];
  for (let t = step; t <= m; t += step) if (t > 1) ticks.push(t);
  return ticks;
}

/** Tag the i-th rendered element of every mark in `svg` whose aria-label is in `marks` with its row's model. */
function tagMarks(svg: Element, marks: string[], ordered: readonly RankOverlapRow[]) {
  for (const name of marks) {
    for (const group of svg.querySelectorAll(`g.ro-${name}`)) {
      Array.from(group.children).forEach((child, i) => {
        const row = ordered[i];
        if (row) (child as SVGElement).dataset.model = row.model;
      });
    }
  }
}

/**
 * Draw a rank-overlap chart: left, each model's score interval (dot = estimate); right, its rank
 * interval (bar) and rank (dot). Rows are ordered by rank. Returns an element; call
 * `.highlight(model)` on it to move the highlight (hover and keyboard focus do this too).
 */
export function rankOverlapChart(
  rows: readonly RankOverlapRow[],
  {
    width,
    highlight = null,
    tied = rankIntervalsOverlap,
    scoreLabel = "Score (%)",
    rowHeight = 24,
  }: RankOverlapChartOptions,
): RankOverlapChartElement {
  const container = document.createElement("div") as unknown as RankOverlapChartElement;
  container.className = "rank-overlap-chart";
  const ordered = [...rows].sort(
    (a, b) => a.rank - b.rank || b.estimate - a.estimate || a.model.localeCompare(b.model),
  );
  if (ordered.length === 0) {
    container.textContent = "No models to rank.";
    Object.assign(container, { highlight() {} });
    return container;
  }
  const m = ordered.length;
  const labels = new Map(ordered.map((r) => [r.model, shortName(r.model)]));
  // Two models that shorten to the same label keep their full names apart.
  const seen = new Map<string, number>();
  for (const r of ordered) {
    const l = labels.get(r.model)!;
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    if (n > 1) labels.set(r.model, `${l} (${n})`);
  }
  const labelOf = (r: RankOverlapRow) => labels.get(r.model)!;
  const domain = ordered.map(labelOf);
  const longest = Math.max(...domain.map((d) => d.length));
  const narrow = width < 560;
  const marginLeft = Math.min(narrow ? 170 : 260, 40 + 7 * longest);
  const height = 44 + 36 + m * rowHeight;
  const rankWidth = narrow ? width : Math.max(200, Math.round(width * 0.34));
  const scoreWidth = narrow ? width : width - rankWidth - 12;

  const lo = Math.min(...ordered.map((r) => r.lower));
  const hi = Math.max(...ordered.map((r) => r.upper));
  const pad = Math.max(0.005, (hi - lo) * 0.06);
  const scoreDomain = [Math.max(0, lo - pad) * 100, Math.min(1, hi + pad) * 100];

  const scorePlot = Plot.plot({
    width: scoreWidth,
    height,
    marginLeft,
    marginRight: 16,
    marginTop: 44,
    marginBottom: 36,
    style: { fontSize: "13px" },
    x: { domain: scoreDomain, label: `${scoreLabel} →`, grid: true, axis: "top" },
    y: { domain, label: null, tickSize: 0, axis: null },
    marks: [
      Plot.link(ordered, {
        x1: (d: RankOverlapRow) => 100 * d.lower,
        x2: (d: RankOverlapRow) => 100 * d.upper,
        y1: labelOf,
        y2: labelOf,
        stroke: palette.blue,
        strokeWidth: 5,
        strokeLinecap: "round",
        className: "ro-score-interval",
      }),
      Plot.dot(ordered, {
        x: (d: RankOverlapRow) => 100 * d.estimate,
        y: labelOf,
        r: 4,
        fill: "var(--theme-background, white)",
        stroke: "currentColor",
        strokeWidth: 1.5,
        className: "ro-score-dot",
      }),
      Plot.text(ordered, {
        x: scoreDomain[0],
        y: labelOf,
        text: (d: RankOverlapRow) => `${d.rank}. ${labelOf(d)}`,
        textAnchor: "end",
        dx: -8,
        fontSize: 12.5,
        className: "ro-model-label",
      }),
    ],
  });
  scorePlot.setAttribute("aria-label", `Score and interval of ${m} models, best first`);

  const rankPlot = Plot.plot({
    width: rankWidth,
    height,
    marginLeft: narrow ? marginLeft : 12,
    marginRight: 46,
    marginTop: 44,
    marginBottom: 36,
    style: { fontSize: "13px" },
    x: {
      domain: [0.5, m + 0.5],
      label: "Plausible rank (95%) →",
      grid: false,
      axis: "top",
      ticks: rankTicks(m, rankWidth - 58),
      tickFormat: "d",
    },
    y: { domain, label: null, axis: null },
    marks: [
      Plot.ruleX(
        Array.from({ length: m }, (_, i) => i + 1),
        { stroke: "currentColor", strokeOpacity: 0.08 },
      ),
      Plot.link(ordered, {
        x1: (d: RankOverlapRow) => d.rankLower - 0.35,
        x2: (d: RankOverlapRow) => d.rankUpper + 0.35,
        y1: labelOf,
        y2: labelOf,
        stroke: palette.orange,
        strokeWidth: 9,
        strokeLinecap: "round",
        className: "ro-rank-interval",
      }),
      Plot.dot(ordered, { x: "rank", y: labelOf, r: 3.5, fill: "currentColor", className: "ro-rank-dot" }),
      Plot.text(ordered, {
        x: (d: RankOverlapRow) => d.rankUpper + 0.35,
        y: labelOf,
        text: (d: RankOverlapRow) =>
          d.rankLower === d.rankUpper ? `${d.rank}` : `${d.rankLower}–${d.rankUpper}`,
        textAnchor: "start",
        dx: 6,
        fontSize: 11.5,
        className: "ro-rank-label",
      }),
    ],
  });
  rankPlot.setAttribute("aria-label", "Each model's 95% rank interval");

  for (const [svg, marks] of [
    [scorePlot, ["score-interval", "score-dot", "model-label"]],
    [rankPlot, ["rank-interval", "rank-dot", "rank-label"]],
  ] as const) {
    tagMarks(svg, [...marks], ordered);
  }

  // Keyboard: each model label is focusable; arrows move between models, Escape clears.
  const entryModel = ordered.some((r) => r.model === highlight) ? highlight : ordered[0]!.model;
  const labelNodes = Array.from(scorePlot.querySelectorAll<SVGTextElement>("g.ro-model-label > text"));
  labelNodes.forEach((node, i) => {
    const row = ordered[i]!;
    // One tab stop for the whole list (roving tabindex): Tab enters at the highlighted model or the first.
    node.setAttribute("tabindex", row.model === entryModel ? "0" : "-1");
    node.setAttribute("role", "button");
    const ties = tiedWith(ordered, row.model, tied).length;
    // The accessible name starts with the visible (possibly shortened) label, as WCAG 2.5.3 asks.
    const visible = (node.textContent ?? "").trim();
    node.setAttribute(
      "aria-label",
      `${visible}${visible === row.model ? "" : ` (${row.model})`}: ${(100 * row.estimate).toFixed(1)}%, interval ${(100 * row.lower).toFixed(1)}–${(100 * row.upper).toFixed(1)}; ` +
        `rank ${row.rank}, plausible ranks ${row.rankLower}–${row.rankUpper}; tied with ${ties} other model${ties === 1 ? "" : "s"}`,
    );
    node.addEventListener("focus", () => {
      for (const other of labelNodes) other.setAttribute("tabindex", other === node ? "0" : "-1");
      container.highlight(row.model);
    });
    node.addEventListener("keydown", (event) => {
      const step = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
      if (step) {
        event.preventDefault();
        labelNodes[Math.max(0, Math.min(m - 1, i + step))]?.focus();
      } else if (event.key === "Escape") {
        pinned = null;
        container.highlight(null);
      }
    });
  });

  const legend = document.createElement("p");
  legend.className = "rank-overlap-legend";
  legend.innerHTML =
    '<span class="swatch swatch-focus" aria-hidden="true">◆</span> highlighted model ' +
    '<span class="swatch swatch-tied" aria-hidden="true">●</span> statistically tied with it (bold) ' +
    '<span class="swatch swatch-other" aria-hidden="true">○</span> distinguishable (faded). ' +
    "Hover a row, or Tab to the model names and move with ↑ ↓ (Esc clears).";

  const panels = document.createElement("div");
  panels.className = "rank-overlap-panels";
  panels.style.display = "flex";
  panels.style.flexWrap = "wrap";
  panels.style.gap = "12px";
  panels.append(scorePlot, rankPlot);
  container.append(panels, legend);

  let current: string | null = null;
  let pinned: string | null = highlight;
  const byModel = new Map(ordered.map((r) => [r.model, r]));
  container.highlight = (model) => {
    current = model && byModel.has(model) ? model : null;
    const ties = current ? new Set(tiedWith(ordered, current, tied)) : new Set<string>();
    container.dataset.highlight = current ?? "";
    container.dataset.tied = String(ties.size);
    for (const node of container.querySelectorAll<SVGElement>("[data-model]")) {
      const name = node.dataset.model!;
      const state = current === null ? "" : name === current ? "focus" : ties.has(name) ? "tied" : "other";
      if (state) node.setAttribute("data-state", state);
      else node.removeAttribute("data-state");
    }
  };
  Object.defineProperty(container, "highlighted", { get: () => current });

  // Hover: the row under the pointer (in either panel) is highlighted.
  const rowAt = (svg: SVGSVGElement, clientY: number) => {
    const box = svg.getBoundingClientRect();
    const y = clientY - box.top - 44;
    const i = Math.floor(y / ((height - 80) / m));
    return i >= 0 && i < m ? ordered[i]!.model : null;
  };
  for (const svg of [scorePlot, rankPlot] as SVGSVGElement[]) {
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
 */
export function pairwiseSignificance(entries: readonly RankEntry[], { alpha = 0.05 } = {}): PairCell[] {
  const out: PairCell[] = [];
  for (const a of entries) {
    for (const b of entries) {
      if (a === b) continue;
      const t = twoProportionTest(a, b);
      out.push({
        a: a.model,
        b: b.model,
        diffPp: 100 * t.diff,
        pValue: t.pValue,
        significant: t.pValue < alpha,
      });
    }
  }
  return out;
}

/**
 * Rank intervals from pairwise tests alone (no bootstrap): a model can rank no better than one
 * plus the models significantly above it, and no worse than the board size minus the models
 * significantly below it — the rule Chatbot Arena uses for its ranks. A cheap first answer
 * while the bootstrap runs.
 */
export function pairwiseRankIntervals(entries: readonly RankEntry[], { alpha = 0.05 } = {}): RankInterval[] {
  const m = entries.length;
  const ranks = competitionRanks(entries.map((e) => e.k / e.n));
  return entries.map((a, i) => {
    let above = 0;
    let below = 0;
    for (const b of entries) {
      if (a === b) continue;
      const t = twoProportionTest(b, a);
      if (t.pValue < alpha) {
        if (t.diff > 0) above++;
        else below++;
      }
    }
    return {
      model: a.model,
      estimate: a.k / a.n,
      rank: ranks[i]!,
      lower: Math.min(1 + above, ranks[i]!),
      upper: Math.max(m - below, ranks[i]!),
    };
  });
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

/** The pairwise matrix as an SVG: a filled square with a mark where the gap is significant. */
export function significanceMatrix(
  rows: readonly RankOverlapRow[],
  pairs: readonly PairCell[],
  { width }: { width: number },
): SVGSVGElement {
  const ordered = [...rows].sort((a, b) => a.rank - b.rank || b.estimate - a.estimate);
  const m = ordered.length;
  const cell = Math.max(12, Math.min(26, Math.floor((width - 60) / Math.max(1, m))));
  const size = 40 + cell * m;
  const key = new Map(pairs.map((p) => [`${p.a}\u0000${p.b}`, p]));
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  // Built as one string: 400 cells as DOM calls cost a frame; as markup they cost a millisecond.
  const parts: string[] = [];
  ordered.forEach((_, i) => {
    parts.push(
      `<text x="34" y="${40 + i * cell + cell / 2 + 4}" text-anchor="end" font-size="11" fill="currentColor">${i + 1}</text>`,
    );
    parts.push(
      `<text x="${40 + i * cell + cell / 2}" y="30" text-anchor="middle" font-size="11" fill="currentColor">${i + 1}</text>`,
    );
  });
  let significant = 0;
  ordered.forEach((ra, i) => {
    ordered.forEach((rb, j) => {
      const x = 40 + j * cell + 1;
      const y = 40 + i * cell + 1;
      const box = `x="${x}" y="${y}" width="${cell - 2}" height="${cell - 2}" data-a="${esc(ra.model)}" data-b="${esc(rb.model)}"`;
      if (i === j) {
        parts.push(`<rect ${box} fill="currentColor" fill-opacity="0.08"></rect>`);
        return;
      }
      const p = key.get(`${ra.model}\u0000${rb.model}`);
      const sig = p?.significant ?? false;
      if (sig) significant++;
      const title = `#${i + 1} ${ra.model} vs #${j + 1} ${rb.model}: ${p ? `${p.diffPp >= 0 ? "+" : ""}${p.diffPp.toFixed(2)} pp, p = ${p.pValue.toFixed(3)}` : ""}${sig ? " — significant" : " — not significant"}`;
      parts.push(
        sig
          ? `<rect ${box} fill="${palette.blue}" data-significant="true" data-tip="${esc(title)}"></rect>`
          : `<rect ${box} fill="none" stroke="${palette.grey}" stroke-opacity="0.5" stroke-dasharray="2,2" data-significant="false" data-tip="${esc(title)}"></rect>`,
      );
      if (sig && cell >= 14) {
        parts.push(
          `<text x="${x - 1 + cell / 2}" y="${y - 1 + cell / 2 + 4}" text-anchor="middle" font-size="${Math.min(12, cell - 4)}" fill="white" aria-hidden="true">✓</text>`,
        );
      }
    });
  });
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("width", String(size + 10));
  svg.setAttribute("height", String(size + 10));
  svg.setAttribute("viewBox", `0 0 ${size + 10} ${size + 10}`);
  svg.setAttribute("class", "significance-matrix");
  svg.setAttribute("role", "img");
  svg.setAttribute(
    "aria-label",
    `Pairwise significance: ${significant / 2} of ${(m * (m - 1)) / 2} gaps are significant at 5%`,
  );
  svg.innerHTML = parts.join("");
  // Tooltips are made on first hover, not for all cells up front (that would cost a frame).
  svg.addEventListener("pointerover", (event) => {
    const cell = event.target as SVGElement;
    if (cell.dataset?.tip && !cell.firstChild) {
      const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
      title.textContent = cell.dataset.tip;
      cell.append(title);
    }
  });
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
  const cache = new RankIntervalCache({
    quick,
    full,
    worker,
    // While the learner drags, ranks come from the pairwise tests; the bootstrap runs in the worker.
    quickIntervals: worker ? (entries) => pairwiseRankIntervals(entries) : null,
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
    render(v, { width }) {
      const opt = optionOf(v.board);
      const snap = boards[opt.board];
      const models = v.models === "known" ? snap.known : snap.top;
      const entries = leaderboardEntries(models, opt.benchmark, v.n);
      currentKey = `${v.board}|${v.models}|${v.n}`;
      const result = cache.get(currentKey, entries);
      const rows = rankOverlapRows(entries, result.intervals);
      const pairs = pairwiseSignificance(entries);
      const sig = new Set(pairs.filter((p) => p.significant).map((p) => `${p.a}\u0000${p.b}`));
      const tied = (a: RankOverlapRow, b: RankOverlapRow) => !sig.has(`${a.model}\u0000${b.model}`);
      const s = rankOverlapSummary(rows, pairs);
      const wide = width >= 1000;
      const chartWidth = wide ? width - 316 : width;
      const chart = rankOverlapChart(rows, {
        width: chartWidth,
        highlight: pinned,
        tied,
        scoreLabel: `${opt.label.split(" · ")[1]} score (%)`,
      });
      chart.addEventListener("click", () => {
        pinned = chart.highlighted;
      });
      const matrix = significanceMatrix(rows, pairs, { width: wide ? 300 : Math.min(width, 420) });
      const matrixBox = document.createElement("figure");
      matrixBox.className = "l2-matrix";
      const caption = document.createElement("figcaption");
      caption.textContent = `Which gaps are significant? Row and column numbers are ranks; a filled square with ✓ marks a pair whose gap is significant at 5% (z-test); a dashed empty square, one that is not. ${s.significantPairs} of ${s.pairsTotal} pairs.`;
      matrixBox.append(matrix, caption);
      const figure = document.createElement("div");
      figure.className = wide ? "l2-rank-layout wide" : "l2-rank-layout";
      figure.append(chart, matrixBox);

      const scale = v.n / opt.n;
      const readout = document.createElement("div");
      readout.innerHTML = `
        <div class="big-number" data-readout="could-be-first" data-value="${s.couldBeFirst}">${s.couldBeFirst}</div>
        <div class="big-caption">model${s.couldBeFirst === 1 ? "" : "s"} could plausibly be ranked 1st</div>
        <ul class="l2-stats">
          <li><span data-readout="pinned" data-value="${s.pinned}">${s.pinned}</span> of ${s.models} models have a single plausible rank</li>
          <li>median rank interval: <span data-readout="median-width" data-value="${s.medianWidth}">${s.medianWidth}</span> rank${s.medianWidth === 1 ? "" : "s"} wide</li>
          <li><span data-readout="significant-pairs" data-value="${s.significantPairs}">${s.significantPairs}</span> of ${s.pairsTotal} pairwise gaps are significant</li>
          <li>N = <span data-readout="n" data-value="${v.n}">${formatCount(v.n)}</span> (real: ${formatCount(opt.n)}${scale !== 1 ? `, ×${scale < 0.1 ? scale.toFixed(3) : scale.toFixed(2)}` : ""})</li>
          <li class="l2-refine" data-refined="${result.refined}" data-resamples="${result.resamples}">${result.refined ? `rank intervals from ${formatCount(result.resamples)} bootstrap resamples` : result.resamples === 0 ? "rough rank intervals from the pairwise tests; the bootstrap is refining them…" : `rough rank intervals (${result.resamples} resamples); refining…`}</li>
        </ul>`;
      const summary =
        `${snap.label}, ${opt.label.split(" · ")[1]}, ${s.models} ${v.models === "known" ? "familiar" : "top"} models at N = ${formatCount(v.n)} questions` +
        `${v.n !== opt.n ? ` (the real benchmark has ${formatCount(opt.n)})` : ""}. ${s.couldBeFirst} model(s) could be ranked first; ` +
        `${s.pinned} have a single plausible rank; the median rank interval spans ${s.medianWidth} ranks; ${s.significantPairs} of ${s.pairsTotal} gaps are significant. ` +
        rows
          .slice()
          .sort((a, b) => a.rank - b.rank)
          .map(
            (r) =>
              `${r.rank}. ${r.model} ${formatPercent(r.estimate)} (${formatPercent(r.lower)}–${formatPercent(r.upper)}), ranks ${r.rankLower}–${r.rankUpper}`,
          )
          .join("; ") +
        ".";
      return { figure, summary, readout };
    },
  });
  return root;
}
