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
  m: number;
  /** wins[i * m + j]: wins of i over j (ties count one half to each). */
  wins: Float64Array;
}

/** Battles as index arrays, so resampling never touches strings. outcome: 1 a won, 0 b won, 0.5 tie. */
interface Encoded {
  a: Uint32Array;
  b: Uint32Array;
  outcome: Float64Array;
}

function tally(m: number, battles: Encoded, pick?: Uint32Array): Tally {
  const wins = new Float64Array(m * m);
  const count = pick ? pick.length : battles.a.length;
  for (let t = 0; t < count; t++) {
    const s = pick ? pick[t]! : t;
    const i = battles.a[s]!;
    const j = battles.b[s]!;
    const o = battles.outcome[s]!;
    wins[i * m + j]! += o;
    wins[j * m + i]! += 1 - o;
  }
  return { m, wins };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Solve A x = b in place for a symmetric positive-definite A (Cholesky); false if it is not. */
function solveSpd(A: Float64Array, b: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    let d = A[j * n + j]!;
    for (let k = 0; k < j; k++) d -= A[j * n + k]! * A[j * n + k]!;
    if (!(d > 1e-300)) return false;
    const l = Math.sqrt(d);
    A[j * n + j] = l;
    for (let i = j + 1; i < n; i++) {
      let v = A[i * n + j]!;
      for (let k = 0; k < j; k++) v -= A[i * n + k]! * A[j * n + k]!;
      A[i * n + j] = v / l;
    }
  }
  for (let i = 0; i < n; i++) {
    let v = b[i]!;
    for (let k = 0; k < i; k++) v -= A[i * n + k]! * b[k]!;
    b[i] = v / A[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let v = b[i]!;
    for (let k = i + 1; k < n; k++) v -= A[k * n + i]! * b[k]!;
    b[i] = v / A[i * n + i]!;
  }
  return true;
}

/**
 * Log-strengths maximising the likelihood (plus the anchor prior) by damped Newton steps.
 * Without a prior the scale is free, so the last model is pinned at 0 while solving.
 * Falls back to the MM algorithm (Hunter 2004) when Newton cannot proceed (e.g. a
 * disconnected comparison graph).
 */
function fitStrengths({ m, wins }: Tally, prior: number): Float64Array {
  const theta = new Float64Array(m);
  const free = prior > 0 ? m : m - 1;
  if (free === 0) return theta;
  const H = new Float64Array(free * free);
  const g = new Float64Array(free);
  for (let iter = 0; iter < 100; iter++) {
    H.fill(0);
    g.fill(0);
    for (let i = 0; i < free; i++) {
      if (prior > 0) {
        const p = sigmoid(theta[i]!);
        g[i]! += prior / 2 - prior * p;
        H[i * free + i]! += prior * p * (1 - p);
      }
    }
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        const wij = wins[i * m + j]!;
        const wji = wins[j * m + i]!;
        const nij = wij + wji;
        if (nij === 0) continue;
        const p = sigmoid(theta[i]! - theta[j]!);
        const r = wij - nij * p;
        const h = nij * p * (1 - p);
        if (i < free) {
          g[i]! += r;
          H[i * free + i]! += h;
        }
        if (j < free) {
          g[j]! -= r;
          H[j * free + j]! += h;
        }
        if (i < free && j < free) {
          H[i * free + j]! -= h;
          H[j * free + i]! -= h;
        }
      }
    }
    if (!solveSpd(H, g, free)) return fitMM({ m, wins }, prior);
    let maxStep = 0;
    for (let i = 0; i < free; i++) maxStep = Math.max(maxStep, Math.abs(g[i]!));
    const damp = maxStep > 2 ? 2 / maxStep : 1;
    for (let i = 0; i < free; i++) theta[i]! += damp * g[i]!;
    if (maxStep < 1e-10) return theta;
  }
  return fitMM({ m, wins }, prior);
}

/** The MM algorithm: slower, but always moves uphill. */
function fitMM({ m, wins }: Tally, prior: number): Float64Array {
  const pi = new Float64Array(m).fill(1);
  const total = new Float64Array(m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) total[i]! += wins[i * m + j]!;
  for (let iter = 0; iter < 10_000; iter++) {
    let maxChange = 0;
    for (let i = 0; i < m; i++) {
      let denom = prior / (pi[i]! + 1);
      for (let j = 0; j < m; j++) {
        const games = wins[i * m + j]! + wins[j * m + i]!;
        if (games > 0) denom += games / (pi[i]! + pi[j]!);
      }
      const next = denom > 0 ? (total[i]! + prior / 2) / denom : pi[i]!;
      maxChange = Math.max(maxChange, Math.abs(Math.log(next) - Math.log(pi[i]!)));
      pi[i] = next;
    }
    if (prior === 0) {
      let logMean = 0;
      for (let i = 0; i < m; i++) logMean += Math.log(pi[i]!);
      const scale = Math.exp(-logMean / m);
      for (let i = 0; i < m; i++) pi[i]! *= scale;
    }
    if (maxChange < 1e-12) break;
  }
  return pi.map(Math.log);
}

function toRatings(theta: Float64Array): Float64Array {
  let mean = 0;
  for (const t of theta) mean += t;
  mean /= theta.length;
  return theta.map((t) => 1000 + ELO_PER_LOGIT * (t - mean));
}

/**
 * Bradley–Terry ratings (Elo scale, mean 1000) from a tally: wins[i * m + j] is the number of
 * battles model i won against model j (ties one half to each). The fit `bradleyTerry` makes after
 * tallying its battles, for callers that tally (or resample a tally) themselves.
 */
export function ratingsFromWins(m: number, wins: Float64Array, prior = 0.5): Float64Array {
  if (wins.length !== m * m) throw new RangeError(`wins must hold m × m = ${m * m} counts`);
  return toRatings(fitStrengths({ m, wins }, prior));
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
    if (battle.a === battle.b)
      throw new RangeError(`battles[${t}]: a model cannot battle itself (${battle.a})`);
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
  const encoded: Encoded = {
    a: Uint32Array.from(battles, (x) => index.get(x.a)!),
    b: Uint32Array.from(battles, (x) => index.get(x.b)!),
    outcome: Float64Array.from(battles, (x) => (x.winner === "a" ? 1 : x.winner === "b" ? 0 : 0.5)),
  };
  const ratings = toRatings(fitStrengths(tally(m, encoded), prior));
  let lower = ratings;
  let upper = ratings;
  if (bootstrap > 0) {
    const rng = seededRandom(seed);
    const samples = Array.from({ length: m }, () => new Float64Array(bootstrap));
    const pick = new Uint32Array(battles.length);
    for (let r = 0; r < bootstrap; r++) {
      for (let t = 0; t < pick.length; t++) pick[t] = Math.floor(rng() * battles.length);
      const rs = toRatings(fitStrengths(tally(m, encoded, pick), prior));
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
