// The per-lab transcript: validated on load, corrupt or unavailable storage handled without loss,
// exchanges counted as the brief defines them, and the Markdown export.
import { describe, expect, it } from "vitest";
import {
  countExchanges,
  createTranscriptStore,
  MAX_TEXT,
  markCut,
  NOTICE_OTHER_TAB,
  parseTranscript,
  type TranscriptMessage,
  transcriptKey,
  transcriptMarkdown,
} from "../../../src/components/learn/transcript.ts";
import { labs } from "../../../src/content/labs.ts";

function memory() {
  const m = new Map<string, string>();
  return {
    map: m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

const at = "2026-11-24T07:00:00.000Z";
let n = 0;
const learner = (
  text: string,
  substantive = true,
  status: TranscriptMessage["status"] = "answered",
): TranscriptMessage => ({
  id: `l${n++}`,
  role: "learner",
  text,
  at,
  substantive,
  status,
});
const tutor = (text: string, partial?: "cut" | "stopped"): TranscriptMessage => ({
  id: `t${n++}`,
  role: "tutor",
  text,
  at,
  source: "builtin",
  ...(partial ? { partial } : {}),
});

describe("countExchanges", () => {
  it("counts substantive learner messages answered by a finished tutor reply", () => {
    expect(countExchanges([])).toBe(0);
    expect(countExchanges([learner("a"), tutor("b")])).toBe(1);
    expect(countExchanges([learner("ok", false), tutor("b")])).toBe(0);
    expect(countExchanges([learner("a"), tutor("cut", "cut")])).toBe(0);
    expect(countExchanges([learner("a", true, "failed")])).toBe(0);
    expect(
      countExchanges([
        learner("a"),
        tutor("b"),
        learner("hi", false),
        tutor("c"),
        learner("d"),
        tutor("e"),
        learner("f"),
        tutor("g"),
      ]),
    ).toBe(3);
  });
});

describe("parseTranscript", () => {
  it("accepts a valid transcript and drops damaged messages one by one", () => {
    const good = learner("fine");
    const raw = JSON.stringify({
      version: 1,
      messages: [good, { id: "x", role: "hacker", text: "?", at }, { ...good, id: "y", at: "never" }],
    });
    const r = parseTranscript(raw);
    expect(r.ok).toBe(true);
    expect(r.messages).toEqual([good]);
    expect(r.ok && r.dropped).toBe(2);
  });

  it("turns a message left pending by a closed tab into an unanswered one", () => {
    const r = parseTranscript(JSON.stringify({ version: 1, messages: [learner("q", true, "pending")] }));
    expect(r.messages[0]!.status).toBe("failed");
  });

  it("rejects garbage with a reason", () => {
    for (const raw of ["{", "[]", '"x"', '{"version":99,"messages":[]}', '{"version":1}']) {
      const r = parseTranscript(raw);
      expect(r.ok).toBe(false);
    }
  });
});

describe("createTranscriptStore", () => {
  it("keeps messages per lab across instances", () => {
    const storage = memory();
    const a = createTranscriptStore(storage, "1");
    a.append(learner("hello lab 1"));
    expect(
      createTranscriptStore(storage, "1")
        .messages()
        .map((m) => m.text),
    ).toEqual(["hello lab 1"]);
    expect(createTranscriptStore(storage, "2").messages()).toEqual([]);
    a.clear();
    expect(storage.map.has(transcriptKey("1"))).toBe(false);
  });

  it("sets a corrupt value aside, starts afresh and says so", () => {
    const storage = memory();
    storage.map.set(transcriptKey("3"), "{corrupt");
    const s = createTranscriptStore(storage, "3");
    expect(s.messages()).toEqual([]);
    expect(s.notice).toMatch(/couldn't be read/);
    expect(storage.map.get(`${transcriptKey("3")}:unreadable`)).toBe("{corrupt");
    s.append(learner("new"));
    expect(JSON.parse(storage.map.get(transcriptKey("3"))!).messages).toHaveLength(1);
  });

  it("works in memory when storage throws, and says so", () => {
    const throwing = {
      getItem: () => {
        throw new DOMException("no", "SecurityError");
      },
      setItem: () => {
        throw new DOMException("no", "SecurityError");
      },
      removeItem: () => {},
    };
    const s = createTranscriptStore(throwing, "1");
    s.append(learner("kept"));
    expect(s.messages().map((m) => m.text)).toEqual(["kept"]);
    expect(s.notice).toMatch(/until you close the tab/);
    const none = createTranscriptStore(null, "1");
    none.append(learner("also kept"));
    expect(none.messages()).toHaveLength(1);
  });

  it("tells the learner when a write fails (quota) but keeps the message", () => {
    const storage = memory();
    const s = createTranscriptStore(
      {
        ...storage,
        setItem: () => {
          throw new DOMException("full", "QuotaExceededError");
        },
      },
      "2",
    );
    s.append(learner("kept"));
    expect(s.messages()).toHaveLength(1);
    expect(s.notice).toMatch(/could not be saved/);
  });

  it("updates and removes by id", () => {
    const s = createTranscriptStore(memory(), "4");
    const m = learner("q", true, "pending");
    s.append(m);
    s.update(m.id, { status: "answered" });
    expect(s.messages()[0]!.status).toBe("answered");
    s.remove(m.id);
    expect(s.messages()).toEqual([]);
  });
});

describe("transcriptMarkdown", () => {
  it("puts a reply that opens with a list, heading, table or code under its label, so its Markdown survives", () => {
    const replies = [
      "1. Same evaluator\n2. Same shots",
      "## Verdict\nReal.",
      "| a | b |\n|---|---|",
      "```\ncode\n```",
    ];
    const md = transcriptMarkdown(
      labs["1"],
      replies.flatMap((r) => [learner("q"), { ...tutor(r), source: "model" as const, model: "m" }]),
      { exportedAt: new Date(at), complete: false },
    );
    for (const r of replies) expect(md).toContain(`**Tutor (m)**:\n\n${r}\n`);
    const plain = transcriptMarkdown(labs["1"], [learner("q"), tutor("Plain **answer**.")], {
      exportedAt: new Date(at),
      complete: false,
    });
    expect(plain).toContain("**Tutor (built-in)**: Plain **answer**.");
  });

  it("writes the task, scenario, opening and every message, with who said it", () => {
    const md = transcriptMarkdown(
      labs["4"],
      [
        learner("A please"),
        tutor("Legal it is"),
        learner("<b>bold?</b>", true, "failed"),
        tutor("half", "cut"),
      ],
      { exportedAt: new Date(at), complete: false },
    );
    expect(md.startsWith("# Lab 4 — Production Translation\n")).toBe(true);
    expect(md).toContain("Exported 2026-11-24 07:00 UTC · 1 substantive exchange · not complete yet");
    expect(md).toContain("## Task");
    expect(md).toContain("- (A) Choosing a model to summarise legal documents");
    expect(md).toContain(`**Tutor:** ${labs["4"].opening}`);
    expect(md).toContain("**You**: A please");
    expect(md).toContain("**Tutor (built-in)**: Legal it is");
    expect(md).toContain("**You** (not answered): <b>bold?</b>");
    expect(md).toContain("(cut off)");
  });
});

describe("two tabs on one lab", () => {
  const msg = (id: string, role: "learner" | "tutor", text: string, atMs: number): TranscriptMessage => ({
    id,
    role,
    text,
    at: new Date(Date.UTC(2026, 11, 2, 12, 0, 0, atMs)).toISOString(),
    ...(role === "learner"
      ? { substantive: true, status: "answered" as const }
      : { source: "builtin" as const }),
  });
  it("keeps both tabs' messages, each answer after its question, whichever tab writes last", () => {
    const storage = memory();
    const a = createTranscriptStore(storage, "1");
    const b = createTranscriptStore(storage, "1");
    a.append(msg("a1", "learner", "A asks", 0));
    // B has not heard of A's write yet when it sends: its write reads storage first and merges.
    b.append(msg("b1", "learner", "B asks", 10));
    a.append(msg("a1r", "tutor", "answer to A", 20));
    b.append(msg("b1r", "tutor", "answer to B", 30));
    const stored = parseTranscript(storage.getItem(transcriptKey("1")));
    expect(stored.messages.map((m) => m.id)).toEqual(["a1", "a1r", "b1", "b1r"]);
    // Each tab takes in the other's writes.
    a.sync();
    b.sync();
    expect(a.messages().map((m) => m.id)).toEqual(["a1", "a1r", "b1", "b1r"]);
    expect(b.messages().map((m) => m.id)).toEqual(["a1", "a1r", "b1", "b1r"]);
    expect(countExchanges(a.messages())).toBe(2);
    expect(a.notice).toBe(NOTICE_OTHER_TAB);
  });

  it("a message deleted (or the chat cleared) in one tab stays deleted in the other", () => {
    const storage = memory();
    const a = createTranscriptStore(storage, "2");
    a.append(msg("x1", "learner", "one", 0));
    a.append(msg("x1r", "tutor", "reply", 1));
    const b = createTranscriptStore(storage, "2");
    b.remove("x1r");
    a.sync();
    expect(a.messages().map((m) => m.id)).toEqual(["x1"]);
    b.clear();
    a.sync();
    expect(a.messages()).toEqual([]);
    // A message A sends afterwards is kept.
    a.append(msg("x2", "learner", "two", 5));
    b.sync();
    expect(b.messages().map((m) => m.id)).toEqual(["x2"]);
  });

  it("the tab that wrote a message keeps its own version (an answer finished here wins over 'pending' there)", () => {
    const storage = memory();
    const a = createTranscriptStore(storage, "3");
    a.append({ ...msg("p1", "learner", "streaming", 0), status: "pending" });
    const b = createTranscriptStore(storage, "3");
    // B loaded while A was answering: it reads pending as failed, but does not write that over A's.
    b.append(msg("q1", "learner", "B's", 50));
    a.update("p1", { status: "answered" });
    b.sync();
    expect(b.messages().find((m) => m.id === "p1")?.status).toBe("answered");
    expect(parseTranscript(storage.getItem(transcriptKey("3"))).messages.map((m) => m.id)).toEqual([
      "p1",
      "q1",
    ]);
  });

  it("a single tab's writes are unchanged by the merge (no reordering)", () => {
    const storage = memory();
    const a = createTranscriptStore(storage, "4");
    a.append(msg("z2", "learner", "later stamp first", 100));
    a.append(msg("z1", "learner", "earlier stamp second", 0));
    expect(a.messages().map((m) => m.id)).toEqual(["z2", "z1"]);
    expect(a.notice).toBeNull();
  });
});

describe("long messages are cut with a marker", () => {
  it("a 5 MB reply is kept as its first part and a line that says so, within the limit", () => {
    const text = "word ".repeat(1_000_000);
    const cut = markCut(text, MAX_TEXT, text.length);
    expect(cut.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(cut).toContain("[Cut here: this message was 5,000,000 characters long");
    expect(cut.startsWith("word word")).toBe(true);
    // Length unknown (a stream stopped at the cap): says it went past the limit.
    expect(markCut("y".repeat(MAX_TEXT), MAX_TEXT, null)).toContain("went on past 20,000 characters");
    expect(markCut("short")).toBe("short");
  });
  it("the store never keeps a longer message, and never cuts one silently", () => {
    const storage = memory();
    const store = createTranscriptStore(storage, "1");
    store.append({ ...learner("z"), text: "z".repeat(MAX_TEXT + 10) });
    const kept = store.messages()[0]!.text;
    expect(kept.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(kept).toContain("Cut here");
  });
});
