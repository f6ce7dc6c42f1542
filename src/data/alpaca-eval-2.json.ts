// AlpacaEval 2's leaderboard: raw and length-controlled win rates and average length per model.
import { readAlpacaEval2 } from "./deeperTables.js";

process.stdout.write(JSON.stringify(readAlpacaEval2()));
