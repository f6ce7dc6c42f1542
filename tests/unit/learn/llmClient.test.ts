// The streaming client against a fake fetch: tokens arrive in order however the bytes are cut,
// and every failure becomes the right kind of message, with what arrived kept.
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { listModels, streamChat } from "../../../src/components/learn/llmClient.ts";
import { LlmError } from "../../../src/components/learn/llmFailure.ts";
import type { ChatMessage } from "../../../src/components/learn/llmRequest.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/bad-input/sse/${name}`, import.meta.url));
const SSE = { "content-type": "text/event-stream; charset=utf-8" };
const messages: ChatMessage[] = [{ role: "user", content: "hello" }];

interface Plan {
  chunks?: Uint8Array[];
  /** After the chunks: end normally, error the stream (cut), or hang (stall). */
  after?: "end" | "error" | "hang";
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

function fakeFetch(plan: Plan) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fn = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    if (plan.body !== undefined || plan.status) {
      return new Response(plan.body ?? "", { status: plan.status ?? 200, headers: plan.headers ?? {} });
    }
    const signal = init?.signal;
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (const c of plan.chunks ?? []) {
          await new Promise((r) => setTimeout(r, 1));
          controller.enqueue(c);
        }
        if (plan.after === "error") controller.error(new TypeError("network error"));
        else if (plan.after === "hang") {
          signal?.addEventListener("abort", () =>
            controller.error(new DOMException("aborted", "AbortError")),
          );
        } else controller.close();
      },
    });
    return new Response(stream, { status: 200, headers: plan.headers ?? SSE });
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

/** Bytes cut at every n bytes (so UTF-8 characters and lines split across chunks). */
function bytesEvery(buf: Uint8Array, n: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < buf.length; i += n) out.push(buf.slice(i, i + n));
  return out;
}

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(LlmError);
    return e as LlmError;
  }
  throw new Error("expected a failure");
}

const base = { baseUrl: "http://127.0.0.1:9/v1", model: "m", messages };

describe("streamChat", () => {
  it("streams tokens in order for any byte chunking, multibyte characters included", async () => {
    for (const n of [1, 2, 3, 7, 64]) {
      const seen: string[] = [];
      const { fetch } = fakeFetch({ chunks: bytesEvery(fixture("bom-multibyte-no-final-blank.txt"), n) });
      const r = await streamChat({ ...base, fetch, onToken: (t) => seen.push(t) });
      expect(r.text).toBe("Grüße — 📊");
      expect(seen.join("")).toBe("Grüße — 📊");
    }
    const { fetch } = fakeFetch({ chunks: bytesEvery(fixture("crlf-with-comments.txt"), 5) });
    const tokens: string[] = [];
    const r = await streamChat({ ...base, fetch, onToken: (t) => tokens.push(t) });
    expect(tokens).toEqual(["Check ", "the shot count."]);
    expect(r.finishReason).toBe("stop");
  });

  it("sends the key only in the Authorization header, and the messages as JSON", async () => {
    const { fetch, calls } = fakeFetch({ chunks: [fixture("crlf-with-comments.txt")] });
    await streamChat({ ...base, apiKey: "sk-secret", fetch, onToken: () => {} });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe("http://127.0.0.1:9/v1/chat/completions");
    expect(calls[0]!.url).not.toContain("sk-secret");
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers.Authorization).toBe("Bearer sk-secret");
    const body = JSON.parse(String(calls[0]!.init.body));
    expect(body).toMatchObject({ model: "m", stream: true, messages });
    expect(JSON.stringify(body)).not.toContain("sk-secret");
    expect(calls[0]!.init.credentials).toBe("omit");
  });

  it("sends no Authorization header without a key", async () => {
    const { fetch, calls } = fakeFetch({ chunks: [fixture("crlf-with-comments.txt")] });
    await streamChat({ ...base, fetch, onToken: () => {} });
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it("skips malformed lines between good ones, and counts them", async () => {
    const { fetch } = fakeFetch({ chunks: [fixture("malformed-mixed.txt")] });
    const r = await streamChat({ ...base, fetch, onToken: () => {} });
    expect(r.text).toBe("Fine so far.");
    expect(r.malformedLines).toBe(1);
  });

  it("fails with 'malformed' when nothing readable arrives", async () => {
    const { fetch } = fakeFetch({ chunks: [fixture("malformed-only.txt")] });
    const e = await failure(streamChat({ ...base, fetch, onToken: () => {} }));
    expect(e.failure.kind).toBe("malformed");
    expect(e.failure.title).toContain("3 malformed lines");
  });

  it("fails with 'cut' when the stream ends mid-answer, keeping what arrived", async () => {
    const { fetch } = fakeFetch({ chunks: [fixture("cut-after-tokens.txt")] });
    const e = await failure(streamChat({ ...base, fetch, onToken: () => {} }));
    expect(e.failure.kind).toBe("cut");
    expect(e.partial).toBe("Half an answer");
  });

  it("fails with 'cut' when the connection errors mid-stream", async () => {
    const { fetch } = fakeFetch({ chunks: [fixture("cut-after-tokens.txt")], after: "error" });
    const e = await failure(streamChat({ ...base, fetch, onToken: () => {} }));
    expect(e.failure.kind).toBe("cut");
    expect(e.partial).toBe("Half an answer");
  });

  it("fails with 'model-error' on an error body mid-stream", async () => {
    const { fetch } = fakeFetch({ chunks: [fixture("error-body-mid-stream.txt")] });
    const e = await failure(streamChat({ ...base, fetch, onToken: () => {} }));
    expect(e.failure.kind).toBe("model-error");
    expect(e.failure.message).toContain("CUDA out of memory");
    expect(e.partial).toBe("Start");
  });

  it("times out a stalled stream, keeping what arrived", async () => {
    const { fetch } = fakeFetch({ chunks: [fixture("cut-after-tokens.txt")], after: "hang" });
    const started = Date.now();
    const e = await failure(streamChat({ ...base, fetch, stallMs: 150, onToken: () => {} }));
    expect(e.failure.kind).toBe("stalled");
    expect(e.partial).toBe("Half an answer");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("stops on the learner's Stop, keeping what arrived", async () => {
    const { fetch } = fakeFetch({ chunks: [fixture("cut-after-tokens.txt")], after: "hang" });
    const controller = new AbortController();
    const p = streamChat({
      ...base,
      fetch,
      signal: controller.signal,
      onToken: (_t, text) => {
        if (text === "Half an answer") controller.abort();
      },
    });
    const e = await failure(p);
    expect(e.failure.kind).toBe("aborted");
    expect(e.partial).toBe("Half an answer");
  });

  it("refuses a response that is not SSE (a web page)", async () => {
    const { fetch } = fakeFetch({
      body: fixture("html-not-sse.html").toString(),
      headers: { "content-type": "text/html" },
      status: 200,
    });
    const e = await failure(streamChat({ ...base, fetch, onToken: () => {} }));
    expect(e.failure.kind).toBe("not-sse");
    expect(e.failure.title).toContain("text/html");
    expect(e.failure.message).toContain("web page");
  });

  it("accepts a whole JSON answer from a server that ignores stream: true", async () => {
    const { fetch } = fakeFetch({
      body: JSON.stringify({ choices: [{ message: { content: "All at once." }, finish_reason: "stop" }] }),
      headers: { "content-type": "application/json" },
      status: 200,
    });
    const r = await streamChat({ ...base, fetch, onToken: () => {} });
    expect(r).toMatchObject({ text: "All at once.", streamed: false });
  });

  it("accepts a whole JSON answer longer than 4,000 characters (read whole before parsing)", async () => {
    // 6,000 characters of answer: the body is ~6,100 characters of valid JSON.
    const answer = "The interval is wide. ".repeat(273).slice(0, 6000);
    const { fetch } = fakeFetch({
      body: JSON.stringify({ choices: [{ message: { content: answer }, finish_reason: "stop" }] }),
      headers: { "content-type": "application/json" },
      status: 200,
    });
    const r = await streamChat({ ...base, fetch, onToken: () => {} });
    expect(r.text).toBe(answer);
    expect(r.text.length).toBe(6000);
    expect(r).toMatchObject({ streamed: false, truncated: false, fullLength: 6000 });
  });

  it("a whole JSON answer past maxChars is cut to it and says how long it was", async () => {
    const answer = "x".repeat(25_000);
    const { fetch } = fakeFetch({
      body: JSON.stringify({ choices: [{ message: { content: answer }, finish_reason: "stop" }] }),
      headers: { "content-type": "application/json" },
      status: 200,
    });
    const r = await streamChat({ ...base, fetch, maxChars: 20_000, onToken: () => {} });
    expect(r).toMatchObject({ truncated: true, fullLength: 25_000 });
    expect(r.text.length).toBe(20_000);
  });

  it("a streamed answer past maxChars stops being read at the cap", async () => {
    const chunk = (t: string) =>
      new TextEncoder().encode(`data: ${JSON.stringify({ choices: [{ delta: { content: t } }] })}\n\n`);
    // 30 chunks of 1,000 characters, then the stream would go on: reading stops at 20,000.
    const { fetch } = fakeFetch({
      chunks: Array.from({ length: 30 }, (_, i) => chunk(String(i % 10).repeat(1000))),
      after: "hang",
    });
    const r = await streamChat({ ...base, fetch, maxChars: 20_000, onToken: () => {} });
    expect(r.truncated).toBe(true);
    expect(r.text.length).toBe(20_000);
    expect(r.text.endsWith("9".repeat(1000))).toBe(true); // chunks 0..19 exactly
    expect(r.fullLength).toBeNull();
  });

  it("gives up on an answer that keeps dripping past the overall deadline, keeping what arrived", async () => {
    const enc = new TextEncoder();
    const comments = Array.from({ length: 400 }, () => enc.encode(": still thinking\n\n"));
    const { fetch } = fakeFetch({
      chunks: [fixture("cut-after-tokens.txt"), ...comments],
      after: "hang",
    });
    const started = Date.now();
    const e = await failure(
      streamChat({ ...base, fetch, stallMs: 5_000, deadlineMs: 300, onToken: () => {} }),
    );
    expect(e.failure.kind).toBe("deadline");
    expect(e.failure.title).toContain("longer than 0 s");
    expect(e.partial).toBe("Half an answer");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("an error body longer than 4,000 characters still gives its message", async () => {
    const { fetch } = fakeFetch({
      status: 400,
      body: JSON.stringify({ error: { message: "context length exceeded", detail: "y".repeat(9000) } }),
      headers: { "content-type": "application/json" },
    });
    const e = await failure(streamChat({ ...base, fetch, onToken: () => {} }));
    expect(e.failure.message).toContain("context length exceeded");
  });

  it.each([
    [401, '{"error":{"message":"Incorrect API key provided"}}', "auth", "Incorrect API key"],
    [403, "", "auth", "Forbidden"],
    [
      404,
      '{"error":{"message":"model \\"llama9\\" not found, try pulling it first"}}',
      "not-found",
      "no model called",
    ],
    [404, "<html>Not Found</html>", "not-found", "Nothing answered"],
    [429, '{"error":{"message":"Rate limit reached"}}', "rate-limit", "Too many requests"],
    [500, '{"error":"boom"}', "server", "(500)"],
    [503, "", "server", "(503)"],
    [400, '{"error":{"message":"context length exceeded"}}', "bad-request", "context length exceeded"],
  ])("classifies HTTP %i", async (status, body, kind, text) => {
    const { fetch } = fakeFetch({
      status,
      body,
      headers: { "content-type": "application/json", "retry-after": "20" },
    });
    const e = await failure(streamChat({ ...base, model: "llama9", fetch, onToken: () => {} }));
    expect(e.failure.kind).toBe(kind);
    expect(e.failure.status).toBe(status);
    expect(`${e.failure.title} ${e.failure.message}`).toContain(text);
    if (status === 429) expect(e.failure.message).toContain("wait 20 s");
  });

  it("classifies an unreachable endpoint with the Ollama origins fix", async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof globalThis.fetch;
    const e = await failure(
      streamChat({
        ...base,
        baseUrl: "http://localhost:11434/v1",
        preset: "ollama",
        origin: "https://course.example",
        fetch,
        onToken: () => {},
      }),
    );
    expect(e.failure.kind).toBe("unreachable");
    expect(e.failure.message).toContain("CORS");
    expect(e.failure.fix).toBe('OLLAMA_ORIGINS="https://course.example" ollama serve');
  });

  it("for a page served from this machine, tells the learner to start Ollama (it accepts localhost origins)", async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof globalThis.fetch;
    const e = await failure(
      streamChat({
        ...base,
        baseUrl: "http://localhost:11434/v1",
        preset: "ollama",
        origin: "http://127.0.0.1:3000",
        fetch,
        onToken: () => {},
      }),
    );
    expect(e.failure.fix).toBe("ollama serve");
    expect(e.failure.message).toContain("most likely not running");
  });

  it("mentions mixed content when an https page calls a remote http endpoint", async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof globalThis.fetch;
    const e = await failure(
      streamChat({
        ...base,
        baseUrl: "http://10.0.0.5:8000/v1",
        origin: "https://course.example",
        fetch,
        onToken: () => {},
      }),
    );
    expect(e.failure.message).toContain("https");
  });
});

describe("listModels", () => {
  it("reads OpenAI's and Ollama's list shapes", async () => {
    const openai = fakeFetch({
      status: 200,
      body: JSON.stringify({ data: [{ id: "gpt-4o-mini" }, { id: "o3" }] }),
    });
    expect(await listModels({ baseUrl: "http://x/v1", fetch: openai.fetch })).toEqual(["gpt-4o-mini", "o3"]);
    expect(openai.calls[0]!.url).toBe("http://x/v1/models");
    const ollama = fakeFetch({
      status: 200,
      body: JSON.stringify({ models: [{ name: "llama3.2:latest" }] }),
    });
    expect(await listModels({ baseUrl: "http://x/v1", fetch: ollama.fetch })).toEqual(["llama3.2:latest"]);
  });

  it("gives up on a model list that never finishes arriving", async () => {
    const enc = new TextEncoder();
    const { fetch } = fakeFetch({
      chunks: [enc.encode('{"data": [{"id": "a"}')],
      after: "hang",
      headers: { "content-type": "application/json" },
    });
    const e = await failure(listModels({ baseUrl: "http://x/v1", fetch, timeoutMs: 200 }));
    expect(e.failure.kind).toBe("stalled");
  });

  it("classifies failures like the chat request", async () => {
    const { fetch } = fakeFetch({ status: 401, body: "{}" });
    const e = await failure(listModels({ baseUrl: "http://x/v1", apiKey: "k", fetch }));
    expect(e.failure.kind).toBe("auth");
    const page = fakeFetch({ status: 200, body: "<html></html>" });
    expect((await failure(listModels({ baseUrl: "http://x", fetch: page.fetch }))).failure.kind).toBe(
      "not-sse",
    );
  });
});
