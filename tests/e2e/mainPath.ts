// What a lesson asks a newcomer to read on its main path: the words of the page's main column,
// without what sits behind a disclosure (<details>), inside a figure's frame (.explorable: its
// controls, readout and notice are read while driving it), the lesson footer, and the Sources
// section (the "## Sources" heading and everything after it). One rule for every lesson.
import type { Page } from "playwright-core";

export async function mainPathText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector("#observablehq-main") ?? document.body;
    const copy = main.cloneNode(true) as HTMLElement;
    for (const el of copy.querySelectorAll("details, .explorable, .lesson-footer, script, style, svg"))
      el.remove();
    const sources = [...copy.querySelectorAll("h2")].find((h) => /^\s*sources\b/i.test(h.textContent ?? ""));
    if (sources) {
      let node: ChildNode | null = sources;
      while (node) {
        const next: ChildNode | null = node.nextSibling;
        node.remove();
        node = next;
      }
    }
    // Text nodes joined by spaces, so block boundaries separate words.
    const parts: string[] = [];
    const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) parts.push(walker.currentNode.nodeValue ?? "");
    return parts.join(" ").replace(/\s+/g, " ").trim();
  });
}

export async function mainPathWords(page: Page): Promise<number> {
  const text = await mainPathText(page);
  return text.split(" ").filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
