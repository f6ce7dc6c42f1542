// The compare tool's state and every change to it, as pure functions (no DOM): two score cards,
// what is known about the pair, and which published rows the cards were filled from. Read from and
// written to the URL, so a comparison is a link.
import type { Benchmark, PublishedScore } from "../data/types.js";
import { type Codec, readState, writeState } from "../ui/urlState.js";
import { benchmarkSize } from "./benchmarkNames.js";
import { cardCodecs, exampleCards, fieldsFromEvidence, type PairFields, pairCodecs } from "./cardState.js";
import { evidenceFor } from "./evidence.js";
import { cardFromPublished, type ScoreCard } from "./scoreCard.js";

export type Side = "a" | "b";

export interface CompareState {
  cards: Record<Side, ScoreCard>;
  pair: PairFields;
  /** The published row each card was filled from ("" when typed by hand). */
  picked: Record<Side, string>;
}

/** The published rows the tool offers, by id, with the URL codec for a row id. */
export interface RowIndex {
  rows: readonly PublishedScore[];
  byId: ReadonlyMap<string, PublishedScore>;
  benchmarks: readonly Benchmark[];
}

const rowCodec = (ix: RowIndex): Codec<string> => ({
  parse: (t: string) => (ix.byId.has(t) || t === "" ? t : undefined),
  format: (v: string) => v,
});

/** The example both cards start from (Lab 3's scenario). */
export const exampleState = (): CompareState => ({
  cards: { a: { ...exampleCards.a }, b: { ...exampleCards.b } },
  pair: { ...exampleCards.pair },
  picked: { a: "", b: "" },
});

/** When both cards come from published rows, what those rows say about the pair. */
function pairFromRows(state: CompareState, ix: RowIndex): PairFields | null {
  const ra = ix.byId.get(state.picked.a);
  const rb = ix.byId.get(state.picked.b);
  return ra && rb ? fieldsFromEvidence(evidenceFor(ix.rows, ra, rb, ix.benchmarks)) : null;
}

/**
 * The state a URL's query describes, over the example. A row id that no longer exists keeps the
 * card's own fields (nothing is lost); a link that names only rows fills the cards from the table.
 */
export function stateFromSearch(search: string, ix: RowIndex): CompareState {
  const row = { row: rowCodec(ix) };
  const state: CompareState = {
    cards: {
      a: { ...exampleCards.a, ...readState<ScoreCard>(search, "a", cardCodecs) },
      b: { ...exampleCards.b, ...readState<ScoreCard>(search, "b", cardCodecs) },
    },
    pair: { ...exampleCards.pair, ...readState<PairFields>(search, "pair", pairCodecs) },
    picked: {
      a: readState<{ row: string }>(search, "a", row).row ?? "",
      b: readState<{ row: string }>(search, "b", row).row ?? "",
    },
  };
  const params = new URLSearchParams(search);
  for (const side of ["a", "b"] as const) {
    const published = ix.byId.get(state.picked[side]);
    if (!published) state.picked[side] = "";
    else if (!params.has(`${side}.score`)) state.cards[side] = cardFromPublished(published, ix.benchmarks);
  }
  const fromRows = pairFromRows(state, ix);
  if (fromRows && ![...params.keys()].some((k) => k.startsWith("pair."))) state.pair = fromRows;
  return state;
}

/** `search` with the state written in (other parameters kept). */
export function searchFromState(search: string, s: CompareState, ix: RowIndex): string {
  const codecs = { ...cardCodecs, row: rowCodec(ix) };
  type WithRow = ScoreCard & { row: string };
  let out = writeState(search, "a", { ...s.cards.a, row: s.picked.a } as WithRow, codecs);
  out = writeState(out, "b", { ...s.cards.b, row: s.picked.b } as WithRow, codecs);
  return writeState(out, "pair", s.pair, pairCodecs);
}

/** A card filled from a published row (or left as it is for "typed by hand"). */
export function fillFromRow(s: CompareState, side: Side, id: string, ix: RowIndex): CompareState {
  const next: CompareState = { ...s, cards: { ...s.cards }, picked: { ...s.picked, [side]: id } };
  const row = ix.byId.get(id);
  if (row) next.cards[side] = cardFromPublished(row, ix.benchmarks);
  next.pair = pairFromRows(next, ix) ?? s.pair;
  return next;
}

/** A card with one field changed as typed; a benchmark in the reference table brings its N. */
export function editedCard(
  card: ScoreCard,
  key: keyof ScoreCard,
  text: string,
  benchmarks: readonly Benchmark[],
): ScoreCard {
  const next = { ...card };
  const numberOrNull = () => (text.trim() === "" ? null : Number(text));
  if (key === "score") next.score = text.trim() === "" ? Number.NaN : Number(text);
  else if (key === "n") next.n = numberOrNull();
  else if (key === "params") next.params = numberOrNull();
  else if (key === "cot") next.cot = text as ScoreCard["cot"];
  else if (key === "evaluatorKind") next.evaluatorKind = text as ScoreCard["evaluatorKind"];
  else next[key] = text as never;
  if (key === "benchmark") {
    const size = benchmarkSize(benchmarks, text);
    if (size) {
      next.n = size.n;
      if (!next.version.trim()) next.version = size.split;
    }
  }
  return next;
}

/** One field typed: the card no longer matches its published row. */
export function editField(
  s: CompareState,
  side: Side,
  key: keyof ScoreCard,
  text: string,
  benchmarks: readonly Benchmark[],
): CompareState {
  return {
    ...s,
    cards: { ...s.cards, [side]: editedCard(s.cards[side], key, text, benchmarks) },
    picked: { ...s.picked, [side]: "" },
  };
}

/** A and B exchanged, with what is known about each. */
export function swapped(s: CompareState): CompareState {
  const p = s.pair;
  return {
    cards: { a: s.cards.b, b: s.cards.a },
    picked: { a: s.picked.b, b: s.picked.a },
    pair: { aLeads: p.bLeads, bLeads: p.aLeads, reproA: p.reproB, reproB: p.reproA },
  };
}
