// A lab's conversation, kept per lab in localStorage, validated on the way in, exportable as
// Markdown. Storage that is unavailable, full or holding garbage never breaks the lab: the chat
// carries on in memory and the learner is told once; an unreadable value is set aside under a
// backup key rather than destroyed.
import type { LabBrief, LessonId } from "../../content/labs.js";

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

/** A stored message, or null if it can't be one (bad entries are dropped one by one). */
function readMessage(v: unknown): TranscriptMessage | null {
  if (!isObj(v)) return null;
  const { id, role, text, at } = v;
  if (typeof id !== "string" || !id) return null;
  if (role !== "learner" && role !== "tutor") return null;
  if (typeof text !== "string") return null;
  if (typeof at !== "string" || Number.isNaN(Date.parse(at))) return null;
  const m: TranscriptMessage = { id, role, text: text.slice(0, MAX_TEXT), at };
  if (v.source === "builtin" || v.source === "model") m.source = v.source;
  if (typeof v.model === "string") m.model = v.model.slice(0, 200);
  if (typeof v.substantive === "boolean") m.substantive = v.substantive;
  if (v.status === "answered" || v.status === "pending" || v.status === "failed") m.status = v.status;
  if (v.partial === "cut" || v.partial === "stopped") m.partial = v.partial;
  // A message left pending by a closed tab was never answered.
  if (m.status === "pending") m.status = "failed";
  return m;
}

export type TranscriptParse =
  | { ok: true; messages: TranscriptMessage[]; dropped: number }
  | { ok: false; messages: TranscriptMessage[]; reason: string };

export function parseTranscript(raw: string | null): TranscriptParse {
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
    const m = readMessage(x);
    if (m) messages.push(m);
    else dropped++;
  }
  return { ok: true, messages, dropped };
}

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

export interface TranscriptStore {
  messages(): TranscriptMessage[];
  append(m: TranscriptMessage): void;
  update(id: string, patch: Partial<TranscriptMessage>): void;
  remove(id: string): void;
  clear(): void;
  /** Set when stored data was unreadable or storage can't be written. */
  readonly notice: string | null;
}

export function createTranscriptStore(storage: TranscriptStorage | null, lab: LessonId): TranscriptStore {
  const key = transcriptKey(lab);
  let backing = storage;
  let notice: string | null = null;
  let list: TranscriptMessage[] = [];
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
    if (!parsed.ok && raw !== null) {
      try {
        backing?.setItem(`${key}:unreadable`, raw);
      } catch {
        // no room for the copy: the learner is still told
      }
      notice = `Your saved conversation for this lab couldn't be read (${parsed.reason}), so the lab starts afresh. A copy of the old data was set aside in this browser.`;
      persist();
    } else if (parsed.ok && parsed.dropped > 0) {
      notice = `${parsed.dropped} damaged message${parsed.dropped === 1 ? " was" : "s were"} left out of your saved conversation.`;
    }
  }

  function persist() {
    if (!backing) return;
    try {
      if (list.length)
        backing.setItem(key, JSON.stringify({ version: TRANSCRIPT_VERSION, lab, messages: list }));
      else backing.removeItem(key);
    } catch {
      backing = null;
      notice ??=
        "Your conversation could not be saved (storage is full or blocked); it is kept until you close the tab.";
    }
  }

  return {
    messages: () => list.map((m) => ({ ...m })),
    append(m) {
      list = [...list, { ...m, text: m.text.slice(0, MAX_TEXT) }].slice(-MAX_MESSAGES);
      persist();
    },
    update(id, patch) {
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
    get notice() {
      return notice;
    },
  };
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

/** A short unique id for a message. */
export function messageId(now: Date, seq: number): string {
  return `${now.getTime().toString(36)}-${seq.toString(36)}`;
}
