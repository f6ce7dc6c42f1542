// The lab's conversation as a state machine, with no DOM: what Send, Retry, Stop, "answer with the
// built-in tutor instead" and Clear do to the messages, the input box and the error shown, and what
// the page must then do (ask the learner's model, abort it, open the settings, announce). The page
// (labChat.ts) feeds it events, writes the new messages to the transcript store and runs the
// effects; a model's answer comes back as an "answered" or "failed" event.
// Everything an event needs that is not in the state comes with it (the time, fresh message ids,
// which tutor answers), so `step` is a pure function and its transitions are unit-tested.
import { formatCount } from "../ui/format.js";
import { type ConversationState, initialConversation } from "./conversationState.js";
import type { LlmFailure } from "./llmFailure.js";
import {
  countExchanges,
  lastFailed,
  MAX_TEXT,
  markCut,
  type TranscriptMessage,
  turnsOf,
} from "./transcript.js";
import { tutorReply } from "./tutor.js";
import type { Turn, TutorContext } from "./tutorContext.js";
import { countsAsExchange } from "./tutorVerdict.js";

export { type ConversationState, initialConversation, lastFailed, turnsOf };

/** The most one message takes; a longer one is sent in parts. */
export const MAX_INPUT = 4000;

/** Who answers the next message: the built-in tutor, the learner's model, or nobody yet (settings). */
export type Answerer =
  | { kind: "builtin" }
  | { kind: "model"; model: string }
  | { kind: "unready"; failure: LlmFailure };

/** When an event happens and the ids for the messages it may add (it takes at most two). */
export interface Stamp {
  at: string;
  ids: readonly [string, string];
}

export interface ModelResult {
  text: string;
  truncated: boolean;
  fullLength: number | null;
}

export type ConversationEvent =
  | { type: "typed"; text: string }
  | { type: "send"; text: string; answerer: Answerer; stamp: Stamp }
  | { type: "retry"; answerer: Answerer; stamp: Stamp }
  | { type: "fallback"; stamp: Stamp }
  | { type: "stop" }
  | { type: "answered"; learnerId: string; model: string; result: ModelResult; stamp: Stamp }
  | {
      type: "failed";
      learnerId: string;
      model: string;
      failure: LlmFailure;
      partial: string;
      stamp: Stamp;
    }
  | { type: "clear" }
  | { type: "dismiss" }
  /** The stored conversation changed under us (another tab, or the store's merge). */
  | { type: "synced"; messages: readonly TranscriptMessage[] };

export type Effect =
  /** Ask the learner's model to answer `text` after `history`; report back with answered/failed. */
  | { type: "ask-model"; learnerId: string; model: string; history: Turn[]; text: string }
  | { type: "abort" }
  | { type: "open-settings" }
  /** The learner chose the built-in tutor after a failure: switch the setting. */
  | { type: "use-builtin" }
  | { type: "announce"; text: string };

export interface Step {
  state: ConversationState;
  effects: Effect[];
}

/** Split a long message where it is cut: at the last space before the limit, if one is near. */
export function splitInput(text: string): [string, string] {
  if (text.length <= MAX_INPUT) return [text, ""];
  const space = text.lastIndexOf(" ", MAX_INPUT);
  const at = space > MAX_INPUT - 400 ? space : MAX_INPUT;
  return [text.slice(0, at).trimEnd(), text.slice(at).trimStart()];
}

const count = formatCount;

/** What the note under the box says about a message being typed. */
export function inputNoteFor(text: string): string {
  const n = text.trim().length;
  if (n <= MAX_INPUT) return "";
  return `This message is ${count(n)} characters; one message takes up to ${count(MAX_INPUT)}. Send sends the first part and leaves the rest (${count(n - splitInput(text.trim())[0].length)} characters) here.`;
}

const patch = (messages: readonly TranscriptMessage[], id: string, p: Partial<TranscriptMessage>) =>
  messages.map((m) => (m.id === id ? { ...m, ...p } : m));

/** The box gets a failed message's text back, unless the learner has typed something since. */
const restore = (input: string, text: string) => (input.trim() ? input : text);

/** The built-in tutor answers `learnerId` (anything after it — a cut-off answer — is dropped). */
function answerBuiltin(ctx: TutorContext, s: ConversationState, learnerId: string, stamp: Stamp): Step {
  const at = s.messages.findIndex((m) => m.id === learnerId);
  const learner = s.messages[at]!;
  const before = s.messages.slice(0, at);
  const reply = tutorReply(ctx, turnsOf(before), learner.text, { exchangesBefore: countExchanges(before) });
  const messages: TranscriptMessage[] = [
    ...before,
    { ...learner, status: "answered" },
    { id: stamp.ids[1], role: "tutor", text: reply.text, at: stamp.at, source: "builtin" },
  ];
  return { state: { ...s, messages }, effects: [{ type: "announce", text: "The tutor answered." }] };
}

/** Hand `learnerId` to the answerer: the built-in tutor now, the model by an effect. */
function answer(
  ctx: TutorContext,
  s: ConversationState,
  learnerId: string,
  answerer: Answerer,
  stamp: Stamp,
): Step {
  if (answerer.kind === "builtin") return answerBuiltin(ctx, s, learnerId, stamp);
  const at = s.messages.findIndex((m) => m.id === learnerId);
  const learner = s.messages[at]!;
  if (answerer.kind === "unready") {
    return {
      state: {
        ...s,
        messages: patch(s.messages, learnerId, { status: "failed" }),
        input: restore(s.input, learner.text),
        error: answerer.failure,
      },
      effects: [{ type: "open-settings" }],
    };
  }
  const before = s.messages.slice(0, at);
  return {
    state: { ...s, messages: [...before, { ...learner, status: "pending" }], busy: true },
    effects: [
      { type: "ask-model", learnerId, model: answerer.model, history: turnsOf(before), text: learner.text },
      { type: "announce", text: "The tutor is answering…" },
    ],
  };
}

function send(
  ctx: TutorContext,
  s: ConversationState,
  e: Extract<ConversationEvent, { type: "send" }>,
): Step {
  const [clean, rest] = splitInput(e.text.replace(/\r\n?/g, "\n").trim());
  if (!clean || s.busy) return { state: s, effects: [] };
  // A new message replaces an unanswered one (and any cut-off answer to it).
  const failed = lastFailed(s.messages);
  const kept = failed
    ? s.messages.slice(
        0,
        s.messages.findIndex((m) => m.id === failed.id),
      )
    : s.messages;
  const learner: TranscriptMessage = {
    id: e.stamp.ids[0],
    role: "learner",
    text: clean,
    at: e.stamp.at,
    substantive: countsAsExchange(ctx, turnsOf(kept), clean),
    status: "pending",
  };
  const inputNote = rest
    ? `Sent the first ${count(clean.length)} characters (the most one message takes). The other ${count(rest.length)} are still in the box: shorten them or send them next.`
    : "";
  const next = { ...s, messages: [...kept, learner], error: null, input: rest, inputNote };
  return answer(ctx, next, learner.id, e.answerer, e.stamp);
}

/** The model finished (or failed): keep its answer, or what arrived of it, and say so. */
function settle(s: ConversationState, e: Extract<ConversationEvent, { type: "answered" | "failed" }>): Step {
  const idle = { ...s, busy: false };
  const learner = s.messages.find((m) => m.id === e.learnerId);
  // Cleared while the answer streamed: nothing to attach it to.
  if (!learner) return { state: idle, effects: [] };
  const tutor = (text: string, partial?: "cut" | "stopped"): TranscriptMessage => ({
    id: e.stamp.ids[0],
    role: "tutor",
    text,
    at: e.stamp.at,
    source: "model",
    model: e.model,
    ...(partial ? { partial } : {}),
  });
  if (e.type === "answered") {
    const { text, truncated, fullLength } = e.result;
    // A reply past the most a message keeps is cut with a marker that says so.
    const reply = tutor(truncated ? markCut(text, MAX_TEXT, fullLength) : text);
    return {
      state: { ...idle, messages: [...patch(s.messages, learner.id, { status: "answered" }), reply] },
      effects: [{ type: "announce", text: "The tutor answered." }],
    };
  }
  const announce: Effect = { type: "announce", text: e.failure.title };
  if (e.failure.kind === "aborted" && e.partial) {
    const messages = [...patch(s.messages, learner.id, { status: "answered" }), tutor(e.partial, "stopped")];
    return { state: { ...idle, messages }, effects: [announce] };
  }
  const messages = [
    ...patch(s.messages, learner.id, { status: "failed" }),
    ...(e.partial ? [tutor(e.partial, "cut")] : []),
  ];
  return {
    state: {
      ...idle,
      messages,
      input: restore(s.input, learner.text),
      error: e.failure.kind === "aborted" ? s.error : e.failure,
    },
    effects: [announce],
  };
}

/** Retry or fall back: the failed message goes to the answerer again, and leaves the box. */
function again(ctx: TutorContext, s: ConversationState, answerer: Answerer, stamp: Stamp): Step {
  const failed = lastFailed(s.messages);
  if (!failed || s.busy) return { state: { ...s, error: null }, effects: [] };
  const input = s.input.trim() === failed.text ? "" : s.input;
  return answer(ctx, { ...s, error: null, input }, failed.id, answerer, stamp);
}

/** One transition. `ctx` is the lab's tutor (read only). */
export function step(ctx: TutorContext, s: ConversationState, e: ConversationEvent): Step {
  switch (e.type) {
    case "typed":
      return { state: { ...s, input: e.text, inputNote: inputNoteFor(e.text) }, effects: [] };
    case "send":
      return send(ctx, s, e);
    case "retry":
      if (!lastFailed(s.messages) || s.busy) return { state: s, effects: [] };
      return again(ctx, s, e.answerer, e.stamp);
    case "fallback": {
      const next = again(ctx, s, { kind: "builtin" }, e.stamp);
      return { state: next.state, effects: [{ type: "use-builtin" }, ...next.effects] };
    }
    case "stop":
      return { state: s, effects: s.busy ? [{ type: "abort" }] : [] };
    case "answered":
    case "failed":
      return settle(s, e);
    case "clear":
      return {
        state: { ...s, messages: [], error: null },
        effects: [
          ...(s.busy ? [{ type: "abort" } as const] : []),
          { type: "announce", text: "The conversation was cleared." },
        ],
      };
    case "dismiss":
      return { state: { ...s, error: null }, effects: [] };
    case "synced":
      return { state: { ...s, messages: e.messages }, effects: [] };
  }
}
