// Lesson 3: the comparability checker. Pick two published scores; the comparability
// requirements and the five-step protocol are checked against what the table says,
// and the verdict — comparable, indicative only, not comparable — comes with its reasons.
import { html } from "htl";
import { comparisonPlot } from "../compare/comparisonPlot.js";
import { cardsTable, comparisonReadout, comparisonSummary } from "../compare/comparisonView.js";
import { evidenceFor } from "../compare/evidence.js";
import { type Comparison, compareCards } from "../compare/protocol.js";
import { findRowId, menuRows } from "../compare/publishedMenu.js";
import { canonicalModel, cardFromPublished, rowId, type ScoreCard } from "../compare/scoreCard.js";
import type { Benchmark, PublishedScore } from "../data/types.js";
import { choice } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";

export interface CheckerValues extends Record<string, unknown> {
  a: string;
  b: string;
}

/** Everything the checker shows for two published rows. */
export interface CheckerModel {
  rowA: PublishedScore;
  rowB: PublishedScore;
  a: ScoreCard;
  b: ScoreCard;
  cmp: Comparison;
  /** Whether the two rows are one model (the spread is then the method). */
  sameModel: boolean;
  /** The compare tool's link that opens this pair. */
  toolLink: string;
}

/** The menu of a table's rows and its index by id, made once per table (sorting 860 rows took ≈1 ms a change). */
const menus = new WeakMap<
  readonly PublishedScore[],
  { menu: ReturnType<typeof menuRows>; byId: Map<string, PublishedScore> }
>();
function menuOf(rows: readonly PublishedScore[]) {
  let made = menus.get(rows);
  if (!made) {
    const menu = menuRows(rows);
    made = { menu, byId: new Map(menu.map((m) => [m.id, m.row])) };
    menus.set(rows, made);
  }
  return made;
}

/** The checker's model (pure): both cards, the protocol's verdict, and the link to the tool. */
export function deriveChecker(
  v: CheckerValues,
  rows: readonly PublishedScore[],
  benchmarks: readonly Benchmark[],
): CheckerModel {
  const { menu, byId } = menuOf(rows);
  const rowA = byId.get(v.a) ?? menu[0]!.row;
  const rowB = byId.get(v.b) ?? menu[1]!.row;
  const a = cardFromPublished(rowA, benchmarks);
  const b = cardFromPublished(rowB, benchmarks);
  return {
    rowA,
    rowB,
    a,
    b,
    cmp: compareCards(a, b, evidenceFor(rows, rowA, rowB, benchmarks)),
    sameModel: canonicalModel(rowA.model) === canonicalModel(rowB.model),
    toolLink: `../tools/compare?a.row=${encodeURIComponent(rowId(rowA))}&b.row=${encodeURIComponent(rowId(rowB))}`,
  };
}

/** The two cards side by side, then the two intervals and the difference. */
export function drawChecker(m: CheckerModel, { width }: RenderContext): Node {
  const cards = html`<div class="l3-cards-wrap">${cardsTable(m.a, m.b)}</div>`;
  return html`<div class="l3-checker">${cards}${comparisonPlot(m.cmp, m.a, m.b, width)}</div>`;
}

export function checkerReadout(m: CheckerModel): Node {
  const readout = comparisonReadout(m.cmp);
  readout.append(
    html`<p><a href=${m.toolLink} data-action="open-in-tool">Open this pair in the compare tool, to change any field or type your own cards →</a></p>`,
  );
  return readout;
}

export function checkerNotice(m: CheckerModel): string {
  return m.sameModel
    ? "The same model gets different numbers from different pipelines — the spread is method, not capability."
    : "Most pairs from two different reports end up 'indicative only' at best: the protocol asks for more than a gap.";
}

export function checkerSummary(m: CheckerModel): string {
  return comparisonSummary(m.cmp, m.a, m.b);
}

export function comparabilityCheckerFigure(
  rows: readonly PublishedScore[],
  benchmarks: readonly Benchmark[],
) {
  const { menu } = menuOf(rows);
  const preset = (label: string, a: [string, string, number], b: [string, string, number]) => {
    const ia = findRowId(rows, ...a);
    const ib = findRowId(rows, ...b);
    return ia && ib ? [{ label, values: { a: ia, b: ib } }] : [];
  };
  const presets = [
    ...preset(
      "Llama 2 70B: Meta 68.9 vs Leaderboard 69.83",
      ["Llama 2 70B", "MMLU", 68.9],
      ["meta-llama/Llama-2-70b-hf", "MMLU", 69.83],
    ),
    ...preset("Mistral 7B: 60.1 vs 62.5", ["Mistral 7B", "MMLU", 60.1], ["Mistral 7B", "MMLU", 62.5]),
    ...preset(
      "One harness: Llama 2 70B vs 13B",
      ["meta-llama/Llama-2-70b-hf", "MMLU", 69.83],
      ["meta-llama/Llama-2-13b-hf", "MMLU", 55.77],
    ),
    ...preset(
      "One harness: Mixtral vs Llama 2 70B",
      ["mistralai/Mixtral-8x7B-v0.1", "MMLU", 71.88],
      ["meta-llama/Llama-2-70b-hf", "MMLU", 69.83],
    ),
    ...preset(
      "GPT-4o (0-shot CoT) vs Claude 3 Opus (5-shot)",
      ["gpt-4o-2024-05-13", "MMLU", 88.7],
      ["Claude-3-Opus", "MMLU", 86.8],
    ),
  ];
  const first = presets[0]?.values ?? { a: menu[0]!.id, b: menu[1]!.id };
  const options = menu.map((m) => ({ value: m.id, label: m.label }));
  return explorable<CheckerValues, CheckerModel>({
    id: "l3-checker",
    title: "Can these two published scores be compared? The five-step protocol, applied",
    controls: {
      a: choice({ key: "a", label: "Score A", kind: "select", options, value: first.a }),
      b: choice({ key: "b", label: "Score B", kind: "select", options, value: first.b }),
    },
    presets,
    source:
      "Scores, settings and evaluators: data/published_scores.csv (each row's source is in the table above). N from data/benchmarks.csv. Consistency and reproduction are looked up in the same table: other benchmarks one evaluator ran on both models, and third-party numbers within noise of each claim.",
    derive: (v) => deriveChecker(v, rows, benchmarks),
    draw: drawChecker,
    readout: checkerReadout,
    notice: checkerNotice,
    summary: checkerSummary,
  });
}
