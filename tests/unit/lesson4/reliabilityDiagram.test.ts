// The calibration figure's model, on a hand-made set of answers (so nothing is drawn from the
// simulator): the expected calibration error by its definition (Guo et al. 2017, eq. 3), worked
// by hand, and the count of confident wrong answers.
import { describe, expect, it } from "vitest";
import {
  calibrationSummaryText,
  deriveCalibration,
} from "../../../src/components/figures/reliabilityDiagram.ts";

// Ten answers, 7 right. Stated confidence of the calibrated model:
const calibrated = Float64Array.from([0.95, 0.95, 0.92, 0.85, 0.75, 0.75, 0.65, 0.55, 0.45, 0.35]);
const correct = Uint8Array.from([1, 1, 0, 1, 1, 1, 0, 1, 0, 1]);
const base = { correct, calibrated, overconfident: calibrated };
const v = { accuracy: 0.7, overconfidence: 1, n: 10, bins: 5, seed: 1 };

describe("deriveCalibration on ten hand-made answers, five bins of width 0.2", () => {
  it("k = 1: both models the same; ECE worked by hand", () => {
    const m = deriveCalibration(v, base);
    const [cal, over] = m.models;
    expect(cal.accuracy).toBeCloseTo(0.7, 12);
    expect(over.accuracy).toBeCloseTo(0.7, 12);
    // Bins: [0.2, 0.4): 0.35 → right 1, conf 0.35 → |1 − 0.35| = 0.65, weight 1/10
    //       [0.4, 0.6): 0.45, 0.55 → right 1 of 2 = 0.5, conf 0.5 → 0
    //       [0.6, 0.8): 0.65, 0.75, 0.75 → right 2 of 3, conf 0.716667 → 0.05, weight 3/10
    //       [0.8, 1.0]: 0.85, 0.92, 0.95, 0.95 → right 3 of 4 = 0.75, conf 0.9175 → 0.1675, weight 4/10
    // ECE = 0.065 + 0 + 0.015 + 0.067 = 0.147
    expect(cal.ece).toBeCloseTo(0.147, 10);
    expect(over.ece).toBeCloseTo(cal.ece, 12);
    // Stated at ≥ 90%: 0.95, 0.95, 0.92 — one of the three wrong.
    expect(cal.sureCount).toBe(3);
    expect(cal.sureWrong).toBeCloseTo(1 / 3, 12);
    // Four non-empty bins per model.
    expect(m.rows.filter((r) => r.model === "Calibrated").map((r) => r.count)).toEqual([1, 2, 3, 4]);
  });

  it("k = 2: stated error squared (1 − 0.65 → 0.1225 error), so more answers claim 90%; the ECE grows", () => {
    const m = deriveCalibration({ ...v, overconfidence: 2 }, base);
    const [, over] = m.models;
    // Stated: 1 − (1 − c)²: 0.9975, 0.9975, 0.9936, 0.9775, 0.9375, 0.9375, 0.8775, 0.7975, 0.6975, 0.5775
    // ≥ 0.9: the first six (one wrong: the third).
    expect(over.sureCount).toBe(6);
    expect(over.sureWrong).toBeCloseTo(1 / 6, 12);
    // Bins: [0.4, 0.6): 0.5775 → right 1, |1 − 0.5775| = 0.4225 × 1/10
    //       [0.6, 0.8): 0.6975 (wrong), 0.7975 (right) → 0.5, conf 0.7475 → 0.2475 × 2/10
    //       [0.8, 1.0]: 0.8775 (wrong) and the six above (one wrong) → 5/7 right, conf mean 0.959857 → 0.245571 × 7/10
    const ece =
      0.04225 + 0.0495 + 0.7 * Math.abs(5 / 7 - (0.8775 + 0.9975 * 2 + 0.9936 + 0.9775 + 0.9375 * 2) / 7);
    expect(over.ece).toBeCloseTo(ece, 10);
    expect(over.ece).toBeGreaterThan(m.models[0].ece);
    expect(calibrationSummaryText(m)).toContain(
      "Of its 6 answers at 90% confidence or more, 16.7% were wrong",
    );
  });
});
