// The "Going deeper" pages (src/deeper/<slug>.md), in the order the sidebar and home page list them.
// One list for the sidebar (observablehq.config.ts), the home page's progress and the tests.
export const deeperPages = [
  { slug: "format-sensitivity", title: "Prompt format and run-to-run variance" },
  { slug: "pass-at-k", title: "pass@k and pass^k" },
  { slug: "llm-judge", title: "When a model is the judge" },
  { slug: "label-errors", title: "Wrong answer keys and saturation" },
  { slug: "signal-and-noise", title: "Signal and noise of a benchmark" },
  { slug: "best-of-k", title: "The best of k private variants" },
] as const;

export type DeeperSlug = (typeof deeperPages)[number]["slug"];
