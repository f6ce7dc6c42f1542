// Plot writes the same <style> element (the rules of its default class: `:where(.plot-…)
// { --plot-background: white; display: block; … }`) into every drawing it makes. Inserting a
// <style> element changes the document's style sheets, so the browser restyles much more than the
// new drawing — measured on Lesson 3: ≈1.5 ms per SVG, paid again on every redraw. A figure that
// redraws passes its drawing through sharePlotStyles() (the explorable frame does it for every
// figure; figures that keep a drawing as a template call it once on the template): the first copy of each
// distinct rule text moves to one <style> in <head> (kept for the life of the page) and the
// drawing's own copies are dropped. Same rules, same look; exports are unaffected (they copy
// computed styles inline).

/** A scale of a Plot drawing (`plot.scale("x")`): marks drawn by hand over Plot's frame place themselves with it. */
export type PlotScale = { apply(v: number): number };
/** A Plot drawing (an <svg>, or a <figure> with a legend) and its positional scales. */
export type PlotFrame<E extends Element = SVGSVGElement> = E & { scale(name: "x" | "y"): PlotScale };

const shared = new Set<string>();

/** Move `node`'s <style> elements to one shared copy per distinct text in <head>; returns `node`. */
export function sharePlotStyles<T extends ParentNode>(node: T): T {
  if (typeof document === "undefined") return node;
  for (const style of node.querySelectorAll("style")) {
    const text = style.textContent ?? "";
    if (!shared.has(text)) {
      const copy = document.createElement("style");
      copy.dataset.sharedPlotStyle = "";
      copy.textContent = text;
      document.head.append(copy);
      shared.add(text);
    }
    style.remove();
  }
  return node;
}
