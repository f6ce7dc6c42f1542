// The heavy computations, timed in Node: bootstrap rank intervals, Bradley–Terry with bootstrap,
// and the analysis of a 200,000-row results file.

import { runPipeline } from "../src/components/results/pipeline.ts";
import type { Battle } from "../src/components/stats/index.ts";
import { bradleyTerry, rankIntervals, seededRandom, winProbability } from "../src/components/stats/index.ts";

export interface KernelResult {
  name: string;
  ms: number;
}

function time(name: string, fn: () => unknown): KernelResult {
  fn(); // warm up the JIT once
  const t0 = performance.now();
  fn();
  return { name, ms: performance.now() - t0 };
}

export async function kernels(): Promise<KernelResult[]> {
  const rng = seededRandom(1);
  const entries = Array.from({ length: 50 }, (_, i) => ({
    model: `m${i}`,
    k: Math.round((0.5 + i * 0.008) * 14042),
    n: 14042,
  }));
  const models = Array.from({ length: 50 }, (_, i) => ({ name: `m${i}`, rating: 900 + 4 * i }));
  const battles: Battle[] = [];
  for (let t = 0; t < 50_000; t++) {
    const a = models[Math.floor(rng() * 50)]!;
    let b = models[Math.floor(rng() * 50)]!;
    if (b === a) b = models[(models.indexOf(a) + 1) % 50]!;
    const r = rng();
    const p = winProbability(a.rating, b.rating);
    battles.push({ a: a.name, b: b.name, winner: r < p * 0.9 ? "a" : r < 0.9 ? "b" : "tie" });
  }
  const out = [
    time("rankIntervals: 50 models × 1,000 resamples (N = 14,042)", () =>
      rankIntervals(entries, { resamples: 1000, seed: 1 }),
    ),
    time("bradleyTerry: 50,000 battles, 50 models, 200 bootstrap rounds", () =>
      bradleyTerry(battles, { bootstrap: 200, seed: 1 }),
    ),
  ];
  // The "your own results" analysis of a 200,000-row long CSV: 10 models × 20,000 items, 40 clusters.
  const lines = ["model,item,correct,cluster"];
  for (let m = 0; m < 10; m++) {
    for (let i = 0; i < 20_000; i++)
      lines.push(`model-${m},q${i},${rng() < 0.6 + 0.01 * m ? 1 : 0},c${i % 40}`);
  }
  const bytes = new TextEncoder().encode(lines.join("\n"));
  await runPipeline([{ name: "warmup.csv", bytes: bytes.slice(0, 20_000) }]);
  const t0 = performance.now();
  const result = await runPipeline([{ name: "results.csv", bytes }]);
  if (result.error) throw new Error(`results kernel failed: ${result.error}`);
  out.push({
    name: "your-results analysis: 200,000-row CSV (10 models × 20,000 items, 40 clusters)",
    ms: performance.now() - t0,
  });
  return out;
}
