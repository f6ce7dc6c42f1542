// The pairwise significance matrix: one square per pair of models in rank order, filled with a ✓
// where the gap is significant, dashed and empty where it is not; pointing at a square names the
// pair and its test in a tip. `.highlight(model)` outlines a model's row and column. Plain SVG
// made once and drawn again on the same nodes (`.update`): a slider rewrites four paths, and the
// rank numbers only when the board's size or the squares' size change.
import { svg } from "htl";
import type { PairCell } from "../../stats/pairwise.js";
import { formatPValue } from "../../ui/format.js";
import { setAttrs, setText } from "../../ui/inPlace.js";
import { palette } from "../../ui/palette.js";
import { labelWidth, middleClip } from "./rankChartLayout.js";
import type { RankOverlapRow } from "./rankRows.js";
import { f2 } from "./svgAxis.js";

/** One square: row i and column j are rank positions (1 = best); `pair` is null on the diagonal. */
export interface MatrixCell {
  i: number;
  j: number;
  pair: PairCell | null;
}

/** The matrix's cells in rank order (ties in rank by score, then name, as the rank chart orders rows). */
export function matrixCells(rows: readonly RankOverlapRow[], pairs: readonly PairCell[]) {
  const ordered = [...rows].sort(
    (a, b) => a.rank - b.rank || b.estimate - a.estimate || a.model.localeCompare(b.model),
  );
  const byPair = new Map(pairs.map((p) => [`${p.a}\u0000${p.b}`, p]));
  const cells: MatrixCell[] = [];
  let significant = 0;
  ordered.forEach((ra, i) => {
    ordered.forEach((rb, j) => {
      const pair = ra === rb ? null : (byPair.get(`${ra.model}\u0000${rb.model}`) ?? null);
      if (pair?.significant) significant++;
      cells.push({ i: i + 1, j: j + 1, pair });
    });
  });
  return { ordered, cells, significantPairs: significant / 2 };
}

/** A pair's test in words, as the tip's lines: "#1 a vs", "#3 b:", "+2.10 pp, p = 0.012 — significant". */
export function pairLines(c: MatrixCell, a: string, b: string): [string, string, string] {
  const p = c.pair!;
  return [
    `#${c.i} ${a} vs`,
    `#${c.j} ${b}:`,
    `${p.diffPp >= 0 ? "+" : "−"}${Math.abs(p.diffPp).toFixed(2)} pp, ${formatPValue(p.pValue)} — ${p.significant ? "significant" : "not significant"}`,
  ];
}

export interface SignificanceMatrixElement extends SVGSVGElement {
  /** Outline the row and column of a model (null clears). */
  highlight(model: string | null): void;
  /** Draw new rows and tests on the same nodes (the outlined model stays outlined if still drawn). */
  update(
    rows: readonly RankOverlapRow[],
    pairs: readonly PairCell[],
    options: SignificanceMatrixOptions,
  ): void;
}

export interface SignificanceMatrixOptions {
  width: number;
  maxCell?: number;
  minCell?: number;
  fontSize?: number;
}

/** A square's outline in path commands, `inset` px inside its cell. */
const square = (x: number, y: number, side: number, inset: number) =>
  `M${x + inset},${y + inset}h${side - 2 * inset}v${side - 2 * inset}h${2 * inset - side}z`;

/** A ✓ drawn in a square: two strokes, white on the filled square. */
const tick = (x: number, y: number, side: number) =>
  `M${x + 0.27 * side},${y + 0.52 * side}L${x + 0.43 * side},${y + 0.68 * side}L${x + 0.74 * side},${y + 0.33 * side}`;

/** The squares' paths: one per kind (diagonal, not significant, significant) and one for the ✓ marks. */
export function matrixPaths(cells: readonly MatrixCell[], margin: number, side: number, checks: boolean) {
  const d = { diagonal: "", ns: "", sig: "", check: "" };
  for (const c of cells) {
    const cx = margin + (c.j - 1) * side;
    const cy = margin + (c.i - 1) * side;
    if (!c.pair) d.diagonal += square(cx, cy, side, 1);
    else if (!c.pair.significant) d.ns += square(cx, cy, side, 1.5);
    else {
      d.sig += square(cx, cy, side, 1);
      if (checks) d.check += tick(cx, cy, side);
    }
  }
  return d;
}

/** Names in the tip are shortened to this many characters (in the middle, as the chart's labels). */
const TIP_NAME = 34;
const TIP_FONT = 12;
const TIP_LINE = 15;

export function significanceMatrix(
  rows: readonly RankOverlapRow[],
  pairs: readonly PairCell[],
  options: SignificanceMatrixOptions,
): SignificanceMatrixElement {
  const root =
    svg`<svg class="significance-matrix" role="img" fill="currentColor" font-family="system-ui, sans-serif" style="overflow: visible">
    <g class="ro-matrix-axis" aria-hidden="true"></g>
    <g aria-hidden="true">
      <path class="ro-matrix-diagonal" fill="currentColor" fill-opacity="0.08"></path>
      <path class="ro-matrix-ns" fill="none" stroke=${palette.grey} stroke-opacity="0.5" stroke-dasharray="2,2"></path>
      <path class="ro-matrix-sig" fill=${palette.blue}></path>
      <path class="ro-matrix-check" fill="none" stroke="white" stroke-linecap="round" stroke-linejoin="round"></path>
    </g>
    <path class="ro-matrix-cross" aria-hidden="true" fill="none" stroke=${`var(--accent-2, ${palette.vermillion})`} stroke-width="2" d=""></path>
    <g class="ro-matrix-tip" aria-hidden="true" text-anchor="start" display="none">
      <path fill="var(--theme-background, white)" stroke="currentColor" stroke-opacity="0.6"></path>
      <text><tspan></tspan><tspan></tspan><tspan></tspan></text>
    </g>
  </svg>` as SignificanceMatrixElement;
  const [axisGroup, , cross, tip] = [...root.children] as [
    SVGGElement,
    SVGGElement,
    SVGPathElement,
    SVGGElement,
  ];
  const paths = {
    diagonal: root.querySelector(".ro-matrix-diagonal")!,
    ns: root.querySelector(".ro-matrix-ns")!,
    sig: root.querySelector(".ro-matrix-sig")!,
    check: root.querySelector(".ro-matrix-check")!,
  };
  const tipBox = tip.firstElementChild as SVGPathElement;
  const tipLines = [...tip.querySelectorAll("tspan")];

  // What is drawn now.
  let ordered: RankOverlapRow[] = [];
  let cells: MatrixCell[] = [];
  let index = new Map<string, number>();
  let margin = 0;
  let size = 0;
  let outlined: string | null = null;

  root.highlight = (model) => {
    outlined = model;
    const m = ordered.length;
    const i = model === null ? undefined : index.get(model);
    setAttrs(cross, {
      d:
        i === undefined
          ? ""
          : `M${margin},${margin + i * size}h${size * m}v${size}h${-size * m}zM${margin + i * size},${margin}v${size * m}h${size}v${-size * m}z`,
    });
  };

  root.update = (nextRows, nextPairs, { width, maxCell = 26, minCell = 12, fontSize = 11 }) => {
    const drawn = matrixCells(nextRows, nextPairs);
    ({ ordered, cells } = drawn);
    const m = ordered.length;
    index = new Map(ordered.map((r, i) => [r.model, i]));
    size = Math.max(minCell, Math.min(maxCell, Math.floor((width - 60) / Math.max(1, m))));
    margin = Math.round(16 + 2 * fontSize);
    const side = margin + size * m + 10;
    setAttrs(root, {
      width: side,
      height: side,
      viewBox: `0 0 ${side} ${side}`,
      "font-size": fontSize,
      "data-significant-pairs": drawn.significantPairs,
      "aria-label": `Pairwise significance: ${drawn.significantPairs} of ${(m * (m - 1)) / 2} gaps are significant at 5%`,
    });
    // Rank numbers: every rank when they fit, else 1 and every 5th; drawn again only when they move.
    const key = `${m}|${size}|${margin}`;
    if (axisGroup.dataset.key !== key) {
      axisGroup.dataset.key = key;
      const every = size >= fontSize * 1.6;
      const ranks = ordered.map((_, i) => i + 1).filter((r) => every || r === 1 || r % 5 === 0);
      const at = (r: number) => margin + (r - 0.5) * size;
      axisGroup.replaceChildren(
        svg`<g text-anchor="middle" font-variant="tabular-nums">${ranks.map((r) => svg`<text x=${at(r)} y=${margin - 6}>${r}</text>`)}</g>
        <g text-anchor="end" font-variant="tabular-nums">${ranks.map((r) => svg`<text x=${margin - 6} y=${at(r)} dy="0.32em">${r}</text>`)}</g>`,
      );
    }
    const d = matrixPaths(cells, margin, size, size >= 8);
    for (const kind of ["diagonal", "ns", "sig", "check"] as const) setAttrs(paths[kind], { d: d[kind] });
    setAttrs(paths.check, { "stroke-width": Math.max(1.5, 0.12 * size) });
    setAttrs(tip, { display: "none" });
    root.highlight(outlined !== null && index.has(outlined) ? outlined : null);
  };

  // The tip: the pair under the pointer (off the diagonal), beside its square and inside the matrix.
  const showTip = (event: PointerEvent) => {
    const box = root.getBoundingClientRect();
    const m = ordered.length;
    const full = margin + size * m + 10;
    const scale = box.width > 0 ? full / box.width : 1;
    const j = Math.floor(((event.clientX - box.left) * scale - margin) / size) + 1;
    const i = Math.floor(((event.clientY - box.top) * scale - margin) / size) + 1;
    const cell = i >= 1 && j >= 1 && i <= m && j <= m && i !== j ? cells[(i - 1) * m + (j - 1)] : undefined;
    if (!cell?.pair) {
      setAttrs(tip, { display: "none" });
      return;
    }
    // The matrix may be drawn smaller than its own units (a narrow column): the tip's text stays 12 px on screen.
    const font = TIP_FONT * scale;
    const line = TIP_LINE * scale;
    const pad = 8 * scale;
    setAttrs(tip, { "font-size": f2(font) });
    // Names shortened (in the middle, as the chart's labels) until the tip fits inside the matrix.
    const widthOf = (texts: readonly string[]) =>
      Math.ceil(Math.max(...texts.map((text) => labelWidth(text, font)))) + 2 * pad;
    const linesAt = (chars: number) =>
      pairLines(
        cell,
        middleClip(ordered[cell.i - 1]!.model, chars),
        middleClip(ordered[cell.j - 1]!.model, chars),
      );
    let chars = TIP_NAME;
    while (chars > 8 && widthOf(linesAt(chars)) > full - 4) chars -= 2;
    const lines = linesAt(chars);
    lines.forEach((text, k) => {
      setText(tipLines[k]!, text);
    });
    const w = widthOf(lines);
    const h = lines.length * line + 1.5 * pad;
    const cx = margin + (cell.j - 0.5) * size;
    const cy = margin + (cell.i - 0.5) * size;
    // Below the square in the top half, above it in the bottom half; moved left to stay inside.
    const below = cy < full / 2;
    const x = Math.max(2, Math.min(full - w - 2, cx - w / 2));
    const y = below ? cy + size / 2 + 4 : cy - size / 2 - 4 - h;
    setAttrs(tipBox, { d: `M${f2(x)},${f2(y)}h${w}v${f2(h)}h${-w}z` });
    tipLines.forEach((node, k) => {
      setAttrs(node, { x: f2(x + pad), y: f2(y + 0.75 * pad + (k + 0.8) * line) });
    });
    setAttrs(tip, { display: null });
  };
  root.addEventListener("pointermove", showTip);
  root.addEventListener("pointerleave", () => setAttrs(tip, { display: "none" }));

  root.update(rows, pairs, options);
  return root;
}
