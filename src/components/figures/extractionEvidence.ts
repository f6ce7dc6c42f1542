// Lesson 1: the traced evidence that post-processing alone moves a score — the same models' MMLU
// under three implementations (Hugging Face, June 2023) and MMLU-Pro under several extraction rules.
import type { PublishedScore, RuleEffectRow } from "../data/types.js";
import { type Implementation, implementationOf } from "../lessons/lesson1.js";
import { el } from "./lesson1Dom.js";

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

export function threeImplementationsTable(scores: readonly PublishedScore[]): HTMLElement {
  const rows = threeImplementations(scores);
  return el(
    "table",
    { class: "data l1-three" },
    el("caption", {}, "One model, one benchmark, three implementations: MMLU 5-shot accuracy (%), June 2023"),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, "Model"),
        (["HELM", "original", "harness"] as Implementation[]).map((k) =>
          el("th", { scope: "col" }, implementationLabels[k]),
        ),
        el("th", { scope: "col" }, "Spread (points)"),
      ),
    ),
    el(
      "tbody",
      {},
      rows.map((r) =>
        el(
          "tr",
          { "data-model": r.model },
          el("th", { scope: "row" }, r.model),
          el("td", { "data-implementation": "HELM" }, r.HELM.toFixed(1)),
          el("td", { "data-implementation": "original" }, r.original.toFixed(1)),
          el("td", { "data-implementation": "harness" }, r.harness.toFixed(1)),
          el("td", { "data-readout": "spread", "data-value": String(r.spread) }, r.spread.toFixed(1)),
        ),
      ),
    ),
  );
}

/** Effect of the extraction rule on all 12,032 MMLU-Pro questions: stored letter vs the fallback chain vs guessing. */
export function ruleEffectsTable(rows: readonly RuleEffectRow[]): HTMLElement {
  const sorted = [...rows].sort((a, b) => b.chain - b.stored - (a.chain - a.stored));
  const fmt = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${Math.abs(x).toFixed(2)}`;
  return el(
    "table",
    { class: "data l1-effects" },
    el(
      "caption",
      {},
      "MMLU-Pro, all 12,032 questions: accuracy (%) by extraction rule, largest effect first",
    ),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        [
          "Model",
          "Stored letter",
          "“answer is (X)” + guess",
          "Fallback chain",
          "Chain − stored",
          "No letter (stored → chain)",
        ].map((h) => el("th", { scope: "col" }, h)),
      ),
    ),
    el(
      "tbody",
      {},
      sorted.map((r) =>
        el(
          "tr",
          { "data-model": r.model },
          el("th", { scope: "row" }, r.model),
          el("td", {}, r.stored.toFixed(2)),
          el("td", {}, r.answerIsGuess.toFixed(2)),
          el("td", {}, r.chain.toFixed(2)),
          el(
            "td",
            { "data-readout": "chain-minus-stored", "data-value": String(r.chain - r.stored) },
            fmt(r.chain - r.stored),
          ),
          el(
            "td",
            {},
            `${r.unparsedAnswerIs.toLocaleString("en-US")} → ${r.unparsedChain.toLocaleString("en-US")}`,
          ),
        ),
      ),
    ),
  );
}
