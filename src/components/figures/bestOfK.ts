// Going deeper, the best of k private variants: k equally good variants each play the same
// number of Arena battles (simulated under Bradley–Terry against real rated opponents); the lab
// publishes the best. The expected inflation and the rank it buys on the real board, by k.
// Anatomy: derive → draw, readout, notice, summary (see ciWidth.ts).

import { html, svg } from "htl";
import type { ArenaData } from "../data/types.js";
import { choice, range } from "../ui/controls.js";
import { type ExplorableElement, explorable, type RenderContext } from "../ui/explorable.js";
import { clipText, formatCount, formatSigned } from "../ui/format.js";
import { keptDrawing, setAttrs, setText } from "../ui/inPlace.js";
import { palette } from "../ui/palette.js";
import { type PlotFrame as Frame, sharePlotStyles } from "../ui/plotStyles.js";
import { quickThenExact } from "../ui/quickThenExact.js";
import * as Plot from "../vendor/plot.js";
import {
  type BestOfKModel,
  type BestOfKValues,
  bestOfKSimulator,
  deriveBestOfK,
  K_MAX,
  modelAt,
  OPPONENTS,
  QUICK_REPS,
  REPS,
} from "./bestOfKModel.js";
import { chartAndRowsSizes } from "./parts/chartAndRows.js";
import { f2 } from "./parts/svgAxis.js";

export * from "./bestOfKModel.js";

// Room above the frame for the chosen k's label below the y axis's (at 28 the two overlapped).
const CURVE_TOP = 40;
const CURVE_BOTTOM = 44;

/** The simulated curve over k, drawn by Plot once per simulation and size (the chosen k is marked in place: kMarks). */
function drawCurve(m: BestOfKModel, width: number, height: number): Frame {
  const rows = m.sim.ks.map((k, i) => ({
    k,
    mean: m.sim.inflation[i]!,
    low: m.sim.low[i]!,
    high: m.sim.high[i]!,
    theory: m.theory[i]!,
  }));
  const svg = Plot.plot({
    width,
    height,
    marginLeft: 52,
    marginTop: CURVE_TOP,
    marginBottom: CURVE_BOTTOM,
    style: { fontSize: "13px" },
    x: {
      type: "log",
      domain: [1, K_MAX],
      label: "Private variants tested, k (log scale) →",
      grid: true,
      labelOffset: 38,
      ticks: [1, 2, 3, 5, 10, 20, 50],
      tickFormat: "~g",
    },
    y: {
      label: "↑ Published rating − true rating (Elo points)",
      grid: true,
      domain: [Math.min(0, ...m.sim.low), Math.max(...m.sim.high)],
      nice: true,
    },
    marks: [
      Plot.areaY(rows, { x: "k", y1: "low", y2: "high", fill: palette.sky, fillOpacity: 0.3 }),
      Plot.ruleY([0], { stroke: palette.grey }),
      Plot.line(rows, {
        x: "k",
        y: "theory",
        stroke: palette.grey,
        strokeDasharray: "5,4",
        strokeWidth: 1.5,
      }),
      Plot.line(rows, { x: "k", y: "mean", stroke: palette.blue, strokeWidth: 2.5 }),
      Plot.text(rows.slice(-1), {
        x: "k",
        y: "high",
        text: () => "90% of labs",
        dy: -8,
        textAnchor: "end",
        fill: palette.blue,
        fontSize: 11,
      }),
      Plot.text(rows.slice(-1), {
        x: "k",
        y: "theory",
        text: () => "mean; dashed: SE × E[max]",
        dy: 14,
        textAnchor: "end",
        fontSize: 11,
      }),
    ],
  }) as Frame;
  svg.setAttribute("aria-label", "Expected inflation of the published rating against the number of variants");
  return svg;
}

function drawBoard(m: BestOfKModel, width: number, rows: number): SVGSVGElement {
  const compact = width < 560;
  /** On a narrow board the true label starts under the names' column, not at the plot's left edge. */
  const compactShift = 110;
  const near = m.near.slice(0, rows);
  const lo = Math.min(m.trueRating, ...near.map((r) => r.rating)) - 3;
  const hi = Math.max(m.published, ...near.map((r) => r.rating)) + 3;
  const svg = Plot.plot({
    width,
    height: 20 * near.length + 60,
    marginLeft: compact ? 124 : 220,
    marginRight: 20,
    marginTop: 24,
    marginBottom: 36,
    style: { fontSize: "12px" },
    x: { domain: [lo, hi], label: "Arena rating (the real board) →", labelOffset: 30, grid: true },
    y: {
      domain: near.map((r) => r.model),
      label: null,
      // 13 characters fit the narrow board's 124 px column (15 ran past its left edge).
      tickFormat: (s: string) => clipText(s, compact ? 13 : 30),
    },
    marks: [
      Plot.dot(near, { x: "rating", y: "model", r: 4, fill: "currentColor" }),
      Plot.ruleX([m.trueRating], { stroke: palette.grey, strokeWidth: 2, strokeDasharray: "4,3" }),
      Plot.ruleX([m.published], { stroke: palette.vermillion, strokeWidth: 3 }),
      // Beside their lines on a wide board; on a narrow one the two labels would run off its right
      // edge, so they sit at the board's top corners in their lines' colours.
      Plot.text([m.trueRating], {
        ...(compact
          ? { frameAnchor: "top-left", dx: -compactShift }
          : { x: (d: number) => d, frameAnchor: "top", dx: -4 }),
        dy: -10,
        text: () => `true: rank ${m.rankTrue}`,
        textAnchor: compact ? "start" : "end",
        fill: palette.grey,
        fontWeight: 700,
      }),
      Plot.text([m.published], {
        ...(compact ? { frameAnchor: "top-right" } : { x: (d: number) => d, frameAnchor: "top", dx: 4 }),
        dy: -10,
        text: () => `published: rank ${m.rankPublished}`,
        textAnchor: compact ? "end" : "start",
        fill: palette.vermillion,
        fontWeight: 700,
      }),
    ],
  }) as SVGSVGElement;
  svg.setAttribute("aria-label", "The true and published rating among the real models rated near them");
  return svg;
}

/** The chosen k on the curve: a rule, the simulated mean as a dot, and its value above the frame. */
function kMarks(frame: Frame) {
  const [x, y] = [frame.scale("x"), frame.scale("y")];
  const bottom = Number(frame.getAttribute("height")) - CURVE_BOTTOM;
  const g = svg`<g fill=${palette.vermillion}>
    <line stroke=${palette.vermillion} y1=${CURVE_TOP} y2=${bottom}></line>
    <circle r="6"></circle>
    <text font-weight="700" y=${CURVE_TOP - 14} dy="0.71em"></text>
  </g>` as SVGGElement;
  const [rule, dot, label] = [...g.children] as [SVGLineElement, SVGCircleElement, SVGTextElement];
  frame.append(g);
  return (m: BestOfKModel) => {
    const at = f2(x.apply(m.k));
    setAttrs(rule, { x1: at, x2: at });
    setAttrs(dot, { cx: at, cy: f2(y.apply(m.inflation)) });
    setAttrs(label, { x: at, "text-anchor": m.k > 20 ? "end" : m.k < 3 ? "start" : "middle" });
    setText(label, `k = ${m.k}: ${formatSigned(m.inflation, 1)} points`);
  };
}

/**
 * On a phone (a height given) the curve takes about 55% of the box and the board's rows what is
 * left. Kept across redraws: the curve is drawn again only for a new simulation (battles, the
 * model's position, quick or exact) or size; a new k moves its marks in place and draws the board.
 */
export function bestOfKView() {
  const node: HTMLElement = html`<div></div>`;
  let curve:
    | { key: string; sim: BestOfKModel["sim"]; svg: Frame; mark: ReturnType<typeof kMarks> }
    | undefined;
  return (m: BestOfKModel, context: RenderContext): Node => {
    const { chart, rows } = chartAndRowsSizes(LAYOUT, m.near.length, context);
    const key = `${context.width}|${chart}`;
    if (curve?.key !== key || curve.sim !== m.sim) {
      const frame = sharePlotStyles(drawCurve(m, context.width, chart));
      curve = { key, sim: m.sim, svg: frame, mark: kMarks(frame) };
    }
    curve.mark(m);
    const board = sharePlotStyles(drawBoard(m, context.width, rows));
    if (node.firstChild !== curve.svg) node.replaceChildren(curve.svg, board);
    else node.lastChild!.replaceWith(board);
    return node;
  };
}

const LAYOUT = {
  share: 0.55,
  minChart: 200,
  wide: [260, 0.48, 380],
  rowHeight: 20,
  chrome: 60,
  minRows: 3,
} as const;

export function bestOfKReadout(m: BestOfKModel): Node {
  return html`<div>
    <div class="big-number" data-readout="inflation" data-value=${m.inflation.toFixed(6)}>${formatSigned(m.inflation, 1)}</div>
    <div class="big-caption">Elo points gained on average by publishing the best of ${m.k} equally good variant${m.k === 1 ? "" : "s"} (simulated, <span data-readout="labs" data-value=${m.sim.published.length}>${formatCount(m.sim.published.length)}</span> labs${m.sim.published.length < REPS ? `; ${formatCount(REPS)} when you let go` : ""})</div>
    <dl class="deeper-readout">
      <dt>Theory: SE × E[max of k]</dt><dd data-readout="theory" data-value=${m.theoryHere.toFixed(6)}>${formatSigned(m.theoryHere, 1)} (SE ${m.sim.se.toFixed(1)})</dd>
      <dt>Rank, true → published</dt><dd data-readout="rank" data-true=${m.rankTrue} data-published=${m.rankPublished}>${m.rankTrue} → ${m.rankPublished}</dd>
      <dt>As good as</dt><dd>${m.like.model} (${m.trueRating})</dd>
    </dl>
  </div>`;
}

export function bestOfKNotice(m: BestOfKModel): string {
  return m.k === 1
    ? "One variant, published whatever it scores: no inflation on average. Now add variants."
    : `No variant is better than any other, yet the best of ${m.k} is published ${m.inflation.toFixed(0)} points high on average; more battles per variant shrink the SE and with it the inflation, more variants grow it only slowly (like √(2 ln k)).`;
}

export function bestOfKSummary(m: BestOfKModel): string {
  return (
    `Simulation: ${m.k} variant${m.k === 1 ? "" : "s"} as good as ${m.like.model} (rating ${m.trueRating}, rank ${m.rankTrue}), ${formatCount(m.battles)} battles each. ` +
    `The published best is ${Math.abs(m.inflation).toFixed(1)} points ${m.inflation < 0 ? "below" : "above"} the true rating on average (theory ${formatSigned(m.theoryHere, 1)}, SE ${m.sim.se.toFixed(1)}), which would rank it ${m.rankPublished} instead of ${m.rankTrue}.`
  );
}

/** The figure; pass `simulate` to share its remembered simulations with the page's sentences. */
export function bestOfKFigure(arena: ArenaData, simulate = bestOfKSimulator(arena.latest.rows)) {
  const rows = arena.latest.rows;
  const positions = [3, 10, 25, 50].filter((p) => p <= rows.length);
  // A new number of battles (or model) is simulated with QUICK_REPS labs while the hand moves and
  // REPS once it stops (ui/quickThenExact.ts); a remembered simulation is used at once.
  const quickSimulate = bestOfKSimulator(rows, { reps: QUICK_REPS, quick: true });
  let root: ExplorableElement | null = null;
  const derive = quickThenExact<BestOfKValues, BestOfKModel>({
    keyOf: (v) => `${v.battles}|${v.position}|${v.k}`,
    quick: (v) =>
      deriveBestOfK(v, rows, simulate.has(v.battles, modelAt(rows, v.position)) ? simulate : quickSimulate),
    exact: (v) => deriveBestOfK(v, rows, simulate),
    figure: () => root,
  });
  root = explorable({
    id: "best-of-k",
    title: "Publish the best of k equally good variants",
    controls: {
      k: range({
        key: "k",
        label: "Private variants tested (k)",
        min: 1,
        max: K_MAX,
        step: 1,
        value: 1,
        format: (x) => String(x),
      }),
      battles: range({
        key: "battles",
        label: "Battles per variant",
        min: 500,
        max: 20_000,
        step: 1,
        log: true,
        value: 3000,
        format: (x) => formatCount(x),
      }),
      position: choice({
        key: "position",
        label: "Variants as good as the model ranked",
        options: positions.map((p) => ({ value: p, label: `#${p}` })),
        value: positions[1] ?? positions[0]!,
      }),
    },
    presets: [
      { label: "One variant", values: { k: 1 } },
      { label: "k = 27", values: { k: 27 } },
      { label: "k = 10, few battles", values: { k: 10, battles: 1000 } },
      { label: "k = 10, many battles", values: { k: 10, battles: 20_000 } },
    ],
    source: `A simulation. Opponents: the ${OPPONENTS} models nearest in rating on the LMArena text board of ${arena.latest.date} (${arena.source}); each variant's rating fitted by Bradley–Terry with the opponents held fixed.`,
    derive,
    draw: keptDrawing(bestOfKView),
    readout: bestOfKReadout,
    notice: bestOfKNotice,
    summary: bestOfKSummary,
  });
  return root;
}
