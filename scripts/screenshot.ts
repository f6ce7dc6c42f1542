// Screenshots of pages of the built site, for looking at what a learner or an instructor sees.
// npx tsx scripts/screenshot.ts /lessons/3 [/tools/compare …]  → screenshots/<page>-<w>x<h>.png
// FIGURES=1 also saves each figure alone (screenshots/<page>-<figure id>-<w>x<h>.png); DARK=1 dark theme.
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { chromiumArgs, chromiumPath } from "../tests/e2e/browser.ts";
import { serve } from "./serve.ts";

const paths = process.argv.slice(2).filter((a) => a.startsWith("/"));
const sizes = (process.env.SIZES ?? "1280x800,1920x1080")
  .split(",")
  .map((s) => s.split("x").map(Number) as [number, number]);
const dark = process.env.DARK === "1";
const full = process.env.FULL !== "0";
mkdirSync("screenshots", { recursive: true });
const { server, url } = await serve(process.env.DIST ?? "dist");
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
for (const path of paths.length ? paths : ["/"]) {
  for (const [width, height] of sizes) {
    const page = await browser.newPage({ viewport: { width, height }, colorScheme: dark ? "dark" : "light" });
    await page.goto(url + path, { waitUntil: "networkidle" });
    await page.waitForTimeout(500);
    const name = `screenshots/${path.replace(/[/?=&.#]+/g, "_").replace(/^_|_$/g, "") || "index"}-${width}x${height}${dark ? "-dark" : ""}.png`;
    await page.screenshot({ path: name, fullPage: full });
    console.log(name);
    if (process.env.FIGURES === "1") {
      for (const figure of await page.locator("[data-explorable]").all()) {
        const id = await figure.getAttribute("data-explorable");
        const file = name.replace(/-(\d+x\d+)/, `-${id}-$1`);
        await figure.screenshot({ path: file });
        console.log(file);
      }
    }
    await page.close();
  }
}
await browser.close();
server.close();
