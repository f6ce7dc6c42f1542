// A streaming client for OpenAI-compatible chat completions (Ollama, LM Studio, llama.cpp server,
// vLLM, OpenAI): fetch + a reader over server-sent events, a Stop (AbortSignal), a time-out when
// the stream goes silent, an overall deadline for a reply that keeps dripping, a cap on a reply's
// length (said, never silent), and every failure turned into a message a learner can act on.
// The pieces: llmRequest (what is sent), llmWatch (the clocks and the Stop), llmResponse (reading
// the answer), llmHttpFailure and llmFailure (what the learner is told when it goes wrong).
import { JSON_BODY_LIMIT, readBody } from "./llmBody.js";
import { LlmError, stopped } from "./llmFailure.js";
import { classifyResponse, unreachable } from "./llmHttpFailure.js";
import {
  type ChatMessage,
  chatRequestInit,
  type Endpoint,
  endpointUrl,
  modelsRequestInit,
} from "./llmRequest.js";
import { readEventStream, readWholeAnswer, type StreamResult } from "./llmResponse.js";
import { watch } from "./llmWatch.js";

export interface StreamOptions extends Endpoint {
  model: string;
  messages: ChatMessage[];
  onToken: (token: string, text: string) => void;
  signal?: AbortSignal;
  /** Milliseconds without any data before giving up (also covers the wait for the first byte). */
  stallMs?: number;
  /** Milliseconds for the whole answer, however steadily data arrives (default 5 minutes). */
  deadlineMs?: number;
  /** The most characters of answer to read; past it the reading stops and `truncated` is set. */
  maxChars?: number;
  /** The page's origin, for the CORS advice. */
  origin?: string;
  fetch?: typeof fetch;
  temperature?: number;
}

export const DEFAULT_DEADLINE_MS = 300_000;
export const DEFAULT_MAX_CHARS = 20_000;

/**
 * Stream a chat completion. Resolves with the whole answer; calls onToken as tokens arrive.
 * Rejects with an LlmError (its `partial` holds what arrived) on any failure, Stop included.
 */
export async function streamChat(opts: StreamOptions): Promise<StreamResult> {
  if (opts.signal?.aborted) throw new LlmError(stopped());
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const url = endpointUrl(opts.baseUrl, "chat/completions");
  const w = watch(opts.signal, opts.stallMs ?? 60_000, opts.deadlineMs ?? DEFAULT_DEADLINE_MS);
  const reading = { onToken: opts.onToken, maxChars: opts.maxChars ?? DEFAULT_MAX_CHARS, watch: w };
  try {
    w.arm();
    let res: Response;
    try {
      res = await doFetch(url, chatRequestInit(opts.apiKey, opts, w.signal));
    } catch {
      throw new LlmError(w.failure("") ?? unreachable(opts.baseUrl, opts));
    }
    if (!res.ok) throw new LlmError(await classifyResponse(res, url, opts.model));
    const type = (res.headers.get("content-type") ?? "").toLowerCase();
    // Some servers ignore stream: true and answer with one JSON body; accept that, refuse anything else.
    if (!type.includes("text/event-stream")) return await readWholeAnswer(res, type, reading);
    if (!res.body) throw new LlmError({ kind: "cut", title: "The response had no body.", message: "Retry." });
    return await readEventStream(res.body, reading);
  } finally {
    w.dispose();
  }
}

/** The model ids of a list: OpenAI's {data: [{id}]} or Ollama's {models: [{name}]}; null if not a list. */
export function modelIds(json: unknown): string[] | null {
  if (!json || typeof json !== "object") return null;
  const o = json as Record<string, unknown>;
  const list = Array.isArray(o.data) ? o.data : Array.isArray(o.models) ? o.models : [];
  const ids: string[] = [];
  for (const m of list) {
    if (m && typeof m === "object") {
      const id = (m as Record<string, unknown>).id ?? (m as Record<string, unknown>).name;
      if (typeof id === "string" && id) ids.push(id);
    }
  }
  return ids.slice(0, 200);
}

/** The models an endpoint serves (GET /models). */
export async function listModels(
  endpoint: Endpoint & { fetch?: typeof fetch; origin?: string; timeoutMs?: number },
) {
  const doFetch = endpoint.fetch ?? globalThis.fetch.bind(globalThis);
  const url = endpointUrl(endpoint.baseUrl, "models");
  const timeoutMs = endpoint.timeoutMs ?? 15_000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let res: Response;
  try {
    res = await doFetch(url, modelsRequestInit(endpoint.apiKey, controller.signal));
  } catch {
    clearTimeout(timer);
    throw new LlmError(unreachable(endpoint.baseUrl, endpoint));
  }
  // The timer runs on through the body: a list that drips forever is given up on too.
  let body: Awaited<ReturnType<typeof readBody>>;
  try {
    if (!res.ok) throw new LlmError(await classifyResponse(res, url));
    body = await readBody(res, JSON_BODY_LIMIT);
  } finally {
    clearTimeout(timer);
  }
  if (controller.signal.aborted) {
    throw new LlmError({
      kind: "stalled",
      title: `The model list did not arrive within ${Math.round(timeoutMs / 1000)} s.`,
      message: "The endpoint answered but kept the list coming. Check the base URL, or retry.",
    });
  }
  const ids = modelIds(body.json);
  if (ids) return ids;
  throw new LlmError({
    kind: "not-sse",
    title: "The endpoint's model list is not JSON.",
    message: /^\s*</.test(body.text)
      ? "It sent a web page — is the base URL the OpenAI-compatible one (…/v1)?"
      : "Check the base URL (it usually ends in /v1).",
  });
}
