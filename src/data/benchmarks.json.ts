// Benchmarks with their test-set sizes and the 95% half-widths at several accuracies.
import { readBenchmarks } from "./tables.js";

process.stdout.write(JSON.stringify(readBenchmarks()));
