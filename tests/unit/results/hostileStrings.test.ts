// Names are data, never markup or keys: every string in the hostile corpus, used as a model name,
// an item id and a cluster name, comes back exactly as written, with the right numbers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPipeline } from "../../../src/components/results/pipeline.ts";

const hostile = readFileSync(
  join(import.meta.dirname, "../../fixtures/bad-input/hostile-strings.txt"),
  "utf8",
)
  .split("\n")
  .filter((s) => s !== "");

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

describe("hostile strings in a results file", () => {
  it("the corpus has the strings the tests rely on", () => {
    expect(hostile.length).toBeGreaterThanOrEqual(12);
    expect(hostile).toContain("__proto__");
    expect(hostile.some((s) => s.includes("<script>"))).toBe(true);
  });

  it("as model, item and cluster names: exact names back, accuracies as counted", async () => {
    // Model j answers item i correctly when (i + j) % 3 !== 0: 20 of 30 items for every model,
    // and per cluster (item i is in cluster i % 3) either 0 or 10 of 10.
    let csv = "model,item,correct,cluster\n";
    for (const [j, model] of hostile.entries())
      for (let i = 0; i < 30; i++)
        csv += `${quote(model)},${quote(`${hostile[i % hostile.length]}#${i}`)},${(i + j) % 3 === 0 ? 0 : 1},${quote(hostile[i % 3]!)}\n`;
    const r = await runPipeline([{ name: "hostile.csv", bytes: new TextEncoder().encode(csv) }]);
    expect(r.error).toBeUndefined();
    expect(r.files[0]).toMatchObject({ ok: true, records: hostile.length * 30 });
    expect(r.combined!.items).toBe(30);
    expect(new Set(r.analysis!.models.map((m) => m.model))).toEqual(new Set(hostile));
    for (const m of r.analysis!.models) expect(m.accuracy).toBeCloseTo(20 / 30, 12);
    const byCluster = r.byCluster!;
    expect(byCluster.rows.map((row) => row.cluster).sort()).toEqual(hostile.slice(0, 3).sort());
    for (const row of byCluster.rows) {
      const c = hostile.indexOf(row.cluster);
      expect(row.n).toBe(10);
      row.accuracy.forEach((a, j) => {
        expect(a).toBe((c + j) % 3 === 0 ? 0 : 1);
      });
    }
  });
});
