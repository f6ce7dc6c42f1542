// The numbers Lesson 1's prose quotes, each computed from the data rows it describes (never typed
// twice), and the sentences that set several values side by side: every value is printed next to
// the label of the row it came from, so a value can never be paired with another row's label.
import type { MicroMacroRow, MmluSubject, PublishedScore, RuleEffectRow } from "../data/types.js";
import { CONTAMINATION_RATE } from "../sim/scoreSimulation.js";
import { halfWidth } from "../stats/intervals.js";
import { formatCount, formatPercent, formatPlusMinus, formatSignedPp } from "../ui/format.js";

// ── The opening question: what "89.7% on MMLU" measured ─────────────────────────────────────

/** The headline the lesson opens with. */
export const HEADLINE_SCORE = 0.897;

/** Questions in MMLU's test split: the sum of its subjects' sizes. */
export const mmluSize = (subjects: readonly Pick<MmluSubject, "n_test">[]) =>
  subjects.reduce((sum, s) => sum + s.n_test, 0);

/** A score p on N questions read back as a count: k right out of N, with its 95% half-width (proportion). */
export function scoreAsCount(p: number, n: number) {
  return { k: Math.round(p * n), n, halfWidth: halfWidth(p, n) };
}

/**
 * The live sentence under the k-out-of-N figure: what a score on N questions can be trusted to,
 * at the model's true accuracy p, and what four times as many questions would buy.
 */
export function noiseSentence(p: number, n: number): string {
  const hw = halfWidth(p, n);
  const hw4 = halfWidth(p, 4 * n);
  return (
    `With ${formatCount(n)} questions and a true accuracy of ${formatPercent(p, 0)}, ` +
    `95% of tests score within ${formatPlusMinus(hw, 1)} of ${formatPercent(p, 0)}. ` +
    `Four times as many questions (${formatCount(4 * n)}) would halve that, to ${formatPlusMinus(hw4, 1)}.`
  );
}

// ── Three implementations of MMLU (Hugging Face, June 2023) ────────────────────────────────

export type Implementation = "HELM" | "original" | "harness";

/** Which implementation a row of the June 2023 comparison belongs to, from its own setting text. */
export function implementationOf(row: Pick<PublishedScore, "extra_setting">): Implementation | null {
  const t = row.extra_setting ?? "";
  if (t.startsWith("HELM")) return "HELM";
  if (t.startsWith("EleutherAI harness")) return "harness";
  if (t.startsWith("original")) return "original";
  return null;
}

/** How each implementation obtains the answer, in words. */
/** One implementation's score among a model's three (the prose quotes the harness's alone). */
export function implementationScore(
  parts: readonly LabelledValue<Implementation>[],
  key: Implementation,
): number {
  const part = parts.find((p) => p.key === key);
  if (!part) throw new Error(`No ${key} score among the implementations given.`);
  return part.score;
}

export const implementationWords: Record<Implementation, string> = {
  HELM: "HELM, where the model writes the answer letter",
  original: "the original MMLU code, which compares the probabilities of the letters A–D",
  harness: "the January 2023 EleutherAI harness, which compared the likelihood of each full answer text",
};

export interface LabelledValue<K extends string = string> {
  key: K;
  label: string;
  score: number;
}

/** One model's three MMLU scores, each with the implementation named in its own row (order: HELM, original, harness). */
export function threeImplementationParts(
  scores: readonly PublishedScore[],
  model: string,
): LabelledValue<Implementation>[] {
  const parts: LabelledValue<Implementation>[] = [];
  for (const row of scores) {
    if (row.model !== model || row.benchmark !== "MMLU" || !/three implementations/.test(row.evaluator))
      continue;
    const key = implementationOf(row);
    if (key) parts.push({ key, label: implementationWords[key], score: row.score });
  }
  const order: Implementation[] = ["HELM", "original", "harness"];
  if (order.some((k) => parts.filter((p) => p.key === k).length !== 1))
    throw new Error(`Expected one HELM, one original and one harness MMLU row for ${model}.`);
  return order.map((k) => parts.find((p) => p.key === k)!);
}

/** "63.7 under HELM, where …; 63.6 under the original MMLU code, …; and 48.8 under …" */
export function threeImplementationsSentence(parts: readonly LabelledValue[]): string {
  const items = parts.map((p) => `${p.score.toFixed(1)} under ${p.label}`);
  return `${items.slice(0, -1).join("; ")}; and ${items.at(-1)}`;
}

/** Largest minus smallest of a set of scores, in points. */
export const spreadOf = (parts: readonly { score: number }[]) =>
  Math.max(...parts.map((p) => p.score)) - Math.min(...parts.map((p) => p.score));

// ── One model, four evaluators (Llama 2 70B on MMLU) ───────────────────────────────────────

/** Who produced a published score, in words, from its own row's evaluator fields. */
export function evaluatorLabel(row: Pick<PublishedScore, "evaluator" | "evaluator_type">): string {
  const type = row.evaluator_type;
  if (type.startsWith("self-reported")) return `${row.evaluator}'s own report`;
  if (type.startsWith("same-lab")) return `${row.evaluator}'s later re-evaluation`;
  if (type.includes("competitor")) return `${row.evaluator}'s re-run`;
  return row.evaluator.replace(/^Hugging Face /, "the ");
}

/** Every published 5-shot MMLU score of the given model names, lowest first, each with its evaluator. */
export function evaluatorParts(
  scores: readonly PublishedScore[],
  models: readonly string[],
): LabelledValue[] {
  return scores
    .filter((r) => models.includes(r.model) && r.benchmark === "MMLU" && r.shots === "5")
    .map((r) => ({ key: r.evaluator, label: evaluatorLabel(r), score: r.score }))
    .sort((a, b) => a.score - b.score);
}

/** "68.9 (Meta's own report), 69.7 (…), 69.83 (…) and 69.9 (…)": each value with its own row's label. */
export function evaluatorSentence(parts: readonly LabelledValue[]): string {
  const items = parts.map((p) => `${p.score} (${p.label})`);
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

export const LLAMA2_70B_NAMES = ["Llama 2 70B", "meta-llama/Llama-2-70b-hf"] as const;

// ── Extraction rules on MMLU-Pro ────────────────────────────────────────────────────────────

/** The effect of the fallback chain over the stored letter, per model, largest first. */
export function ruleEffectSummary(rows: readonly RuleEffectRow[], small = 2) {
  const effects = rows
    .map((r) => ({ model: r.model, stored: r.stored, chain: r.chain, effect: r.chain - r.stored }))
    .sort((a, b) => b.effect - a.effect);
  return {
    largest: effects[0]!,
    models: effects.length,
    /** Models the chain moves by less than `small` points either way. */
    smallCount: effects.filter((e) => Math.abs(e.effect) < small).length,
    questions: rows[0]!.n,
  };
}

// ── Noise of a gap, micro vs macro weights ──────────────────────────────────────────────────

/** Half-width (points) of the 95% interval of a gap between two independent scores at p on n questions each. */
export const gapNoisePp = (p: number, n: number) => 100 * Math.SQRT2 * halfWidth(p, n);

/** Share (%) of the micro-average carried by the largest and smallest subjects, and each subject's macro share. */
export function subjectWeights(subjects: readonly MmluSubject[]) {
  const bySize = [...subjects].sort((a, b) => a.n_test - b.n_test || a.subject.localeCompare(b.subject));
  const total = mmluSize(subjects);
  const name = (s: MmluSubject) => s.subject.replaceAll("_", " ");
  const largest = bySize.at(-1)!;
  const smallest = bySize[0]!;
  return {
    total,
    subjects: subjects.length,
    largest: { name: name(largest), n: largest.n_test, microPct: (100 * largest.n_test) / total },
    smallest: { name: name(smallest), n: smallest.n_test, microPct: (100 * smallest.n_test) / total },
    macroPct: 100 / subjects.length,
  };
}

/** Range of macro − micro (points) over the published MMLU pairs. */
export function macroMinusMicroRange(rows: readonly MicroMacroRow[], benchmark = "MMLU") {
  const diffs = rows.filter((r) => r.benchmark === benchmark).map((r) => r.diff);
  return { min: Math.min(...diffs), max: Math.max(...diffs), count: diffs.length };
}

/** Share of questions the five-choices simulation leaks into training when contamination is on (%). */
export const contaminationPct = () => Math.round(100 * CONTAMINATION_RATE);

/** The live sentence under the five-choices figure: the recipe on screen against the reference recipe. */
export function recipeSentence(
  final: { score: number; lower: number; upper: number },
  reference: { score: number },
): string {
  return (
    `The recipe on screen scores ${formatPercent(final.score)} ` +
    `(95% interval ${(100 * final.lower).toFixed(1)}–${formatPercent(final.upper)}), ` +
    `${formatSignedPp(final.score - reference.score)} from the reference recipe's ${formatPercent(reference.score)}.`
  );
}
