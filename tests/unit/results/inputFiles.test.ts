// A file too large for a browser tab is not read: it gets a message naming its size and what to
// do, and the other files dropped with it are still analysed.
import { describe, expect, it } from "vitest";
import {
  formatFileSize,
  inputFiles,
  MAX_FILE_BYTES,
  tooLargeMessage,
} from "../../../src/components/results/inputFiles.ts";
import { runPipeline } from "../../../src/components/results/pipeline.ts";

const csv = (model: string) => {
  let s = "model,item,correct\n";
  for (let i = 0; i < 40; i++) s += `${model},q${i},${i % 4 === 0 ? 0 : 1}\n`;
  return new TextEncoder().encode(s);
};
/** A Blob that claims a size and fails if anyone tries to read it. */
const unreadable = (size: number) => ({
  size,
  arrayBuffer: (): Promise<ArrayBuffer> => {
    throw new Error("read a file that was too large");
  },
});

describe("inputFiles", () => {
  it("reads Blobs and passes bytes through", async () => {
    const a = csv("a");
    const inputs = await inputFiles([
      { name: "a.csv", file: new Blob([a]) },
      { name: "b.csv", bytes: csv("b") },
    ]);
    expect(inputs.map((i) => [i.name, i.bytes.length, i.tooLarge])).toEqual([
      ["a.csv", a.length, undefined],
      ["b.csv", csv("b").length, undefined],
    ]);
  });

  it("does not read a file over the limit, and says how large it was", async () => {
    const [big] = await inputFiles([{ name: "big.jsonl", file: unreadable(3 * 1024 ** 3) }]);
    expect(big!.bytes.length).toBe(0);
    expect(big!.tooLarge).toEqual({ size: 3 * 1024 ** 3, limit: MAX_FILE_BYTES });
    // Exactly at the limit is still read.
    const [edge] = await inputFiles([{ name: "edge.csv", bytes: new Uint8Array(10) }], 10);
    expect(edge!.tooLarge).toBeUndefined();
  });

  it("formats sizes the way the message shows them", () => {
    expect(formatFileSize(900)).toBe("900 bytes");
    expect(formatFileSize(12 * 1024)).toBe("12 kB");
    expect(formatFileSize(256 * 1024 ** 2)).toBe("256 MB");
    expect(formatFileSize(1.25 * 1024 ** 3)).toBe("1.3 GB");
  });
});

describe("a huge file among good ones", () => {
  it("gets its own message; the good files are analysed", async () => {
    const inputs = await inputFiles([
      { name: "a.csv", bytes: csv("model-a") },
      { name: "everything.jsonl", file: unreadable(1.25 * 1024 ** 3) },
      { name: "b.csv", bytes: csv("model-b") },
    ]);
    const r = await runPipeline(inputs);
    const big = r.files.find((f) => f.file === "everything.jsonl")!;
    expect(big.ok).toBe(false);
    expect(!big.ok && big.error).toBe(tooLargeMessage("everything.jsonl", 1.25 * 1024 ** 3, MAX_FILE_BYTES));
    expect(!big.ok && big.error).toMatch(
      /^everything\.jsonl is 1\.3 GB, more than the 256 MB this page can read/,
    );
    expect(r.files.filter((f) => f.ok).map((f) => f.file)).toEqual(["a.csv", "b.csv"]);
    expect(r.analysis!.models.map((m) => [m.model, m.accuracy])).toEqual([
      ["model-a", 30 / 40],
      ["model-b", 30 / 40],
    ]);
  });
});
