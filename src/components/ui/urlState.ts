// A figure's inputs in the URL's query string, as "<figure>.<key>=<value>", so a link reopens
// a figure in the same state. Reading is forgiving: unknown keys, bad or out-of-range values
// and overlong strings are ignored or clamped by each control's own parser.

export interface Codec<T> {
  parse(text: string): T | undefined;
  format(v: T): string;
}

const MAX_SEARCH = 4000;

/** Values for `figure` found in `search` (e.g. location.search); keys missing or unusable are left out. */
export function readState<V extends Record<string, unknown>>(
  search: string,
  figure: string,
  codecs: { [K in keyof V]: Codec<V[K]> },
): Partial<V> {
  const out: Partial<V> = {};
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.length > MAX_SEARCH ? "" : search);
  } catch {
    return out;
  }
  for (const key of Object.keys(codecs) as (keyof V & string)[]) {
    const raw = params.get(`${figure}.${key}`);
    if (raw === null) continue;
    const value = codecs[key].parse(raw);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** `search` with this figure's values written in (other figures' and other parameters kept). */
export function writeState<V extends Record<string, unknown>>(
  search: string,
  figure: string,
  values: V,
  codecs: { [K in keyof V]: Codec<V[K]> },
): string {
  const params = new URLSearchParams(search.length > MAX_SEARCH ? "" : search);
  for (const key of Object.keys(codecs) as (keyof V & string)[]) {
    params.set(`${figure}.${key}`, codecs[key].format(values[key]));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
