// Where a conversation with the built-in tutor stands, rebuilt from its turns (so a reloaded page
// continues where it left off): which ideas are covered (per scenario in Lab 4), the scenario in
// play, the misconceptions already corrected, and what the tutor has said and last asked.
import { analyse } from "./tutorAnalysis.js";
import { fill, type Turn, type TutorContext } from "./tutorContext.js";

export interface State {
  covered: Set<string>;
  scenario: string | null;
  turns: number;
  lastReply: string | null;
  /** Every tutor reply so far. */
  said: string[];
  corrected: Set<string>;
}

/** The coverage key of a concept: "shots", or "legal:shift" in a lab with scenarios. */
export const key = (scenario: string | null, concept: string) =>
  scenario ? `${scenario}:${concept}` : concept;

export function replay(ctx: TutorContext, history: readonly Turn[]): State {
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

export function isCovered(
  ctx: TutorContext,
  state: State,
  concept: string,
  scenario = state.scenario,
): boolean {
  if (!ctx.lab.options) return state.covered.has(concept);
  return state.covered.has(key(scenario, concept));
}

/** The concept the previous tutor reply asked about (so the next question can move on). */
export function askedAbout(ctx: TutorContext, reply: string | null): string | null {
  if (!reply) return null;
  for (const c of ctx.lab.concepts) {
    const qs = [...c.questions, ...Object.values(c.scenarioQuestions ?? {})].map((q) =>
      fill(q ?? "", ctx.values),
    );
    if (qs.some((q) => q && reply.includes(q))) return c.id;
  }
  return null;
}
