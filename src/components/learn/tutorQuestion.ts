// The question that ends each of the built-in tutor's replies: which scenario to work on (Lab 4),
// else an idea of the lab not raised yet (moving past the one just asked about), else an
// invitation to go further once the checklist is covered.
import { fill, type TutorContext } from "./tutorContext.js";
import { isCovered, type State } from "./tutorState.js";
import { listJoin, lowerFirst, pick } from "./tutorWords.js";

/** The question for reply number `turn`; `avoid` is the concept the previous reply asked about. */
export function question(ctx: TutorContext, state: State, turn: number, avoid: string | null): string {
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
  if (!missing.length) return whenAllCovered(ctx, state, turn);
  // The first missing concept, rotating past one just asked about.
  const concept = missing.length > 1 && avoid && missing[0]!.id === avoid ? missing[1]! : missing[0]!;
  const scenarioQ = state.scenario ? concept.scenarioQuestions?.[state.scenario] : undefined;
  const options = scenarioQ ? [scenarioQ, ...concept.questions] : concept.questions;
  return fill(pick(options, turn), ctx.values);
}

/** Every idea is covered (in this scenario): another scenario, or a claim of the learner's own. */
function whenAllCovered(ctx: TutorContext, state: State, turn: number): string {
  const { lab } = ctx;
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
