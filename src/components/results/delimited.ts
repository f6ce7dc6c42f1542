// Readers for per-item results in CSV, TSV or JSON Lines, in long form (model, item, correct
// [, cluster]) or wide form (item [, cluster], then one column per model). Every dropped line
// is logged with its line number and the reason; a file that cannot be read at all throws.
import { csvParseRows, dsvFormat, tsvParseRows } from "d3-dsv";
import { IssueLog } from "./issues.js";
import { FileError, type FileResult, type ResultRecord } from "./types.js";
import { parseCorrect } from "./values.js";

export const columnNames = {
  model: ["model", "model_name", "system"],
  item: ["item", "item_id", "question_id", "question", "id", "doc_id", "example_id"],
  correct: ["correct", "is_correct", "score"],
  cluster: ["cluster", "category", "subject", "group", "passage", "task"],
} as const;

type Role = keyof typeof columnNames;

const norm = (s: string) => s.trim().toLowerCase();

function findColumn(header: readonly string[], role: Role): number {
  const names = columnNames[role] as readonly string[];
  for (const name of names) {
    const i = header.findIndex((h) => norm(h) === name);
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * The delimiter, from the file name and the header line. Semicolons are what spreadsheets write
 * as "CSV" where the comma is the decimal separator (much of Europe): a header with semicolons
 * and no commas is read with semicolons.
 */
export function guessDelimiter(name: string, firstLine: string): "," | "\t" | ";" {
  const count = (c: string) => firstLine.split(c).length - 1;
  const [tabs, commas, semis] = [count("\t"), count(","), count(";")];
  if (/\.tsv$|\.tab$/i.test(name)) return "\t";
  if (semis > 0 && commas === 0 && tabs === 0) return ";";
  if (/\.csv$/i.test(name)) return firstLine.includes(",") || !firstLine.includes("\t") ? "," : "\t";
  return tabs > commas ? "\t" : ",";
}

const semicolonParseRows = dsvFormat(";").parseRows;

const listed = (cols: readonly string[]) => cols.map((c) => `"${c}"`).join(", ");

/** Parse CSV/TSV text. `onProgress(done, total)` is called every few thousand rows. */
export function parseDelimited(
  text: string,
  file: string,
  onProgress?: (done: number, total: number) => void,
): FileResult {
  const table = splitTable(text, file);
  const { header } = table;
  const col = {
    model: findColumn(header, "model"),
    item: findColumn(header, "item"),
    correct: findColumn(header, "correct"),
    cluster: findColumn(header, "cluster"),
  };
  return col.model >= 0 || col.correct >= 0
    ? readLong(table, col, file, onProgress)
    : readWide(table, col, file, onProgress);
}

/** A delimited file as rows, with each row's line in the file and the trimmed header. */
interface Table {
  rows: string[][];
  /** 1-based line of each row (a quoted field can hold newlines). */
  lineOf: Int32Array;
  kind: string;
  header: string[];
  /** Rows with some content after the header. */
  dataCount: number;
}

type Columns = Record<Role, number>;

const isBlank = (r: string[]) => r.every((f) => f.trim() === "");
const PROGRESS_EVERY = 20_000;

function splitTable(text: string, file: string): Table {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = guessDelimiter(file, firstLine);
  const rows = (delimiter === "\t" ? tsvParseRows : delimiter === ";" ? semicolonParseRows : csvParseRows)(
    text,
  );
  // Line numbers: a quoted field may hold newlines, so count them when the file has quotes.
  const quoted = text.includes('"');
  const lineOf = new Int32Array(rows.length);
  let line = 1;
  for (let i = 0; i < rows.length; i++) {
    lineOf[i] = line;
    line++;
    if (quoted)
      for (const f of rows[i]!) for (let j = f.indexOf("\n"); j >= 0; j = f.indexOf("\n", j + 1)) line++;
  }
  const kind = delimiter === "\t" ? "TSV" : delimiter === ";" ? "CSV with semicolons" : "CSV";
  const header = rows[0]!.map((h) => h.trim());
  const dataCount = rows.slice(1).filter((r) => !isBlank(r)).length;
  if (dataCount === 0) {
    throw new FileError(
      file,
      `${file} has only a header (line 1: ${header.join(kind === "TSV" ? " ⇥ " : ", ")}) and no data rows.`,
      1,
    );
  }
  return { rows, lineOf, kind, header, dataCount };
}

/** Long form: model, item, correct [, cluster]. */
function readLong(
  { rows, lineOf, kind, header, dataCount }: Table,
  col: Columns,
  file: string,
  onProgress?: (done: number, total: number) => void,
): FileResult {
  const missing = (["model", "item", "correct"] as const).filter((r) => col[r] < 0);
  if (missing.length) {
    throw new FileError(
      file,
      `${file} line 1: missing column ${missing.map((m) => `"${m}"`).join(" and ")}` +
        ` (the header has ${listed(header)}; long form needs "model", "item" and "correct"${missing.includes("item") ? `; "${columnNames.item.slice(1).join('", "')}" also work for the item` : ""}).`,
      1,
    );
  }
  const log = new IssueLog(file);
  const records: ResultRecord[] = [];
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (i % PROGRESS_EVERY === 0) onProgress?.(i, rows.length);
    if (isBlank(r)) continue;
    const ln = lineOf[i]!;
    const model = (r[col.model] ?? "").trim();
    const item = (r[col.item] ?? "").trim();
    if (r.length < header.length) {
      log.add(
        ln,
        "empty-field",
        `${r.length} field${r.length === 1 ? "" : "s"} where the header has ${header.length}; line dropped`,
      );
      continue;
    }
    if (model === "") {
      log.add(ln, "empty-field", `empty model name; line dropped`);
      continue;
    }
    if (item === "") {
      log.add(ln, "empty-field", `empty item id; line dropped`);
      continue;
    }
    const v = parseCorrect(r[col.correct]);
    if (!v.ok) {
      log.add(
        ln,
        v.missing ? "missing-value" : "unknown-value",
        `"${header[col.correct]}" ${v.missing ? `has no result (${v.reason})` : `value ${v.reason}`}; line dropped`,
      );
      continue;
    }
    const cluster = col.cluster >= 0 ? (r[col.cluster] ?? "").trim() || null : null;
    records.push({ model, item, correct: v.value, cluster, file, line: ln });
  }
  onProgress?.(rows.length, rows.length);
  return {
    file,
    format: "long",
    description: `${kind}, long form: model from "${header[col.model]}", item from "${header[col.item]}", result from "${header[col.correct]}"${col.cluster >= 0 ? `, cluster from "${header[col.cluster]}"` : ", no cluster column"}.`,
    records,
    issues: log.issues,
    issueCounts: log.counts,
    lines: dataCount,
  };
}

/** Wide form's model columns: every column but the item and cluster, each named once. */
function modelColumns(header: string[], col: Columns, file: string): number[] {
  if (col.item < 0) {
    throw new FileError(
      file,
      `${file} line 1: missing column: no "model" column (long form: model, item, correct) and no item column for wide form (${listed(columnNames.item)}). The header has ${listed(header)}.`,
      1,
    );
  }
  const modelCols = header
    .map((_, i) => i)
    .filter((i) => i !== col.item && i !== col.cluster && header[i] !== "");
  if (modelCols.length === 0) {
    throw new FileError(
      file,
      `${file} line 1: wide form needs one column per model after "${header[col.item]}", and there are none.`,
      1,
    );
  }
  const seenModel = new Set<string>();
  for (const i of modelCols) {
    if (seenModel.has(header[i]!))
      throw new FileError(
        file,
        `${file} line 1: two columns are both named "${header[i]}"; each model needs its own name.`,
        1,
      );
    seenModel.add(header[i]!);
  }
  return modelCols;
}

/** Wide form: item [, cluster], one column per model. */
function readWide(
  { rows, lineOf, kind, header, dataCount }: Table,
  col: Columns,
  file: string,
  onProgress?: (done: number, total: number) => void,
): FileResult {
  const modelCols = modelColumns(header, col, file);
  const log = new IssueLog(file);
  const records: ResultRecord[] = [];
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (i % PROGRESS_EVERY === 0) onProgress?.(i, rows.length);
    if (isBlank(r)) continue;
    const ln = lineOf[i]!;
    const item = (r[col.item] ?? "").trim();
    if (item === "") {
      log.add(ln, "empty-field", `empty item id in "${header[col.item]}"; line dropped`);
      continue;
    }
    const cluster = col.cluster >= 0 ? (r[col.cluster] ?? "").trim() || null : null;
    for (const c of modelCols) {
      const v = parseCorrect(r[c]);
      if (!v.ok) {
        log.add(
          ln,
          v.missing ? "missing-value" : "unknown-value",
          `model "${header[c]}" ${v.missing ? `has no result (${v.reason})` : `value ${v.reason}`}; that cell dropped`,
        );
        continue;
      }
      records.push({ model: header[c]!, item, correct: v.value, cluster, file, line: ln });
    }
  }
  onProgress?.(rows.length, rows.length);
  return {
    file,
    format: "wide",
    description: `${kind}, wide form: item from "${header[col.item]}"${col.cluster >= 0 ? `, cluster from "${header[col.cluster]}"` : ""}, ${modelCols.length} model column${modelCols.length === 1 ? "" : "s"} (${modelCols.map((c) => header[c]).join(", ")}).`,
    records,
    issues: log.issues,
    issueCounts: log.counts,
    lines: dataCount,
  };
}

/** Long-form JSON Lines: one {"model", "item", "correct"[, "cluster"]} object per line. */
export function parseJsonLinesLong(
  lines: readonly { line: number; value: Record<string, unknown> }[],
  file: string,
  log: IssueLog,
): FileResult {
  // Field names from the first few records, so one odd first line does not decide for the file.
  const keys = [...new Set(lines.slice(0, 20).flatMap((l) => Object.keys(l.value)))];
  const pick = (role: Role) =>
    (columnNames[role] as readonly string[]).find((n) => keys.some((k) => norm(k) === n));
  const key = (role: Role) => {
    const n = pick(role);
    return n === undefined ? undefined : keys.find((k) => norm(k) === n);
  };
  const k = { model: key("model"), item: key("item"), correct: key("correct"), cluster: key("cluster") };
  const missing = (["model", "item", "correct"] as const).filter((r) => k[r] === undefined);
  if (missing.length) {
    throw new FileError(
      file,
      `${file} line ${lines[0]!.line}: missing field ${missing.map((m) => `"${m}"`).join(" and ")} (the first record has ${listed(keys)}; JSON Lines needs "model", "item" and "correct", or lm-evaluation-harness's "doc_id" records).`,
      lines[0]!.line,
    );
  }
  const records: ResultRecord[] = [];
  for (const { line, value } of lines) {
    const model = value[k.model!];
    const item = value[k.item!];
    if (typeof model !== "string" || model.trim() === "") {
      log.add(line, "missing-field", `no "${k.model}" string; line dropped`);
      continue;
    }
    if ((typeof item !== "string" && typeof item !== "number") || String(item).trim() === "") {
      log.add(line, "missing-field", `no "${k.item}" (string or number); line dropped`);
      continue;
    }
    const v = parseCorrect(value[k.correct!]);
    if (!v.ok) {
      log.add(
        line,
        v.missing ? "missing-value" : "unknown-value",
        `"${k.correct}" ${v.missing ? `has no result (${v.reason})` : `value ${v.reason}`}; line dropped`,
      );
      continue;
    }
    const c = k.cluster ? value[k.cluster] : undefined;
    records.push({
      model: model.trim(),
      item: String(item).trim(),
      correct: v.value,
      cluster: c === undefined || c === null || c === "" ? null : String(c),
      file,
      line,
    });
  }
  return {
    file,
    format: "jsonl-long",
    description: `JSON Lines, long form: "${k.model}", "${k.item}", "${k.correct}"${k.cluster ? `, cluster from "${k.cluster}"` : ", no cluster field"}.`,
    records,
    issues: log.issues,
    issueCounts: log.counts,
    lines: lines.length,
  };
}
