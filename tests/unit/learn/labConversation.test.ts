// The lab's conversation controller without a DOM: each transition of Send, Retry, Stop, the
// fall-back to the built-in tutor and Clear, checked against hand-written expected states.
import { describe, expect, it } from "vitest";
import {
  type Answerer,
  type ConversationState,
  type Effect,
  initialConversation,
  inputNoteFor,
  MAX_INPUT,
  type Stamp,
  splitInput,
  step,
} from "../../../src/components/learn/labConversation.ts";
import type { LlmFailure } from "../../../src/components/learn/llmFailure.ts";
import type { TranscriptMessage } from "../../../src/components/learn/transcript.ts";
import { createTutorContext } from "../../../src/components/learn/tutorContext.ts";
import { labs } from "../../../src/content/labs.ts";
import { benchmarkRows } from "./benchmarkRows.ts";

const ctx = createTutorContext(labs["2"], benchmarkRows);
let n = 0;
const stamp = (): Stamp => ({ at: "2026-11-24T07:00:00.000Z", ids: [`m${n++}`, `m${n++}`] });
const builtin: Answerer = { kind: "builtin" };
const model: Answerer = { kind: "model", model: "llama3.2" };
const empty = initialConversation([]);
const run = (s: ConversationState, ...events: Parameters<typeof step>[2][]) => {
  let state = s;
  let effects: Effect[] = [];
  for (const e of events) ({ state, effects } = step(ctx, state, e));
  return { state, effects };
};
const roles = (s: ConversationState) =>
  s.messages.map((m) => `${m.role}:${m.status ?? m.partial ?? m.source}`);
const cut: LlmFailure = { kind: "cut", title: "The answer was cut off.", message: "The connection closed." };
const aborted: LlmFailure = { kind: "aborted", title: "Stopped.", message: "" };

describe("sending to the built-in tutor", () => {
  it("adds the learner's message and the tutor's answer at once, and announces it", () => {
    const { state, effects } = run(empty, {
      type: "send",
      text: "  contamination \r\n",
      answerer: builtin,
      stamp: stamp(),
    });
    expect(roles(state)).toEqual(["learner:answered", "tutor:builtin"]);
    expect(state.messages[0]).toMatchObject({ text: "contamination", substantive: true });
    expect(state.messages[1]!.text.length).toBeGreaterThan(20);
    expect(state.busy).toBe(false);
    expect(state.input).toBe("");
    expect(effects).toEqual([{ type: "announce", text: "The tutor answered." }]);
  });

  it("marks a message that raises no idea as not counting", () => {
    const { state } = run(empty, {
      type: "send",
      text: "not sure what to ask",
      answerer: builtin,
      stamp: stamp(),
    });
    expect(state.messages[0]).toMatchObject({ substantive: false, status: "answered" });
  });

  it("ignores an empty message", () => {
    const { state, effects } = run(empty, { type: "send", text: " \n ", answerer: builtin, stamp: stamp() });
    expect(state).toBe(empty);
    expect(effects).toEqual([]);
  });

  it("sends the first 4,000 characters of a long message, cut at a space, and leaves the rest in the box", () => {
    const words = "word ".repeat(1000); // 5,000 characters
    const [first, rest] = splitInput(words.trim());
    expect(first.length).toBe(3999); // 800 words minus the last space
    expect(rest.length).toBe(999);
    expect(inputNoteFor(words)).toContain("This message is 4,999 characters; one message takes up to 4,000");
    const { state } = run(empty, { type: "send", text: words, answerer: builtin, stamp: stamp() });
    expect(state.messages[0]!.text.length).toBe(3999);
    expect(state.input.length).toBe(999);
    expect(state.inputNote).toBe(
      "Sent the first 3,999 characters (the most one message takes). The other 999 are still in the box: shorten them or send them next.",
    );
    expect(MAX_INPUT).toBe(4000);
  });
});

describe("sending to the learner's model", () => {
  const asked = () => run(empty, { type: "send", text: "contamination", answerer: model, stamp: stamp() });

  it("leaves the message pending, goes busy and asks the model with the conversation so far", () => {
    const { state, effects } = asked();
    expect(roles(state)).toEqual(["learner:pending"]);
    expect(state.busy).toBe(true);
    expect(effects[0]).toMatchObject({
      type: "ask-model",
      model: "llama3.2",
      history: [],
      text: "contamination",
    });
    expect(effects[1]).toEqual({ type: "announce", text: "The tutor is answering…" });
  });

  it("a second Send while busy does nothing", () => {
    const { state } = asked();
    const again = step(ctx, state, { type: "send", text: "decoding", answerer: model, stamp: stamp() });
    expect(again.state).toBe(state);
    expect(again.effects).toEqual([]);
  });

  it("keeps the answer when it arrives; an overlong answer is marked as cut", () => {
    const { state } = asked();
    const learnerId = state.messages[0]!.id;
    const result = { text: "Right: a leaked test set.", truncated: false, fullLength: null };
    const done = step(ctx, state, { type: "answered", learnerId, model: "llama3.2", result, stamp: stamp() });
    expect(roles(done.state)).toEqual(["learner:answered", "tutor:model"]);
    expect(done.state.messages[1]).toMatchObject({ text: result.text, model: "llama3.2" });
    expect(done.state.busy).toBe(false);
    const long = { text: "x".repeat(20_000), truncated: true, fullLength: 30_000 };
    const cutOff = step(ctx, state, {
      type: "answered",
      learnerId,
      model: "m",
      result: long,
      stamp: stamp(),
    });
    expect(cutOff.state.messages[1]!.text).toMatch(/x\n\n.*30,000/s);
  });

  it("a failure keeps the message as not answered, with what arrived marked cut, the text back in the box and the error shown", () => {
    const { state } = asked();
    const learnerId = state.messages[0]!.id;
    const failed = step(ctx, state, {
      type: "failed",
      learnerId,
      model: "m",
      failure: cut,
      partial: "Half an",
      stamp: stamp(),
    });
    expect(roles(failed.state)).toEqual(["learner:failed", "tutor:cut"]);
    expect(failed.state.input).toBe("contamination");
    expect(failed.state.error).toBe(cut);
    expect(failed.state.busy).toBe(false);
    expect(failed.effects).toEqual([{ type: "announce", text: cut.title }]);
  });

  it("a failure does not overwrite what the learner typed meanwhile", () => {
    const { state } = run(asked().state, { type: "typed", text: "my next question" });
    const failed = step(ctx, state, {
      type: "failed",
      learnerId: state.messages[0]!.id,
      model: "m",
      failure: cut,
      partial: "",
      stamp: stamp(),
    });
    expect(failed.state.input).toBe("my next question");
    expect(roles(failed.state)).toEqual(["learner:failed"]);
  });

  it("Stop aborts; the part that arrived is kept as 'stopped', and the exchange is answered, with no error", () => {
    const { state } = asked();
    expect(step(ctx, state, { type: "stop" }).effects).toEqual([{ type: "abort" }]);
    expect(step(ctx, empty, { type: "stop" }).effects).toEqual([]);
    const stopped = step(ctx, state, {
      type: "failed",
      learnerId: state.messages[0]!.id,
      model: "m",
      failure: aborted,
      partial: "So far",
      stamp: stamp(),
    });
    expect(roles(stopped.state)).toEqual(["learner:answered", "tutor:stopped"]);
    expect(stopped.state.error).toBeNull();
    expect(stopped.state.input).toBe("");
  });

  it("settings that are not ready fail the message, open the settings and say what is missing", () => {
    const failure: LlmFailure = {
      kind: "settings",
      title: "The model settings need a base URL.",
      message: "…",
    };
    const { state, effects } = run(empty, {
      type: "send",
      text: "contamination",
      answerer: { kind: "unready", failure },
      stamp: stamp(),
    });
    expect(roles(state)).toEqual(["learner:failed"]);
    expect(state.error).toBe(failure);
    expect(state.input).toBe("contamination");
    expect(effects).toEqual([{ type: "open-settings" }]);
  });
});

describe("after a failure", () => {
  const failedState = () => {
    const { state } = run(empty, { type: "send", text: "contamination", answerer: model, stamp: stamp() });
    return step(ctx, state, {
      type: "failed",
      learnerId: state.messages[0]!.id,
      model: "m",
      failure: cut,
      partial: "Half",
      stamp: stamp(),
    }).state;
  };

  it("Retry drops the cut answer, asks again and empties the box that held the same text", () => {
    const { state, effects } = run(failedState(), { type: "retry", answerer: model, stamp: stamp() });
    expect(roles(state)).toEqual(["learner:pending"]);
    expect(state.error).toBeNull();
    expect(state.input).toBe("");
    expect(effects[0]).toMatchObject({ type: "ask-model", text: "contamination" });
  });

  it("the fall-back switches to the built-in tutor, which answers the failed message", () => {
    const { state, effects } = run(failedState(), { type: "fallback", stamp: stamp() });
    expect(roles(state)).toEqual(["learner:answered", "tutor:builtin"]);
    expect(state.messages[0]!.text).toBe("contamination");
    expect(effects[0]).toEqual({ type: "use-builtin" });
    expect(state.error).toBeNull();
  });

  it("a new message replaces the failed one and its cut answer", () => {
    const { state } = run(failedState(), {
      type: "send",
      text: "decoding",
      answerer: builtin,
      stamp: stamp(),
    });
    expect(state.messages.map((m) => m.text)[0]).toBe("decoding");
    expect(roles(state)).toEqual(["learner:answered", "tutor:builtin"]);
  });

  it("Retry with nothing failed does nothing", () => {
    const s = run(empty, { type: "send", text: "contamination", answerer: builtin, stamp: stamp() }).state;
    const r = step(ctx, s, { type: "retry", answerer: builtin, stamp: stamp() });
    expect(r.state).toBe(s);
    expect(r.effects).toEqual([]);
  });

  it("a reload puts the failed message back in the box", () => {
    expect(initialConversation(failedState().messages).input).toBe("contamination");
  });
});

describe("clearing and other tabs", () => {
  it("Clear empties the conversation, aborts a streaming answer, and the late answer is dropped", () => {
    const { state } = run(empty, { type: "send", text: "contamination", answerer: model, stamp: stamp() });
    const cleared = step(ctx, state, { type: "clear" });
    expect(cleared.state.messages).toEqual([]);
    expect(cleared.effects).toEqual([
      { type: "abort" },
      { type: "announce", text: "The conversation was cleared." },
    ]);
    const late = step(ctx, cleared.state, {
      type: "failed",
      learnerId: state.messages[0]!.id,
      model: "m",
      failure: aborted,
      partial: "So far",
      stamp: stamp(),
    });
    expect(late.state.messages).toEqual([]);
    expect(late.state.busy).toBe(false);
  });

  it("takes in messages another tab stored", () => {
    const theirs: TranscriptMessage[] = [
      { id: "x", role: "learner", text: "hi", at: "2026-11-24T07:00:00Z" },
    ];
    expect(step(ctx, empty, { type: "synced", messages: theirs }).state.messages).toBe(theirs);
  });
});
