// Decoding a successful (2xx) response of the learner's model into an answer: a stream of
// server-sent events read token by token (llmClient asks for one), or — from a server that
// ignores `stream: true` — one JSON completion read whole. Whatever is neither is refused with a
// message, never taken for an answer. A reply's length is capped (said, never silent).
import { ERROR_BODY_LIMIT, JSON_BODY_LIMIT, readBody } from "./llmBody.js";
import {
  cut,
  emptyAnswer,
  jsonTooLong,
  LlmError,
  modelError,
  notSse,
  unreadableStream,
} from "./llmFailure.js";
import type { Watch } from "./llmWatch.js";
import { createSseParser, errorMessage, parseChatChunk, type SseParser } from "./sse.js";

export interface StreamResult {
  text: string;
  finishReason: string | null;
  /** Data lines that were not valid chunks (skipped). */
  malformedLines: number;
  /** The endpoint answered with plain JSON instead of a stream (accepted whole). */
  streamed: boolean;
  /** The answer went past `maxChars`: `text` holds its first `maxChars` characters. */
  truncated: boolean;
  /** The answer's whole length when it is known (a JSON body), else null. */
  fullLength: number | null;
}

export interface ReadOptions {
  onToken: (token: string, text: string) => void;
  /** The most characters of answer to read. */
  maxChars: number;
  watch: Watch;
}

/** A response that is not server-sent events: one JSON completion, accepted whole, or a failure. */
export async function readWholeAnswer(res: Response, type: string, o: ReadOptions): Promise<StreamResult> {
  const isJson = type.includes("json");
  // readBody never throws: a Stop, stall or deadline that fired while it read shows as a short body.
  const { text: body, json, overLimit } = await readBody(res, isJson ? JSON_BODY_LIMIT : ERROR_BODY_LIMIT);
  const interrupted = o.watch.failure("");
  if (interrupted) throw new LlmError(interrupted);
  if (overLimit && isJson) throw new LlmError(jsonTooLong(JSON_BODY_LIMIT));
  const chunk = json !== null ? parseChatChunk(JSON.stringify(json)) : null;
  if (chunk?.kind === "error") throw new LlmError(modelError(chunk.message));
  if (chunk?.kind !== "delta") throw new LlmError(notSse(type, body));
  // A completion with no text is the model's empty answer, not a wrong address.
  if (!chunk.text) throw new LlmError(emptyAnswer());
  const fullLength = chunk.text.length;
  const truncated = fullLength > o.maxChars;
  const text = truncated ? chunk.text.slice(0, o.maxChars) : chunk.text;
  o.onToken(text, text);
  return {
    text,
    finishReason: chunk.finishReason,
    malformedLines: 0,
    streamed: false,
    truncated,
    fullLength,
  };
}

/** An answer being read from a stream. */
interface Answer {
  text: string;
  /** [DONE] arrived, or the cap was reached: read no further. */
  done: boolean;
  truncated: boolean;
  finishReason: string | null;
  malformed: number;
}

/** Take one event's data into the answer. */
function take(a: Answer, data: string, o: ReadOptions): void {
  const c = parseChatChunk(data);
  if (c.kind === "done") a.done = true;
  else if (c.kind === "malformed") a.malformed++;
  else if (c.kind === "error") throw new LlmError(modelError(c.message), a.text);
  else {
    if (c.finishReason) a.finishReason = c.finishReason;
    if (!c.text) return;
    let piece = c.text;
    if (a.text.length + piece.length > o.maxChars) {
      // Past the cap: keep what fits, stop reading, and say so (the caller marks the cut).
      piece = piece.slice(0, o.maxChars - a.text.length);
      a.truncated = true;
      a.done = true;
    }
    a.text += piece;
    if (piece) o.onToken(piece, a.text);
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

/** Read events into the answer until [DONE], the cap or the end of the body. */
async function pump(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  parser: SseParser,
  a: Answer,
  o: ReadOptions,
) {
  const decoder = new TextDecoder("utf-8");
  while (!a.done) {
    const { value, done: eof } = await reader.read();
    if (eof) {
      for (const e of parser.push(decoder.decode())) take(a, e.data, o);
      for (const e of parser.end()) take(a, e.data, o);
      return;
    }
    // A body that goes on delivering after an abort (Stop, stall, deadline) is not read further.
    if (o.watch.signal.aborted) throw new DOMException("aborted", "AbortError");
    o.watch.arm();
    for (const e of parser.push(decoder.decode(value, { stream: true }))) {
      if (e.event === "error")
        throw new LlmError(modelError(errorMessage(safeJson(e.data)) ?? e.data), a.text);
      take(a, e.data, o);
      if (a.done) break;
    }
  }
}

/** The stream ended: the answer, or why there is none (`ignored`: lines that were not SSE at all). */
function finish(a: Answer, ignored: number): StreamResult {
  const ended = a.done || a.finishReason !== null;
  if (!a.text) {
    // Lines that are not server-sent events (a web page, plain text) are as unreadable as bad data.
    if (a.malformed + ignored > 0) throw new LlmError(unreadableStream(a.malformed + ignored));
    if (!ended) throw new LlmError(cut(""));
    throw new LlmError(emptyAnswer());
  }
  if (!ended) throw new LlmError(cut(a.text), a.text);
  return {
    text: a.text,
    finishReason: a.truncated ? "length" : a.finishReason,
    malformedLines: a.malformed,
    streamed: true,
    truncated: a.truncated,
    fullLength: null,
  };
}

/** Read a stream of server-sent chat-completion chunks, calling onToken as tokens arrive. */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  o: ReadOptions,
): Promise<StreamResult> {
  const reader = body.getReader();
  const parser = createSseParser();
  const a: Answer = { text: "", done: false, truncated: false, finishReason: null, malformed: 0 };
  try {
    await pump(reader, parser, a, o);
  } catch (e) {
    if (e instanceof LlmError) throw e;
    throw new LlmError(o.watch.failure(a.text) ?? cut(a.text), a.text);
  } finally {
    if (a.done) reader.cancel().catch(() => {});
  }
  return finish(a, parser.ignored);
}
