// What a learner meets when their model's endpoint misbehaves: for each bad endpoint the exact
// message shown (written out by hand here, not taken from the code), and — run through the lab's
// conversation as the page runs it — that the message they typed is still there: kept in the
// conversation as not answered, back in the input box, and anything that arrived kept too.
// The endpoint is a fake fetch; no network.
import { describe, expect, it, vi } from "vitest";
import {
  type ConversationState,
  initialConversation,
  step,
} from "../../../src/components/learn/labConversation.ts";
import { streamChat } from "../../../src/components/learn/llmClient.ts";
import { LlmError, type LlmFailure } from "../../../src/components/learn/llmFailure.ts";
import { createTutorContext } from "../../../src/components/learn/tutorContext.ts";
import { labs } from "../../../src/content/labs.ts";
import { benchmarkRows } from "./benchmarkRows.ts";

const ctx = createTutorContext(labs["2"], benchmarkRows);
const TYPED = "Is a 2-point gap on 500 questions enough to say model A is better?";
const BASE = "http://127.0.0.1:9/v1";
const URL_ = `${BASE}/chat/completions`;
const enc = new TextEncoder();
const sse = (content: string) => `data: ${JSON.stringify({ choices: [{ delta: { content } }] })}\n\n`;

type Fetch = typeof fetch;
/** A fetch that answers once with this status, headers and body text. */
const answering = (status: number, body: string, headers: Record<string, string> = {}) =>
  // An empty body is no body at all (a string body would get a text/plain type).
  vi.fn(async () => new Response(body || null, { status, headers })) as unknown as Fetch;
/** A fetch whose 200 text/event-stream body delivers these pieces, then ends, errors or hangs. */
function streaming(pieces: string[], after: "end" | "error" | "hang", type = "text/event-stream"): Fetch {
  return vi.fn(async (_url: string, init?: RequestInit) => {
    const body = new ReadableStream<Uint8Array>({
      async start(c) {
        for (const p of pieces) {
          await new Promise((r) => setTimeout(r, 1));
          c.enqueue(enc.encode(p));
        }
        if (after === "end") c.close();
        else if (after === "error") c.error(new TypeError("network error"));
        else
          init?.signal?.addEventListener("abort", () => c.error(new DOMException("aborted", "AbortError")));
      },
    });
    return new Response(body, { status: 200, headers: { "content-type": type } });
  }) as unknown as Fetch;
}

interface Met {
  failure: LlmFailure;
  partial: string;
  /** The conversation after the failure, as the page keeps it. */
  state: ConversationState;
  /** The request's body as sent. */
  sent: string;
}

/** The learner types TYPED, sends it to their model behind `fetch`, and the answer fails. */
async function learnerMeets(
  fetch: Fetch,
  extra: { signal?: AbortSignal; onToken?: (t: string, all: string) => void } = {},
): Promise<Met> {
  let s = step(ctx, initialConversation([]), { type: "typed", text: TYPED }).state;
  const sent = step(ctx, s, {
    type: "send",
    text: TYPED,
    answerer: { kind: "model", model: "llama9" },
    stamp: { at: "2026-12-03T07:00:00.000Z", ids: ["l1", "t1"] },
  });
  s = sent.state;
  const ask = sent.effects.find((e) => e.type === "ask-model");
  if (ask?.type !== "ask-model") throw new Error("the model was not asked");
  let error: unknown = null;
  try {
    await streamChat({
      baseUrl: BASE,
      model: ask.model,
      messages: [{ role: "user", content: ask.text }],
      origin: "http://localhost:3000",
      fetch,
      onToken: extra.onToken ?? (() => {}),
      ...(extra.signal ? { signal: extra.signal } : {}),
    });
  } catch (e) {
    error = e;
  }
  if (!(error instanceof LlmError)) throw new Error(`expected an LlmError, got ${String(error)}`);
  const failed = step(ctx, s, {
    type: "failed",
    learnerId: ask.learnerId,
    model: ask.model,
    failure: error.failure,
    partial: error.partial,
    stamp: { at: "2026-12-03T07:00:01.000Z", ids: ["t2", "t3"] },
  });
  const call = (fetch as unknown as ReturnType<typeof vi.fn>).mock.calls[0];
  return {
    failure: error.failure,
    partial: error.partial,
    state: failed.state,
    sent: String(call?.[1]?.body ?? ""),
  };
}

/** Nothing typed is lost: the request carried it, the conversation keeps it, the box has it back. */
function expectKept(m: Met) {
  expect(JSON.parse(m.sent).messages).toEqual([{ role: "user", content: TYPED }]);
  expect(m.state.messages[0]).toMatchObject({ role: "learner", text: TYPED, status: "failed" });
  expect(m.state.input).toBe(TYPED);
  expect(m.state.busy).toBe(false);
}

const CHECK_KEY =
  "Check the API key in the settings: it may be missing, mistyped, expired or without access to this model.";
const SERVER_SIDE =
  "This is a problem on the server's side (it may be loading the model, out of memory, or crashed). Retry in a moment, or check its log.";
const ASK_V1 = "Is the base URL pointing at an OpenAI-compatible API (usually ending in /v1)? ";

describe("a bad endpoint, as the learner meets it", () => {
  it("endpoint down (fetch rejects)", async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as Fetch;
    const m = await learnerMeets(fetch);
    expect(m.failure).toEqual({
      kind: "unreachable",
      title: "Could not reach http://127.0.0.1:9/v1.",
      message:
        "Either nothing is listening there (is the server running, and is the address right?), or the server refused this page's origin (a browser security rule called CORS).",
    });
    expect(m.state.error).toEqual(m.failure);
    expectKept(m);
  });

  it.each([
    [
      401,
      '{"error":{"message":"Invalid API key"}}',
      "The endpoint refused the request (401 Unauthorized).",
      `${CHECK_KEY} The server said: “Invalid API key”`,
    ],
    [401, "", "The endpoint refused the request (401 Unauthorized).", CHECK_KEY],
    [
      404,
      `{"error":{"message":"model 'llama9' not found"}}`,
      "The endpoint has no model called “llama9” (404).",
      "Use “Test connection” to list the models it serves, and pick one (with Ollama, `ollama pull <name>` first). The server said: “model 'llama9' not found”",
    ],
    [
      404,
      "",
      `Nothing answered at ${URL_} (404).`,
      "Check the base URL: OpenAI-compatible servers usually expect it to end in /v1.",
    ],
    [
      429,
      '{"error":{"message":"Rate limit reached"}}',
      "Too many requests (429).",
      "The endpoint is rate-limiting you or the account is out of quota. Wait a little and retry. The server said: “Rate limit reached”",
    ],
    [
      429,
      "",
      "Too many requests (429).",
      "The endpoint is rate-limiting you or the account is out of quota. Wait a little and retry.",
    ],
    [
      500,
      '{"error":"CUDA out of memory"}',
      "The model server failed (500).",
      `${SERVER_SIDE} The server said: “CUDA out of memory”`,
    ],
    [500, "<html><h1>Internal Server Error</h1></html>", "The model server failed (500).", SERVER_SIDE],
    [500, "", "The model server failed (500).", SERVER_SIDE],
  ])("HTTP %i with body %j", async (status, body, title, message) => {
    const m = await learnerMeets(
      answering(status, body, body.startsWith("{") ? { "content-type": "application/json" } : {}),
    );
    expect(m.failure).toEqual({ kind: expect.any(String), status, title, message });
    expect(m.partial).toBe("");
    expectKept(m);
  });

  it("HTTP 429 that says when to retry", async () => {
    const m = await learnerMeets(answering(429, "", { "retry-after": "20" }));
    expect(m.failure.message).toBe(
      "The endpoint is rate-limiting you or the account is out of quota. It asks you to wait 20 s before retrying.",
    );
    expectKept(m);
  });

  it.each([
    ["text/plain", "hello, this is garbage", `${ASK_V1}It sent: “hello, this is garbage”`],
    ["application/json", "{not json at all", `${ASK_V1}It sent: “{not json at all”`],
    [
      "application/json",
      '{"id":"x","object":"chat.completion"}',
      `${ASK_V1}It sent: “{"id":"x","object":"chat.completion"}”`,
    ],
    ["text/html", "<!doctype html><p>Welcome to nginx</p>", `${ASK_V1}It sent a web page.`],
    ["", "", `${ASK_V1}It sent nothing.`],
  ])("a 200 that answers %j garbage is refused, not taken for an answer", async (type, body, message) => {
    const m = await learnerMeets(answering(200, body, type ? { "content-type": type } : {}));
    expect(m.failure).toEqual({
      kind: "not-sse",
      title: `The endpoint answered with ${type || "an unknown type"}, not a stream of server-sent events.`,
      message,
    });
    expect(m.state.messages).toHaveLength(1); // no tutor answer made of garbage
    expectKept(m);
  });

  it("a 200 text/event-stream whose lines are not server-sent events (a web page) is unreadable, not a hang-up", async () => {
    // Before: "The connection closed before the model answered", as if the server had hung up.
    const m = await learnerMeets(streaming(["<!doctype html>\n<html><body>Not here</body></html>\n"], "end"));
    expect(m.failure).toEqual({
      kind: "malformed",
      title: "The stream could not be read (2 malformed lines).",
      message:
        "The endpoint sent server-sent events, but not in the OpenAI chat-completions format. Check that the base URL is the OpenAI-compatible one (…/v1).",
    });
    expectKept(m);
  });

  it("an SSE stream that ends without [DONE] or a finish reason: cut, with what arrived kept", async () => {
    const m = await learnerMeets(streaming([sse("Half "), sse("an answer")], "end"));
    expect(m.failure).toEqual({
      kind: "cut",
      title: "The answer was cut off.",
      message:
        "The connection closed before the model finished; what arrived is kept above. Retry to ask again.",
    });
    expect(m.partial).toBe("Half an answer");
    expect(m.state.messages[1]).toMatchObject({ role: "tutor", text: "Half an answer", partial: "cut" });
    expectKept(m);
  });

  it("an SSE stream that ends with a finish reason but no [DONE] is a whole answer", async () => {
    const done = `data: ${JSON.stringify({ choices: [{ delta: { content: "." }, finish_reason: "stop" }] })}\n\n`;
    const r = await streamChat({
      baseUrl: BASE,
      model: "m",
      messages: [{ role: "user", content: TYPED }],
      fetch: streaming([sse("Whole"), done], "end"),
      onToken: () => {},
    });
    expect(r).toMatchObject({ text: "Whole.", finishReason: "stop" });
  });

  it.each([
    ["the connection breaks", "error"],
    ["the stream ends", "end"],
  ] as const)(
    "an SSE stream that stops mid-message (%s): cut, with the whole tokens kept",
    async (_, after) => {
      const m = await learnerMeets(
        streaming([sse("Half "), 'data: {"choices":[{"delta":{"content":"an ans'], after),
      );
      expect(m.failure.title).toBe("The answer was cut off.");
      expect(m.partial).toBe("Half ");
      expect(m.state.messages[1]).toMatchObject({ role: "tutor", text: "Half ", partial: "cut" });
      expectKept(m);
    },
  );

  it("an SSE stream that closes with nothing in it: the server hung up", async () => {
    const m = await learnerMeets(streaming([": keep-alive\n\n"], "end"));
    expect(m.failure).toEqual({
      kind: "cut",
      title: "The connection closed before the model answered.",
      message: "The server hung up without sending an answer. Retry, or check the server's log.",
    });
    expectKept(m);
  });

  it.each([
    ["an SSE stream of only [DONE]", () => streaming(["data: [DONE]\n\n"], "end")],
    ["an SSE stream of empty deltas", () => streaming([sse(""), sse(""), "data: [DONE]\n\n"], "end")],
    [
      // Before: "not a stream of server-sent events … is the base URL …/v1?" — wrong advice.
      "a whole-JSON completion with empty content",
      () =>
        answering(200, JSON.stringify({ choices: [{ message: { content: "" }, finish_reason: "stop" }] }), {
          "content-type": "application/json",
        }),
    ],
  ])("an empty completion (%s)", async (_, fetch) => {
    const m = await learnerMeets(fetch());
    expect(m.failure).toEqual({
      kind: "empty",
      title: "The model sent an empty answer.",
      message: "Retry, or try another model.",
    });
    expectKept(m);
  });

  it("Stop before anything arrives: stopped, the message back in the box, no error shown", async () => {
    const controller = new AbortController();
    const fetch = vi.fn(
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((_, reject) =>
          init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
        ),
    ) as unknown as Fetch;
    setTimeout(() => controller.abort(), 5);
    const m = await learnerMeets(fetch, { signal: controller.signal });
    expect(m.failure).toEqual({
      kind: "aborted",
      title: "Stopped.",
      message: "You stopped the answer; what arrived is kept.",
    });
    expect(m.state.error).toBeNull();
    expectKept(m);
  });

  it("Stop mid-answer: what arrived is kept as a stopped answer", async () => {
    const controller = new AbortController();
    const m = await learnerMeets(streaming([sse("Half "), sse("an answer")], "hang"), {
      signal: controller.signal,
      onToken: (_t, all) => {
        if (all === "Half an answer") controller.abort();
      },
    });
    expect(m.failure.title).toBe("Stopped.");
    expect(m.partial).toBe("Half an answer");
    expect(m.state.messages.map((x) => [x.role, x.text, x.status ?? x.partial])).toEqual([
      ["learner", TYPED, "answered"],
      ["tutor", "Half an answer", "stopped"],
    ]);
    expect(m.state.busy).toBe(false);
  });

  it("Stop while a whole-JSON reply is arriving says Stopped, not 'not a stream'", async () => {
    // Before: the short body read before the Stop was judged and refused as not-sse.
    const controller = new AbortController();
    const fetch = streaming(['{"choices":[{"message":{"content":"Half'], "hang", "application/json");
    setTimeout(() => controller.abort(), 20);
    const m = await learnerMeets(fetch, { signal: controller.signal });
    expect(m.failure).toEqual({
      kind: "aborted",
      title: "Stopped.",
      message: "You stopped the answer; what arrived is kept.",
    });
    expectKept(m);
  });
});
