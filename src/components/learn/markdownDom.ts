// Markdown trees (markdownLite.ts) as DOM nodes, built with createElement and text nodes only —
// no innerHTML anywhere, so nothing a model writes can become markup. Links open in a new tab
// with rel="noopener noreferrer"; headings become bold paragraphs (a chat reply must not add
// headings to the page's outline); tables scroll inside a focusable region.
// markdownView() re-renders a growing message at most once per animation frame and replaces only
// the blocks that changed — while a reply streams, that is the last one.
import { type Block, type Inline, parseMarkdown, streamingParser } from "./markdownLite.js";
import { type MathRun, texRuns } from "./texText.js";

/** Text beyond this length is shown as plain text, not parsed. */
export const MAX_MARKDOWN = 100_000;

/** The part of `document` the renderer needs (unit tests pass a small fake). */
export type DocLike = Pick<Document, "createElement" | "createTextNode">;

function make(doc: DocLike, tag: string, className?: string): HTMLElement {
  const node = doc.createElement(tag);
  if (className) node.setAttribute("class", className);
  return node;
}

function mathRuns(doc: DocLike, parent: HTMLElement, runs: readonly MathRun[]) {
  for (const r of runs) {
    if (typeof r === "string") parent.append(doc.createTextNode(r));
    else {
      const node = make(doc, r.script);
      mathRuns(doc, node, r.children);
      parent.append(node);
    }
  }
}

function inlines(doc: DocLike, parent: HTMLElement, nodes: readonly Inline[]) {
  for (const x of nodes) {
    switch (x.type) {
      case "text":
        parent.append(doc.createTextNode(x.text));
        break;
      case "break":
        parent.append(doc.createElement("br"));
        break;
      case "code": {
        const code = make(doc, "code", "lab-md-code");
        code.append(doc.createTextNode(x.text));
        parent.append(code);
        break;
      }
      case "math": {
        const span = make(doc, "span", "lab-md-math");
        span.setAttribute("data-tex", x.tex);
        mathRuns(doc, span, texRuns(x.tex));
        parent.append(span);
        break;
      }
      case "link": {
        const a = make(doc, "a", "lab-md-link");
        a.setAttribute("href", x.href);
        a.setAttribute("target", "_blank");
        a.setAttribute("rel", "noopener noreferrer nofollow");
        a.setAttribute("referrerpolicy", "no-referrer");
        inlines(doc, a, x.children);
        const note = make(doc, "span", "sr-only");
        note.append(doc.createTextNode(" (opens in a new tab)"));
        a.append(note);
        parent.append(a);
        break;
      }
      default: {
        const node = make(doc, x.type === "del" ? "del" : x.type);
        inlines(doc, node, x.children);
        parent.append(node);
      }
    }
  }
}

/** One block as one element. */
export function renderBlock(doc: DocLike, block: Block): HTMLElement {
  switch (block.type) {
    case "paragraph": {
      const p = make(doc, "p");
      inlines(doc, p, block.children);
      return p;
    }
    case "heading": {
      const p = make(doc, "p", `lab-md-heading lab-md-h${block.level}`);
      inlines(doc, p, block.children);
      return p;
    }
    case "list": {
      const list = make(
        doc,
        block.ordered ? "ol" : "ul",
        block.tight ? "lab-md-list lab-md-tight" : "lab-md-list",
      );
      if (block.ordered && block.start !== 1) list.setAttribute("start", String(block.start));
      for (const item of block.items) {
        const li = make(doc, "li");
        for (const b of item) li.append(renderBlock(doc, b));
        list.append(li);
      }
      return list;
    }
    case "code": {
      const pre = make(doc, "pre", "lab-md-pre");
      const code = make(doc, "code");
      if (block.lang) code.setAttribute("data-lang", block.lang);
      if (!block.closed) pre.setAttribute("data-open", "");
      code.append(doc.createTextNode(block.text));
      pre.append(code);
      return pre;
    }
    case "quote": {
      const q = make(doc, "blockquote", "lab-md-quote");
      for (const b of block.children) q.append(renderBlock(doc, b));
      return q;
    }
    case "table": {
      const wrap = make(doc, "div", "lab-md-table");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Table");
      wrap.setAttribute("tabindex", "0");
      const table = make(doc, "table");
      const row = (cells: Inline[][], tag: "th" | "td") => {
        const tr = make(doc, "tr");
        cells.forEach((cell, k) => {
          const align = block.align[k];
          const td = make(doc, tag, align ? `lab-md-${align}` : undefined);
          if (tag === "th") td.setAttribute("scope", "col");
          inlines(doc, td, cell);
          tr.append(td);
        });
        return tr;
      };
      const thead = make(doc, "thead");
      thead.append(row(block.head, "th"));
      const tbody = make(doc, "tbody");
      for (const r of block.rows) tbody.append(row(r, "td"));
      table.append(thead, tbody);
      wrap.append(table);
      return wrap;
    }
    case "math": {
      const div = make(doc, "div", "lab-md-math lab-md-math-block");
      div.setAttribute("data-tex", block.tex);
      mathRuns(doc, div, texRuns(block.tex));
      return div;
    }
    case "rule":
      return make(doc, "hr");
  }
}

/** The blocks of a text (the part past MAX_MARKDOWN as one plain-text block). */
function blocksOf(text: string): Block[] {
  if (text.length <= MAX_MARKDOWN) return parseMarkdown(text);
  return [
    ...parseMarkdown(text.slice(0, MAX_MARKDOWN)),
    { type: "code", lang: "", text: text.slice(MAX_MARKDOWN), closed: true },
  ];
}

/** A whole message as elements, one per block. */
export function renderMarkdown(text: string, doc: DocLike = document): HTMLElement[] {
  return blocksOf(text).map((b) => renderBlock(doc, b));
}

export interface MarkdownView {
  /** Show this text: drawn at the next animation frame (later if drawing is slow). */
  set(text: string): void;
  /** Draw the latest text now. */
  flush(): void;
  /** Forget a pending draw. */
  cancel(): void;
}

export interface MarkdownViewOptions {
  doc?: DocLike;
  /** Called after each draw (e.g. to keep the conversation scrolled to the end). */
  onDraw?: () => void;
  /** Defaults to requestAnimationFrame / cancelAnimationFrame. */
  schedule?: (draw: () => void) => number;
  unschedule?: (handle: number) => void;
  now?: () => number;
}

/**
 * Keep `container` showing the latest text of a growing message. Only the text after the last
 * stable block boundary is parsed again (markdownLite's streamingParser); blocks that are the same
 * keep their elements, and the changed ones (while streaming, the last) are rebuilt. If a draw
 * takes long (hostile input), the next one waits three times as long, so the page stays responsive.
 */
export function markdownView(container: HTMLElement, options: MarkdownViewOptions = {}): MarkdownView {
  const doc = options.doc ?? document;
  const schedule = options.schedule ?? ((f) => requestAnimationFrame(() => f()));
  const unschedule = options.unschedule ?? ((h) => cancelAnimationFrame(h));
  const now = options.now ?? (() => performance.now());
  let keys: string[] = [];
  let nodes: HTMLElement[] = [];
  let previous: Block[] = [];
  const parse = streamingParser();
  let pending: string | null = null;
  let handle = 0;
  let notBefore = 0;
  let first = true;

  function draw(text: string) {
    const started = now();
    const blocks = text.length <= MAX_MARKDOWN ? parse(text) : blocksOf(text);
    // A stable block is the very same object as last time: no need to serialise it.
    const next = blocks.map((b, k) => (b === previous[k] ? keys[k]! : JSON.stringify(b)));
    previous = blocks;
    if (first) {
      container.replaceChildren();
      first = false;
    }
    const kept: HTMLElement[] = [];
    for (let k = 0; k < blocks.length; k++) {
      const old = nodes[k];
      if (old && keys[k] === next[k]) {
        kept.push(old);
        continue;
      }
      const fresh = renderBlock(doc, blocks[k]!);
      if (old) old.replaceWith(fresh);
      else container.append(fresh);
      kept.push(fresh);
    }
    for (const extra of nodes.slice(blocks.length)) extra.remove();
    nodes = kept;
    keys = next;
    const took = now() - started;
    notBefore = took > 4 ? now() + 3 * took : 0;
    options.onDraw?.();
  }

  function tick() {
    handle = 0;
    if (pending === null) return;
    if (now() < notBefore) {
      handle = schedule(tick);
      return;
    }
    const text = pending;
    pending = null;
    draw(text);
  }

  return {
    set(text) {
      pending = text;
      if (!handle) handle = schedule(tick);
    },
    flush() {
      if (handle) unschedule(handle);
      handle = 0;
      if (pending !== null) {
        const text = pending;
        pending = null;
        draw(text);
      }
    },
    cancel() {
      if (handle) unschedule(handle);
      handle = 0;
      pending = null;
    },
  };
}
