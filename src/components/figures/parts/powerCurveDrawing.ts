// Lesson 4's power curve, drawn: the power to detect a gap against the number of examples (log
// scale), the wanted power dashed, the marked sizes (100 examples, the N needed) as dotted rules
// with upright names, and the chosen N in vermillion with its power beside it. Plain SVG in Plot's
// look, kept across redraws: a slider moves the curve and the marks in place, where a new Plot
// chart cost ≈ 5 ms to build. Labels are placed (placePowerLabels) so that none crosses the curve
// or another label.
import { formatCount, formatPercent, formatPoints } from "../../ui/format.js";
import { setAttrs, setText } from "../../ui/inPlace.js";
import { palette } from "../../ui/palette.js";
import { scaleLinear, scaleLog } from "../../vendor/plot.js";
import { drawLogXAxis, drawYAxis, f2, keptChildren } from "./svgAxis.js";
import { sizePanel, svgPanel } from "./svgPanel.js";

export interface PowerCurveView {
  /** Power (0–1) against N, the gap it is for (pp) and the wanted power. */
  curve: readonly { n: number; power: number }[];
  gap: number;
  target: number;
  /** The chosen N and its power. */
  n: number;
  power: number;
  /** Marked sizes (a rule, a square and an upright name each). */
  marks: readonly { n: number; label: string; power: number }[];
}

const M = { top: 26, right: 30, bottom: 44, left: 56, height: 310 };
const DOMAIN: [number, number] = [10, 100_000];
/**
 * Text widths (px a character), on the wide side: measured in Chromium with DejaVu Sans (the widest
 * system-ui here), 7.0–7.5 for 12 px regular, 8.75 for 14 px bold.
 */
const MARK_CHAR = 7.5;
const N_CHAR = 9;

export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}
const meets = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export interface PlacedMark {
  /** The name runs down from the top of the frame (the curve is low here) or up from the bottom. */
  fromTop: boolean;
  /** Which side of its rule the name stands. */
  side: "left" | "right";
  box: Box;
}

export interface PlacedNote {
  /** The wanted power's name, at the right or the left end of its line. */
  end: "right" | "left";
  box: Box;
}

export interface PlacedN {
  /** Right or left of the point, above or below it. */
  side: "right" | "left";
  above: boolean;
  box: Box;
}

/**
 * Where the labels go (pure; tested). A mark's name stands upright beside its rule in the half of
 * the frame away from the curve there (the curve is monotone, so it cannot reach the name on either
 * side of the rule): left of the rule, or right of it when the name of a mark to its left is there.
 * The wanted power's name sits above its line at the right end, where the curve has long passed
 * it, or at the left end if a mark (the N needed, near 100,000) is in the way. The chosen N's label
 * goes right of its point, above it where the curve is low and below where it is high; if that box
 * meets a name, a mark or the curve, the next of right-below, left-above, left-below that meets
 * fewest. Each box is slid inside the drawing (on a phone a label wider than the space beside its
 * point ends at the edge).
 */
export function placePowerLabels(
  marks: readonly { x: number; y: number; chars: number }[],
  here: { x: number; y: number; power: number; chars: number },
  curve: readonly { x: number; y: number }[],
  frame: Box,
  note: { y: number; chars: number },
): { marks: PlacedMark[]; note: PlacedNote; here: PlacedN } {
  const mid = (frame.y0 + frame.y1) / 2;
  const placed: PlacedMark[] = [];
  const byX = marks.map((m, i) => ({ m, i })).sort((a, b) => a.m.x - b.m.x);
  for (const { m } of byX) {
    const fromTop = m.y > mid;
    const length = m.chars * MARK_CHAR;
    const y0 = fromTop ? frame.y0 : frame.y1 - length;
    const at = (side: "left" | "right"): PlacedMark => ({
      fromTop,
      side,
      box:
        side === "left"
          ? { x0: m.x - 18, x1: m.x - 2, y0, y1: y0 + length }
          : { x0: m.x + 2, x1: m.x + 18, y0, y1: y0 + length },
    });
    const left = at("left");
    placed.push(placed.some((p) => meets(p.box, left.box)) ? at("right") : left);
  }
  const named = byX
    .map(({ i }, k) => ({ i, p: placed[k]! }))
    .sort((a, b) => a.i - b.i)
    .map(({ p }) => p);
  const squares = marks.map((m) => ({ x0: m.x - 6, x1: m.x + 6, y0: m.y - 6, y1: m.y + 6 }));
  const noteWidth = note.chars * MARK_CHAR;
  const noteAt = (end: "right" | "left"): PlacedNote => {
    const x0 = end === "right" ? frame.x1 - 4 - noteWidth : frame.x0 + 4;
    return { end, box: { x0, x1: x0 + noteWidth, y0: note.y - 20, y1: note.y - 4 } };
  };
  const noteRight = noteAt("right");
  const notePlaced = [...named.map((p) => p.box), ...squares].some((b) => meets(b, noteRight.box))
    ? noteAt("left")
    : noteRight;
  const others = [notePlaced.box, ...squares];
  const width = here.chars * N_CHAR;
  const [minX, maxX] = [frame.x0, frame.x1 + M.right - 4];
  const box = (side: "right" | "left", above: boolean): Box => {
    const wanted = side === "right" ? here.x + 10 : here.x - 10 - width;
    const x0 = Math.max(minX, Math.min(maxX - width, wanted));
    const y0 = above ? here.y - 22 : here.y + 6;
    return { x0, x1: x0 + width, y0, y1: y0 + 16 };
  };
  const hits = (b: Box) =>
    (b.y0 < frame.y0 - M.top || b.y1 > frame.y1 ? 1 : 0) +
    placed.filter((p) => meets(p.box, b)).length +
    others.filter((o) => meets(o, b)).length +
    (curve.some((c) => c.x >= b.x0 && c.x <= b.x1 && c.y >= b.y0 && c.y <= b.y1) ? 1 : 0);
  const firstAbove = here.power <= 0.85;
  const tries: [side: "right" | "left", above: boolean][] = [
    ["right", firstAbove],
    ["right", !firstAbove],
    ["left", firstAbove],
    ["left", !firstAbove],
  ];
  const scored = tries.map(([s, a]) => hits(box(s, a)));
  const best = scored.indexOf(Math.min(...scored));
  const [side, above] = tries[best]!;
  return { marks: named, note: notePlaced, here: { side, above, box: box(side, above) } };
}

const HALO = { stroke: "var(--theme-background, white)", "stroke-width": 3, "paint-order": "stroke" };

type Part = "y" | "x" | "target" | "curve" | "rules" | "squares" | "names" | "here";

/** The power curve as a kept drawing: call the returned function with each new view. */
export function keptPowerCurve(): (v: PowerCurveView, width: number) => SVGSVGElement {
  const { root, parts } = svgPanel<Part>("power-curve", {
    y: {},
    x: {},
    target: { fill: palette.grey, stroke: palette.grey },
    curve: { fill: "none", stroke: palette.blue, "stroke-width": 2.5, "stroke-linejoin": "round" },
    rules: { stroke: palette.grey, "stroke-dasharray": "2,3" },
    squares: { fill: palette.grey },
    // Names over lines keep a halo of the page's colour, so a crossing (a phone leaves little room)
    // stays legible.
    names: { "font-size": 12, ...HALO },
    here: { fill: palette.vermillion, stroke: palette.vermillion },
  });
  return (v, width) => {
    const bottom = M.height - M.bottom;
    const right = width - M.right;
    sizePanel(
      root,
      width,
      M.height,
      14,
      `Power to detect a ${formatPoints(v.gap)} gap against the number of examples`,
    );
    const x = scaleLog().domain(DOMAIN).range([M.left, right]);
    const y = scaleLinear().domain([0, 100]).range([bottom, M.top]);
    const yTicks = [0, 20, 40, 60, 80, 100];
    drawYAxis(parts.y, yTicks.map(y), yTicks.map(String), {
      label: `↑ Power to detect a ${formatPoints(v.gap)} gap (%)`,
      x0: M.left,
      x1: right,
      grid: true,
    });
    drawLogXAxis(parts.x, x, {
      label: "Examples per model, N (log scale) →",
      width,
      y0: M.top,
      y1: bottom,
    });
    const yTarget = f2(y(100 * v.target));
    const [rule, note] = [
      keptChildren<SVGLineElement>(parts.target, "line", 1)[0]!,
      keptChildren<SVGTextElement>(parts.target, "text", 1)[0]!,
    ];
    setAttrs(rule, { x1: M.left, x2: right, y1: yTarget, y2: yTarget, "stroke-dasharray": "5,4" });
    const noteText = `${Math.round(v.target * 100)}% power`;
    const points = v.curve.map((c) => ({ x: x(c.n), y: y(100 * c.power) }));
    const [line] = keptChildren<SVGPathElement>(parts.curve, "path", 1);
    setAttrs(line!, { d: points.map((p, i) => `${i ? "L" : "M"}${f2(p.x)},${f2(p.y)}`).join("") });
    // On a phone the power alone: "N = 100: 13%" had no room clear of the N-needed name (N is on
    // the slider and in the readout just above).
    const hereText =
      width < 480 ? formatPercent(v.power, 0) : `N = ${formatCount(v.n)}: ${formatPercent(v.power, 0)}`;
    const hx = f2(x(v.n));
    const hy = f2(y(100 * v.power));
    const placed = placePowerLabels(
      v.marks.map((m) => ({ x: x(m.n), y: y(100 * m.power), chars: m.label.length })),
      { x: hx, y: hy, power: v.power, chars: hereText.length },
      points,
      { x0: M.left, x1: right, y0: M.top, y1: bottom },
      { y: yTarget, chars: noteText.length },
    );
    const toRight = placed.note.end === "right";
    setAttrs(note, {
      x: f2(toRight ? placed.note.box.x1 : placed.note.box.x0),
      y: yTarget - 8,
      "text-anchor": toRight ? "end" : "start",
      "font-size": 12,
      stroke: "none",
    });
    setText(note, noteText);
    keptChildren<SVGLineElement>(parts.rules, "line", v.marks.length).forEach((r, i) => {
      const at = f2(x(v.marks[i]!.n));
      setAttrs(r, { x1: at, x2: at, y1: M.top, y2: bottom });
    });
    keptChildren<SVGRectElement>(parts.squares, "rect", v.marks.length).forEach((s, i) => {
      const m = v.marks[i]!;
      setAttrs(s, { x: f2(x(m.n) - 4.5), y: f2(y(100 * m.power) - 4.5), width: 9, height: 9 });
    });
    keptChildren<SVGTextElement>(parts.names, "text", v.marks.length).forEach((t, i) => {
      const m = v.marks[i]!;
      const { fromTop, side } = placed.marks[i]!;
      // Upright, reading upwards: its letters stand on the rule's left of the baseline, so the
      // baseline is 4 px left of the rule, or 13 px right of it (past the letters' height).
      const bx = x(m.n) + (side === "left" ? -4 : 13);
      setAttrs(t, {
        transform: `translate(${f2(bx)},${fromTop ? M.top + 2 : bottom - 2}) rotate(-90)`,
        "text-anchor": fromTop ? "end" : "start",
      });
      setText(t, m.label);
    });
    const [nRule, dot, label] = [
      keptChildren<SVGLineElement>(parts.here, "line", 1)[0]!,
      keptChildren<SVGCircleElement>(parts.here, "circle", 1)[0]!,
      keptChildren<SVGTextElement>(parts.here, "text", 1)[0]!,
    ];
    setAttrs(nRule, { x1: hx, x2: hx, y1: M.top, y2: bottom, "stroke-width": 1.5 });
    setAttrs(dot, { cx: hx, cy: hy, r: 7, stroke: "none" });
    const { here } = placed;
    setAttrs(label, {
      x: f2(here.side === "right" ? here.box.x0 : here.box.x1),
      y: f2(here.box.y0 + 8),
      dy: "0.32em",
      "text-anchor": here.side === "right" ? "start" : "end",
      "font-weight": 700,
      ...HALO,
    });
    setText(label, hereText);
    return root;
  };
}
