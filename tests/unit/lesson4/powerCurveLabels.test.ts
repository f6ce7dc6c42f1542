// Where the power curve's labels go: hand-worked boxes on a 200 × 100 frame (x 0–200, y 0–100),
// with the drawing's margins (30 px right, 26 px top) and text widths (7.5 px a character for the
// 12 px names, 9 px for N's bold 14 px label; 16 px tall).
import { describe, expect, it } from "vitest";
import { placePowerLabels } from "../../../src/components/figures/parts/powerCurveDrawing.ts";

const frame = { x0: 0, x1: 200, y0: 0, y1: 100 };
// A flat curve along the bottom, out of every label's way unless a test says otherwise.
const flat = [0, 50, 100, 150, 200].map((x) => ({ x, y: 99 }));
// The wanted power's name far above the frame, out of the way unless a test says otherwise.
const away = { y: -200, chars: 9 };
const noMarks: { x: number; y: number; chars: number }[] = [];

describe("placePowerLabels", () => {
  it("a mark's name runs in the half away from the curve, just left of its rule", () => {
    // 10 characters: 75 px long.
    const { marks } = placePowerLabels(
      [
        { x: 150, y: 20, chars: 10 }, // the curve is high here: the name runs up from the bottom
        { x: 60, y: 90, chars: 10 }, // the curve is low: the name runs down from the top
      ],
      { x: 10, y: 50, power: 0.5, chars: 1 },
      flat,
      frame,
      away,
    );
    expect(marks[0]).toEqual({ fromTop: false, side: "left", box: { x0: 132, x1: 148, y0: 25, y1: 100 } });
    expect(marks[1]).toEqual({ fromTop: true, side: "left", box: { x0: 42, x1: 58, y0: 0, y1: 75 } });
  });

  it("two marks 7 px apart: the right one's name stands right of its rule, whatever their order", () => {
    // Left of 93: x 75–91; left of 100 would be 82–98 (meeting it), so right of 100: 102–118.
    const { marks } = placePowerLabels(
      [
        { x: 100, y: 18, chars: 12 },
        { x: 93, y: 20, chars: 9 },
      ],
      { x: 10, y: 50, power: 0.5, chars: 1 },
      flat,
      frame,
      away,
    );
    expect(marks.map((m) => [m.side, m.box.x0, m.box.x1])).toEqual([
      ["right", 102, 118],
      ["left", 75, 91],
    ]);
  });

  it("N's label goes right and above when that is clear; below when the power is over 85%", () => {
    // "N = 100: 13%": 12 characters, 108 px wide.
    const low = placePowerLabels(noMarks, { x: 40, y: 60, power: 0.4, chars: 12 }, flat, frame, away);
    expect([low.here.side, low.here.above]).toEqual(["right", true]);
    expect(low.here.box).toEqual({ x0: 50, x1: 158, y0: 38, y1: 54 });
    const high = placePowerLabels(noMarks, { x: 40, y: 10, power: 0.9, chars: 12 }, flat, frame, away);
    expect(high.here.above).toBe(false);
    expect(high.here.box.y0).toBe(16);
  });

  it("it moves below when the curve passes above the point, and left when a mark's name is in the way", () => {
    // The curve crosses the right-above box (x 50–158, y 38–54) at (100, 45): right-below it is.
    const crossing = [...flat, { x: 100, y: 45 }];
    const below = placePowerLabels(noMarks, { x: 40, y: 60, power: 0.4, chars: 12 }, crossing, frame, away);
    expect([below.here.side, below.here.above]).toEqual(["right", false]);
    // A mark at x = 170 whose name runs up from the bottom (x 152–168, y 25–100) blocks both
    // right-hand boxes (x 160–268); left-above (x 32–140, y 38–54) is clear.
    const mark = [{ x: 170, y: 20, chars: 10 }];
    const wide = { ...frame, x1: 400 };
    const blocked = placePowerLabels(mark, { x: 150, y: 60, power: 0.4, chars: 12 }, flat, wide, away);
    expect([blocked.here.side, blocked.here.above]).toEqual(["left", true]);
    expect(blocked.here.box.x1).toBe(140);
    // The same mark left of the point is no obstacle to its right: right-above it stays.
    const clear = placePowerLabels(mark, { x: 190, y: 60, power: 0.4, chars: 12 }, flat, wide, away);
    expect([clear.here.side, clear.here.above]).toEqual(["right", true]);
    // Near the left edge the left box is slid inside the drawing (x 0–108, not −18–90) and, clear
    // there, taken over the blocked right-hand ones.
    const edge = placePowerLabels(mark, { x: 100, y: 60, power: 0.4, chars: 12 }, flat, wide, away);
    expect([edge.here.side, edge.here.above]).toEqual(["left", true]);
    expect(edge.here.box.x0).toBe(0);
  });

  it("near the right edge the box ends 4 px inside the drawing (frame 200 + 30 px margin)", () => {
    const r = placePowerLabels(noMarks, { x: 180, y: 60, power: 0.4, chars: 12 }, flat, frame, away);
    expect([r.here.side, r.here.above]).toEqual(["right", true]);
    expect(r.here.box.x1).toBe(226);
  });

  it("when every box meets something, the one meeting fewest", () => {
    // Right-above crosses the curve at (60, 45) and the name of the mark at 70 (x 52–68, from the
    // bottom); right-below meets the name only; so do the left-hand ones, which come later.
    const crowded = placePowerLabels(
      [{ x: 70, y: 20, chars: 10 }],
      { x: 40, y: 60, power: 0.4, chars: 12 },
      [...flat, { x: 60, y: 45 }],
      frame,
      away,
    );
    expect([crowded.here.side, crowded.here.above]).toEqual(["right", false]);
  });

  it("the wanted power's name: at the right end unless a mark sits there; N's label keeps clear of it", () => {
    // "80% power", 9 characters (67.5 px), above the line at y = 60: x 128.5–196, y 40–56.
    const right = placePowerLabels(noMarks, { x: 40, y: 60, power: 0.4, chars: 12 }, flat, frame, {
      y: 60,
      chars: 9,
    });
    expect(right.note).toEqual({ end: "right", box: { x0: 128.5, x1: 196, y0: 40, y1: 56 } });
    // N's right-above box (x 50–158, y 38–54) meets it: right-below.
    expect([right.here.side, right.here.above]).toEqual(["right", false]);
    // The N-needed mark at (180, 60), on the line: its square (x 174–186, y 54–66) is in the way.
    const left = placePowerLabels(
      [{ x: 180, y: 60, chars: 10 }],
      { x: 10, y: 90, power: 0.1, chars: 1 },
      flat,
      frame,
      { y: 60, chars: 9 },
    );
    expect(left.note).toEqual({ end: "left", box: { x0: 4, x1: 71.5, y0: 40, y1: 56 } });
  });
});
