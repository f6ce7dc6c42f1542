// Going deeper, format sensitivity: eight models each scored on MMLU under three implementations
// (HELM, the original code, EleutherAI's harness of January 2023 — same questions, different prompt
// layout and answer scoring). Each score carries its 95% sampling interval over MMLU's questions;
// the spread between a model's three scores is set beside that interval, and two chosen models'
// order is read under each implementation.

import { html } from "htl";
import type { PublishedScore } from "../data/types.js";
import { choice } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { clipText, formatCount, formatFixed, formatPlusMinus, formatPp } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";
import {
  deriveFormatSpread,
  type FormatModelRow,
  type FormatSpreadModel,
  formatRows,
  MMLU_N,
} from "./formatSpreadModel.js";

export * from "./formatSpreadModel.js";

type Point = FormatModelRow["parts"][number] & { label: string; model: string; row: string };
const colourOf: Record<string, string> = {
  HELM: palette.blue,
  original: palette.green,
  harness: palette.vermillion,
};

export function drawFormatSpread(m: FormatSpreadModel, { width }: RenderContext): Node {
  const compact = width < 560;
  const points: Point[] = m.rows.flatMap((r) => r.parts.map((p) => ({ ...p, model: r.model, row: r.label })));
  const chosen = new Set([m.a, m.b]);
  const order = [...m.rows].sort((x, y) => y.parts[0]!.score - x.parts[0]!.score).map((r) => r.label);
  const svg = Plot.plot({
    width,
    height: 60 + 34 * m.rows.length,
    marginLeft: compact ? 112 : 190,
    marginRight: 16,
    marginBottom: 44,
    style: { fontSize: "13px" },
    x: { domain: [20, 70], label: "MMLU accuracy (%) →", grid: true, labelOffset: 36 },
    y: {
      domain: order,
      label: null,
      tickFormat: (d: string) =>
        `${chosen.has(m.rows.find((r) => r.label === d)!.model) ? "▶ " : ""}${compact ? clipText(d, 13) : d}`,
    },
    symbol: {
      domain: ["HELM", "Original code", "Harness (Jan 2023)"],
      range: ["circle", "diamond", "triangle"],
      legend: true,
    },
    marks: [
      // The spread across implementations: a light bar from the lowest to the highest score.
      Plot.link(m.rows, {
        x1: (r: FormatModelRow) => Math.min(...r.parts.map((p) => p.score)),
        x2: (r: FormatModelRow) => Math.max(...r.parts.map((p) => p.score)),
        y1: "label",
        y2: "label",
        stroke: (r: FormatModelRow) => (chosen.has(r.model) ? palette.orange : palette.grey),
        strokeOpacity: 0.45,
        strokeWidth: 10,
      }),
      // Each score's 95% sampling interval: a thin dark bar, barely wider than the dot.
      Plot.link(points, {
        x1: "lower",
        x2: "upper",
        y1: "row",
        y2: "row",
        stroke: "currentColor",
        strokeWidth: 3,
      }),
      Plot.dot(points, {
        x: "score",
        y: "row",
        symbol: "label",
        r: 6,
        fill: (d: Point) => colourOf[d.key],
        stroke: "var(--theme-background, white)",
        fillOpacity: (d: Point) => (chosen.has(d.model) ? 1 : 0.55),
      }),
    ],
  }) as SVGSVGElement;
  svg.setAttribute(
    "aria-label",
    "Eight models' MMLU scores under three implementations, each with its 95% sampling interval",
  );
  return svg;
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
    draw: drawFormatSpread,
    readout: formatSpreadReadout,
    notice: formatSpreadNotice,
    summary: formatSpreadSummary,
  });
}
