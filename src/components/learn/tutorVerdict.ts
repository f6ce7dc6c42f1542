// Whether a learner's message counts toward completing a lab (exchangeRule.ts judges; this feeds
// it the lab's side: what was said before, what is newly raised, what the tutor last asked and
// the words that are on topic), and the note that explains a message which doesn't count.
import { tokens } from "./courseSearch.js";
import { type ExchangeVerdict, judgeExchange, topicSet } from "./exchangeRule.js";
import { normaliseNumbers } from "./numberClaims.js";
import { type Analysis, analyse } from "./tutorAnalysis.js";
import { conceptById, conceptTexts, sectionText, type Turn, type TutorContext } from "./tutorContext.js";
import { askedAbout, isCovered, replay, type State } from "./tutorState.js";

export function judge(
  ctx: TutorContext,
  state: State,
  history: readonly Turn[],
  message: string,
  a: Analysis,
) {
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

/** Whether a learner message counts toward the three exchanges (before the tutor answers it). */
export function countsAsExchange(ctx: TutorContext, history: readonly Turn[], text: string): boolean {
  return exchangeVerdict(ctx, history, text).counts;
}

/** A reply that explains a message which doesn't count, so the learner knows what would. */
export function verdictNote(v: ExchangeVerdict): string | null {
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
