// Site configuration for "Reading Benchmark Scores".
// Pages are listed in course order; the sidebar mirrors the course navigation.
// No third-party requests: no Google Fonts (globalStylesheets: []), no CDN imports, no telemetry.

import { existsSync } from "node:fs";
import { deeperPages } from "./src/content/deeperPages.ts";

const lessons = [
  { n: 1, title: "What a number actually means" },
  { n: 2, title: "Leaderboards and their distortions" },
  { n: 3, title: "Comparing scores across models" },
  { n: 4, title: "Translating scores to real-world expectations" },
];

export default {
  title: "Reading Benchmark Scores",
  root: "src",
  output: process.env.OBSERVABLE_OUTPUT ?? "dist",
  globalStylesheets: [],
  style: "style.css",
  search: false,
  pager: true,
  toc: true,
  pages: [
    ...lessons.map(({ n, title }) => ({
      name: `Lesson ${n} — ${title}`,
      open: n === 1,
      pages: [
        { name: "Lesson", path: `/lessons/${n}` },
        { name: "Quiz", path: `/quizzes/${n}` },
        { name: "Lab", path: `/labs/${n}` },
      ],
    })),
    { name: "Module test", path: "/test" },
    {
      name: "Going deeper",
      open: false,
      // A page is listed once it exists (the pages are written one at a time).
      pages: [{ slug: "", title: "Overview" }, ...deeperPages]
        .filter(({ slug }) => existsSync(new URL(`src/deeper/${slug || "index"}.md`, import.meta.url)))
        .map(({ slug, title }) => ({ name: title, path: `/deeper/${slug}` })),
    },
    {
      name: "Tools",
      open: true,
      pages: [
        { name: "Compare two scores", path: "/tools/compare" },
        { name: "Your own results", path: "/tools/your-results" },
        { name: "Benchmark reference", path: "/tools/benchmarks" },
      ],
    },
  ],
  dynamicPaths: lessons.flatMap(({ n }) => [`/quizzes/${n}`, `/labs/${n}`]),
  // Pages under /lessons/, /tools/ and /deeper/ show figures, and so a "Present" button under the title:
  // `figure-page` holds its place from the first paint, so the text below does not jump.
  head: ({ path }: { path: string }) => `<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<script>
  // Framework's page shell has no lang and forbids zoom; fix both before anything renders.
  document.documentElement.lang = "en";
  document.querySelector('meta[name="viewport"]')?.setAttribute("content", "width=device-width, initial-scale=1");
  // Storage blocked by a browser setting: reaching sessionStorage throws ("The operation is
  // insecure"), Framework's sidebar script stops on it and the sidebar stays hidden. Give the page
  // an in-memory sessionStorage, gone with the page. localStorage stays as the browser set it, so
  // the site's own stores (progress, transcripts) see the refusal and say nothing can be kept.
  try {
    window.sessionStorage.getItem("probe");
  } catch {
    try {
      const items = new Map();
      const memory = {
        get length() { return items.size; },
        key: (i) => [...items.keys()][i] ?? null,
        getItem: (k) => (items.has(String(k)) ? items.get(String(k)) : null),
        setItem: (k, v) => void items.set(String(k), String(v)),
        removeItem: (k) => void items.delete(String(k)),
        clear: () => items.clear(),
      };
      Object.defineProperty(window, "sessionStorage", { configurable: true, value: memory });
      document.documentElement.dataset.storage = "blocked";
    } catch {}
  }
  // ?embed=<figure-id> shows one figure alone (for an iframe): hide the page before it paints.
  if (/[?&]embed=/.test(location.search)) document.documentElement.classList.add("embed-mode");${
    /^\/(lessons|tools)\/|^\/deeper\/[a-z]/.test(path)
      ? '\n  document.documentElement.classList.add("figure-page");'
      : ""
  }
</script>
<script type="module" src="/components/ui/site.js"></script>`,
  footer:
    "Reading Benchmark Scores — an explorable course. Code under the MIT licence; every data table names its source on the page that shows it. No tracking, no third-party requests.",
};
