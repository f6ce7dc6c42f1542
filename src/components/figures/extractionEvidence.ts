// Lesson 1: the traced evidence that post-processing alone moves a score — the same models' MMLU
// under three implementations (Hugging Face, June 2023) and MMLU-Pro under several extraction rules.
import { html } from "htl";
import type { PublishedScore, RuleEffectRow } from "../data/types.js";
import { type Implementation, implementationOf } from "../lessons/lesson1.js";
import { formatCount, formatSigned } from "../ui/format.js";

export type { Implementation };
export const implementationLabels: Record<Implementation, string> = {
  HELM: "HELM (model writes the letter)",
  original: "Original code (probabilities of A–D)",
  harness: "EleutherAI harness, Jan 2023 (likelihood of the answer text)",
};

export interface ThreeWayRow {
  model: string;
  HELM: number;
  harness: number;
  original: number;
  /** Largest minus smallest of the three, in points. */
  spread: number;
}

/** The June 2023 analysis, one row per model, from published_scores.csv (evaluator "three implementations"). */
export function threeImplementations(scores: readonly PublishedScore[]): ThreeWayRow[] {
  const by = new Map<string, Partial<Record<Implementation, number>>>();
  for (const s of scores) {
    if (s.benchmark !== "MMLU" || !/three implementations/.test(s.evaluator)) continue;
    const impl = implementationOf(s);
    if (!impl) continue;
    by.set(s.model, { ...by.get(s.model), [impl]: s.score });
  }
  const rows: ThreeWayRow[] = [];
  for (const [model, v] of by) {
    if (v.HELM === undefined || v.harness === undefined || v.original === undefined) continue;
    const all = [v.HELM, v.harness, v.original];
    rows.push({
      model,
      HELM: v.HELM,
      harness: v.harness,
      original: v.original,
      spread: Math.max(...all) - Math.min(...all),
    });
  }
  return rows.sort((a, b) => b.original - a.original);
}

const columnOrder: Implementation[] = ["HELM", "original", "harness"];

export function threeImplementationsTable(scores: readonly PublishedScore[]): HTMLElement {
  return html`<table class="data l1-three">
    <caption>One model, one benchmark, three implementations: MMLU 5-shot accuracy (%), June 2023</caption>
    <thead><tr><th scope="col">Model</th>${columnOrder.map((k) => html`<th scope="col">${implementationLabels[k]}</th>`)}<th scope="col">Spread (points)</th></tr></thead>
    <tbody>${threeImplementations(scores).map(
      (r) =>
        html`<tr data-model=${r.model}><th scope="row">${r.model}</th>${columnOrder.map(
          (k) => html`<td data-implementation=${k}>${r[k].toFixed(1)}</td>`,
        )}<td data-readout="spread" data-value=${r.spread}>${r.spread.toFixed(1)}</td></tr>`,
    )}</tbody>
  </table>`;
}

/** Effect of the extraction rule on all of MMLU-Pro (12,032 questions in the CSV): stored letter vs the fallback chain vs guessing. */
export function ruleEffectsTable(rows: readonly RuleEffectRow[]): HTMLElement {
  const sorted = [...rows].sort((a, b) => b.chain - b.stored - (a.chain - a.stored));
  const heads = [
    "Model",
    "Stored letter",
    "“answer is (X)” + guess",
    "Fallback chain",
    "Chain − stored",
    "No letter (stored → chain)",
  ];
  return html`<table class="data l1-effects">
    <caption>MMLU-Pro, all ${formatCount(rows[0]?.n ?? 0)} questions: accuracy (%) by extraction rule, largest effect first</caption>
    <thead><tr>${heads.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${sorted.map(
      (
        r,
      ) => html`<tr data-model=${r.model}><th scope="row">${r.model}</th><td>${r.stored.toFixed(2)}</td><td>${r.answerIsGuess.toFixed(2)}</td><td>${r.chain.toFixed(2)}</td>
        <td data-readout="chain-minus-stored" data-value=${r.chain - r.stored}>${formatSigned(r.chain - r.stored, 2)}</td>
        <td>${formatCount(r.unparsedAnswerIs)} → ${formatCount(r.unparsedChain)}</td></tr>`,
    )}</tbody>
  </table>`;
}
