// The MMLU-Pro correctness matrix in a compact form: one bitset per model (and one of present
// questions for incomplete models). encodeMatrix runs in the data loader, decodeMatrix in the page.
import type { MmluProCorrectMatrix } from "./types.js";

/** One model's results: 1 right, 0 wrong, −1 no result for that question. */
export interface ModelResults {
  name: string;
  items: number;
  correct: number;
  results: Int8Array;
}

export interface DecodedMatrix {
  questions: number;
  models: ModelResults[];
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | (b >> 4)]!;
    out += i + 1 < bytes.length ? ALPHABET[((b & 15) << 2) | (c >> 6)]! : "=";
    out += i + 2 < bytes.length ? ALPHABET[c & 63]! : "=";
  }
  return out;
}

export function fromBase64(text: string, what = "bitset"): Uint8Array {
  const clean = text.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const v = code < 128 ? LOOKUP[code]! : -1;
    if (v < 0) throw new RangeError(`${what}: "${clean[i]}" at position ${i} is not base64`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 255;
    }
  }
  return out.subarray(0, j);
}

function pack(n: number, test: (i: number) => boolean): Uint8Array {
  const bytes = new Uint8Array(Math.ceil(n / 8));
  for (let i = 0; i < n; i++) if (test(i)) bytes[i >> 3]! |= 1 << (i & 7);
  return bytes;
}

/** Columns of 1/0/−1 → the compact JSON shape (used by the data loader). */
export function encodeMatrix(names: readonly string[], columns: readonly Int8Array[]): MmluProCorrectMatrix {
  const questions = columns[0]?.length ?? 0;
  return {
    questions,
    models: names.map((name, m) => {
      const col = columns[m]!;
      if (col.length !== questions) throw new RangeError(`${name}: ${col.length} results, expected ${questions}`);
      let items = 0;
      let correct = 0;
      for (let i = 0; i < questions; i++) {
        if (col[i]! >= 0) items++;
        if (col[i] === 1) correct++;
      }
      return {
        name,
        items,
        correct,
        bits: toBase64(pack(questions, (i) => col[i] === 1)),
        present: items === questions ? null : toBase64(pack(questions, (i) => col[i]! >= 0)),
      };
    }),
  };
}

/**
 * The compact JSON → one Int8Array of 1/0/−1 per model. Throws a RangeError naming the model
 * when a bitset is the wrong length or its counts disagree with the stated ones.
 */
export function decodeMatrix(json: MmluProCorrectMatrix): DecodedMatrix {
  if (!json || !Number.isInteger(json.questions) || json.questions < 1 || !Array.isArray(json.models)) {
    throw new RangeError("MMLU-Pro matrix: expected {questions, models[]}");
  }
  const n = json.questions;
  const bytes = Math.ceil(n / 8);
  const models = json.models.map((m) => {
    const right = fromBase64(m.bits, `${m.name} bits`);
    const present = m.present === null ? null : fromBase64(m.present, `${m.name} present`);
    if (right.length !== bytes || (present && present.length !== bytes)) {
      throw new RangeError(`MMLU-Pro matrix: ${m.name} has a bitset of the wrong length`);
    }
    const results = new Int8Array(n);
    let items = 0;
    let correct = 0;
    for (let i = 0; i < n; i++) {
      const has = present === null || (present[i >> 3]! >> (i & 7)) & 1;
      const ok = (right[i >> 3]! >> (i & 7)) & 1;
      if (ok && !has) throw new RangeError(`MMLU-Pro matrix: ${m.name} is right on question ${i} it has no result for`);
      results[i] = has ? ok : -1;
      if (has) items++;
      if (ok) correct++;
    }
    if (items !== m.items || correct !== m.correct) {
      throw new RangeError(
        `MMLU-Pro matrix: ${m.name} decodes to ${correct}/${items}, but the file says ${m.correct}/${m.items}`,
      );
    }
    return { name: m.name, items, correct, results };
  });
  return { questions: n, models };
}
