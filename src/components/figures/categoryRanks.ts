// Overall rank vs rank in one category: MMLU-Pro per category for 29 models, with each
// category's own (smaller) N, so a category leader can be checked against the noise.
import type { CategoryBoard } from "../data/types.js";
import { type RankEntry, twoProportionTest } from "../stats/index.js";
import { choice } from "../ui/controls.js";
import { type ExplorableElement, explorable } from "../ui/explorable.js";
import { fitRowHeight } from "../ui/fitRows.js";
import { formatCount, formatPercent, formatPValue } from "../ui/format.js";
import { RankIntervalCache } from "./rankIntervalCache.js";
import { pairwiseRankIntervals, rankOverlapChart, rankOverlapRows } from "./rankOverlap.js";

/** Each model's right answers and questions answered in `category` ("all" = the whole test). */
export function categoryEntries(board: CategoryBoard, category: string): RankEntry[] {
  return board.models
    .map((model) => {
      const c = board.counts[model]?.[category];
      return c && c[1] > 0 ? { model, k: c[0], n: c[1] } : null;
    })
    .filter((e): e is RankEntry => e !== null);
}

/** Rank by accuracy (1 = best), ties sharing the better rank. */
function ranksByAccuracy(entries: readonly RankEntry[]): Map<string, number> {
  const sorted = [...entries].sort((a, b) => b.k / b.n - a.k / a.n);
  const out = new Map<string, number>();
  sorted.forEach((e, i) => {
    const prev = sorted[i - 1];
    out.set(e.model, prev && prev.k / prev.n === e.k / e.n ? out.get(prev.model)! : i + 1);
  });
  return out;
}

export interface CategoryReading {
  category: string;
  leader: string;
  leaderOverallRank: number;
  /** Models whose category rank beats their overall rank by 2 or more. */
  risers: { model: string; overall: number; here: number }[];
  /** The category leader vs the runner-up. */
  leadPp: number;
  leadP: number;
  runnerUp: string;
}

export function readCategory(board: CategoryBoard, category: string): CategoryReading {
  const here = categoryEntries(board, category);
  const overall = ranksByAccuracy(categoryEntries(board, "all"));
  const ranks = ranksByAccuracy(here);
  const sorted = [...here].sort((a, b) => b.k / b.n - a.k / a.n);
  const [first, second] = sorted as [RankEntry, RankEntry];
  const t = twoProportionTest(first, second);
  return {
    category,
    leader: first.model,
    leaderOverallRank: overall.get(first.model) ?? 0,
    risers: here
      .map((e) => ({ model: e.model, overall: overall.get(e.model)!, here: ranks.get(e.model)! }))
      .filter((r) => r.overall - r.here >= 2)
      .sort((a, b) => a.here - b.here),
    leadPp: 100 * t.diff,
    leadP: t.pValue,
    runnerUp: second.model,
  };
}

/** What the board left out so that every model is ranked on the same questions, in one sentence. */
export function coverageNote(board: CategoryBoard): string {
  const c = board.coverage;
  if (!c) return "Each model is counted on the questions it has a result for (its own N).";
  if (c.common === c.questions)
    return `Every model has a result for all ${formatCount(c.questions)} questions.`;
  const who = c.incomplete.map((m) => `${m.model} (${formatCount(m.missing)})`).join(", ");
  return `Counted on the ${formatCount(c.common)} of ${formatCount(c.questions)} questions every model has a result for; left out are those without a result from ${who}.`;
}

export function categoryRanksFigure(board: CategoryBoard, { worker = null as Worker | null } = {}) {
  let root: ExplorableElement | null = null;
  let currentKey = "";
  const cache = new RankIntervalCache({
    worker,
    quickIntervals: worker ? (entries) => pairwiseRankIntervals(entries) : null,
    onRefined: (key) => {
      if (key === currentKey && root) root.setValues({});
    },
  });
  const total = board.categories.reduce((s, c) => s + c.n, 0);
  root = explorable({
    id: "l2-categories",
    title: "Overall rank or category rank? MMLU-Pro by subject, with each subject's own N",
    notice: (v) => {
      const r = readCategory(board, v.category);
      return v.category === "all"
        ? "The overall board: pick a subject to see who leads there — and whether the lead survives its smaller N."
        : `${r.leader} leads ${v.category} (overall rank ${r.leaderOverallRank}) by ${r.leadPp.toFixed(1)} pp, ${formatPValue(r.leadP)}: ${r.leadP < 0.05 ? "a lead larger than the noise." : "a lead the noise could produce — a category rank is an estimate too."}`;
    },
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
    render(v, { width, height: room }) {
      const entries = categoryEntries(board, v.category);
      currentKey = `cat|${v.category}`;
      const result = cache.get(currentKey, entries);
      const rows = rankOverlapRows(entries, result.intervals);
      const overall = ranksByAccuracy(categoryEntries(board, "all"));
      const reading = readCategory(board, v.category);
      const sig = new Set<string>();
      for (const a of entries)
        for (const b of entries)
          if (a !== b && twoProportionTest(a, b).pValue < 0.05) sig.add(`${a.model}\u0000${b.model}`);
      const chart = rankOverlapChart(rows, {
        width,
        highlight: reading.leader,
        tied: (a, b) => !sig.has(`${a.model}\u0000${b.model}`),
        scoreLabel: `MMLU-Pro ${v.category === "all" ? "overall" : v.category} accuracy (%)`,
        rowHeight: fitRowHeight(room, rows.length, { normal: 20, min: 13, chrome: 56 }),
      });
      const leaderRow = rows.find((r) => r.model === reading.leader)!;
      const readout = document.createElement("div");
      readout.innerHTML = `
        <div class="big-number" data-readout="leader-overall-rank" data-value="${reading.leaderOverallRank}">${reading.leaderOverallRank === 1 ? "1st" : reading.leaderOverallRank === 2 ? "2nd" : reading.leaderOverallRank === 3 ? "3rd" : `${reading.leaderOverallRank}th`} overall</div>
        <div class="big-caption"><strong data-readout="leader" data-model="${reading.leader}">${reading.leader}</strong> leads ${v.category === "all" ? "the whole test" : v.category}</div>
        <ul class="l2-stats">
          <li>Lead over ${reading.runnerUp}: <span data-readout="lead" data-value="${reading.leadPp}">${reading.leadPp.toFixed(1)} pp</span>, ${formatPValue(reading.leadP)}</li>
          <li>Its plausible ranks here: <span data-readout="leader-ranks" data-lower="${leaderRow.rankLower}" data-upper="${leaderRow.rankUpper}">${leaderRow.rankLower}–${leaderRow.rankUpper}</span></li>
          <li>Climb 2+ places against their overall rank: ${reading.risers.length ? reading.risers.map((r) => `${r.model} (${r.overall} → ${r.here})`).join(", ") : "none"}</li>
          <li class="l2-refine" data-refined="${result.refined}">${result.refined ? `rank intervals from ${formatCount(result.resamples)} resamples` : "refining rank intervals…"}</li>
        </ul>`;
      const summary =
        `MMLU-Pro, ${v.category === "all" ? "all subjects" : v.category}: ${rows.length} models. ${reading.leader} leads (overall rank ${reading.leaderOverallRank}) by ${reading.leadPp.toFixed(1)} pp over ${reading.runnerUp}, ${formatPValue(reading.leadP)}. ` +
        [...rows]
          .sort((a, b) => a.rank - b.rank)
          .map(
            (r) =>
              `${r.rank}. ${r.model} ${formatPercent(r.estimate)} (overall rank ${overall.get(r.model)}, plausible ranks ${r.rankLower}–${r.rankUpper})`,
          )
          .join("; ") +
        ".";
      return { figure: chart, summary, readout };
    },
  });
  return root;
}
