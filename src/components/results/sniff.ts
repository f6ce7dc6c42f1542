// Is this file text at all? Recognise what people drop by mistake (a workbook, a PDF, an image,
// a compressed log) and decode real text (UTF-8, or the UTF-16 that spreadsheets export).
import { FileError } from "./types.js";

export type Sniffed = { kind: "text"; text: string } | { kind: "gzip" };

const signatures: { bytes: number[]; what: string }[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: "a ZIP archive or an Excel/Numbers workbook (.xlsx) — export the sheet as CSV first",
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    what: "an old Excel/Word file (.xls/.doc) — export the sheet as CSV first",
  },
  { bytes: [0x50, 0x41, 0x52, 0x31], what: "a Parquet file — write it out as CSV or JSONL first" },
  { bytes: [0x42, 0x5a, 0x68], what: "a bzip2-compressed file — decompress it first" },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a], what: "an xz-compressed file — decompress it first" },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: "a zstd-compressed file — decompress it first" },
];

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Decode a file's bytes as text, or throw a FileError saying what it looks like instead.
 * Gzip is reported (not thrown) so the caller can decompress it and sniff again.
 */
export function sniff(bytes: Uint8Array, file: string): Sniffed {
  if (bytes.length === 0) throw new FileError(file, `${file} is empty (0 bytes): there is nothing to read.`);
  if (startsWith(bytes, [0x1f, 0x8b])) return { kind: "gzip" };
  for (const s of signatures) {
    if (startsWith(bytes, s.bytes))
      throw new FileError(file, `${file} is not a text file: it looks like ${s.what}.`);
  }
  // UTF-16 with a byte-order mark (Excel's "Unicode text" export).
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const text = new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes);
    return { kind: "text", text: text.replace(/^\uFEFF/, "") };
  }
  const head = bytes.subarray(0, 8192);
  // UTF-16 without a byte-order mark: ASCII text with a zero byte beside every character.
  const utf16 = utf16Order(head);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes);
    if (text.trim() === "")
      throw new FileError(file, `${file} is empty: it has ${bytes.length} bytes, all blank.`);
    return { kind: "text", text };
  }
  const nul = head.indexOf(0);
  let control = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  if (nul >= 0 || control > head.length * 0.02) {
    const where =
      nul >= 0 ? `a zero byte at offset ${nul}` : `${control} control bytes in the first ${head.length}`;
    throw new FileError(
      file,
      `${file} is not a text file (${where}): drop the CSV, TSV or JSONL your harness wrote.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder("utf-8").decode(bytes);
    const bad = loose.indexOf("\uFFFD");
    const line = lineAt(loose, bad);
    throw new FileError(
      file,
      `${file} line ${line}: bytes that are not UTF-8 text. Save the file as UTF-8 (CSV UTF-8 in Excel) and try again.`,
      line,
    );
  }
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "")
    throw new FileError(file, `${file} is empty: it has ${bytes.length} bytes, all blank.`);
  return { kind: "text", text };
}

/**
 * "utf-16le" or "utf-16be" when the bytes look like UTF-16 text without a byte-order mark: nearly
 * every other byte zero, on one side, and the rest printable. Null when they do not.
 */
export function utf16Order(head: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = head.length - (head.length % 2);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > 0.9 * pairs && evenZero < 0.1 * pairs) return "utf-16le";
  if (evenZero > 0.9 * pairs && oddZero < 0.1 * pairs) return "utf-16be";
  return null;
}

/** Gunzip in the browser (and in Node ≥ 18) with the platform's DecompressionStream. */
export async function gunzip(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    // A browser reports a cut-off stream as a bare "Failed to fetch" or "unexpected end of file".
    const message = (e as Error).message;
    const truncated = /fetch|end of (file|data|stream)|truncat|incomplete/i.test(message);
    throw new FileError(
      file,
      truncated
        ? `${file} is gzip-compressed but ends early: the file is cut off (an interrupted download or copy?). Get the whole file again, or decompress it yourself to see how much is there.`
        : `${file} looks gzip-compressed but could not be decompressed (${message}).`,
    );
  }
}

/** Sniff, decompressing a .gz once. */
export async function readText(bytes: Uint8Array, file: string): Promise<string> {
  let s = sniff(bytes, file);
  if (s.kind === "gzip") {
    const inner = await gunzip(bytes, file);
    s = sniff(inner, file);
    if (s.kind === "gzip") throw new FileError(file, `${file} is compressed twice; decompress it first.`);
  }
  return s.text;
}
