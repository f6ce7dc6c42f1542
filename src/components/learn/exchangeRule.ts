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
import { COMMON, contentTerms, normalise, STOP_WORDS, searchStem, tokens } from "./courseSearch.js";

export type ExchangeReason =
  | "concept"
  | "deeper"
  | "numbers"
  | "answer"
  | "other-language"
  | "repeat"
  | "echo"
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
  /** The message asks something (a question is no answer to the tutor's question). */
  question?: boolean;
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

/** The placeholder text ("lorem ipsum dolor sit amet…"), word for word. */
const LOREM = new Set(
  (
    "lorem ipsum dolor sit amet consectetur consectetuer adipiscing adipisicing elit sed do eiusmod tempor " +
    "incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris " +
    "nisi aliquip ex ea commodo consequat duis aute irure reprehenderit voluptate velit esse cillum fugiat " +
    "nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim " +
    "id est laborum"
  ).split(" "),
);
const KEYBOARD = [
  "qwer",
  "wert",
  "erty",
  "rtyu",
  "tyui",
  "yuio",
  "uiop",
  "asdf",
  "sdfg",
  "dfgh",
  "fghj",
  "ghjk",
  "hjkl",
  "zxcv",
  "xcvb",
  "cvbn",
  "vbnm",
];

/** A token that is no word in any language: placeholder Latin, keyboard runs, no vowels, one letter over and over. */
export function isJunk(word: string): boolean {
  const w = word.toLowerCase();
  if (LOREM.has(w)) return true;
  if (KEYBOARD.some((k) => w.includes(k))) return true;
  if (w.length >= 3 && !/[aeiouyàâäéèêëïîôöùûüÿæœåøáíóúñ]/.test(w)) return true;
  if (/(.)\1\1/.test(w)) return true;
  return /[bcdfghjklmnpqrstvwxz]{6,}/.test(w);
}

/** Function words of other languages written in Latin letters (French, Spanish, German, Italian, Portuguese, Dutch, Polish…). */
const FOREIGN = new Set(
  (
    "le la les des du une est et avec pour pas que qui dans sur ce cette sont ont été peut " +
    "el los las del una es y con por para que se su lo como pero más muy " +
    "der die das und ist nicht mit ein eine sind auf für zu dem den von wie auch " +
    "il di che non è con per gli della sono una un nel " +
    "os um uma não com para são ao dos das mais " +
    "het een en van niet zijn op voor met " +
    "och att är inte med på som " +
    "jest się nie na że z do to w"
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

/**
 * How a Latin-script message reads: its words, those known in English (function words, common
 * English, the course's vocabulary), those that are no word at all, and another language's
 * function words or accented letters.
 */
export function wordShare(
  message: string,
  known: (stem: string) => boolean,
): { words: number; known: number; junk: number; foreign: number; accents: boolean } {
  const ws = (normalise(message).match(/\p{L}{2,}/gu) ?? []).filter((w) => /^\p{Script=Latin}+$/u.test(w));
  let k = 0;
  let junk = 0;
  let foreign = 0;
  for (const w of ws) {
    const isKnown = STOP_WORDS.has(w) || COMMON.has(w) || known(searchStem(w));
    if (isKnown && !LOREM.has(w)) k++;
    else if (isJunk(w)) junk++;
    if (FOREIGN.has(w) && !STOP_WORDS.has(w)) foreign++;
  }
  return { words: ws.length, known: k, junk, foreign, accents: /[à-ÿąćęłńśźżőű]/i.test(message) };
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
    if (parts.length >= 3 && distinct / parts.length < 0.5) return verdict(false, "echo");
    const longEnough =
      script.cjk >= script.other / 2 ? script.other >= 12 : script.other >= 30 && parts.length >= 5;
    return longEnough ? verdict(true, "other-language") : verdict(false, "too-short");
  }

  const all = tokens(message).filter((t) => /\p{L}/u.test(t));
  if (all.length >= 3 && new Set(all).size / all.length < 0.5) return verdict(false, "echo");
  const share = wordShare(message, input.known);
  if (share.words >= 2 && share.junk / share.words >= 0.5) return verdict(false, "non-words");
  // Another language in Latin letters: as fair as another script — an answer when long enough.
  if (share.words >= 5 && share.known / share.words < 0.4 && (share.foreign >= 2 || share.accents)) {
    return verdict(
      tokens(message).join("").length >= 30,
      tokens(message).join("").length >= 30 ? "other-language" : "too-short",
    );
  }

  const terms = contentTerms(message);
  const before = new Set(earlier.flatMap((e) => contentTerms(e)));
  const fresh = terms.filter((t) => !before.has(t) && !/^\d/.test(t));

  if (input.raisedNew.length) return verdict(true, "concept");
  if (input.numbers.length) {
    const seen = new Set(earlier.flatMap((e) => tokens(e).filter((t) => /^\d/.test(t))));
    if (input.numbers.some((n) => !seen.has(n))) return verdict(true, "numbers");
  }
  const overlap = terms.filter((t) => input.asked.has(t)).length;
  if (!input.question) {
    if (terms.length >= 3 && overlap >= 2 && fresh.length >= 2) return verdict(true, "answer");
    if (input.newScenario && terms.length >= 3 && fresh.length >= 2) return verdict(true, "answer");
    if (input.raised.length && fresh.length >= 3) return verdict(true, "deeper");
  }
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
    case "other-language":
      return "counts (read as your answer — the built-in tutor reads English best)";
    case "repeat":
      return "doesn't count: it repeats an earlier message";
    case "echo":
      return "doesn't count: it repeats the same words";
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
