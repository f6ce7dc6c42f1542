// A local fake OpenAI-compatible server for the lab's browser tests, on 127.0.0.1.
// The model name picks the behaviour: a good stream, each HTTP failure, a web page instead of
// SSE, malformed lines, a stall, a cut connection, and a payload of HTML and script.
// Paths under /nocors/ answer without CORS headers, as a server that refuses the page's origin;
// under /longids/ the model list holds a 300-character model id. Every request's Authorization
// header is recorded, so a test can check which origin received the key.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

export const OK_TOKENS = [
  "Good ",
  "question. ",
  "Model ",
  "B's ",
  "shot ",
  "count ",
  "is ",
  "not ",
  "stated.",
];
export const HTML_PAYLOAD =
  '<img src="/pwned.png" onerror="window.__pwned=1"><script>window.__pwned=2</script> done';
export const VALID_KEY = "sk-test-valid-123";
/** A Markdown answer, cut into tokens in awkward places (inside ** and `, across table rows). */
export const MARKDOWN_TOKENS = [
  "## Is the ",
  "gap real?\n\n",
  "The **1.8",
  " pp** gap has a 95% interval of ",
  "$[1.1, 2.5]$ pp",
  " — *not* noise.\n\n",
  "1. Same `5-",
  "shot` setup?\n",
  "2. Same evaluator?\n",
  "   - self-reported vs ",
  "leaderboard\n\n",
  "| Test | N |\n|---|--:|\n",
  "| MMLU | 14,042 |\n\n",
  "See [the paper](https://example.org/paper) or [this](javascript:window.__pwned=3).\n\n",
  '<img src="/pwned.png" onerror="window.__pwned=4">\n\n',
  "```\nprop.test(c(12806, 12554), c(14042, 14042))\n```",
];

/** A 300-character token with no break in it (the kind that widens a page). */
export const LONG_TOKEN = `tok_${"Ab3".repeat(98)}x`;
/** A non-streamed JSON answer of 6,000 characters. */
export const LONG_JSON_ANSWER = Array.from(
  { length: 600 },
  (_, i) => `w${String(i).padStart(4, "0")}.${" ".repeat(4)}`,
)
  .join("")
  .slice(0, 6000);
/** The size of the reply that never ends in a sensible place (5 MB of text). */
export const HUGE_REPLY_CHARS = 5_000_000;

export interface Received {
  method: string;
  url: string;
  authorization: string | null;
  body: unknown;
}

export interface FakeLlm {
  url: string;
  origin: string;
  received: Received[];
  close(): Promise<void>;
}

const fixture = (name: string) => readFileSync(new URL(`../fixtures/bad-input/sse/${name}`, import.meta.url));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function cors(req: IncomingMessage, res: ServerResponse) {
  if (req.url?.startsWith("/nocors/")) return;
  res.setHeader("Access-Control-Allow-Origin", req.headers.origin ?? "*");
  res.setHeader("Access-Control-Allow-Headers", "authorization, content-type, accept");
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
  res.setHeader("Access-Control-Expose-Headers", "Retry-After");
  res.setHeader("Vary", "Origin");
}

const chunk = (content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;

async function stream(res: ServerResponse, tokens: string[], gapMs: number, end: "done" | "hang" | "cut") {
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
  res.write(": connected\n\n");
  for (const t of tokens) {
    await sleep(gapMs);
    if (res.destroyed) return;
    res.write(chunk(t));
  }
  if (end === "hang") return; // never finish: the client's stall time-out must fire
  if (end === "cut") {
    await sleep(gapMs);
    res.socket?.destroy();
    return;
  }
  res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`);
  res.end("data: [DONE]\n\n");
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function handle(req: IncomingMessage, res: ServerResponse, received: Received[]) {
  cors(req, res);
  if (req.method === "OPTIONS") {
    res.writeHead(204);
    res.end();
    return;
  }
  let raw = "";
  for await (const part of req) raw += part;
  let body: unknown = null;
  try {
    body = raw ? JSON.parse(raw) : null;
  } catch {
    body = raw;
  }
  received.push({
    method: req.method ?? "",
    url: req.url ?? "",
    authorization: req.headers.authorization ?? null,
    body,
  });
  const longIds = (req.url ?? "").startsWith("/longids/");
  const path = (req.url ?? "").replace(/^\/(nocors|longids)/, "");
  if (req.method === "GET" && path === "/v1/models") {
    const ids = ["ok", "slow", "needs-key", "html-payload", "markdown"];
    json(res, 200, {
      object: "list",
      data: (longIds ? [`model-${LONG_TOKEN}`, ...ids] : ids).map((id) => ({ id, object: "model" })),
    });
    return;
  }
  if (req.method !== "POST" || path !== "/v1/chat/completions") {
    json(res, 404, { error: { message: `no route ${req.method} ${path}` } });
    return;
  }
  const model = (body as { model?: string } | null)?.model ?? "";
  switch (model) {
    case "ok":
      return stream(res, OK_TOKENS, 150, "done");
    case "slow":
      return stream(
        res,
        Array.from({ length: 40 }, (_, i) => `word${i} `),
        250,
        "done",
      );
    case "needs-key":
      if (req.headers.authorization !== `Bearer ${VALID_KEY}`) {
        return json(res, 401, {
          error: { message: "Incorrect API key provided.", type: "invalid_request_error" },
        });
      }
      return stream(res, OK_TOKENS, 30, "done");
    case "markdown":
      return stream(res, MARKDOWN_TOKENS, 120, "done");
    case "html-payload":
      return stream(res, [HTML_PAYLOAD.slice(0, 20), HTML_PAYLOAD.slice(20)], 50, "done");
    case "busy":
      return json(
        res,
        429,
        { error: { message: "Rate limit reached for requests" } },
        { "Retry-After": "7" },
      );
    case "broken":
      return json(res, 500, { error: "internal server error" });
    case "html":
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(fixture("html-not-sse.html"));
      return;
    case "malformed":
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.end(fixture("malformed-only.txt"));
      return;
    case "stall":
      return stream(res, ["I was about to say "], 50, "hang");
    case "cut":
      return stream(res, ["Half ", "an ", "answer"], 50, "cut");
    case "long-json":
      // A server that ignores stream: true and sends the whole completion as one JSON body.
      return json(res, 200, {
        id: "c2",
        object: "chat.completion",
        choices: [
          { index: 0, message: { role: "assistant", content: LONG_JSON_ANSWER }, finish_reason: "stop" },
        ],
      });
    case "huge": {
      // 5 MB of answer in 500 events of 10,000 characters, as fast as the socket takes them.
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      const piece = chunk("lorem ipsum ".repeat(834).slice(0, 10_000));
      for (let i = 0; i < HUGE_REPLY_CHARS / 10_000; i++) {
        if (res.destroyed) return;
        if (!res.write(piece)) await new Promise((r) => res.once("drain", r));
      }
      res.end("data: [DONE]\n\n");
      return;
    }
    case "drip":
      // One token, then a keep-alive comment every 100 ms for ever: never silent, never finished.
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.write(chunk("Thinking about it"));
      while (!res.destroyed) {
        await sleep(100);
        if (!res.destroyed) res.write(": still here\n\n");
      }
      return;
    case "long-error":
      return json(res, 400, { error: { message: `invalid token ${LONG_TOKEN} in request` } });
    default:
      return json(res, 404, { error: { message: `model "${model}" not found, try pulling it first` } });
  }
}

export function startFakeLlm(): Promise<FakeLlm> {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    handle(req, res, received).catch(() => res.destroy());
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return new Promise((ok) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      const origin = `http://127.0.0.1:${port}`;
      ok({
        url: `${origin}/v1`,
        origin,
        received,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A port with nothing listening (bound, then released). */
export async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, "127.0.0.1", () => ok()));
  const address = s.address();
  const port = typeof address === "object" && address ? address.port : 9;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}
