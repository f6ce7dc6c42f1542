// Row-per-model charts in present mode: rows shrink (down to a readable minimum) so that the
// whole chart fits the screen above the present bar; on the page they keep their normal height.

/**
 * The row height for `rows` rows when the drawing has `room` px (the render context's `height`,
 * undefined on the page) and `chrome` px of it go to axes and margins.
 */
export function fitRowHeight(
  room: number | undefined,
  rows: number,
  { normal, min, chrome }: { normal: number; min: number; chrome: number },
): number {
  if (room === undefined || rows <= 0) return normal;
  return Math.max(min, Math.min(normal, Math.floor((room - chrome) / rows)));
}
