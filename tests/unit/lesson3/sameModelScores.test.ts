// One model, several published numbers: the figure's model against the source documents' numbers
// and R (qnorm) — not against the functions it is built from.
import { describe, expect, it } from "vitest";
import {
  deriveSameModel,
  figureGroups,
  groupKey,
  runLabel,
  sameModelNotice,
  sameModelSummary,
} from "../../../src/components/figures/sameModelScores.ts";
import { readBenchmarks, readPublishedScores } from "../../../src/data/tables.ts";

const benchmarks = readBenchmarks();
const groups = figureGroups(readPublishedScores(), benchmarks);
const at = (group: string) => deriveSameModel({ group }, groups, benchmarks);

describe("deriveSameModel", () => {
  it("Llama 2 70B on MMLU: four numbers 68.9–69.9 (Meta, Leaderboard, Mistral's re-run), 0.93 of the noise yardstick", () => {
    const m = at("Llama 2 70B|MMLU");
    expect(m.group.rows.map((r) => r.score)).toEqual([68.9, 69.7, 69.83, 69.9]);
    expect(m.n).toBe(14042);
    expect(m.group.spread).toBeCloseTo(1.0, 10);
    // R: qnorm(0.975)·√(2·0.694·0.306/14042)·100 = 1.0779263; 1 / 1.0779263 = 0.92770724
    expect(m.yard.diffHalfWidth).toBeCloseTo(1.0779263, 6);
    expect(m.yard.ratio).toBeCloseTo(0.92770724, 6);
    expect(m.verdict).toMatch(/^0\.93 times that/);
    // The axis holds the numbers and the band around the lowest, 68.9 ± 1.078 (which reaches past
    // 69.9), padded by max(0.3, 12% of 2.156) = 0.3.
    expect(m.domain[0]).toBeCloseTo(68.9 - 1.0779263 - 0.3, 6);
    expect(m.domain[1]).toBeCloseTo(68.9 + 1.0779263 + 0.3, 6);
  });

  it("Mistral 7B on MMLU: 60.1 and 62.5 (Mistral AI), 64.16 (Leaderboard v1): 3.6 times the yardstick (R)", () => {
    const m = at("Mistral 7B|MMLU");
    expect(m.group.rows.map((r) => r.score)).toEqual([60.1, 62.5, 64.16]);
    // R: p = (60.1 + 64.16) / 200; qnorm(0.975)·√(2p(1−p)/14042)·100 = 1.1346109; 4.06 / that = 3.5783
    expect(m.yard.diffHalfWidth).toBeCloseTo(1.1346109, 6);
    expect(m.yard.ratio).toBeCloseTo(3.5783194, 5);
    expect(m.verdict).toMatch(/^3\.6 times that: had these been two different models/);
  });

  it("an unknown key falls back to the first group (the largest spread), not an error", () => {
    const m = at("No such model|MMLU");
    expect(groupKey(m.group)).toBe(groupKey(groups[0]!));
    expect(groups.every((g, i) => i === 0 || g.spread <= groups[i - 1]!.spread)).toBe(true);
  });

  it("notice and summary state this group's numbers", () => {
    const m = at("Llama 2 70B|MMLU");
    expect(sameModelNotice(m)).toContain("Llama 2 70B's 4 numbers");
    expect(sameModelNotice(m)).toContain("the 1.00 pp between them");
    const s = sameModelSummary(m);
    expect(s).toMatch(/^Llama 2 70B on MMLU: 68\.9 \(Meta\)/);
    expect(s).toContain("±1.08 pp");
  });

  it("run labels name the evaluator and what distinguishes the run, in at most 34 characters", () => {
    for (const g of groups) for (const r of g.rows) expect(runLabel(r).length).toBeLessThanOrEqual(34);
    const llama = at("Llama 2 70B|MMLU").group.rows;
    expect(llama.map(runLabel)).toContain("Meta");
    expect(llama.map(runLabel)).toContain("Leaderboard v1");
    // LLaMA 65B scored by Hugging Face with three MMLU implementations: each row names both (the
    // evaluator had been dropped, leaving ", HELM").
    const llama65 = at("Llama 1 65B|MMLU").group.rows.map(runLabel);
    expect(llama65).toEqual(
      expect.arrayContaining([
        "Hugging Face, HELM",
        "Hugging Face, EleutherAI harness",
        "Hugging Face, original",
      ]),
    );
    for (const g of groups) for (const r of g.rows) expect(runLabel(r)).not.toMatch(/^[,\s]/);
  });
});
