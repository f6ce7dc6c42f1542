// Words on each lesson's main path (tests/e2e/mainPath.ts's rule), measured on the built site.
// npx tsx scripts/lessonWords.ts [/lessons/1 …]
import { chromium } from "playwright-core";
import { chromiumArgs, chromiumPath } from "../tests/e2e/browser.ts";
import { mainPathWords } from "../tests/e2e/mainPath.ts";
import { serve } from "./serve.ts";

const paths = process.argv.slice(2).filter((a) => a.startsWith("/"));
const { server, url } = await serve(process.env.DIST ?? "dist");
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
for (const path of paths.length ? paths : ["/lessons/1", "/lessons/2", "/lessons/3", "/lessons/4"]) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url + path, { waitUntil: "networkidle" });
  console.log(`${path}\t${await mainPathWords(page)} words on the main path`);
  await page.close();
}
await browser.close();
server.close();
