// Answers from the course's own text: the lab tutor searches the course index (built from the
// lesson pages at build time, see courseIndex.ts) with MiniSearch — fuzzy and prefix matching,
// headings and glossary terms weighted above body text — and answers a question with the passage's
// point in two or three sentences and a link to its section. When a question names something no
// page mentions, it says so and links the closest section instead. Pure apart from MiniSearch's
// own index (built once per index object).
import MiniSearch, { type SearchResult } from "minisearch";
import { editDistance } from "./concepts.js";
import type { CourseEntry, CourseIndex } from "./courseIndex.js";

/** Words that carry no topic: function words, question openers, chat filler. */
export const STOP_WORDS = new Set(
  (
    "a about above after again against all also am an and any are arent as at be because been before being below " +
    "between both but by can cant could couldnt did didnt do does doesnt doing dont down during each either else " +
    "ever every few for from further get gets got had hadnt has hasnt have havent having he her here hers herself " +
    "him himself his how however i id if ill im in into is isnt it its itself ive just let lets like me mean means " +
    "meant more most much must my myself need no nor not now of off often ok okay on once one only or other ought " +
    "our ours ourselves out over own please quite rather really said same say says see shall she should shouldnt " +
    "so some something such tell than that thats the their theirs them themselves then there theres these they " +
    "theyre thing things think this those though through to too under until up upon us very want was wasnt way we " +
    "well were werent what whats when where whether which while who whom whose why will with within without wont " +
    "would wouldnt yes yet you your youre yours yourself explain describe define definition give show know " +
    "understand talk anything everything course lesson lessons site page tutor hi hello hey thanks thank sure " +
    "matter matters mattered important really exactly works " +
    "maybe actually basically kind sort bit lot lots many use used using go going happen happens done make made"
  ).split(" "),
);

/** Common English words beyond the stop words, so that a plain sentence reads as words. */
export const COMMON = new Set(
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

/** Lowercase, apostrophes dropped ("Goodhart's" → "goodharts"), accents kept as letters. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/['’`]/g, "");
}

/** Words of a text (letters and digits, any script), in order. */
export function tokens(text: string): string[] {
  return normalise(text).match(/[\p{L}\p{M}\p{N}]+(?:[.,]\d+)?/gu) ?? [];
}

/**
 * A light English stemmer shared by the index and the queries, so "contaminated",
 * "contamination" and "contaminating" meet at "contaminat", and "rankings" at "rank".
 */
export function searchStem(word: string): string {
  let s = word;
  if (s.length <= 3 || /\d/.test(s) || /[^a-z]/.test(s)) return s;
  if (s.endsWith("ies") && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith("sses")) s = s.slice(0, -2);
  else if (s.endsWith("s") && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith("ations") || s.endsWith("ation")) s = s.replace(/ations?$/, "at");
  else if (s.endsWith("ment") && s.length > 7) s = s.slice(0, -4);
  else if (s.endsWith("ing") && s.length > 5) s = s.slice(0, -3);
  else if (s.endsWith("ed") && s.length > 4) s = s.slice(0, -2);
  else if (s.endsWith("ly") && s.length > 5) s = s.slice(0, -2);
  if (s.endsWith("e") && s.length > 4) s = s.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(s) && s.length > 4 && !/(ll|ss)$/.test(s)) s = s.slice(0, -1);
  return s;
}

/** The topic words of a text: stemmed, without stop words and one-letter tokens. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokens(text)) {
    if (t.length < 2 || STOP_WORDS.has(t)) continue;
    const s = searchStem(t);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

// ---- questions -------------------------------------------------------------------------------

/** Openers that ask for information ("what is…", "explain…"). */
const INFO_OPENERS =
  /^(?:what|whats|why|how|hows|when|where|which|who|whom|whose|tell me|explain|describe|define|clarify|remind me|show me|give me|walk me through|help me understand|i dont understand|i dont get|im confused|im not sure what|meaning of|definition of|can you explain|could you explain|can you tell me|could you tell me|would you explain|please explain|please tell me)\b/;
/** Openers of a yes/no question ("should we…", "is it…"). */
const YES_NO_OPENERS =
  /^(?:should|shall|is|are|was|were|do|does|did|can|could|would|will|has|have|had|isnt|arent|doesnt|dont|didnt|cant|couldnt|wouldnt|shouldnt|might|may)\b/;
/** Discourse words before the real opener: "so what should we do?", "ok, but why…". */
const LEAD_IN =
  /^(?:(?:so|ok|okay|and|but|then|well|hmm+|right|alright|now|also|sorry|hi|hello|hey|please|wait|yes|no)\b[\s,.!:-]*)+/;

export type QuestionKind = "info" | "yes-no" | null;

/**
 * Whether a message asks something: "info" for a question that asks to be told or explained
 * (an interrogative or imperative opening: what, why, how, tell me, explain…), "yes-no" for a
 * question with a question mark or a should/is/can opening, null for a statement.
 */
export function questionKind(text: string): QuestionKind {
  const firstSentence = text.trim().split(/(?<=[.!?])\s+/);
  for (const sentence of firstSentence) {
    const s = normalise(sentence)
      .replace(/^[^\p{L}\p{N}]+/u, "")
      .replace(LEAD_IN, "");
    if (INFO_OPENERS.test(s)) return "info";
  }
  const s = normalise(text.trim())
    .replace(/^[^\p{L}\p{N}]+/u, "")
    .replace(LEAD_IN, "");
  if (/\?/.test(text) || YES_NO_OPENERS.test(s)) return "yes-no";
  return null;
}

// ---- search ----------------------------------------------------------------------------------

export interface CourseHit {
  entry: CourseEntry;
  score: number;
  /** The question's content terms this passage matched. */
  matched: string[];
}

export interface CourseSearch {
  index: CourseIndex;
  search(
    query: string,
    options?: { lesson?: string | number | null; sources?: boolean; prefer?: readonly string[] },
  ): CourseHit[];
  /** Whether a stemmed term occurs anywhere in the course (exactly, or as a prefix). */
  knows(term: string): boolean;
  /** Every stemmed word of the course. */
  vocabulary: ReadonlySet<string>;
  /** The question with misspelt words replaced by the course word they are a typo of. */
  correct(text: string): string;
}

const processTerm = (term: string): string | null => {
  const t = normalise(term);
  if (t.length < 2 || STOP_WORDS.has(t)) return null;
  return searchStem(t);
};

const KIND_WEIGHT: Record<CourseEntry["kind"], number> = { section: 1, term: 1.1, intro: 0.7, source: 0.15 };
/** A question about provenance ("where does … come from?") reads the Sources notes at full weight. */
const ABOUT_SOURCES =
  /\b(?:sources?|come from|comes from|came from|cite[sd]?|citation|reference[sd]?|provenance|where (?:is|are|was|were|did|does|do) .* from|data ?set|dataset|repository|repo)\b/i;

const built = new WeakMap<CourseIndex, CourseSearch>();

export function createCourseSearch(index: CourseIndex): CourseSearch {
  const had = built.get(index);
  if (had) return had;
  const byId = new Map(index.entries.map((e) => [e.id, e]));
  const mini = new MiniSearch<CourseEntry>({
    fields: ["heading", "keywords", "parent", "text"],
    storeFields: [],
    processTerm,
    tokenize: (text) => tokens(text),
    searchOptions: {
      boost: { heading: 3, keywords: 2.5, parent: 1.2, text: 1 },
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: "OR",
    },
  });
  mini.addAll(index.entries);
  const vocabulary = new Set<string>();
  const words = new Set<string>();
  for (const e of index.entries) {
    for (const t of tokens(`${e.heading} ${e.keywords} ${e.text}`)) {
      words.add(t);
      vocabulary.add(searchStem(t));
    }
  }
  const wordList = [...words].filter((w) => w.length >= 5 && !/\d/.test(w));
  const correct = (text: string) =>
    text.replace(/[\p{L}\p{M}]{5,}/gu, (raw) => {
      const w = normalise(raw);
      if (words.has(w) || vocabulary.has(searchStem(w)) || STOP_WORDS.has(w)) return raw;
      const tol = w.length >= 9 ? 2 : 1;
      let best: string | null = null;
      let bestD = tol + 1;
      for (const v of wordList) {
        if (v[0] !== w[0] || Math.abs(v.length - w.length) > tol) continue;
        const d = editDistance(v, w, tol);
        if (d < bestD) {
          bestD = d;
          best = v;
        }
      }
      return best ?? raw;
    });
  const sorted = [...vocabulary].sort();
  const knows = (term: string) => {
    if (vocabulary.has(term)) return true;
    if (term.length < 4) return false;
    // Binary search for the first word with this prefix.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    // A longer word counts when it only adds an ending ("eval" → "evaluat"), not a new word.
    for (let k = lo; k < sorted.length && sorted[k]!.startsWith(term); k++) {
      if (sorted[k]!.length - term.length <= 4) return true;
    }
    return false;
  };

  const search: CourseSearch["search"] = (query, options = {}) => {
    const lesson = options.lesson == null ? null : `lessons/${options.lesson}`;
    const sources = options.sources ?? ABOUT_SOURCES.test(query);
    const results: SearchResult[] = mini.search(query, {
      boostDocument: (id) => {
        const e = byId.get(id as string);
        if (!e) return 1;
        // A "###" section is part of its "##" section: on a near tie, the whole section answers.
        const part = e.kind === "section" && e.parent ? 0.9 : 1;
        const kind = (e.kind === "source" && sources ? 1 : KIND_WEIGHT[e.kind]) * part;
        const preferred = options.prefer?.includes(`${e.page}#${e.anchor}`) ? 2.5 : 1;
        // On a near tie the lessons answer; a going-deeper page answers what they do not cover.
        const deeper = e.page.startsWith("deeper/") ? 0.8 : 1;
        return kind * preferred * deeper * (lesson && e.page === lesson ? 1.25 : 1);
      },
    });
    return results.map((r) => ({
      entry: byId.get(r.id as string)!,
      score: r.score,
      matched: [...new Set(r.queryTerms)],
    }));
  };
  const s: CourseSearch = { index, search, knows, vocabulary, correct };
  built.set(index, s);
  return s;
}

// ---- answers ---------------------------------------------------------------------------------

/** "What is…", "what's…", "define…", "what does … mean": asks for a definition. */
const DEFINITION =
  /^(?:what is|whats|what are|what was|define|definition of|meaning of|what does .+ mean|what do you mean by|explain what)\b/;

/** The link text and address of a passage's section, from a page one level below the root. */
export function sectionLink(entry: CourseEntry): { label: string; href: string } {
  const heading = entry.kind === "section" ? entry.heading : entry.kind === "intro" ? "" : entry.parent;
  return {
    label: heading ? `${entry.pageLabel} · ${heading}` : entry.pageLabel,
    href: `../${entry.page}${entry.anchor ? `#${entry.anchor}` : ""}`,
  };
}

/** "[Lesson 2 · Goodhart's law in action →](../lessons/2#goodharts-law…)" */
export function linkMarkdown(entry: CourseEntry): string {
  const { label, href } = sectionLink(entry);
  // Brackets in a heading would end the link text early.
  return `[${label.replace(/[[\]]/g, "")} →](${href})`;
}

/** A passage's sentences (split after . ! ? followed by a capital, a quote or a digit). */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z0-9“"(*])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const FIGURE_TALK =
  /\b(?:drag|slider|sliders|below|above|click|hover|point at|tab to|the figure|this figure|the chart|the panel|here is|here are|try it|watch the)\b/i;

/** A sentence that tells the reader to work a control: "Set two scores…", "Choose a model…". */
const INSTRUCTION = /^(?:set|choose|pick|move|press|toggle|switch|slide|select|open|scroll|find it)\b/i;

/** Up to `max` consecutive sentences around the one that best matches the terms. */
export function passagePoint(text: string, terms: readonly string[], max = 3, maxChars = 480): string {
  const all = splitSentences(text);
  if (!all.length) return "";
  // A sentence that needs the figure beside it, or a value only the page computes, doesn't stand alone.
  const usable = (s: string) =>
    !s.includes("…") &&
    s.length >= 20 &&
    s.length <= 420 &&
    !FIGURE_TALK.test(s) &&
    !INSTRUCTION.test(s) &&
    !/[:]$/.test(s);
  const scoreOf = (s: string) => {
    const words = new Set(tokens(s).map(searchStem));
    return terms.filter((t) => words.has(t) || [...words].some((w) => w.startsWith(t))).length;
  };
  let best = -1;
  let bestScore = -1;
  all.forEach((s, i) => {
    if (!usable(s)) return;
    const sc = scoreOf(s);
    if (sc > bestScore) {
      best = i;
      bestScore = sc;
    }
  });
  if (best < 0) return "";
  // A definition sentence reads better with the one before it when it starts mid-thought.
  let start = best;
  if (
    start > 0 &&
    /^(?:this|that|it|they|these|those|so|but|and|then|here)\b/i.test(all[start]!) &&
    usable(all[start - 1]!)
  )
    start--;
  const out: string[] = [];
  let chars = 0;
  for (let i = start; i < all.length && out.length < max; i++) {
    const s = all[i]!;
    if (!usable(s)) break;
    if (out.length && chars + s.length > maxChars) break;
    out.push(s);
    chars += s.length;
  }
  return out.join(" ");
}

export interface CourseAnswer {
  /** The question names something the course covers. */
  covered: boolean;
  /** Content terms no page mentions. */
  unknown: string[];
  /** The passage answered from (or the closest one). */
  entry: CourseEntry | null;
  /** The section linked (a term links the section it is defined in). */
  text: string;
}

/**
 * Answer a question from the course: the best passage's point and a link to its section, or —
 * when the question names something no page mentions — "The course doesn't cover that" with the
 * closest section. `fallback` is searched when the question has no topic words of its own
 * ("so what should we do?").
 */
export function answerFromCourse(
  search: CourseSearch,
  question: string,
  {
    lesson = null,
    fallback = null,
    prefer = [],
  }: {
    lesson?: string | number | null;
    fallback?: string | null;
    /** Sections ("lessons/3#a-protocol…") to weight up: those of the lab ideas the question names. */
    prefer?: readonly string[];
  } = {},
): CourseAnswer {
  question = search.correct(question);
  let terms = contentTerms(question);
  let query = question;
  if (!terms.length && fallback) {
    query = fallback;
    terms = contentTerms(fallback);
  }
  if (!terms.length) return { covered: false, unknown: [], entry: null, text: "" };
  // A word the lessons never use makes the question one they don't cover — unless it is everyday
  // English ("big", "weather" is not) that a lesson could simply have phrased differently.
  const unknown = terms.filter((t) => !search.knows(t) && t.length >= 4 && !COMMON.has(t));
  // A question too vague to search is answered from the lab's own brief, and so from the lessons.
  const vague = query !== question;
  const hits = search
    .search(query, { lesson, prefer })
    .filter((h) => !vague || h.entry.page.startsWith("lessons/"));
  const what = /\b(?:paper|study|article|report|preprint|blog|post)\b/i.test(question)
    ? "that source"
    : "that";
  if (!hits.length) {
    return {
      covered: false,
      unknown,
      entry: null,
      text: `The course doesn't cover ${what} — nothing in the lessons mentions ${quoteList(unknown.length ? unknown : terms, question)}.`,
    };
  }
  let best = hits[0]!;
  // "What is X?" is best answered by X's glossary entry, when there is one.
  if (DEFINITION.test(normalise(question).replace(LEAD_IN, ""))) {
    const term = hits.find(
      (h) =>
        h.entry.kind === "term" &&
        h.score >= best.score * 0.2 &&
        contentTerms(h.entry.heading).every((t) => terms.includes(t)),
    );
    if (term) best = term;
  }
  // Answer from the best passage. A glossary term links the section about it when there is one
  // (else the glossary's own section); a source note gives way to a section nearly as relevant.
  let entry = best.entry;
  let linked = entry;
  if (entry.kind === "term" || entry.kind === "source") {
    const section = hits.find(
      (h) =>
        h.entry.kind === "section" &&
        h.entry.anchor !== entry.anchor &&
        h.score >= best.score * 0.5 &&
        best.matched.every((t) => h.matched.includes(t)),
    );
    if (section && entry.kind === "term") linked = section.entry;
    if (section && entry.kind === "source" && section.score >= best.score * 0.8) {
      entry = section.entry;
      linked = section.entry;
    }
  }
  let body = passagePoint(entry.text, terms) || passagePoint(entry.text, []);
  if (!body) {
    // A section that is all figure instructions: answer from the next passage that stands alone.
    for (const h of hits) {
      if (h === best || h.score < best.score * 0.4 || h.entry.kind === "source") continue;
      const text = passagePoint(h.entry.text, terms);
      if (text) {
        entry = h.entry;
        linked = h.entry;
        body = text;
        break;
      }
    }
  }
  if (unknown.length) {
    // Mostly unknown words: off the course's subject, and no section is "closest" in any useful sense.
    const specific = best.matched.filter((t) => !COMMON.has(t) && !unknown.includes(t));
    const closest =
      unknown.length * 2 < terms.length && specific.length
        ? ` The closest section is ${linkMarkdown(linked)}`
        : "";
    return {
      covered: false,
      unknown,
      entry: closest ? linked : null,
      text: `The course doesn't cover ${what} — nothing in the lessons mentions ${quoteList(unknown, question)}.${closest}`,
    };
  }
  const lead = entry.kind === "term" ? `**${entry.heading}**: ` : "";
  return {
    covered: true,
    unknown: [],
    entry: linked,
    text: body
      ? `${lead}${body} ${linkMarkdown(linked)}`
      : `The lesson works through that with a figure you can drive — ${linkMarkdown(linked)}`,
  };
}

/** The words of the question the unknown stems came from, quoted: “illusion”. */
function quoteList(stems: readonly string[], question: string): string {
  const words = tokens(question);
  const shown = stems.slice(0, 3).map((s) => {
    const w = words.find((x) => searchStem(x) === s) ?? s;
    return `“${w}”`;
  });
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}`;
}
