// Bradley–Terry ratings from pairwise battles, on the Elo scale Chatbot Arena reports.
import { percentileInterval, seededRandom } from "./random.js";
import { assertConfidence } from "./validate.js";

export interface Battle {
  a: string;
  b: string;
  winner: "a" | "b" | "tie";
}

export interface Rating {
  model: string;
  rating: number;
  lower: number;
  upper: number;
}

export interface BradleyTerryOptions {
  /** Bootstrap rounds for the intervals; 0 skips them (lower = upper = rating). */
  bootstrap?: number;
  seed?: number;
  confidence?: number;
  /**
   * Virtual games per model, scored as ties against an anchor of average strength. A weak
   * regulariser that keeps an unbeaten or winless model finite; 0 gives the plain MLE.
   */
  prior?: number;
}

/** Elo points per logit: a 400-point gap means 10:1 odds. */
export const ELO_PER_LOGIT = 400 / Math.LN10;

interface Tally {
  models: string[];
  /** wins[i * m + j]: wins of i over j (ties count one half to each). */
  wins: Float64Array;
}

function tally(models: string[], index: Map<string, number>, battles: readonly Battle[], pick?: Uint32Array): Tally {
  const m = models.length;
  const wins = new Float64Array(m * m);
  const count = pick ? pick.length : battles.length;
  for (let t = 0; t < count; t++) {
    const battle = battles[pick ? pick[t]! : t]!;
    const i = index.get(battle.a)!;
    const j = index.get(battle.b)!;
    if (battle.winner === "a") wins[i * m + j]! += 1;
    else if (battle.winner === "b") wins[j * m + i]! += 1;
    else {
      wins[i * m + j]! += 0.5;
      wins[j * m + i]! += 0.5;
    }
  }
  return { models, wins };
}

/** Log-strengths by the MM algorithm (Hunter 2004), centred on 0. */
function fit({ models, wins }: Tally, prior: number): Float64Array {
  const m = models.length;
  const pi = new Float64Array(m).fill(1);
  const total = new Float64Array(m);
  const games = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      games[i * m + j] = wins[i * m + j]! + wins[j * m + i]!;
      total[i]! += wins[i * m + j]!;
    }
  }
  for (let iter = 0; iter < 10_000; iter++) {
    let maxChange = 0;
    for (let i = 0; i < m; i++) {
      let denom = prior / (pi[i]! + 1);
      for (let j = 0; j < m; j++) {
        const g = games[i * m + j]!;
        if (g > 0) denom += g / (pi[i]! + pi[j]!);
      }
      const next = denom > 0 ? (total[i]! + prior / 2) / denom : pi[i]!;
      const change = Math.abs(Math.log(next) - Math.log(pi[i]!));
      if (change > maxChange) maxChange = change;
      pi[i] = next;
    }
    if (prior === 0) {
      // Without the anchor the scale is free: pin the geometric mean to 1.
      let logMean = 0;
      for (let i = 0; i < m; i++) logMean += Math.log(pi[i]!);
      const scale = Math.exp(-logMean / m);
      for (let i = 0; i < m; i++) pi[i]! *= scale;
    }
    if (maxChange < 1e-12) break;
  }
  const theta = new Float64Array(m);
  for (let i = 0; i < m; i++) theta[i] = Math.log(pi[i]!);
  return theta;
}

function toRatings(theta: Float64Array): Float64Array {
  let mean = 0;
  for (const t of theta) mean += t;
  mean /= theta.length;
  return theta.map((t) => 1000 + ELO_PER_LOGIT * (t - mean));
}

/**
 * Maximum-likelihood Bradley–Terry ratings (mean 1000, 400/ln 10 points per logit) with
 * bootstrap percentile intervals from resampling battles. Sorted by rating, best first.
 */
export function bradleyTerry(
  battles: readonly Battle[],
  { bootstrap = 200, seed = 1, confidence = 0.95, prior = 0.5 }: BradleyTerryOptions = {},
): Rating[] {
  assertConfidence(confidence);
  if (!Number.isInteger(bootstrap) || bootstrap < 0) throw new RangeError("bootstrap must be an integer ≥ 0");
  if (!(prior >= 0)) throw new RangeError("prior must be ≥ 0");
  const index = new Map<string, number>();
  const models: string[] = [];
  battles.forEach((battle, t) => {
    if (battle.a === battle.b) throw new RangeError(`battles[${t}]: a model cannot battle itself (${battle.a})`);
    if (battle.winner !== "a" && battle.winner !== "b" && battle.winner !== "tie") {
      throw new RangeError(`battles[${t}].winner must be "a", "b" or "tie"`);
    }
    for (const name of [battle.a, battle.b]) {
      if (!index.has(name)) {
        index.set(name, models.length);
        models.push(name);
      }
    }
  });
  const m = models.length;
  if (m === 0) return [];
  const ratings = toRatings(fit(tally(models, index, battles), prior));
  let lower = ratings;
  let upper = ratings;
  if (bootstrap > 0) {
    const rng = seededRandom(seed);
    const samples = Array.from({ length: m }, () => new Float64Array(bootstrap));
    const pick = new Uint32Array(battles.length);
    for (let r = 0; r < bootstrap; r++) {
      for (let t = 0; t < pick.length; t++) pick[t] = Math.floor(rng() * battles.length);
      const rs = toRatings(fit(tally(models, index, battles, pick), prior));
      for (let i = 0; i < m; i++) samples[i]![r] = rs[i]!;
    }
    lower = new Float64Array(m);
    upper = new Float64Array(m);
    for (let i = 0; i < m; i++) [lower[i], upper[i]] = percentileInterval(samples[i]!, confidence);
  }
  return models
    .map((model, i) => ({ model, rating: ratings[i]!, lower: lower[i]!, upper: upper[i]! }))
    .sort((x, y) => y.rating - x.rating);
}

/** Probability that a model rated ra beats one rated rb under Bradley–Terry on the Elo scale. */
export function winProbability(ra: number, rb: number): number {
  return 1 / (1 + 10 ** ((rb - ra) / 400));
}
