// A shared layout: a chart on top and a list of rows below it (a board, a strip of subjects).
// On a wide page the chart's height follows the width and every row is shown; on a phone, where
// the drawing's box has a fixed height (RenderContext.height), the chart takes a share of the box
// and as many rows as fit in what is left are shown.

export interface ChartAndRowsLayout {
  /** The chart's share of the box on a phone (0–1), and its least height there (px). */
  share: number;
  minChart: number;
  /** On a wide page the chart's height is a fraction of the width, clamped: [min px, fraction, max px]. */
  wide: readonly [number, number, number];
  /** The rows' part: the height of one row and of its axis and margins (px), the least rows shown. */
  rowHeight: number;
  chrome: number;
  minRows: number;
}

/** The chart's height and how many of `allRows` rows to draw, at `width` and (on a phone) `height`. */
export function chartAndRowsSizes(
  layout: ChartAndRowsLayout,
  allRows: number,
  { width, height }: { width: number; height?: number },
): { chart: number; rows: number } {
  if (!height) {
    const [min, fraction, max] = layout.wide;
    return { chart: Math.round(Math.min(max, Math.max(min, width * fraction))), rows: allRows };
  }
  const chart = Math.max(layout.minChart, Math.round(height * layout.share));
  const rows = Math.max(layout.minRows, Math.floor((height - chart - layout.chrome) / layout.rowHeight));
  return { chart, rows: Math.min(rows, allRows) };
}
