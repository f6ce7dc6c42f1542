// A lab's conversation, kept per lab in localStorage, validated on the way in, exportable as
// Markdown. Storage that is unavailable, full or holding garbage never breaks the lab: the chat
// carries on in memory and the learner is told once; an unreadable value is set aside under a
// backup key rather than destroyed. The same lab open in two tabs keeps both tabs' messages: every
// write first reads what is stored and merges (a three-way merge against the last value this tab
// saw, so a message the other tab deleted stays deleted), and `sync()` takes in another tab's write.
// A message longer than a message can be is cut with a marker that says so.
import type { LabBrief, LessonId } from "../../content/labs.js";
import type { Turn } from "./tutorContext.js";

export interface TranscriptMessage {
  id: string;
  role: "learner" | "tutor";
  text: string;
  /** ISO time. */
  at: string;
  /** Tutor messages: who answered. */
  source?: "builtin" | "model";
  /** Tutor messages from a model: its name. */
  model?: string;
  /** Learner messages: counts toward the exchanges once answered. */
  substantive?: boolean;
  /** Learner messages: "failed" when the model could not answer it (the text is kept). */
  status?: "answered" | "pending" | "failed";
  /** Tutor messages that did not finish. */
  partial?: "cut" | "stopped";
}

export type TranscriptStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const TRANSCRIPT_VERSION = 1;
export const MAX_MESSAGES = 400;
export const MAX_TEXT = 20_000;

export const transcriptKey = (lab: LessonId) => `reading-benchmark-scores:lab-${lab}-transcript`;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A message text cut to `max` characters with a marker that says so (unchanged if it fits). */
export function markCut(text: string, max = MAX_TEXT, fullLength: number | null = text.length): string {
  const over = fullLength !== null ? fullLength > max : true;
  if (!over && text.length <= max) return text;
  const marker =
    fullLength !== null && fullLength > max
      ? `\n\n*[Cut here: this message was ${fullLength.toLocaleString("en-US")} characters long; only the first part is kept.]*`
      : `\n\n*[Cut here: the reply went on past ${max.toLocaleString("en-US")} characters, the most one message keeps; the rest was not read.]*`;
  return `${text.slice(0, Math.max(0, max - marker.length))}${marker}`;
}

/** A stored message, or null if it can't be one (bad entries are dropped one by one). */
function readMessage(v: unknown, live = false): TranscriptMessage | null {
  if (!isObj(v)) return null;
  const { id, role, text, at } = v;
  if (typeof id !== "string" || !id) return null;
  if (role !== "learner" && role !== "tutor") return null;
  if (typeof text !== "string") return null;
  if (typeof at !== "string" || Number.isNaN(Date.parse(at))) return null;
  const m: TranscriptMessage = { id, role, text: markCut(text), at };
  if (v.source === "builtin" || v.source === "model") m.source = v.source;
  if (typeof v.model === "string") m.model = v.model.slice(0, 200);
  if (typeof v.substantive === "boolean") m.substantive = v.substantive;
  if (v.status === "answered" || v.status === "pending" || v.status === "failed") m.status = v.status;
  if (v.partial === "cut" || v.partial === "stopped") m.partial = v.partial;
  // A message left pending by a closed tab was never answered (read live from another open tab,
  // it may still be).
  if (m.status === "pending" && !live) m.status = "failed";
  return m;
}

export type TranscriptParse =
  | { ok: true; messages: TranscriptMessage[]; dropped: number }
  | { ok: false; messages: TranscriptMessage[]; reason: string };

export function parseTranscript(raw: string | null, { live = false } = {}): TranscriptParse {
  if (raw === null || raw === "") return { ok: true, messages: [], dropped: 0 };
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return { ok: false, messages: [], reason: "not JSON" };
  }
  if (!isObj(v)) return { ok: false, messages: [], reason: "not an object" };
  if (v.version !== TRANSCRIPT_VERSION)
    return { ok: false, messages: [], reason: `unknown version ${String(v.version)}` };
  if (!Array.isArray(v.messages)) return { ok: false, messages: [], reason: "no message list" };
  const messages: TranscriptMessage[] = [];
  let dropped = 0;
  for (const x of v.messages.slice(-MAX_MESSAGES)) {
    const m = readMessage(x, live);
    if (m) messages.push(m);
    else dropped++;
  }
  return { ok: true, messages, dropped };
}

/** Exchanges (each raising an idea of the lab or answering the tutor's question) that complete a lab. */
export const EXCHANGES_TO_COMPLETE = 3;

/**
 * Substantive exchanges: a substantive learner message followed by a tutor answer that finished.
 */
export function countExchanges(messages: readonly TranscriptMessage[]): number {
  let n = 0;
  for (let i = 0; i < messages.length - 1; i++) {
    const m = messages[i]!;
    const next = messages[i + 1]!;
    if (m.role === "learner" && m.substantive && next.role === "tutor" && !next.partial) n++;
  }
  return n;
}

/** The conversation as the tutors see it: answered learner messages and finished tutor answers. */
export function turnsOf(messages: readonly TranscriptMessage[]): Turn[] {
  return messages
    .filter((m) => (m.role === "learner" ? m.status !== "failed" && m.status !== "pending" : !m.partial))
    .map((m) => ({ role: m.role, text: m.text }));
}

/** The last learner message if the model failed to answer it (it can be retried), else null. */
export function lastFailed(messages: readonly TranscriptMessage[]): TranscriptMessage | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.role === "learner") return m.status === "failed" ? m : null;
  }
  return null;
}

export interface TranscriptStore {
  messages(): TranscriptMessage[];
  append(m: TranscriptMessage): void;
  update(id: string, patch: Partial<TranscriptMessage>): void;
  remove(id: string): void;
  clear(): void;
  /** Take in what another tab wrote (call on a `storage` event for this key); true if anything changed. */
  sync(): boolean;
  /** Called after another tab's messages were taken in. */
  subscribe(listener: () => void): () => void;
  /** Set when stored data was unreadable, storage can't be written, or another tab shares the lab. */
  readonly notice: string | null;
}

export const NOTICE_OTHER_TAB =
  "This lab is open in another tab too. Messages from both tabs are kept in one conversation; send from one tab at a time to keep it easy to follow.";

/** Where each message sits: after the learner message it answers (tutor), or at its own time. */
function threadKeys(list: readonly TranscriptMessage[]): Map<string, [number, number, number]> {
  const out = new Map<string, [number, number, number]>();
  let head = Number.NEGATIVE_INFINITY;
  for (const m of list) {
    const t = Date.parse(m.at);
    if (m.role === "learner") head = t;
    out.set(m.id, [
      m.role === "learner" ? t : Math.max(head, Number.isFinite(head) ? head : t),
      m.role === "learner" ? 0 : 1,
      t,
    ]);
  }
  return out;
}

/**
 * Merge this tab's conversation with what another tab stored, against `base` (the ids of the last
 * stored value this tab saw): a message in both keeps this tab's version if this tab wrote it; a
 * message only here stays if it is new (not in `base`), and goes if the other tab deleted it; a
 * message only there is taken in. Each answer stays after the message it answers.
 */
export function mergeTranscripts(
  ours: readonly TranscriptMessage[],
  theirs: readonly TranscriptMessage[],
  base: ReadonlySet<string>,
  own: ReadonlySet<string>,
): TranscriptMessage[] {
  const mine = new Map(ours.map((m) => [m.id, m]));
  const keys = new Map([...threadKeys(theirs), ...threadKeys(ours)]);
  const out: TranscriptMessage[] = [];
  const seen = new Set<string>();
  for (const m of theirs) {
    const here = mine.get(m.id);
    out.push(here && own.has(m.id) ? here : m);
    seen.add(m.id);
  }
  for (const m of ours) if (!seen.has(m.id) && !base.has(m.id)) out.push(m);
  const key = (m: TranscriptMessage) => keys.get(m.id) ?? [0, 0, 0];
  return out
    .map((m, i) => ({ m, i, k: key(m) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.i - b.i)
    .map((x) => x.m)
    .slice(-MAX_MESSAGES);
}

export function createTranscriptStore(storage: TranscriptStorage | null, lab: LessonId): TranscriptStore {
  const key = transcriptKey(lab);
  let backing = storage;
  let notice: string | null = null;
  let list: TranscriptMessage[] = [];
  /** The stored value this tab last wrote or read, and the ids in it (the base of a merge). */
  let lastSeen: string | null = null;
  let base = new Set<string>();
  /** Messages this tab wrote: its version of them wins a merge. */
  const own = new Set<string>();
  const listeners = new Set<() => void>();
  if (!backing) {
    notice =
      "This browser isn't letting the site save anything, so this conversation is kept only until you close the tab.";
  } else {
    let raw: string | null = null;
    try {
      raw = backing.getItem(key);
    } catch {
      backing = null;
      notice =
        "This browser isn't letting the site save anything, so this conversation is kept only until you close the tab.";
    }
    const parsed = parseTranscript(raw);
    list = parsed.messages;
    lastSeen = raw;
    base = new Set(list.map((m) => m.id));
    if (!parsed.ok && raw !== null) {
      try {
        backing?.setItem(`${key}:unreadable`, raw);
      } catch {
        // no room for the copy: the learner is still told
      }
      notice = `Your saved conversation for this lab couldn't be read (${parsed.reason}), so the lab starts afresh. A copy of the old data was set aside in this browser.`;
      lastSeen = null; // nothing to merge with: the unreadable value is replaced
      persist();
    } else if (parsed.ok && parsed.dropped > 0) {
      notice = `${parsed.dropped} damaged message${parsed.dropped === 1 ? " was" : "s were"} left out of your saved conversation.`;
    }
  }

  /** Merge in a stored value another tab wrote; true if it differed from what this tab last saw. */
  function takeIn(raw: string | null): boolean {
    if (raw === lastSeen) return false;
    const parsed = parseTranscript(raw, { live: true });
    if (!parsed.ok) return false; // garbage from elsewhere: this tab's copy wins on the next write
    list = mergeTranscripts(list, parsed.messages, base, own);
    lastSeen = raw;
    base = new Set(parsed.messages.map((m) => m.id));
    notice ??= NOTICE_OTHER_TAB;
    return true;
  }

  function persist() {
    if (!backing) return;
    try {
      takeIn(backing.getItem(key));
      if (list.length) {
        const value = JSON.stringify({ version: TRANSCRIPT_VERSION, lab, messages: list });
        backing.setItem(key, value);
        lastSeen = value;
      } else {
        backing.removeItem(key);
        lastSeen = null;
      }
      base = new Set(list.map((m) => m.id));
    } catch {
      backing = null;
      notice ??=
        "Your conversation could not be saved (storage is full or blocked); it is kept until you close the tab.";
    }
  }

  return {
    messages: () => list.map((m) => ({ ...m })),
    append(m) {
      own.add(m.id);
      list = [...list, { ...m, text: markCut(m.text) }].slice(-MAX_MESSAGES);
      persist();
    },
    update(id, patch) {
      own.add(id);
      list = list.map((m) => (m.id === id ? { ...m, ...patch, id } : m));
      persist();
    },
    remove(id) {
      list = list.filter((m) => m.id !== id);
      persist();
    },
    clear() {
      list = [];
      persist();
    },
    sync() {
      if (!backing) return false;
      let raw: string | null;
      try {
        raw = backing.getItem(key);
      } catch {
        return false;
      }
      const before = JSON.stringify(list);
      if (!takeIn(raw)) return false;
      const changed = JSON.stringify(list) !== before;
      // Messages only this tab has (sent while the other tab wrote) go back to storage.
      if (list.some((m) => !base.has(m.id))) persist();
      for (const listener of [...listeners]) listener();
      return changed;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    get notice() {
      return notice;
    },
  };
}

/** Keep a store in step with other tabs (the `storage` event fires only in the other tabs). */
export function syncAcrossTabs(store: TranscriptStore, lab: LessonId): () => void {
  if (typeof window === "undefined") return () => {};
  const key = transcriptKey(lab);
  const onStorage = (event: StorageEvent) => {
    if (event.key === key || event.key === null) store.sync();
  };
  window.addEventListener("storage", onStorage);
  return () => window.removeEventListener("storage", onStorage);
}

const OPENS_WITH_BLOCK = /^ {0,3}(?:#{1,6}[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t]|>|```|~~~|\||\$\$)/;

/** A Markdown record of the conversation, for the learner to keep. */
export function transcriptMarkdown(
  lab: LabBrief,
  messages: readonly TranscriptMessage[],
  { exportedAt, complete }: { exportedAt: Date; complete: boolean },
): string {
  const exchanges = countExchanges(messages);
  const lines = [
    `# Lab ${lab.lesson} — ${lab.title}`,
    "",
    `Exported ${exportedAt.toISOString().slice(0, 16).replace("T", " ")} UTC · ${exchanges} substantive exchange${exchanges === 1 ? "" : "s"} · ${complete ? "complete" : "not complete yet"}`,
    "",
    "## Task",
    "",
    lab.task,
    "",
    "## Scenario",
    "",
    `${lab.scenario} ${lab.prompt}`,
    ...(lab.options ? ["", ...lab.options.map((o) => `- (${o.letter}) ${o.label}`)] : []),
    "",
    "## Conversation",
    "",
    `**Tutor:** ${lab.opening}`,
    "",
  ];
  for (const m of messages) {
    const who =
      m.role === "learner"
        ? `**You**${m.status === "failed" ? " (not answered)" : ""}:`
        : `**Tutor${m.source === "model" ? ` (${m.model || "your model"})` : " (built-in)"}**${m.partial ? ` (${m.partial === "cut" ? "cut off" : "stopped"})` : ""}:`;
    // A reply that opens with a list, heading, table, quote or code goes under its label, so the
    // export reads as the same Markdown the chat showed.
    lines.push(OPENS_WITH_BLOCK.test(m.text) ? `${who}\n\n${m.text}` : `${who} ${m.text}`, "");
  }
  return lines.join("\n");
}

/** A short unique id for a message (`tab` tells apart two tabs sending in the same millisecond). */
export function messageId(now: Date, seq: number, tab = ""): string {
  return `${now.getTime().toString(36)}-${tab ? `${tab}-` : ""}${seq.toString(36)}`;
}
