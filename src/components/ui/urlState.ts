// A figure's inputs in the URL's query string, as "<figure>.<key>=<value>", so a link reopens
// a figure in the same state. Reading is forgiving: unknown keys, bad or out-of-range values,
// NaN and overlong strings are ignored or clamped, never an error. Pure: strings in, values out
// (no DOM), so the corpus of mangled URLs in tests/fixtures/bad-input/urls.txt can exercise it.

export interface Codec<T> {
  parse(text: string): T | undefined;
  format(v: T): string;
}

/** Longest value text a codec looks at; anything longer is ignored as junk. */
export const MAX_URL_VALUE = 64;
/** Parameters of other figures or pages are kept when writing, unless their value is longer than this. */
export const MAX_FOREIGN_VALUE = 1000;
/** The query parameter that shows one figure alone (for an iframe). */
export const EMBED_PARAM = "embed";

/** Plain decimal numbers only ("12", "-0.5", "1e3", ".5"): no hex, no "Infinity", no spaces inside. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A finite number from URL text, or undefined. */
export function parseDecimal(text: string): number | undefined {
  if (typeof text !== "string" || text.length > MAX_URL_VALUE) return undefined;
  const t = text.trim();
  if (!DECIMAL.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

export interface NumberCodecOptions {
  min: number;
  max: number;
  /** Values snap to min + k·step (linear scale). */
  step?: number;
  /** Log scale: values are rounded to integers. */
  log?: boolean;
}

/** Clamp to [min, max] and snap to the step (or to an integer on a log scale). */
export function snapNumber(v: number, o: NumberCodecOptions): number {
  const c = Math.min(o.max, Math.max(o.min, v));
  if (o.log) return Math.min(o.max, Math.max(o.min, Math.round(c)));
  const step = o.step ?? (o.max - o.min) / 100;
  if (!(step > 0)) return c;
  const s = Math.round((c - o.min) / step) * step + o.min;
  return Number(Math.min(o.max, Math.max(o.min, s)).toFixed(10));
}

/** Numbers in a range: parsed strictly, then clamped and snapped. */
export function numberCodec(o: NumberCodecOptions): Codec<number> {
  return {
    parse(text) {
      const v = parseDecimal(text);
      return v === undefined ? undefined : snapNumber(v, o);
    },
    format: (v) => (Number.isFinite(v) ? String(v) : ""),
  };
}

/** One of a fixed set of values (strings or numbers), matched on their text. */
export function choiceCodec<T extends string | number>(values: readonly T[]): Codec<T> {
  return {
    parse(text) {
      if (typeof text !== "string" || text.length > MAX_URL_VALUE) return undefined;
      const t = text.trim();
      const exact = values.find((v) => String(v) === t);
      if (exact !== undefined) return exact;
      // Hand-typed case ("WALD") names the option if only one matches.
      const folded = values.filter((v) => String(v).toLowerCase() === t.toLowerCase());
      if (folded.length === 1) return folded[0];
      // Numbers written differently ("0.90", "9e-1") still name the same option.
      const n = parseDecimal(t);
      return n === undefined ? undefined : values.find((v) => typeof v === "number" && v === n);
    },
    format: (v) => String(v),
  };
}

/** On/off as 1/0 (also true/false, yes/no, on/off). */
export const booleanCodec: Codec<boolean> = {
  parse(text) {
    if (typeof text !== "string" || text.length > MAX_URL_VALUE) return undefined;
    const t = text.trim().toLowerCase();
    if (t === "1" || t === "true" || t === "yes" || t === "on") return true;
    if (t === "0" || t === "false" || t === "no" || t === "off") return false;
    return undefined;
  },
  format: (v) => (v ? "1" : "0"),
};

/** URLSearchParams that never throws, whatever the text. */
function paramsOf(search: string): URLSearchParams {
  try {
    return new URLSearchParams(typeof search === "string" ? search : "");
  } catch {
    return new URLSearchParams();
  }
}

/** Values for `figure` found in `search` (e.g. location.search); keys missing or unusable are left out. */
export function readState<V extends Record<string, unknown>>(
  search: string,
  figure: string,
  codecs: { [K in keyof V]: Codec<V[K]> },
): Partial<V> {
  const out: Partial<V> = {};
  const params = paramsOf(search);
  for (const key of Object.keys(codecs) as (keyof V & string)[]) {
    // A hand-edited URL may repeat a key: the last usable value wins (it is the newest edit).
    const raw = params.getAll(`${figure}.${key}`);
    for (let i = raw.length - 1; i >= 0; i--) {
      let value: V[typeof key] | undefined;
      try {
        value = codecs[key].parse(raw[i]!);
      } catch {
        value = undefined;
      }
      if (value !== undefined) {
        out[key] = value;
        break;
      }
    }
  }
  return out;
}

/**
 * `search` with this figure's values written in. Other figures' and pages' parameters are kept
 * (except junk longer than MAX_FOREIGN_VALUE); this figure's stale keys (no longer a control) are
 * dropped, and a value that would not read back (NaN, say) is left out rather than written.
 */
export function writeState<V extends Record<string, unknown>>(
  search: string,
  figure: string,
  values: V,
  codecs: { [K in keyof V]: Codec<V[K]> },
): string {
  const params = paramsOf(search);
  const prefix = `${figure}.`;
  for (const [k, v] of [...params]) {
    if (v.length > MAX_FOREIGN_VALUE || k.length > MAX_FOREIGN_VALUE) params.delete(k);
    else if (k.startsWith(prefix) && !Object.hasOwn(codecs, k.slice(prefix.length))) params.delete(k);
  }
  for (const key of Object.keys(codecs) as (keyof V & string)[]) {
    const name = `${prefix}${key}`;
    let text: string | undefined;
    try {
      text = codecs[key].format(values[key]);
      if (codecs[key].parse(text) === undefined) text = undefined;
    } catch {
      text = undefined;
    }
    if (text === undefined) params.delete(name);
    else params.set(name, text);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Only this figure's parameters, as a query string (for "copy link to this figure"). */
export function figureQuery<V extends Record<string, unknown>>(
  figure: string,
  values: V,
  codecs: { [K in keyof V]: Codec<V[K]> },
  extra: Record<string, string> = {},
): string {
  const base = new URLSearchParams(extra).toString();
  return writeState(base ? `?${base}` : "", figure, values, codecs);
}

/** The figure id asked for with ?embed=<id>, if any and if it looks like an id. */
export function embedTarget(search: string): string | null {
  const raw = paramsOf(search).get(EMBED_PARAM);
  if (raw === null) return null;
  const id = raw.trim();
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(id) ? id : null;
}
