// The numbers of Lesson 4's calibration figure, without the drawing: two simulated models with
// the same right and wrong answers, one calibrated, one over-confident, and each one's
// calibration summary. Plot-free, so lessons/lesson4.ts (loaded with the page, for the prose's
// numbers) can use them without loading Observable Plot; figures/reliabilityDiagram.ts draws them.

import { inflateConfidence, type SimulatedConfidence, simulateConfidence } from "../sim/calibration.js";
import { type CalibrationSummary, calibrationSummary } from "../stats/calibration.js";

export type CalibrationInputs = {
  accuracy: number;
  overconfidence: number;
  n: number;
  bins: number;
  seed: number;
};

export interface ModelCalibration extends CalibrationSummary {
  model: "Calibrated" | "Over-confident";
  /** Answers stated at ≥ 90% confidence, and the share of them that were wrong. */
  sureCount: number;
  sureWrong: number;
}

const SURE = 0.9;

/** Both models' calibration for the inputs (pure). Pass `base` (the same inputs' simulation) to skip the draws. */
export function compareCalibration(v: CalibrationInputs, base?: SimulatedConfidence): ModelCalibration[] {
  const sim = base ?? simulateConfidence({ accuracy: v.accuracy, n: v.n, overconfidence: 1, seed: v.seed });
  const overconfident = sim.calibrated.map((c) => inflateConfidence(c, v.overconfidence));
  return (
    [
      ["Calibrated", sim.calibrated],
      ["Over-confident", overconfident],
    ] as const
  ).map(([model, stated]) => {
    let sureCount = 0;
    let sureWrongCount = 0;
    for (let i = 0; i < stated.length; i++) {
      if (stated[i]! >= SURE) {
        sureCount++;
        if (!sim.correct[i]) sureWrongCount++;
      }
    }
    return {
      model,
      ...calibrationSummary(stated, sim.correct, { bins: v.bins }),
      sureCount,
      sureWrong: sureCount > 0 ? sureWrongCount / sureCount : Number.NaN,
    };
  });
}
