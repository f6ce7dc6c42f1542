// Lesson 1, figure 2: 599 real MMLU-Pro questions answered by six real models (5-shot, chain of
// thought), each response scored by five extraction rules and by the letter the benchmark's
// authors stored. Same responses, same gold answers — only the post-processing differs.

import type { ExtractionColumn, ExtractionExample, ExtractionSamples } from "../data/types.js";
import { extractionRules, type RuleId } from "../scoring/extractionRules.js";
import { proportionInterval } from "../stats/index.js";
import { choice, range } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";
import { formatCount, formatPercent } from "../ui/format.js";
import { palette } from "../ui/palette.js";
import * as Plot from "../vendor/plot.js";
import { el, readoutSpan, signedPp } from "./lesson1Dom.js";

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

function responseView(
  data: ExtractionSamples,
  ex: ExtractionExample,
  index: number,
  count: number,
): HTMLElement {
  const q = data.questions[ex.question]!;
  const text = el("pre", { class: "l1-response", "aria-label": "Model response (excerpt)" });
  for (const part of ex.parts) {
    if (typeof part === "string") text.append(part);
    else {
      const [letter, rules] = part;
      text.append(
        el(
          "mark",
          {
            "data-rules": rules.join(" "),
            title: `Picked by: ${rules.map((r) => columnLabels[r]).join(", ")}`,
          },
          letter,
          el("sup", {}, rules.map((r) => columnShort[r]).join("·")),
        ),
      );
    }
  }
  const verdicts = data.columns.map((c) => {
    const letter = ex.letters[c];
    const ok = letter === q.gold;
    return el(
      "tr",
      { "data-column": c },
      el("th", { scope: "row" }, columnLabels[c]),
      el("td", {}, letter || "—"),
      el("td", { class: ok ? "l1-ok" : "l1-bad" }, letter ? (ok ? "✓ correct" : "✗ wrong") : "✗ no letter"),
    );
  });
  const options = Object.entries(ex.options).map(([l, t]) =>
    el("li", {}, el("strong", {}, `${l}. `), t, l === q.gold ? el("em", {}, " — the gold answer") : null),
  );
  return el(
    "div",
    { class: "l1-example", "data-example": `${ex.model}:${q.id}` },
    el("h4", {}, `Disagreement ${index + 1} of ${count}: ${ex.model}, ${q.category} question ${q.id}`),
    el("p", { class: "l1-question" }, ex.questionText),
    el("ul", { class: "l1-options" }, options),
    text,
    el(
      "p",
      { class: "table-note" },
      `Excerpt of a ${formatCount(ex.length)}-character response; each highlighted letter is marked with the rules that picked it.`,
    ),
    el("table", {}, el("tbody", {}, verdicts)),
  );
}

export function extractionRulesFigure(data: ExtractionSamples) {
  const models = data.models;
  const maxExamples = Math.max(1, ...models.map((m) => examplesFor(data, m).length));
  return explorable({
    id: "l1-extraction-rules",
    title: "Same responses, different regular expressions: real MMLU-Pro answers scored five ways",
    notice: (v) =>
      v.model === "Meta-Llama-3-8B"
        ? "Llama 3 8B keeps writing after its answer — a new question with options A–J — so 'last capital letter' grades the wrong text."
        : "The rules agree on most responses; the gap comes from the responses they read differently. Step through those with the slider and read why.",
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
    render(v, { width }) {
      const scores = ruleScores(data, v.model, v.unparsed);
      const by = Object.fromEntries(scores.map((s) => [s.column, s])) as Record<ExtractionColumn, RuleScore>;
      const rows = scores.map((s) => ({
        ...s,
        label: columnLabels[s.column],
        pct: 100 * s.accuracy,
        lo: 100 * s.lower,
        hi: 100 * s.upper,
      }));
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
            stroke: (r: (typeof rows)[number]) => columnColour[r.column],
            strokeWidth: 4,
          }),
          Plot.dot(rows, {
            x: "pct",
            y: "label",
            r: 6,
            symbol: (r: (typeof rows)[number]) => columnSymbol[r.column],
            fill: (r: (typeof rows)[number]) => columnColour[r.column],
            stroke: "currentColor",
          }),
          Plot.text(rows, {
            x: "hi",
            y: "label",
            dx: 8,
            textAnchor: "start",
            text: (r: (typeof rows)[number]) =>
              compact
                ? `${r.pct.toFixed(1)}%\n${formatCount(r.unparsed)} no letter`
                : `${r.pct.toFixed(1)}%  (${formatCount(r.unparsed)} no letter)`,
          }),
          Plot.ruleX([0]),
        ],
      });
      chart.setAttribute("aria-label", "Accuracy under each extraction rule, with 95% intervals");

      const parsing = scores.filter((s) => s.column !== "start");
      const best = parsing.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
      const worst = parsing.reduce((a, b) => (b.accuracy < a.accuracy ? b : a));
      const spread = best.accuracy - worst.accuracy;
      const chainGain = by.fallbackChain.accuracy - by.repo.accuracy;

      const examples = examplesFor(data, v.model);
      const exIndex = Math.min(examples.length, Math.max(1, v.example)) - 1;
      const ex = examples[exIndex];

      const patterns = el(
        "table",
        { class: "l1-patterns" },
        el("caption", {}, "The rules, as code"),
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            el("th", { scope: "col" }, "Rule"),
            el("th", { scope: "col" }, "Pattern"),
            el("th", { scope: "col" }, "Accuracy"),
          ),
        ),
        el(
          "tbody",
          {},
          extractionRules.map((r) =>
            el(
              "tr",
              { "data-rule": r.id, title: r.description },
              el("th", { scope: "row" }, r.label),
              el("td", {}, el("code", {}, r.pattern)),
              el(
                "td",
                {},
                readoutSpan(`acc-${r.id}`, 100 * by[r.id].accuracy, formatPercent(by[r.id].accuracy)),
              ),
            ),
          ),
          el(
            "tr",
            { "data-rule": "repo" },
            el("th", { scope: "row" }, columnLabels.repo),
            el("td", {}, "the letter in the authors' result files"),
            el("td", {}, readoutSpan("acc-repo", 100 * by.repo.accuracy, formatPercent(by.repo.accuracy))),
          ),
        ),
      );
      const readout = el(
        "div",
        {},
        el(
          "div",
          { class: "big-number" },
          readoutSpan("spread", 100 * spread, `${(100 * spread).toFixed(1)} pp`),
        ),
        el(
          "div",
          { class: "big-caption" },
          `between the best (${columnLabels[best.column]}) and the worst (${columnLabels[worst.column]}) of the rules that read chain-of-thought answers, on ${formatCount(best.n)} responses`,
        ),
        el(
          "p",
          {},
          "The authors' later fallback chain vs the letter they stored: ",
          readoutSpan("chain-gain", 100 * chainGain, signedPp(chainGain)),
          ". A rule that insists the response opens with the letter scores ",
          readoutSpan("start", 100 * by.start.accuracy, formatPercent(by.start.accuracy)),
          ": these responses reason first.",
        ),
        patterns,
        ex
          ? responseView(data, ex, exIndex, examples.length)
          : el("p", {}, "No disagreements for this model."),
      );
      const figure = chart;
      const summary =
        `${v.model === ALL_MODELS ? "All six models pooled" : v.model}, ${formatCount(best.n)} responses; a response with no letter counts as ${v.unparsed === "guess" ? "a random guess" : "wrong"}. ` +
        scores
          .map(
            (s) =>
              `${columnLabels[s.column]}: ${formatPercent(s.accuracy)} (${formatPercent(s.lower)}–${formatPercent(s.upper)}), ${s.unparsed} without a letter`,
          )
          .join("; ") +
        `. Spread among the rules that read reasoning: ${(100 * spread).toFixed(1)} pp.` +
        (ex
          ? ` Showing disagreement ${exIndex + 1} of ${examples.length}: rule letters ${data.columns.map((c) => `${columnLabels[c]} ${ex.letters[c] || "none"}`).join(", ")}; gold ${data.questions[ex.question]!.gold}.`
          : "");
      return { figure, summary, readout };
    },
  });
}
