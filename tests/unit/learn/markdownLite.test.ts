// The Markdown reader for the tutor's replies: the tree it builds for what models write, for
// text still arriving (unclosed markers), and for hostile input (HTML, script, javascript: links,
// megabytes of delimiters) — which must stay text, and must parse in linear time.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Block,
  type Inline,
  inlineText,
  MAX_BLOCK_DEPTH,
  MAX_INLINE_DEPTH,
  parseInline,
  parseMarkdown,
  safeHref,
  streamingParser,
} from "../../../src/components/learn/markdownLite.ts";

const t = (text: string): Inline => ({ type: "text", text });
const p = (...children: Inline[]): Block => ({ type: "paragraph", children });
const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/bad-input/markdown/${name}`, import.meta.url), "utf8");

/** Every inline node in a tree, depth first. */
function* walk(nodes: readonly (Block | Inline)[]): Generator<Block | Inline> {
  for (const n of nodes) {
    yield n;
    if ("children" in n) yield* walk(n.children as (Block | Inline)[]);
    if (n.type === "list") for (const item of n.items) yield* walk(item);
    if (n.type === "table") for (const cell of [...n.head, ...n.rows.flat()]) yield* walk(cell);
  }
}
const links = (blocks: Block[]) => [...walk(blocks)].filter((n) => n.type === "link");
const depthOf = (nodes: readonly Inline[]): number => {
  let max = 0;
  for (const n of nodes) if ("children" in n) max = Math.max(max, 1 + depthOf(n.children));
  return max;
};
/** All the text a tree shows. */
const textOf = (blocks: Block[]): string =>
  [...walk(blocks)]
    .map((n) => (n.type === "text" || n.type === "code" ? n.text : n.type === "math" ? n.text : ""))
    .join("");

describe("inline formatting", () => {
  it("reads strong, emphasis, strike-through and code", () => {
    expect(parseInline("a **b** *c* __d__ _e_ ~~f~~ `g`")).toEqual([
      t("a "),
      { type: "strong", children: [t("b")] },
      t(" "),
      { type: "em", children: [t("c")] },
      t(" "),
      { type: "strong", children: [t("d")] },
      t(" "),
      { type: "em", children: [t("e")] },
      t(" "),
      { type: "del", children: [t("f")] },
      t(" "),
      { type: "code", text: "g" },
    ]);
  });

  it("nests emphasis inside strong and the reverse, as CommonMark does", () => {
    expect(parseInline("**bold *and italic* text**")).toEqual([
      {
        type: "strong",
        children: [t("bold "), { type: "em", children: [t("and italic")] }, t(" text")],
      },
    ]);
    expect(parseInline("***both***")).toEqual([
      { type: "em", children: [{ type: "strong", children: [t("both")] }] },
    ]);
    expect(parseInline("*a **b** c*")).toEqual([
      { type: "em", children: [t("a "), { type: "strong", children: [t("b")] }, t(" c")] },
    ]);
  });

  it("leaves underscores inside words alone (snake_case, __dunder__ mid-word)", () => {
    expect(parseInline("use snake_case_names and x__y__z")).toEqual([t("use snake_case_names and x__y__z")]);
    expect(parseInline("2 * 3 * 4 and a * b")).toEqual([t("2 * 3 * 4 and a * b")]);
  });

  it("keeps a single tilde as text: ~5 pp is 'about 5 pp'", () => {
    expect(parseInline("~5 pp to ~7 pp")).toEqual([t("~5 pp to ~7 pp")]);
  });

  it("shows unclosed markers as they are while a reply is still arriving", () => {
    expect(parseInline("The gap is **real")).toEqual([t("The gap is **real")]);
    expect(parseInline("The gap is **real** but *not")).toEqual([
      t("The gap is "),
      { type: "strong", children: [t("real")] },
      t(" but *not"),
    ]);
    expect(parseInline("run `lm_eval --tasks")).toEqual([t("run `lm_eval --tasks")]);
    expect(parseInline("see [the lesson](https://exa")).toEqual([t("see [the lesson](https://exa")]);
    expect(parseInline("a formula $p \\pm")).toEqual([t("a formula $p \\pm")]);
  });

  it("reads code spans literally and matches backtick runs by length", () => {
    expect(parseInline("`**not bold**` and ``a ` b``")).toEqual([
      { type: "code", text: "**not bold**" },
      t(" and "),
      { type: "code", text: "a ` b" },
    ]);
    expect(parseInline("`<script>alert(1)</script>`")).toEqual([
      { type: "code", text: "<script>alert(1)</script>" },
    ]);
  });

  it("reads backslash escapes and a few entities", () => {
    expect(parseInline("\\*not em\\* 5 \\_ &amp; &lt;b&gt; &#8722; &bogus;")).toEqual([
      t("*not em* 5 _ & <b> − &bogus;"),
    ]);
  });

  it("turns newlines into line breaks (chat style), <br> too — and nothing else of HTML", () => {
    expect(parseInline("one\ntwo<br>three<BR/>four")).toEqual([
      t("one"),
      { type: "break" },
      t("two"),
      { type: "break" },
      t("three"),
      { type: "break" },
      t("four"),
    ]);
    expect(parseInline('<br onclick="x">')).toEqual([t('<br onclick="x">')]);
  });
});

describe("formulas", () => {
  it("reads $…$ and \\(…\\) inline, converting TeX to text", () => {
    expect(parseInline("SE $= \\sqrt{p(1-p)/n}$ and \\(\\alpha = 0.05\\)")).toEqual([
      t("SE "),
      { type: "math", tex: "= \\sqrt{p(1-p)/n}", text: "= √(p(1−p)/n)" },
      t(" and "),
      { type: "math", tex: "\\alpha = 0.05", text: "α = 0.05" },
    ]);
  });

  it("does not read prices as formulas", () => {
    expect(parseInline("it costs $5 and $10 per run")).toEqual([t("it costs $5 and $10 per run")]);
    expect(parseInline("between $5-$10")).toEqual([t("between $5-$10")]);
  });

  it("reads display formulas as blocks, closed or still arriving", () => {
    expect(parseMarkdown("$$\n\\hat{p} \\pm 1.96 \\cdot SE\n$$")).toEqual([
      { type: "math", tex: "\\hat{p} \\pm 1.96 \\cdot SE", text: "p̂ ± 1.96 · SE", closed: true },
    ]);
    expect(parseMarkdown("\\[ z = \\frac{a-b}{SE} \\]")).toEqual([
      { type: "math", tex: "z = \\frac{a-b}{SE}", text: "z = (a−b)/SE", closed: true },
    ]);
    expect(parseMarkdown("$$\nx^2")).toEqual([{ type: "math", tex: "x^2", text: "x²", closed: false }]);
  });
});

describe("links", () => {
  it("keeps http(s) and mailto links, normalised", () => {
    expect(parseInline("[the paper](https://arxiv.org/abs/2405.00332) or <mailto:a@b.org>")).toEqual([
      { type: "link", href: "https://arxiv.org/abs/2405.00332", children: [t("the paper")] },
      t(" or "),
      { type: "link", href: "mailto:a@b.org", children: [t("mailto:a@b.org")] },
    ]);
  });

  it("links bare URLs, leaving trailing punctuation out and balanced brackets in", () => {
    expect(
      parseInline("See https://en.wikipedia.org/wiki/Goodhart's_law. Or (https://x.org/a_(b))."),
    ).toEqual([
      t("See "),
      {
        type: "link",
        href: "https://en.wikipedia.org/wiki/Goodhart's_law",
        children: [t("https://en.wikipedia.org/wiki/Goodhart's_law")],
      },
      t(". Or ("),
      { type: "link", href: "https://x.org/a_(b)", children: [t("https://x.org/a_(b)")] },
      t(")."),
    ]);
  });

  it("shows any other address as text: javascript:, data:, vbscript:, relative", () => {
    const blocks = parseMarkdown(fixture("javascript-links.md"));
    const found = links(blocks) as Array<Inline & { type: "link" }>;
    expect(found.map((l) => l.href)).toEqual(["https://example.org/a?b=1&c=2"]);
    const text = textOf(blocks);
    expect(text).toContain("click me (javascript:alert(1))");
    expect(text).toContain("rel (/lessons/1)");
    expect(text).toContain("<javascript:alert(4)>");
  });

  it("never nests a link in a link, and formats link text", () => {
    expect(parseInline("[**see** https://a.org](https://b.org)")).toEqual([
      {
        type: "link",
        href: "https://b.org/",
        children: [{ type: "strong", children: [t("see")] }, t(" https://a.org")],
      },
    ]);
  });

  it("safeHref accepts only absolute http(s) and mailto", () => {
    expect(safeHref("https://example.org")).toBe("https://example.org/");
    expect(safeHref("HTTP://EXAMPLE.ORG/x")).toBe("http://example.org/x");
    for (const bad of [
      "javascript:alert(1)",
      " javascript:alert(1)",
      "java\nscript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:x",
      "file:///etc/passwd",
      "/relative",
      "//evil.example/x",
      "",
    ])
      expect(safeHref(bad), bad).toBeNull();
  });

  it("shows images as their alt text, never as images", () => {
    expect(parseInline("![a chart](https://x.org/c.png) ![](y.png)")).toEqual([
      t("[image: a chart] [image]"),
    ]);
  });
});

describe("blocks", () => {
  it("reads paragraphs, headings, rules and quotes", () => {
    expect(
      parseMarkdown("## Is the gap real? ##\n\nFirst line\nsecond line\n\n---\n\n> quoted **text**"),
    ).toEqual([
      { type: "heading", level: 2, children: [t("Is the gap real?")] },
      p(t("First line"), { type: "break" }, t("second line")),
      { type: "rule" },
      { type: "quote", children: [p(t("quoted "), { type: "strong", children: [t("text")] })] },
    ]);
    expect(parseMarkdown("#hashtag")).toEqual([p(t("#hashtag"))]);
  });

  it("reads bullet and numbered lists, nested, tight or loose, with their start number", () => {
    const md =
      "Checks:\n1. Same evaluator\n2. Same shots\n   - 0-shot vs 5-shot\n   - CoT or not\n3. Intervals";
    expect(parseMarkdown(md)).toEqual([
      p(t("Checks:")),
      {
        type: "list",
        ordered: true,
        start: 1,
        tight: true,
        items: [
          [p(t("Same evaluator"))],
          [
            p(t("Same shots")),
            {
              type: "list",
              ordered: false,
              start: 1,
              tight: true,
              items: [[p(t("0-shot vs 5-shot"))], [p(t("CoT or not"))]],
            },
          ],
          [p(t("Intervals"))],
        ],
      },
    ]);
    expect(parseMarkdown("3) three\n\n4) four")).toEqual([
      { type: "list", ordered: true, start: 3, tight: false, items: [[p(t("three"))], [p(t("four"))]] },
    ]);
    // Models often indent a sub-list by two spaces under "1. ": it still nests.
    const two = parseMarkdown("1. a\n  - b");
    expect(two).toEqual([
      {
        type: "list",
        ordered: true,
        start: 1,
        tight: true,
        items: [[p(t("a")), { type: "list", ordered: false, start: 1, tight: true, items: [[p(t("b"))]] }]],
      },
    ]);
  });

  it("continues a list item's text on an unindented next line", () => {
    expect(parseMarkdown("- one\ncontinued\n- two")).toEqual([
      {
        type: "list",
        ordered: false,
        start: 1,
        tight: true,
        items: [[p(t("one"), { type: "break" }, t("continued"))], [p(t("two"))]],
      },
    ]);
  });

  it("reads fenced code literally; an unclosed fence runs to the end (still streaming)", () => {
    expect(parseMarkdown("```python\nprint('**x**')\n<b>\n```\nafter")).toEqual([
      { type: "code", lang: "python", text: "print('**x**')\n<b>", closed: true },
      p(t("after")),
    ]);
    expect(parseMarkdown("Run:\n```bash\nlm_eval --model hf \\\n  --tasks mmlu")).toEqual([
      p(t("Run:")),
      { type: "code", lang: "bash", text: "lm_eval --model hf \\\n  --tasks mmlu", closed: false },
    ]);
    expect(parseMarkdown('```"><img src=x onerror=alert(1)>\nx\n```')[0]).toMatchObject({ lang: "" });
  });

  it("reads pipe tables with alignment; a row of pipes with no delimiter row is text", () => {
    const md = "| Benchmark | N | ±pp |\n|:--|:-:|--:|\n| MMLU | 14,042 | **0.66** |\n| HumanEval | 164 |";
    expect(parseMarkdown(md)).toEqual([
      {
        type: "table",
        align: ["left", "center", "right"],
        head: [[t("Benchmark")], [t("N")], [t("±pp")]],
        rows: [
          [[t("MMLU")], [t("14,042")], [{ type: "strong", children: [t("0.66")] }]],
          [[t("HumanEval")], [t("164")], []],
        ],
      },
    ]);
    expect(parseMarkdown("| a | b |")).toEqual([p(t("| a | b |"))]);
    expect(parseMarkdown("a \\| b | c\n--- | ---\n1 | 2")[0]).toMatchObject({
      type: "table",
      head: [[t("a | b")], [t("c")]],
    });
  });

  it("gives a sensible tree at every prefix of a streamed reply", () => {
    const reply =
      "## Verdict\n\nThe **1.8 pp** gap is *not* noise:\n\n1. CI: $[1.1, 2.5]$ pp\n2. But `5-shot` vs ?\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n";
    for (let k = 0; k <= reply.length; k++) {
      const blocks = parseMarkdown(reply.slice(0, k));
      // Nothing is lost: every letter typed so far is shown somewhere.
      const letters = (s: string) => s.replace(/[^A-Za-z0-9]/g, "");
      const shown = letters(textOf(blocks));
      const typed = letters(reply.slice(0, k).replace(/\\[a-z]+|```/g, ""));
      for (const word of typed.match(/[A-Za-z]{3,}/g) ?? []) expect(shown, `prefix ${k}`).toContain(word);
    }
    expect(parseMarkdown(reply).map((b) => b.type)).toEqual([
      "heading",
      "paragraph",
      "list",
      "table",
      "code",
    ]);
  });
});

describe("streamingParser (a reply that grows at its end)", () => {
  const reply = [
    "## Verdict",
    "",
    "The **gap** is real.",
    "",
    "1. first",
    "",
    "2. second, loose",
    "   continued",
    "",
    "Back to text.",
    "",
    "```python",
    "x = 1",
    "",
    "Not a boundary: inside the fence.",
    "```",
    "",
    "$$",
    "a",
    "",
    "b",
    "$$",
    "",
    "- a",
    "",
    "  indented: still the item",
    "",
    "> quote",
    "",
    "| a | b |",
    "|---|---|",
    "| 1 | 2 |",
    "",
    "End.",
  ].join("\n");

  it("gives exactly parseMarkdown's tree at every prefix, reusing the stable blocks", () => {
    const parse = streamingParser();
    let reused = 0;
    let before: Block[] = [];
    for (let k = 0; k <= reply.length; k++) {
      const text = reply.slice(0, k);
      const blocks = parse(text);
      expect(blocks, `prefix ${k}`).toEqual(parseMarkdown(text));
      if (before.length && blocks[0] === before[0]) reused++;
      before = blocks;
    }
    expect(reused).toBeGreaterThan(reply.length / 2);
  });

  it("starts again when the text is not a continuation", () => {
    const parse = streamingParser();
    parse(reply);
    for (const text of ["Something else\n\nentirely", reply.slice(0, 40), `${reply.slice(0, 60)}X\n\nY`]) {
      expect(parse(text)).toEqual(parseMarkdown(text));
    }
  });
});

describe("hostile input", () => {
  it("keeps HTML and script as text", () => {
    for (const name of ["script.md", "img-onerror.md", "html-block.md"]) {
      const blocks = parseMarkdown(fixture(name));
      expect(links(blocks), name).toEqual([]);
      const text = textOf(blocks);
      expect(text, name).not.toMatch(/\[image: .*javascript/);
      if (name === "script.md") expect(text).toContain("<script>window.__pwned = 1</script>");
      if (name === "img-onerror.md") {
        expect(text).toContain('<img src="/pwned.png" onerror="window.__pwned=1">');
        expect(text).toContain("[image: chart]");
      }
      if (name === "html-block.md") {
        expect(text).toContain('<div onclick="window.__pwned=1">');
        expect(text).toContain("<b>escaped</b> <i> <u>");
      }
    }
    const sse = readFileSync(
      new URL("../../fixtures/bad-input/sse/html-payload.txt", import.meta.url),
      "utf8",
    );
    const payload = JSON.parse(sse.split("\n")[0]!.slice(6)).choices[0].delta.content as string;
    expect(parseMarkdown(payload)).toEqual([p(t(payload))]);
  });

  // Hostile inputs, each with the result worked out by hand from the CommonMark rules (a slow,
  // quadratic parser would not finish these within the test's timeout; a wrong one fails here).
  it("reads a megabyte of asterisks as a rule, and as plain text inline", () => {
    // A line of three or more asterisks and nothing else is a thematic break; inline, a run with
    // nothing but line ends around it is neither left- nor right-flanking, so it stays text.
    expect(parseMarkdown("*".repeat(1_000_000))).toEqual([{ type: "rule" }]);
    expect(parseInline("*".repeat(1_000_000))).toEqual([t("*".repeat(1_000_000))]);
  }, 120_000);

  it("pairs 125,000 alternating asterisks into 62,500 emphases", () => {
    // "*a*a*a…": every "*" between letters can open and close; they pair left to right, so the
    // odd ones open and the even ones close: *a* a *a* a … — 62,500 <em>a</em>, each then "a".
    const inl = parseInline("*a".repeat(125_000));
    expect(inl).toHaveLength(125_000);
    expect(inl[0]).toEqual({ type: "em", children: [t("a")] });
    expect(inl[1]).toEqual(t("a"));
    expect(inl.filter((n) => n.type === "em")).toHaveLength(62_500);
  }, 120_000);

  it("leaves unclosed brackets, links and lone dollars as the very same text", () => {
    // No "]" ever comes, no ")" ever closes a destination, and a "$" after a space cannot close
    // a formula: nothing is markup, and every character is shown.
    for (const s of ["[".repeat(250_000), "[a](".repeat(62_500), "$a ".repeat(82_500).trimEnd()])
      expect(parseMarkdown(s)).toEqual([p(t(s))]);
  }, 120_000);

  it("caps 400 nested emphases at MAX_INLINE_DEPTH, keeping every letter", () => {
    // "*a _a *a _a … x … a_ a* a_ a*": each opener follows a space (left-flanking only), each
    // closer precedes one (right-flanking only), and the closers mirror the openers, so CommonMark
    // nests em in em 400 deep. Only MAX_INLINE_DEPTH levels are kept; no letter is lost.
    // (Kept small: this parser is quadratic here — 2,000 pairs took 1.7 s, so 31,250 would take
    // minutes.)
    const n = 200;
    const blocks = parseMarkdown(`${"*a _a ".repeat(n)}x${" a_ a*".repeat(n)}`);
    expect(blocks).toHaveLength(1);
    expect(depthOf((blocks[0] as Block & { type: "paragraph" }).children)).toBe(MAX_INLINE_DEPTH);
    expect(textOf(blocks).replace(/[*_]/g, "")).toBe(`${"a a ".repeat(n)}x${" a a".repeat(n)}`);
  }, 120_000);

  it("reads quotes and lists nested 125,000 and 75,000 deep as MAX_BLOCK_DEPTH levels, then text", () => {
    // Past the cap the rest of the line is an ordinary paragraph: its markers are shown as text.
    let b: Block | undefined = parseMarkdown(`${"> ".repeat(125_000)}x`)[0];
    for (let k = 0; k < MAX_BLOCK_DEPTH; k++) {
      expect(b?.type, `quote level ${k}`).toBe("quote");
      b = (b as Block & { type: "quote" }).children[0];
    }
    expect(b).toEqual(p(t(`${"> ".repeat(125_000 - MAX_BLOCK_DEPTH)}x`)));
    b = parseMarkdown(`${"1. ".repeat(75_000)}x`)[0];
    for (let k = 0; k < MAX_BLOCK_DEPTH; k++) {
      expect(b?.type, `list level ${k}`).toBe("list");
      b = (b as Block & { type: "list" }).items[0]![0];
    }
    expect(b).toEqual(p(t(`${"1. ".repeat(75_000 - MAX_BLOCK_DEPTH)}x`)));
  }, 120_000);

  it("reads containers nested past the cap as text", () => {
    const blocks = parseMarkdown(`${"> ".repeat(50)}deep`);
    let depth = 0;
    let b: Block | undefined = blocks[0];
    while (b?.type === "quote") {
      depth++;
      b = b.children[0];
    }
    expect(depth).toBe(MAX_BLOCK_DEPTH);
    expect(inlineText((b as Block & { type: "paragraph" }).children)).toContain("deep");
  });
});

describe("properties over random Markdown-like text (fast-check)", () => {
  const alphabet = [..."ab1 \n\n*_~`$[]()!<>&#-+.|:\\/h"];
  const anyText = fc.array(fc.constantFrom(...alphabet), { maxLength: 160 }).map((a) => a.join(""));
  /** Text with no construct that drops or adds characters (fence info strings, image and link addresses, formulas, tables). */
  const plainish = fc
    .array(fc.constantFrom(..."ab1 \n\n*_~~[]()<>&#-+.".split("")), { maxLength: 160 })
    .map((a) => a.join("").replace(/~{3,}/g, "~~"));

  it("never throws, links only to safe addresses, and nests within the caps", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const blocks = parseMarkdown(s);
        for (const n of walk(blocks)) {
          if (n.type === "link") expect(safeHref(n.href)).toBe(n.href);
          if ("children" in n && n.type !== "quote") {
            expect(depthOf(n.children as Inline[])).toBeLessThanOrEqual(MAX_INLINE_DEPTH + 1);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it("loses no letter of plain text", () => {
    // (Digits may become a list's numbering, which is not text.)
    const letters = (s: string) => [...s.replace(/[^ab]/g, "")].sort().join("");
    fc.assert(
      fc.property(plainish, (s) => {
        expect(letters(textOf(parseMarkdown(s)))).toBe(letters(s));
      }),
      { numRuns: 400 },
    );
  });

  it("the streaming parser agrees with parseMarkdown at every prefix", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const parse = streamingParser();
        for (let k = 0; k <= s.length; k += 3)
          expect(parse(s.slice(0, k))).toEqual(parseMarkdown(s.slice(0, k)));
        expect(parse(s)).toEqual(parseMarkdown(s));
      }),
      { numRuns: 200 },
    );
  });
});
