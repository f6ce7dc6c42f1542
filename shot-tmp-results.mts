import { chromium } from "playwright-core";
import { chromiumArgs, chromiumPath } from "/work/main/tests/e2e/browser.ts";
import { serve } from "/work/main/scripts/serve.ts";
const paths = process.argv.slice(2);
const sizes = (process.env.SIZES ?? "1280x800,1920x1080").split(",").map((s) => s.split("x").map(Number));
const { server, url } = await serve("/work/main/" + (process.env.DIST ?? "dist-results"));
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
for (const path of paths) {
  for (const [width, height] of sizes) {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on("console", (m) => { if (m.type() === "error") console.log("console error:", m.text()); });
    page.on("pageerror", (e) => console.log("pageerror:", e.message));
    await page.goto(url + path, { waitUntil: "networkidle" });
    if (path.includes("your-results")) {
      if (process.env.BAD) {
        const d = "/work/main/tests/fixtures/bad-input/results/";
        await page.setInputFiles("#results-file-input", process.env.BAD.split(",").map((f) => d + f));
      } else await page.click('[data-action="load-sample"]');
      await page.waitForSelector('.results-tool[data-state="done"], .results-tool[data-state="error"]', { timeout: 30000 });
      await page.waitForTimeout(300);
      if (process.env.SCROLL) await page.evaluate((s) => document.querySelector(s)?.scrollIntoView({block: "start"}), process.env.SCROLL);
    }
    await page.waitForTimeout(300);
    const name = `/work/main/screenshots/${process.env.BAD ? "bad-" : ""}${path.replace(/[/?=&.#]+/g, "_").replace(/^_|_$/g, "")}-${width}x${height}.png`;
    await page.screenshot({ path: name, fullPage: process.env.FULL !== "0" });
    console.log(name);
    await page.close();
  }
}
await browser.close();
server.close();
