// The pieces of the built-in tutor's reply to one message, in the order they are said: the
// scenario's introduction, the course's answer to a question, the numbers, a correction or a
// push-back, the acknowledgement of each new idea, a follow-up, and a nudge when nothing was
// recognised. Each builder reads the message's analysis and the conversation's state.
import type { LabConcept, Misconception, SectionLink } from "../../content/labs.js";
import { answerFromCourse, type CourseAnswer } from "./courseSearch.js";
import type { ExchangeVerdict } from "./exchangeRule.js";
import { type Analysis, numbersConcept } from "./tutorAnalysis.js";
import { conceptById, fill, type TutorContext } from "./tutorContext.js";
import { isCovered, type State } from "./tutorState.js";
import { listJoin, lowerFirst, pick } from "./tutorWords.js";

/** One message as the reply sees it. */
export interface Reading {
  a: Analysis;
  verdict: ExchangeVerdict;
  /** Why the message doesn't count (or the other-language note), if it needs saying. */
  note: string | null;
  /** The learner's turn number (varies the wording). */
  turn: number;
  scenarioChanged: boolean;
  course: CourseAnswer | null;
  correction: Misconception | undefined;
  /** Ideas raised for the first time (in this scenario), and ideas raised again. */
  newly: LabConcept[];
  repeated: LabConcept[];
}

/** The ideas the message raises, split into new and already covered. */
export function raisedConcepts(ctx: TutorContext, state: State, a: Analysis) {
  const newly: LabConcept[] = [];
  const repeated: LabConcept[] = [];
  for (const id of a.raised) {
    const c = conceptById(ctx, id);
    if (!c) continue;
    if (isCovered(ctx, state, id)) repeated.push(c);
    else newly.push(c);
  }
  return { newly, repeated };
}

/** A misconception to correct: one not corrected before, else the first stated. */
export const correctionFor = (a: Analysis, state: State) =>
  a.misconceptions.find((m) => !state.corrected.has(m.id)) ?? a.misconceptions[0];

export function scenarioIntro(ctx: TutorContext, a: Analysis, changed: boolean): string[] {
  if (!ctx.lab.options || !a.scenario || !changed) return [];
  const option = ctx.lab.options.find((o) => o.id === a.scenario);
  return option ? [option.intro] : [];
}

/**
 * A question is answered from the course's own text, with a link to the section — unless it is
 * about numbers (the statistics answer it) or only picks a scenario. Null when nothing answers it.
 */
export function courseAnswer(ctx: TutorContext, a: Analysis, message: string, scenarioChanged: boolean) {
  const asks =
    a.question === "info" ||
    (a.question === "yes-no" && !a.raised.length && !a.misconceptions.length && !a.dismissed.length);
  if (!ctx.search || !asks || a.facts.length || (scenarioChanged && a.words <= 4)) return null;
  const prefer = [
    ...a.raised.map((id) => conceptById(ctx, id)?.section),
    ...a.misconceptions.map((m) => m.section),
  ]
    .filter((x): x is SectionLink => Boolean(x))
    .map((x) => `lessons/${x.lesson}#${x.anchor}`);
  const course = answerFromCourse(ctx.search, message, {
    lesson: ctx.lab.lesson,
    fallback: ctx.lab.guide,
    prefer,
  });
  return course.text ? course : null;
}

export function numbersPart(a: Analysis): string[] {
  if (!a.facts.length) return [];
  const read = a.readings.length
    ? ` (reading ${listJoin(a.readings.map((r) => `“${r.raw}” as ${r.read}`))})`
    : "";
  return [`Let me put numbers on that${read}. ${a.facts.map((f) => f.text).join(" ")}`];
}

/** The correction of a misconception, else a push-back on an idea the learner set aside. */
export function correctionPart(ctx: TutorContext, r: Reading): string[] {
  if (r.correction) return [fill(r.correction.correction, ctx.values)];
  const dismissed = r.a.dismissed.map((id) => conceptById(ctx, id)).find((c): c is LabConcept => Boolean(c));
  if (!dismissed) return [];
  return [
    `I'd push back on setting aside ${lowerFirst(dismissed.label)}: ${fill(dismissed.why, ctx.values)}`,
  ];
}

/** The lab's own word on each new idea (two at most; the rest named). */
export function acknowledgements(ctx: TutorContext, state: State, r: Reading): string[] {
  // A question the course answered still gets the lab's own word on the first idea it names: the
  // passage says what the lesson teaches, the acknowledgement applies it to this lab's case.
  const acknowledge = r.course?.covered ? r.newly.slice(0, 1) : r.newly;
  const parts: string[] = [];
  acknowledge.slice(0, 2).forEach((c, i) => {
    const scenarioNote = state.scenario ? c.scenarioNotes?.[state.scenario] : undefined;
    // A number reply already speaks for the intervals concept; don't recite its acknowledgement too.
    if (r.a.facts.length && c.id === numbersConcept(ctx.lab)) {
      if (scenarioNote) parts.push(scenarioNote);
      return;
    }
    const text = fill(pick(c.acks, r.turn + i), ctx.values);
    parts.push(scenarioNote ? `${text} ${scenarioNote}` : text);
  });
  if (acknowledge.length > 2) {
    parts.push(`You also raised ${listJoin(acknowledge.slice(2).map((c) => lowerFirst(c.label)))} — good.`);
  }
  return parts;
}

/** Why it doesn't count; or, for an answer with nothing else said, that it counts; or going deeper on a repeat. */
export function followUp(ctx: TutorContext, state: State, r: Reading, saidSoFar: number): string[] {
  if (r.note && r.verdict.reason !== "other-language") return [r.note];
  if (r.verdict.reason === "answer" && !saidSoFar) {
    return [
      pick(
        [
          "That answers it in your own words — it counts. Let's make it concrete.",
          "Fair — I'll take that as your answer. Let's pin it to the lesson.",
        ],
        r.turn,
      ),
    ];
  }
  if (r.newly.length || !r.repeated.length || r.a.facts.length || r.correction || r.course) return [];
  // Going deeper on a point already made: give the acknowledgement not yet shown, if any.
  const c = r.repeated[0]!;
  const unseen = c.acks.map((t) => fill(t, ctx.values)).find((t) => !state.said.some((s) => s.includes(t)));
  if (unseen) return [unseen];
  return [
    pick(
      [
        `You've already made the point about ${lowerFirst(c.label)} — let's take it somewhere new.`,
        `Yes, ${lowerFirst(c.label)} again — agreed, and it's covered. Let's look at another angle.`,
      ],
      r.turn,
    ),
  ];
}

/** When nothing in the message was recognised: ask for more, or for a tie to the method. */
export function nudge(r: Reading): string[] {
  const { a } = r;
  const recognised =
    a.matches.length > 0 ||
    a.facts.length > 0 ||
    a.misconceptions.length > 0 ||
    r.course !== null ||
    r.note !== null ||
    r.verdict.counts ||
    r.scenarioChanged;
  if (recognised) return [];
  const options =
    r.verdict.reason === "off-topic"
      ? [
          "I'm not sure which part of the method you mean — try naming it (the prompt, the decoding, who ran the test, the sample size…).",
          "Interesting. Can you tie that to something concrete about how the numbers were produced?",
        ]
      : [
          "Say a little more — a sentence or two about what you'd check, and why.",
          "Could you expand on that? Tell me what you'd want to know and why it matters.",
        ];
  return [pick(options, r.turn)];
}
