// Lesson 3: one model, several published numbers for the same benchmark and shot count.
// The numbers are one model on the same questions, so no sampling noise separates them: their
// spread is the evaluation method. For scale the figure shades the gap that sampling noise could
// explain between two *different* models' scores (the 95% half-width of a difference).

import { html } from "htl";
import { keyedCache } from "../cache/keyedCache.js";
import { benchmarkSize } from "../compare/benchmarkNames.js";
import { type SameModelGroup, sameModelGroups } from "../compare/evidence.js";
import { methodGap } from "../compare/lessonNumbers.js";
import type { Benchmark, PublishedScore } from "../data/types.js";
import { choice } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { clipText, formatCount, formatPlusMinus } from "../ui/format.js";
import { keptDrawing, setPart } from "../ui/inPlace.js";
import { keptSameModel, type SameModelView, sameModelMarginLeft } from "./parts/sameModelDrawing.js";

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
  // "Hugging Face Open LLM Leaderboard v1" → "Leaderboard v1"; "Hugging Face (three
  // implementations)" → "Hugging Face", the implementation named after it.
  const who = r.evaluator
    .replace(/^Hugging Face Open LLM /, "")
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

/** The drawing's view of the model: each number's row label, fitted to the margin at this width. */
export function sameModelView(m: SameModelModel, width: number): SameModelView {
  // A row label fits its margin (about 7 px a character at 13 px), clipped with "…" if it must be.
  const chars = Math.floor((sameModelMarginLeft(width) - 12) / 7);
  return {
    points: m.group.rows.map((r, i) => ({
      label: clipText(`${i + 1}. ${runLabel(r)}`, chars),
      score: r.score,
    })),
    benchmark: m.group.benchmark,
    model: m.group.model,
    n: m.n,
    low: m.low,
    halfWidth: m.yard.diffHalfWidth,
    domain: m.domain,
  };
}

/** One row per published number, on the score axis, over the shaded noise band (kept; parts/sameModelDrawing.ts). */
export function sameModelDrawing() {
  const draw = keptSameModel();
  return (m: SameModelModel, { width }: RenderContext): Node => draw(sameModelView(m, width), width);
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

/** A group's table of published numbers. */
function runsTable(g: SameModelGroup): HTMLElement {
  return html`<table class="l3-runs"><thead><tr><th scope="col">#</th><th scope="col">Score</th><th scope="col">Evaluator</th><th scope="col">Shots</th><th scope="col">CoT</th><th scope="col" class="l3-wide">Metric</th><th scope="col" class="l3-wide">Source</th></tr></thead>
    <tbody>${g.rows.flatMap(runRows)}</tbody></table>`;
}

/**
 * The readout, kept across redraws: the spread and its comparison are rewritten in place; each
 * group's table is made once and kept (a group picked again shows the one already made).
 */
export function sameModelReadoutView() {
  const node: HTMLElement = html`<div class="l3-readout">
    <p><span class="big-number" data-readout="spread"></span>
    <span class="big-caption">between <span data-part="count"></span> published numbers for one model on the same <span data-part="n"></span> questions. For scale: two different models' scores near <span data-part="mid"></span> must differ by more than <span data-readout="diff-half-width"></span> before the gap counts as real; this spread is <span data-readout="ratio"></span>.</span></p>
  </div>`;
  const tables = keyedCache<HTMLElement>(12);
  let table: HTMLElement | undefined;
  return (m: SameModelModel): Node => {
    const g = m.group;
    setPart(node, '[data-readout="spread"]', `${g.spread.toFixed(2)} pp`, g.spread);
    setPart(node, '[data-part="count"]', String(g.rows.length));
    setPart(node, '[data-part="n"]', formatCount(m.n));
    setPart(node, '[data-part="mid"]', `${((m.low + m.high) / 2).toFixed(1)}%`);
    setPart(
      node,
      '[data-readout="diff-half-width"]',
      formatPlusMinus(m.yard.diffHalfWidth / 100),
      m.yard.diffHalfWidth,
    );
    setPart(node, '[data-readout="ratio"]', m.verdict, g.spread / m.yard.diffHalfWidth);
    const next = tables.get(groupKey(g), () => runsTable(g));
    if (table !== next) {
      if (table) table.replaceWith(next);
      else node.append(next);
      table = next;
    }
    return node;
  };
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
  const readout = sameModelReadoutView();
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
    draw: keptDrawing(sameModelDrawing),
    readout: (m) => readout(m),
    notice: sameModelNotice,
    summary: sameModelSummary,
  });
}
