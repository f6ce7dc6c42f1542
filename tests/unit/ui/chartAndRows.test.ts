// The chart-and-rows layout (figures/parts/chartAndRows.ts), worked by hand for the going-deeper
// best-of-k figure's settings (share 0.55, at least 200 px; wide: 48% of the width within
// 260–380 px; rows of 20 px under 60 px of axis and margins; at least 3 rows).
import { describe, expect, it } from "vitest";
import { chartAndRowsSizes as chartAndRows } from "../../../src/components/figures/parts/chartAndRows.ts";

const bestOfK = {
  share: 0.55,
  minChart: 200,
  wide: [260, 0.48, 380] as const,
  rowHeight: 20,
  chrome: 60,
  minRows: 3,
};

describe("chartAndRows", () => {
  it("wide page: the chart follows the width within its bounds and every row is shown", () => {
    expect(chartAndRows(bestOfK, 12, { width: 640 })).toEqual({ chart: 307, rows: 12 }); // 0.48·640 = 307.2
    expect(chartAndRows(bestOfK, 12, { width: 400 })).toEqual({ chart: 260, rows: 12 }); // 192 → 260
    expect(chartAndRows(bestOfK, 12, { width: 1200 })).toEqual({ chart: 380, rows: 12 }); // 576 → 380
  });

  it("phone box of 420 px: chart 231 px (0.55·420), rows ⌊(420 − 231 − 60)/20⌋ = 6", () => {
    expect(chartAndRows(bestOfK, 12, { width: 358, height: 420 })).toEqual({ chart: 231, rows: 6 });
  });

  it("a small box keeps the least chart and rows; rows never exceed what there is", () => {
    // 300 px: chart max(200, 165) = 200; ⌊(300 − 200 − 60)/20⌋ = 2 → at least 3.
    expect(chartAndRows(bestOfK, 12, { width: 358, height: 300 })).toEqual({ chart: 200, rows: 3 });
    // 900 px: chart 495; ⌊(900 − 495 − 60)/20⌋ = 17 rows of room, but only 12 rows.
    expect(chartAndRows(bestOfK, 12, { width: 358, height: 900 })).toEqual({ chart: 495, rows: 12 });
  });
});
