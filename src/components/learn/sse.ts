// A server-sent-events parser for streamed chat completions, fed text in whatever chunks the
// network delivers: lines split across chunks, CRLF (even a CR at the end of one chunk and its LF
// at the start of the next), comments, multi-line data, and a last event without its blank line.
// Then the OpenAI-compatible reading of one event's data: a token, the end, an error, or garbage.
// Pure: strings in, events out.

export interface SseEvent {
  /** The event type ("message" unless the stream names one). */
  event: string;
  /** The data lines joined with "\n". */
  data: string;
  id: string | null;
}

export interface SseParser {
  /** Feed decoded text; returns the events completed by it. */
  push(chunk: string): SseEvent[];
  /** The stream ended: returns a last event that had data but no terminating blank line. */
  end(): SseEvent[];
  /** Comment lines seen so far (": keep-alive"). */
  readonly comments: number;
  /** Lines with a field SSE does not define (a web page or plain text sent as a stream), ignored. */
  readonly ignored: number;
}

export function createSseParser(): SseParser {
  let buffer = "";
  let data: string[] = [];
  let event = "";
  let id: string | null = null;
  let comments = 0;
  let ignored = 0;
  let first = true;

  function dispatch(out: SseEvent[]) {
    if (data.length) out.push({ event: event || "message", data: data.join("\n"), id });
    data = [];
    event = "";
  }

  function line(text: string, out: SseEvent[]) {
    if (text === "") {
      dispatch(out);
      return;
    }
    if (text.startsWith(":")) {
      comments++;
      return;
    }
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "data":
        data.push(value);
        break;
      case "event":
        event = value;
        break;
      case "id":
        if (!value.includes("\0")) id = value;
        break;
      case "retry":
        break;
      default:
        // Unknown fields are ignored, as the specification says (but counted).
        ignored++;
        break;
    }
  }

  function drain(final: boolean): SseEvent[] {
    const out: SseEvent[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(buffer);
      if (!match) break;
      // A CR at the very end may be the first half of a CRLF split across chunks: wait for more.
      if (match[0] === "\r" && match.index === buffer.length - 1 && !final) break;
      line(buffer.slice(0, match.index), out);
      buffer = buffer.slice(match.index + match[0].length);
    }
    return out;
  }

  return {
    push(chunk: string) {
      if (first && chunk.length) {
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
        first = false;
      }
      buffer += chunk;
      return drain(false);
    },
    end() {
      const out = drain(true);
      if (buffer.length) {
        line(buffer, out);
        buffer = "";
      }
      dispatch(out);
      return out;
    },
    get comments() {
      return comments;
    },
    get ignored() {
      return ignored;
    },
  };
}

/** What one event of an OpenAI-compatible chat-completions stream says. */
export type ChatChunk =
  | { kind: "done" }
  | { kind: "delta"; text: string; finishReason: string | null }
  | { kind: "error"; message: string }
  | { kind: "malformed"; raw: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The human-readable message of an error body ({"error": {"message": …}} and its variants). */
export function errorMessage(body: unknown): string | null {
  if (typeof body === "string") return body.trim() || null;
  if (!isObj(body)) return null;
  const e = body.error;
  if (typeof e === "string") return e;
  if (isObj(e) && typeof e.message === "string") return e.message;
  if (typeof body.message === "string") return body.message;
  if (typeof body.detail === "string") return body.detail;
  return null;
}

export function parseChatChunk(data: string): ChatChunk {
  const trimmed = data.trim();
  if (trimmed === "[DONE]") return { kind: "done" };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { kind: "malformed", raw: data };
  }
  if (!isObj(value)) return { kind: "malformed", raw: data };
  if ("error" in value && value.error) {
    return { kind: "error", message: errorMessage(value) ?? "the model reported an error" };
  }
  const choices = value.choices;
  if (!Array.isArray(choices)) return { kind: "malformed", raw: data };
  if (choices.length === 0) return { kind: "delta", text: "", finishReason: null }; // e.g. a usage-only chunk
  const c = choices[0];
  if (!isObj(c)) return { kind: "malformed", raw: data };
  const finishReason = typeof c.finish_reason === "string" ? c.finish_reason : null;
  const delta = isObj(c.delta) ? c.delta : isObj(c.message) ? c.message : null;
  const content = delta ? delta.content : c.text;
  if (content === null || content === undefined) return { kind: "delta", text: "", finishReason };
  if (typeof content !== "string") return { kind: "malformed", raw: data };
  return { kind: "delta", text: content, finishReason };
}
