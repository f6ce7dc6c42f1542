// Going deeper, signal and noise: for the top models of a real leaderboard, the spread between
// their scores against the sampling noise of one score, and the share of model pairs whose gap
// is larger than the noise allows. Anatomy: derive → draw, readout, notice, summary (see ciWidth.ts).

import { html, svg } from "htl";
import { keyedCache } from "../cache/keyedCache.js";
import type { SignalData } from "../deeper/types.js";
import { choice, range } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount, formatFixed, formatPercent, formatPlusMinus, formatPp } from "../ui/format.js";
import { keptDrawing, setAttrs } from "../ui/inPlace.js";
import { palette } from "../ui/palette.js";
import { type PlotFrame, sharePlotStyles } from "../ui/plotStyles.js";
import * as Plot from "../vendor/plot.js";
import { deriveSignal, type SignalModel } from "./benchmarkSignalModel.js";
import { f2 } from "./parts/svgAxis.js";

export * from "./benchmarkSignalModel.js";

/**
 * The top models' scores and intervals, best first. Plot draws the frame (axes on the data's
 * extent); the up to 300 intervals and dots are one path each (as 600 marks of Plot's own they
 * took most of a redraw as the top-models slider moved).
 */
function drawModels(m: SignalModel, width: number, height: number): SVGSVGElement {
  const rows = m.dots;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const d of rows) {
    lo = Math.min(lo, d.lower);
    hi = Math.max(hi, d.upper);
  }
  const frame = Plot.plot({
    width,
    height,
    marginLeft: 48,
    marginBottom: 44,
    style: { fontSize: "13px" },
    x: {
      domain: [lo, hi],
      label: `${m.chosen.label} score, with its 95% interval →`,
      tickFormat: "%",
      grid: true,
      labelOffset: 38,
    },
    y: { domain: [1, rows.length], label: "↑ Model, by score (1 = best)", reverse: true, grid: false },
    // No marks of Plot's own, but x and y channels so the frame has both scales.
    marks: [Plot.dot([] as { score: number; order: number }[], { x: "score", y: "order" })],
  }) as PlotFrame;
  const [x, y] = [frame.scale("x"), frame.scale("y")];
  const r = rows.length > 60 ? 1.5 : 3;
  const at = (d: (typeof rows)[number], i: number) => [f2(x.apply(d.score)), f2(y.apply(i + 1))] as const;
  const intervals = rows
    .map((d, i) => `M${f2(x.apply(d.lower))},${at(d, i)[1]}H${f2(x.apply(d.upper))}`)
    .join("");
  // A dot is a circle of two arcs.
  const dots = rows
    .map((d, i) => {
      const [cx, cy] = at(d, i);
      return `M${f2(cx - r)},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    })
    .join("");
  frame.append(
    svg`<g class="signal-models" aria-hidden="true"><path class="signal-intervals" fill="none" stroke=${palette.sky} stroke-width=${Math.max(1, Math.min(4, 200 / rows.length))} d=${intervals}></path><path class="signal-dots" fill=${palette.blue} d=${dots}></path></g>`,
  );
  frame.setAttribute("aria-label", `The top ${m.top} models' ${m.chosen.label} scores with their intervals`);
  return frame;
}

function drawShares(m: SignalModel, width: number, rowHeight: number): SVGSVGElement {
  const svg = Plot.plot({
    width,
    height: rowHeight * m.all.length + 50,
    marginLeft: 110,
    marginRight: 60,
    marginBottom: 40,
    style: { fontSize: "12px" },
    x: {
      domain: [0, 1],
      tickFormat: "%",
      grid: true,
      label: `Pairs of the top ${m.top} a test at 95% can separate →`,
      labelOffset: 34,
    },
    y: { domain: m.all.map((d) => d.label), label: null },
    marks: [
      Plot.barX(m.all, {
        x: "share",
        y: "label",
        fill: (d: SignalModel["all"][number]) => (d.chosen ? palette.vermillion : palette.sky),
      }),
      Plot.text(m.all, {
        x: "share",
        y: "label",
        text: (d: SignalModel["all"][number]) =>
          `${formatPercent(d.share, 0)} · SNR ${formatFixed(d.snr, 1)}`,
        dx: 4,
        textAnchor: "start",
        fontSize: 11,
      }),
    ],
  }) as SVGSVGElement;
  svg.setAttribute("aria-label", "Share of separable pairs on each benchmark of the board");
  return svg;
}

/**
 * On a phone (a height given) the models take what the benchmarks' bars leave of the box. Kept
 * across redraws: the benchmarks' bars depend on the board, the top models and the run noise, not
 * on which of the board's benchmarks is chosen, so each chart of them is kept and a new benchmark
 * on the same board only recolours its bar.
 */
export function signalView() {
  const node: HTMLElement = html`<div></div>`;
  const sharesCharts = keyedCache<SVGSVGElement>(8);
  return (m: SignalModel, { width, height }: RenderContext): Node => {
    const rowHeight = height ? 20 : 26;
    const modelsHeight = height
      ? Math.max(180, height - rowHeight * m.all.length - 50)
      : Math.round(Math.min(360, Math.max(240, width * 0.42)));
    const models = sharePlotStyles(drawModels(m, width, modelsHeight));
    const board = m.benchmark.slice(0, m.benchmark.indexOf(":"));
    const shares = sharesCharts.get(`${width}|${rowHeight}|${board}|${m.top}|${m.extra}`, () =>
      sharePlotStyles(drawShares(m, width, rowHeight)),
    );
    const bars = shares.querySelectorAll('g[aria-label="bar"] rect');
    if (bars.length === m.all.length)
      m.all.forEach((d, i) => {
        setAttrs(bars[i]!, { fill: d.chosen ? palette.vermillion : palette.sky });
      });
    node.replaceChildren(models, shares);
    return node;
  };
}

export function signalReadout(m: SignalModel): Node {
  const s = m.stats;
  return html`<div>
    <div class="big-number" data-readout="share" data-value=${s.share.toFixed(6)}>${formatPercent(s.share, 0)}</div>
    <div class="big-caption">of the ${formatCount(s.pairs)} pairs among the top ${m.top} are separable on ${m.chosen.label} (N = ${formatCount(m.chosen.n)})</div>
    <dl class="deeper-readout">
      <dt>Signal: spread (SD)</dt><dd data-readout="spread" data-value=${s.spread.toFixed(6)}>${formatPp(s.spread)}</dd>
      <dt>Noise: one score's SE</dt><dd data-readout="noise" data-value=${s.noise.toFixed(6)}>${formatPlusMinus(s.noise)}</dd>
      <dt>Signal-to-noise</dt><dd data-readout="snr" data-value=${s.snr.toFixed(6)}>${formatFixed(s.snr, 1)}</dd>
      <dt>Range ÷ noise</dt><dd data-readout="range-snr" data-value=${s.rangeSnr.toFixed(6)}>${formatFixed(s.rangeSnr, 1)}</dd>
    </dl>
    <p class="table-note">${m.chosen.note}.</p>
  </div>`;
}

export function signalNotice(m: SignalModel): string {
  const best = [...m.all].sort((a, b) => b.share - a.share)[0]!;
  return best.chosen
    ? `${m.chosen.label} separates the most pairs of this board's top ${m.top}: its models are spread widest for its noise.`
    : `${best.label} separates more of these pairs (${formatPercent(best.share, 0)}) than ${m.chosen.label} (${formatPercent(m.stats.share, 0)}): what counts is spread over noise, not the number of questions alone.`;
}

export function signalSummary(m: SignalModel): string {
  const s = m.stats;
  return (
    `${m.chosen.label} on the ${m.board.label}, top ${m.top} models: scores spread with an SD of ${formatPp(s.spread)} against a noise of ${formatPlusMinus(s.noise)} per score (signal-to-noise ${formatFixed(s.snr, 1)}); ` +
    `${formatCount(s.separable)} of ${formatCount(s.pairs)} pairs (${formatPercent(s.share, 0)}) are separable at 95%. ` +
    `Other benchmarks: ${m.all
      .filter((d) => !d.chosen)
      .map((d) => `${d.label} ${formatPercent(d.share, 0)}`)
      .join(", ")}.`
  );
}

export function benchmarkSignalFigure(data: SignalData) {
  return explorable({
    id: "signal-noise",
    title: "Can this benchmark tell these models apart?",
    controls: {
      benchmark: choice({
        key: "benchmark",
        label: "Benchmark",
        kind: "select",
        options: data.boards.flatMap((b) =>
          b.benchmarks.map((x) => ({
            value: `${b.id}:${x.key}`,
            label: `${x.label} (${b.id}, N = ${formatCount(x.n)})`,
          })),
        ),
        value: "v2:mmlu_pro_raw",
      }),
      top: range({
        key: "top",
        label: "Top models compared",
        min: 5,
        max: 300,
        step: 1,
        log: true,
        value: 20,
        format: (x) => formatCount(x),
      }),
      extra: range({
        key: "extra",
        label: "Run-to-run noise on top (SD, pp)",
        min: 0,
        max: 3,
        step: 0.1,
        value: 0,
        format: (x) => formatPp(x / 100, 1),
      }),
    },
    presets: [
      { label: "MMLU-Pro, top 20", values: { benchmark: "v2:mmlu_pro_raw", top: 20, extra: 0 } },
      { label: "MuSR, top 20", values: { benchmark: "v2:musr_raw", top: 20, extra: 0 } },
      { label: "MMLU, top 10 of v1", values: { benchmark: "v1:mmlu", top: 10, extra: 0 } },
      { label: "GSM8K, top 300, 1 pp run noise", values: { benchmark: "v1:gsm8k", top: 300, extra: 1 } },
    ],
    source: `Scores: ${data.source}. Noise: the sampling SE √(p(1−p)/N), plus the run-to-run SD you set.`,
    derive: (v) => deriveSignal(v, data),
    draw: keptDrawing(signalView),
    readout: signalReadout,
    notice: signalNotice,
    summary: signalSummary,
  });
}
