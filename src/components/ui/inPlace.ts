// Updating a drawing in place instead of rebuilding it: write a text or an attribute only when it
// changed, and move children only when their order changed. A browser lays out again only what was
// written; a rebuilt table or chart is laid out (and its text shaped) from scratch, which on a
// 2-core laptop costs more than a frame (the benchmark table: 9 ms rebuilt, under 5 ms updated).
import type { RenderContext } from "./explorable.js";

/** Set `node`'s text to `text`, unless it already is. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Set each attribute whose value differs (a null removes it). */
export function setAttrs(el: Element, attrs: Record<string, string | number | null>): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else if (el.getAttribute(name) !== String(value)) el.setAttribute(name, String(value));
  }
}

/**
 * Make `children` the children of `parent`, in this order, moving as few as it can: the longest run
 * already in the right relative order stays put and only the others are moved (each move is laid
 * out again; a table row moved is a row laid out from scratch).
 */
export function keepOrder(parent: Element, children: readonly Element[]): void {
  const current = [...parent.children];
  const at = new Map(current.map((child, i) => [child, i]));
  if (current.length !== children.length || children.some((child) => !at.has(child))) {
    parent.replaceChildren(...children);
    return;
  }
  const stay = new Set(
    longestIncreasingRun(children.map((child) => at.get(child)!)).map((i) => children[i]!),
  );
  if (stay.size === children.length) return;
  // From the end: each child that moves goes just before the one that follows it in the new order.
  let next: Element | null = null;
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i]!;
    if (!stay.has(child)) parent.insertBefore(child, next);
    next = child;
  }
}

/** Indices of a longest strictly increasing subsequence of `xs` (patience sorting, O(n log n)). */
export function longestIncreasingRun(xs: readonly number[]): number[] {
  const tails: number[] = []; // tails[k]: index of the smallest tail of a run of length k + 1
  const previous = new Array<number>(xs.length).fill(-1);
  for (let i = 0; i < xs.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]!]! < xs[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const run: number[] = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) run.push(i);
  return run.reverse();
}

/**
 * A figure's `draw` that keeps one drawing on the page across redraws (made once by `make`, then
 * updated in place) and makes a new one when the frame asks for a copy (an export).
 */
export function keptDrawing<M>(
  make: () => (model: M, context: RenderContext) => Node,
): (model: M, context: RenderContext) => Node {
  let onPage: ((model: M, context: RenderContext) => Node) | undefined;
  return (model, context) => {
    if (context.copy) return make()(model, context);
    if (!onPage) onPage = make();
    return onPage(model, context);
  };
}

/**
 * A readout kept across redraws: rewrite the text of the element `selector` finds in `scope`, and
 * its `data-value` (what tests read) when one is given.
 */
export function setPart(scope: ParentNode, selector: string, text: string, value?: string | number): void {
  const el = scope.querySelector(selector);
  if (!el) throw new Error(`setPart: nothing matches ${selector}`);
  if (value !== undefined) setAttrs(el, { "data-value": value });
  setText(el, text);
}
