// What the published-scores table says about pairs, checked on the real data file: the same
// model's several numbers (data/SOURCES.md lists them), reproductions, other benchmarks.
import { describe, expect, it } from "vitest";
import { benchmarkSize, canonicalBenchmark } from "../../../src/components/compare/benchmarkNames.ts";
import {
  evidenceFor,
  otherBenchmarks,
  reproductionOf,
  sameModelGroups,
} from "../../../src/components/compare/evidence.ts";
import { compareCards } from "../../../src/components/compare/protocol.ts";
import { canonicalModel, cardFromPublished, rowId } from "../../../src/components/compare/scoreCard.ts";
import { readBenchmarks, readPublishedScores } from "../../../src/data/tables.ts";

const rows = readPublishedScores();
const benchmarks = readBenchmarks();

const find = (model: string, benchmark: string, score: number) => {
  const r = rows.find(
    (x) => x.model === model && canonicalBenchmark(x.benchmark) === benchmark && x.score === score,
  );
  if (!r) throw new Error(`missing ${model} ${benchmark} ${score}`);
  return r;
};

describe("names", () => {
  it("one identity per model however a table spells it", () => {
    expect(canonicalModel("meta-llama/Llama-2-70b-hf")).toBe(canonicalModel("Llama 2 70B"));
    expect(canonicalModel("mistralai/Mistral-7B-v0.1")).toBe(canonicalModel("Mistral 7B"));
    expect(canonicalModel("meta-llama/Meta-Llama-3-8B-Instruct")).toBe(canonicalModel("Llama 3 8B Instruct"));
    expect(canonicalModel("Llama 2 70B Chat")).not.toBe(canonicalModel("Llama 2 70B"));
    expect(canonicalModel("mistralai/Mistral-7B-Instruct-v0.2")).not.toBe(canonicalModel("Mistral 7B"));
  });
  it("benchmarks get their N from the table (HellaSwag from its labelled validation split)", () => {
    expect(benchmarkSize(benchmarks, "MMLU")?.n).toBe(14042);
    expect(benchmarkSize(benchmarks, "GSM-8K")?.n).toBe(1319);
    expect(benchmarkSize(benchmarks, "HellaSwag")).toMatchObject({ n: 10042, split: "validation" });
    expect(benchmarkSize(benchmarks, "ARC-C")?.n).toBe(1172);
    expect(benchmarkSize(benchmarks, "Nexus (0-shot)")).toBeNull();
  });
  it("row ids are stable and distinct", () => {
    const ids = new Set(rows.map(rowId));
    expect(ids.size).toBe(rows.length);
    expect(rowId(rows[0]!)).toBe(rowId({ ...rows[0]! }));
  });
});

describe("sameModelGroups", () => {
  const groups = sameModelGroups(rows);
  it("finds Llama 2 70B's four MMLU numbers (68.9, 69.7, 69.83, 69.9)", () => {
    const g = groups.find((x) => canonicalModel(x.model) === "llama 2 70b" && x.benchmark === "MMLU");
    expect(g?.rows.map((r) => r.score)).toEqual([68.9, 69.7, 69.83, 69.9]);
    expect(g?.spread).toBeCloseTo(1.0, 10);
  });
  it("finds Mistral 7B's 60.1 and 62.5 from Mistral AI's two papers", () => {
    const g = groups.find((x) => canonicalModel(x.model) === "mistral 7b" && x.benchmark === "MMLU");
    const own = g?.rows.filter((r) => r.evaluator === "Mistral AI").map((r) => r.score);
    expect(own).toEqual([60.1, 62.5]);
  });
  it("sorts by spread, widest first", () => {
    for (let i = 1; i < groups.length; i++)
      expect(groups[i - 1]!.spread).toBeGreaterThanOrEqual(groups[i]!.spread);
  });
});

describe("evidence from the table", () => {
  it("Meta's 68.9 for Llama 2 70B is reproduced within noise by a third party", () => {
    const r = reproductionOf(rows, find("Llama 2 70B", "MMLU", 68.9), benchmarks);
    expect(r.reproduced).toBe(true);
    expect(r.note).toMatch(/reproduced by/);
  });
  it("Claude 3 Opus's self-reported 86.8 is not what OpenAI's re-run got", () => {
    const r = reproductionOf(rows, find("Claude-3-Opus", "MMLU", 86.8), benchmarks);
    expect(r.reproduced).toBe(false);
    expect(r.note).toMatch(/OpenAI simple-evals got 84/);
  });
  it("one harness: Llama 2 70B vs 13B on the Open LLM Leaderboard is comparable", () => {
    const a = find("meta-llama/Llama-2-70b-hf", "MMLU", 69.83);
    const b = find("meta-llama/Llama-2-13b-hf", "MMLU", 55.77);
    const others = otherBenchmarks(rows, a, b)!;
    expect(others.length).toBeGreaterThanOrEqual(2);
    expect(others.every((o) => o.evaluator === a.evaluator)).toBe(true);
    const c = compareCards(
      cardFromPublished(a, benchmarks),
      cardFromPublished(b, benchmarks),
      evidenceFor(rows, a, b, benchmarks),
    );
    expect(c.verdict).toBe("comparable");
  });
  it("GPT-4o's zero-shot CoT 88.7 vs Claude 3 Opus's 5-shot 86.8: not comparable", () => {
    const a = find("gpt-4o-2024-05-13", "MMLU", 88.7);
    const b = find("Claude-3-Opus", "MMLU", 86.8);
    const c = compareCards(
      cardFromPublished(a, benchmarks),
      cardFromPublished(b, benchmarks),
      evidenceFor(rows, a, b, benchmarks),
    );
    expect(c.verdict).toBe("not-comparable");
  });
});
