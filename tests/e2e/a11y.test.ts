// An axe-core audit of every page in the light and the dark theme, and of the figure states
// the classroom features create (present mode, an embed), and of states a page only reaches when
// used (the lab's Clear confirmation, the results tool's errors and issue lists): no serious or
// critical violation.
// axe is injected from node_modules (no CDN), as the rest of the site is.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { axeViolations, open, useBrowser } from "./browser.ts";
import { sitePaths as paths } from "./site.ts";

const browser = useBrowser();

describe("axe-core over every page", () => {
  it("covers every page the build wrote: each is in the sidebar, and the sidebar names no other", () => {
    const built = (dir: string, prefix = ""): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? e.name.startsWith("_")
            ? []
            : built(join(dir, e.name), `${prefix}${e.name}/`)
          : e.name.endsWith(".html") && e.name !== "404.html"
            ? [`/${prefix}${e.name === "index.html" ? "" : e.name.replace(/\.html$/, "")}`]
            : [],
      );
    expect([...paths].sort()).toEqual(built(process.env.DIST ?? "dist").sort());
  });

  for (const colorScheme of ["light", "dark"] as const) {
    for (const path of paths) {
      it(`${path} (${colorScheme}): no serious or critical violation`, async () => {
        const { page, context } = await open(browser, path, { colorScheme });
        await page.waitForTimeout(500);
        const found = await axeViolations(page);
        await context.close();
        expect(found).toEqual([]);
      });
    }
  }
});

describe("axe-core over the classroom states", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`present mode (${colorScheme})`, async () => {
      const { page, context } = await open(browser, "/lessons/3", {
        colorScheme,
        viewport: { width: 1920, height: 1080 },
      });
      await page.locator("#fig-ci-width").waitFor();
      await page.locator("#fig-ci-width [data-action=present]").click();
      expect(await page.evaluate(() => document.documentElement.classList.contains("presenting"))).toBe(true);
      const found = await axeViolations(page);
      await context.close();
      expect(found).toEqual([]);
    });

    it(`an embedded figure with its share panel open (${colorScheme})`, async () => {
      const { page, context } = await open(browser, "/lessons/3?embed=ci-width", { colorScheme });
      await page.locator("#fig-ci-width").waitFor();
      await page.locator("#fig-ci-width [data-action=share]").click();
      const found = await axeViolations(page);
      await context.close();
      expect(found).toEqual([]);
    });
  }
});

describe("axe-core over states a page reaches only when used", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`the lab's Clear confirmation ("Delete it" / "Keep it"); Esc keeps the conversation (${colorScheme})`, async () => {
      const { page, context } = await open(browser, "/labs/1", { colorScheme });
      await page.locator("#lab-input-1").waitFor();
      const before = await page.locator(".lab-msg-tutor").count();
      await page.fill("#lab-input-1", "Why can a 3-point gap on MMLU be noise?");
      await page.press("#lab-input-1", "Enter");
      await page.waitForFunction((n) => document.querySelectorAll(".lab-msg-tutor").length > n, before);
      await page.click('[data-action="clear"]');
      await page.locator('[data-action="confirm-clear"]').waitFor({ state: "visible" });
      const found = await axeViolations(page);
      // Esc answers "Keep it": the confirmation closes, focus returns to Clear, nothing is deleted.
      await page.keyboard.press("Escape");
      expect(await page.locator('[data-action="confirm-clear"]').isVisible()).toBe(false);
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe(
        "clear",
      );
      expect(await page.locator(".lab-msg-learner").count()).toBe(1);
      await context.close();
      expect(found).toEqual([]);
    });

    it(`the results tool: a file's error and a long, scrolling issue list (${colorScheme})`, async () => {
      const { page, context } = await open(browser, "/tools/your-results", { colorScheme });
      await page.locator(".results-tool").waitFor();
      const bad = [
        "model,item,correct",
        ...Array.from({ length: 40 }, (_, i) => `A,q${i},maybe`),
        "A,q99,1",
        "B,q99,0",
      ];
      await page.setInputFiles("#results-file-input", [
        {
          name: "missing-column.csv",
          mimeType: "text/csv",
          buffer: Buffer.from("model,item,answer\nA,q1,B\n"),
        },
        { name: "many-bad-lines.csv", mimeType: "text/csv", buffer: Buffer.from(bad.join("\n")) },
      ]);
      await page.locator('[data-readout="file-error"]').first().waitFor();
      await page.locator(".results-issues details").first().waitFor();
      for (const d of await page.locator(".results-issues details").all())
        await d.evaluate((x) => ((x as HTMLDetailsElement).open = true));
      // The list scrolls (so it must be reachable by keyboard), and it is.
      const list = page.locator(".results-issues ul").first();
      expect(await list.evaluate((u) => u.scrollHeight > u.clientHeight)).toBe(true);
      expect(await list.getAttribute("tabindex")).toBe("0");
      expect(await list.getAttribute("aria-label")).toMatch(/^Issues: /);
      const found = await axeViolations(page);
      await context.close();
      expect(found).toEqual([]);
    });
  }
});
