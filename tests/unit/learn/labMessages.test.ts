// @vitest-environment jsdom
// The conversation's message list, built from htl templates: a learner's text stays text (markup in
// it is not parsed), a tutor's is Markdown, each message carries its status as attributes and tags,
// and the answer streaming in shows "…" until its first token.
import { describe, expect, it } from "vitest";
import { messageList } from "../../../src/components/learn/labMessages.ts";
import type { TranscriptMessage } from "../../../src/components/learn/transcript.ts";

const at = "2026-12-03T07:00:00.000Z";
const items = (log: HTMLElement) => [...log.querySelectorAll("li")];

describe("messageList", () => {
  it("shows the learner's text as text, the tutor's as Markdown, with the status tags", () => {
    const list = messageList("Hello **there**.");
    const messages: TranscriptMessage[] = [
      { id: "a", role: "learner", text: "<b>bold?</b> & 10k", at, substantive: true, status: "failed" },
      { id: "b", role: "tutor", text: "Half *an*", at, source: "model", model: "llama9", partial: "cut" },
    ];
    list.render(messages);
    const [opening, learner, tutor] = items(list.log);
    expect(opening!.querySelector(".lab-msg-text strong")?.textContent).toBe("there");
    expect(opening!.querySelector(".lab-msg-who")?.textContent).toBe("Tutor");
    expect(learner!.querySelector("b")).toBeNull();
    expect(learner!.querySelector(".lab-msg-text")?.textContent).toBe("<b>bold?</b> & 10k");
    expect(learner!.querySelector(".lab-msg-text")?.getAttribute("dir")).toBe("auto");
    expect(learner!.dataset).toMatchObject({ role: "learner", status: "failed", substantive: "true" });
    expect(learner!.hasAttribute("data-source")).toBe(false);
    expect(learner!.hasAttribute("data-partial")).toBe(false);
    expect([...learner!.querySelectorAll(".lab-msg-tag")].map((t) => t.textContent)).toEqual([
      "not answered",
    ]);
    expect(tutor!.querySelector(".lab-msg-who")?.textContent).toBe("Tutor · llama9");
    expect(tutor!.querySelector(".lab-msg-text em")?.textContent).toBe("an");
    expect(tutor!.dataset).toMatchObject({ role: "tutor", source: "model", partial: "cut" });
    expect(tutor!.hasAttribute("data-status")).toBe(false);
    expect([...tutor!.querySelectorAll(".lab-msg-tag")].map((t) => t.textContent)).toEqual([
      "cut off — doesn't count",
    ]);
  });

  it("keeps an unchanged message's element across renders", () => {
    const list = messageList("Hi.");
    const m: TranscriptMessage = { id: "a", role: "learner", text: "shots", at, substantive: false };
    list.render([m]);
    const first = items(list.log)[1];
    expect(first!.querySelector(".lab-msg-tag")?.textContent).toBe(
      "doesn't count: raise an idea from the lesson or answer the tutor's question",
    );
    list.render([m, { id: "b", role: "tutor", text: "Yes.", at, source: "builtin" }]);
    expect(items(list.log)[1]).toBe(first);
    list.render([{ ...m, status: "answered", substantive: true }]);
    expect(items(list.log)[1]).not.toBe(first);
    expect(items(list.log)[1]!.querySelector(".lab-msg-tag")?.textContent).toBe("counts");
  });

  it("shows a streaming answer as … last, and removes it on stop", () => {
    const list = messageList("Hi.");
    list.render([]);
    const s = list.stream("llama9");
    const streaming = items(list.log)[1]!;
    expect(streaming.dataset).toMatchObject({ streaming: "true", source: "model", role: "tutor" });
    expect(streaming.querySelector(".lab-msg-text")?.textContent).toBe("…");
    list.render([{ id: "a", role: "learner", text: "shots", at }]);
    expect(items(list.log).at(-1)).toBe(streaming);
    s.stop();
    expect(items(list.log)).toHaveLength(2);
  });
});
