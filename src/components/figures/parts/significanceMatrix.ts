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
  const axis = { domain: ranks, ticks, tickSize: 0, label: null, padding: 0 };
  const off = cells.filter((c) => c.pair);
  const sig = off.filter((c) => c.pair!.significant);
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
      Plot.cell(
        cells.filter((c) => !c.pair),
        {
          x: "j",
          y: "i",
          fill: "currentColor",
          fillOpacity: 0.08,
          inset: 1,
          className: "ro-matrix-diagonal",
        },
      ),
      Plot.cell(
        off.filter((c) => !c.pair!.significant),
        {
          x: "j",
          y: "i",
          fill: "none",
          stroke: palette.grey,
          strokeOpacity: 0.5,
          strokeDasharray: "2,2",
          inset: 1.5,
          className: "ro-matrix-ns",
        },
      ),
      Plot.cell(sig, { x: "j", y: "i", fill: palette.blue, inset: 1, className: "ro-matrix-sig" }),
      size >= 8
        ? Plot.text(sig, {
            x: "j",
            y: "i",
            text: () => "✓",
            fill: "white",
            fontSize: Math.round(size * 0.7),
            fontWeight: 700,
            className: "ro-matrix-check",
            ariaHidden: "true",
          })
        : null,
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
