// Elo vs accuracy: a simulated arena in which raters reward correct answers and also style.
// The accuracy order and the preference (Bradley–Terry) order side by side, drifting apart as
// the style weight grows; bootstrap intervals show how many votes it takes to tell models apart.

import {
  type ArenaModel,
  type ArenaRun,
  arenaModels,
  discordantPairs,
  orderRanks,
  runArena,
  styleOf,
} from "../sim/arena.js";
import { range } from "../ui/controls.js";
import { type ExplorableElement, explorable } from "../ui/explorable.js";
import { clipText, formatCount, formatPercent } from "../ui/format.js";
import { categorical } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";
import { RefiningCache } from "./refiningCache.js";

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

export interface EloFigureOptions {
  worker?: Worker | null;
  models?: readonly ArenaModel[];
  bootstrap?: number;
}

export function eloVsAccuracyFigure({
  worker = null,
  models = arenaModels,
  bootstrap = 200,
}: EloFigureOptions = {}) {
  let root: ExplorableElement | null = null;
  let currentKey = "";
  type Input = { models: ArenaModel[]; votes: number; styleWeight: number; seed: number; bootstrap: number };
  const cache = new RefiningCache<Input, ArenaRun>({
    quick: (input) => runArena(input.models, { ...input, bootstrap: 0 }),
    full: (input) => runArena(input.models, input),
    worker,
    onRefined: (key) => {
      if (key === currentKey && root) root.setValues({});
    },
  });
  const colour = new Map(models.map((m, i) => [m.name, categorical[i % categorical.length]!]));

  root = explorable({
    id: "l2-elo",
    title: "Preference is not accuracy: a simulated arena where raters also reward style",
    notice: (v) =>
      v.styleWeight === 0
        ? "With no reward for style, the arena's order follows accuracy — up to the noise that few votes leave."
        : "As style counts for more, long, confident answers climb: the preference order peels away from the accuracy order.",
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
      "Ratings: Bradley–Terry (bradleyTerry), Elo scale, 95% intervals from 200 bootstrap resamples of the votes.",
    render(v, { width }) {
      const input = {
        models: [...models],
        votes: v.votes,
        styleWeight: v.styleWeight,
        seed: v.seed,
        bootstrap,
      };
      currentKey = `${v.votes}|${v.styleWeight}|${v.seed}`;
      const { value: run, refined } = cache.get(currentKey, input);
      const rows = compareRankings(models, run);
      const s = eloSummary(rows);
      const m = rows.length;
      const wide = width >= 1000;
      const slopeWidth = wide ? Math.round(Math.min(600, width * 0.5)) : Math.min(width, 640);
      const ratingWidth = wide ? width - slopeWidth - 16 : width;
      const height = 70 + m * 34;

      const ends = rows.flatMap((r) => [
        {
          model: r.model,
          side: "By accuracy",
          rank: r.accuracyRank,
          label: `${r.model} ${formatPercent(r.accuracy, 0)}`,
        },
        {
          model: r.model,
          side: "By arena rating",
          rank: r.ratingRank,
          label: `${r.model} ${Math.round(r.rating)}`,
        },
      ]);
      // Labels sit outside the two columns; on a phone they get a third of the width each: names
      // only (the table below has the numbers), clipped to fit, and shorter column headings.
      const margin = Math.min(185, Math.round(slopeWidth * 0.36));
      const compact = margin < 185;
      const fits = Math.floor((margin - 12) / 6.6);
      const slope = Plot.plot({
        width: slopeWidth,
        height,
        marginLeft: margin,
        marginRight: margin,
        marginTop: 40,
        marginBottom: 20,
        style: { fontSize: compact ? "12px" : "13px" },
        x: {
          domain: ["By accuracy", "By arena rating"],
          axis: "top",
          label: null,
          padding: 0,
          tickFormat: (d: string) => (compact ? (d === "By accuracy" ? "Accuracy" : "Rating") : d),
        },
        y: { domain: [0.5, m + 0.5], reverse: true, axis: null },
        marks: [
          ...[false, true].map((changed) =>
            Plot.line(
              ends.filter((d) => {
                const r = rows.find((x) => x.model === d.model)!;
                return (r.accuracyRank !== r.ratingRank) === changed;
              }),
              {
                x: "side",
                y: "rank",
                z: "model",
                stroke: (d: (typeof ends)[number]) => colour.get(d.model),
                strokeWidth: 2.5,
                strokeDasharray: changed ? "7,4" : undefined,
              },
            ),
          ),
          Plot.dot(ends, {
            x: "side",
            y: "rank",
            fill: (d: (typeof ends)[number]) => colour.get(d.model),
            r: 5,
          }),
          Plot.text(
            ends.filter((d) => d.side === "By accuracy"),
            {
              x: "side",
              y: "rank",
              text: (d: (typeof ends)[number]) => clipText(`${d.rank}. ${compact ? d.model : d.label}`, fits),
              textAnchor: "end",
              dx: -9,
              fontSize: compact ? 11.5 : 12.5,
            },
          ),
          Plot.text(
            ends.filter((d) => d.side === "By arena rating"),
            {
              x: "side",
              y: "rank",
              text: (d: (typeof ends)[number]) => clipText(`${d.rank}. ${compact ? d.model : d.label}`, fits),
              textAnchor: "start",
              dx: 9,
              fontSize: compact ? 11.5 : 12.5,
            },
          ),
        ],
      });
      slope.setAttribute(
        "aria-label",
        "Slope chart: each model's rank by accuracy (left) and by arena rating (right)",
      );

      const byRating = [...rows].sort((a, b) => a.ratingRank - b.ratingRank);
      const finite = byRating.filter((r) => Number.isFinite(r.lower));
      const lo = Math.min(...byRating.map((r) => r.rating), ...finite.map((r) => r.lower));
      const hi = Math.max(...byRating.map((r) => r.rating), ...finite.map((r) => r.upper));
      const ratingPlot = Plot.plot({
        width: ratingWidth,
        height,
        marginLeft: 130,
        marginRight: 20,
        marginTop: 40,
        marginBottom: 36,
        style: { fontSize: "13px" },
        x: {
          domain: [Math.floor((lo - 10) / 10) * 10, Math.ceil((hi + 10) / 10) * 10],
          label: "Arena rating (Elo scale, mean 1000) →",
          grid: true,
        },
        y: { domain: byRating.map((r) => r.model), label: null, tickSize: 0 },
        marks: [
          Plot.ruleX([1000], { stroke: "currentColor", strokeOpacity: 0.3 }),
          Plot.link(finite, {
            x1: "lower",
            x2: "upper",
            y1: "model",
            y2: "model",
            stroke: (d: EloComparison) => colour.get(d.model),
            strokeWidth: 6,
            strokeLinecap: "round",
            strokeOpacity: 0.75,
          }),
          Plot.dot(byRating, { x: "rating", y: "model", r: 4.5, fill: "currentColor" }),
        ],
      });
      ratingPlot.setAttribute(
        "aria-label",
        "Each model's Bradley–Terry rating with its 95% bootstrap interval",
      );

      const figure = document.createElement("div");
      figure.className = "l2-two-panel";
      figure.append(slope, ratingPlot);

      const readout = document.createElement("div");
      readout.innerHTML = `
        <div class="big-number" data-readout="discordant" data-value="${s.discordant}">${s.discordant} of ${s.pairs}</div>
        <div class="big-caption">pairs of models the arena puts in the opposite order to accuracy</div>
        <ul class="l2-stats">
          <li>Arena's #1: <strong data-readout="top-rating" data-model="${s.topRating.model}">${s.topRating.model}</strong> (accuracy ${formatPercent(s.topRating.accuracy, 0)}, accuracy rank ${s.topRating.accuracyRank})</li>
          <li>Most accurate: <strong>${s.topAccuracy.model}</strong> (${formatPercent(s.topAccuracy.accuracy, 0)}), arena rank <span data-readout="accurate-rank" data-value="${s.topAccuracy.ratingRank}">${s.topAccuracy.ratingRank}</span></li>
          <li><span data-readout="moved" data-value="${s.moved}">${s.moved}</span> of ${m} models change rank</li>
          <li class="l2-refine" data-refined="${refined}">${refined ? `intervals from ${bootstrap} bootstrap resamples of ${formatCount(v.votes)} votes` : "computing intervals…"}</li>
        </ul>
        <table class="l2-table"><caption>The simulated models</caption>
        <thead><tr><th scope="col">Model</th><th scope="col">Accuracy</th><th scope="col">Style</th><th scope="col">Wins</th></tr></thead>
        <tbody>${rows
          .map(
            (r) =>
              `<tr data-model="${r.model}"><th scope="row">${r.model}</th><td>${formatPercent(r.accuracy, 0)}</td><td>${r.style.toFixed(2)}</td><td data-readout="win-rate" data-value="${r.winRate}">${Number.isFinite(r.winRate) ? formatPercent(r.winRate, 0) : "–"}</td></tr>`,
          )
          .join("")}</tbody></table>`;
      const summary =
        `Simulated arena, style weight ${v.styleWeight.toFixed(2)}, ${formatCount(v.votes)} votes, raters #${v.seed}. ` +
        `${s.discordant} of ${s.pairs} pairs are ordered differently by rating than by accuracy; the arena's top model is ${s.topRating.model} ` +
        `(accuracy ${formatPercent(s.topRating.accuracy, 0)}); the most accurate, ${s.topAccuracy.model}, is rated #${s.topAccuracy.ratingRank}. ` +
        byRating
          .map(
            (r) =>
              `${r.ratingRank}. ${r.model}: rating ${Math.round(r.rating)}${Number.isFinite(r.lower) ? ` (${Math.round(r.lower)}–${Math.round(r.upper)})` : ""}, accuracy rank ${r.accuracyRank}`,
          )
          .join("; ") +
        ".";
      return { figure, summary, readout };
    },
  });
  return root;
}
