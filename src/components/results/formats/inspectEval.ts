// Inspect's default log format, `.eval`: a ZIP archive holding header.json (the eval, its results)
// and one samples/<id>_epoch_<n>.json per sample. Unzipped with fflate, then read like the JSON log.
import { unzipSync } from "fflate";
import { FileError } from "../types.js";
import { isObject } from "./format.js";

const ZIP = [0x50, 0x4b, 0x03, 0x04];

export const isZip = (bytes: Uint8Array) => ZIP.every((b, i) => bytes[i] === b);

/** The .eval archive as the JSON log's shape: {eval, results, samples}. */
export function inspectEvalLog(bytes: Uint8Array, file: string): Record<string, unknown> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) =>
        f.name === "header.json" || f.name.startsWith("_journal/start") || f.name.startsWith("samples/"),
    });
  } catch (e) {
    throw new FileError(
      file,
      `${file} looks like an Inspect .eval archive but could not be unzipped (${(e as Error).message}): is it complete?`,
    );
  }
  const decoder = new TextDecoder();
  const json = (name: string): unknown => {
    try {
      return JSON.parse(decoder.decode(entries[name]!));
    } catch {
      throw new FileError(file, `${file}: ${name} inside the .eval archive is not valid JSON.`);
    }
  };
  const headerName =
    "header.json" in entries
      ? "header.json"
      : Object.keys(entries).find((n) => n.startsWith("_journal/start"));
  if (!headerName)
    throw new FileError(
      file,
      `${file} is a ZIP archive without Inspect's header.json: it is not an Inspect .eval log (a spreadsheet? export it as CSV).`,
    );
  const header = json(headerName);
  if (!isObject(header) || !isObject(header.eval))
    throw new FileError(
      file,
      `${file}: the archive's ${headerName} has no "eval" section, so it is not an Inspect log.`,
    );
  const samples = Object.keys(entries)
    .filter((n) => n.startsWith("samples/") && n.endsWith(".json"))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map(json);
  return { ...header, samples };
}
