// The compare tool's URL state: every field round-trips, junk is ignored (never thrown), and
// validation names the problem.
import { describe, expect, it } from "vitest";
import {
  benchmarkList,
  cardCodecs,
  evidenceFromFields,
  exampleCards,
  fieldsFromEvidence,
  numberFieldCodec,
  type PairFields,
  pairCodecs,
  validateCard,
} from "../../../src/components/compare/cardState.ts";
import { readState, writeState } from "../../../src/components/ui/urlState.ts";

describe("URL round trip", () => {
  it("both example cards and the pair survive writeState → readState", () => {
    let s = writeState("", "a", exampleCards.a, cardCodecs);
    s = writeState(s, "b", exampleCards.b, cardCodecs);
    const pair: PairFields = {
      aLeads: "GSM8K, HumanEval",
      bLeads: "ARC-Challenge",
      reproA: "yes",
      reproB: "no",
    };
    s = writeState(s, "pair", pair, pairCodecs);
    expect(readState(s, "a", cardCodecs)).toEqual(exampleCards.a);
    expect(readState(s, "b", cardCodecs)).toEqual(exampleCards.b);
    expect(readState(s, "pair", pairCodecs)).toEqual(pair);
  });
  it("ignores bad values and keeps the rest", () => {
    const got = readState("?a.score=abc&a.n=-4&a.cot=maybe&a.model=Mine&a.params=-&a.n=1.5", "a", cardCodecs);
    expect(got).toEqual({ model: "Mine", params: null });
  });
  it("numbers are strict decimals within range", () => {
    const c = numberFieldCodec(0, 100);
    expect(c.parse("85.8")).toBe(85.8);
    expect(c.parse("0x10")).toBeUndefined();
    expect(c.parse("101")).toBeUndefined();
    expect(c.parse("Infinity")).toBeUndefined();
    expect(c.parse("-")).toBeUndefined();
  });
});

describe("pair fields", () => {
  it("become evidence and back", () => {
    const e = evidenceFromFields({
      aLeads: "GSM8K; HumanEval,",
      bLeads: " ARC ",
      reproA: "yes",
      reproB: "unknown",
    });
    expect(e.otherBenchmarks).toEqual([
      { benchmark: "GSM8K", leader: "A" },
      { benchmark: "HumanEval", leader: "A" },
      { benchmark: "ARC", leader: "B" },
    ]);
    expect(e.reproducedA).toBe(true);
    expect(e.reproducedB).toBeNull();
    expect(fieldsFromEvidence(e)).toEqual({
      aLeads: "GSM8K, HumanEval",
      bLeads: "ARC",
      reproA: "yes",
      reproB: "unknown",
    });
    expect(
      evidenceFromFields({ aLeads: "", bLeads: "", reproA: "no", reproB: "no" }).otherBenchmarks,
    ).toBeNull();
    expect(benchmarkList(" , ,")).toEqual([]);
  });
});

describe("validateCard", () => {
  it("names each problem", () => {
    expect(validateCard(exampleCards.a, "Score A")).toEqual([]);
    expect(validateCard({ ...exampleCards.a, score: 120 }, "Score A")[0]).toMatch(/between 0 and 100/);
    expect(validateCard({ ...exampleCards.a, score: Number.NaN }, "Score A")[0]).toMatch(/between 0 and 100/);
    expect(validateCard({ ...exampleCards.a, n: 2.5 }, "Score B")[0]).toMatch(
      /^Score B: N must be a whole number/,
    );
    expect(validateCard({ ...exampleCards.a, benchmark: " " }, "Score A")[0]).toMatch(/name the benchmark/);
  });
});
