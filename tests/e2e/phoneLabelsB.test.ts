// On a phone (390 × 844) no chart label of Lesson 2's contamination figure or Lesson 3's gap,
// paired and checker figures sticks out of its SVG, where it would be cut at the figure's edge.
// Found this way and fixed: long model names left of the axis (board, paired, checker), axis
// labels wider than the panel, the measured-gaps study headings and the shaded-band note.
import { describe, expect, it } from "vitest";
import { open, useBrowser } from "./browser.ts";

const browser = useBrowser();

const cases = [
  ["/lessons/2", ["l2-contamination"]],
  ["/lessons/3", ["l3-gap", "l3-paired", "l3-checker"]],
] as const;

describe("at 390×844 no label sticks out of its chart", () => {
  it.each(cases)("%s", async (path, ids) => {
    const { page, context, problems } = await open(browser, path, { viewport: { width: 390, height: 844 } });
    await page.evaluate(() => {
      for (const d of document.querySelectorAll<HTMLDetailsElement>("details.go-deeper")) d.open = true;
    });
    await page.waitForTimeout(1000);
    const found = await page.evaluate((ids: readonly string[]) => {
      const out: { id: string; texts: number; over: string[] }[] = [];
      for (const id of ids) {
        const fig = document.querySelector<HTMLElement>(`[data-explorable="${id}"]`);
        const entry = { id, texts: 0, over: [] as string[] };
        out.push(entry);
        if (!fig) continue;
        for (const svg of fig.querySelectorAll("svg")) {
          const sb = svg.getBoundingClientRect();
          for (const t of svg.querySelectorAll("text")) {
            const r = t.getBoundingClientRect();
            if (r.width === 0) continue;
            entry.texts++;
            const over = Math.max(sb.left - r.left, r.right - sb.right);
            if (over > 1.5) entry.over.push(`"${(t.textContent ?? "").slice(0, 40)}" ${over.toFixed(1)} px`);
          }
        }
      }
      return out;
    }, ids);
    await context.close();
    // Each figure is on the page and drew some text, so an empty list means something.
    for (const f of found) expect(f.texts, `${f.id} drew no text`).toBeGreaterThan(5);
    expect(found.filter((f) => f.over.length).map((f) => `${f.id}: ${f.over.join("; ")}`)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
