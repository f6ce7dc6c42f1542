// The pairwise significance matrix: one square per pair of models in rank order, filled with a ✓
// where the gap is significant, dashed and empty where it is not; pointing at a square names the
// pair and its test (Plot's tip). `.highlight(model)` outlines a model's row and column.
import { svg } from "htl";
import type { PairCell } from "../../stats/pairwise.js";
import { formatPValue } from "../../ui/format.js";
import { palette } from "../../ui/palette.js";
import * as Plot from "../../vendor/plot.js";
import type { RankOverlapRow } from "./rankRows.js";

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

/** A pair's test in words: "#1 a vs #3 b: +2.10 pp, p = 0.012 — significant". */
export function pairText(c: MatrixCell, a: string, b: string): string {
  const p = c.pair!;
  return `#${c.i} ${a} vs #${c.j} ${b}: ${p.diffPp >= 0 ? "+" : "−"}${Math.abs(p.diffPp).toFixed(2)} pp, ${formatPValue(p.pValue)} — ${p.significant ? "significant" : "not significant"}`;
}

export interface SignificanceMatrixElement extends SVGSVGElement {
  /** Outline the row and column of a model (null clears). */
  highlight(model: string | null): void;
}

export interface SignificanceMatrixOptions {
  width: number;
  maxCell?: number;
  minCell?: number;
  fontSize?: number;
}

type BandScale = ((value: number) => number | undefined) & { bandwidth(): number };

/** A square's outline in path commands, `inset` px inside its band. */
const square = (x: number, y: number, side: number, inset: number) =>
  `M${x + inset},${y + inset}h${side - 2 * inset}v${side - 2 * inset}h${2 * inset - side}z`;

/** A ✓ drawn in a square: two strokes, white on the filled square. */
const tick = (x: number, y: number, side: number) =>
  `M${x + 0.27 * side},${y + 0.52 * side}L${x + 0.43 * side},${y + 0.68 * side}L${x + 0.74 * side},${y + 0.33 * side}`;

/** The matrix's squares: one path per kind (diagonal, not significant, significant) and one for the ✓ marks. */
function matrixSquares(cells: readonly MatrixCell[], x: BandScale, y: BandScale, checks: boolean) {
  const side = x.bandwidth();
  const d = { diagonal: "", ns: "", sig: "", check: "" };
  for (const c of cells) {
    const cx = x(c.j)!;
    const cy = y(c.i)!;
    if (!c.pair) d.diagonal += square(cx, cy, side, 1);
    else if (!c.pair.significant) d.ns += square(cx, cy, side, 1.5);
    else {
      d.sig += square(cx, cy, side, 1);
      if (checks) d.check += tick(cx, cy, side);
    }
  }
  return svg`<g aria-hidden="true">
    <path class="ro-matrix-diagonal" fill="currentColor" fill-opacity="0.08" d=${d.diagonal}></path>
    <path class="ro-matrix-ns" fill="none" stroke=${palette.grey} stroke-opacity="0.5" stroke-dasharray="2,2" d=${d.ns}></path>
    <path class="ro-matrix-sig" fill=${palette.blue} d=${d.sig}></path>
    ${checks ? svg`<path class="ro-matrix-check" fill="none" stroke="white" stroke-width=${Math.max(1.5, 0.12 * side)} stroke-linecap="round" stroke-linejoin="round" d=${d.check}></path>` : null}
  </g>` as SVGGElement;
}

export function significanceMatrix(
  rows: readonly RankOverlapRow[],
  pairs: readonly PairCell[],
  { width, maxCell = 26, minCell = 12, fontSize = 11 }: SignificanceMatrixOptions,
): SignificanceMatrixElement {
  const { ordered, cells, significantPairs } = matrixCells(rows, pairs);
  const m = ordered.length;
  const size = Math.max(minCell, Math.min(maxCell, Math.floor((width - 60) / Math.max(1, m))));
  const margin = Math.round(16 + 2 * fontSize);
  // Rank numbers: every rank when they fit, else 1 and every 5th.
  const ranks = ordered.map((_, i) => i + 1);
  const ticks = size >= fontSize * 1.6 ? ranks : ranks.filter((r) => r === 1 || r % 5 === 0);
  // Band scales (a square per rank): no cell mark makes Plot infer the type from, so it is said here.
  const axis = { type: "band" as const, domain: ranks, ticks, tickSize: 0, label: null, padding: 0 };
  const off = cells.filter((c) => c.pair);
  const name = (i: number) => ordered[i - 1]!.model;
  const plot = Plot.plot({
    width: margin + size * m + 10,
    height: margin + size * m + 10,
    marginTop: margin,
    marginLeft: margin,
    marginRight: 10,
    marginBottom: 10,
    style: { fontSize: `${fontSize}px` },
    x: { ...axis, axis: "top" },
    y: axis,
    marks: [
      // The squares as four paths (diagonal, not significant, significant, ✓ marks) rather than a
      // <rect> each: 20 models make 400 squares, and a path per kind redraws in a fraction of the time.
      (_index, scales) => matrixSquares(cells, scales.x as BandScale, scales.y as BandScale, size >= 8),
      Plot.tip(
        off,
        Plot.pointer({
          x: "j",
          y: "i",
          title: (c: MatrixCell) => pairText(c, name(c.i), name(c.j)),
          fontSize: 12,
          maxRadius: size,
        }),
      ),
    ],
  }) as unknown as SignificanceMatrixElement;
  plot.classList.add("significance-matrix");
  plot.setAttribute("role", "img");
  plot.dataset.significantPairs = String(significantPairs);
  plot.setAttribute(
    "aria-label",
    `Pairwise significance: ${significantPairs} of ${(m * (m - 1)) / 2} gaps are significant at 5%`,
  );
  // The highlighted model's row and column, outlined: its pairs with every other model.
  const cross =
    svg`<path class="ro-matrix-cross" aria-hidden="true" fill="none" stroke=${`var(--accent-2, ${palette.vermillion})`} stroke-width="2" d=""></path>` as SVGPathElement;
  plot.append(cross);
  const index = new Map(ordered.map((r, i) => [r.model, i]));
  plot.highlight = (model) => {
    const i = model === null ? undefined : index.get(model);
    cross.setAttribute(
      "d",
      i === undefined
        ? ""
        : `M${margin},${margin + i * size}h${size * m}v${size}h${-size * m}zM${margin + i * size},${margin}v${size * m}h${size}v${-size * m}z`,
    );
  };
  return plot;
}
