// The compare tool's state changes, without a DOM: typing, filling from a published row, swapping,
// and the URL round trip. Expected values are written out by hand from the small tables below.
import { describe, expect, it } from "vitest";
import { exampleCards } from "../../../src/components/compare/cardState.ts";
import {
  editedCard,
  editField,
  exampleState,
  fillFromRow,
  type RowIndex,
  searchFromState,
  stateFromSearch,
  swapped,
} from "../../../src/components/compare/compareState.ts";
import { rowId } from "../../../src/components/compare/scoreCard.ts";
import type { Benchmark, PublishedScore } from "../../../src/components/data/types.ts";

const benchmarks: Benchmark[] = [
  {
    benchmark: "GSM8K",
    split: "test",
    n: 1319,
    task_type: "",
    metric: "",
    source: "s",
    note: null,
    halfWidthPp: {},
  },
  {
    benchmark: "MMLU",
    split: "test",
    n: 14042,
    task_type: "",
    metric: "",
    source: "s",
    note: null,
    halfWidthPp: {},
  },
];
const published = (model: string, score: number): PublishedScore => ({
  model,
  model_family: null,
  variant: null,
  params_b: 7,
  params_source: null,
  release_date: null,
  benchmark: "gsm8k",
  score,
  metric: "accuracy",
  shots: "8",
  cot: "yes",
  extra_setting: null,
  evaluator: "A lab",
  evaluator_type: "self-reported",
  source: "a paper",
  note: null,
});
const rows = [published("Alpha", 61.5), published("Beta", 58)];
const ix: RowIndex = { rows, byId: new Map(rows.map((r) => [rowId(r), r])), benchmarks };
const [alpha, beta] = rows.map(rowId) as [string, string];

describe("editedCard", () => {
  it("a benchmark the reference table knows brings its N and split (GSM8K test: 1,319)", () => {
    const card = editedCard({ ...exampleCards.a, version: "" }, "benchmark", "GSM-8K", benchmarks);
    expect(card).toMatchObject({ benchmark: "GSM-8K", n: 1319, version: "test" });
  });
  it("a typed split is kept; an unknown benchmark leaves N as it was", () => {
    expect(editedCard({ ...exampleCards.a, version: "main" }, "benchmark", "gsm8k", benchmarks).version).toBe(
      "main",
    );
    expect(editedCard(exampleCards.a, "benchmark", "My eval", benchmarks).n).toBe(14042);
  });
  it("numbers: blank score is NaN (so validation says so), blank N and parameters are null", () => {
    expect(editedCard(exampleCards.a, "score", " ", benchmarks).score).toBeNaN();
    expect(editedCard(exampleCards.a, "score", "71.25", benchmarks).score).toBe(71.25);
    expect(editedCard(exampleCards.a, "n", "", benchmarks).n).toBeNull();
    expect(editedCard(exampleCards.a, "params", "70", benchmarks).params).toBe(70);
  });
});

describe("state changes", () => {
  it("filling both cards from rows fills the pair from the table; typing un-picks that card only", () => {
    let s = fillFromRow(exampleState(), "a", alpha, ix);
    expect(s.cards.a).toMatchObject({ model: "Alpha", benchmark: "GSM8K", score: 61.5, n: 1319, shots: "8" });
    expect(s.pair).toEqual(exampleCards.pair);
    s = fillFromRow(s, "b", beta, ix);
    expect(s.picked).toEqual({ a: alpha, b: beta });
    s = editField(s, "b", "score", "59", benchmarks);
    expect(s.picked).toEqual({ a: alpha, b: "" });
    expect(s.cards.b.score).toBe(59);
    expect(s.cards.a.score).toBe(61.5);
  });
  it("swap exchanges the cards, the picked rows and what is known about each side", () => {
    const s = {
      ...fillFromRow(exampleState(), "a", alpha, ix),
      pair: { aLeads: "MATH", bLeads: "", reproA: "yes", reproB: "no" } as const,
    };
    const t = swapped(s);
    expect(t.cards.a).toBe(s.cards.b);
    expect(t.cards.b).toBe(s.cards.a);
    expect(t.picked).toEqual({ a: "", b: alpha });
    expect(t.pair).toEqual({ aLeads: "", bLeads: "MATH", reproA: "no", reproB: "yes" });
    expect(swapped(t)).toEqual(s);
  });
});

describe("the URL", () => {
  it("round-trips a state, keeping other parameters", () => {
    const s = editField(fillFromRow(exampleState(), "a", alpha, ix), "b", "model", "My model", benchmarks);
    const search = searchFromState("?lang=en", s, ix);
    expect(new URLSearchParams(search).get("lang")).toBe("en");
    expect(stateFromSearch(search, ix)).toEqual(s);
  });
  it("a link naming only rows fills both cards from the table", () => {
    const s = stateFromSearch(`?a.row=${alpha}&b.row=${beta}`, ix);
    expect([s.cards.a.model, s.cards.b.model]).toEqual(["Alpha", "Beta"]);
    expect([s.cards.a.n, s.cards.b.n]).toEqual([1319, 1319]);
  });
  it("a row id that no longer exists keeps the card's own fields and drops the id", () => {
    const s = stateFromSearch("?a.row=gone&a.model=From%20a%20link&a.score=50", ix);
    expect(s.picked.a).toBe("");
    expect(s.cards.a).toMatchObject({ model: "From a link", score: 50 });
  });
  it("no query: the example", () => {
    expect(stateFromSearch("", ix)).toEqual(exampleState());
  });
});
