// The course index the lab tutor answers questions from, built at build time from the lesson pages
// themselves (src/lessons/*.md, and src/deeper/*.md when there are any) by the data loader
// src/data/course-index.json.ts. Every `##`/`###` section becomes a passage with its page, its
// heading's id (the one Framework gives it: markdown-it-anchor with @sindresorhus/slugify, so the
// same function here), and its text as a reader sees it: code cells dropped, `${…}` interpolations
// replaced by "…" (their values exist only in the browser), HTML tags stripped. Glossary entries
// (<dt>/<dd>) become passages of their own, callout labels become keywords of their section, and
// each bullet of a Sources section is a passage, so "where does GSM1k come from?" finds its note.
// Node only (the loader and the tests use it); the browser reads the JSON it produces.
import slugify from "@sindresorhus/slugify";
import MarkdownIt from "markdown-it";

export type EntryKind = "intro" | "section" | "term" | "source";

export interface CourseEntry {
  /** Stable within one build: page and position. */
  id: string;
  /** The page's path without the leading slash: "lessons/2", "deeper/pass-at-k". */
  page: string;
  /** How the page is named in a link: "Lesson 2", or a going-deeper page's title. */
  pageLabel: string;
  kind: EntryKind;
  /** The section heading (for a term: the term; for a source: its lead words). */
  heading: string;
  /** The heading's id on the page ("" for the top of the page). */
  anchor: string;
  /** The `##` heading a `###` section (or a term, or a source note) sits under. */
  parent: string;
  /** Callout labels and glossary terms inside the section: searched with the heading. */
  keywords: string;
  /** Plain text; "…" where the page interpolates a value. */
  text: string;
}

export interface CourseIndex {
  version: 1;
  entries: CourseEntry[];
}

export interface PageSource {
  page: string;
  pageLabel: string;
  markdown: string;
}

/** Marks an interpolation while the markdown is parsed; becomes "…" in the index text. */
const HOLE = "\uE000";

/** The end (exclusive) of a JavaScript expression starting at `i`, up to its closing brace. */
function skipExpression(s: string, i: number): number {
  let depth = 1;
  while (i < s.length) {
    const c = s[i]!;
    if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < s.length && s[i] !== c) i += s[i] === "\\" ? 2 : 1;
    } else if (c === "`") {
      i = skipTemplate(s, i + 1);
      continue;
    }
    i++;
  }
  return s.length;
}

/** The end (exclusive) of a template literal whose body starts at `i`. */
function skipTemplate(s: string, i: number): number {
  while (i < s.length) {
    const c = s[i]!;
    if (c === "\\") i += 2;
    else if (c === "`") return i + 1;
    else if (c === "$" && s[i + 1] === "{") i = skipExpression(s, i + 2);
    else i++;
  }
  return s.length;
}

/** Replace every `${…}` (nested template literals included) with a hole. */
export function replaceInterpolations(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf("${", i);
    if (at < 0) break;
    out += text.slice(i, at) + HOLE;
    i = skipExpression(text, at + 2);
  }
  return out + text.slice(i);
}

/** Drop YAML front matter; return it with the body. */
function frontMatter(md: string): { title: string | null; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(md);
  if (!m) return { title: null, body: md };
  const t = /^title:\s*(.+)$/m.exec(m[1]!);
  return { title: t ? t[1]!.trim().replace(/^["']|["']$/g, "") : null, body: md.slice(m[0].length) };
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  minus: "−",
  hellip: "…",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  times: "×",
  thinsp: " ",
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x?[0-9a-f]+|\w+);/gi, (all, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** Visible text of an HTML fragment (tags dropped; block tags end a sentence-like unit). */
export function htmlText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
      .replace(/<\/(p|div|li|dd|dt|h\d|td|th|tr)>/gi, " \n")
      .replace(/<[^>]*>/g, " "),
  );
}

const tidy = (s: string) =>
  s
    .replace(new RegExp(`${HOLE}+`, "g"), "…")
    .replace(/[ \t\r\n]+/g, " ")
    .replace(/\s+([,.;:!?)])/g, "$1")
    .replace(/\(\s+/g, "(")
    .trim();

type Token = ReturnType<MarkdownIt["parse"]>[number];

/** The text of an inline token as it reads on the page. */
function inlineText(token: Token): string {
  let out = "";
  for (const c of token.children ?? []) {
    if (c.type === "text" || c.type === "code_inline") out += c.content;
    else if (c.type === "softbreak" || c.type === "hardbreak") out += " ";
    else if (c.type === "html_inline") out += /^<br\b/i.test(c.content) ? " " : "";
  }
  return decodeEntities(out);
}

/** The heading text Framework slugifies: text and code children only (markdown-it-anchor). */
function headingSlugText(token: Token): string {
  return (token.children ?? [])
    .filter((c) => c.type === "text" || c.type === "code_inline")
    .map((c) => c.content)
    .join("")
    .replaceAll(HOLE, "");
}

/** markdown-it-anchor's unique ids: a repeated slug gets -1, -2, … */
function uniqueSlug(slug: string, taken: Set<string>): string {
  let id = slug;
  for (let i = 1; taken.has(id); i++) id = `${slug}-${i}`;
  taken.add(id);
  return id;
}

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });

interface Block {
  /** Index into the sections list. */
  section: number;
  text: string;
}

/** Split one page into passages. */
export function pageEntries({ page, pageLabel, markdown }: PageSource): CourseEntry[] {
  const { body } = frontMatter(markdown);
  const tokens = md.parse(replaceInterpolations(body), {});
  const taken = new Set<string>();
  interface Section {
    heading: string;
    anchor: string;
    level: number;
    parent: string;
    keywords: string[];
    blocks: string[];
    sources: boolean;
  }
  const sections: Section[] = [
    { heading: pageLabel, anchor: "", level: 1, parent: "", keywords: [], blocks: [], sources: false },
  ];
  const terms: Array<{ section: number; term: string; text: string }> = [];
  const sourceNotes: Block[] = [];
  let current = 0;
  let h2 = "";
  let listDepth = 0;
  let item: string[] | null = null;
  let row: string[] | null = null;

  const push = (text: string) => {
    if (!text.trim()) return;
    if (row) {
      row.push(text.trim());
      return;
    }
    if (item && sections[current]!.sources && listDepth === 1) item.push(text);
    else sections[current]!.blocks.push(text);
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "heading_open") {
      const inline = tokens[i + 1]!;
      const level = Number(t.tag.slice(1));
      const anchor = uniqueSlug(slugify(headingSlugText(inline)), taken);
      const heading = tidy(inlineText(inline).replaceAll(HOLE, ""));
      i += 2;
      if (level === 1) continue;
      if (level > 3) {
        push(heading);
        continue;
      }
      if (level === 2) h2 = heading;
      sections.push({
        heading,
        anchor,
        level,
        parent: level === 2 ? "" : h2,
        keywords: [],
        blocks: [],
        sources: level === 2 && /^sources?\b/i.test(heading),
      });
      current = sections.length - 1;
      continue;
    }
    if (t.type === "tr_open") row = [];
    else if (t.type === "tr_close" && row) {
      const cells = row.filter(Boolean);
      row = null;
      if (cells.length) push(cells.join(" — "));
    } else if (t.type === "bullet_list_open" || t.type === "ordered_list_open") listDepth++;
    else if (t.type === "bullet_list_close" || t.type === "ordered_list_close") listDepth--;
    else if (t.type === "list_item_open" && listDepth === 1 && sections[current]!.sources) item = [];
    else if (t.type === "list_item_close" && listDepth === 1 && item) {
      sourceNotes.push({ section: current, text: item.join(" ") });
      item = null;
    } else if (t.type === "inline") push(inlineText(t));
    else if (t.type === "html_block") {
      const html = t.content;
      for (const m of html.matchAll(/\blabel="([^"]+)"/g))
        sections[current]!.keywords.push(decodeEntities(m[1]!));
      for (const m of html.matchAll(/<dt[^>]*>([\s\S]*?)<\/dt>\s*<dd[^>]*>([\s\S]*?)<\/dd>/gi)) {
        const term = tidy(htmlText(m[1]!));
        sections[current]!.keywords.push(term);
        terms.push({ section: current, term, text: tidy(htmlText(m[2]!)) });
      }
      // Cards are visual summaries (a title, a badge, a phrase): read as prose they quote badly.
      if (!/class="[^"]*\bcard\b/.test(html)) push(htmlText(html));
    }
    // fence, code_block: code cells are not prose.
  }

  const entries: CourseEntry[] = [];
  const base = (s: Section) => ({ page, pageLabel, anchor: s.anchor });
  sections.forEach((s, k) => {
    // A block that ends without punctuation (a card's title, a table row) still ends a sentence.
    const text = tidy(
      s.blocks.map((b) => (/[.!?:;…]["”’)]?\s*$/.test(b.trim()) ? b : `${b.trim()}.`)).join(" \n"),
    );
    if (k === 0 && !text) return;
    entries.push({
      id: `${page}#${s.anchor}`,
      ...base(s),
      kind: k === 0 ? "intro" : "section",
      heading: s.heading,
      parent: s.parent,
      keywords: s.keywords.map(tidy).join(" · "),
      text,
    });
  });
  terms.forEach((t, k) => {
    const s = sections[t.section]!;
    entries.push({
      id: `${page}#${s.anchor}/term-${k}`,
      ...base(s),
      kind: "term",
      heading: t.term,
      parent: s.heading,
      keywords: "",
      text: t.text,
    });
  });
  sourceNotes.forEach((n, k) => {
    const s = sections[n.section]!;
    const text = tidy(n.text);
    entries.push({
      id: `${page}#${s.anchor}/source-${k}`,
      ...base(s),
      kind: "source",
      heading: text.split(/[:.—]/)[0]!.slice(0, 80).trim(),
      parent: s.heading,
      keywords: "",
      text,
    });
  });
  return entries;
}

export function buildCourseIndex(pages: readonly PageSource[]): CourseIndex {
  return { version: 1, entries: pages.flatMap(pageEntries) };
}

/** A lesson or going-deeper page's label: "Lesson 2", or its title without the site's name. */
export function pageLabelFor(dir: "lessons" | "deeper", file: string, markdown: string): string {
  const name = file.replace(/\.md$/, "");
  if (dir === "lessons") return `Lesson ${name}`;
  const { title, body } = frontMatter(markdown);
  const h1 = /^# (.+)$/m.exec(body)?.[1];
  return tidy(replaceInterpolations(title ?? h1 ?? name).replaceAll(HOLE, "")).replace(/\s*\|.*$/, "");
}
