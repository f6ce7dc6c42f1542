// Reading the curated source tables in data/ for the data loaders (runs in Node at build time).
// A missing column or an unparsable value fails the build with the file, the row and the problem.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { csvParse } from "d3-dsv";

export const dataDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "data");

type Kind = "string" | "number" | "integer" | "optional-number" | "optional-string";
type Value<K extends Kind> = K extends "string"
  ? string
  : K extends "optional-string"
    ? string | null
    : K extends "optional-number"
      ? number | null
      : number;
export type Schema = Record<string, Kind>;
export type Row<S extends Schema> = { [C in keyof S]: Value<S[C]> };

export class SourceError extends Error {
  override name = "SourceError";
}

function parseValue(kind: Kind, raw: string | undefined, where: string): string | number | null {
  const text = (raw ?? "").trim();
  if (kind === "string") {
    if (text === "") throw new SourceError(`${where}: empty value`);
    return text;
  }
  if (kind === "optional-string") return text === "" ? null : text;
  if (kind === "optional-number" && text === "") return null;
  const n = Number(text);
  if (text === "" || !Number.isFinite(n)) throw new SourceError(`${where}: "${text}" is not a number`);
  if (kind === "integer" && !Number.isInteger(n)) throw new SourceError(`${where}: "${text}" is not an integer`);
  return n;
}

/** Parse CSV text against a schema; `file` names the source in error messages. */
export function parseTable<S extends Schema>(file: string, text: string, schema: S): Row<S>[] {
  const rows = csvParse(text);
  const missing = Object.keys(schema).filter((c) => !rows.columns.includes(c));
  if (missing.length) throw new SourceError(`${file}: missing column(s) ${missing.join(", ")}`);
  if (rows.length === 0) throw new SourceError(`${file}: no rows`);
  return rows.map((raw, i) => {
    const out: Record<string, string | number | null> = {};
    for (const [column, kind] of Object.entries(schema)) {
      // Row numbers count the header as line 1, as a spreadsheet shows them.
      out[column] = parseValue(kind, raw[column], `${file} line ${i + 2}, column "${column}"`);
    }
    return out as Row<S>;
  });
}

/** Read and validate data/<file>. */
export function readTable<S extends Schema>(file: string, schema: S): Row<S>[] {
  return parseTable(`data/${file}`, readFileSync(join(dataDir, file), "utf8"), schema);
}

/** Read data/<file> as JSON Lines, validating each record with `check` (which throws on a bad record). */
export function readJsonLines<T>(file: string, check: (record: unknown, where: string) => T): T[] {
  const lines = readFileSync(join(dataDir, file), "utf8").split("\n");
  const out: T[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const where = `data/${file} line ${i + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw new SourceError(`${where}: not valid JSON`);
    }
    out.push(check(record, where));
  });
  return out;
}
