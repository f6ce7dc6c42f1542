// Small DOM builders shared by the Lesson 1 figures: text is always set as text (responses from real
// models are untrusted), and every number a test reads sits in a data-readout element.

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** A number for people, with its exact value in data-value for tests. */
export function readoutSpan(name: string, value: number, text: string, className?: string): HTMLElement {
  return el("span", { "data-readout": name, "data-value": String(value), class: className }, text);
}

/** "+1.2 pp" / "−0.4 pp" (true minus sign) from a difference in proportion units. */
export function signedPp(x: number, digits = 1): string {
  const v = Number((100 * x).toFixed(digits));
  return `${v > 0 ? "+" : v < 0 ? "−" : "±"}${Math.abs(v).toFixed(digits)} pp`;
}
