// The course index is built from the lesson pages themselves: an entry for every `##`/`###` heading
// of every lesson (found here with a plain line scan, and given the id Framework gives it — its
// own slugify, with markdown-it-anchor's -1, -2 for repeats), passages as readers see them (no
// code, no `${…}`, no tags), glossary entries and Sources notes as passages of their own.
import { execFileSync } from "node:child_process";
import slugify from "@sindresorhus/slugify";
import { describe, expect, it } from "vitest";
import {
  buildCourseIndex,
  type CourseIndex,
  pageEntries,
  replaceInterpolations,
} from "../../../src/components/learn/courseIndex.ts";
import { courseIndexFromDisk, lessonFiles } from "./courseFixture.ts";

/** Headings of a markdown page outside fenced code, with Framework's ids. */
function headings(markdown: string): Array<{ level: number; text: string; id: string }> {
  const out: Array<{ level: number; text: string; id: string }> = [];
  const taken = new Set<string>();
  let fence: string | null = null;
  for (const line of markdown.split("\n")) {
    const f = /^(```+|~~~+)/.exec(line);
    if (f) {
      if (!fence) fence = f[1]!.slice(0, 3);
      else if (line.startsWith(fence)) fence = null;
      continue;
    }
    if (fence) continue;
    const m = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    // Framework slugifies the heading's text (markdown emphasis and code marks are not text).
    const text = m[2]!.replace(/[*_`]/g, "");
    const base = slugify(text);
    let id = base;
    for (let i = 1; taken.has(id); i++) id = `${base}-${i}`;
    taken.add(id);
    out.push({ level: m[1]!.length, text, id });
  }
  return out;
}

describe("the course index from the lesson pages", () => {
  const index: CourseIndex = courseIndexFromDisk();
  const files = lessonFiles("lessons");

  it("reads the four lessons", () => {
    expect(files.map((f) => f.file).sort()).toEqual(["1.md", "2.md", "3.md", "4.md"]);
  });

  for (const { file, markdown } of files) {
    const page = `lessons/${file.replace(/\.md$/, "")}`;
    it(`has an entry for every ## and ### section of ${page}, under the id Framework gives it`, () => {
      const wanted = headings(markdown).filter((h) => h.level === 2 || h.level === 3);
      expect(wanted.length).toBeGreaterThan(3);
      for (const h of wanted) {
        const entry = index.entries.find((e) => e.page === page && e.kind === "section" && e.anchor === h.id);
        expect(entry, `${page}: “${h.text}” (#${h.id})`).toBeDefined();
      }
      const sections = index.entries.filter((e) => e.page === page && e.kind === "section");
      expect(sections).toHaveLength(wanted.length);
    });
  }

  it("keeps code, interpolations and markup out of the text", () => {
    for (const e of index.entries) {
      expect(e.text, e.id).not.toMatch(
        /\$\{|```|<\/?(?:div|p|span|a|em|strong|code|dl|dt|dd|h\d|details|summary|br|table|tr|td|li|ul|ol)\b[^>]*>|display\(|FileAttachment/,
      );
      expect(e.heading, e.id).not.toMatch(/\$\{|<[a-z]/);
    }
  });

  it("has glossary terms and Sources notes as passages of their own", () => {
    const terms = index.entries.filter((e) => e.kind === "term");
    const sources = index.entries.filter((e) => e.kind === "source");
    expect(terms.length).toBeGreaterThan(0);
    expect(sources.length).toBeGreaterThan(4);
    for (const t of terms) expect(t.text.length, t.heading).toBeGreaterThan(20);
  });

  it("is what the loader writes", () => {
    const out = execFileSync("npx", ["tsx", "src/data/course-index.json.ts"], {
      cwd: new URL("../../../", import.meta.url),
      encoding: "utf8",
    });
    const fromLoader = JSON.parse(out) as CourseIndex;
    expect(fromLoader.entries.map((e) => e.id)).toEqual(index.entries.map((e) => e.id));
  }, 30_000);
});

describe("splitting a page (hand-worked cases)", () => {
  const md = [
    "---",
    "title: Demo",
    "---",
    "# Demo page",
    "",
    '<p class="lede">Intro text.</p>',
    "",
    "```js",
    "## not a heading",
    "const x = 1;",
    "```",
    "",
    "## Goodhart's law in action, 2023–2024",
    "",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a lesson's markdown, interpolations and all
    'A score of ${(100 * x).toFixed(1)}% and ${ok ? `nested ${y} text` : ""} here. Next sentence.',
    "",
    '<div class="tip" label="Goodhart\'s law">',
    "",
    "When a measure becomes a target.",
    "",
    "</div>",
    "",
    "### Details",
    "",
    "| a | b |",
    "|---|---|",
    "| one | two |",
    "",
    "## Terms",
    "",
    "<dl>",
    "<dt>Elo score</dt>",
    "<dd>A rating from <em>pairwise</em> results.</dd>",
    "</dl>",
    "",
    "## Details",
    "",
    "Again.",
    "",
    "## Sources",
    "",
    "- **GSM1k:** Zhang et al. 2024.",
    "- **MMLU-CF:** a README.",
  ].join("\n");
  const entries = pageEntries({ page: "lessons/9", pageLabel: "Lesson 9", markdown: md });
  const by = (heading: string) => entries.find((e) => e.heading === heading && e.kind === "section");

  it("drops code cells and turns interpolations, nested template literals included, into …", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a lesson's markdown, interpolations and all
    expect(replaceInterpolations('a ${b ? `x ${c} y` : "}"} d')).toBe("a \uE000 d");
    expect(entries.some((e) => e.heading === "not a heading")).toBe(false);
    expect(by("Goodhart's law in action, 2023–2024")?.text).toContain(
      "A score of …% and … here. Next sentence.",
    );
  });

  it("gives headings Framework's ids, repeats numbered from 1", () => {
    expect(by("Goodhart's law in action, 2023–2024")?.anchor).toBe("goodharts-law-in-action-2023-2024");
    expect(entries.filter((e) => e.heading === "Details").map((e) => e.anchor)).toEqual([
      "details",
      "details-1",
    ]);
    expect(by("Details")?.parent).toBe("Goodhart's law in action, 2023–2024");
  });

  it("keeps callout labels as keywords, glossary entries as terms, and each Sources bullet", () => {
    expect(by("Goodhart's law in action, 2023–2024")?.keywords).toBe("Goodhart's law");
    expect(entries.find((e) => e.kind === "term")).toMatchObject({
      heading: "Elo score",
      text: "A rating from pairwise results.",
      anchor: "terms",
    });
    expect(entries.filter((e) => e.kind === "source").map((e) => e.heading)).toEqual(["GSM1k", "MMLU-CF"]);
    expect(entries.find((e) => e.kind === "intro")?.text).toBe("Intro text.");
    expect(entries.find((e) => e.anchor === "details")?.text).toBe("a — b. one — two.");
  });

  it("builds one index over several pages", () => {
    const ix = buildCourseIndex([{ page: "lessons/9", pageLabel: "Lesson 9", markdown: md }]);
    expect(ix.version).toBe(1);
    expect(ix.entries).toHaveLength(entries.length);
  });
});
