// Lesson 3: the comparability checker. Pick two published scores; the comparability
// requirements and the five-step protocol are checked against what the table says,
// and the verdict — comparable, indicative only, not comparable — comes with its reasons.
import {
  cardsTable,
  comparisonPlot,
  comparisonReadout,
  comparisonSummary,
} from "../compare/comparisonView.js";
import { evidenceFor } from "../compare/evidence.js";
import { compareCards } from "../compare/protocol.js";
import { findRowId, menuRows } from "../compare/publishedMenu.js";
import { canonicalModel, cardFromPublished, rowId } from "../compare/scoreCard.js";
import type { Benchmark, PublishedScore } from "../data/types.js";
import { choice } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";

export interface CheckerValues extends Record<string, unknown> {
  a: string;
  b: string;
}

export function comparabilityCheckerFigure(
  rows: readonly PublishedScore[],
  benchmarks: readonly Benchmark[],
) {
  const menu = menuRows(rows);
  const byId = new Map(menu.map((m) => [m.id, m.row]));
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
  return explorable<CheckerValues>({
    id: "l3-checker",
    title: "Can these two published scores be compared? The five-step protocol, applied",
    notice: (v) => {
      const a = byId.get(v.a);
      const b = byId.get(v.b);
      if (a && b && canonicalModel(a.model) !== canonicalModel(b.model)) {
        return "Most pairs from two different reports end up 'indicative only' at best: the protocol asks for more than a gap.";
      }
      return "The same model gets different numbers from different pipelines — the spread is method, not capability.";
    },
    controls: {
      a: choice({ key: "a", label: "Score A", kind: "select", options, value: first.a }),
      b: choice({ key: "b", label: "Score B", kind: "select", options, value: first.b }),
    },
    presets,
    source:
      "Scores, settings and evaluators: data/published_scores.csv (each row's source is in the table above). N from data/benchmarks.csv. Consistency and reproduction are looked up in the same table: other benchmarks one evaluator ran on both models, and third-party numbers within noise of each claim.",
    render(v, { width }) {
      const ra = byId.get(v.a) ?? menu[0]!.row;
      const rb = byId.get(v.b) ?? menu[1]!.row;
      const a = cardFromPublished(ra, benchmarks);
      const b = cardFromPublished(rb, benchmarks);
      const cmp = compareCards(a, b, evidenceFor(rows, ra, rb, benchmarks));
      const figure = document.createElement("div");
      figure.className = "l3-checker";
      const cards = document.createElement("div");
      cards.className = "l3-cards-wrap";
      cards.replaceChildren(cardsTable(a, b));
      figure.append(cards, comparisonPlot(cmp, a, b, width));
      const readout = comparisonReadout(cmp);
      const link = document.createElement("p");
      const anchor = document.createElement("a");
      anchor.href = `../tools/compare?a.row=${encodeURIComponent(rowId(ra))}&b.row=${encodeURIComponent(rowId(rb))}`;
      anchor.dataset.action = "open-in-tool";
      anchor.textContent = "Open this pair in the compare tool, to change any field or type your own cards →";
      link.append(anchor);
      readout.append(link);
      return { figure, readout, summary: comparisonSummary(cmp, a, b) };
    },
  });
}
