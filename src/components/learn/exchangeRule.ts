// When a learner's message counts toward completing a lab. A lab completes on three exchanges that
// each raise one of the lab's ideas or answer the tutor's question — never on length alone. A
// message counts when it
//   - raises an idea of the lab not raised before, or
//   - brings numbers the tutor computes that weren't in an earlier message, or
//   - answers the tutor's question: words of its own (three or more topic words) that share at
//     least two topic words with the question and what it asks about, and add something new, or
//   - goes further on an idea already raised with at least three topic words not used before, or
//   - is written in another script (Arabic, Chinese, Cyrillic…) and is long enough to be an answer:
//     the built-in tutor can't read it, so it takes it as the answer to its question rather than
//     reject it for its script (and says that it reads English best).
// It does not count when it repeats an earlier message (or one word over and over), or when most of
// its words are not words (lorem ipsum, keyboard mash). Pure: everything it needs is passed in.
import { contentTerms, normalise, STOP_WORDS, searchStem, tokens } from "./courseSearch.js";

export type ExchangeReason =
  | "concept"
  | "deeper"
  | "numbers"
  | "answer"
  | "other-script"
  | "repeat"
  | "non-words"
  | "nothing-new"
  | "off-topic"
  | "too-short";

export interface ExchangeVerdict {
  counts: boolean;
  reason: ExchangeReason;
}

export interface ExchangeInput {
  message: string;
  /** The learner's earlier messages, oldest first. */
  earlier: readonly string[];
  /** Lab ideas this message raises. */
  raised: readonly string[];
  /** Of those, the ones no earlier message raised. */
  raisedNew: readonly string[];
  /** Numbers in the message the tutor computed something for (normalised, e.g. "85 83.5 mmlu"). */
  numbers: readonly string[];
  /** The learner picked a scenario it hadn't picked before (Lab 4). */
  newScenario: boolean;
  /** Stemmed topic words of the tutor's last question and of what it asks about. */
  asked: ReadonlySet<string>;
  /** Whether a stemmed word is a known word (the course's vocabulary, the lab's, common English). */
  known: (stem: string) => boolean;
}

/** Common English words beyond the stop words, so that a plain sentence reads as words. */
const COMMON = new Set(
  (
    "able add again ago agree along already always another answer answers anyone apart area ask asked " +
    "away back bad based big both bring call came care case cases change check chose choose clear close come " +
    "compare comparing consider correct could cost day days decide deal depend depends did differ " +
    "difference different doubt easy either end enough even exactly example fact fair far feel felt find " +
    "fine first fix follow found free full gave give given good great group guess half hand hard help high " +
    "hold hope idea important instead issue keep kept large last later least less little long look looks " +
    "lost low main matter maybe might mind miss model models money month months move name near never new " +
    "next nice number numbers old open order part people person pick place plan point points possible " +
    "pretty probably problem put question questions quick read real reason right run said same saw score " +
    "scores second seem seems seen sense set short shown side simple since small someone sound start still " +
    "stop strong study sure take team tell test tests than thought three time times today together told " +
    "took trust true try turn two type understand unless wait want week whole wide word words work world " +
    "worse worth wrong year years yes"
  ).split(" "),
);

/** Letters of a text by script: Latin, and everything else. */
export function scriptCounts(text: string): { latin: number; other: number; cjk: number } {
  let latin = 0;
  let other = 0;
  let cjk = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    if (/\p{Script=Latin}/u.test(ch)) latin++;
    else {
      other++;
      if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) cjk++;
    }
  }
  return { latin, other, cjk };
}

/** A message compared with earlier ones: case, punctuation and spacing ignored. */
export function sameText(a: string, b: string): boolean {
  const n = (s: string) => tokens(s).join(" ");
  return n(a) === n(b) && n(a) !== "";
}

/** The words of a message that read as words: function words, common English, the course's vocabulary. */
export function wordShare(
  message: string,
  known: (stem: string) => boolean,
): { words: number; known: number } {
  const ws = (normalise(message).match(/\p{L}{2,}/gu) ?? []).filter((w) => /^\p{Script=Latin}+$/u.test(w));
  let k = 0;
  for (const w of ws) if (STOP_WORDS.has(w) || COMMON.has(w) || known(searchStem(w))) k++;
  return { words: ws.length, known: k };
}

export function judgeExchange(input: ExchangeInput): ExchangeVerdict {
  const { message, earlier } = input;
  const verdict = (counts: boolean, reason: ExchangeReason): ExchangeVerdict => ({ counts, reason });
  if (!tokens(message).length) return verdict(false, "too-short");
  // "ok" twice is not a repeat worth remarking on: it says nothing either time.
  const says = contentTerms(message).length > 0 || input.numbers.length > 0 || input.raised.length > 0;
  if (says && earlier.some((e) => sameText(e, message))) return verdict(false, "repeat");

  // Another script: counted as an answer when long enough, unless it only repeats itself.
  const script = scriptCounts(message);
  if (script.other > script.latin) {
    const parts = tokens(message);
    const distinct = new Set(parts).size;
    if (parts.length >= 3 && distinct / parts.length < 0.5) return verdict(false, "repeat");
    const longEnough =
      script.cjk >= script.other / 2 ? script.other >= 12 : script.other >= 30 && parts.length >= 5;
    return longEnough ? verdict(true, "other-script") : verdict(false, "too-short");
  }

  const all = tokens(message).filter((t) => /\p{L}/u.test(t));
  if (all.length >= 3 && new Set(all).size / all.length < 0.5) return verdict(false, "repeat");
  const share = wordShare(message, input.known);
  if (share.words >= 3 && share.known / share.words < 0.5) return verdict(false, "non-words");

  const terms = contentTerms(message);
  const before = new Set(earlier.flatMap((e) => contentTerms(e)));
  const fresh = terms.filter((t) => !before.has(t) && !/^\d/.test(t));

  if (input.raisedNew.length) return verdict(true, "concept");
  if (input.numbers.length) {
    const seen = new Set(earlier.flatMap((e) => tokens(e).filter((t) => /^\d/.test(t))));
    if (input.numbers.some((n) => !seen.has(n))) return verdict(true, "numbers");
  }
  const overlap = terms.filter((t) => input.asked.has(t)).length;
  if (terms.length >= 3 && overlap >= 2 && fresh.length >= 2) return verdict(true, "answer");
  if (input.newScenario && terms.length >= 3 && fresh.length >= 2) return verdict(true, "answer");
  if (input.raised.length && fresh.length >= 3) return verdict(true, "deeper");
  if (input.raised.length || input.numbers.length) return verdict(false, "nothing-new");
  return verdict(false, terms.length >= 3 ? "off-topic" : "too-short");
}

/** What the message's tag says, for a message that counts and one that doesn't. */
export function exchangeTag(v: ExchangeVerdict): string {
  switch (v.reason) {
    case "concept":
    case "deeper":
    case "numbers":
    case "answer":
      return "counts";
    case "other-script":
      return "counts (read as your answer — the built-in tutor reads English best)";
    case "repeat":
      return "doesn't count: it repeats an earlier message";
    case "non-words":
      return "doesn't count: most of it doesn't read as words";
    case "nothing-new":
      return "doesn't count: it makes a point you've already made";
    default:
      return "doesn't count: raise an idea from the lesson or answer the tutor's question";
  }
}

/** The topic words of a text, as a set. */
export function topicSet(...texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((t) => contentTerms(t)));
}
