// The built-in tutor: deterministic, offline and driven by the lab's rubric (content/labs.ts).
// It reads which concepts a message raises, acknowledges them specifically, corrects a
// misconception, answers numbers with the statistics core, and asks about a concept still
// missing — never the same reply twice in a row. Its state is rebuilt from the conversation,
// so a reloaded page continues where it left off. Pure: no DOM, no storage, no clock.
import type { LabBrief, LabConcept, Misconception, SectionLink } from "../../content/labs.js";
import { type ConceptMatch, clauseHas, recognise, sentences, wordCount } from "./concepts.js";
import type { CourseIndex } from "./courseIndex.js";
import {
  answerFromCourse,
  type CourseAnswer,
  type CourseSearch,
  createCourseSearch,
  questionKind,
  tokens,
} from "./courseSearch.js";
import { type ExchangeVerdict, judgeExchange, topicSet } from "./exchangeRule.js";
import {
  type BenchmarkRow,
  type BenchmarkSize,
  benchmarkSizes,
  type ComputedFact,
  computeFacts,
  type NumberReading,
  normaliseNumbers,
} from "./numberClaims.js";

/** Exchanges (each raising an idea of the lab or answering the tutor's question) that complete a lab. */
export const EXCHANGES_TO_COMPLETE = 3;

export interface TutorContext {
  lab: LabBrief;
  sizes: BenchmarkSize[];
  /** Placeholder values computed from the scenario's claim ({gap}, {n}, …). */
  values: Record<string, string>;
  /** Facts computed from the scenario's claims (for the model's system prompt). */
  scenarioFacts: ComputedFact[];
  /** The course index, searched to answer questions (null: the tutor can't answer from the course). */
  search: CourseSearch | null;
  /** Topic words of the whole lab (its brief and rubric). */
  labTopics: ReadonlySet<string>;
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
  /** Numbers read in an unusual form, echoed in the reply ("10k" → 10,000). */
  readings: NumberReading[];
  /** "info": asks to be told something; "yes-no": any other question; null: a statement. */
  question: "info" | "yes-no" | null;
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
  /** Whether the message counts toward completing the lab, and why. */
  verdict: ExchangeVerdict;
  /** The answer from the course, when the message asked something. */
  course: CourseAnswer | null;
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

export function createTutorContext(
  lab: LabBrief,
  benchmarks: readonly BenchmarkRow[],
  courseIndex: CourseIndex | null = null,
): TutorContext {
  const sizes = benchmarkSizes(benchmarks);
  const scenarioFacts = lab.claims.flatMap((c) =>
    computeFacts(c, sizes, { defaultBenchmark: lab.defaultBenchmark }),
  );
  const values = placeholderValues(scenarioFacts);
  const labTopics = topicSet(
    lab.task,
    lab.scenario,
    lab.prompt,
    lab.opening,
    ...(lab.options ?? []).flatMap((o) => [o.label, o.intro, ...o.terms]),
    ...lab.concepts.flatMap((c) => conceptTexts(c, values)),
    ...lab.misconceptions.map((m) => fill(m.correction, values)),
  );
  return {
    lab,
    sizes,
    values,
    scenarioFacts,
    search: courseIndex ? createCourseSearch(courseIndex) : null,
    labTopics,
  };
}

/** Everything a concept says: its name, words, acknowledgements, reasons and questions. */
function conceptTexts(c: LabConcept, values: Record<string, string>): string[] {
  return [
    c.label,
    c.section.label,
    ...c.terms.filter((t) => !t.startsWith("re:")).map((t) => t.replace(/[*#]/g, "")),
    ...c.acks,
    c.why,
    ...c.questions,
    ...Object.values(c.scenarioNotes ?? {}),
    ...Object.values(c.scenarioQuestions ?? {}),
  ].map((t) => fill(t ?? "", values));
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
  const readings = facts.length ? normaliseNumbers(text).readings : [];
  return {
    matches,
    raised,
    dismissed,
    misconceptions,
    facts,
    scenario,
    words,
    readings,
    question: questionKind(text),
  };
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

/** "Shot count" → "shot count" mid-sentence; a name ("Goodhart's law", "Elo", "MMLU") keeps its capital. */
function lowerFirst(s: string) {
  const first = s.split(/[\s—-]/)[0] ?? "";
  if (/^[A-Z][\w]*['’]s$/.test(first) || /^[A-Z0-9]{2,}/.test(first) || /^(?:Elo|Arena|Bradley)/.test(first))
    return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function question(ctx: TutorContext, state: State, turn: number, avoid: string | null): string {
  const { lab } = ctx;
  if (lab.options && !state.scenario) {
    const letters = lab.options.map((o) => `(${o.letter}) ${lowerFirst(o.label)}`);
    return pick(
      [
        `Which deployment shall we work on: ${listJoin(letters)}?`,
        `Which scenario makes this concrete for you — ${listJoin(lab.options.map((o) => o.letter))} — or would you rather describe your own deployment?`,
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
  /** Exchanges already completed before this message. */
  exchangesBefore: number;
}

/** The course passage a concept's section points to (its text widens what "on topic" means). */
function sectionText(ctx: TutorContext, c: LabConcept): string {
  const entry = ctx.search?.index.entries.find(
    (e) => e.page === `lessons/${c.section.lesson}` && e.anchor === c.section.anchor && e.kind === "section",
  );
  return entry?.text ?? "";
}

function judge(ctx: TutorContext, state: State, history: readonly Turn[], message: string, a: Analysis) {
  const { lab } = ctx;
  const earlier = history.filter((t) => t.role === "learner").map((t) => t.text);
  const newlyRaised = a.raised.filter((id) => !isCovered(ctx, state, id, a.scenario ?? state.scenario));
  const asked = askedAbout(ctx, state.lastReply);
  const concept = asked ? conceptById(ctx, asked) : undefined;
  const askedTopics = concept
    ? topicSet(state.lastReply ?? "", ...conceptTexts(concept, ctx.values), sectionText(ctx, concept))
    : new Set([...ctx.labTopics, ...topicSet(state.lastReply ?? lab.opening)]);
  const vocabulary = ctx.search?.vocabulary;
  const numbers = a.facts.length ? tokens(normaliseNumbers(message).text).filter((t) => /^\d/.test(t)) : [];
  return judgeExchange({
    message,
    question: a.question !== null,
    earlier,
    raised: a.raised,
    raisedNew: newlyRaised,
    numbers,
    newScenario: Boolean(lab.options && a.scenario && a.scenario !== state.scenario),
    asked: askedTopics,
    known: (stem) => ctx.labTopics.has(stem) || Boolean(vocabulary?.has(stem)),
  });
}

/** Whether `message`, after `history`, counts toward completing the lab (and why). */
export function exchangeVerdict(
  ctx: TutorContext,
  history: readonly Turn[],
  message: string,
): ExchangeVerdict {
  const state = replay(ctx, history);
  return judge(ctx, state, history, message, analyse(ctx, message));
}

/** A reply that explains a message which doesn't count, so the learner knows what would. */
function verdictNote(v: ExchangeVerdict): string | null {
  switch (v.reason) {
    case "repeat":
      return "You've said that already, so it doesn't count again — take the point one step further instead.";
    case "echo":
      return "Saying the same word again and again doesn't count — put the idea in a sentence: what would you check, and why?";
    case "non-words":
      return "I couldn't read that as words, so it doesn't count. Tell me in a sentence what you'd check.";
    case "other-language":
      return "I read English best, so I can't follow every detail of that — I've counted it as your answer. If you can, add the key idea in English and I'll connect it to the lesson.";
    default:
      return null;
  }
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
  const verdict = judge(ctx, state, history, message, a);
  const parts: string[] = [];

  const note = verdictNote(verdict);
  if (note && verdict.reason === "other-language") parts.push(note);

  const previousScenario = state.scenario;
  if (a.scenario) state.scenario = a.scenario;
  const scenarioChanged = a.scenario !== null && a.scenario !== previousScenario;
  if (lab.options && a.scenario && scenarioChanged) {
    const option = lab.options.find((o) => o.id === a.scenario);
    if (option) parts.push(option.intro);
  }

  // A question is answered from the course's own text, with a link to the section — unless it
  // is about numbers (the statistics answer it) or only picks a scenario.
  let course: CourseAnswer | null = null;
  const asks =
    a.question === "info" ||
    (a.question === "yes-no" && !a.raised.length && !a.misconceptions.length && !a.dismissed.length);
  if (ctx.search && asks && !a.facts.length && !(scenarioChanged && a.words <= 4)) {
    const prefer = [
      ...a.raised.map((id) => conceptById(ctx, id)?.section),
      ...a.misconceptions.map((m) => m.section),
    ]
      .filter((x): x is SectionLink => Boolean(x))
      .map((x) => `lessons/${x.lesson}#${x.anchor}`);
    course = answerFromCourse(ctx.search, message, { lesson: lab.lesson, fallback: lab.guide, prefer });
    if (course.text) parts.push(course.text);
    else course = null;
  }

  if (a.facts.length) {
    const read = a.readings.length
      ? ` (reading ${listJoin(a.readings.map((r) => `“${r.raw}” as ${r.read}`))})`
      : "";
    parts.push(`Let me put numbers on that${read}. ${a.facts.map((f) => f.text).join(" ")}`);
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
  // A question the course answered still gets the lab's own word on the first idea it names: the
  // passage says what the lesson teaches, the acknowledgement applies it to this lab's case.
  const acknowledge = course?.covered ? newly.slice(0, 1) : newly;
  acknowledge.forEach((c, i) => {
    if (i >= 2) return;
    // A number reply already speaks for the intervals concept; don't recite its acknowledgement too.
    if (a.facts.length && c.id === numbersConcept(lab)) {
      const scenarioNote = state.scenario ? c.scenarioNotes?.[state.scenario] : undefined;
      if (scenarioNote) parts.push(scenarioNote);
      return;
    }
    let text = fill(pick(c.acks, turn + i), ctx.values);
    const scenarioNote = state.scenario ? c.scenarioNotes?.[state.scenario] : undefined;
    if (scenarioNote) text += ` ${scenarioNote}`;
    parts.push(text);
  });
  if (acknowledge.length > 2) {
    parts.push(`You also raised ${listJoin(acknowledge.slice(2).map((c) => lowerFirst(c.label)))} — good.`);
  }
  if (note && verdict.reason !== "other-language") parts.push(note);
  else if (verdict.reason === "answer" && !parts.length) {
    parts.push(
      pick(
        [
          "That answers it in your own words — it counts. Let's make it concrete.",
          "Fair — I'll take that as your answer. Let's pin it to the lesson.",
        ],
        turn,
      ),
    );
  } else if (!newly.length && repeated.length && !a.facts.length && !correction && !course) {
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
    course !== null ||
    note !== null ||
    verdict.counts ||
    scenarioChanged;
  if (!recognised) {
    parts.push(
      verdict.reason === "off-topic"
        ? pick(
            [
              "I'm not sure which part of the method you mean — try naming it (the prompt, the decoding, who ran the test, the sample size…).",
              "Interesting. Can you tie that to something concrete about how the numbers were produced?",
            ],
            turn,
          )
        : pick(
            [
              "Say a little more — a sentence or two about what you'd check, and why.",
              "Could you expand on that? Tell me what you'd want to know and why it matters.",
            ],
            turn,
          ),
    );
  }

  for (const c of newly) state.covered.add(key(lab.options ? state.scenario : null, c.id));
  const newlyCovered = newly.map((c) => key(lab.options ? state.scenario : null, c.id));
  const exchanges = exchangesBefore + (verdict.counts ? 1 : 0);
  if (verdict.counts && exchanges === EXCHANGES_TO_COMPLETE) {
    const s = summarise(ctx, [...history, { role: "learner", text: message }]);
    const covered = s.concepts.filter((c) => c.covered).map((c) => lowerFirst(c.label));
    const missed = s.concepts.filter((c) => !c.covered).map((c) => lowerFirst(c.label));
    parts.push(
      `That's ${EXCHANGES_TO_COMPLETE} exchanges that each raised an idea or answered my question — the lab is complete. ` +
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
  return { text: reply, analysis: a, newlyCovered, verdict, course };
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
export function countsAsExchange(ctx: TutorContext, history: readonly Turn[], text: string): boolean {
  return exchangeVerdict(ctx, history, text).counts;
}
