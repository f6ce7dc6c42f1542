// The Markdown renderer, run against a small fake document (no DOM library): the elements it
// builds for each block, what it refuses to build from hostile input, and the streaming view that
// redraws at most once per frame and only the blocks that changed. The same renderer runs in the
// browser in tests/e2e/lab.test.ts against the fake model server.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type DocLike, markdownView, renderMarkdown } from "../../../src/components/learn/markdownDom.ts";
import { texToText } from "../../../src/components/learn/texText.ts";

type FakeChild = FakeElement | FakeText;

class FakeText {
  parent: FakeElement | null = null;
  constructor(public data: string) {}
  get textContent() {
    return this.data;
  }
}

class FakeElement {
  parent: FakeElement | null = null;
  children: FakeChild[] = [];
  attrs = new Map<string, string>();
  constructor(public tag: string) {}
  setAttribute(name: string, value: string) {
    this.attrs.set(name, String(value));
  }
  append(...nodes: FakeChild[]) {
    for (const n of nodes) {
      n.parent?.children.splice(n.parent.children.indexOf(n), 1);
      n.parent = this;
      this.children.push(n);
    }
  }
  replaceChildren(...nodes: FakeChild[]) {
    for (const c of this.children) c.parent = null;
    this.children = [];
    this.append(...nodes);
  }
  remove() {
    if (!this.parent) return;
    this.parent.children.splice(this.parent.children.indexOf(this), 1);
    this.parent = null;
  }
  replaceWith(node: FakeChild) {
    const parent = this.parent!;
    parent.children[parent.children.indexOf(this)] = node;
    node.parent = parent;
    this.parent = null;
  }
  get textContent(): string {
    return this.children.map((c) => c.textContent).join("");
  }
}

const fakeDoc = {
  createElement: (tag: string) => new FakeElement(tag),
  createTextNode: (text: string) => new FakeText(text),
} as unknown as DocLike;

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** The fake tree as HTML, attributes sorted; text escaped the way the browser would show it. */
function html(node: FakeChild): string {
  if (node instanceof FakeText) return escapeHtml(node.data);
  const attrs = [...node.attrs]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => ` ${k}="${escapeHtml(v).replace(/"/g, "&quot;")}"`)
    .join("");
  return `<${node.tag}${attrs}>${node.children.map(html).join("")}</${node.tag}>`;
}
const render = (md: string) => (renderMarkdown(md, fakeDoc) as unknown as FakeElement[]).map(html).join("");
function* elements(node: FakeChild): Generator<FakeElement> {
  if (node instanceof FakeText) return;
  yield node;
  for (const c of node.children) yield* elements(c);
}
const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/bad-input/markdown/${name}`, import.meta.url), "utf8");

describe("renderMarkdown", () => {
  it("builds paragraphs with formatting, code and formulas", () => {
    expect(
      render("The **1.8 pp** gap is *not* noise: `p < 0.001`, $\\hat{p} \\pm 1.96 SE$.\nNext line"),
    ).toBe(
      '<p>The <strong>1.8 pp</strong> gap is <em>not</em> noise: <code class="lab-md-code">p &lt; 0.001</code>, ' +
        '<span class="lab-md-math" data-tex="\\hat{p} \\pm 1.96 SE">p̂ ± 1.96 SE</span>.<br></br>Next line</p>',
    );
  });

  it("draws sub- and superscripts that have no Unicode form with <sub> and <sup>", () => {
    expect(render("$\\hat{p}_P - \\hat{p}_{Q} + e^{i\\pi}$")).toBe(
      '<p><span class="lab-md-math" data-tex="\\hat{p}_P - \\hat{p}_{Q} + e^{i\\pi}">p̂<sub>P</sub> − p̂<sub>Q</sub> + e<sup>iπ</sup></span></p>',
    );
  });

  it("builds lists (tight and loose, numbered from their start) and nested lists", () => {
    expect(render("3. a\n4. b\n   - c")).toBe(
      '<ol class="lab-md-list lab-md-tight" start="3"><li><p>a</p></li><li><p>b</p>' +
        '<ul class="lab-md-list lab-md-tight"><li><p>c</p></li></ul></li></ol>',
    );
    expect(render("- a\n\n- b")).toBe('<ul class="lab-md-list"><li><p>a</p></li><li><p>b</p></li></ul>');
  });

  it("turns headings into bold paragraphs, not page headings", () => {
    expect(render("## Verdict")).toBe('<p class="lab-md-heading lab-md-h2">Verdict</p>');
  });

  it("builds a table with column headers and alignment, inside a focusable region", () => {
    expect(render("| Test | N |\n|---|--:|\n| MMLU | 14,042 |")).toBe(
      '<div aria-label="Table" class="lab-md-table" role="region" tabindex="0"><table>' +
        '<thead><tr><th scope="col">Test</th><th class="lab-md-right" scope="col">N</th></tr></thead>' +
        '<tbody><tr><td>MMLU</td><td class="lab-md-right">14,042</td></tr></tbody></table></div>',
    );
  });

  it("builds code blocks as text, marking one still open", () => {
    expect(render("```js\nalert('<b>')\n```")).toBe(
      '<pre class="lab-md-pre"><code data-lang="js">alert(\'&lt;b&gt;\')</code></pre>',
    );
    expect(render("```\nstill coming")).toBe(
      '<pre class="lab-md-pre" data-open=""><code>still coming</code></pre>',
    );
  });

  it("opens links in a new tab without the opener or referrer, and says so to screen readers", () => {
    expect(render("[paper](https://arxiv.org/abs/2405.00332)")).toBe(
      '<p><a class="lab-md-link" href="https://arxiv.org/abs/2405.00332" referrerpolicy="no-referrer" ' +
        'rel="noopener noreferrer nofollow" target="_blank">paper<span class="sr-only"> (opens in a new tab)</span></a></p>',
    );
  });

  it("builds no script, image, frame, style, event handler or unsafe address from hostile text", () => {
    const sse = readFileSync(
      new URL("../../fixtures/bad-input/sse/html-payload.txt", import.meta.url),
      "utf8",
    );
    const payload = JSON.parse(sse.split("\n")[0]!.slice(6)).choices[0].delta.content as string;
    for (const md of [
      fixture("script.md"),
      fixture("img-onerror.md"),
      fixture("javascript-links.md"),
      fixture("html-block.md"),
      payload,
    ]) {
      const nodes = renderMarkdown(md, fakeDoc) as unknown as FakeElement[];
      const all = nodes.flatMap((n) => [...elements(n)]);
      const allowed = new Set(["p", "strong", "em", "del", "code", "a", "span", "br", "ul", "ol", "li"]);
      for (const e of all) {
        expect(allowed.has(e.tag), e.tag).toBe(true);
        for (const [k, v] of e.attrs) {
          expect(k.startsWith("on"), k).toBe(false);
          if (k === "href") expect(v).toMatch(/^https:\/\/example\.org\//);
          expect(["class", "href", "target", "rel", "referrerpolicy", "data-tex", "start"]).toContain(k);
        }
      }
    }
    // The text is all still there, as text.
    const shown = (renderMarkdown(payload, fakeDoc) as unknown as FakeElement[])
      .map((n) => n.textContent)
      .join("");
    expect(shown).toBe(payload);
  });

  it("shows text past the Markdown limit as plain text", () => {
    const long = `**a**${"x".repeat(100_010)}`;
    const nodes = renderMarkdown(long, fakeDoc) as unknown as FakeElement[];
    expect(nodes.map((n) => n.tag)).toEqual(["p", "pre"]);
    expect(nodes.map((n) => n.textContent).join("")).toBe(`a${"x".repeat(100_010)}`);
  });
});

describe("markdownView (a reply while it streams)", () => {
  function setup(drawMs = 0) {
    const container = new FakeElement("div");
    container.append(new FakeText("…"));
    const frames: Array<() => void> = [];
    let clock = 0;
    let draws = 0;
    const view = markdownView(container as unknown as HTMLElement, {
      doc: fakeDoc,
      schedule: (f) => frames.push(f),
      unschedule: (h) => {
        frames[h - 1] = () => {};
      },
      now: () => {
        clock += drawMs / 2; // each draw reads the clock twice
        return clock;
      },
      onDraw: () => draws++,
    });
    const frame = () => {
      const pending = frames.splice(0);
      for (const f of pending) f();
    };
    return {
      container,
      view,
      frame,
      draws: () => draws,
      advance: (ms: number) => {
        clock += ms;
      },
    };
  }

  it("draws at most once per frame, the latest text", () => {
    const s = setup();
    s.view.set("Hel");
    s.view.set("Hello **wor");
    s.view.set("Hello **world**");
    expect(s.draws()).toBe(0);
    expect(s.container.textContent).toBe("…");
    s.frame();
    expect(s.draws()).toBe(1);
    expect(html(s.container)).toBe("<div><p>Hello <strong>world</strong></p></div>");
  });

  it("keeps the elements of unchanged blocks and rebuilds only the one still growing", () => {
    const s = setup();
    s.view.set("First paragraph.\n\n- one");
    s.frame();
    const [para, list] = s.container.children as FakeElement[];
    s.view.set("First paragraph.\n\n- one\n- tw");
    s.frame();
    expect(s.container.children[0]).toBe(para);
    expect(s.container.children[1]).not.toBe(list);
    s.view.set("First paragraph.\n\n- one\n- two\n\nDone.");
    s.frame();
    expect(s.container.children[0]).toBe(para);
    expect(s.container.children.length).toBe(3);
    expect(s.container.textContent).toBe("First paragraph.onetwoDone.");
    // A block that disappears (a rule that becomes a list…) is removed.
    s.view.set("First paragraph.");
    s.frame();
    expect(s.container.children).toEqual([para]);
  });

  it("flush draws now; cancel forgets", () => {
    const s = setup();
    s.view.set("a");
    s.view.flush();
    expect(s.container.textContent).toBe("a");
    s.view.set("b");
    s.view.cancel();
    s.frame();
    expect(s.container.textContent).toBe("a");
  });

  it("waits longer between draws when a draw is slow (hostile input)", () => {
    const s = setup(20); // each draw takes 20 ms
    s.view.set("x");
    s.frame();
    expect(s.draws()).toBe(1);
    s.view.set("xy");
    s.frame(); // too soon: 3 × 20 ms must pass
    expect(s.draws()).toBe(1);
    s.advance(100);
    s.frame();
    expect(s.draws()).toBe(2);
    expect(s.container.textContent).toBe("xy");
  });
});

describe("texToText", () => {
  it("writes formulas models use about benchmark statistics as readable text", () => {
    const cases: Array<[string, string]> = [
      ["\\hat{p} \\pm 1.96\\sqrt{\\frac{\\hat{p}(1-\\hat{p})}{n}}", "p̂ ± 1.96√(p̂(1−p̂)/n)"],
      ["SE = \\sqrt{\\frac{p_A(1-p_A)}{n} + \\frac{p_B(1-p_B)}{n}}", "SE = √(p_A(1−p_A)/n + p_B(1−p_B)/n)"],
      ["z = \\frac{\\hat{p}_1 - \\hat{p}_2}{SE}", "z = (p̂₁ − p̂₂)/SE"],
      [
        "n \\geq \\frac{(z_{\\alpha/2} + z_{\\beta})^2 \\cdot 2p(1-p)}{\\delta^2}",
        "n ≥ ((z_(α/2) + z_β)² · 2p(1−p))/δ²",
      ],
      ["x^{2} + x^{-1} + e^{i\\pi}", "x² + x⁻¹ + e^(iπ)"],
      ["\\text{CI}_{95\\%} = [1.1, 2.5]", "CI_(95%) = [1.1, 2.5]"],
      ["\\left( \\frac{a}{b} \\right)", "( a/b )"],
      ["\\sqrt[3]{8} = 2", "³√8 = 2"],
      ["\\mathbb{E}[X] \\approx \\mu", "E[X] ≈ μ"],
      ["\\unknowncommand{x}", "\\unknowncommand x"],
    ];
    for (const [tex, text] of cases) expect(texToText(tex), tex).toBe(text);
  });

  it("survives unbalanced and absurdly nested input", () => {
    expect(texToText("\\frac{a}{")).toBe("a/");
    expect(texToText("}}}{")).toBe("}}}");
    expect(texToText("{".repeat(3000)).length).toBeLessThanOrEqual(3000);
    expect(texToText("^".repeat(3000)).length).toBeGreaterThan(0);
    expect(texToText("\\sqrt".repeat(800)).length).toBeGreaterThan(0);
    const long = "x".repeat(5000);
    expect(texToText(long)).toBe(long);
  });
});
