// Keyboard routes through a page: "Skip to content" is the first Tab stop, and "Figures on this
// page" moves focus to any figure, so reaching Lesson 3's third figure takes a handful of key
// presses instead of tabbing past the course menu and every control of the first two figures.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { open, useBrowser } from "./browser.ts";

const browser = useBrowser();

/** The id of the figure holding focus (the figure itself or an element inside it), or "". */
const focusedFigure = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest<HTMLElement>("[data-explorable]")?.id ?? "");

/** The third figure on the lesson's main path (figures behind a closed "go deeper" disclosure are skipped). */
async function thirdFigure(page: Page): Promise<string> {
  await page.locator("section.explorable[data-explorable]").nth(2).waitFor({ state: "attached" });
  await page.locator(".figure-jump summary").waitFor();
  return page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>("section.explorable[data-explorable]")].filter(
        (f) => !f.closest("details:not([open])"),
      )[2]!.id,
  );
}

describe("keyboard routes on Lesson 3", () => {
  it("the first Tab stop is “Skip to content”, shown when focused; Enter moves focus into the page's text", async () => {
    const { page, context, problems } = await open(browser, "/lessons/3");
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      top: document.activeElement!.getBoundingClientRect().top,
    }));
    expect(first.text).toBe("Skip to content");
    expect(first.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("observablehq-main");
    await page.keyboard.press("Tab");
    // The next stop is in the page, not in the course menu.
    expect(await page.evaluate(() => !!document.activeElement?.closest("#observablehq-main"))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the third figure on the main path is reached in at most 8 Tab presses (Tab alone takes over 50)", async () => {
    const { page, context, problems } = await open(browser, "/lessons/3");
    const target = await thirdFigure(page);
    // Tab alone, from the top of the page.
    let tabs = 0;
    while ((await focusedFigure(page)) !== target && tabs < 200) {
      await page.keyboard.press("Tab");
      tabs++;
    }
    expect(tabs).toBeGreaterThan(50);

    await page.reload({ waitUntil: "networkidle" });
    await thirdFigure(page);
    const keys: string[] = [];
    const press = async (key: string) => {
      keys.push(key);
      await page.keyboard.press(key);
    };
    await press("Tab"); // Skip to content
    await press("Enter");
    while (
      !(await page.evaluate(() => document.activeElement?.matches(".figure-jump summary"))) &&
      keys.length < 12
    )
      await press("Tab");
    await press("Enter"); // open the list
    // The list names every figure in page order, those behind a disclosure too.
    const place = await page.evaluate(
      (id) =>
        [...document.querySelectorAll("section.explorable[data-explorable]")].findIndex((f) => f.id === id),
      target,
    );
    for (let i = 0; i <= place; i++) await press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      await page.locator(`#${target} .explorable-title`).textContent(),
    );
    await press("Enter");
    expect(await focusedFigure(page)).toBe(target);
    // Tab, Enter (skip); Tab to the page title's anchor, the Present button and the list; Enter;
    // down the list to the figure (the fourth entry: one figure before it sits behind a disclosure); Enter.
    expect(keys.filter((k) => k === "Tab").length, keys.join(" ")).toBeLessThanOrEqual(8);
    expect(keys.length, keys.join(" ")).toBeLessThanOrEqual(11);
    // The figure is on screen, and the next Tab is its first tool.
    const top = await page.locator(`#${target}`).evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
    await page.keyboard.press("Tab");
    expect(await focusedFigure(page)).toBe(target);
    expect(problems).toEqual([]);
    console.log(`Lesson 3, third figure: ${tabs} Tab presses alone; ${keys.length} keys by the figure list`);
    await context.close();
  });

  it("the figure list names every figure on the page, in order; Esc closes it", async () => {
    const { page, context } = await open(browser, "/lessons/3");
    await thirdFigure(page);
    await page.locator(".figure-jump summary").click();
    const listed = await page.locator(".figure-jump li a").allTextContents();
    const titles = await page
      .locator("section.explorable[data-explorable] .explorable-title")
      .allTextContents();
    expect(listed).toEqual(titles);
    await page.locator(".figure-jump li a").first().focus();
    await page.keyboard.press("Escape");
    expect(await page.locator(".figure-jump").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.matches(".figure-jump summary"))).toBe(true);
    await context.close();
  });
});

describe("on the 404 page", () => {
  it('“Skip to content” stays on the page (its <base href="/"> would send a #hash home)', async () => {
    const { page, context } = await open(browser, "/nope");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(200);
    expect(new URL(page.url()).pathname).toBe("/nope");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("observablehq-main");
    await context.close();
  });
});
