// The SSE parser against what networks and servers actually do: lines split anywhere across
// chunks (including between CR and LF), CRLF, comments, multi-line data, [DONE], error bodies,
// a final event with no blank line. Fixtures: tests/fixtures/bad-input/sse/.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createSseParser,
  errorMessage,
  parseChatChunk,
  type SseEvent,
} from "../../../src/components/learn/sse.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/bad-input/sse/${name}`, import.meta.url), "utf8");

function parseAll(chunks: string[]): SseEvent[] {
  const p = createSseParser();
  const out: SseEvent[] = [];
  for (const c of chunks) out.push(...p.push(c));
  out.push(...p.end());
  return out;
}

/** Split a string at the given cut points. */
function cut(text: string, points: number[]): string[] {
  const sorted = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let last = 0;
  for (const p of sorted) {
    parts.push(text.slice(last, p));
    last = p;
  }
  parts.push(text.slice(last));
  return parts;
}

const tokens = (events: SseEvent[]) =>
  events
    .map((e) => parseChatChunk(e.data))
    .map((c) => (c.kind === "delta" ? c.text : `<${c.kind}>`))
    .join("");

describe("createSseParser", () => {
  it("reads a CRLF stream with comments as whole", () => {
    const p = createSseParser();
    const events = [...p.push(fixture("crlf-with-comments.txt")), ...p.end()];
    expect(events.map((e) => e.data)).toHaveLength(5);
    expect(tokens(events)).toBe("Check the shot count.<done>");
    expect(p.comments).toBe(1);
  });

  it("gives the same events however the stream is chunked (every fixture, random cuts)", () => {
    for (const name of [
      "crlf-with-comments.txt",
      "malformed-mixed.txt",
      "error-body-mid-stream.txt",
      "bom-multibyte-no-final-blank.txt",
    ]) {
      const text = fixture(name);
      const whole = parseAll([text]);
      fc.assert(
        fc.property(fc.array(fc.nat(), { maxLength: 12 }), (points) => {
          expect(parseAll(cut(text, points))).toEqual(whole);
        }),
        { numRuns: 300 },
      );
      // One character at a time, the hardest case.
      expect(parseAll([...text])).toEqual(whole);
    }
  });

  it("waits when a chunk ends between CR and LF", () => {
    const p = createSseParser();
    expect(p.push('data: {"a":1}\r')).toEqual([]);
    expect(p.push("\n\r")).toEqual([]);
    expect(p.push("\ndata: x\r\n\r\n")).toEqual([
      { event: "message", data: '{"a":1}', id: null },
      { event: "message", data: "x", id: null },
    ]);
  });

  it("treats a lone CR as a line end", () => {
    expect(parseAll(["data: a\rdata: b\r\r"])).toEqual([{ event: "message", data: "a\nb", id: null }]);
  });

  it("keeps event names and ids, ignores retry and unknown fields, strips one space", () => {
    expect(parseAll(["event: error\nid: 7\nretry: 100\nfoo: bar\ndata:  two spaces\n\n"])).toEqual([
      { event: "error", data: " two spaces", id: "7" },
    ]);
  });

  it("ignores comment-only and empty events", () => {
    expect(parseAll([": ping\n\n: ping\n\n\n\n"])).toEqual([]);
  });

  it("dispatches a last event that has no blank line after it, and drops a BOM", () => {
    const events = parseAll([fixture("bom-multibyte-no-final-blank.txt")]);
    expect(tokens(events)).toBe("Grüße — 📊<done>");
  });

  it("returns the partial line of a cut stream at end() so the client can judge it", () => {
    const events = parseAll([fixture("cut-mid-line.txt")]);
    expect(events).toHaveLength(1);
    expect(parseChatChunk(events[0]!.data).kind).toBe("malformed");
  });

  it("joins several data lines of one event with a newline", () => {
    const events = parseAll([fixture("two-data-lines-one-event.txt")]);
    expect(events).toHaveLength(1);
    expect(events[0]!.data.split("\n")).toHaveLength(2);
    expect(parseChatChunk(events[0]!.data).kind).toBe("malformed");
  });
});

describe("parseChatChunk", () => {
  it("reads deltas, finish reasons and [DONE]", () => {
    expect(parseChatChunk('{"choices":[{"delta":{"content":"Hi"}}]}')).toEqual({
      kind: "delta",
      text: "Hi",
      finishReason: null,
    });
    expect(parseChatChunk('{"choices":[{"delta":{},"finish_reason":"stop"}]}')).toEqual({
      kind: "delta",
      text: "",
      finishReason: "stop",
    });
    expect(parseChatChunk(" [DONE] ")).toEqual({ kind: "done" });
    // Usage-only chunks (OpenAI with include_usage) have no choices.
    expect(parseChatChunk('{"choices":[],"usage":{"total_tokens":3}}')).toEqual({
      kind: "delta",
      text: "",
      finishReason: null,
    });
    // Legacy completions shape and a whole message.
    expect(parseChatChunk('{"choices":[{"text":"old"}]}')).toMatchObject({ kind: "delta", text: "old" });
    expect(parseChatChunk('{"choices":[{"message":{"content":"whole"}}]}')).toMatchObject({
      kind: "delta",
      text: "whole",
    });
  });

  it("reads error bodies in their usual shapes", () => {
    expect(parseChatChunk('{"error":{"message":"CUDA out of memory"}}')).toEqual({
      kind: "error",
      message: "CUDA out of memory",
    });
    expect(parseChatChunk('{"error":"model is loading"}')).toEqual({
      kind: "error",
      message: "model is loading",
    });
    expect(errorMessage({ detail: "Not Found" })).toBe("Not Found");
    expect(errorMessage({ message: "bad" })).toBe("bad");
    expect(errorMessage(42)).toBeNull();
  });

  it("flags garbage as malformed rather than throwing", () => {
    for (const bad of [
      "{not json",
      "[1,2]",
      '"str"',
      '{"choices":"nope"}',
      '{"choices":[{"delta":{"content":5}}]}',
      "",
      "null",
    ]) {
      expect(parseChatChunk(bad).kind).toBe("malformed");
    }
  });

  it("finds the error in the error-body fixture after a token", () => {
    const kinds = parseAll([fixture("error-body-mid-stream.txt")]).map((e) => parseChatChunk(e.data).kind);
    expect(kinds).toEqual(["delta", "error"]);
  });
});
