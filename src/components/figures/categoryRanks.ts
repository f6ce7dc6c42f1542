// Overall rank vs rank in one category: MMLU-Pro per category for 29 models, with each
// category's own (smaller) N, so a category leader can be checked against the noise.
// A figure in the anatomy (derive → draw, readout, notice, summary); its rank intervals come from
// the fast bootstrap (stats/rankBootstrap.ts), so it needs no Worker.
import { html } from "htl";
import type { CategoryBoard } from "../data/types.js";
import { type PairCell, pairwiseSignificance, tiedByTest } from "../stats/pairwise.js";
import { rankBootstrap } from "../stats/rankBootstrap.js";
import type { RankEntry } from "../stats/ranks.js";
import { choice } from "../ui/controls.js";
import { type ExplorableElement, explorable, type RenderContext } from "../ui/explorable.js";
import { fitRowHeight } from "../ui/fitRows.js";
import { formatCount, formatOrdinal, formatPercent, formatPValue } from "../ui/format.js";
import { keptDrawing } from "../ui/inPlace.js";
import { quickThenExact } from "../ui/quickThenExact.js";
import {
  type CategoryReading,
  categoryEntries,
  ranksByAccuracy,
  readCategory,
} from "./categoryRanksModel.js";
import { type RankOverlapChartElement, rankOverlapChart } from "./parts/rankChart.js";
import {
  QUICK_RANK_RESAMPLES,
  RANK_RESAMPLES,
  RANK_SEED,
  type RankOverlapRow,
  rankOverlapRows,
} from "./parts/rankRows.js";

// The numbers module's names, for the pages and tests that import them from the figure.
export { type CategoryReading, categoryEntries, readCategory };

/** What the board left out so that every model is ranked on the same questions, in one sentence. */
export function coverageNote(board: CategoryBoard): string {
  const c = board.coverage;
  if (!c) return "Each model is counted on the questions it has a result for (its own N).";
  if (c.common === c.questions)
    return `Every model has a result for all ${formatCount(c.questions)} questions.`;
  const who = c.incomplete.map((m) => `${m.model} (${formatCount(m.missing)})`).join(", ");
  return `Counted on the ${formatCount(c.common)} of ${formatCount(c.questions)} questions every model has a result for; left out are those without a result from ${who}.`;
}

export interface CategoryRanksModel {
  category: string;
  entries: RankEntry[];
  pairs: PairCell[];
  rows: RankOverlapRow[];
  /** Each model's rank on the whole test. */
  overall: Map<string, number>;
  reading: CategoryReading;
  resamples: number;
  /** False for the quick bootstrap drawn at once when the subject changes. */
  refined: boolean;
}

/**
 * The figure's model for one subject (pure): entries, pairwise tests, bootstrap rank intervals, the
 * reading; `quick`, from the quick bootstrap (as the rank-overlap figure draws while a control moves).
 */
export function deriveCategoryRanks(
  board: CategoryBoard,
  category: string,
  { quick = false }: { quick?: boolean } = {},
): CategoryRanksModel {
  const entries = categoryEntries(board, category);
  const resamples = quick ? QUICK_RANK_RESAMPLES : RANK_RESAMPLES;
  return {
    category,
    entries,
    pairs: pairwiseSignificance(entries),
    rows: rankOverlapRows(entries, rankBootstrap(entries, { resamples, seed: RANK_SEED, quick })),
    overall: ranksByAccuracy(categoryEntries(board, "all")),
    reading: readCategory(board, category),
    resamples,
    refined: !quick,
  };
}

const subject = (m: CategoryRanksModel) => (m.category === "all" ? "the whole test" : m.category);

/** The rank chart of one category: made once, then drawn again on the same nodes as the category changes. */
export function makeCategoryRanksDrawing() {
  let chart: RankOverlapChartElement | undefined;
  return (m: CategoryRanksModel, { width, height }: RenderContext): Node => {
    const options = {
      width,
      highlight: m.reading.leader,
      tied: tiedByTest(m.pairs),
      scoreLabel: `MMLU-Pro ${m.category === "all" ? "overall" : m.category} accuracy (%)`,
      rowHeight: fitRowHeight(height, m.rows.length, { normal: 20, min: 13, chrome: 56 }),
    };
    if (chart) chart.update(m.rows, options);
    else chart = rankOverlapChart(m.rows, options);
    return chart;
  };
}

export function categoryRanksReadout(m: CategoryRanksModel): Node {
  const r = m.reading;
  const leader = m.rows.find((row) => row.model === r.leader)!;
  return html`<div>
    <div class="big-number" data-readout="leader-overall-rank" data-value=${r.leaderOverallRank}>${formatOrdinal(r.leaderOverallRank)} overall</div>
    <div class="big-caption"><strong data-readout="leader" data-model=${r.leader}>${r.leader}</strong> leads ${subject(m)}</div>
    <ul class="l2-stats">
      <li>Lead over ${r.runnerUp}: <span data-readout="lead" data-value=${r.leadPp}>${r.leadPp.toFixed(1)} pp</span>, ${formatPValue(r.leadP)}</li>
      <li>Its plausible ranks here: <span data-readout="leader-ranks" data-lower=${leader.rankLower} data-upper=${leader.rankUpper}>${leader.rankLower}–${leader.rankUpper}</span></li>
      <li>Climb 2+ places against their overall rank: ${r.risers.length ? r.risers.map((x) => `${x.model} (${x.overall} → ${x.here})`).join(", ") : "none"}</li>
      <li class="l2-refine" data-refined=${String(m.refined)} data-resamples=${m.resamples}>rank intervals from ${formatCount(m.resamples)} bootstrap resamples${m.refined ? "" : ` (${formatCount(RANK_RESAMPLES)} in a moment)`}</li>
    </ul>
  </div>`;
}

export function categoryRanksNotice(m: CategoryRanksModel): string {
  const r = m.reading;
  return m.category === "all"
    ? "The overall board: pick a subject to see who leads there — and whether the lead survives its smaller N."
    : `${r.leader} leads ${m.category} (overall rank ${r.leaderOverallRank}) by ${r.leadPp.toFixed(1)} pp, ${formatPValue(r.leadP)}: ${r.leadP < 0.05 ? "a lead larger than the noise." : "a lead the noise could produce — a category rank is an estimate too."}`;
}

export function categoryRanksSummary(m: CategoryRanksModel): string {
  const r = m.reading;
  return (
    `MMLU-Pro, ${m.category === "all" ? "all subjects" : m.category}: ${m.rows.length} models. ${r.leader} leads (overall rank ${r.leaderOverallRank}) by ${r.leadPp.toFixed(1)} pp over ${r.runnerUp}, ${formatPValue(r.leadP)}. ` +
    `${[...m.rows]
      .sort((a, b) => a.rank - b.rank)
      .map(
        (row) =>
          `${row.rank}. ${row.model} ${formatPercent(row.estimate)} (overall rank ${m.overall.get(row.model)}, plausible ranks ${row.rankLower}–${row.rankUpper})`,
      )
      .join("; ")}.`
  );
}

export function categoryRanksFigure(board: CategoryBoard) {
  const total = board.categories.reduce((s, c) => s + c.n, 0);
  let root: ExplorableElement | null = null;
  // A new subject is drawn at once from the quick bootstrap, then exactly (kept per subject);
  const derive = quickThenExact<{ category: string }, CategoryRanksModel>({
    keyOf: (v) => v.category,
    quick: (v) => deriveCategoryRanks(board, v.category, { quick: true }),
    exact: (v) => deriveCategoryRanks(board, v.category),
    figure: () => root,
    // The other subjects, made exact while the page is idle: a first pick is exact at once.
    ahead: () => [{ category: "all" }, ...board.categories.map((c) => ({ category: c.category }))],
  });
  root = explorable({
    id: "l2-categories",
    title: "Overall rank or category rank? MMLU-Pro by subject, with each subject's own N",
    controls: {
      category: choice({
        key: "category",
        label: "Subject",
        kind: "select",
        options: [
          { value: "all", label: `All subjects (N = ${formatCount(total)})` },
          ...board.categories.map((c) => ({
            value: c.category,
            label: `${c.category} (N = ${formatCount(c.n)})`,
          })),
        ],
        value: "math",
      }),
    },
    presets: [
      {
        label: `Math: led by the overall #${readCategory(board, "math").leaderOverallRank}`,
        values: { category: "math" },
      },
      { label: "Health", values: { category: "health" } },
      { label: "Law", values: { category: "law" } },
      { label: "Overall", values: { category: "all" } },
    ],
    source: `${board.source}. ${coverageNote(board)} Caveats: the Llama-3.1, Mathstral, Jamba and Gemini files were parsed differently; an unparsed answer counts as wrong.`,
    derive,
    draw: keptDrawing(makeCategoryRanksDrawing),
    readout: categoryRanksReadout,
    notice: categoryRanksNotice,
    summary: categoryRanksSummary,
  });
  return root;
}
