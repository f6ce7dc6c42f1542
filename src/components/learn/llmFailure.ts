// What went wrong with the learner's model, as the learner reads it: a kind (for the page's
// logic), a one-line title, what it means and what to do, and sometimes a command that fixes it.
// The failures of a stream or an answer that can't be read are built here; a request that got no
// response or an HTTP error status is classified in llmHttpFailure.ts.

export type LlmErrorKind =
  | "settings"
  | "unreachable"
  | "auth"
  | "not-found"
  | "rate-limit"
  | "server"
  | "bad-request"
  | "not-sse"
  | "malformed"
  | "empty"
  | "model-error"
  | "stalled"
  | "deadline"
  | "cut"
  | "aborted";

export interface LlmFailure {
  kind: LlmErrorKind;
  /** One line: what happened. */
  title: string;
  /** What it means and what to do. */
  message: string;
  /** A command or setting that fixes it (shown as code). */
  fix?: string;
  status?: number;
}

export class LlmError extends Error {
  readonly failure: LlmFailure;
  /** Text that arrived before the failure. */
  readonly partial: string;
  constructor(failure: LlmFailure, partial = "") {
    super(`${failure.title} ${failure.message}`);
    this.name = "LlmError";
    this.failure = failure;
    this.partial = partial;
  }
}

/** A server's words, cut to `n` characters with an ellipsis. */
export const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function stopped(): LlmFailure {
  return { kind: "aborted", title: "Stopped.", message: "You stopped the answer; what arrived is kept." };
}

export function modelError(message: string): LlmFailure {
  return {
    kind: "model-error",
    title: "The model reported an error mid-answer.",
    message: `The server said: “${clip(message)}”. Retry, or use the built-in tutor for this message.`,
  };
}

/** The connection closed before the answer finished (`text`: what arrived). */
export function cut(text: string): LlmFailure {
  return {
    kind: "cut",
    title: text ? "The answer was cut off." : "The connection closed before the model answered.",
    message: text
      ? "The connection closed before the model finished; what arrived is kept above. Retry to ask again."
      : "The server hung up without sending an answer. Retry, or check the server's log.",
  };
}

/** No data for `stallMs` (`text`: what arrived before). */
export function stalled(stallMs: number, text: string): LlmFailure {
  return {
    kind: "stalled",
    title: `No data for ${Math.round(stallMs / 1000)} s — gave up waiting.`,
    message:
      (text
        ? "The answer stopped coming; what arrived is kept. "
        : "The endpoint accepted the request but sent nothing. ") +
      "A model that is still loading can take a while: Retry, or raise the time-out in the settings.",
  };
}

/** The whole answer took longer than `deadlineMs` (`text`: what arrived). */
export function overdue(deadlineMs: number, text: string): LlmFailure {
  return {
    kind: "deadline",
    title: `The answer took longer than ${Math.round(deadlineMs / 1000)} s in all, so it was stopped.`,
    message:
      (text
        ? "Data kept arriving without the answer finishing (a model repeating itself, or a very slow machine); what arrived is kept. "
        : "The endpoint kept the connection busy without sending an answer. ") +
      "Retry, ask for a shorter answer, or raise “Stop an answer after” in the settings.",
  };
}

export function emptyAnswer(): LlmFailure {
  return { kind: "empty", title: "The model sent an empty answer.", message: "Retry, or try another model." };
}

/** A stream of events none of which was a chat-completions chunk. */
export function unreadableStream(malformed: number): LlmFailure {
  return {
    kind: "malformed",
    title: `The stream could not be read (${malformed} malformed line${malformed === 1 ? "" : "s"}).`,
    message:
      "The endpoint sent server-sent events, but not in the OpenAI chat-completions format. Check that the base URL is the OpenAI-compatible one (…/v1).",
  };
}

/** One JSON reply over `limit` characters where a stream was asked for. */
export function jsonTooLong(limit: number): LlmFailure {
  return {
    kind: "malformed",
    title: `The endpoint sent one JSON reply of more than ${(limit / 1_000_000).toFixed(0)} million characters instead of a stream.`,
    message:
      "That is far more than an answer in a lab; it was not read. Ask for a shorter answer, or check that the base URL is the OpenAI-compatible one (…/v1).",
  };
}

/** A reply of content type `type` (not server-sent events) whose body is not an answer. */
export function notSse(type: string, body: string): LlmFailure {
  return {
    kind: "not-sse",
    title: `The endpoint answered with ${type.split(";")[0] || "an unknown type"}, not a stream of server-sent events.`,
    message:
      "Is the base URL pointing at an OpenAI-compatible API (usually ending in /v1)? " +
      (/^\s*</.test(body)
        ? "It sent a web page."
        : body
          ? `It sent: “${clip(body.trim(), 160)}”`
          : "It sent nothing."),
  };
}
