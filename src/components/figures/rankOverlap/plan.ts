// How Lesson 2's rank figure lays itself out: on the page, the chart above the significance
// matrix (beside it from 1000 px); in present mode, score, ranks and matrix side by side in one
// screen, rows shrunk by ui/fitRows.ts down to a readable minimum, and fewer rows when even
// those do not fit (said in a note above the drawing).
import { fitRowHeight } from "../../ui/fitRows.js";
import type { RankOverlapChartOptions } from "../parts/rankChartLayout.js";
import type { SignificanceMatrixOptions } from "../parts/significanceMatrix.js";

export interface RankOverlapPlan {
  /** Rows drawn (the best `shown` by rank). */
  shown: number;
  /** The matrix beside the chart (true) or below it. */
  wide: boolean;
  chartWidth: number;
  matrixWidth: number;
  chart: Pick<
    RankOverlapChartOptions,
    "rowHeight" | "fontSize" | "maxLabel" | "sideBySide" | "rankWidth" | "marginBottom"
  >;
  matrix: Omit<SignificanceMatrixOptions, "width">;
}

/** Present mode's rows: at least 15 px (labels 11.5 px, about 20 px on a 1080p projector), at most 26. */
const ROWS = { normal: 26, min: 15 };
/** Above and below the rows: the legend line, the axis, the bottom margin; the note when rows are left out. */
const LEGEND = 44;
const MARGIN_TOP = 44;
const MARGIN_BOTTOM = 6;
const NOTE = 36;

/** The layout for `m` models in `width` px; `height` is present mode's room (null on the page). */
export function rankOverlapPlan(m: number, width: number, height: number | null): RankOverlapPlan {
  if (height === null) {
    const wide = width >= 1000;
    return {
      shown: m,
      wide,
      chartWidth: wide ? width - 316 : width,
      matrixWidth: wide ? 300 : Math.min(width, 420),
      chart: {},
      matrix: {},
    };
  }
  const chrome = LEGEND + MARGIN_TOP + MARGIN_BOTTOM;
  let shown = m;
  let rowHeight = fitRowHeight(height, m, { ...ROWS, chrome });
  if (chrome + m * rowHeight > height) {
    // Even the smallest rows overflow: show the best few at the smallest size, under a note.
    shown = Math.max(1, Math.floor((height - chrome - NOTE) / ROWS.min));
    rowHeight = fitRowHeight(height - NOTE, shown, { ...ROWS, chrome });
  }
  // Matrix: at most 30% of the width (cells of 8–18 px), numbers every fifth rank when small.
  const fontSize = 10;
  const cell = Math.max(8, Math.min(18, Math.floor((width * 0.3 - (16 + 2 * fontSize) - 10) / shown)));
  const matrixWidth = 16 + 2 * fontSize + cell * shown + 10;
  const chartWidth = width - matrixWidth - 20;
  return {
    shown,
    wide: true,
    chartWidth,
    matrixWidth,
    chart: {
      rowHeight,
      fontSize: 12,
      maxLabel: 22,
      sideBySide: true,
      rankWidth: Math.round(chartWidth * 0.3),
      marginBottom: MARGIN_BOTTOM,
    },
    matrix: { maxCell: cell, minCell: cell, fontSize },
  };
}
