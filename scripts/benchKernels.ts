// The heavy computations, timed in Node: bootstrap rank intervals, Bradley–Terry with bootstrap,
// and the analysis of a 200,000-row results file.

import { runPipeline } from "../src/components/results/pipeline.ts";
import type { Battle } from "../src/components/stats/bradleyTerry.ts";
import { bradleyTerry, winProbability } from "../src/components/stats/bradleyTerry.ts";
import { seededRandom } from "../src/components/stats/random.ts";
import { rankIntervals } from "../src/components/stats/ranks.ts";

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
  out.push(...(await resultsKernels(rng)));
  return out;
}

/** The "your own results" kernels alone (`npx tsx scripts/benchKernels.ts results` runs only these). */
export async function resultsKernels(rng: () => number = seededRandom(1)): Promise<KernelResult[]> {
  // The analysis of a 200,000-row long CSV: 10 models × 20,000 items, 40 clusters.
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
  return [
    {
      name: "your-results analysis: 200,000-row CSV (10 models × 20,000 items, 40 clusters)",
      ms: performance.now() - t0,
    },
    ...(await millionRows(rng)),
    await lmEvalRun(rng),
  ];
}

/** Time each phase of one pipeline run (reading, combining, analysing) from its progress reports. */
async function phased(inputs: Parameters<typeof runPipeline>[0]): Promise<Record<string, number>> {
  const phases: Record<string, number> = {};
  let phase = "reading";
  let since = performance.now();
  const result = await runPipeline(inputs, {}, (p) => {
    if (p.phase === phase) return;
    const now = performance.now();
    phases[phase] = (phases[phase] ?? 0) + now - since;
    phase = p.phase;
    since = now;
  });
  phases[phase] = (phases[phase] ?? 0) + performance.now() - since;
  if (result.error) throw new Error(`results kernel failed: ${result.error}`);
  return phases;
}

/** A one-million-row long CSV: 10 models × 100,000 items in 50 clusters, by phase. */
async function millionRows(rng: () => number): Promise<KernelResult[]> {
  const lines = ["model,item,correct,cluster"];
  for (let m = 0; m < 10; m++)
    for (let i = 0; i < 100_000; i++)
      lines.push(`model-${m},q${i},${rng() < 0.6 + 0.01 * m ? 1 : 0},c${i % 50}`);
  const bytes = new TextEncoder().encode(lines.join("\n"));
  const t0 = performance.now();
  const p = await phased([{ name: "million.csv", bytes }]);
  const total = performance.now() - t0;
  return [
    { name: `your-results: 1,000,000-row CSV (${(bytes.length / 1e6).toFixed(1)} MB), in all`, ms: total },
    { name: "… reading (parse and check every row)", ms: p.reading ?? 0 },
    { name: "… combining (items × models; per million rows)", ms: p.combining ?? 0 },
    { name: "… analysing (3 confidence levels, 45 pairs, rank bootstrap)", ms: p.analysing ?? 0 },
  ];
}

/** An lm-eval run over MMLU's 57 subtasks for two models: 114 samples files and 2 results files. */
async function lmEvalRun(rng: () => number): Promise<KernelResult> {
  const ts = "2024-06-01T10-00-00.000001";
  const inputs: { name: string; bytes: Uint8Array }[] = [];
  const enc = new TextEncoder();
  for (const model of ["org__model-a", "org__model-b"]) {
    const results: Record<string, Record<string, number>> = {};
    for (let t = 0; t < 57; t++) {
      const task = `mmlu_subject_${t}`;
      const n = 100 + ((t * 37) % 400);
      let right = 0;
      const rows: string[] = [];
      for (let d = 0; d < n; d++) {
        const acc = rng() < 0.62 ? 1 : 0;
        right += acc;
        rows.push(
          JSON.stringify({
            doc_id: d,
            doc: {
              question: `Question ${d} of ${task}`,
              subject: task,
              choices: ["a", "b", "c", "d"],
              answer: 1,
            },
            target: 1,
            arguments: { gen_args_0: { arg_0: "The following are multiple choice questions…", arg_1: " B" } },
            resps: [[["-1.2", "False"]], [["-0.4", "True"]]],
            filtered_resps: [
              ["-1.2", "False"],
              ["-0.4", "True"],
            ],
            filter: "none",
            metrics: ["acc"],
            doc_hash: `${task}-${d}`,
            acc,
          }),
        );
      }
      results[task] = { "acc,none": right / n, "acc_stderr,none": 0.02 };
      inputs.push({ name: `out/${model}/samples_${task}_${ts}.jsonl`, bytes: enc.encode(rows.join("\n")) });
    }
    inputs.push({
      name: `out/${model}/results_${ts}.json`,
      bytes: enc.encode(JSON.stringify({ results, model_name: model.replace("__", "/") })),
    });
  }
  const t0 = performance.now();
  await phased(inputs);
  return {
    name: "your-results: lm-eval run, 2 models × 57 MMLU subtask files + results files",
    ms: performance.now() - t0,
  };
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === "results") {
  for (const k of await resultsKernels()) console.log(`${Math.round(k.ms)} ms\t${k.name}`);
}
