// Published scores with their methodology (shots, chain-of-thought, evaluator, source).
import { readPublishedScores } from "./tables.js";

process.stdout.write(JSON.stringify(readPublishedScores()));
