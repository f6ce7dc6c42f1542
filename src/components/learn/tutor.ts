// The built-in tutor: deterministic, offline and driven by the lab's rubric (content/labs.ts).
// It reads which concepts a message raises, acknowledges them specifically, corrects a
// misconception, answers numbers with the statistics core, and asks about a concept still
// missing — never the same reply twice in a row. Its state is rebuilt from the conversation,
// so a reloaded page continues where it left off. Pure: no DOM, no storage, no clock.
import type { LabBrief, LabConcept, Misconception, SectionLink } from "../../content/labs.js";
import { type ConceptMatch, clauseHas, recognise, sentences, wordCount } from "./concepts.js";
import {
  type BenchmarkRow,
  type BenchmarkSize,
  benchmarkSizes,
  type ComputedFact,
  computeFacts,
} from "./numberClaims.js";

/** A learner message of at least this many words is substantive even if it names no concept. */
export const SUBSTANTIVE_WORDS = 8;
/** Substantive exchanges that complete a lab. */
export const EXCHANGES_TO_COMPLETE = 3;

export interface TutorContext {
  lab: LabBrief;
  sizes: BenchmarkSize[];
  /** Placeholder values computed from the scenario's claim ({gap}, {n}, …). */
  values: Record<string, string>;
  /** Facts computed from the scenario's claims (for the model's system prompt). */
  scenarioFacts: ComputedFact[];
}

export interface Analysis {
  matches: ConceptMatch[];
  /** Concepts raised (not negated or dismissed). */
  raised: string[];
  dismissed: string[];
  misconceptions: Misconception[];
  facts: ComputedFact[];
  /** Lab 4: the scenario the message picks, if any. */
  scenario: string | null;
  words: number;
  substantive: boolean;
}

export interface Turn {
  role: "learner" | "tutor";
  text: string;
}

export interface TutorReply {
  text: string;
  analysis: Analysis;
  /** Coverage keys newly covered by this message ("shots", or "legal:shift" in Lab 4). */
  newlyCovered: string[];
}

const fmt1 = (x: number) => (100 * x).toFixed(1);
const signed1 = (x: number) => `${x < 0 ? "−" : ""}${Math.abs(100 * x).toFixed(1)}`;
const pText = (p: number) => (p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(p < 0.01 ? 3 : 2)}`);

/**
 * Numbers for the placeholders (see content/labs.ts). The difference placeholders — {gap},
 * {diffLow}, {diffHigh}, {pValue} — come only from a claim that compares two scores: the
 * two-proportion interval of their difference at the benchmark's real N (numberClaims.ts
 * compareScores → stats twoProportionTest). A single score's own interval never fills them.
 */
export function placeholderValues(facts: readonly ComputedFact[]): Record<string, string> {
  const out: Record<string, string> = {};
  const pair = facts.find((f) => f.kind === "pair" && f.values.lower !== undefined)?.values;
  const v = pair ?? facts[0]?.values ?? {};
  if (v.n !== undefined) out.n = v.n.toLocaleString("en-US");
  const half = v.halfA ?? v.half;
  if (half !== undefined) out.halfA = (100 * half).toFixed(2);
  if (!pair) return out;
  out.a = fmt1(pair.a!);
  out.b = fmt1(pair.b!);
  out.gap = fmt1(Math.abs(pair.diff!));
  // {gap} is unsigned, so its interval is written for the larger score minus the smaller.
  const [low, high] = pair.diff! >= 0 ? [pair.lower!, pair.upper!] : [-pair.upper!, -pair.lower!];
  out.diffLow = signed1(low);
  out.diffHigh = signed1(high);
  out.pValue = pText(pair.pValue!);
  return out;
}

export function createTutorContext(lab: LabBrief, benchmarks: readonly BenchmarkRow[]): TutorContext {
  const sizes = benchmarkSizes(benchmarks);
  const scenarioFacts = lab.claims.flatMap((c) =>
    computeFacts(c, sizes, { defaultBenchmark: lab.defaultBenchmark }),
  );
  return { lab, sizes, values: placeholderValues(scenarioFacts), scenarioFacts };
}

/** Fill {placeholders}; an unknown one is left as a plain word rather than braces. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? k);
}

const SCENARIO_LETTER =
  /\b(?:scenario|option|case|choose|chose|pick|picked|take|go with|start with|try|do|use case|now|then|next)\s*\(?([ABCabc])\)?(?![A-Za-z])/;
/** "B please", "C then", "ok, A": a capital letter with only small words around it. */
const SHORT_LETTER =
  /^(?:(?:ok|okay|now|then|next|so|and|let'?s do|please)[\s,]*)*\(?([ABC])\)?(?:[\s,.!]*(?:please|then|now|next|next one))*[\s.!]*$/i;

function pickScenario(lab: LabBrief, text: string): string | null {
  const options = lab.options;
  if (!options) return null;
  const bare = text.trim().replace(/[().:!\s]/g, "");
  const byLetter = (letter: string) => options.find((o) => o.letter === letter.toUpperCase())?.id ?? null;
  if (/^[ABCabc]$/.test(bare)) return byLetter(bare);
  const short = SHORT_LETTER.exec(text.trim());
  if (short && /[ABC]/.test(short[1]!)) return byLetter(short[1]!);
  const m = SCENARIO_LETTER.exec(text);
  if (m && (/[ABC]/.test(m[1]!) || /scenario|option|case/i.test(m[0]))) return byLetter(m[1]!);
  const matched = recognise(text, options).filter((x) => x.raised);
  return matched[0]?.id ?? null;
}

/** The concept numbers speak to: a message with a computed fact raises it. */
function numbersConcept(lab: LabBrief): string | null {
  return lab.concepts.find((c) => c.id === "intervals" || c.id === "evalSize")?.id ?? null;
}

/** Analyses are pure in (context, text): replaying a long conversation reuses them. */
const analysed = new WeakMap<TutorContext, Map<string, Analysis>>();

export function analyse(ctx: TutorContext, text: string): Analysis {
  let cache = analysed.get(ctx);
  if (!cache) {
    cache = new Map();
    analysed.set(ctx, cache);
  }
  let a = cache.get(text);
  if (!a) {
    a = analyseUncached(ctx, text);
    if (cache.size > 500) cache.clear();
    cache.set(text, a);
  }
  // A copy, so a caller that sorts or pushes can't change what the cache holds.
  return {
    ...a,
    raised: [...a.raised],
    dismissed: [...a.dismissed],
    matches: [...a.matches],
    facts: [...a.facts],
  };
}

function analyseUncached(ctx: TutorContext, text: string): Analysis {
  const { lab } = ctx;
  const matches = recognise(text, lab.concepts);
  const raised = matches.filter((m) => m.raised).map((m) => m.id);
  const dismissed = matches.filter((m) => m.dismissed).map((m) => m.id);
  const facts = computeFacts(text, ctx.sizes, { defaultBenchmark: lab.defaultBenchmark });
  const numbers = numbersConcept(lab);
  if (facts.length && numbers && !raised.includes(numbers) && !dismissed.includes(numbers))
    raised.push(numbers);
  // Misconceptions are read per sentence ("A scores higher, so A is better" spans a comma).
  const cls = sentences(text);
  const misconceptions = lab.misconceptions.filter((mc) =>
    cls.some(
      (clause) => mc.when.every((group) => clauseHas(clause, group)) && !clauseHas(clause, mc.unless ?? []),
    ),
  );
  const words = wordCount(text);
  const scenario = pickScenario(lab, text);
  const substantive = words >= SUBSTANTIVE_WORDS || matches.length > 0 || facts.length > 0;
  return { matches, raised, dismissed, misconceptions, facts, scenario, words, substantive };
}

interface State {
  covered: Set<string>;
  scenario: string | null;
  turns: number;
  lastReply: string | null;
  /** Every tutor reply so far. */
  said: string[];
  corrected: Set<string>;
}

const key = (scenario: string | null, concept: string) => (scenario ? `${scenario}:${concept}` : concept);

function replay(ctx: TutorContext, history: readonly Turn[]): State {
  const state: State = {
    covered: new Set(),
    scenario: null,
    turns: 0,
    lastReply: null,
    said: [],
    corrected: new Set(),
  };
  for (const turn of history) {
    if (turn.role === "tutor") {
      state.lastReply = turn.text;
      state.said.push(turn.text);
      continue;
    }
    const a = analyse(ctx, turn.text);
    state.turns++;
    if (a.scenario) state.scenario = a.scenario;
    for (const id of a.raised) state.covered.add(key(ctx.lab.options ? state.scenario : null, id));
    for (const mc of a.misconceptions) state.corrected.add(mc.id);
  }
  return state;
}

function isCovered(ctx: TutorContext, state: State, concept: string, scenario = state.scenario): boolean {
  if (!ctx.lab.options) return state.covered.has(concept);
  return state.covered.has(key(scenario, concept));
}

const pick = <T>(list: readonly T[], index: number): T =>
  list[((index % list.length) + list.length) % list.length]!;

function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function lowerFirst(s: string) {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function question(ctx: TutorContext, state: State, turn: number, avoid: string | null): string {
  const { lab } = ctx;
  if (lab.options && !state.scenario) {
    const letters = lab.options.map((o) => `(${o.letter}) ${lowerFirst(o.label)}`);
    return pick(
      [
        `Which deployment shall we work on: ${listJoin(letters)}?`,
        `Pick a scenario to make this concrete — ${listJoin(lab.options.map((o) => o.letter))} — or describe your own deployment.`,
      ],
      turn,
    );
  }
  const missing = lab.concepts.filter((c) => !isCovered(ctx, state, c.id));
  if (!missing.length) {
    if (lab.options) {
      const other = lab.options.find((o) => lab.concepts.some((c) => !isCovered(ctx, state, c.id, o.id)));
      if (other)
        return `You've built a full plan for this scenario. Want to try scenario ${other.letter} — ${lowerFirst(other.label)}? The risks differ more than you might expect.`;
    }
    return pick(
      [
        "You've raised every point on this lab's checklist. Is there a claim of your own — from a model announcement or a paper — you'd like to take apart the same way?",
        "That covers the whole checklist. Which of these points do you think a journalist would most often miss?",
      ],
      turn,
    );
  }
  // The first missing concept, rotating past one just asked about.
  const concept = missing.length > 1 && avoid && missing[0]!.id === avoid ? missing[1]! : missing[0]!;
  const scenarioQ = state.scenario ? concept.scenarioQuestions?.[state.scenario] : undefined;
  const options = scenarioQ ? [scenarioQ, ...concept.questions] : concept.questions;
  return fill(pick(options, turn), ctx.values);
}

function conceptById(ctx: TutorContext, id: string): LabConcept | undefined {
  return ctx.lab.concepts.find((c) => c.id === id);
}

/** The concept the previous tutor reply asked about (so the next question can move on). */
function askedAbout(ctx: TutorContext, reply: string | null): string | null {
  if (!reply) return null;
  for (const c of ctx.lab.concepts) {
    const qs = [...c.questions, ...Object.values(c.scenarioQuestions ?? {})].map((q) =>
      fill(q ?? "", ctx.values),
    );
    if (qs.some((q) => q && reply.includes(q))) return c.id;
  }
  return null;
}

export interface ReplyOptions {
  /** Substantive exchanges already completed before this message. */
  exchangesBefore: number;
}

/**
 * The tutor's answer to `message`, given the conversation so far (`history`, oldest first,
 * without the opening). Deterministic: the same history and message give the same reply.
 */
export function tutorReply(
  ctx: TutorContext,
  history: readonly Turn[],
  message: string,
  { exchangesBefore }: ReplyOptions,
): TutorReply {
  const { lab } = ctx;
  const state = replay(ctx, history);
  const turn = state.turns;
  const a = analyse(ctx, message);
  const parts: string[] = [];

  const previousScenario = state.scenario;
  if (a.scenario) state.scenario = a.scenario;
  if (lab.options && a.scenario && a.scenario !== previousScenario) {
    const option = lab.options.find((o) => o.id === a.scenario);
    if (option) parts.push(option.intro);
  }

  if (a.facts.length) {
    parts.push(`Let me put numbers on that. ${a.facts.map((f) => f.text).join(" ")}`);
  }

  const fresh = a.misconceptions.filter((m) => !state.corrected.has(m.id));
  const correction = fresh[0] ?? a.misconceptions[0];
  if (correction) parts.push(fill(correction.correction, ctx.values));

  const dismissed = a.dismissed.map((id) => conceptById(ctx, id)).filter((c): c is LabConcept => Boolean(c));
  if (dismissed[0] && !correction) {
    parts.push(
      `I'd push back on setting aside ${lowerFirst(dismissed[0].label)}: ${fill(dismissed[0].why, ctx.values)}`,
    );
  }

  const newly: LabConcept[] = [];
  const repeated: LabConcept[] = [];
  for (const id of a.raised) {
    const c = conceptById(ctx, id);
    if (!c) continue;
    if (isCovered(ctx, state, id)) repeated.push(c);
    else newly.push(c);
  }
  newly.forEach((c, i) => {
    if (i >= 2) return;
    // A number reply already speaks for the intervals concept; don't recite its acknowledgement too.
    if (a.facts.length && c.id === numbersConcept(lab)) {
      const note = state.scenario ? c.scenarioNotes?.[state.scenario] : undefined;
      if (note) parts.push(note);
      return;
    }
    let text = fill(pick(c.acks, turn + i), ctx.values);
    const note = state.scenario ? c.scenarioNotes?.[state.scenario] : undefined;
    if (note) text += ` ${note}`;
    parts.push(text);
  });
  if (newly.length > 2) {
    parts.push(`You also raised ${listJoin(newly.slice(2).map((c) => lowerFirst(c.label)))} — good.`);
  }
  if (!newly.length && repeated.length && !a.facts.length && !correction) {
    // Going deeper on a point already made: give the acknowledgement not yet shown, if any.
    const c = repeated[0]!;
    const unseen = c.acks.map((t) => fill(t, ctx.values)).find((t) => !state.said.some((r) => r.includes(t)));
    parts.push(
      unseen
        ? unseen
        : pick(
            [
              `You've already made the point about ${lowerFirst(c.label)} — let's take it somewhere new.`,
              `Yes, ${lowerFirst(c.label)} again — agreed, and it's covered. Let's look at another angle.`,
            ],
            turn,
          ),
    );
  }

  const recognised =
    a.matches.length > 0 ||
    a.facts.length > 0 ||
    a.misconceptions.length > 0 ||
    (a.scenario !== null && a.scenario !== previousScenario);
  if (!recognised) {
    parts.push(
      a.words < SUBSTANTIVE_WORDS
        ? pick(
            [
              "Say a little more — a sentence or two about what you'd check, and why.",
              "Could you expand on that? Tell me what you'd want to know and why it matters.",
            ],
            turn,
          )
        : pick(
            [
              "I'm not sure which part of the method you mean — try naming it (the prompt, the decoding, who ran the test, the sample size…).",
              "Interesting. Can you tie that to something concrete about how the numbers were produced?",
            ],
            turn,
          ),
    );
  }

  for (const c of newly) state.covered.add(key(lab.options ? state.scenario : null, c.id));
  const newlyCovered = newly.map((c) => key(lab.options ? state.scenario : null, c.id));
  const exchanges = exchangesBefore + (a.substantive ? 1 : 0);
  if (a.substantive && exchanges === EXCHANGES_TO_COMPLETE) {
    const s = summarise(ctx, [...history, { role: "learner", text: message }]);
    const covered = s.concepts.filter((c) => c.covered).map((c) => lowerFirst(c.label));
    const missed = s.concepts.filter((c) => !c.covered).map((c) => lowerFirst(c.label));
    parts.push(
      `That's ${EXCHANGES_TO_COMPLETE} substantive exchanges — the lab is complete. ` +
        (covered.length ? `You covered ${listJoin(covered)}. ` : "") +
        (missed.length
          ? `Still worth a look: ${listJoin(missed)} — the summary below links to the lesson sections.`
          : "You covered every point on the checklist."),
    );
  }

  let reply = [...parts, question(ctx, state, turn, askedAbout(ctx, state.lastReply))].join("\n\n");
  if (reply === state.lastReply) {
    reply = [...parts, question(ctx, state, turn + 1, askedAbout(ctx, state.lastReply))].join("\n\n");
  }
  if (reply === state.lastReply) reply = `Let's try it from a different side. ${reply}`;
  return { text: reply, analysis: a, newlyCovered };
}

export interface SummaryItem {
  id: string;
  label: string;
  covered: boolean;
  /** Lab 4: the scenarios (letters) in which it was covered. */
  scenarios: string[];
  section: SectionLink;
}

export interface LabSummary {
  concepts: SummaryItem[];
  covered: number;
  total: number;
}

/** What the conversation covered and missed, with the lesson sections for the missed points. */
export function summarise(ctx: TutorContext, history: readonly Turn[]): LabSummary {
  const state = replay(ctx, history);
  const { lab } = ctx;
  const concepts = lab.concepts.map((c) => {
    const scenarios = lab.options
      ? lab.options.filter((o) => state.covered.has(key(o.id, c.id))).map((o) => o.letter)
      : [];
    const covered = lab.options ? scenarios.length > 0 || state.covered.has(c.id) : state.covered.has(c.id);
    return { id: c.id, label: c.label, covered, scenarios, section: c.section };
  });
  const covered = concepts.filter((c) => c.covered).length;
  return { concepts, covered, total: concepts.length };
}

/** Whether a learner message counts toward the three exchanges (before the tutor answers it). */
export function isSubstantive(ctx: TutorContext, text: string): boolean {
  return analyse(ctx, text).substantive;
}
