// Tolerant recognition of the concepts a learner's message raises: phrases matched word by word
// after light stemming (inflections), with typos forgiven by edit distance, a couple of filler words
// allowed inside a phrase, and negation read per clause ("not the shot count", "X doesn't matter").
// Pure: text in, matches out.

/** A message split into clauses of normalised words. */
export interface Clause {
  words: string[];
  /** The clause ended with a question mark. */
  question: boolean;
}

export interface ConceptLike {
  id: string;
  terms: string[];
}

export interface ConceptMatch {
  id: string;
  /** The term that matched, as written in the rubric. */
  term: string;
  /** Raised and not negated or set aside: counts as covered. */
  raised: boolean;
  /** "not the shot count": named only to be excluded. */
  negated: boolean;
  /** "the shot count doesn't matter": named and dismissed (the tutor pushes back). */
  dismissed: boolean;
}

const NUMBER_WORDS = new Set([
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "twenty",
  "few",
]);

/** Real words that sit one typo away from a rubric word and must not be read as it. */
const FUZZY_EXCLUDE = new Set([
  "internal",
  "internals",
  "short",
  "shoot",
  "shut",
  "shop",
  "sport",
  "temper",
  "person",
  "versions",
  "tone",
  "target",
  "style",
  "votes",
  "notes",
  "arch",
  "area",
  "are",
  "arc",
  // "arent" (a negator) and "arena"; "gsm8k" and "gsm1k" are different tests.
  "arena",
  "arent",
  "gsm8k",
  "gsm1k",
]);

const NEGATORS = new Set([
  "not",
  "no",
  "never",
  "dont",
  "doesnt",
  "didnt",
  "isnt",
  "arent",
  "wasnt",
  "werent",
  "wont",
  "cant",
  "cannot",
  "shouldnt",
  "neednt",
  "hardly",
  "nothing",
]);
/** Words that make a negated clause a dismissal: "doesn't matter", "isn't a problem". */
const DISMISS_PREDICATES = [
  "matter",
  "relevant",
  "important",
  "necessary",
  "need",
  "affect",
  "issue",
  "problem",
  "concern",
  "care",
  "worry",
  "difference",
  "deal",
  "change",
];
/** Words that dismiss on their own: "ignore the decoding", "skip the pilot". */
const DISMISS_VERBS = new Set([
  "ignore",
  "skip",
  "irrelevant",
  "unimportant",
  "negligible",
  "overrated",
  "pointless",
]);
/** A clause that only wonders ("whether", "if") doesn't dismiss. */
const HEDGES = new Set(["whether", "if", "know", "sure", "unclear", "check", "ask"]);
/** Words allowed between a negator and the concept it negates: "not the shot count". */
const FILLERS = new Set([
  "the",
  "a",
  "an",
  "about",
  "just",
  "only",
  "really",
  "its",
  "their",
  "his",
  "her",
  "any",
  "so",
  "much",
  "even",
  "due",
  "to",
  "because",
  "of",
]);

/** Lowercase words of a text: apostrophes dropped (don't → dont), other punctuation a space. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9.#*%\s-]+/g, " ")
    .replace(/(\d)-(?=[a-z])/g, "$1 ")
    .replace(/-/g, " ")
    .split(/\s+/)
    .map((w) => w.replace(/^\.+|\.+$/g, ""))
    .filter((w) => w.length > 0);
}

/** Split a message into clauses at sentence and clause punctuation and at contrast words. */
export function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  const parts = text.split(/([.;:!?,\n]+(?=\s|$)|\s(?:but|however|although|though|whereas|while)\s)/i);
  for (let i = 0; i < parts.length; i += 2) {
    const body = parts[i] ?? "";
    const sep = parts[i + 1] ?? "";
    const w = words(body);
    if (w.length) out.push({ words: w, question: sep.includes("?") });
  }
  return out;
}

/** Split a message into sentences (for misconceptions, which often span a comma). */
export function sentences(text: string): Clause[] {
  const out: Clause[] = [];
  const parts = text.split(/([.;!?\n]+(?=\s|$))/);
  for (let i = 0; i < parts.length; i += 2) {
    const w = words(parts[i] ?? "");
    if (w.length) out.push({ words: w, question: (parts[i + 1] ?? "").includes("?") });
  }
  return out;
}

/** A light stemmer: plurals, -ing, -ed and a final e, so "prompted", "prompting", "prompts" meet. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let s = word;
  if (s.endsWith("ies") && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith("sses")) s = s.slice(0, -2);
  else if (s.endsWith("s") && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith("ing") && s.length > 5) s = s.slice(0, -3);
  else if (s.endsWith("ed") && s.length > 4) s = s.slice(0, -2);
  if (s.endsWith("e") && s.length > 4) s = s.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(s) && s.length > 4 && !s.endsWith("ll") && !s.endsWith("ss"))
    s = s.slice(0, -1);
  return s;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

/** Typos forgiven for a word of this length. */
const tolerance = (length: number) => (length >= 9 ? 2 : length >= 5 ? 1 : 0);

type TermToken =
  | { kind: "word"; stem: string }
  | { kind: "prefix"; prefix: string }
  | { kind: "number" }
  | { kind: "regex"; re: RegExp };

interface CompiledTerm {
  source: string;
  tokens: TermToken[];
  /** The words of the term run together ("few shot" → "fewshot"), for "fewshot" in a message. */
  joined: string | null;
}

const compiled = new Map<string, CompiledTerm>();

export function compileTerm(term: string): CompiledTerm {
  const cached = compiled.get(term);
  if (cached) return cached;
  let tokens: TermToken[];
  if (term.startsWith("re:")) {
    tokens = [{ kind: "regex", re: new RegExp(term.slice(3)) }];
  } else {
    tokens = words(term).map((w): TermToken => {
      if (w === "#") return { kind: "number" };
      if (w.endsWith("*")) return { kind: "prefix", prefix: w.slice(0, -1) };
      return { kind: "word", stem: stem(w) };
    });
  }
  const plain = tokens.every((t) => t.kind === "word" || t.kind === "prefix");
  const joined =
    plain && tokens.length > 1
      ? tokens.map((t) => (t.kind === "word" ? t.stem : t.kind === "prefix" ? t.prefix : "")).join("")
      : null;
  const c = { source: term, tokens, joined };
  compiled.set(term, c);
  return c;
}

function tokenMatches(t: TermToken, word: string): boolean {
  switch (t.kind) {
    case "number":
      return /^\d+(\.\d+)?%?$/.test(word) || NUMBER_WORDS.has(word);
    case "regex":
      return t.re.test(word);
    case "prefix": {
      if (word.startsWith(t.prefix)) return true;
      const L = t.prefix.length;
      const tol = tolerance(L);
      if (tol === 0 || word[0] !== t.prefix[0] || FUZZY_EXCLUDE.has(word)) return false;
      for (let len = L - tol; len <= L + tol; len++) {
        if (len < 1 || len > word.length) continue;
        if (editDistance(word.slice(0, len), t.prefix, tol) <= tol) return true;
      }
      return false;
    }
    case "word": {
      const s = stem(word);
      if (s === t.stem || word === t.stem) return true;
      const tol = tolerance(Math.min(word.length, t.stem.length + 1));
      if (tol === 0 || word[0] !== t.stem[0] || FUZZY_EXCLUDE.has(word)) return false;
      return editDistance(s, t.stem, tol) <= tol;
    }
  }
}

const MAX_GAP = 2;

/** Where a term occurs in a list of words: [start, end) of each occurrence. */
export function findTerm(term: string, list: readonly string[]): Array<[number, number]> {
  const c = compileTerm(term);
  const hits: Array<[number, number]> = [];
  if (c.tokens.length === 0) return hits;
  for (let start = 0; start < list.length; start++) {
    if (c.joined && list[start] === c.joined) {
      hits.push([start, start + 1]);
      continue;
    }
    if (!tokenMatches(c.tokens[0]!, list[start]!)) continue;
    let pos = start;
    let ok = true;
    for (let k = 1; k < c.tokens.length; k++) {
      let found = -1;
      for (let j = pos + 1; j <= Math.min(list.length - 1, pos + 1 + MAX_GAP); j++) {
        if (tokenMatches(c.tokens[k]!, list[j]!)) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      pos = found;
    }
    if (ok) hits.push([start, pos + 1]);
  }
  return hits;
}

/** Does any of the terms occur in the clause? */
export function clauseHas(clause: Clause, terms: readonly string[]): boolean {
  return terms.some((t) => (t === "?" ? clause.question : findTerm(t, clause.words).length > 0));
}

function isNegatedAt(list: readonly string[], start: number): boolean {
  for (let i = start - 1, seen = 0; i >= 0 && seen < 3; i--) {
    const w = list[i]!;
    if (NEGATORS.has(w)) return true;
    if (!FILLERS.has(w)) return false;
    seen++;
  }
  return false;
}

function isDismissal(clause: Clause, span: [number, number]): boolean {
  // Words of the concept's own name ("shot count") are not predicates ("doesn't count").
  const w = clause.words.filter((_, i) => i < span[0] || i >= span[1]);
  if (clause.question || w.some((x) => HEDGES.has(x))) return false;
  const negated = w.some((x) => NEGATORS.has(x));
  const verb = w.some((x) => DISMISS_VERBS.has(x) || DISMISS_VERBS.has(stem(x)));
  if (verb) return !negated; // "skip the pilot" dismisses; "don't skip the pilot" doesn't
  if (!negated) return false;
  return w.some((x) => DISMISS_PREDICATES.some((p) => x === p || stem(x) === p || stem(x) === stem(p)));
}

/**
 * The concepts a message raises, one match per concept (the strongest reading wins: a clause that
 * raises it beats one that negates or dismisses it).
 */
export function recognise(text: string, concepts: readonly ConceptLike[]): ConceptMatch[] {
  const cls = clauses(text);
  const out: ConceptMatch[] = [];
  for (const concept of concepts) {
    let best: ConceptMatch | null = null;
    for (const clause of cls) {
      for (const term of concept.terms) {
        const hits = findTerm(term, clause.words);
        if (!hits.length) continue;
        const dismissed = isDismissal(clause, hits[0]!);
        const negated = !dismissed && hits.every(([start]) => isNegatedAt(clause.words, start));
        const m: ConceptMatch = { id: concept.id, term, raised: !dismissed && !negated, negated, dismissed };
        if (!best || (m.raised && !best.raised) || (m.dismissed && !best.raised && !best.dismissed)) best = m;
        if (best.raised) break;
      }
      if (best?.raised) break;
    }
    if (best) out.push(best);
  }
  return out;
}

/** The number of words in a message (for "at least 8 words"). */
export function wordCount(text: string): number {
  return words(text).filter((w) => /[a-z0-9]/.test(w)).length;
}
