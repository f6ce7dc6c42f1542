// A streaming client for OpenAI-compatible chat completions (Ollama, LM Studio, llama.cpp server,
// vLLM, OpenAI): fetch + a reader over server-sent events, a Stop (AbortSignal), a time-out when
// the stream goes silent, an overall deadline for a reply that keeps dripping, a cap on a reply's
// length (said, never silent), and every failure turned into a message a learner can act on.
// The API key goes only into the Authorization header of requests to the configured endpoint.
import { createSseParser, errorMessage, parseChatChunk } from "./sse.js";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

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

export interface Endpoint {
  baseUrl: string;
  apiKey?: string;
  /** Which preset the learner chose (for preset-specific fixes). */
  preset?: string;
}

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

/** How much of an error body is read (enough for any error message, never megabytes). */
export const ERROR_BODY_LIMIT = 64_000;
/** How much of a non-streamed JSON completion is read. */
export const JSON_BODY_LIMIT = 4_000_000;
export const DEFAULT_DEADLINE_MS = 300_000;
export const DEFAULT_MAX_CHARS = 20_000;

function headers(apiKey: string | undefined, accept: string): Record<string, string> {
  const h: Record<string, string> = { Accept: accept };
  if (apiKey) h.Authorization = `Bearer ${apiKey}`;
  return h;
}

function isLocalHost(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host.endsWith(".localhost");
  } catch {
    return false;
  }
}

/** The failure for a request that never got a response (server down, wrong address, CORS, mixed content). */
export function unreachable(
  url: string,
  { preset, origin }: { preset?: string; origin?: string },
): LlmFailure {
  const site = origin ?? "this site's address";
  const mixed = origin?.startsWith("https:") && url.startsWith("http:") && !isLocalHost(url);
  let fix: string | undefined;
  let how = "";
  if (preset === "ollama" || /:11434\b/.test(url)) {
    if (origin && isLocalHost(origin)) {
      // Ollama accepts pages from localhost and 127.0.0.1 on any port: it is most likely not running.
      fix = "ollama serve";
      how =
        " Ollama accepts pages served from this machine by default, so it is most likely not running: start it (the app, or the command below).";
    } else {
      fix = `OLLAMA_ORIGINS="${site}" ollama serve`;
      how =
        ' Ollama refuses pages from other origins unless they are listed in OLLAMA_ORIGINS: stop Ollama and start it with the command below. On macOS run launchctl setenv OLLAMA_ORIGINS "' +
        site +
        '" and restart the app; on Windows, add OLLAMA_ORIGINS to the environment variables and restart Ollama.';
    }
  } else if (preset === "lmstudio" || /:1234\b/.test(url)) {
    how =
      " In LM Studio, open the Developer tab and switch on “Enable CORS”, then make sure the server is running.";
  } else if (preset === "vllm") {
    fix = `vllm serve <model> --allowed-origins '["${site}"]'`;
    how = " vLLM must allow this page's origin:";
  }
  return {
    kind: "unreachable",
    title: `Could not reach ${url}.`,
    message:
      "Either nothing is listening there (is the server running, and is the address right?), or the server " +
      "refused this page's origin (a browser security rule called CORS)." +
      (mixed
        ? " This page is served over https, and browsers block requests from it to plain http addresses other than localhost."
        : "") +
      how,
    ...(fix ? { fix } : {}),
  };
}

/**
 * Read a body up to `limit` characters (then stop reading) and parse it as JSON if it is whole.
 * The limit applies before parsing, never by cutting a valid body short of its end.
 */
export async function readBody(
  res: Response,
  limit = ERROR_BODY_LIMIT,
): Promise<{ text: string; json: unknown; overLimit: boolean }> {
  let text = "";
  let overLimit = false;
  try {
    if (res.body) {
      const reader = res.body.getReader();
      const decoder = new TextDecoder("utf-8");
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          text += decoder.decode();
          break;
        }
        text += decoder.decode(value, { stream: true });
        if (text.length > limit) {
          overLimit = true;
          reader.cancel().catch(() => {});
          break;
        }
      }
    } else {
      text = await res.text();
    }
  } catch {
    // the body itself failed: the status says enough
  }
  if (text.length > limit) {
    overLimit = true;
    text = text.slice(0, limit);
  }
  let json: unknown = null;
  if (!overLimit) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  return { text, json, overLimit };
}

const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Turn a non-OK HTTP response into a failure the learner can act on. */
export async function classifyResponse(res: Response, url: string, model?: string): Promise<LlmFailure> {
  const { text, json } = await readBody(res);
  const said = errorMessage(json) ?? (/^\s*</.test(text) ? null : text.trim() || null);
  const theySaid = said ? ` The server said: “${clip(said)}”` : "";
  const status = res.status;
  if (status === 401 || status === 403) {
    return {
      kind: "auth",
      status,
      title: `The endpoint refused the request (${status} ${status === 401 ? "Unauthorized" : "Forbidden"}).`,
      message: `Check the API key in the settings: it may be missing, mistyped, expired or without access to this model.${theySaid}`,
    };
  }
  if (status === 404) {
    const aboutModel = said !== null && /model/i.test(said);
    return aboutModel
      ? {
          kind: "not-found",
          status,
          title: `The endpoint has no model called “${model ?? ""}” (404).`,
          message: `Use “Test connection” to list the models it serves, and pick one (with Ollama, \`ollama pull <name>\` first).${theySaid}`,
        }
      : {
          kind: "not-found",
          status,
          title: `Nothing answered at ${url} (404).`,
          message: `Check the base URL: OpenAI-compatible servers usually expect it to end in /v1.${theySaid}`,
        };
  }
  if (status === 429) {
    const retry = res.headers.get("retry-after");
    return {
      kind: "rate-limit",
      status,
      title: "Too many requests (429).",
      message: `The endpoint is rate-limiting you or the account is out of quota.${retry ? ` It asks you to wait ${clip(retry, 20)} s before retrying.` : " Wait a little and retry."}${theySaid}`,
    };
  }
  if (status >= 500) {
    return {
      kind: "server",
      status,
      title: `The model server failed (${status}).`,
      message: `This is a problem on the server's side (it may be loading the model, out of memory, or crashed). Retry in a moment, or check its log.${theySaid}`,
    };
  }
  return {
    kind: "bad-request",
    status,
    title: `The endpoint rejected the request (${status}).`,
    message: `It may not accept this model name or these parameters.${theySaid}`,
  };
}

/**
 * Stream a chat completion. Resolves with the whole answer; calls onToken as tokens arrive.
 * Rejects with an LlmError (its `partial` holds what arrived) on any failure, Stop included.
 */
export async function streamChat(opts: StreamOptions): Promise<StreamResult> {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const stallMs = opts.stallMs ?? 60_000;
  const deadlineMs = opts.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const url = `${opts.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const inner = new AbortController();
  let stalled = false;
  let overdue = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = setTimeout(() => {
    overdue = true;
    inner.abort();
  }, deadlineMs);
  const arm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      inner.abort();
    }, stallMs);
  };
  const onOuterAbort = () => inner.abort();
  if (opts.signal?.aborted) throw new LlmError(stopped());
  opts.signal?.addEventListener("abort", onOuterAbort);
  let text = "";
  const stallFailure = (): LlmFailure => ({
    kind: "stalled",
    title: `No data for ${Math.round(stallMs / 1000)} s — gave up waiting.`,
    message:
      (text
        ? "The answer stopped coming; what arrived is kept. "
        : "The endpoint accepted the request but sent nothing. ") +
      "A model that is still loading can take a while: Retry, or raise the time-out in the settings.",
  });
  const deadlineFailure = (): LlmFailure => ({
    kind: "deadline",
    title: `The answer took longer than ${Math.round(deadlineMs / 1000)} s in all, so it was stopped.`,
    message:
      (text
        ? "Data kept arriving without the answer finishing (a model repeating itself, or a very slow machine); what arrived is kept. "
        : "The endpoint kept the connection busy without sending an answer. ") +
      "Retry, ask for a shorter answer, or raise “Stop an answer after” in the settings.",
  });

  try {
    arm();
    let res: Response;
    try {
      res = await doFetch(url, {
        method: "POST",
        headers: { ...headers(opts.apiKey, "text/event-stream"), "Content-Type": "application/json" },
        body: JSON.stringify({
          model: opts.model,
          messages: opts.messages,
          stream: true,
          temperature: opts.temperature ?? 0.3,
        }),
        signal: inner.signal,
        credentials: "omit",
        cache: "no-store",
        referrerPolicy: "no-referrer",
      });
    } catch {
      if (opts.signal?.aborted) throw new LlmError(stopped());
      if (overdue) throw new LlmError(deadlineFailure());
      if (stalled) throw new LlmError(stallFailure());
      throw new LlmError(
        unreachable(opts.baseUrl, {
          ...(opts.preset ? { preset: opts.preset } : {}),
          ...(opts.origin ? { origin: opts.origin } : {}),
        }),
      );
    }
    if (!res.ok) throw new LlmError(await classifyResponse(res, url, opts.model));
    const type = (res.headers.get("content-type") ?? "").toLowerCase();
    if (!type.includes("text/event-stream")) {
      // Some servers ignore stream: true and answer with one JSON body; accept that, refuse anything else.
      // readBody never throws: a deadline that fired while it read shows as a short body.
      const {
        text: body,
        json,
        overLimit,
      } = await readBody(res, type.includes("json") ? JSON_BODY_LIMIT : ERROR_BODY_LIMIT);
      if (overdue) throw new LlmError(deadlineFailure());
      if (overLimit && type.includes("json")) {
        throw new LlmError({
          kind: "malformed",
          title: `The endpoint sent one JSON reply of more than ${(JSON_BODY_LIMIT / 1_000_000).toFixed(0)} million characters instead of a stream.`,
          message:
            "That is far more than an answer in a lab; it was not read. Ask for a shorter answer, or check that the base URL is the OpenAI-compatible one (…/v1).",
        });
      }
      const chunk = json !== null ? parseChatChunk(JSON.stringify(json)) : null;
      if (chunk?.kind === "delta" && chunk.text) {
        const fullLength = chunk.text.length;
        const truncated = fullLength > maxChars;
        text = truncated ? chunk.text.slice(0, maxChars) : chunk.text;
        opts.onToken(text, text);
        return {
          text,
          finishReason: chunk.finishReason,
          malformedLines: 0,
          streamed: false,
          truncated,
          fullLength,
        };
      }
      if (chunk?.kind === "error") throw new LlmError(modelError(chunk.message));
      throw new LlmError({
        kind: "not-sse",
        title: `The endpoint answered with ${type.split(";")[0] || "an unknown type"}, not a stream of server-sent events.`,
        message:
          "Is the base URL pointing at an OpenAI-compatible API (usually ending in /v1)? " +
          (/^\s*</.test(body)
            ? "It sent a web page."
            : body
              ? `It sent: “${clip(body.trim(), 160)}”`
              : "It sent nothing."),
      });
    }
    if (!res.body) throw new LlmError({ kind: "cut", title: "The response had no body.", message: "Retry." });

    const reader = res.body.getReader();
    const decoder = new TextDecoder("utf-8");
    const parser = createSseParser();
    let done = false;
    let truncated = false;
    let finishReason: string | null = null;
    let malformed = 0;
    const handle = (data: string) => {
      const c = parseChatChunk(data);
      switch (c.kind) {
        case "done":
          done = true;
          break;
        case "malformed":
          malformed++;
          break;
        case "error":
          throw new LlmError(modelError(c.message), text);
        case "delta":
          if (c.finishReason) finishReason = c.finishReason;
          if (c.text) {
            let piece = c.text;
            if (text.length + piece.length > maxChars) {
              // Past the cap: keep what fits, stop reading, and say so (the caller marks the cut).
              piece = piece.slice(0, maxChars - text.length);
              truncated = true;
              done = true;
            }
            text += piece;
            if (piece) opts.onToken(piece, text);
          }
          break;
      }
    };
    try {
      while (!done) {
        const { value, done: eof } = await reader.read();
        if (eof) {
          for (const e of parser.push(decoder.decode())) handle(e.data);
          for (const e of parser.end()) handle(e.data);
          break;
        }
        // A body that goes on delivering after an abort (Stop, stall, deadline) is not read further.
        if (inner.signal.aborted) throw new DOMException("aborted", "AbortError");
        arm();
        for (const e of parser.push(decoder.decode(value, { stream: true }))) {
          if (e.event === "error")
            throw new LlmError(modelError(errorMessage(safeJson(e.data)) ?? e.data), text);
          handle(e.data);
          if (done) break;
        }
      }
    } catch (e) {
      if (e instanceof LlmError) throw e;
      if (opts.signal?.aborted) throw new LlmError(stopped(), text);
      if (overdue) throw new LlmError(deadlineFailure(), text);
      if (stalled) throw new LlmError(stallFailure(), text);
      throw new LlmError(cut(text), text);
    } finally {
      if (done) reader.cancel().catch(() => {});
    }
    if (!text) {
      if (malformed > 0) {
        throw new LlmError({
          kind: "malformed",
          title: `The stream could not be read (${malformed} malformed line${malformed === 1 ? "" : "s"}).`,
          message:
            "The endpoint sent server-sent events, but not in the OpenAI chat-completions format. Check that the base URL is the OpenAI-compatible one (…/v1).",
        });
      }
      if (!done && finishReason === null) throw new LlmError(cut(text));
      throw new LlmError({
        kind: "empty",
        title: "The model sent an empty answer.",
        message: "Retry, or try another model.",
      });
    }
    if (!done && finishReason === null) throw new LlmError(cut(text), text);
    return {
      text,
      finishReason: truncated ? "length" : finishReason,
      malformedLines: malformed,
      streamed: true,
      truncated,
      fullLength: null,
    };
  } finally {
    clearTimeout(deadline);
    if (timer !== undefined) clearTimeout(timer);
    opts.signal?.removeEventListener("abort", onOuterAbort);
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

function stopped(): LlmFailure {
  return { kind: "aborted", title: "Stopped.", message: "You stopped the answer; what arrived is kept." };
}

function modelError(message: string): LlmFailure {
  return {
    kind: "model-error",
    title: "The model reported an error mid-answer.",
    message: `The server said: “${clip(message)}”. Retry, or use the built-in tutor for this message.`,
  };
}

function cut(text: string): LlmFailure {
  return {
    kind: "cut",
    title: text ? "The answer was cut off." : "The connection closed before the model answered.",
    message: text
      ? "The connection closed before the model finished; what arrived is kept above. Retry to ask again."
      : "The server hung up without sending an answer. Retry, or check the server's log.",
  };
}

/** The models an endpoint serves (GET /models; OpenAI's {data: [{id}]} or Ollama's {models: [{name}]}). */
export async function listModels(
  endpoint: Endpoint & { fetch?: typeof fetch; origin?: string; timeoutMs?: number },
) {
  const doFetch = endpoint.fetch ?? globalThis.fetch.bind(globalThis);
  const url = `${endpoint.baseUrl.replace(/\/+$/, "")}/models`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), endpoint.timeoutMs ?? 15_000);
  let res: Response;
  try {
    res = await doFetch(url, {
      method: "GET",
      headers: headers(endpoint.apiKey, "application/json"),
      signal: controller.signal,
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
    });
  } catch {
    clearTimeout(timer);
    throw new LlmError(
      unreachable(endpoint.baseUrl, {
        ...(endpoint.preset ? { preset: endpoint.preset } : {}),
        ...(endpoint.origin ? { origin: endpoint.origin } : {}),
      }),
    );
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
      title: `The model list did not arrive within ${Math.round((endpoint.timeoutMs ?? 15_000) / 1000)} s.`,
      message: "The endpoint answered but kept the list coming. Check the base URL, or retry.",
    });
  }
  const { json, text } = body;
  const ids: string[] = [];
  if (json && typeof json === "object") {
    const o = json as Record<string, unknown>;
    const list = Array.isArray(o.data) ? o.data : Array.isArray(o.models) ? o.models : [];
    for (const m of list) {
      if (m && typeof m === "object") {
        const id = (m as Record<string, unknown>).id ?? (m as Record<string, unknown>).name;
        if (typeof id === "string" && id) ids.push(id);
      }
    }
  } else {
    throw new LlmError({
      kind: "not-sse",
      title: "The endpoint's model list is not JSON.",
      message: /^\s*</.test(text)
        ? "It sent a web page — is the base URL the OpenAI-compatible one (…/v1)?"
        : "Check the base URL (it usually ends in /v1).",
    });
  }
  return ids.slice(0, 200);
}
