// Lesson 1, figure 5: reading the score line. A published score as a card with the four elements a
// reader needs (benchmark, shot count, metric, evaluator) marked present or missing, and a second
// card to compare it with: two numbers are comparable on paper only when every element is stated
// and the same.
import { html } from "htl";
import type { PublishedScore } from "../data/types.js";
import { choice } from "../ui/controls.js";
import { explorable } from "../ui/explorable.js";
import { formatSigned } from "../ui/format.js";

export type ElementKey = "benchmark" | "shots" | "metric" | "evaluator";
export const elementLabels: Record<ElementKey, string> = {
  benchmark: "Benchmark",
  shots: "Shot count",
  metric: "Metric",
  evaluator: "Evaluator",
};
const elementKeys = Object.keys(elementLabels) as ElementKey[];

/** What each benchmark measures, in the lesson's words. */
export const measures: Record<string, string> = {
  MMLU: "multiple-choice knowledge across 57 subjects",
  HumanEval: "writing Python functions that pass unit tests",
  HellaSwag: "commonsense sentence completion",
  GSM8K: "grade-school maths word problems",
};

export interface ScoreCard {
  id: string;
  model: string;
  benchmark: string;
  score: number;
  shots: string | null;
  metric: string | null;
  evaluator: string | null;
  evaluatorType: string | null;
  /** Prompt or implementation details, when the source gives them. */
  setting: string | null;
  source: string;
}

const stated = (x: string | null | undefined) =>
  x !== null && x !== undefined && x.trim() !== "" && !/not stated/i.test(x);

/** Which elements a card states, and their values. */
export function scoreLineElements(card: ScoreCard): { key: ElementKey; present: boolean; value: string }[] {
  const evaluator = stated(card.evaluator) && stated(card.evaluatorType);
  return [
    { key: "benchmark", present: stated(card.benchmark), value: card.benchmark },
    {
      key: "shots",
      present: stated(card.shots),
      value: stated(card.shots) ? `${card.shots}-shot` : "not stated",
    },
    { key: "metric", present: stated(card.metric), value: stated(card.metric) ? card.metric! : "not stated" },
    {
      key: "evaluator",
      present: evaluator,
      value: stated(card.evaluator)
        ? `${card.evaluator} (${card.evaluatorType ?? "type not stated"})`
        : "not stated",
    },
  ];
}

/** Element by element: stated on both and equal? The verdict is "comparable on paper" only if all are. */
export function compareCards(a: ScoreCard, b: ScoreCard) {
  const ea = scoreLineElements(a);
  const eb = scoreLineElements(b);
  const rows = elementKeys.map((key, i) => {
    const x = ea[i]!;
    const y = eb[i]!;
    // Who ran it matters as a kind (self-reported vs third-party) and as an organisation.
    const same = x.present && y.present && x.value.toLowerCase() === y.value.toLowerCase();
    return {
      key,
      a: x,
      b: y,
      status:
        !x.present || !y.present ? ("missing" as const) : same ? ("same" as const) : ("differs" as const),
    };
  });
  const comparable = rows.every((r) => r.status === "same");
  return { rows, comparable, gap: a.score - b.score };
}

/** The lab's hypothetical claim, as two cards (not from data: marked as such). */
export const labCards: ScoreCard[] = [
  {
    id: "lab-a",
    model: "Model A (the lab's claim)",
    benchmark: "MMLU",
    score: 91.2,
    shots: "5",
    metric: null,
    evaluator: null,
    evaluatorType: null,
    setting: null,
    source: "Lab 1's starting scenario (hypothetical)",
  },
  {
    id: "lab-b",
    model: "Model B (the lab's claim)",
    benchmark: "MMLU",
    score: 89.4,
    shots: null,
    metric: null,
    evaluator: null,
    evaluatorType: null,
    setting: null,
    source: "Lab 1's starting scenario (hypothetical)",
  },
];

/**
 * The cards offered: every published MMLU score of Llama 2 70B and LLaMA-65B, GPT-4's MMLU, and
 * rows whose source leaves an element unstated, from data/published_scores.csv; then the lab's two.
 */
export function scoreCards(scores: readonly PublishedScore[]): ScoreCard[] {
  const wanted = (s: PublishedScore) =>
    (s.benchmark === "MMLU" &&
      (s.model === "Llama 2 70B" ||
        s.model === "meta-llama/Llama-2-70b-hf" ||
        s.model === "llama-65b" ||
        s.model === "GPT-4")) ||
    (s.benchmark === "MMLU" && s.model === "Mistral 7B") ||
    (s.benchmark === "HumanEval" && (s.model === "Claude-3-Opus" || s.model === "Llama3 70b"));
  const cards = scores.filter(wanted).map((s, i) => ({
    id: `${s.model}|${s.benchmark}|${s.score}|${i}`.replace(/[^A-Za-z0-9.|-]+/g, "-"),
    model: s.model,
    benchmark: s.benchmark,
    score: s.score,
    shots: s.shots,
    metric: s.metric,
    evaluator: s.evaluator,
    evaluatorType: s.evaluator_type,
    setting: s.extra_setting,
    source: s.source,
  }));
  return [...cards, ...labCards];
}

const cardLabel = (c: ScoreCard) =>
  `${c.model} — ${c.benchmark} ${c.score}${c.evaluator ? ` (${c.evaluator})` : ""}`;

export interface ScoreLineValues {
  /** Card ids (ScoreCard.id). */
  a: string;
  b: string;
}

/** Everything the figure shows: both cards, their elements, the element-by-element comparison. */
export interface ScoreLineModel {
  a: ScoreCard;
  b: ScoreCard;
  elementsA: ReturnType<typeof scoreLineElements>;
  elementsB: ReturnType<typeof scoreLineElements>;
  /** How many of the four elements each card states. */
  presentA: number;
  presentB: number;
  rows: ReturnType<typeof compareCards>["rows"];
  comparable: boolean;
  /** A's score minus B's, in points. */
  gap: number;
  /** LLaMA-65B's MMLU under HELM and under the January 2023 harness: identical score lines. */
  sameLine: { helm: number; harness: number };
}

/** The figure's model (pure): the chosen cards, looked up by id, compared element by element. */
export function deriveScoreLine(
  v: ScoreLineValues,
  cards: ReadonlyMap<string, ScoreCard>,
  sameLine: ScoreLineModel["sameLine"],
): ScoreLineModel {
  const card = (id: string) => {
    const c = cards.get(id);
    if (!c) throw new RangeError(`No score line with id "${id}".`);
    return c;
  };
  const a = card(v.a);
  const b = card(v.b);
  const elementsA = scoreLineElements(a);
  const elementsB = scoreLineElements(b);
  const cmp = compareCards(a, b);
  const count = (es: typeof elementsA) => es.filter((e) => e.present).length;
  return {
    a,
    b,
    elementsA,
    elementsB,
    presentA: count(elementsA),
    presentB: count(elementsB),
    ...cmp,
    sameLine,
  };
}

function cardView(card: ScoreCard, side: "a" | "b", elements: ScoreLineModel["elementsA"], present: number) {
  return html`<article class="l1-card" data-card=${side}>
    <p class="l1-card-score"><strong>${card.score}</strong> ${card.benchmark} · ${card.model}</p>
    <ul>${elements.map(
      (
        e,
      ) => html`<li class=${e.present ? "l1-ok" : "l1-bad"} data-element=${e.key} data-present=${e.present ? "1" : "0"}>
        <span aria-hidden="true">${e.present ? "✓ " : "✗ "}</span><strong>${elementLabels[e.key]}: </strong>${e.value}${
          e.key === "benchmark" && measures[card.benchmark]
            ? html`<span class="l1-muted"> — ${measures[card.benchmark]}</span>`
            : null
        }<span class="sr-only">${e.present ? " (stated)" : " (missing)"}</span></li>`,
    )}</ul>
    ${card.setting ? html`<p class="l1-muted">Setting: ${card.setting}</p>` : null}
    <p class="l1-muted">States <span data-readout=${`present-${side}`} data-value=${present}>${present} of 4</span> elements. Source: ${card.source}</p>
  </article>`;
}

/** The two cards side by side (HTML: there is nothing to plot). */
export function drawScoreLine(m: ScoreLineModel): Node {
  return html`<div class="l1-cards">${cardView(m.a, "a", m.elementsA, m.presentA)}${cardView(m.b, "b", m.elementsB, m.presentB)}</div>`;
}

const statusWords = { same: "✓ same", missing: "? missing", differs: "✗ differs" } as const;

export function scoreLineReadout(m: ScoreLineModel): Node {
  return html`<div>
    <p><span class=${`verdict ${m.comparable ? "l1-yes" : "l1-no"}`} data-readout="comparable" data-value=${m.comparable ? "1" : "0"}>${m.comparable ? "✓ Comparable on paper" : "✗ Not comparable as stated"}</span> Gap: <span data-readout="gap" data-value=${m.gap}>${formatSigned(m.gap, 2)} points</span></p>
    <table class="l1-compare">
      <caption>Element by element</caption>
      <thead><tr><th scope="col">Element</th><th scope="col">A</th><th scope="col">B</th><th scope="col">Comparable?</th></tr></thead>
      <tbody>${m.rows.map(
        (r) =>
          html`<tr data-element=${r.key} data-status=${r.status}><th scope="row">${elementLabels[r.key]}</th><td>${r.a.value}</td><td>${r.b.value}</td><td class=${r.status === "same" ? "l1-ok" : "l1-bad"}>${statusWords[r.status]}</td></tr>`,
      )}</tbody>
    </table>
  </div>`;
}

export function scoreLineNotice(m: ScoreLineModel): string {
  return m.comparable
    ? `Everything the score line states matches — necessary, not sufficient: the prompt, extraction and harness version can still differ (LLaMA-65B scored ${m.sameLine.helm} and ${m.sameLine.harness} with identical score lines).`
    : "A missing element is a question to ask before comparing, not a detail: each one can move the number by points.";
}

export function scoreLineSummary(m: ScoreLineModel): string {
  return (
    `A: ${cardLabel(m.a)}. B: ${cardLabel(m.b)}. ` +
    m.rows.map((r) => `${elementLabels[r.key]}: ${r.a.value} vs ${r.b.value} (${r.status})`).join("; ") +
    `. ${m.comparable ? "Comparable on paper" : "Not comparable as stated"}; gap ${formatSigned(m.gap, 2)} points.`
  );
}

export function scoreLineFigure(scores: readonly PublishedScore[]) {
  const cards = scoreCards(scores);
  const byId = new Map(cards.map((c) => [c.id, c]));
  const find = (pred: (c: ScoreCard) => boolean) => cards.find(pred)?.id ?? cards[0]!.id;
  const llama2Card = find((c) => c.model === "Llama 2 70B" && c.score === 68.9);
  const llama2Leaderboard = find((c) => c.model === "meta-llama/Llama-2-70b-hf");
  // LLaMA-65B under HELM and under the January 2023 harness, found by their settings (not their scores).
  const helm = find((c) => c.model === "llama-65b" && (c.setting ?? "").startsWith("HELM"));
  const harness = find((c) => c.model === "llama-65b" && (c.setting ?? "").startsWith("EleutherAI harness"));
  const sameLine = { helm: byId.get(helm)!.score, harness: byId.get(harness)!.score };
  const options = cards.map((c) => ({ value: c.id, label: cardLabel(c) }));
  return explorable({
    id: "l1-score-line",
    title: "Read the score line: does each published number state what you need to compare it?",
    controls: {
      a: choice({ key: "a", label: "Score line A", kind: "select", options, value: llama2Card }),
      b: choice({ key: "b", label: "Score line B", kind: "select", options, value: llama2Leaderboard }),
    },
    presets: [
      { label: "Llama 2 70B: model card vs leaderboard", values: { a: llama2Card, b: llama2Leaderboard } },
      { label: "LLaMA-65B: HELM vs harness", values: { a: helm, b: harness } },
      { label: "The lab's claim: 91.2 vs 89.4", values: { a: "lab-a", b: "lab-b" } },
    ],
    source:
      "Score lines: data/published_scores.csv (model cards, papers and leaderboards, each row with its source). The lab's two claims are hypothetical.",
    derive: (v) => deriveScoreLine(v, byId, sameLine),
    draw: drawScoreLine,
    readout: scoreLineReadout,
    notice: scoreLineNotice,
    summary: scoreLineSummary,
  });
}
