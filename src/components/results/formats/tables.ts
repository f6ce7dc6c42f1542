// The two plain layouts the page has always read: CSV/TSV (long: model, item, correct[, cluster];
// or wide: one column per model) and JSON Lines of {model, item, correct[, cluster]} objects.
import { columnNames, parseDelimited, parseJsonLinesLong } from "../delimited.js";
import type { FileResult } from "../types.js";
import type { ResultFormat } from "./format.js";

export const delimitedTable: ResultFormat = {
  id: "long",
  label: "CSV/TSV table",
  // The fallback for text that is not JSON: the reader itself says what is missing.
  detect: ({ doc, lines }) => (doc === undefined && lines === undefined ? 0.5 : 0),
  parse: ({ file, text }, _options, onProgress): FileResult => {
    const r = parseDelimited(text, file, onProgress);
    return {
      ...r,
      formatLabel: r.format === "wide" ? "CSV/TSV table, wide (a column per model)" : "CSV/TSV table, long",
    };
  },
};

const known = new Set<string>([...columnNames.model, ...columnNames.item, ...columnNames.correct]);

export const jsonLinesTable: ResultFormat = {
  id: "jsonl-long",
  label: "JSON Lines of {model, item, correct}",
  detect: ({ lines }) => {
    const v = lines?.[0]?.value;
    if (!v) return 0;
    const hits = Object.keys(v).filter((k) => known.has(k.trim().toLowerCase())).length;
    return hits >= 3 ? 0.8 : hits > 0 ? 0.3 : 0;
  },
  parse: ({ file, lines = [], log }): FileResult => ({
    ...parseJsonLinesLong(lines, file, log),
    formatLabel: jsonLinesTable.label,
  }),
};
