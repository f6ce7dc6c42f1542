// What a drop holds: files, or folders (an lm-eval output folder: one subfolder per model). The
// browser gives a dropped folder as a FileSystemDirectoryEntry (webkitGetAsEntry); walk it and
// name each file by its path inside the drop, so runs group by folder as they do on disk.

/** The parts of the File and Directory Entries API used here (so a test can hand in plain objects). */
export interface DropEntry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath?: string;
  file?(ok: (f: File) => void, fail?: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: DropEntry[]) => void, fail?: (e: unknown) => void): void };
}

export interface NamedFile {
  /** The file's path within the drop ("run/meta-llama__Llama-3-8B/samples_mmlu_….jsonl"). */
  name: string;
  file: File;
}

/** Hidden files and folders (".git", ".DS_Store") are skipped. */
const hidden = (name: string) => name.startsWith(".");

/** Every file under the dropped entries, depth first, with its path; at most `limit` files. */
export async function filesFromEntries(entries: readonly DropEntry[], limit = 5000): Promise<NamedFile[]> {
  const out: NamedFile[] = [];
  const walk = async (entry: DropEntry, prefix: string): Promise<void> => {
    if (out.length >= limit || hidden(entry.name)) return;
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isFile && entry.file) {
      const file = await new Promise<File>((ok, fail) => entry.file!(ok, fail));
      out.push({ name: path, file });
    } else if (entry.isDirectory && entry.createReader) {
      const reader = entry.createReader();
      // readEntries returns the folder in batches (100 at a time in Chromium) until an empty one.
      for (;;) {
        const batch = await new Promise<DropEntry[]>((ok, fail) => reader.readEntries(ok, fail));
        if (batch.length === 0) break;
        for (const e of [...batch].sort((a, b) => a.name.localeCompare(b.name))) await walk(e, path);
      }
    }
  };
  for (const e of entries) await walk(e, "");
  return out;
}
