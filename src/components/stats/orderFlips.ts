// How often two models' order changes with the conditions they were scored under (prompt
// formats, implementations, seeds): for each pair, the sign of the difference under every
// condition; a pair "flips" when one condition puts A ahead and another puts B ahead.

/** Scores of one model under each condition, in a fixed order of conditions. */
export interface ScoredModel {
  model: string;
  scores: readonly number[];
}

export interface PairOrder {
  a: string;
  b: string;
  /** Per condition: +1 when a is ahead, −1 when b is, 0 for a tie. */
  signs: number[];
  flips: boolean;
}

/** Every unordered pair of models, in input order, with whether their order flips. */
export function pairOrders(models: readonly ScoredModel[]): PairOrder[] {
  const width = models[0]?.scores.length ?? 0;
  if (models.some((m) => m.scores.length !== width))
    throw new RangeError("every model needs a score under every condition");
  const out: PairOrder[] = [];
  for (let i = 0; i < models.length; i++)
    for (let j = i + 1; j < models.length; j++) {
      const a = models[i]!;
      const b = models[j]!;
      const signs = a.scores.map((s, c) => Math.sign(s - b.scores[c]!));
      out.push({ a: a.model, b: b.model, signs, flips: signs.includes(1) && signs.includes(-1) });
    }
  return out;
}

/** The share of pairs (0–1) whose order flips between at least two conditions. */
export function flipShare(models: readonly ScoredModel[]): { flipped: number; pairs: number; share: number } {
  const orders = pairOrders(models);
  const flipped = orders.filter((o) => o.flips).length;
  return { flipped, pairs: orders.length, share: orders.length ? flipped / orders.length : 0 };
}
