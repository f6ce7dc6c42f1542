// Lesson 2's rank figure: a real leaderboard's models, each with its score interval and its 95%
// rank interval, beside the matrix of which pairwise gaps are significant — with N rescaled, so a
// learner sees a board dissolve into ties as the benchmark shrinks. The rank bootstrap runs on the
// main thread: while a control moves, a quick one (500 resamples, counts from the normal
// approximation: ≈ 1 ms, where the exact 2,000 take 2–5 ms in a browser, most of it building
// binomial tables at large N); the exact one 20 ms after the hand stops (ui/quickThenExact.ts).
// The other boards' exact models are made while the page is idle: a new board draws exact at once.
import { html } from "htl";
import type { Leaderboards } from "../data/types.js";
import { type PairCell, pairwiseSignificance, tiedByTest } from "../stats/pairwise.js";
import { rankBootstrap } from "../stats/rankBootstrap.js";
import type { RankEntry } from "../stats/ranks.js";
import { choice, range } from "../ui/controls.js";
import { type ExplorableElement, explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount } from "../ui/format.js";
import { keptDrawing, setText } from "../ui/inPlace.js";
import { quickThenExact } from "../ui/quickThenExact.js";
import { type RankOverlapChartElement, rankOverlapChart, rankRowText } from "./parts/rankChart.js";
import {
  QUICK_RANK_RESAMPLES,
  RANK_RESAMPLES,
  RANK_SEED,
  type RankOverlapRow,
  rankOverlapRows,
  rankOverlapSummary,
} from "./parts/rankRows.js";
import { type SignificanceMatrixElement, significanceMatrix } from "./parts/significanceMatrix.js";
import { type BoardOption, boardOptions, leaderboardEntries } from "./rankOverlap/boards.js";
import { rankOverlapPlan } from "./rankOverlap/plan.js";

export interface RankOverlapValues {
  /** "v1:mmlu" etc. (see boardOptions). */
  board: string;
  models: "top" | "known";
  n: number;
}

/** Everything the figure shows at one setting of its controls. */
export interface RankOverlapModel extends RankOverlapValues {
  option: BoardOption;
  /** "Open LLM Leaderboard v1" etc., and the benchmark's name. */
  boardLabel: string;
  benchmarkName: string;
  entries: RankEntry[];
  /** Every ordered pair's z-test. */
  pairs: PairCell[];
  rows: RankOverlapRow[];
  s: ReturnType<typeof rankOverlapSummary>;
  resamples: number;
  /** False for the quick bootstrap drawn while a control moves. */
  refined: boolean;
}

/**
 * The figure's model at `v` (pure): entries at N, pairwise tests, bootstrap rank intervals, summary
 * numbers; `quick`, from the quick bootstrap.
 */
export function deriveRankOverlap(
  boards: Leaderboards,
  v: RankOverlapValues,
  { quick = false }: { quick?: boolean } = {},
): RankOverlapModel {
  const options = boardOptions(boards);
  const option = options.find((o) => o.value === v.board) ?? options[0]!;
  const snap = boards[option.board];
  const entries = leaderboardEntries(v.models === "known" ? snap.known : snap.top, option.benchmark, v.n);
  const pairs = pairwiseSignificance(entries);
  const resamples = quick ? QUICK_RANK_RESAMPLES : RANK_RESAMPLES;
  const rows = rankOverlapRows(entries, rankBootstrap(entries, { resamples, seed: RANK_SEED, quick }));
  return {
    ...v,
    option,
    boardLabel: snap.label,
    benchmarkName: option.label.split(" · ")[1] ?? option.benchmark,
    entries,
    pairs,
    rows,
    s: rankOverlapSummary(rows, pairs),
    resamples,
    refined: !quick,
  };
}

/** The best `k` rows by rank (ties in rank broken by score, then name, as the chart orders them). */
function topRows(rows: readonly RankOverlapRow[], k: number): RankOverlapRow[] {
  return [...rows]
    .sort((a, b) => a.rank - b.rank || b.estimate - a.estimate || a.model.localeCompare(b.model))
    .slice(0, k);
}

/**
 * The chart beside (or above) the matrix; highlighting a model in the chart outlines it in the
 * matrix. Made once by `makeRankOverlapDrawing`; each call draws the model on the same nodes.
 */
export function makeRankOverlapDrawing(pin: { model: string | null } = { model: null }) {
  let chart: RankOverlapChartElement | undefined;
  let matrix: SignificanceMatrixElement | undefined;
  const note = html`<p class="l2-shown-note" hidden></p>` as HTMLElement;
  const caption = html`<figcaption></figcaption>` as HTMLElement;
  const figure = html`<figure class="l2-matrix">${caption}</figure>` as HTMLElement;
  const layout = html`<div class="l2-rank-layout"></div>` as HTMLElement;
  const root = html`<div class="l2-rank-figure">${note}${layout}</div>` as HTMLElement;
  return (m: RankOverlapModel, { width, present = false, height }: RenderContext): Node => {
    const plan = rankOverlapPlan(m.rows.length, width, present ? (height ?? null) : null);
    const rows = plan.shown < m.rows.length ? topRows(m.rows, plan.shown) : m.rows;
    const chartOptions = {
      width: plan.chartWidth,
      highlight: pin.model,
      tied: tiedByTest(m.pairs),
      scoreLabel: `${m.benchmarkName} score (%)`,
      ...plan.chart,
      boardSize: m.rows.length,
      onHighlight: (model: string | null) => matrix?.highlight(model),
    };
    const matrixOptions = { width: plan.matrixWidth, ...plan.matrix };
    if (!chart || !matrix) {
      matrix = significanceMatrix(rows, m.pairs, matrixOptions);
      chart = rankOverlapChart(rows, chartOptions);
      const made = chart;
      made.addEventListener("click", () => {
        pin.model = made.highlighted;
      });
      figure.prepend(matrix);
      layout.append(chart, figure);
    } else {
      matrix.update(rows, m.pairs, matrixOptions);
      chart.update(rows, chartOptions);
    }
    matrix.highlight(chart.highlighted);
    layout.className = `l2-rank-layout${plan.wide ? " wide" : ""}${present ? " present" : ""}`;
    figure.style.maxWidth = present ? `${Math.max(plan.matrixWidth, 200)}px` : "";
    setText(
      caption,
      `Which gaps are significant? Row and column numbers are ranks; a filled square with ✓ marks a pair whose gap is significant at 5% (z-test); a dashed empty square, one that is not. ${m.s.significantPairs} of ${m.s.pairsTotal} pairs. Point at a square for its gap and p-value.`,
    );
    // Fewer rows than the board has (a presented figure on a short screen): said above the drawing.
    note.hidden = plan.shown === m.rows.length;
    note.dataset.shown = String(plan.shown);
    setText(
      note,
      note.hidden
        ? ""
        : `Showing the top ${plan.shown} of ${m.rows.length} models so the figure fits the screen (ranks are among all ${m.rows.length}); leave present mode to see every model.`,
    );
    return root;
  };
}

export function rankOverlapReadout(m: RankOverlapModel): Node {
  const { s } = m;
  const scale = m.n / m.option.n;
  return html`<div>
    <div class="big-number" data-readout="could-be-first" data-value=${s.couldBeFirst}>${s.couldBeFirst}</div>
    <div class="big-caption">model${s.couldBeFirst === 1 ? "" : "s"} could plausibly be ranked 1st</div>
    <ul class="l2-stats">
      <li><span data-readout="pinned" data-value=${s.pinned}>${s.pinned}</span> of ${s.models} models have a single plausible rank</li>
      <li>median rank interval: <span data-readout="median-width" data-value=${s.medianWidth}>${s.medianWidth}</span> rank${s.medianWidth === 1 ? "" : "s"} wide</li>
      <li><span data-readout="significant-pairs" data-value=${s.significantPairs}>${s.significantPairs}</span> of ${s.pairsTotal} pairwise gaps are significant</li>
      <li>N = <span data-readout="n" data-value=${m.n}>${formatCount(m.n)}</span> (real: ${formatCount(m.option.n)}${scale !== 1 ? `, ×${scale < 0.1 ? scale.toFixed(3) : scale.toFixed(2)}` : ""})</li>
      <li class="l2-refine" data-refined=${String(m.refined)} data-resamples=${m.resamples}>rank intervals from ${formatCount(m.resamples)} bootstrap resamples${m.refined ? "" : " (2,000 when you let go)"}</li>
    </ul>
  </div>`;
}

export function rankOverlapNotice(m: RankOverlapModel): string {
  if (m.n < m.option.n)
    return m.s.couldBeFirst > 1
      ? `With ${formatCount(m.n)} questions instead of ${formatCount(m.option.n)}, ${m.s.couldBeFirst} of the ${m.s.models} models could be first and the median rank interval spans ${m.s.medianWidth} ranks: most of the order is noise.`
      : "With fewer questions the score intervals widen and the ranks dissolve into runs of ties: most of the order is noise.";
  return m.s.couldBeFirst > 1
    ? `Hover or focus a model: the bold rows are the models it cannot be told apart from. Even at the real N, ${m.s.couldBeFirst} models could be ranked first.`
    : "Hover or focus a model: the bold rows are the models it cannot be told apart from. At the top of a board, a rank is usually a range.";
}

export function rankOverlapSummaryText(m: RankOverlapModel): string {
  const { s } = m;
  return (
    `${m.boardLabel}, ${m.benchmarkName}, ${s.models} ${m.models === "known" ? "familiar" : "top"} models at N = ${formatCount(m.n)} questions` +
    `${m.n !== m.option.n ? ` (the real benchmark has ${formatCount(m.option.n)})` : ""}. ${s.couldBeFirst} model(s) could be ranked first; ` +
    `${s.pinned} have a single plausible rank; the median rank interval spans ${s.medianWidth} ranks; ${s.significantPairs} of ${s.pairsTotal} gaps are significant. ` +
    `${[...m.rows]
      .sort((a, b) => a.rank - b.rank)
      .map(rankRowText)
      .join("; ")}.`
  );
}

export function rankOverlapFigure(boards: Leaderboards) {
  const options = boardOptions(boards);
  const realN = (value: string) => (options.find((o) => o.value === value) ?? options[0]!).n;
  const board = choice({
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
    value: realN("v1:mmlu"),
    numberBox: true,
    format: formatCount,
  });
  // Choosing another benchmark starts it at its real N (before the figure redraws).
  board.element.addEventListener("input", () => {
    n.value = realN(board.value);
  });
  const models = choice({
    key: "models",
    label: "Models",
    options: [
      { value: "top", label: "Top 20 of the board" },
      { value: "known", label: "Familiar models" },
    ],
    value: "top" as RankOverlapValues["models"],
  });
  // The model a click pinned: kept across redraws.
  const pin = { model: null as string | null };
  let root: ExplorableElement | null = null;
  // While a control moves, the quick bootstrap; the exact one when it stops (kept per setting).
  const derive = quickThenExact<RankOverlapValues, RankOverlapModel>({
    keyOf: (v) => `${v.board}|${v.models}|${v.n}`,
    quick: (v) => deriveRankOverlap(boards, v, { quick: true }),
    exact: (v) => deriveRankOverlap(boards, v),
    figure: () => root,
    // The other boards at their real N (where a new board starts), made while the page is idle.
    ahead: (v) => options.map((o) => ({ board: o.value, models: v.models, n: o.n })),
  });
  root = explorable({
    id: "l2-rank-overlap",
    title: "Ranks are estimates too: each model's score interval and its plausible ranks",
    controls: { board, models, n },
    presets: [
      { label: "v1 top 20 on MMLU, real N", values: { board: "v1:mmlu", models: "top", n: 14042 } },
      { label: "…as if it had 164 questions", values: { board: "v1:mmlu", models: "top", n: 164 } },
      { label: "Familiar models on GSM8K", values: { board: "v1:gsm8k", models: "known", n: 1319 } },
      { label: "v2 on MMLU-Pro", values: { board: "v2:mmlu_pro_raw", models: "known", n: 12032 } },
      { label: "MuSR (N = 756) at 100,000", values: { board: "v2:musr_raw", models: "known", n: 100_000 } },
    ],
    source:
      `Scores: ${boards.v1.label}, ${boards.v1.source}; ${boards.v2.label}, ${boards.v2.source}. ` +
      `N from data/benchmarks.csv. Score intervals: Wilson, 95%. Rank intervals: parametric bootstrap, ${formatCount(RANK_RESAMPLES)} resamples, 95%. ` +
      "Ties: two-proportion z-test at 5%, treating two models' scores as independent.",
    derive,
    draw: keptDrawing(() => makeRankOverlapDrawing(pin)),
    readout: rankOverlapReadout,
    notice: rankOverlapNotice,
    summary: rankOverlapSummaryText,
  });
  return root;
}
