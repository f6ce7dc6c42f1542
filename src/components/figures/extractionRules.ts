// Lesson 1, figure 2: 599 real MMLU-Pro questions answered by six real models (5-shot, chain of
// thought), each response scored by five extraction rules and by the letter the benchmark's
// authors stored. Same responses, same gold answers — only the post-processing differs.

import { html } from "htl";
import type {
  ExtractionColumn,
  ExtractionExample,
  ExtractionQuestion,
  ExtractionSamples,
} from "../data/types.js";
import { extractionRules, type RuleId } from "../scoring/extractionRules.js";
import { proportionInterval } from "../stats/intervals.js";
import { choice, range } from "../ui/controls.js";
import { explorable, type RenderContext } from "../ui/explorable.js";
import { formatCount, formatPercent, formatPp, formatSignedPp } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";

export const ALL_MODELS = "all";
export type Unparsed = "wrong" | "guess";

export const columnLabels: Record<ExtractionColumn, string> = {
  ...(Object.fromEntries(extractionRules.map((r) => [r.id, r.label])) as Record<RuleId, string>),
  repo: "Authors' stored letter",
};
const columnShort: Record<ExtractionColumn, string> = {
  start: "start",
  firstCapital: "first",
  answerIs: "ans-is",
  lastLetter: "last",
  fallbackChain: "chain",
  repo: "authors",
};
const columnColour: Record<ExtractionColumn, string> = {
  start: palette.grey,
  firstCapital: palette.vermillion,
  answerIs: palette.blue,
  lastLetter: palette.orange,
  fallbackChain: palette.green,
  repo: palette.purple,
};
const columnSymbol: Record<ExtractionColumn, string> = {
  start: "times",
  firstCapital: "triangle",
  answerIs: "circle",
  lastLetter: "square",
  fallbackChain: "diamond",
  repo: "star",
};

export interface RuleScore {
  column: ExtractionColumn;
  /** Questions scored. */
  n: number;
  /** Correct letters. */
  correct: number;
  /** Responses with no letter. */
  unparsed: number;
  /** Accuracy, 0–1: correct / n, plus 1/options per unparsed response when those are guessed. */
  accuracy: number;
  lower: number;
  upper: number;
}

/** Score every column for one model (or all six pooled). Pure: the page and the tests both call it. */
export function ruleScores(
  data: ExtractionSamples,
  model: string,
  unparsed: Unparsed = "wrong",
): RuleScore[] {
  const models = model === ALL_MODELS ? data.models : [model];
  return data.columns.map((column) => {
    let n = 0;
    let correct = 0;
    let missing = 0;
    let expected = 0;
    for (const m of models) {
      const letters = data.letters[m]?.[column];
      if (letters === undefined)
        throw new RangeError(`ruleScores: no letters for model "${m}", column "${column}"`);
      data.questions.forEach((q, i) => {
        n++;
        const l = letters[i];
        if (l === "-") {
          missing++;
          expected += 1 / q.nOptions;
        } else if (l === q.gold) correct++;
      });
    }
    const accuracy = (correct + (unparsed === "guess" ? expected : 0)) / n;
    const ci = proportionInterval(Math.round(accuracy * n), n, { method: "wilson" });
    return { column, n, correct, unparsed: missing, accuracy, lower: ci.lower, upper: ci.upper };
  });
}

/** The disagreement examples for a model; for all models, the models take turns (as many as one model has). */
export function examplesFor(data: ExtractionSamples, model: string): ExtractionExample[] {
  if (model !== ALL_MODELS) return data.examples.filter((e) => e.model === model);
  const per = data.models.map((m) => data.examples.filter((e) => e.model === m));
  const most = Math.max(...per.map((p) => p.length));
  const out: ExtractionExample[] = [];
  for (let i = 0; out.length < most; i++) for (const p of per) if (p[i] && out.length < most) out.push(p[i]!);
  return out;
}

export interface ExtractionRulesValues {
  /** A model's name, or ALL_MODELS. */
  model: string;
  unparsed: Unparsed;
  /** Which disagreement to read, from 1. */
  example: number;
}

/** Everything the figure shows for one model and one way of counting a missing letter. */
export interface ExtractionRulesModel extends ExtractionRulesValues {
  /** One row per column (the five rules, then the authors' stored letter), in the data's order. */
  scores: RuleScore[];
  by: Record<ExtractionColumn, RuleScore>;
  /** Best and worst of the rules that read chain-of-thought answers (every column but "start"). */
  best: RuleScore;
  worst: RuleScore;
  /** best − worst, a proportion. */
  spread: number;
  /** The fallback chain minus the stored letter, a proportion. */
  chainGain: number;
  /** How many disagreements this model has, and the one shown (index from 0, clamped). */
  examples: number;
  exIndex: number;
  shown: ExtractionExample | undefined;
  question: ExtractionQuestion | undefined;
  /** Columns in the data's order (for the example's verdict table). */
  columns: readonly ExtractionColumn[];
}

/** The figure's model (pure): every rule's score, the spread among them, the disagreement shown. */
export function deriveExtractionRules(
  v: ExtractionRulesValues,
  data: ExtractionSamples,
): ExtractionRulesModel {
  const scores = ruleScores(data, v.model, v.unparsed);
  const by = Object.fromEntries(scores.map((s) => [s.column, s])) as Record<ExtractionColumn, RuleScore>;
  const parsing = scores.filter((s) => s.column !== "start");
  const best = parsing.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
  const worst = parsing.reduce((a, b) => (b.accuracy < a.accuracy ? b : a));
  const examples = examplesFor(data, v.model);
  const exIndex = Math.max(0, Math.min(examples.length, Math.max(1, v.example)) - 1);
  const shown = examples[exIndex];
  return {
    ...v,
    scores,
    by,
    best,
    worst,
    spread: best.accuracy - worst.accuracy,
    chainGain: by.fallbackChain.accuracy - by.repo.accuracy,
    examples: examples.length,
    exIndex,
    shown,
    question: shown ? data.questions[shown.question] : undefined,
    columns: data.columns,
  };
}

/** Each rule's accuracy with its 95% interval, one row per rule. */
export function drawExtractionRules(m: ExtractionRulesModel, { width }: RenderContext): Node {
  const rows = m.scores.map((s) => ({
    column: s.column,
    unparsed: s.unparsed,
    label: columnLabels[s.column],
    pct: 100 * s.accuracy,
    lo: 100 * s.lower,
    hi: 100 * s.upper,
  }));
  type Row = (typeof rows)[number];
  // On a phone the value label takes two lines ("25.7%" over "158 no letter") so it fits the margin.
  const compact = width < 600;
  const chart = Plot.plot({
    width,
    height: 70 + (compact ? 48 : 42) * rows.length,
    marginBottom: 42,
    marginLeft: compact ? 152 : Math.min(250, Math.max(170, width * 0.3)),
    marginRight: compact ? 96 : 150,
    style: { fontSize: "13px" },
    x: {
      domain: [0, Math.min(100, Math.ceil(Math.max(...rows.map((r) => r.hi)) / 10) * 10 + 10)],
      label: "Accuracy with 95% interval (%) →",
      grid: true,
      ...(compact ? { ticks: 2 } : {}),
    },
    y: { domain: rows.map((r) => r.label), label: null },
    marks: [
      Plot.ruleY(rows, {
        x1: "lo",
        x2: "hi",
        y: "label",
        stroke: (r: Row) => columnColour[r.column],
        strokeWidth: 4,
      }),
      Plot.dot(rows, {
        x: "pct",
        y: "label",
        r: 6,
        symbol: (r: Row) => columnSymbol[r.column],
        fill: (r: Row) => columnColour[r.column],
        stroke: "currentColor",
      }),
      Plot.text(rows, {
        x: "hi",
        y: "label",
        dx: 8,
        textAnchor: "start",
        text: (r: Row) =>
          `${r.pct.toFixed(1)}%${compact ? "\n" : "  ("}${formatCount(r.unparsed)} no letter${compact ? "" : ")"}`,
      }),
      Plot.ruleX([0]),
    ],
  });
  chart.setAttribute("aria-label", "Accuracy under each extraction rule, with 95% intervals");
  return chart;
}

/** One response the rules read differently: the question, the text with each rule's letter marked, the verdicts. */
function responseView(m: ExtractionRulesModel, ex: ExtractionExample, q: ExtractionQuestion): Node {
  const text = ex.parts.map((part) =>
    typeof part === "string"
      ? part
      : html`<mark data-rules=${part[1].join(" ")} title=${`Picked by: ${part[1].map((r) => columnLabels[r]).join(", ")}`}>${part[0]}<sup>${part[1].map((r) => columnShort[r]).join("·")}</sup></mark>`,
  );
  const verdict = (letter: string) =>
    letter ? (letter === q.gold ? "✓ correct" : "✗ wrong") : "✗ no letter";
  return html`<div class="l1-example" data-example=${`${ex.model}:${q.id}`}>
    <h4>Disagreement ${m.exIndex + 1} of ${m.examples}: ${ex.model}, ${q.category} question ${q.id}</h4>
    <p class="l1-question">${ex.questionText}</p>
    <ul class="l1-options">${Object.entries(ex.options).map(
      ([l, t]) =>
        html`<li><strong>${l}. </strong>${t}${l === q.gold ? html`<em> — the gold answer</em>` : null}</li>`,
    )}</ul>
    <pre class="l1-response" aria-label="Model response (excerpt)">${text}</pre>
    <p class="table-note">Excerpt of a ${formatCount(ex.length)}-character response; each highlighted letter is marked with the rules that picked it.</p>
    <table><tbody>${m.columns.map(
      (c) =>
        html`<tr data-column=${c}><th scope="row">${columnLabels[c]}</th><td>${ex.letters[c] || "—"}</td><td class=${ex.letters[c] === q.gold ? "l1-ok" : "l1-bad"}>${verdict(ex.letters[c])}</td></tr>`,
    )}</tbody></table>
  </div>`;
}

const accuracySpan = (name: string, s: RuleScore) =>
  html`<span data-readout=${name} data-value=${100 * s.accuracy}>${formatPercent(s.accuracy)}</span>`;

export function extractionRulesReadout(m: ExtractionRulesModel): Node {
  return html`<div>
    <div class="big-number"><span data-readout="spread" data-value=${100 * m.spread}>${formatPp(m.spread, 1)}</span></div>
    <div class="big-caption">between the best (${columnLabels[m.best.column]}) and the worst (${columnLabels[m.worst.column]}) of the rules that read chain-of-thought answers, on ${formatCount(m.best.n)} responses</div>
    <p>The authors' later fallback chain vs the letter they stored: <span data-readout="chain-gain" data-value=${100 * m.chainGain}>${formatSignedPp(m.chainGain)}</span>. A rule that insists the response opens with the letter scores ${accuracySpan("start", m.by.start)}: these responses reason first.</p>
    <table class="l1-patterns">
      <caption>The rules, as code</caption>
      <thead><tr><th scope="col">Rule</th><th scope="col">Pattern</th><th scope="col">Accuracy</th></tr></thead>
      <tbody>${extractionRules.map(
        (r) =>
          html`<tr data-rule=${r.id} title=${r.description}><th scope="row">${r.label}</th><td><code>${r.pattern}</code></td><td>${accuracySpan(`acc-${r.id}`, m.by[r.id])}</td></tr>`,
      )}<tr data-rule="repo"><th scope="row">${columnLabels.repo}</th><td>the letter in the authors' result files</td><td>${accuracySpan("acc-repo", m.by.repo)}</td></tr></tbody>
    </table>
    ${m.shown && m.question ? responseView(m, m.shown, m.question) : html`<p>No disagreements for this model.</p>`}
  </div>`;
}

export function extractionRulesNotice(m: ExtractionRulesModel): string {
  return m.model === "Meta-Llama-3-8B"
    ? "Llama 3 8B keeps writing after its answer — a new question with options A–J — so 'last capital letter' grades the wrong text."
    : "The rules agree on most responses; the gap comes from the responses they read differently. Step through those with the slider and read why.";
}

export function extractionRulesSummary(m: ExtractionRulesModel): string {
  const ex = m.shown;
  return (
    `${m.model === ALL_MODELS ? "All six models pooled" : m.model}, ${formatCount(m.best.n)} responses; a response with no letter counts as ${m.unparsed === "guess" ? "a random guess" : "wrong"}. ` +
    m.scores
      .map(
        (s) =>
          `${columnLabels[s.column]}: ${formatPercent(s.accuracy)} (${formatPercent(s.lower)}–${formatPercent(s.upper)}), ${s.unparsed} without a letter`,
      )
      .join("; ") +
    `. Spread among the rules that read reasoning: ${formatPp(m.spread, 1)}.` +
    (ex && m.question
      ? ` Showing disagreement ${m.exIndex + 1} of ${m.examples}: rule letters ${m.columns.map((c) => `${columnLabels[c]} ${ex.letters[c] || "none"}`).join(", ")}; gold ${m.question.gold}.`
      : "")
  );
}

export function extractionRulesFigure(data: ExtractionSamples) {
  const models = data.models;
  const maxExamples = Math.max(1, ...models.map((m) => examplesFor(data, m).length));
  return explorable({
    id: "l1-extraction-rules",
    title: "Same responses, different regular expressions: real MMLU-Pro answers scored five ways",
    controls: {
      model: choice({
        key: "model",
        label: "Model",
        kind: "select",
        options: [
          ...models.map((m) => ({ value: m, label: m })),
          { value: ALL_MODELS, label: "All six pooled" },
        ],
        value: "Qwen1.5-7B-Chat",
      }),
      unparsed: choice<Unparsed>({
        key: "unparsed",
        label: "A response with no letter counts as",
        options: [
          { value: "wrong", label: "Wrong" },
          { value: "guess", label: "A random guess" },
        ],
        value: "wrong",
      }),
      example: range({
        key: "example",
        label: "Disagreement to read",
        min: 1,
        max: maxExamples,
        step: 1,
        value: 1,
      }),
    },
    presets: [
      {
        label: "Qwen1.5-7B-Chat: the biggest gap",
        values: { model: "Qwen1.5-7B-Chat", unparsed: "wrong", example: 1 },
      },
      {
        label: "Llama 3 8B keeps talking",
        values: { model: "Meta-Llama-3-8B", unparsed: "wrong", example: 2 },
      },
      { label: "The authors' scoring (guess when unreadable)", values: { unparsed: "guess" } },
    ],
    source:
      "Responses: TIGER-AI-Lab/MMLU-Pro eval_results, 5-shot chain of thought, 599 questions sampled by category (data/extraction_samples.jsonl, Apache-2.0). Rules: src/components/scoring/extractionRules.ts.",
    derive: (v) => deriveExtractionRules(v, data),
    draw: drawExtractionRules,
    readout: extractionRulesReadout,
    notice: extractionRulesNotice,
    summary: extractionRulesSummary,
  });
}
