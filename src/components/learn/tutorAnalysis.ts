// The built-in tutor's reading of one learner message: which of the lab's ideas it raises or
// dismisses, which misconception it states, the numbers it quotes (computed), the scenario it
// picks (Lab 4) and whether it asks something. Pure in (context, text), so analyses are cached.
import type { LabBrief, Misconception } from "../../content/labs.js";
import { type ConceptMatch, clauseHas, recognise, sentences, wordCount } from "./concepts.js";
import { questionKind } from "./courseSearch.js";
import { type ComputedFact, computeFacts, type NumberReading, normaliseNumbers } from "./numberClaims.js";
import type { TutorContext } from "./tutorContext.js";

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
export function numbersConcept(lab: LabBrief): string | null {
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
