// The comparability checker's model: the protocol's verdict for the lesson's pairs, as the source
// documents settle them (one model under two pipelines; one harness for two models; 0-shot CoT
// against 5-shot), and the statistics of a comparable pair against R's prop.test.
import { describe, expect, it } from "vitest";
import { findRowId } from "../../../src/components/compare/publishedMenu.ts";
import {
  checkerNotice,
  checkerSummary,
  deriveChecker,
} from "../../../src/components/figures/comparabilityChecker.ts";
import { readBenchmarks, readPublishedScores } from "../../../src/data/tables.ts";

const rows = readPublishedScores();
const benchmarks = readBenchmarks();
const id = (model: string, benchmark: string, score: number) => findRowId(rows, model, benchmark, score)!;
const at = (a: [string, string, number], b: [string, string, number]) =>
  deriveChecker({ a: id(...a), b: id(...b) }, rows, benchmarks);

describe("deriveChecker", () => {
  it("Llama 2 70B, Meta's 68.9 against the Leaderboard's 69.83: one model, indicative only", () => {
    const m = at(["Llama 2 70B", "MMLU", 68.9], ["meta-llama/Llama-2-70b-hf", "MMLU", 69.83]);
    expect([m.rowA.score, m.rowB.score]).toEqual([68.9, 69.83]);
    expect(m.sameModel).toBe(true);
    expect(m.cmp.verdict).toBe("indicative");
    expect(checkerNotice(m)).toMatch(/spread is method/);
    expect(m.toolLink).toBe(
      `../tools/compare?a.row=${encodeURIComponent(id("Llama 2 70B", "MMLU", 68.9))}&b.row=${encodeURIComponent(id("meta-llama/Llama-2-70b-hf", "MMLU", 69.83))}`,
    );
  });

  it("one harness, Llama 2 70B (69.83) against 13B (55.77): comparable; R prop.test(c(9806, 7831), c(14042, 14042))", () => {
    const m = at(["meta-llama/Llama-2-70b-hf", "MMLU", 69.83], ["meta-llama/Llama-2-13b-hf", "MMLU", 55.77]);
    expect(m.cmp.verdict).toBe("comparable");
    expect(m.sameModel).toBe(false);
    // R: conf.int 0.1294640816 0.1518348787 (A − B); p-value 2.6e-131.
    expect(m.cmp.stats!.lower).toBeCloseTo(0.1294640816, 8);
    expect(m.cmp.stats!.upper).toBeCloseTo(0.1518348787, 8);
    expect(m.cmp.stats!.pValue).toBeLessThan(1e-15);
    expect(checkerNotice(m)).toMatch(/indicative only' at best/);
    expect(checkerSummary(m)).toMatch(/: Comparable\./i);
  });

  it("GPT-4o 0-shot CoT against Claude 3 Opus 5-shot: not comparable", () => {
    const m = at(["gpt-4o-2024-05-13", "MMLU", 88.7], ["Claude-3-Opus", "MMLU", 86.8]);
    expect(m.cmp.verdict).toBe("not-comparable");
  });

  it("an unknown row falls back to the menu's first rows, not an error", () => {
    const m = deriveChecker({ a: "nothing", b: "nothing" }, rows, benchmarks);
    expect(m.rowA).not.toBe(m.rowB);
  });
});
