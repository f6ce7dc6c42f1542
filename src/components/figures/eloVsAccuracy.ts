// Elo vs accuracy: a simulated arena in which raters reward correct answers and also style.
// The accuracy order and the preference (Bradley–Terry) order side by side, drifting apart as
// the style weight grows; bootstrap intervals show how many votes it takes to tell models apart.
// Anatomy: derive (deriveElo, from a run of the arena) → draw (parts/eloDrawing.ts, kept and
// moved in place), readout, notice, summary.
// The arena runs on the main thread: the battles and point ratings from runArenaTally (≈ 1 ms),
// the intervals from stats/bradleyTerryBootstrap (multinomial resamples of the tally: ≈ 6 ms for
// the full 200 at any number of votes). While a slider moves the intervals come from 40
// resamples (≈ 1 ms, within a frame); the full count follows 20 ms after the hand stops (a drag
// sends an input every ≈ 16 ms; 40 ms put the refined drawing 130 ms after the input at p95).

import { html } from "htl";
import { keyedCache } from "../cache/keyedCache.js";
import {
  type ArenaModel,
  type ArenaRun,
  type ArenaTally,
  arenaModels,
  discordantPairs,
  orderRanks,
  runArenaTally,
  simulateTally,
  styleOf,
} from "../sim/arena.js";
import { bootstrapWins } from "../stats/bradleyTerryBootstrap.js";
import { range } from "../ui/controls.js";
import { type ExplorableElement, explorable } from "../ui/explorable.js";
import { formatCount, formatPercent } from "../ui/format.js";
import { keptDrawing, setAttrs, setText } from "../ui/inPlace.js";
import { categorical } from "../ui/palette.js";
import { quickThenExact } from "../ui/quickThenExact.js";
import { eloView } from "./parts/eloDrawing.js";

export interface EloComparison {
  model: string;
  accuracy: number;
  style: number;
  accuracyRank: number;
  rating: number;
  lower: number;
  upper: number;
  ratingRank: number;
  winRate: number;
}

/** Join a run's ratings with the models' accuracies: each model's two ranks side by side. */
export function compareRankings(models: readonly ArenaModel[], run: ArenaRun): EloComparison[] {
  const accuracyRanks = orderRanks(models.map((m) => m.accuracy));
  const byModel = new Map(run.ratings.map((r) => [r.model, r]));
  const ratings = models.map((m) => byModel.get(m.name)?.rating ?? 1000);
  const ratingRanks = orderRanks(ratings);
  return models.map((m, i) => {
    const r = byModel.get(m.name);
    return {
      model: m.name,
      accuracy: m.accuracy,
      style: styleOf(m),
      accuracyRank: accuracyRanks[i]!,
      rating: ratings[i]!,
      lower: r?.lower ?? Number.NaN,
      upper: r?.upper ?? Number.NaN,
      ratingRank: ratingRanks[i]!,
      winRate: run.winRates[m.name] ?? Number.NaN,
    };
  });
}

/** Summary: pairs in opposite order, who tops each ranking. */
export function eloSummary(rows: readonly EloComparison[]) {
  const discordant = discordantPairs(
    rows.map((r) => -r.accuracyRank),
    rows.map((r) => -r.ratingRank),
  );
  const topRating = rows.find((r) => r.ratingRank === 1)!;
  const topAccuracy = rows.find((r) => r.accuracyRank === 1)!;
  return {
    discordant,
    pairs: (rows.length * (rows.length - 1)) / 2,
    moved: rows.filter((r) => r.ratingRank !== r.accuracyRank).length,
    topRating,
    topAccuracy,
  };
}

export interface EloValues {
  styleWeight: number;
  votes: number;
  seed: number;
}

/** Everything the figure shows at one setting (pure: from the values and one run of the arena). */
export interface EloModel extends EloValues, ReturnType<typeof eloSummary> {
  rows: EloComparison[];
  /** The rows by arena rating, best first. */
  byRating: EloComparison[];
  /** Bootstrap resamples behind the intervals, and whether that is the full count. */
  bootstrap: number;
  refined: boolean;
  /** The rating axis: around every rating and interval, in tens. */
  ratingDomain: [number, number];
  /** Each model's colour. */
  colour: Map<string, string>;
}

export function deriveElo(
  v: EloValues,
  run: ArenaRun,
  { models = arenaModels, refined = true }: { models?: readonly ArenaModel[]; refined?: boolean } = {},
): EloModel {
  const rows = compareRankings(models, run);
  const byRating = [...rows].sort((a, b) => a.ratingRank - b.ratingRank);
  const finite = byRating.filter((r) => Number.isFinite(r.lower));
  const lo = Math.min(...byRating.map((r) => r.rating), ...finite.map((r) => r.lower));
  const hi = Math.max(...byRating.map((r) => r.rating), ...finite.map((r) => r.upper));
  return {
    ...v,
    ...eloSummary(rows),
    rows,
    byRating,
    bootstrap: run.bootstrap,
    refined,
    ratingDomain: [Math.floor((lo - 10) / 10) * 10, Math.ceil((hi + 10) / 10) * 10],
    colour: new Map(models.map((m, i) => [m.name, categorical[i % categorical.length]!])),
  };
}

/**
 * The readout, kept across redraws: the numbers above are written again, the models' table is
 * built once and only its win rates change (a rebuilt table is laid out again from scratch).
 */
export function readoutEloView() {
  const span = (readout?: string) => html`<span data-readout=${readout}></span>` as HTMLElement;
  const f = {
    discordant: span("discordant"),
    top: html`<strong data-readout="top-rating"></strong>` as HTMLElement,
    topDetail: span(),
    best: html`<strong></strong>` as HTMLElement,
    bestDetail: span(),
    bestRank: span("accurate-rank"),
    moved: span("moved"),
    models: span(),
    refine: html`<li class="l2-refine"></li>` as HTMLElement,
  };
  const node: HTMLElement = html`<div>
    <div class="big-number">${f.discordant}</div>
    <div class="big-caption">pairs of models the arena puts in the opposite order to accuracy</div>
    <ul class="l2-stats">
      <li>Arena's #1: ${f.top} ${f.topDetail}</li>
      <li>Most accurate: ${f.best} ${f.bestDetail}, arena rank ${f.bestRank}</li>
      <li>${f.moved} of ${f.models} models change rank</li>
      ${f.refine}
    </ul></div>`;
  let table: { models: string; wins: Map<string, HTMLElement> } | undefined;
  return (model: EloModel): Node => {
    const { topRating: top, topAccuracy: best } = model;
    setAttrs(f.discordant, { "data-value": model.discordant });
    setText(f.discordant, `${model.discordant} of ${model.pairs}`);
    setAttrs(f.top, { "data-model": top.model });
    setText(f.top, top.model);
    setText(f.topDetail, `(accuracy ${formatPercent(top.accuracy, 0)}, accuracy rank ${top.accuracyRank})`);
    setText(f.best, best.model);
    setText(f.bestDetail, `(${formatPercent(best.accuracy, 0)})`);
    setAttrs(f.bestRank, { "data-value": best.ratingRank });
    setText(f.bestRank, String(best.ratingRank));
    setAttrs(f.moved, { "data-value": model.moved });
    setText(f.moved, String(model.moved));
    setText(f.models, String(model.rows.length));
    setAttrs(f.refine, { "data-refined": String(model.refined) });
    setText(
      f.refine,
      `intervals from ${model.bootstrap} bootstrap resamples of ${formatCount(model.votes)} votes${model.refined ? "" : " (more when you let go)"}`,
    );
    const models = model.rows.map((r) => r.model).join("|");
    if (table?.models !== models) {
      const wins = new Map(
        model.rows.map((r) => [r.model, html`<td data-readout="win-rate"></td>` as HTMLElement]),
      );
      node.querySelector("table")?.remove();
      node.append(html`<table class="l2-table"><caption>The simulated models</caption>
      <thead><tr><th scope="col">Model</th><th scope="col">Accuracy</th><th scope="col">Style</th><th scope="col">Wins</th></tr></thead>
      <tbody>${model.rows.map(
        (r) =>
          html`<tr data-model=${r.model}><th scope="row">${r.model}</th><td>${formatPercent(r.accuracy, 0)}</td><td>${r.style.toFixed(2)}</td>${wins.get(r.model)}</tr>`,
      )}</tbody>
    </table>`);
      table = { models, wins };
    }
    for (const r of model.rows) {
      const cell = table.wins.get(r.model)!;
      setAttrs(cell, { "data-value": String(r.winRate) });
      setText(cell, Number.isFinite(r.winRate) ? formatPercent(r.winRate, 0) : "–");
    }
    return node;
  };
}

export function noticeElo(model: EloModel): string {
  if (model.styleWeight === 0)
    return `With no reward for style, the arena's order follows accuracy up to the noise that ${formatCount(model.votes)} votes leave: ${model.discordant} of ${model.pairs} pairs are swapped.`;
  return model.topRating.model === model.topAccuracy.model
    ? `The most accurate model, ${model.topAccuracy.model}, still tops the arena; raise the style weight and watch long, confident answers climb.`
    : `${model.topRating.model} tops the arena with ${formatPercent(model.topRating.accuracy, 0)} accuracy, while the most accurate model, ${model.topAccuracy.model}, is rated #${model.topAccuracy.ratingRank}: the preference order has peeled away from the accuracy order.`;
}

export function summaryElo(model: EloModel): string {
  return (
    `Simulated arena, style weight ${model.styleWeight.toFixed(2)}, ${formatCount(model.votes)} votes, raters #${model.seed}. ` +
    `${model.discordant} of ${model.pairs} pairs are ordered differently by rating than by accuracy; the arena's top model is ${model.topRating.model} ` +
    `(accuracy ${formatPercent(model.topRating.accuracy, 0)}); the most accurate, ${model.topAccuracy.model}, is rated #${model.topAccuracy.ratingRank}. ` +
    model.byRating
      .map(
        (r) =>
          `${r.ratingRank}. ${r.model}: rating ${Math.round(r.rating)}${Number.isFinite(r.lower) ? ` (${Math.round(r.lower)}–${Math.round(r.upper)})` : ""}, accuracy rank ${r.accuracyRank}`,
      )
      .join("; ") +
    "."
  );
}

/** Resamples while a slider moves: ≈ 1 ms of bootstrap (the full 200 take ≈ 6 ms), within a frame. */
export const QUICK_BOOTSTRAP = 40;

/** The arena's battles at `v`: the point run (ratings, win rates) and the same battles' tally. */
export interface ArenaBattles {
  point: ArenaRun;
  tally: ArenaTally;
}

export const simulateBattles = (models: readonly ArenaModel[], v: EloValues): ArenaBattles => ({
  point: runArenaTally(models, { ...v, bootstrap: 0 }),
  tally: simulateTally(models, v),
});

/**
 * The arena at `v` with intervals from `rounds` resamples: the point run (battles, ratings, win
 * rates) from runArenaTally, the intervals from multinomial resamples of the same battles' tally.
 */
export function arenaRun(
  models: readonly ArenaModel[],
  v: EloValues,
  rounds: number,
  { point, tally }: ArenaBattles = simulateBattles(models, v),
): ArenaRun {
  if (rounds === 0) return point;
  const band = bootstrapWins(tally.m, tally.wins, { rounds, seed: v.seed + 7919 });
  const index = new Map(models.map((m, i) => [m.name, i]));
  return {
    ...point,
    bootstrap: rounds,
    ratings: point.ratings.map((r) => {
      const i = index.get(r.model)!;
      return { ...r, lower: band.lower[i]!, upper: band.upper[i]! };
    }),
  };
}

export interface EloFigureOptions {
  /** Accepted for older pages; unused: the arena is fast enough on the main thread. */
  worker?: Worker | null;
  models?: readonly ArenaModel[];
  bootstrap?: number;
}

export function eloVsAccuracyFigure({ models = arenaModels, bootstrap = 200 }: EloFigureOptions = {}) {
  let root: ExplorableElement | null = null;
  // The simulated battles per setting: the quick and the exact run share them.
  const battles = keyedCache<ArenaBattles>(8);
  const keyOf = (v: EloValues) => `${v.votes}|${v.styleWeight}|${v.seed}`;
  const run = (v: EloValues, rounds: number) =>
    arenaRun(
      models,
      v,
      rounds,
      battles.get(keyOf(v), () => simulateBattles(models, v)),
    );
  const exact = (v: EloValues) => deriveElo(v, run(v, bootstrap), { models });
  // While a slider moves, a quick run; the full one when the hand stops (ui/quickThenExact.ts).
  const derive =
    QUICK_BOOTSTRAP >= bootstrap
      ? exact
      : quickThenExact<EloValues, EloModel>({
          keyOf,
          quick: (v) => deriveElo(v, run(v, QUICK_BOOTSTRAP), { models, refined: false }),
          exact,
          figure: () => root,
        });

  const readout = readoutEloView();
  root = explorable({
    id: "l2-elo",
    title: "Preference is not accuracy: a simulated arena where raters also reward style",
    controls: {
      styleWeight: range({
        key: "styleWeight",
        label: "How much raters reward style (weight)",
        min: 0,
        max: 1.5,
        step: 0.05,
        value: 0.5,
        format: (v) => v.toFixed(2),
      }),
      votes: range({
        key: "votes",
        label: "Votes",
        min: 100,
        max: 20_000,
        log: true,
        value: 5000,
        numberBox: true,
        format: formatCount,
      }),
      seed: range({
        key: "seed",
        label: "Raters (random seed)",
        min: 1,
        max: 50,
        step: 1,
        value: 1,
        format: (v) => `#${v}`,
      }),
    },
    presets: [
      { label: "Raters judge correctness only", values: { styleWeight: 0, votes: 5000 } },
      { label: "A little style", values: { styleWeight: 0.25, votes: 5000 } },
      { label: "Style counts as much as being right", values: { styleWeight: 1, votes: 5000 } },
      { label: "Only 300 votes", values: { styleWeight: 0.5, votes: 300 } },
      { label: "20,000 votes", values: { styleWeight: 0.5, votes: 20000 } },
    ],
    source:
      "Simulated (seeded): each vote pits two random models on one question; each answers correctly with its accuracy; the rater prefers A with probability " +
      "logistic(1.5 × [(A correct − B correct) + weight × (A's style − B's style)]), style being the mean of length and confidence. " +
      `Ratings: Bradley–Terry (bradleyTerry), Elo scale, 95% intervals from ${bootstrap} bootstrap resamples of the votes.`,
    derive,
    draw: keptDrawing(eloView),
    readout: (m) => readout(m),
    notice: noticeElo,
    summary: summaryElo,
  });
  return root;
}
