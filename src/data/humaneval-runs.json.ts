// HumanEval, 10 runs per problem for three models: passing runs per problem (pass@k, pass^k).
import { readHumanEvalRuns } from "./deeperTables.js";

process.stdout.write(JSON.stringify(readHumanEvalRuns()));
