// The Markdown that chat models answer with, read into a small syntax tree — never into HTML.
// Paragraphs (a single newline is a line break, as in chat), **strong**, *emphasis*, ~~strike~~,
// `code`, fenced code, headings, bullet and numbered lists (nested), block quotes, rules, GFM pipe
// tables, $…$ / \(…\) and $$…$$ / \[…\] formulas, links and bare URLs.
// Safe by construction: raw HTML stays text (only <br> is read, as a line break); images become
// their alt text; a link keeps its address only if it is http(s) or mailto — anything else
// (javascript:, data:, relative) is shown as text. Nothing here touches the DOM.
// Fast on hostile input: every pass is linear (delimiters matched with CommonMark's stack and its
// "openers bottom", code spans and formulas found through precomputed positions), and nesting is
// capped, so 1 MB of asterisks or brackets parses in milliseconds. Incomplete input — the text of
// a message still streaming — gives a sensible tree: an unclosed ``` fence is code to the end, an
// unclosed ** is literal asterisks.
import { texToText } from "./texText.js";

export type Align = "left" | "center" | "right" | null;

export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong" | "em" | "del"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] }
  | { type: "math"; tex: string; text: string }
  | { type: "break" };

export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "list"; ordered: boolean; start: number; tight: boolean; items: Block[][] }
  | { type: "code"; lang: string; text: string; closed: boolean }
  | { type: "quote"; children: Block[] }
  | { type: "table"; align: Align[]; head: Inline[][]; rows: Inline[][][] }
  | { type: "math"; tex: string; text: string; closed: boolean }
  | { type: "rule" };

/** Lists and quotes nested deeper than this are read as plain paragraphs. */
export const MAX_BLOCK_DEPTH = 6;
/** Inline formatting nested deeper than this is dropped (the text stays). */
export const MAX_INLINE_DEPTH = 8;
/** Link addresses longer than this are not links. */
export const MAX_URL = 2048;
/** Table columns beyond this are dropped. */
export const MAX_COLUMNS = 32;

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** A link to a page of this site, relative to a lab page ("../lessons/2#goodharts-law…"). */
const SITE_PAGE = /^\.\.\/(?:lessons|deeper|quizzes|labs|tools)\/[\w-]+(?:#[\w-]*)?$/;

/** The address as a safe absolute http(s)/mailto URL, or a link to a page of this site, or null. */
export function safeHref(raw: string): string | null {
  if (!raw || raw.length > MAX_URL) return null;
  if (SITE_PAGE.test(raw)) return raw;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
}

// ---- blocks -----------------------------------------------------------------------------------

const isBlank = (line: string) => /^[ \t]*$/.test(line);
const indentOf = (line: string) => /^ */.exec(line)![0].length;
const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/;
const RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const QUOTE = /^ {0,3}> ?/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*)|$)/;
const HEADING_START = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const MATH_OPEN = /^ {0,3}(\$\$|\\\[)/;

/** Tabs at the start of a line count as four spaces. */
function expandTabs(line: string): string {
  if (!line.includes("\t")) return line;
  const lead = /^[ \t]*/.exec(line)![0];
  let width = 0;
  for (const c of lead) width = c === "\t" ? width + 4 - (width % 4) : width + 1;
  return " ".repeat(width) + line.slice(lead.length);
}

function headingOf(line: string): { level: number; text: string } | null {
  const m = HEADING_START.exec(line);
  if (!m) return null;
  let text = line.slice(m[0].length).trim();
  // An optional closing run of #s, if it stands apart: "## Title ##".
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  if (end < text.length && (end === 0 || text[end - 1] === " " || text[end - 1] === "\t"))
    text = text.slice(0, end).trim();
  return { level: m[1]!.length, text };
}

/** Split a table row into cells at unescaped pipes. */
function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  const cells: string[] = [];
  let cell = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "\\" && s[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (c === "|") {
      cells.push(cell.trim());
      cell = "";
      if (cells.length > MAX_COLUMNS) break;
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

function isTableStart(line: string, next: string | undefined): boolean {
  if (next === undefined || !line.includes("|") || !DELIMITER_ROW.test(next)) return false;
  if (!next.includes("|") && !line.trim().startsWith("|")) {
    // "a | b" over "---" would otherwise make every paragraph above a rule a table.
    if (!/^ {0,3}:?-+:?[ \t]*$/.test(next)) return false;
  }
  return splitRow(line).length === splitRow(next).length;
}

/** Whether a line begins a block that ends a paragraph. */
function startsBlock(line: string, next?: string): boolean {
  return (
    HEADING_START.test(line) ||
    FENCE.test(line) ||
    QUOTE.test(line) ||
    RULE.test(line) ||
    MATH_OPEN.test(line) ||
    (LIST_ITEM.test(line) && !isBlank(LIST_ITEM.exec(line)![4] ?? "")) ||
    isTableStart(line, next)
  );
}

function parseLines(lines: string[], depth: number): Block[] {
  const blocks: Block[] = [];
  if (depth >= MAX_BLOCK_DEPTH) {
    // Too deep: what is left is text.
    const text = lines
      .filter((l) => !isBlank(l))
      .map((l) => l.trim())
      .join("\n");
    if (text) blocks.push({ type: "paragraph", children: parseInline(text) });
    return blocks;
  }
  let i = 0;
  const n = lines.length;
  while (i < n) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    // Fenced code: to the closing fence, or to the end while it is still arriving.
    const fence = FENCE.exec(line);
    if (fence) {
      const mark = fence[1]!;
      const indent = indentOf(line);
      const body: string[] = [];
      let closed = false;
      i++;
      while (i < n) {
        const l = lines[i]!;
        const t = l.trim();
        if (indentOf(l) < 4 && t.length >= mark.length && t[0] === mark[0] && /^(`+|~+)$/.test(t)) {
          closed = true;
          i++;
          break;
        }
        body.push(l.slice(Math.min(indent, indentOf(l))));
        i++;
      }
      const info = fence[2] ?? "";
      const lang = /^[\w+#.-]{1,30}$/.test(info) ? info : "";
      blocks.push({ type: "code", lang, text: body.join("\n"), closed });
      continue;
    }
    // Display formula: $$ … $$ or \[ … \].
    const mathOpen = MATH_OPEN.exec(line);
    if (mathOpen) {
      const close = mathOpen[1] === "$$" ? "$$" : "\\]";
      const first = line.slice(mathOpen[0].length);
      const body: string[] = [];
      let closed = false;
      const firstEnd = first.indexOf(close);
      if (firstEnd >= 0) {
        body.push(first.slice(0, firstEnd));
        closed = true;
        i++;
        const after = first.slice(firstEnd + close.length).trim();
        const tex = body.join("\n").trim();
        blocks.push({ type: "math", tex, text: texToText(tex), closed });
        if (after) blocks.push({ type: "paragraph", children: parseInline(after) });
        continue;
      }
      body.push(first);
      i++;
      while (i < n) {
        const l = lines[i]!;
        const end = l.indexOf(close);
        i++;
        if (end >= 0) {
          body.push(l.slice(0, end));
          closed = true;
          break;
        }
        body.push(l);
      }
      const tex = body.join("\n").trim();
      blocks.push({ type: "math", tex, text: texToText(tex), closed });
      continue;
    }
    const heading = headingOf(line);
    if (heading) {
      blocks.push({ type: "heading", level: heading.level, children: parseInline(heading.text) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: "rule" });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < n && QUOTE.test(lines[i]!)) {
        body.push(lines[i]!.replace(QUOTE, ""));
        i++;
      }
      blocks.push({ type: "quote", children: parseLines(body, depth + 1) });
      continue;
    }
    if (LIST_ITEM.test(line)) {
      i = parseList(lines, i, depth, blocks);
      continue;
    }
    if (isTableStart(line, lines[i + 1])) {
      const head = splitRow(line).slice(0, MAX_COLUMNS);
      const align: Align[] = splitRow(lines[i + 1]!)
        .slice(0, head.length)
        .map((c) => {
          const left = c.startsWith(":");
          const right = c.endsWith(":");
          return left && right ? "center" : right ? "right" : left ? "left" : null;
        });
      i += 2;
      const rows: Inline[][][] = [];
      while (i < n && !isBlank(lines[i]!) && lines[i]!.includes("|") && !startsBlock(lines[i]!)) {
        const cells = splitRow(lines[i]!);
        rows.push(head.map((_, k) => parseInline(cells[k] ?? "")));
        i++;
      }
      blocks.push({ type: "table", align, head: head.map((c) => parseInline(c)), rows });
      continue;
    }
    // A paragraph: up to a blank line or the start of another block.
    const para: string[] = [line.trim()];
    i++;
    while (i < n && !isBlank(lines[i]!) && !startsBlock(lines[i]!, lines[i + 1])) {
      para.push(lines[i]!.trim());
      i++;
    }
    blocks.push({ type: "paragraph", children: parseInline(para.join("\n")) });
  }
  return blocks;
}

/** A list starting at line `start`; returns the index of the first line after it. */
function parseList(lines: string[], start: number, depth: number, out: Block[]): number {
  const first = LIST_ITEM.exec(lines[start]!)!;
  const ordered = /\d/.test(first[2]!);
  const list: Block & { type: "list" } = {
    type: "list",
    ordered,
    start: ordered ? Number.parseInt(first[2]!, 10) : 1,
    tight: true,
    items: [],
  };
  const n = lines.length;
  let i = start;
  while (i < n) {
    const m = LIST_ITEM.exec(lines[i]!);
    if (!m || /\d/.test(m[2]!) !== ordered || RULE.test(lines[i]!)) break;
    const markerIndent = m[1]!.length;
    const spaces = m[3] ?? "";
    const contentIndent =
      markerIndent + m[2]!.length + (m[4] === undefined || spaces.length > 4 ? 1 : spaces.length);
    const need = Math.min(contentIndent, markerIndent + 2);
    const item: string[] = m[4] === undefined ? [] : [m[4]];
    let fenceOpen = FENCE.test(item[0] ?? "");
    let lastBlank = false;
    i++;
    while (i < n) {
      const l = lines[i]!;
      if (isBlank(l)) {
        item.push("");
        lastBlank = true;
        i++;
        continue;
      }
      const ind = indentOf(l);
      if (ind >= need) {
        const inner = l.slice(Math.min(ind, contentIndent));
        if (FENCE.test(inner)) fenceOpen = !fenceOpen;
        item.push(inner);
        lastBlank = false;
        i++;
        continue;
      }
      // A lazy continuation of the item's last paragraph line.
      if (!lastBlank && !fenceOpen && !startsBlock(l, lines[i + 1])) {
        item.push(l.trim());
        i++;
        continue;
      }
      break;
    }
    // Trailing blank lines belong between items, not to the item.
    let trailing = 0;
    while (item.length > 0 && item[item.length - 1] === "") {
      item.pop();
      trailing++;
    }
    if (item.includes("")) list.tight = false;
    list.items.push(parseLines(item, depth + 1));
    if (trailing > 0) {
      // A blank line then another item of this list: the list goes on (and is loose).
      const next = lines[i];
      const nm = next === undefined ? null : LIST_ITEM.exec(next);
      if (nm && /\d/.test(nm[2]!) === ordered && !RULE.test(next!)) {
        list.tight = false;
        continue;
      }
      break; // the blank lines are left to the caller
    }
  }
  out.push(list);
  return i;
}

/** A Markdown text as blocks. */
export function parseMarkdown(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map(expandTabs);
  return parseLines(lines, 0);
}

// ---- inlines ----------------------------------------------------------------------------------

interface Node {
  v: Inline;
  prev: Node | null;
  next: Node | null;
  /** Nesting depth of formatting inside this node. */
  depth: number;
  /** A delimiter run or bracket: never merged with the text around it. */
  mark?: boolean;
}

interface Delim {
  char: "*" | "_" | "~";
  count: number;
  orig: number;
  canOpen: boolean;
  canClose: boolean;
  node: Node;
  prev: Delim | null;
  next: Delim | null;
  /** Order of appearance (for the openers-bottom floors). */
  pos: number;
}

interface Bracket {
  node: Node;
  image: boolean;
  /** The last delimiter before the bracket. */
  delimBefore: Delim | null;
}

const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  plusmn: "±",
  times: "×",
  minus: "−",
  le: "≤",
  ge: "≥",
};
const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/y;
const AUTOLINK = /<((?:https?:\/\/|mailto:)[^\s<>]{1,2048})>/y;
const BR_TAG = /<br[ \t]*\/?>/iy;
const BARE_URL = /https?:\/\/[^\s<>"`]+/y;

function decodeEntity(body: string): string | null {
  if (body[0] === "#") {
    const code =
      body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      return "\ufffd";
    return String.fromCodePoint(code);
  }
  return ENTITIES[body] ?? null;
}

/** A link's destination after "](": the address and the index after ")", or null. */
function linkDestination(s: string, at: number): { url: string; end: number } | null {
  if (s[at] !== "(") return null;
  let i = at + 1;
  const limit = Math.min(s.length, at + MAX_URL + 200);
  while (i < limit && (s[i] === " " || s[i] === "\t")) i++;
  let url = "";
  if (s[i] === "<") {
    const rel = s.slice(i + 1, limit).indexOf(">");
    if (rel < 0) return null;
    const end = i + 1 + rel;
    if (s.slice(i + 1, end).includes("\n")) return null;
    url = s.slice(i + 1, end);
    i = end + 1;
  } else {
    let depth = 0;
    const from = i;
    while (i < limit) {
      const c = s[i]!;
      if (c === "\\" && i + 1 < limit) {
        i += 2;
        continue;
      }
      if (c === "(") {
        if (++depth > 32) return null;
      } else if (c === ")") {
        if (depth === 0) break;
        depth--;
      } else if (WHITESPACE.test(c)) break;
      i++;
    }
    url = s.slice(from, i).replace(/\\([!-/:-@[-`{-~])/g, "$1");
  }
  while (i < limit && (s[i] === " " || s[i] === "\t")) i++;
  // An optional title: "…", '…' or (…).
  const q = s[i];
  if (q === '"' || q === "'" || q === "(") {
    const close = q === "(" ? ")" : q;
    const rel = s.slice(i + 1, limit).indexOf(close);
    if (rel < 0) return null;
    i = i + 1 + rel + 1;
    while (i < limit && (s[i] === " " || s[i] === "\t")) i++;
  }
  if (s[i] !== ")") return null;
  return { url, end: i + 1 };
}

/** Plain text of inline nodes (for an image's alt text). */
export function inlineText(nodes: readonly Inline[]): string {
  let out = "";
  for (const x of nodes) {
    if (x.type === "text" || x.type === "code") out += x.text;
    else if (x.type === "math") out += x.text;
    else if (x.type === "break") out += " ";
    else out += inlineText(x.children);
  }
  return out;
}

/** Link text cannot hold links: replace inner ones by their text. */
function unlink(nodes: Inline[]): Inline[] {
  return nodes.flatMap((x): Inline[] => {
    if (x.type === "link") return unlink(x.children);
    if (x.type === "strong" || x.type === "em" || x.type === "del")
      return [{ type: x.type, children: unlink(x.children) }];
    return [x];
  });
}

/** Inline Markdown as nodes. Linear in the length of the text. */
export function parseInline(s: string): Inline[] {
  const head: Node = { v: { type: "text", text: "" }, prev: null, next: null, depth: 0 };
  let tail = head;
  let delimTail: Delim | null = null;
  let delimHead: Delim | null = null;
  let delimCount = 0;
  const brackets: Bracket[] = [];
  /** Brackets below this index can no longer open a link (a link was made after them). */
  let activeFrom = 0;

  const append = (v: Inline, depth = 0): Node => {
    const node: Node = { v, prev: tail, next: null, depth };
    tail.next = node;
    tail = node;
    return node;
  };
  const text = (t: string) => {
    if (!t) return;
    if (tail !== head && tail.v.type === "text" && !tail.mark) tail.v.text += t;
    else append({ type: "text", text: t });
  };
  const unlinkNode = (node: Node) => {
    if (node.prev) node.prev.next = node.next;
    if (node.next) node.next.prev = node.prev;
    if (tail === node) tail = node.prev!;
  };
  const removeDelim = (d: Delim) => {
    if (d.prev) d.prev.next = d.next;
    if (d.next) d.next.prev = d.prev;
    if (delimTail === d) delimTail = d.prev;
    if (delimHead === d) delimHead = d.next;
  };

  /** Move the nodes strictly between a and b into a new `type` node placed between them. */
  function wrap(a: Node, b: Node | null, make: (children: Inline[]) => Inline): Node | null {
    const children: Inline[] = [];
    let depth = 0;
    let only: Node | null = null;
    let count = 0;
    for (let x = a.next; x && x !== b; x = x.next) {
      children.push(x.v);
      depth = Math.max(depth, x.depth);
      only = x;
      count++;
    }
    const made = make(children);
    // **x** inside **…**: one level of the same formatting is enough.
    const same =
      count === 1 && only && "children" in made && only.v.type === made.type && made.type !== "link";
    if (same) return only;
    if (depth + 1 > MAX_INLINE_DEPTH) return null; // too deep: keep the text, drop the formatting
    const node: Node = { v: made, prev: a, next: b, depth: depth + 1 };
    a.next = node;
    if (b) b.prev = node;
    else tail = node;
    return node;
  }

  function processEmphasis(bottom: Delim | null) {
    // CommonMark's "openers bottom": per kind of closer, where the last search for an opener
    // stopped — nothing below it can match that kind, so no search is repeated.
    const floors = new Map<number, number>();
    const bottomPos = bottom ? bottom.pos : -1;
    let closer: Delim | null = bottom ? bottom.next : delimHead;
    while (closer) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      const key = closer.char.charCodeAt(0) * 8 + (closer.canOpen ? 4 : 0) + (closer.orig % 3);
      const floor = Math.max(bottomPos, floors.get(key) ?? -1);
      let opener: Delim | null = closer.prev;
      let found: Delim | null = null;
      while (opener && opener.pos > floor) {
        if (opener.char === closer.char && opener.canOpen) {
          const odd =
            closer.char !== "~" &&
            (opener.canClose || closer.canOpen) &&
            (opener.orig + closer.orig) % 3 === 0 &&
            !(opener.orig % 3 === 0 && closer.orig % 3 === 0);
          if (!odd) {
            found = opener;
            break;
          }
        }
        opener = opener.prev;
      }
      if (!found) {
        floors.set(key, closer.prev ? closer.prev.pos : -1);
        const next: Delim | null = closer.next;
        if (!closer.canOpen) removeDelim(closer);
        closer = next;
        continue;
      }
      const use = closer.char === "~" ? 2 : closer.count >= 2 && found.count >= 2 ? 2 : 1;
      const type = closer.char === "~" ? "del" : use === 2 ? "strong" : "em";
      found.count -= use;
      closer.count -= use;
      (found.node.v as { text: string }).text = found.char.repeat(found.count);
      (closer.node.v as { text: string }).text = closer.char.repeat(closer.count);
      wrap(found.node, closer.node, (children) => ({ type, children }));
      // Delimiters between the pair can no longer match anything.
      found.next = closer;
      closer.prev = found;
      if (found.count === 0) {
        unlinkNode(found.node);
        removeDelim(found);
      }
      if (closer.count === 0) {
        const next: Delim | null = closer.next;
        unlinkNode(closer.node);
        removeDelim(closer);
        closer = next;
      }
    }
    // Whatever is left above the bottom is literal text now.
    if (bottom) {
      bottom.next = null;
      delimTail = bottom;
    } else {
      delimTail = null;
      delimHead = null;
    }
  }

  // Precomputed positions, so that each opener finds its closer without rescanning.
  const backtickRuns = new Map<number, number[]>();
  const backtickCursor = new Map<number, number>();
  const dollarClosers: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "`") {
      let j = i;
      while (s[j] === "`") j++;
      const len = j - i;
      const list = backtickRuns.get(len);
      if (list) list.push(i);
      else backtickRuns.set(len, [i]);
      i = j - 1;
    } else if (c === "$" && s[i - 1] !== "$" && s[i + 1] !== "$") {
      const before = s[i - 1];
      const after = s[i + 1];
      if (before !== undefined && !WHITESPACE.test(before) && before !== "\\" && !(after && /\d/.test(after)))
        dollarClosers.push(i);
    }
  }
  let dollarCursor = 0;
  const newlines: number[] = [];
  for (let at = s.indexOf("\n"); at >= 0; at = s.indexOf("\n", at + 1)) newlines.push(at);
  let newlineCursor = 0;
  const failed = new Set<string>();
  /** indexOf, remembering a search that found nothing (later ones would find nothing too). */
  const find = (needle: string, from: number) => {
    if (failed.has(needle)) return -1;
    const at = s.indexOf(needle, from);
    if (at < 0) failed.add(needle);
    return at;
  };
  const math = (tex: string) => {
    const t = tex.trim();
    append({ type: "math", tex: t, text: texToText(t) });
  };

  let i = 0;
  let plainFrom = 0;
  const flush = (to: number) => {
    if (to > plainFrom) text(s.slice(plainFrom, to));
  };

  while (i < s.length) {
    const c = s[i]!;
    switch (c) {
      case "\\": {
        const next = s[i + 1];
        if (next === "(" || next === "[") {
          const close = find(next === "(" ? "\\)" : "\\]", i + 2);
          if (close > i + 2) {
            flush(i);
            math(s.slice(i + 2, close));
            i = close + 2;
            plainFrom = i;
            continue;
          }
        }
        if (next === "\n") {
          flush(i);
          append({ type: "break" });
          i += 2;
          plainFrom = i;
          continue;
        }
        if (next !== undefined && ESCAPABLE.test(next)) {
          flush(i);
          text(next);
          i += 2;
          plainFrom = i;
          continue;
        }
        i++;
        continue;
      }
      case "`": {
        let j = i;
        while (s[j] === "`") j++;
        const len = j - i;
        const runs = backtickRuns.get(len) ?? [];
        let k = backtickCursor.get(len) ?? 0;
        while (k < runs.length && runs[k]! <= i) k++;
        backtickCursor.set(len, k);
        if (k < runs.length) {
          const end = runs[k]!;
          flush(i);
          let body = s.slice(j, end).replace(/\n/g, " ");
          if (body.length > 2 && body.startsWith(" ") && body.endsWith(" ") && body.trim())
            body = body.slice(1, -1);
          append({ type: "code", text: body });
          i = end + len;
          plainFrom = i;
          backtickCursor.set(len, k + 1);
          continue;
        }
        i = j; // no closing run: literal backticks
        continue;
      }
      case "$": {
        if (s[i + 1] === "$") {
          const close = find("$$", i + 2);
          if (close > i + 2) {
            flush(i);
            math(s.slice(i + 2, close));
            i = close + 2;
            plainFrom = i;
            continue;
          }
          i += 2;
          continue;
        }
        const after = s[i + 1];
        if (after !== undefined && !WHITESPACE.test(after) && s[i - 1] !== "$") {
          while (dollarCursor < dollarClosers.length && dollarClosers[dollarCursor]! <= i) dollarCursor++;
          const close = dollarClosers[dollarCursor];
          if (close !== undefined) {
            while (newlineCursor < newlines.length && newlines[newlineCursor]! < i) newlineCursor++;
            const newline = newlines[newlineCursor];
            if (newline === undefined || newline > close) {
              flush(i);
              math(s.slice(i + 1, close));
              i = close + 1;
              plainFrom = i;
              continue;
            }
          }
        }
        i++;
        continue;
      }
      case "*":
      case "_":
      case "~": {
        let j = i;
        while (s[j] === c) j++;
        const len = j - i;
        if (c === "~" && len !== 2) {
          i = j;
          continue;
        }
        flush(i);
        const before = i > 0 ? s[i - 1]! : "\n";
        const after = j < s.length ? s[j]! : "\n";
        const wsBefore = WHITESPACE.test(before);
        const wsAfter = WHITESPACE.test(after);
        const pBefore = PUNCTUATION.test(before);
        const pAfter = PUNCTUATION.test(after);
        const left = !wsAfter && (!pAfter || wsBefore || pBefore);
        const right = !wsBefore && (!pBefore || wsAfter || pAfter);
        const canOpen = c === "_" ? left && (!right || pBefore) : left;
        const canClose = c === "_" ? right && (!left || pAfter) : right;
        const node = append({ type: "text", text: s.slice(i, j) });
        node.mark = true; // a run that can't pair still stays a separate node
        if (canOpen || canClose) {
          const d: Delim = {
            char: c,
            count: len,
            orig: len,
            canOpen,
            canClose,
            node,
            prev: delimTail,
            next: null,
            pos: delimCount++,
          };
          if (delimTail) delimTail.next = d;
          else delimHead = d;
          delimTail = d;
        }
        i = j;
        plainFrom = i;
        continue;
      }
      case "!":
      case "[": {
        const image = c === "!";
        if (image && s[i + 1] !== "[") {
          i++;
          continue;
        }
        flush(i);
        const node = append({ type: "text", text: image ? "![" : "[" });
        node.mark = true;
        brackets.push({ node, image, delimBefore: delimTail });
        i += image ? 2 : 1;
        plainFrom = i;
        continue;
      }
      case "]": {
        const opener = brackets.pop();
        if (!opener) {
          i++;
          continue;
        }
        const index = brackets.length;
        const active = index >= activeFrom;
        activeFrom = Math.min(activeFrom, index);
        const dest = active || opener.image ? linkDestination(s, i + 1) : null;
        if (!dest) {
          i++;
          continue;
        }
        flush(i);
        processEmphasis(opener.delimBefore);
        if (opener.image) {
          const alt: Inline[] = [];
          for (let x = opener.node.next; x; x = x.next) alt.push(x.v);
          const words = inlineText(alt).trim();
          opener.node.next = null;
          tail = opener.node;
          unlinkNode(opener.node);
          append({ type: "text", text: words ? `[image: ${words}]` : "[image]" });
        } else {
          const href = safeHref(dest.url);
          if (href) {
            // (Nested too deeply to be a link, it keeps its text.)
            wrap(opener.node, null, (children) => ({ type: "link", href, children: unlink(children) }));
            unlinkNode(opener.node);
            activeFrom = brackets.length;
          } else {
            // Not a safe address: the link text, then the address as plain text.
            unlinkNode(opener.node);
            append({ type: "text", text: dest.url ? ` (${dest.url})` : "" });
          }
        }
        i = dest.end;
        plainFrom = i;
        continue;
      }
      case "<": {
        AUTOLINK.lastIndex = i;
        const auto = AUTOLINK.exec(s);
        if (auto) {
          const href = safeHref(auto[1]!);
          flush(i);
          if (href) append({ type: "link", href, children: [{ type: "text", text: auto[1]! }] }, 1);
          else text(auto[0]);
          i += auto[0].length;
          plainFrom = i;
          continue;
        }
        BR_TAG.lastIndex = i;
        const br = BR_TAG.exec(s);
        if (br) {
          flush(i);
          append({ type: "break" });
          i += br[0].length;
          plainFrom = i;
          continue;
        }
        i++;
        continue;
      }
      case "&": {
        ENTITY.lastIndex = i;
        const m = ENTITY.exec(s);
        const decoded = m ? decodeEntity(m[1]!) : null;
        if (m && decoded !== null) {
          flush(i);
          text(decoded);
          i += m[0].length;
          plainFrom = i;
          continue;
        }
        i++;
        continue;
      }
      case "\n": {
        let from = i;
        while (from > plainFrom && (s[from - 1] === " " || s[from - 1] === "\t")) from--;
        flush(from);
        append({ type: "break" });
        i++;
        while (s[i] === " " || s[i] === "\t") i++;
        plainFrom = i;
        continue;
      }
      case "h":
      case "H": {
        const prev = s[i - 1];
        // Not inside an HTML attribute (src="http…") or a link still arriving ("](http…").
        const pending = prev === "(" && s[i - 2] === "]";
        if (
          (prev === undefined || !/[\p{L}\p{N}"'=]/u.test(prev)) &&
          !pending &&
          /^https?:\/\//i.test(s.slice(i, i + 8))
        ) {
          BARE_URL.lastIndex = i;
          const m = BARE_URL.exec(s);
          if (m) {
            let url = m[0];
            for (;;) {
              const last = url[url.length - 1]!;
              if (".,:;!?'\"*_~".includes(last)) url = url.slice(0, -1);
              else if (last === ")" && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0))
                url = url.slice(0, -1);
              else break;
            }
            const href = safeHref(url);
            if (href && url.length > 8) {
              flush(i);
              append({ type: "link", href, children: [{ type: "text", text: url }] }, 1);
              i += url.length;
              plainFrom = i;
              continue;
            }
          }
        }
        i++;
        continue;
      }
      default:
        i++;
    }
  }
  flush(s.length);
  processEmphasis(null);

  // The list as an array; adjacent text merged, empty text dropped. (The nodes are this call's
  // own, so they are merged in place.)
  const out: Inline[] = [];
  for (let x = head.next; x; x = x.next) pushMerged(out, x.v);
  return out;
}

function pushMerged(out: Inline[], v: Inline) {
  if (v.type === "text") {
    if (!v.text) return;
    const last = out[out.length - 1];
    if (last?.type === "text") last.text += v.text;
    else out.push(v);
    return;
  }
  if (v.type === "strong" || v.type === "em" || v.type === "del" || v.type === "link") {
    const children: Inline[] = [];
    for (const c of v.children) pushMerged(children, c);
    v.children = children;
  }
  out.push(v);
}

// ---- streaming --------------------------------------------------------------------------------

/**
 * A parser for a text that grows at its end (a reply streaming in). It finds "stable" points —
 * a blank line followed by an unindented line that is not a list item, outside any fence or
 * display formula — where nothing that follows can change the blocks before; those blocks are
 * parsed once and kept (the same objects), and only the text after the last stable point is
 * parsed again on each call. The result equals parseMarkdown(text).
 */
export function streamingParser(): (text: string) => Block[] {
  let prefix = "";
  let stable: Block[] = [];
  let scanned = 0; // index of the next line start to scan
  let scannedText = ""; // text[0, scanned) when it was scanned
  let fence: string | null = null; // the open fence's marker, "$$" or "\\]" for a formula
  let blankBefore = false;

  return (text: string) => {
    if (!text.startsWith(scannedText)) {
      // Not a continuation of what was scanned: start again.
      prefix = "";
      stable = [];
      scanned = 0;
      fence = null;
      blankBefore = false;
    }
    // Scan complete lines only: the last one may still be growing.
    let stableEnd = prefix.length;
    while (scanned < text.length) {
      const nl = text.indexOf("\n", scanned);
      if (nl < 0) break;
      const line = text.slice(scanned, nl);
      if (fence) {
        const t = line.trim();
        if (fence === "$$" || fence === "\\]") {
          if (line.includes(fence)) fence = null;
        } else if (t.length >= fence.length && t[0] === fence[0] && /^(`+|~+)$/.test(t)) fence = null;
        blankBefore = false;
      } else if (isBlank(line)) {
        blankBefore = true;
      } else {
        if (blankBefore && /^[^\s]/.test(line) && !LIST_ITEM.test(line)) stableEnd = scanned;
        const f = FENCE.exec(line);
        const m = MATH_OPEN.exec(line);
        if (f) fence = f[1]!;
        else if (m) {
          const close = m[1] === "$$" ? "$$" : "\\]";
          if (!line.slice(m[0].length).includes(close)) fence = close;
        }
        blankBefore = false;
      }
      scanned = nl + 1;
    }
    scannedText = text.slice(0, scanned);
    if (stableEnd > prefix.length) {
      stable = [...stable, ...parseMarkdown(text.slice(prefix.length, stableEnd))];
      prefix = text.slice(0, stableEnd);
    }
    return [...stable, ...parseMarkdown(text.slice(prefix.length))];
  };
}
