// The contamination figure's model on a four-model board, worked by hand below.
import { describe, expect, it } from "vitest";
import type { ContaminationRow, LeaderboardSnapshot } from "../../../src/components/data/types.ts";
import { contaminationNotice, contaminationSummary } from "../../../src/components/figures/contamination.ts";
import { deriveContamination, measuredPresets } from "../../../src/components/figures/contaminationModel.ts";

const model = (name: string, mmlu: number, gsm8k: number) => ({
  model: name,
  average: 0,
  scores: { mmlu, gsm8k },
  type: "",
  flagged: false,
  merged: false,
  params_b: null,
});

const board: LeaderboardSnapshot = {
  id: "v1",
  label: "Test board",
  date: "2024-01-01",
  source: "hand-made",
  totalModels: 4,
  benchmarks: [
    { key: "mmlu", label: "MMLU (5-shot)", n: 14042, note: "" },
    { key: "gsm8k", label: "GSM8K (5-shot)", n: 1319, note: "" },
  ],
  top: [],
  known: [model("org/a", 0.8, 0.5), model("b", 0.78, 0.6), model("c", 0.75, 0.4), model("d", 0.7, 0.3)],
};

const gap = (study: ContaminationRow["study"], benchmark: string, gapPp: number): ContaminationRow => ({
  study,
  model: "m",
  benchmark,
  clean: null,
  original: null,
  gapPp,
  method: "",
  source: "",
});
// gsm1k gaps 1, 3, 8 (median 3) and an average line of 20 that is not a measurement; mmlu-cf −2, 4.
const measured = [
  gap("gsm1k", "GSM8K", 1),
  gap("gsm1k", "GSM8K", 8),
  gap("gsm1k", "GSM8K", 3),
  gap("gsm1k", "Average", 20),
  gap("mmlu-cf", "MMLU", -2),
  gap("mmlu-cf", "MMLU", 4),
];

describe("deriveContamination", () => {
  it("inflating the weaker half by 6 pp (hand-worked)", () => {
    // c .75 → .81 and d .70 → .76. New order: c .81, a .80, b .78, d .76. a, b and c move
    // (1→2, 2→3, 3→1); d stays 4th. The biggest climb is c's, 2 places.
    const m = deriveContamination(
      { inflation: 6, share: 0.5, who: "bottom", benchmark: "mmlu", seed: 1 },
      { board, measured },
    );
    expect(m.ordered.map((r) => r.model)).toEqual(["c", "org/a", "b", "d"]);
    expect(m.moved).toBe(3);
    expect(m.contaminated).toBe(2);
    expect(m.biggest).toEqual({ model: "c", from: 3, to: 1, climb: 2 });
    expect(m.benchmarkName).toBe("MMLU");
    // Averages of other rows are not plotted; the axis spans −6 … 20 (the average line's 20 included).
    expect(m.gaps).toHaveLength(5);
    expect(m.gapDomain).toEqual([-6, 20]);
    expect(m.summaries.map((s) => [s.study, s.count, s.median])).toEqual([
      ["gsm1k", 3, 3],
      ["mmlu-cf", 2, 1],
    ]);
    expect(contaminationNotice(m)).toBe(
      "A gain of 6.0 pp for 2 models moves 3 of 4: c climbs 2 places. Where models sit within a point or two of each other, a few points are enough — and nothing on the board shows it.",
    );
    const summary = contaminationSummary(m);
    expect(summary).toContain("2 contaminated (the weakest) and inflated by 6.0 pp: 3 models change rank");
    expect(summary).toContain("1. c (inflated) 81.0% (was 3)");
    expect(summary).toContain("MMLU − MMLU-CF median 1.0 pp (2 measurements, −2.0 to 4.0 pp)");
  });

  it("another benchmark re-sorts another column; no inflation moves nothing", () => {
    // GSM8K: b .6, a .5, c .4, d .3. The strongest quarter (b) +5: .65, still first — nothing moves.
    const top = deriveContamination(
      { inflation: 5, share: 0.25, who: "top", benchmark: "gsm8k", seed: 1 },
      { board, measured },
    );
    expect(top.ordered.map((r) => r.model)).toEqual(["b", "org/a", "c", "d"]);
    expect(top.moved).toBe(0);
    expect(top.biggest.climb).toBe(0);
    expect(contaminationNotice(top)).toContain("none changes place");
    const none = deriveContamination(
      { inflation: 0, share: 1, who: "random", benchmark: "mmlu", seed: 3 },
      { board, measured },
    );
    expect(none.moved).toBe(0);
    expect(contaminationNotice(none)).toMatch(/^Nothing is inflated yet/);
  });
});

describe("measuredPresets", () => {
  it("rounds the GSM1k median and largest gap to half points for the presets", () => {
    // gsm1k: median 3, largest 8 (the average line of 20 is left out).
    const labels = measuredPresets(
      deriveContamination(
        { inflation: 0, share: 0, who: "random", benchmark: "mmlu", seed: 1 },
        { board, measured },
      ).summaries,
    ).map((p) => p.label);
    expect(labels).toEqual([
      "Near the GSM1k median gap (3.0 pp): +3.0 pp for a random quarter",
      "Largest GSM1k gap: +8.0 pp for a random quarter",
      "Weakest quarter +8.0 pp",
      "Everyone +5 pp",
    ]);
  });
});
