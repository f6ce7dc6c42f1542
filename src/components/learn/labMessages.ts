// The lab's conversation on the page, built from htl templates: a scrolling log of messages (the
// learner's as text, the tutor's as Markdown built node by node by markdownDom.ts — never through
// innerHTML), each with its status tags, and the answer that is streaming in, drawn at most once per animation frame.
// Each message's element is kept while the message is unchanged, so a render touches only what
// changed: the log (an ARIA live region) announces a new answer once, not the whole conversation
// again, and no message is parsed twice.
import { html } from "htl";
import { markdownView, renderMarkdown } from "./markdownDom.js";
import type { TranscriptMessage } from "./transcript.js";

interface Shown {
  role: "learner" | "tutor";
  text: string;
  source?: string;
  model?: string;
}

export interface MessageList {
  /** The focusable, scrolling log. */
  log: HTMLElement;
  /** Show these messages after the lab's opening line. */
  render(messages: readonly TranscriptMessage[]): void;
  /** Start showing a model's answer as it streams; `stop()` removes it (the stored answer replaces it). */
  stream(model: string): { set(text: string): void; stop(): void };
  busy(on: boolean): void;
}

/** A message's status, shown as attributes (for styles and tests) and as tags under its text. */
interface Marks {
  status?: string;
  substantive?: string;
  partial?: string;
  streaming?: string;
  tags?: string[];
}

/** The text element of a message: the learner's as text, the tutor's as Markdown. */
function messageText(
  m: Shown,
  content: string | Node[] = m.role === "tutor" ? renderMarkdown(m.text) : m.text,
) {
  // dir="auto": a message in Arabic or Hebrew reads right to left.
  return html`<div class=${m.role === "tutor" ? "lab-msg-text lab-md" : "lab-msg-text"} dir="auto">${content}</div>`;
}

function messageItem(m: Shown, body: HTMLElement = messageText(m), marks: Marks = {}): HTMLElement {
  const who =
    m.role === "learner" ? "You" : m.source === "model" ? `Tutor · ${m.model || "your model"}` : "Tutor";
  const tags = (marks.tags ?? []).map((t) => html`<div class="lab-msg-tag">${t}</div>`);
  return html`<li class=${`lab-msg lab-msg-${m.role}`} data-role=${m.role} data-source=${m.source} data-status=${marks.status} data-substantive=${marks.substantive} data-partial=${marks.partial} data-streaming=${marks.streaming}>
    <div class="lab-msg-who">${who}</div>${body}${tags}</li>`;
}

const learnerTag = (m: TranscriptMessage) =>
  m.status === "failed"
    ? "not answered"
    : m.substantive
      ? "counts"
      : "doesn't count: raise an idea from the lesson or answer the tutor's question";

/** A stored message: its text plus its status tags. */
function messageBlock(m: TranscriptMessage): HTMLElement {
  const learner = m.role === "learner";
  const tags = [
    ...(learner ? [learnerTag(m)] : []),
    ...(m.partial ? [m.partial === "cut" ? "cut off — doesn't count" : "stopped — doesn't count"] : []),
  ];
  return messageItem(m, messageText(m), {
    ...(learner ? { status: m.status ?? "answered", substantive: String(Boolean(m.substantive)) } : {}),
    ...(m.partial ? { partial: m.partial } : {}),
    tags,
  });
}

const signature = (m: TranscriptMessage) =>
  JSON.stringify([m.role, m.text, m.source, m.model, m.status, m.substantive, m.partial]);

export function messageList(opening: string): MessageList {
  // A scrolling region that keyboard users can focus and scroll; the list inside holds the messages.
  const list = html`<ol class="lab-list">`;
  const log = html`<div class="lab-log" role="log" tabindex="0" aria-label="Conversation with the tutor">${list}</div>`;
  let rendered = new Map<string, { li: HTMLElement; sig: string }>();
  let streaming: HTMLElement | null = null;

  function render(messages: readonly TranscriptMessage[]) {
    const next = new Map<string, { li: HTMLElement; sig: string }>();
    const keep = (key: string, sig: string, build: () => HTMLElement) => {
      const had = rendered.get(key);
      const item = had && had.sig === sig ? had : { li: build(), sig };
      next.set(key, item);
      return item.li;
    };
    const wanted = [
      keep("opening", opening, () => messageItem({ role: "tutor", text: opening, source: "builtin" })),
      ...messages.map((m) => keep(m.id, signature(m), () => messageBlock(m))),
    ];
    // The answer streaming in stays last.
    if (streaming) wanted.push(streaming);
    rendered = next;
    const wantedSet = new Set<Element>(wanted);
    for (const child of [...list.children]) if (!wantedSet.has(child)) child.remove();
    wanted.forEach((li, k) => {
      if (list.children[k] !== li) list.insertBefore(li, list.children[k] ?? null);
    });
    log.scrollTop = log.scrollHeight;
  }

  function stream(model: string) {
    const shown: Shown = { role: "tutor", text: "", source: "model", model };
    const body = messageText(shown, "…");
    const li = messageItem(shown, body, { streaming: "true" });
    list.append(li);
    streaming = li;
    // Follow the answer as it grows — unless the learner has scrolled up to read something.
    let follow = true;
    const onScroll = () => {
      follow = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
    };
    log.addEventListener("scroll", onScroll, { passive: true });
    const view = markdownView(body, {
      onDraw: () => {
        if (follow) log.scrollTop = log.scrollHeight;
      },
    });
    return {
      set: (text: string) => view.set(text),
      stop() {
        view.cancel();
        log.removeEventListener("scroll", onScroll);
        li.remove();
        if (streaming === li) streaming = null;
      },
    };
  }

  return {
    log,
    render,
    stream,
    busy: (on) => log.setAttribute("aria-busy", String(on)),
  };
}
