// Lesson 3: one model, several published numbers for the same benchmark and shot count.
// The numbers are one model on the same questions, so no sampling noise separates them: their
// spread is the evaluation method. For scale the figure shades the gap that sampling noise could
// explain between two *different* models' scores (the 95% half-width of a difference).

import { html } from "htl";
import { benchmarkSize } from "../compare/benchmarkNames.js";
import { type SameModelGroup, sameModelGroups } from "../compare/evidence.js";
import { methodGap } from "../compare/lessonNumbers.js";
import type { Benchmark, PublishedScore } from "../data/types.js";
import { choice } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { clipText, formatCount, formatPlusMinus } from "../ui/format.js";
import { categorical, palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";

/** The spread of one model's numbers against the noise yardstick, in words (for the readout and notice). */
export function spreadVerdict(spreadPp: number, diffHalfWidthPp: number): string {
  const ratio = spreadPp / diffHalfWidthPp;
  return ratio >= 1
    ? `${ratio.toFixed(1)} times that: had these been two different models, the method alone would pass for a real difference`
    : `${ratio.toFixed(2)} times that: close to what would pass for a real difference between two models, from the method alone`;
}

export const groupKey = (g: SameModelGroup) => `${g.model}|${g.benchmark}`.slice(0, 64);

/** Row label: evaluator and what distinguishes the run. */
export function runLabel(r: PublishedScore): string {
  const who = r.evaluator
    .replace(/^Hugging Face (Open LLM )?/, "")
    .replace("(three implementations)", "")
    .trim();
  const setting = r.evaluator_type.startsWith("same-lab")
    ? ", re-run"
    : r.evaluator_type.includes("competitor")
      ? ", rival's re-run"
      : "";
  const impl = /^(HELM|EleutherAI harness|original)/.exec(r.extra_setting ?? "")?.[1] ?? "";
  const text = `${who}${setting}${impl ? `, ${impl}` : ""}`;
  return text.length > 34 ? `${text.slice(0, 33)}…` : text;
}

export interface SameModelValues extends Record<string, unknown> {
  group: string;
}

/** Everything the figure shows for one model and benchmark. */
export interface SameModelModel {
  group: SameModelGroup;
  /** The benchmark's size (questions). */
  n: number;
  low: number;
  high: number;
  /** The noise yardstick: the 95% half-width of a gap between two models at the numbers' mid accuracy (pp). */
  yard: ReturnType<typeof methodGap>;
  verdict: string;
  /** The x domain (%): the numbers and the shaded band, with a margin. */
  domain: [number, number];
}

/** The groups the figure offers: one model's numbers on a benchmark of known size. */
export function figureGroups(rows: readonly PublishedScore[], benchmarks: readonly Benchmark[]) {
  return sameModelGroups(rows).filter((g) => benchmarkSize(benchmarks, g.benchmark) !== null);
}

/** The figure's model (pure): the chosen group (the first when the key is unknown) against its yardstick. */
export function deriveSameModel(
  v: SameModelValues,
  groups: readonly SameModelGroup[],
  benchmarks: readonly Benchmark[],
): SameModelModel {
  const group = groups.find((g) => groupKey(g) === v.group) ?? groups[0]!;
  const n = benchmarkSize(benchmarks, group.benchmark)!.n;
  const scores = group.rows.map((r) => r.score);
  const low = Math.min(...scores);
  const high = Math.max(...scores);
  const yard = methodGap(low, high, n);
  const lo = Math.min(low, low - yard.diffHalfWidth);
  const hi = Math.max(high, low + yard.diffHalfWidth);
  const pad = Math.max(0.3, (hi - lo) * 0.12);
  return {
    group,
    n,
    low,
    high,
    yard,
    verdict: spreadVerdict(group.spread, yard.diffHalfWidth),
    domain: [lo - pad, hi + pad],
  };
}

const symbols = ["circle", "square", "triangle", "diamond", "star", "cross", "wye", "asterisk"];

/** One row per published number, on the score axis, over the shaded noise band. */
export function drawSameModel(m: SameModelModel, { width }: RenderContext): Node {
  const { group: g, yard, low } = m;
  const compact = width < 560;
  const marginLeft = Math.min(300, Math.max(150, width * 0.36));
  // A row label fits its margin (about 7 px a character at 13 px), clipped with "…" if it must be.
  const points = g.rows.map((r, i) => ({
    label: clipText(`${i + 1}. ${runLabel(r)}`, Math.floor((marginLeft - 12) / 7)),
    score: r.score,
    i,
  }));
  const band = formatPlusMinus(yard.diffHalfWidth / 100);
  const svg = Plot.plot({
    width,
    height: 84 + 34 * points.length,
    marginLeft,
    marginRight: 50,
    marginTop: 40,
    marginBottom: 44,
    style: { fontSize: "13px" },
    x: {
      domain: m.domain,
      label: `${g.benchmark} score (%), N = ${formatCount(m.n)} →`,
      grid: true,
      labelOffset: 38,
    },
    y: { domain: points.map((p) => p.label), label: null },
    marks: [
      // The yardstick: within this band of the lowest number, a gap between two different
      // models' scores would be within sampling noise (95%).
      Plot.rectX([{ x1: low - yard.diffHalfWidth, x2: low + yard.diffHalfWidth }], {
        x1: "x1",
        x2: "x2",
        fill: palette.grey,
        fillOpacity: 0.18,
      }),
      Plot.ruleX([low], { stroke: palette.grey, strokeDasharray: "3,3" }),
      // The band's key, above the frame, ending at its right edge and running left over the labels' margin.
      Plot.text([0], {
        frameAnchor: "top-right",
        dy: -24,
        text: () =>
          compact
            ? `shaded: ${band}, two-model noise`
            : `shaded: ${band} around the lowest number, the noise of a gap between two models`,
        fontSize: 11,
        textAnchor: "end",
        fill: "currentColor",
      }),
      Plot.ruleY(points, { y: "label", stroke: "currentColor", strokeOpacity: 0.08 }),
      Plot.dot(points, {
        x: "score",
        y: "label",
        fill: (d: (typeof points)[number]) => categorical[d.i % categorical.length],
        r: 7,
        symbol: (d: (typeof points)[number]) => symbols[d.i % symbols.length],
      }),
      Plot.text(points, {
        x: "score",
        y: "label",
        text: (d: (typeof points)[number]) => `${d.score}`,
        dx: 12,
        textAnchor: "start",
        fontWeight: 700,
      }),
    ],
  }) as SVGSVGElement;
  svg.setAttribute("aria-label", `${g.model}'s published ${g.benchmark} scores`);
  return svg;
}

/**
 * One published number as a table row, and its metric and source again on a row of their own that
 * only a phone shows (lesson3.css), where the two columns would squeeze the table.
 */
function runRows(r: PublishedScore, i: number): Node[] {
  // A node can stand in one place only: each row gets its own copy of the source.
  const source = () => html`<span>${r.source}${r.note ? html` — <em>${r.note}</em>` : null}</span>`;
  return [
    html`<tr><td>${i + 1}</td><td data-readout="score" data-value=${r.score}>${r.score}</td><td>${r.evaluator}</td><td>${r.shots ?? "not stated"}</td><td>${r.cot}</td><td class="l3-wide">${r.metric ?? ""}</td><td class="l3-source l3-wide">${source()}</td></tr>`,
    html`<tr class="l3-source-row"><td></td><td colspan="4" class="l3-source">${r.metric ?? ""}; ${source()}</td></tr>`,
  ];
}

export function sameModelReadout(m: SameModelModel): Node {
  const g = m.group;
  return html`<div class="l3-readout">
    <p><span class="big-number" data-readout="spread" data-value=${g.spread}>${g.spread.toFixed(2)} pp</span>
    <span class="big-caption">between ${g.rows.length} published numbers for one model on the same ${formatCount(m.n)} questions. For scale: two different models' scores near ${((m.low + m.high) / 2).toFixed(1)}% must differ by more than <span data-readout="diff-half-width" data-value=${m.yard.diffHalfWidth}>${formatPlusMinus(m.yard.diffHalfWidth / 100)}</span> before the gap counts as real; this spread is <span data-readout="ratio" data-value=${g.spread / m.yard.diffHalfWidth}>${m.verdict}</span>.</span></p>
    <table class="l3-runs"><thead><tr><th scope="col">#</th><th scope="col">Score</th><th scope="col">Evaluator</th><th scope="col">Shots</th><th scope="col">CoT</th><th scope="col" class="l3-wide">Metric</th><th scope="col" class="l3-wide">Source</th></tr></thead>
    <tbody>${g.rows.flatMap(runRows)}</tbody></table></div>`;
}

export function sameModelNotice(m: SameModelModel): string {
  const g = m.group;
  return `${g.model}'s ${g.rows.length} numbers come from one model answering the same ${g.benchmark} questions. Re-running one pipeline with greedy decoding gives the same number again, so the ${g.spread.toFixed(2)} pp between them is not sampling noise: it is the method.`;
}

export function sameModelSummary(m: SameModelModel): string {
  const g = m.group;
  return `${g.model} on ${g.benchmark}: ${g.rows.map((r) => `${r.score} (${r.evaluator})`).join(", ")}. Spread ${g.spread.toFixed(2)} pp, all from one model on the same ${formatCount(m.n)} questions, so it is the method, not sampling noise. Two different models' scores would need to differ by more than ${formatPlusMinus(m.yard.diffHalfWidth / 100)} to count as a real gap; this spread is ${m.verdict}.`;
}

export function sameModelScoresFigure(rows: readonly PublishedScore[], benchmarks: readonly Benchmark[]) {
  const groups = figureGroups(rows, benchmarks);
  const options = groups.map((g) => ({
    value: groupKey(g),
    label: `${g.model} · ${g.benchmark} (${g.rows.length} numbers, spread ${g.spread.toFixed(2)} pp)`,
  }));
  const keys = new Set(options.map((o) => o.value));
  const pick = (model: string, benchmark: string) =>
    keys.has(`${model}|${benchmark}`) ? `${model}|${benchmark}` : options[0]!.value;
  return explorable<SameModelValues, SameModelModel>({
    id: "l3-same-model",
    title: "One model, several published scores on the same benchmark",
    controls: {
      group: choice({
        key: "group",
        label: "Model and benchmark",
        kind: "select",
        options,
        value: pick("Llama 2 70B", "MMLU"),
      }),
    },
    presets: [
      { label: "Llama 2 70B on MMLU", values: { group: pick("Llama 2 70B", "MMLU") } },
      { label: "Mistral 7B on MMLU", values: { group: pick("Mistral 7B", "MMLU") } },
      { label: "LLaMA 65B: three MMLU implementations", values: { group: pick("Llama 1 65B", "MMLU") } },
      { label: "Llama 3 70B on ARC-Challenge", values: { group: pick("Llama 3 70B", "ARC-Challenge") } },
    ],
    source:
      "data/published_scores.csv: model cards, papers and leaderboard rows (sources listed in the table). N from data/benchmarks.csv.",
    derive: (v) => deriveSameModel(v, groups, benchmarks),
    draw: drawSameModel,
    readout: sameModelReadout,
    notice: sameModelNotice,
    summary: sameModelSummary,
  });
}
