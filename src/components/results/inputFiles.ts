// Dropped files → the pipeline's inputs, read as bytes — except files too large for a browser tab,
// which are not read at all and get a message instead (the other files still count).
import type { InputFile } from "./pipeline.js";
import type { ReadOptions } from "./types.js";

/**
 * The largest file the tool reads. A file is decoded to one string (two bytes per character), and
 * a tab runs out of memory, or over V8's ≈512 M-character string limit, not far beyond this.
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface DroppedFile {
  name: string;
  /** A File or Blob (only `size` and `arrayBuffer()` are used), or bytes already read. */
  file?: Pick<Blob, "size" | "arrayBuffer">;
  bytes?: Uint8Array;
  options?: ReadOptions;
}

/** Read each file's bytes, one at a time; a file over `limit` bytes is passed on unread. */
export async function inputFiles(
  files: readonly DroppedFile[],
  limit: number = MAX_FILE_BYTES,
): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const f of files) {
    const size = f.bytes?.length ?? f.file?.size ?? 0;
    if (size > limit) {
      out.push({ name: f.name, bytes: new Uint8Array(0), options: f.options, tooLarge: { size, limit } });
      continue;
    }
    const bytes = f.bytes ?? new Uint8Array(await f.file!.arrayBuffer());
    out.push({ name: f.name, bytes, options: f.options });
  }
  return out;
}

/** "1.2 GB", "300 MB", "12 kB": sizes in the message. */
export function formatFileSize(bytes: number): string {
  const units = ["bytes", "kB", "MB", "GB", "TB"];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/** What the learner reads for a file that was too large to read. */
export function tooLargeMessage(name: string, size: number, limit: number): string {
  return `${name} is ${formatFileSize(size)}, more than the ${formatFileSize(limit)} this page can read in a browser tab. Keep only the columns it needs (model, item, correct, and a cluster if you have one) — lm-eval's samples files are mostly prompt text — or split it into one file per model.`;
}
