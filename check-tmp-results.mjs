import { chromium } from "playwright-core";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless=new","--no-sandbox","--disable-gpu"] });
const p = await b.newPage();
await p.addInitScript(() => {
  const W = window.Worker;
  window.__log = []; window.__t0 = performance.now();
  const T = () => (performance.now() - window.__t0).toFixed(0);
  window.Worker = class extends W {
    constructor(...a) { window.__log.push(T() + " new Worker"); super(...a); window.__log.push(T() + " new Worker returned"); this.addEventListener("message", (e) => window.__log.push(T() + " msg " + (e.data.progress?.message ?? e.data.type))); }
    postMessage(...a) { window.__log.push(T() + " post"); super.postMessage(...a); window.__log.push(T() + " post returned"); }
  };
});
await p.goto(process.argv[2], { waitUntil: "networkidle" });
let seed = 12345;
const rand = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
const lines = ["model,item,correct,cluster"];
for (let m = 0; m < 10; m++) for (let i = 0; i < 20_000; i++) lines.push(`model-${m},item-${i},${rand() < 0.5 + m * 0.01 ? 1 : 0},topic-${i % 40}`);
const body = lines.join("\n");
await p.evaluate(() => {
  const T = () => (performance.now() - window.__t0).toFixed(0);
  let last = performance.now();
  const tick = (t) => { if (t - last > 100) window.__log.push(`${T()} GAP ${(t-last).toFixed(0)}`); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
});
await p.evaluate((text) => { window.__log.push((performance.now() - window.__t0).toFixed(0) + " making file"); const dt = new DataTransfer(); dt.items.add(new File([text], "big.csv")); const i = document.querySelector("#results-file-input"); i.files = dt.files; window.__log.push((performance.now() - window.__t0).toFixed(0) + " change"); i.dispatchEvent(new Event("change")); }, body);
await p.waitForSelector('.results-tool[data-state="done"]', { timeout: 60000 });
await p.waitForTimeout(300);
console.log((await p.evaluate(() => window.__log)).join("\n"));
await b.close();
