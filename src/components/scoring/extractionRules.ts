// Answer-extraction rules: how a grader turns a model's free-text response into one answer letter.
// Every rule is a regular expression shown to the learner as written here; the same module scores
// the real MMLU-Pro responses at build time (in the data loader) and highlights matches in the page.

export type RuleId = "start" | "firstCapital" | "answerIs" | "lastLetter" | "fallbackChain";

export interface ExtractionRule {
  id: RuleId;
  /** Short name for legends and tables. */
  label: string;
  /** The pattern as a learner would read it. */
  pattern: string;
  /** What the rule does, in one sentence. */
  description: string;
}

export interface Extraction {
  /** The extracted letter, or null when the rule finds none. */
  letter: string | null;
  /** Where in the response the letter was found (index of the letter), or -1. */
  index: number;
}

// Letters A–J: MMLU-Pro questions have up to ten options.
const START = /^\s*(?:\*\*)?\(?([A-J])(?:\)|\.|:|\*\*|\s|$)/;
const STANDALONE = /\b([A-J])\b/g;
const ANSWER_IS = /answer is \(?([A-J])\)?/;
const ANSWER_COLON = /[aA]nswer:\s*\(?([A-J])\b/;

export const extractionRules: readonly ExtractionRule[] = [
  {
    id: "start",
    label: "Letter at the start",
    pattern: START.source,
    description: "Accepts the response only if it opens with the letter (optionally in brackets or bold).",
  },
  {
    id: "firstCapital",
    label: "First capital letter",
    pattern: `${STANDALONE.source}  (first match)`,
    description:
      "Takes the first standalone capital A–J anywhere, which can be the article “A” or an option the model is ruling out.",
  },
  {
    id: "answerIs",
    label: "“answer is (X)”",
    pattern: `${ANSWER_IS.source}  (first match)`,
    description:
      "Takes the letter after the phrase “answer is”: the rule MMLU-Pro's authors stored for these six models.",
  },
  {
    id: "lastLetter",
    label: "Last capital letter",
    pattern: `${STANDALONE.source}  (last match)`,
    description: "Takes the last standalone capital A–J, wherever the response ends up.",
  },
  {
    id: "fallbackChain",
    label: "Fallback chain",
    pattern: `${ANSWER_IS.source}  →  ${ANSWER_COLON.source}  →  last ${STANDALONE.source}`,
    description:
      "MMLU-Pro's later scripts: “answer is (X)”, else a line “Answer: X”, else the last standalone capital letter.",
  },
];

export const ruleIds: readonly RuleId[] = extractionRules.map((r) => r.id);

const none: Extraction = { letter: null, index: -1 };

function letterIndex(match: RegExpExecArray): number {
  // The captured letter is the last occurrence of that capital in the match ("Answer: (A" → the final A).
  return match.index + match[0].lastIndexOf(match[1]!);
}

function firstOf(re: RegExp, text: string): Extraction {
  const m = re.exec(text);
  return m?.[1] ? { letter: m[1], index: letterIndex(m) } : none;
}

function lastStandalone(text: string): Extraction {
  let found: Extraction = none;
  for (const m of text.matchAll(STANDALONE)) found = { letter: m[1]!, index: m.index };
  return found;
}

/** Apply one rule to a response. Non-strings and empty responses give no letter. */
export function extract(rule: RuleId, response: unknown): Extraction {
  if (typeof response !== "string" || response.trim() === "") return none;
  switch (rule) {
    case "start":
      return firstOf(START, response);
    case "firstCapital":
      return firstOf(new RegExp(STANDALONE.source), response);
    case "answerIs":
      return firstOf(ANSWER_IS, response);
    case "lastLetter":
      return lastStandalone(response);
    case "fallbackChain": {
      const a = firstOf(ANSWER_IS, response);
      if (a.letter) return a;
      const b = firstOf(ANSWER_COLON, response);
      if (b.letter) return b;
      return lastStandalone(response);
    }
  }
}

/** All rules on one response, in the order of `extractionRules`. */
export function extractAll(response: unknown): Record<RuleId, Extraction> {
  return Object.fromEntries(ruleIds.map((id) => [id, extract(id, response)])) as Record<RuleId, Extraction>;
}
