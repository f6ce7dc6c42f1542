// Going deeper, format sensitivity: eight models each scored on MMLU under three implementations
// (HELM, the original code, EleutherAI's harness of January 2023 — same questions, different prompt
// layout and answer scoring). Each score carries its 95% sampling interval over MMLU's questions;
// the spread between a model's three scores is set beside that interval, and two chosen models'
// order is read under each implementation.

import { ticks } from "d3-array";
import { html, svg } from "htl";
import type { PublishedScore } from "../data/types.js";
import { choice } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { clipText, formatCount, formatFixed, formatPlusMinus, formatPp } from "../ui/format.js";
import { keptDrawing, setAttrs, setText } from "../ui/inPlace.js";
import { palette } from "../ui/palette.js";
import {
  deriveFormatSpread,
  type FormatModelRow,
  type FormatSpreadModel,
  formatRows,
  MMLU_N,
} from "./formatSpreadModel.js";
import { xAxis } from "./parts/svgAxis.js";

export * from "./formatSpreadModel.js";

const colourOf: Record<string, string> = {
  HELM: palette.blue,
  original: palette.green,
  harness: palette.vermillion,
};

/** Each implementation's mark, all of area 36π (a dot of radius 6), centred on 0,0. */
const symbolPath: Record<string, string> = {
  HELM: "M6,0A6,6 0 1 1 -6,0A6,6 0 1 1 6,0Z",
  original: "M0,-9.9L5.7,0L0,9.9L-5.7,0Z",
  harness: "M0,-9.3L8.1,4.7L-8.1,4.7Z",
};

/** The key to the three marks, in their colours (HTML, above the drawing). */
function legend(parts: FormatModelRow["parts"]): HTMLElement {
  // Named like Plot's swatch legends, so the PNG/SVG export draws it and the icons stay unnamed.
  return html`<p class="format-spread-swatches">${parts.map(
    (p) =>
      html`<span class="format-spread-swatch"><svg width="20" height="20" viewBox="-10 -10 20 20" aria-hidden="true">${svg`<path d=${symbolPath[p.key]} fill=${colourOf[p.key]}></path>`}</svg>${p.label}</span>`,
  )}</p>`;
}

/**
 * Rows sorted by their HELM score; a pale bar spans each row's three scores, a thin dark bar is each
 * score's interval. Built once per width (the rows do not depend on the models chosen); choosing a
 * model only marks its row (▶ and bold name, orange bar, full-strength marks), written in place.
 */
function buildChart(m: FormatSpreadModel, width: number) {
  const compact = width < 560;
  const rows = [...m.rows].sort((x, y) => y.parts[0]!.score - x.parts[0]!.score);
  const [left, right, top, bottom, step] = [compact ? 112 : 190, 16, 12, 44, 34];
  const height = top + bottom + step * rows.length;
  const [lo, hi] = [20, 70];
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * (width - left - right);
  const y = (i: number) => top + (i + 0.5) * step;
  const axisY = height - bottom;
  const grid = ticks(lo, hi, Math.max(2, Math.round((width - left - right) / 80)));
  const names = rows.map((_, i) => svg`<text x=${left - 9} y=${y(i)} dy="0.32em"></text>` as SVGTextElement);
  const spreads = rows.map((r, i) => {
    const scores = r.parts.map((p) => p.score);
    return svg`<line x1=${x(Math.min(...scores))} x2=${x(Math.max(...scores))} y1=${y(i)} y2=${y(i)} stroke-width="10" stroke-opacity="0.45"></line>` as SVGLineElement;
  });
  const symbols = rows.map((r, i) =>
    r.parts.map(
      (p) =>
        svg`<path transform=${`translate(${x(p.score)},${y(i)})`} d=${symbolPath[p.key]} fill=${colourOf[p.key]}
          stroke="var(--theme-background, white)" stroke-width="1.5"><title>${r.label}, ${p.label}: ${formatFixed(p.score, 1)}% (95% interval ${formatFixed(p.lower, 1)}–${formatFixed(p.upper, 1)})</title></path>` as SVGPathElement,
    ),
  );
  const chart =
    svg`<svg class="format-spread-chart" width=${width} height=${height} viewBox=${`0 0 ${width} ${height}`}
    font-size="13" font-family="system-ui, sans-serif" fill="currentColor">
    ${xAxis(grid.map(x), grid.map(String), {
      label: "MMLU accuracy (%) →",
      labelEnd: width - right,
      grid: true,
      y0: top,
      y1: axisY,
      side: "bottom",
    })}
    <g text-anchor="end">${names}</g>
    ${rows.map(
      (r, i) => svg`<g data-model=${r.model}>${spreads[i]}
        ${r.parts.map((p) => svg`<line x1=${x(p.lower)} x2=${x(p.upper)} y1=${y(i)} y2=${y(i)} stroke="currentColor" stroke-width="3"></line>`)}
        ${symbols[i]}</g>`,
    )}
  </svg>` as SVGSVGElement;
  chart.setAttribute(
    "aria-label",
    "Eight models' MMLU scores under three implementations, each with its 95% sampling interval",
  );
  return {
    node: html`<div>${legend(m.rows[0]!.parts)}${chart}</div>` as HTMLElement,
    mark(a: string, b: string) {
      rows.forEach((r, i) => {
        const on = r.model === a || r.model === b;
        setText(names[i]!, `${on ? "▶ " : ""}${compact ? clipText(r.label, 13) : r.label}`);
        setAttrs(names[i]!, { "font-weight": on ? "600" : null });
        setAttrs(spreads[i]!, { stroke: on ? palette.orange : palette.grey });
        for (const symbol of symbols[i]!) setAttrs(symbol, { "fill-opacity": on ? 1 : 0.55 });
      });
    },
  };
}

/** The chart, kept across redraws: built again only when the width changes. */
export function formatSpreadView() {
  let built: { width: number; chart: ReturnType<typeof buildChart> } | undefined;
  return (m: FormatSpreadModel, { width }: RenderContext): Node => {
    if (built?.width !== width) built = { width, chart: buildChart(m, width) };
    built.chart.mark(m.a, m.b);
    return built.chart.node;
  };
}

export function formatSpreadReadout(m: FormatSpreadModel): Node {
  return html`<div>
    <div class="big-number" data-readout="spread" data-value=${m.rowA.spread}>${formatPp(m.rowA.spread / 100, 1)}</div>
    <div class="big-caption">${m.rowA.label}: highest minus lowest of its three MMLU scores, against a 95% sampling interval of <span data-readout="half-width" data-value=${m.halfWidthA}>${formatPlusMinus(m.halfWidthA / 100)}</span></div>
    <table class="course-table">
      <caption>${m.rowA.label} against ${m.rowB.label}</caption>
      <thead><tr><th scope="col">Implementation</th><th scope="col">${m.rowA.label}</th><th scope="col">${m.rowB.label}</th><th scope="col">Ahead</th></tr></thead>
      <tbody>${m.order.map(
        (o, i) =>
          html`<tr data-readout="order" data-key=${o.key} data-gap=${o.gap}><th scope="row">${o.implementation}</th><td>${formatFixed(m.rowA.parts[i]!.score, 1)}</td><td>${formatFixed(m.rowB.parts[i]!.score, 1)}</td><td>${o.leader}</td></tr>`,
      )}</tbody>
    </table>
    <p data-readout="pair-flips" data-value=${String(m.pairFlips)}>${m.a === m.b ? "Choose two different models." : m.pairFlips ? "Their order flips with the implementation." : "Their order holds under all three."}</p>
    <p data-readout="flip-share" data-flipped=${m.flipped} data-pairs=${m.pairs}>Of all ${m.pairs} pairs of these ${m.rows.length} models, ${m.flipped} change order between implementations.</p>
  </div>`;
}

export function formatSpreadNotice(m: FormatSpreadModel): string {
  const ratio = m.rowA.spread / m.halfWidthA;
  if (m.rowA.spread < 2 * m.halfWidthA)
    return `${m.rowA.label}'s three scores lie within ${formatPp(m.rowA.spread / 100, 1)} of each other — about the width of one sampling interval. Not every model is thrown by the change; ${m.widest.label}'s scores span ${formatPp(m.widest.spread / 100, 1)}.`;
  return `${m.rowA.label}'s three scores span ${formatPp(m.rowA.spread / 100, 1)}, ${formatFixed(ratio, 0)} times its sampling half-width of ${formatPlusMinus(m.halfWidthA / 100)}: on ${formatCount(MMLU_N)} questions, the way the question is put moves the score far more than which questions were drawn.`;
}

export function formatSpreadSummary(m: FormatSpreadModel): string {
  const line = (r: FormatModelRow) =>
    `${r.label}: ${r.parts.map((p) => `${p.label} ${formatFixed(p.score, 1)}`).join(", ")}`;
  return (
    `MMLU scores under three implementations, each with a 95% sampling interval of about ±0.8 pp. ${line(m.rowA)} (spread ${formatPp(m.rowA.spread / 100, 1)}). ${line(m.rowB)} (spread ${formatPp(m.rowB.spread / 100, 1)}). ` +
    `${m.pairFlips ? "Their order flips between implementations." : "Their order is the same under all three."} ${m.flipped} of ${m.pairs} pairs of the ${m.rows.length} models change order.`
  );
}

export function formatSpreadFigure(scores: readonly PublishedScore[]) {
  const rows = formatRows(scores);
  const options = rows.map((r) => ({ value: r.model, label: r.label }));
  const pick = (name: string, fallback: number) =>
    rows.find((r) => r.label === name)?.model ?? rows[fallback]!.model;
  return explorable({
    id: "format-spread",
    title: "Same weights, same questions, three ways to ask: the spread against the sampling interval",
    controls: {
      a: choice({ key: "a", label: "Model", kind: "select", options, value: pick("llama-65b", 0) }),
      b: choice({ key: "b", label: "Compared with", kind: "select", options, value: pick("falcon-40b", 1) }),
    },
    presets: [
      { label: "LLaMA-65B vs Falcon-40B", values: { a: pick("llama-65b", 0), b: pick("falcon-40b", 1) } },
      { label: "GPT-NeoX-20B vs LLaMA-7B", values: { a: pick("gpt-neox-20b", 0), b: pick("llama-7b", 1) } },
      { label: "LLaMA-7B vs Falcon-7B", values: { a: pick("llama-7b", 0), b: pick("falcon-7b", 1) } },
    ],
    source:
      "Scores: Hugging Face blog “What's going on with the Open LLM Leaderboard?” (June 2023), transcribed in data/published_scores.csv; intervals: Wilson, N = 14,042.",
    derive: (v) => deriveFormatSpread(rows, v),
    draw: keptDrawing(formatSpreadView),
    readout: formatSpreadReadout,
    notice: formatSpreadNotice,
    summary: formatSpreadSummary,
  });
}
