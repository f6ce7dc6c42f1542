// The site's pages in sidebar order, derived from observablehq.config.ts (home first).
// Used by the browser tests and the benchmark, so both visit exactly what the sidebar lists.
import config from "../../observablehq.config.ts";

interface Entry {
  path?: string;
  pages?: Entry[];
}

export const sitePaths: string[] = [
  "/",
  ...(config.pages as Entry[]).flatMap((e) => (e.pages ? e.pages.map((p) => p.path!) : [e.path!])),
];
