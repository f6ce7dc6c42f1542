import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
const axe = readFileSync("node_modules/axe-core/axe.min.js", "utf8");
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless=new","--no-sandbox","--disable-gpu"] });
for (const path of ["/tools/your-results", "/tools/benchmarks"]) {
  const p = await b.newPage();
  await p.goto("http://127.0.0.1:4518" + path, { waitUntil: "networkidle" });
  if (path.includes("your")) { await p.click('[data-action="load-sample"]'); await p.waitForSelector('.results-tool[data-state="done"]'); }
  await p.addScriptTag({ content: axe });
  const r = await p.evaluate(async () => (await window.axe.run(document.querySelector("main"))).violations.map(v => `${v.impact} ${v.id}: ${v.nodes.length} e.g. ${v.nodes[0].target.join(" ")} ${v.nodes[0].failureSummary?.slice(0,150)}`));
  console.log(path, r.join("\n"));
  await p.close();
}
await b.close();
