// The built-in tutor against a corpus of learner messages per lab (tests/fixtures/tutor/labN.json):
// questions, claims, misconceptions, numbers in the forms people write them, off-topic text, filler,
// repeats, non-words and other languages. Each case says what the reply must and must not contain,
// whether the message counts toward completing the lab, and — for a question — a word the heading of
// the linked lesson section must contain (looked up in the index built from the lesson pages now, so
// the corpus follows edits to the lessons, and a link to a heading that doesn't exist fails).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { tutorReply } from "../../../src/components/learn/tutor.ts";
import { createTutorContext, type Turn } from "../../../src/components/learn/tutorContext.ts";
import { type LessonId, labs } from "../../../src/content/labs.ts";
import { benchmarkRows } from "./benchmarkRows.ts";
import { courseIndexFromDisk } from "./courseFixture.ts";

interface Case {
  kind: string;
  message: string;
  history?: string[];
  counts: boolean;
  links?: string;
  notCovered?: boolean;
  must?: string[];
  mustNot?: string[];
}

/** What no reply may ever contain. */
const NEVER = ["undefined", "NaN", "{", "}", "the course cites", "With 10 examples", "[object"];

const index = courseIndexFromDisk();

/** The lesson sections a reply links to: [page, anchor, heading]. */
function linkedSections(reply: string) {
  return [...reply.matchAll(/\]\(\.\.\/((?:lessons|deeper)\/[\w-]+)(?:#([\w-]*))?\)/g)].map((m) => {
    const page = m[1]!;
    const anchor = m[2] ?? "";
    const entry = index.entries.find(
      (e) => e.page === page && e.anchor === anchor && (e.kind === "section" || e.kind === "intro"),
    );
    return { page, anchor, heading: entry?.heading ?? null, keywords: entry?.keywords ?? "" };
  });
}

for (const lesson of ["1", "2", "3", "4"] as LessonId[]) {
  const corpus = JSON.parse(
    readFileSync(new URL(`../../fixtures/tutor/lab${lesson}.json`, import.meta.url), "utf8"),
  ) as { lab: string; cases: Case[] };

  describe(`Lab ${lesson} corpus (${corpus.cases.length} messages)`, () => {
    it("has at least 40 messages of every kind the tutor must handle", () => {
      expect(corpus.cases.length).toBeGreaterThanOrEqual(40);
      const kinds = new Set(corpus.cases.map((c) => c.kind));
      for (const k of ["question", "claim", "numbers", "off-topic", "filler", "repeat", "non-words"])
        expect(kinds, k).toContain(k);
      expect(corpus.cases.some((c) => c.kind === "non-latin" || c.kind === "other-language")).toBe(true);
    });

    for (const c of corpus.cases) {
      const label = `${c.kind}: ${c.message.slice(0, 60)}${c.history ? ` (after ${c.history.length})` : ""}`;
      it(label, () => {
        const ctx = createTutorContext(labs[lesson], benchmarkRows, index);
        const history: Turn[] = [];
        let exchanges = 0;
        for (const text of c.history ?? []) {
          const r = tutorReply(ctx, history, text, { exchangesBefore: exchanges });
          if (r.verdict.counts) exchanges++;
          history.push({ role: "learner", text }, { role: "tutor", text: r.text });
        }
        const r = tutorReply(ctx, history, c.message, { exchangesBefore: exchanges });
        const reply = r.text;
        expect(r.verdict.counts, `counts (${r.verdict.reason}): ${reply}`).toBe(c.counts);
        for (const s of c.must ?? []) expect(reply, `must contain “${s}”`).toContain(s);
        for (const s of [...NEVER, ...(c.mustNot ?? [])])
          expect(reply, `must not contain “${s}”`).not.toContain(s);
        // Every reply still ends with a question to the learner.
        expect(reply.trim().endsWith("?"), reply).toBe(true);
        const links = linkedSections(reply);
        for (const l of links)
          expect(l.heading, `links ${l.page}#${l.anchor}, a heading of the page`).not.toBeNull();
        if (c.links) {
          const want = c.links.toLowerCase();
          expect(
            links.some((l) => `${l.heading} ${l.keywords}`.toLowerCase().includes(want)),
            `links a section about “${c.links}”: ${JSON.stringify(links)}`,
          ).toBe(true);
        }
        if (c.notCovered) expect(reply).toContain("The course doesn't cover that");
        else if (c.kind === "question") expect(reply).not.toContain("doesn't cover");
      });
    }
  });
}
