// A simulated Chatbot-Arena: models with a true accuracy and a style (length, confidence);
// raters see two answers to one question and prefer the correct one, but also reward style
// with a weight. Seeded and deterministic: the same inputs give the same battles.
// Modules, not the stats index: this runs in a Worker, which would otherwise load jstat too.
import { type Battle, bradleyTerry, type Rating, ratingsFromWins } from "../stats/bradleyTerry.js";
import { percentileInterval, seededRandom } from "../stats/random.js";

export interface ArenaModel {
  name: string;
  /** Probability of answering a question correctly. */
  accuracy: number;
  /** How long the answers run, 0–1. */
  length: number;
  /** How confident and polished they sound, 0–1. */
  confidence: number;
}

/** A model's style score: the mean of its length and confidence (0–1). */
export const styleOf = (m: ArenaModel) => (m.length + m.confidence) / 2;

/** How strongly one unit of "better" (one correct answer against a wrong one) sways a rater, in logits. */
export const RATER_SHARPNESS = 1.5;

/** Eight models in which accuracy and style only partly agree: the most polished are not the most accurate. */
export const arenaModels: readonly ArenaModel[] = [
  { name: "Terse Expert", accuracy: 0.8, length: 0.1, confidence: 0.2 },
  { name: "Careful Scholar", accuracy: 0.77, length: 0.7, confidence: 0.4 },
  { name: "Plain Helper", accuracy: 0.74, length: 0.3, confidence: 0.3 },
  { name: "Balanced", accuracy: 0.71, length: 0.55, confidence: 0.65 },
  { name: "Friendly Explainer", accuracy: 0.68, length: 0.85, confidence: 0.75 },
  { name: "Bullet Lister", accuracy: 0.65, length: 0.5, confidence: 0.4 },
  { name: "Confident Talker", accuracy: 0.62, length: 0.9, confidence: 1 },
  { name: "Essay Writer", accuracy: 0.59, length: 1, confidence: 0.7 },
];

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** Probability that a rater prefers A's answer, given whether each was correct. */
export function preferenceProbability(
  a: ArenaModel,
  b: ArenaModel,
  aCorrect: boolean,
  bCorrect: boolean,
  styleWeight: number,
): number {
  return logistic(
    RATER_SHARPNESS * (Number(aCorrect) - Number(bCorrect) + styleWeight * (styleOf(a) - styleOf(b))),
  );
}

/** Expected probability that A wins a battle against B (over whether each answers correctly). */
export function expectedWinRate(a: ArenaModel, b: ArenaModel, styleWeight: number): number {
  let p = 0;
  for (const ca of [true, false]) {
    for (const cb of [true, false]) {
      const weight = (ca ? a.accuracy : 1 - a.accuracy) * (cb ? b.accuracy : 1 - b.accuracy);
      p += weight * preferenceProbability(a, b, ca, cb, styleWeight);
    }
  }
  return p;
}

interface ArenaOptions {
  votes: number;
  styleWeight: number;
  seed?: number;
}

/** Draw the arena's battles in order: `each(t, i, j, aWon)` for battle t between models i and j. */
function drawBattles(
  models: readonly ArenaModel[],
  { votes, styleWeight, seed = 1 }: ArenaOptions,
  each: (t: number, i: number, j: number, aWon: boolean) => void,
): void {
  if (models.length < 2) throw new RangeError("an arena needs at least two models");
  if (!Number.isInteger(votes) || votes < 1) throw new RangeError("votes must be an integer ≥ 1");
  const rng = seededRandom(seed);
  const m = models.length;
  for (let t = 0; t < votes; t++) {
    const i = Math.floor(rng() * m);
    let j = Math.floor(rng() * (m - 1));
    if (j >= i) j++;
    const a = models[i]!;
    const b = models[j]!;
    const aCorrect = rng() < a.accuracy;
    const bCorrect = rng() < b.accuracy;
    each(t, i, j, rng() < preferenceProbability(a, b, aCorrect, bCorrect, styleWeight));
  }
}

/** Simulate `votes` battles between random pairs of distinct models. */
export function simulateArena(models: readonly ArenaModel[], options: ArenaOptions): Battle[] {
  const out: Battle[] = new Array(options.votes);
  drawBattles(models, options, (t, i, j, aWon) => {
    out[t] = { a: models[i]!.name, b: models[j]!.name, winner: aWon ? "a" : "b" };
  });
  return out;
}

/** The arena's battles as a tally: wins[i * m + j] = battles i won over j; cells[t] = battle t's cell. */
export interface ArenaTally {
  m: number;
  wins: Float64Array;
  cells: Uint16Array;
}

/** The same battles as `simulateArena` (same seed, same draws), tallied. */
export function simulateTally(models: readonly ArenaModel[], options: ArenaOptions): ArenaTally {
  const m = models.length;
  const wins = new Float64Array(m * m);
  const cells = new Uint16Array(options.votes);
  drawBattles(models, options, (t, i, j, aWon) => {
    const cell = aWon ? i * m + j : j * m + i;
    wins[cell]! += 1;
    cells[t] = cell;
  });
  return { m, wins, cells };
}

/**
 * Percentile intervals of Bradley–Terry ratings from `rounds` bootstrap resamples of the battles
 * (drawn with replacement, in the order and with the generator `bradleyTerry` uses, so its
 * intervals are the same) — resampling cell indices rather than battle objects, and fitting each
 * resample from its tally.
 */
export function bootstrapTally(
  { m, cells }: ArenaTally,
  { rounds, seed = 1, confidence = 0.95 }: { rounds: number; seed?: number; confidence?: number },
): { lower: Float64Array; upper: Float64Array } {
  const rng = seededRandom(seed);
  const n = cells.length;
  const samples = Array.from({ length: m }, () => new Float64Array(rounds));
  const resample = new Float64Array(m * m);
  for (let r = 0; r < rounds; r++) {
    resample.fill(0);
    for (let t = 0; t < n; t++) resample[cells[Math.floor(rng() * n)]!]! += 1;
    const ratings = ratingsFromWins(m, resample);
    for (let i = 0; i < m; i++) samples[i]![r] = ratings[i]!;
  }
  const lower = new Float64Array(m);
  const upper = new Float64Array(m);
  for (let i = 0; i < m; i++) [lower[i], upper[i]] = percentileInterval(samples[i]!, confidence);
  return { lower, upper };
}

/**
 * The arena as `runArena` reports it, from the tally: the same battles and point ratings, with
 * intervals from `bootstrapTally` (the same as `runArena`'s, about ten times faster: no worker needed).
 */
export function runArenaTally(
  models: readonly ArenaModel[],
  { bootstrap = 0, ...options }: ArenaOptions & { bootstrap?: number },
): ArenaRun {
  const m = models.length;
  const tally = simulateTally(models, options);
  const { wins } = tally;
  const point = ratingsFromWins(m, wins);
  const seed = options.seed ?? 1;
  const band = bootstrap > 0 ? bootstrapTally(tally, { rounds: bootstrap, seed: seed + 7919 }) : null;
  const ratings: Rating[] = models.map((model, i) => ({
    model: model.name,
    rating: point[i]!,
    lower: band ? band.lower[i]! : point[i]!,
    upper: band ? band.upper[i]! : point[i]!,
  }));
  ratings.sort((x, y) => y.rating - x.rating);
  const winRates: Record<string, number> = {};
  for (let i = 0; i < m; i++) {
    let won = 0;
    let played = 0;
    for (let j = 0; j < m; j++) {
      won += wins[i * m + j]!;
      played += wins[i * m + j]! + wins[j * m + i]!;
    }
    winRates[models[i]!.name] = played ? won / played : Number.NaN;
  }
  return { ratings, winRates, votes: options.votes, bootstrap };
}

/** Ranks (1 = best) of `values`, higher is better; ties broken by order. */
export function orderRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((i, j) => values[j]! - values[i]! || i - j);
  const ranks = new Array<number>(values.length);
  order.forEach((i, pos) => {
    ranks[i] = pos + 1;
  });
  return ranks;
}

/** Pairs of items that two rankings put in opposite orders (0 = same order). */
export function discordantPairs(x: readonly number[], y: readonly number[]): number {
  let d = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      if ((x[i]! - x[j]!) * (y[i]! - y[j]!) < 0) d++;
    }
  }
  return d;
}

export interface ArenaRun {
  /** Bradley–Terry ratings (Elo scale) with bootstrap intervals, best first. */
  ratings: Rating[];
  /** Each model's share of the battles it won. */
  winRates: Record<string, number>;
  votes: number;
  bootstrap: number;
}

/** Simulate the arena and fit Bradley–Terry (bootstrap 0 = point ratings only). */
export function runArena(
  models: readonly ArenaModel[],
  {
    votes,
    styleWeight,
    seed = 1,
    bootstrap = 0,
  }: { votes: number; styleWeight: number; seed?: number; bootstrap?: number },
): ArenaRun {
  const battles = simulateArena(models, { votes, styleWeight, seed });
  const wins = new Map<string, number>();
  const games = new Map<string, number>();
  for (const b of battles) {
    games.set(b.a, (games.get(b.a) ?? 0) + 1);
    games.set(b.b, (games.get(b.b) ?? 0) + 1);
    const w = b.winner === "a" ? b.a : b.b;
    wins.set(w, (wins.get(w) ?? 0) + 1);
  }
  // Models that never played are rated at the mean (1000) with no interval information.
  const ratings = bradleyTerry(battles, { bootstrap, seed: seed + 7919 });
  for (const m of models) {
    if (!ratings.some((r) => r.model === m.name))
      ratings.push({ model: m.name, rating: 1000, lower: Number.NaN, upper: Number.NaN });
  }
  ratings.sort((x, y) => y.rating - x.rating);
  const winRates = Object.fromEntries(
    models.map((m) => [
      m.name,
      games.get(m.name) ? (wins.get(m.name) ?? 0) / games.get(m.name)! : Number.NaN,
    ]),
  );
  return { ratings, winRates, votes, bootstrap };
}
