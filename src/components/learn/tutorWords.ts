// Small text helpers for the built-in tutor's replies: a deterministic pick from alternatives,
// an English list, and a label lower-cased mid-sentence unless it is a name.

/** The `index`-th of `list`, cycling (negative indices too). */
export const pick = <T>(list: readonly T[], index: number): T =>
  list[((index % list.length) + list.length) % list.length]!;

/** "a", "a and b", "a, b and c". */
export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "Shot count" → "shot count" mid-sentence; a name ("Goodhart's law", "Elo", "MMLU") keeps its capital. */
export function lowerFirst(s: string) {
  const first = s.split(/[\s—-]/)[0] ?? "";
  if (/^[A-Z][\w]*['’]s$/.test(first) || /^[A-Z0-9]{2,}/.test(first) || /^(?:Elo|Arena|Bradley)/.test(first))
    return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}
