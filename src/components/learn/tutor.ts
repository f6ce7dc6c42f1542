// The built-in tutor: deterministic, offline and driven by the lab's rubric (content/labs.ts).
// It reads which concepts a message raises, acknowledges them specifically, corrects a
// misconception, answers numbers with the statistics core, and asks about a concept still
// missing — never the same reply twice in a row. Its state is rebuilt from the conversation,
// so a reloaded page continues where it left off. Pure: no DOM, no storage, no clock.
// The pieces: tutorContext (the lab), tutorAnalysis (reading a message), tutorState (the
// conversation so far), tutorVerdict (does it count), tutorAnswers and tutorQuestion (the reply).
import type { SectionLink } from "../../content/labs.js";
import type { CourseAnswer } from "./courseSearch.js";
import type { ExchangeVerdict } from "./exchangeRule.js";
import { type Analysis, analyse } from "./tutorAnalysis.js";
import {
  acknowledgements,
  correctionFor,
  correctionPart,
  courseAnswer,
  followUp,
  nudge,
  numbersPart,
  type Reading,
  raisedConcepts,
  scenarioIntro,
} from "./tutorAnswers.js";
import type { Turn, TutorContext } from "./tutorContext.js";
import { question } from "./tutorQuestion.js";
import { askedAbout, key, replay, type State } from "./tutorState.js";
import { judge, verdictNote } from "./tutorVerdict.js";
import { listJoin, lowerFirst } from "./tutorWords.js";

// labMeter.ts takes the context's type from here.
export type { TutorContext } from "./tutorContext.js";

import { EXCHANGES_TO_COMPLETE } from "./transcript.js";

export { EXCHANGES_TO_COMPLETE };

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

export interface ReplyOptions {
  /** Exchanges already completed before this message. */
  exchangesBefore: number;
}

/** How the message reads, after taking its scenario into `state`. */
function read(ctx: TutorContext, state: State, history: readonly Turn[], message: string): Reading {
  const a = analyse(ctx, message);
  const verdict = judge(ctx, state, history, message, a);
  const previousScenario = state.scenario;
  if (a.scenario) state.scenario = a.scenario;
  const scenarioChanged = a.scenario !== null && a.scenario !== previousScenario;
  return {
    a,
    verdict,
    note: verdictNote(verdict),
    turn: state.turns,
    scenarioChanged,
    course: courseAnswer(ctx, a, message, scenarioChanged),
    correction: correctionFor(a, state),
    ...raisedConcepts(ctx, state, a),
  };
}

/** Said when this message completes the lab: what was covered and what is still worth a look. */
function completionNote(ctx: TutorContext, history: readonly Turn[], message: string): string {
  const s = summarise(ctx, [...history, { role: "learner", text: message }]);
  const covered = s.concepts.filter((c) => c.covered).map((c) => lowerFirst(c.label));
  const missed = s.concepts.filter((c) => !c.covered).map((c) => lowerFirst(c.label));
  return (
    `That's ${EXCHANGES_TO_COMPLETE} exchanges that each raised an idea or answered my question — the lab is complete. ` +
    (covered.length ? `You covered ${listJoin(covered)}. ` : "") +
    (missed.length
      ? `Still worth a look: ${listJoin(missed)} — the summary below links to the lesson sections.`
      : "You covered every point on the checklist.")
  );
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
  const state = replay(ctx, history);
  const r = read(ctx, state, history, message);
  const { a, verdict, turn, course } = r;
  const parts = [
    ...(r.note && verdict.reason === "other-language" ? [r.note] : []),
    ...scenarioIntro(ctx, a, r.scenarioChanged),
    ...(course ? [course.text] : []),
    ...numbersPart(a),
    ...correctionPart(ctx, r),
    ...acknowledgements(ctx, state, r),
  ];
  parts.push(...followUp(ctx, state, r, parts.length), ...nudge(r));

  const scenarioKey = (id: string) => key(ctx.lab.options ? state.scenario : null, id);
  for (const c of r.newly) state.covered.add(scenarioKey(c.id));
  const newlyCovered = r.newly.map((c) => scenarioKey(c.id));
  if (verdict.counts && exchangesBefore + 1 === EXCHANGES_TO_COMPLETE)
    parts.push(completionNote(ctx, history, message));

  const avoid = askedAbout(ctx, state.lastReply);
  let reply = [...parts, question(ctx, state, turn, avoid)].join("\n\n");
  if (reply === state.lastReply) reply = [...parts, question(ctx, state, turn + 1, avoid)].join("\n\n");
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
