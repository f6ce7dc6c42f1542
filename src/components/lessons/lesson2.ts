// Lesson 2's prose numbers: every value the page's sentences interpolate, computed here from the
// loaded tables (and tested in tests/unit/lesson2/lesson2.test.ts against values worked out
// independently), so that no page cell does its own arithmetic.
import type {
  ArenaData,
  CategoryBoard,
  ContaminationRow,
  LeaderboardModel,
  LeaderboardSnapshot,
  Leaderboards,
} from "../data/types.js";
import {
  decodeArenaHistory,
  firstStyleDate,
  readArena,
  STYLE_CONTROL,
} from "../figures/arenaSnapshotModel.js";
import { categoryEntries, readCategory } from "../figures/categoryRanksModel.js";
import { gapSummary, inflateBoard, type Who } from "../figures/contaminationModel.js";
import { boardOptions, leaderboardEntries } from "../figures/rankOverlap/boards.js";
import { publishedSpread } from "../figures/sourceKinds.js";
import { pairwiseSignificance } from "../stats/pairwise.js";
import { formatOrdinal } from "../ui/format.js";

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st (the page's name for ui/format's formatOrdinal). */
export const ordinal = formatOrdinal;

// ---- The top of the Open LLM Leaderboard v1 ----

/** How far apart the first and the last of a board's top rows are, in points of average score. */
export function topSpread(top: readonly LeaderboardModel[]) {
  if (top.length === 0) throw new RangeError("topSpread: no models");
  const first = top[0]!;
  const last = top[top.length - 1]!;
  return {
    models: top.length,
    first: first.average,
    last: last.average,
    spread: first.average - last.average,
  };
}

/** The model type the Open LLM Leaderboard shows for uploads fine-tuned on domain-specific data. */
export const FINE_TUNED_TYPE = "fine-tuned on domain-specific datasets";

/**
 * What the leaderboard itself declares about each of the top rows: the model type the uploader
 * chose ("fine-tuned on domain-specific datasets", "chat models (RLHF, DPO, IFT, ...)", …) and
 * the leaderboard's merge flag. Nothing here says which model was made from which.
 */
export function declaredTypes(top: readonly LeaderboardModel[]) {
  const fineTuned = top.filter((m) => m.type === FINE_TUNED_TYPE);
  const merged = top.filter((m) => m.merged);
  const either = top.filter((m) => m.merged || m.type === FINE_TUNED_TYPE);
  return {
    models: top.length,
    /** Declared "fine-tuned on domain-specific datasets". */
    fineTuned: fineTuned.length,
    /** Carrying the leaderboard's merge flag. */
    merged: merged.length,
    /** Merged, or declared fine-tuned on domain-specific data (a model can be both). */
    mergedOrFineTuned: either.length,
    /** Declared chat models (RLHF, DPO, instruction tuning). */
    chat: top.filter((m) => m.type.startsWith("chat models")).length,
    /** Flagged by the leaderboard. */
    flagged: top.filter((m) => m.flagged).length,
  };
}

/** The deliberately contaminated model on the v1 board: its size, MMLU, average and position. */
export function contaminationProof(snapshot: LeaderboardSnapshot) {
  const i = snapshot.top.findIndex((m) => m.model.startsWith("Contamination/"));
  if (i < 0) throw new RangeError("contaminationProof: no Contamination/ model in the top rows");
  const m = snapshot.top[i]!;
  const largest = Math.max(...snapshot.top.map((r) => r.params_b ?? 0));
  return {
    model: m.model,
    paramsB: m.params_b,
    /** Parameters of the largest model among the top rows, in billions. */
    largestB: largest,
    mmluPct: 100 * m.scores.mmlu!,
    average: m.average,
    position: i + 1,
    boardSize: snapshot.totalModels,
  };
}

// ---- A rank is an estimate: the rank-overlap figure's current state ----

/** Which of the figure's pairwise gaps are larger than the noise at its current N (two-proportion z-test, 5%). */
export function pairsAtN(boards: Leaderboards, value: { board: string; models: string; n: number }) {
  const option = boardOptions(boards).find((o) => o.value === value.board);
  if (!option) throw new RangeError(`pairsAtN: no benchmark "${value.board}"`);
  const snap = boards[option.board];
  const entries = leaderboardEntries(
    value.models === "known" ? snap.known : snap.top,
    option.benchmark,
    value.n,
  );
  const pairs = pairwiseSignificance(entries);
  const significant = pairs.filter((p) => p.significant).length / 2;
  return {
    benchmark: option.label.split(" · ")[1] ?? option.benchmark,
    models: entries.length,
    n: value.n,
    realN: option.n,
    pairs: pairs.length / 2,
    significant,
    tied: pairs.length / 2 - significant,
  };
}

// ---- Contamination ----

/** The contamination figure's current state in numbers: how many models move, and the biggest climb. */
export function inflationReading(
  snapshot: LeaderboardSnapshot,
  value: { inflation: number; share: number; who: Who; benchmark: string; seed: number },
) {
  const board = snapshot.known
    .map((m) => ({ model: m.model, score: m.scores[value.benchmark]! }))
    .filter((e) => Number.isFinite(e.score));
  const rows = inflateBoard(board, {
    inflationPp: value.inflation,
    share: value.share,
    who: value.who,
    seed: value.seed,
  });
  const moved = rows.filter((r) => r.shownRank !== r.trueRank).length;
  let biggest: { model: string; from: number; to: number } | null = null;
  for (const r of rows) {
    const climb = r.trueRank - r.shownRank;
    if (climb > 0 && (!biggest || climb > biggest.from - biggest.to))
      biggest = { model: r.model, from: r.trueRank, to: r.shownRank };
  }
  return {
    models: rows.length,
    contaminated: rows.filter((r) => r.contaminated).length,
    moved,
    biggest,
  };
}

/** The measured gaps of each study (pp): count, median, range, and how many are above zero. */
export function measuredGaps(rows: readonly ContaminationRow[]) {
  const out = Object.fromEntries(
    gapSummary(rows).map((s) => [
      s.study,
      {
        count: s.count,
        median: s.median,
        min: s.min,
        max: s.max,
        positive: s.positive,
      },
    ]),
  );
  for (const study of ["gsm1k", "gsm1k-v1", "mmlu-cf"]) {
    if (!out[study]) throw new RangeError(`measuredGaps: no rows of study "${study}"`);
  }
  return out as Record<"gsm1k" | "gsm1k-v1" | "mmlu-cf", (typeof out)[string]>;
}

export interface CleanDirtyRow {
  benchmark: string;
  clean: number;
  /** Questions whose input or label was found online. */
  allDirty: number;
  /** Questions whose input and label were both found online. */
  inputLabelDirty: number;
  allDirtyGap: number;
  inputLabelGap: number;
}

/**
 * Li et al.'s clean-versus-dirty table for Llama-2 70B, whole: for each benchmark, the clean
 * subset, the "all dirty" subset and the "input-and-label dirty" subset (accuracies in %), in the
 * order of data/contamination.csv.
 */
export function cleanDirtyTable(rows: readonly ContaminationRow[]): CleanDirtyRow[] {
  const cd = rows.filter((r) => r.study === "clean-dirty");
  const benchmarks = [...new Set(cd.map((r) => r.benchmark))];
  return benchmarks.map((benchmark) => {
    const of = (kind: "all" | "input-label") => {
      const row = cd.find(
        (r) =>
          r.benchmark === benchmark &&
          (kind === "all" ? /"all dirty"/.test(r.method) : /input-and-label dirty/.test(r.method)),
      );
      if (!row || row.clean === null || row.original === null) {
        throw new RangeError(`cleanDirtyTable: no "${kind} dirty" row with both scores for ${benchmark}`);
      }
      return row as ContaminationRow & { clean: number; original: number };
    };
    const all = of("all");
    const both = of("input-label");
    return {
      benchmark,
      clean: all.clean,
      allDirty: all.original,
      inputLabelDirty: both.original,
      allDirtyGap: all.gapPp,
      inputLabelGap: both.gapPp,
    };
  });
}

// ---- The Arena ----

/** When LMSYS introduced style control (re-exported from the Arena figure, which states it too). */
export { STYLE_CONTROL };

/** The real Arena in numbers: the latest snapshot's top `top`, and the history's span. */
export function arenaReading(arena: ArenaData, top = 20) {
  const history = decodeArenaHistory(arena.history);
  const latest = readArena(arena.latest, top);
  return {
    total: arena.latest.total,
    date: arena.latest.date,
    leader: latest.rows[0]!.model,
    leaderVotes: latest.rows[0]!.votes,
    sharingFirst: latest.sharingFirst,
    separablePairs: latest.separablePairs,
    pairs: latest.pairs,
    biggestStyleMove: latest.biggestStyleMove,
    snapshots: history.length,
    firstDate: history[0]!.date,
    /** The first snapshot of the scraped table with a style-controlled rank. */
    firstStyleDate: firstStyleDate(history),
  };
}

// ---- Per-category ranks on MMLU-Pro ----

/** What the category board left out to compare every model on the same questions. */
export function coverageReading(board: CategoryBoard) {
  const c = board.coverage;
  if (!c)
    throw new RangeError(
      "coverageReading: the board has no coverage (counted on each model's own questions)",
    );
  const worst = c.incomplete[0] ?? null;
  const sizeOf = (category: string) => c.categories.find((x) => x.category === category)?.all ?? 0;
  return {
    models: board.models.length,
    questions: c.questions,
    common: c.common,
    left: c.questions - c.common,
    incomplete: c.incomplete.length,
    worst: worst && {
      model: worst.model,
      missing: worst.missing,
      /** Its two most-missing categories: missing of all. */
      categories: Object.entries(worst.byCategory)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 2)
        .map(([category, missing]) => ({ category, missing, of: sizeOf(category) })),
    },
  };
}

/** One subject's leader, its overall rank and its lead, in words the page can use. */
export function categoryReading(board: CategoryBoard, category: string) {
  const r = readCategory(board, category);
  const n = board.categories.find((c) => c.category === category)?.n ?? board.coverage?.common ?? 0;
  // Overall ranks (1 = best accuracy on all the questions counted; equal accuracy, equal rank).
  const overall = categoryEntries(board, "all").map((e) => ({ model: e.model, p: e.k / e.n }));
  const overallRank = (model: string) => {
    const p = overall.find((o) => o.model === model)?.p ?? Number.NaN;
    return 1 + overall.filter((o) => o.p > p).length;
  };
  return {
    category,
    n,
    leader: r.leader,
    overall: r.leaderOverallRank,
    overallOrdinal: ordinal(r.leaderOverallRank),
    runnerUp: r.runnerUp,
    runnerUpOverall: overallRank(r.runnerUp),
    runnerUpOverallOrdinal: ordinal(overallRank(r.runnerUp)),
    leadPp: r.leadPp,
    leadP: r.leadP,
    /** The lead is larger than the noise at 5% (two-proportion z-test). */
    significant: r.leadP < 0.05,
  };
}

// ---- Who ran the evaluation: one model, one benchmark, several published scores ----

/** The published MMLU scores of Llama 2 70B and of LLaMA 65B, each with its spread (rows for the tables). */
export function publishedMmlu(published: Leaderboards["published"]) {
  return {
    llama2: publishedSpread(published, ["Llama 2 70B", "meta-llama/Llama-2-70b-hf"], "MMLU"),
    llama65: publishedSpread(published, ["Llama 1 65B", "llama-65b", "huggyllama/llama-65b"], "MMLU"),
  };
}
