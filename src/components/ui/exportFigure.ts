// Export a figure as a standalone SVG, or as a PNG at 2× for slides, with its provenance in a
// caption: the title, the inputs' values and the site's name. Plot's SVGs colour their marks with
// currentColor, CSS variables and a <style> element, which a standalone file does not have; so
// every element's computed style is written inline before the SVG is serialised. The PNG is drawn
// from that SVG on a canvas: nothing leaves the browser, nothing is fetched.

const SVG_NS = "http://www.w3.org/2000/svg";

/** Properties SVG inherits: written on an element only where they differ from its parent. */
const INHERITED = [
  "fill",
  "fill-opacity",
  "fill-rule",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "stroke-dashoffset",
  "stroke-linecap",
  "stroke-linejoin",
  "stroke-miterlimit",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "font-variant-numeric",
  "text-anchor",
  "dominant-baseline",
  "letter-spacing",
  "paint-order",
  "visibility",
] as const;

export interface ExportCaption {
  title: string;
  /** Each input's value for people, e.g. "Questions in the test set (N): 1,319". */
  settings: readonly string[];
  site: string;
  /** The link that reopens the figure in this state. */
  url: string;
  /** When it was exported (YYYY-MM-DD). */
  date: string;
}

export interface ExportedSvg {
  svg: string;
  width: number;
  height: number;
}

/** Split a word wider than maxWidth (a long URL, say) into pieces that fit. */
function breakWord(word: string, maxWidth: number, measure: (s: string) => number): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const ch of word) {
    if (piece && measure(piece + ch) > maxWidth) {
      pieces.push(piece);
      piece = ch;
    } else {
      piece += ch;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Greedy word wrap: lines no wider than maxWidth by `measure`; a word longer than a line is broken. */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const words = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => (measure(w) > maxWidth ? breakWord(w, maxWidth, measure) : [w]));
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A safe file name from a figure id. */
export function fileName(id: string, kind: "svg" | "png"): string {
  const base = id.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "figure";
  return kind === "svg" ? `${base}.svg` : `${base}@2x.png`;
}

/** Copy `orig`'s computed style onto `clone` (and their descendants), inline. */
function inlineStyles(orig: Element, clone: Element, parent: CSSStyleDeclaration | null): void {
  const cs = getComputedStyle(orig);
  if (cs.display === "none" || orig.localName === "style" || orig.localName === "script") {
    clone.remove();
    return;
  }
  const decl: string[] = [];
  for (const p of INHERITED) {
    const v = cs.getPropertyValue(p);
    if (v && (!parent || parent.getPropertyValue(p) !== v)) decl.push(`${p}:${v}`);
  }
  if (cs.opacity !== "1") decl.push(`opacity:${cs.opacity}`);
  if (decl.length) clone.setAttribute("style", decl.join(";"));
  else clone.removeAttribute("style");
  clone.removeAttribute("class");
  // Presentation attributes that name CSS variables or currentColor mean nothing standalone; the inline style holds the value.
  for (const attr of ["fill", "stroke", "color"]) {
    const v = clone.getAttribute(attr);
    if (v && /var\(|currentcolor/i.test(v)) clone.removeAttribute(attr);
  }
  const origKids = [...orig.children];
  const cloneKids = [...clone.children];
  for (let i = 0; i < origKids.length; i++) inlineStyles(origKids[i]!, cloneKids[i]!, cs);
}

function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const w = Number.parseFloat(svg.getAttribute("width") ?? "");
  const h = Number.parseFloat(svg.getAttribute("height") ?? "");
  if (w > 0 && h > 0) return { width: w, height: h };
  const vb = svg.viewBox?.baseVal;
  if (vb && vb.width > 0 && vb.height > 0) return { width: vb.width, height: vb.height };
  const r = svg.getBoundingClientRect();
  return { width: Math.max(1, r.width), height: Math.max(1, r.height) };
}

type Block =
  | { kind: "svg"; node: SVGSVGElement; width: number; height: number }
  | { kind: "legend"; items: { swatch: SVGSVGElement | null; label: string }[] }
  | { kind: "text"; text: string; weight: number; size: number };

/** The drawable parts of a figure, in reading order: SVGs, Plot swatch legends, Plot titles and captions. */
function collectBlocks(root: Element, out: Block[] = []): Block[] {
  for (const el of root.children) {
    if (el instanceof SVGSVGElement) {
      if (getComputedStyle(el).display !== "none") out.push({ kind: "svg", node: el, ...svgSize(el) });
    } else if ([...el.classList].some((c) => /-swatches$/.test(c))) {
      const items = [...el.children]
        .filter((s) => [...s.classList].some((c) => /-swatch$/.test(c)))
        .map((s) => ({ swatch: s.querySelector("svg"), label: s.textContent?.trim() ?? "" }));
      if (items.length) out.push({ kind: "legend", items });
    } else if (/^(h2|h3|figcaption)$/i.test(el.localName) && el.closest("figure")) {
      const text = el.textContent?.trim();
      if (text)
        out.push({
          kind: "text",
          text,
          weight: el.localName === "h2" ? 700 : 400,
          size: el.localName === "h2" ? 16 : 13,
        });
    } else if (el instanceof HTMLElement || el instanceof SVGElement) {
      collectBlocks(el, out);
    }
  }
  return out;
}

function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

export interface ExportTheme {
  background: string;
  foreground: string;
  muted: string;
  fontFamily: string;
}

/** The page's colours and type, read from the element the figure sits in. */
export function themeOf(el: Element): ExportTheme {
  const cs = getComputedStyle(el);
  // Resolve the theme's variables to colours with a probe (computed custom properties stay unresolved text).
  const probe = document.createElement("span");
  probe.style.cssText =
    "position:absolute;visibility:hidden;background:var(--theme-background, #fff);color:var(--theme-foreground-muted, currentColor)";
  el.append(probe);
  const probed = getComputedStyle(probe);
  const background = probed.backgroundColor || "#ffffff";
  const muted = probed.color || cs.color;
  probe.remove();
  return { background, foreground: cs.color || "#000000", muted, fontFamily: cs.fontFamily || "sans-serif" };
}

/**
 * A standalone SVG of the figure drawn inside `host`, with the caption. `host` must be in the
 * document (computed styles are read from it).
 */
export function composeSvg(host: Element, caption: ExportCaption, theme: ExportTheme): ExportedSvg {
  const blocks = collectBlocks(host);
  if (!blocks.some((b) => b.kind === "svg"))
    throw new Error("this figure draws no chart to export (its numbers are in the text description).");
  const pad = 20;
  const inner = Math.max(480, ...blocks.map((b) => (b.kind === "svg" ? b.width : 0)));
  const width = Math.ceil(inner + 2 * pad);
  const ctx = document.createElement("canvas").getContext("2d");
  const measurer = (size: number, weight: number) => (s: string) => {
    if (!ctx) return s.length * size * 0.55;
    ctx.font = `${weight} ${size}px ${theme.fontFamily}`;
    return ctx.measureText(s).width;
  };

  const out = svgEl("svg", { xmlns: SVG_NS, version: "1.1", width, height: 0, viewBox: `0 0 ${width} 0` });
  out.setAttribute("style", `font-family:${theme.fontFamily};color:${theme.foreground}`);
  const title = svgEl("title", {});
  title.textContent = caption.title;
  const desc = svgEl("desc", {});
  desc.textContent = `${caption.settings.join("; ")}. ${caption.site}, ${caption.url}`;
  const background = svgEl("rect", { width: "100%", height: "100%", fill: theme.background });
  out.append(title, desc, background);

  let y = pad;
  const textLines = (text: string, size: number, weight: number, fill: string, gapAfter: number) => {
    for (const line of wrapText(text, inner, measurer(size, weight))) {
      y += size * 1.25;
      const t = svgEl("text", { x: pad, y: y - size * 0.25, "font-size": size, "font-weight": weight, fill });
      t.textContent = line;
      out.append(t);
    }
    y += gapAfter;
  };

  textLines(caption.title, 20, 700, theme.foreground, 10);

  // Draw in the document so computed styles exist, then copy them inline.
  for (const block of blocks) {
    if (block.kind === "text") {
      textLines(block.text, block.size, block.weight, theme.foreground, 6);
    } else if (block.kind === "svg") {
      const clone = block.node.cloneNode(true) as SVGSVGElement;
      inlineStyles(block.node, clone, null);
      clone.setAttribute("x", String(pad));
      clone.setAttribute("y", String(y));
      clone.setAttribute("width", String(block.width));
      clone.setAttribute("height", String(block.height));
      if (!clone.hasAttribute("viewBox")) clone.setAttribute("viewBox", `0 0 ${block.width} ${block.height}`);
      for (const a of ["aria-label", "aria-describedby", "role", "tabindex"]) clone.removeAttribute(a);
      out.append(clone);
      y += block.height + 8;
    } else {
      let x = pad;
      const size = 13;
      const measure = measurer(size, 400);
      y += 4;
      for (const item of block.items) {
        const w = 18 + measure(item.label) + 16;
        if (x > pad && x + w > pad + inner) {
          x = pad;
          y += 22;
        }
        if (item.swatch) {
          const clone = item.swatch.cloneNode(true) as SVGSVGElement;
          inlineStyles(item.swatch, clone, null);
          const s = svgSize(item.swatch);
          clone.setAttribute("x", String(x));
          clone.setAttribute("y", String(y + (16 - s.height) / 2));
          out.append(clone);
        }
        const t = svgEl("text", { x: x + 20, y: y + 12.5, "font-size": size, fill: theme.foreground });
        t.textContent = item.label;
        out.append(t);
        x += w;
      }
      y += 28;
    }
  }

  y += 6;
  out.append(
    svgEl("line", { x1: pad, x2: pad + inner, y1: y, y2: y, stroke: theme.muted, "stroke-width": 0.75 }),
  );
  y += 4;
  if (caption.settings.length)
    textLines(`Settings: ${caption.settings.join(" · ")}`, 13, 400, theme.foreground, 2);
  textLines(`${caption.site} · ${caption.url} · exported ${caption.date}`, 12, 400, theme.muted, 0);
  const height = Math.ceil(y + pad);
  out.setAttribute("height", String(height));
  out.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}`;
  return { svg, width, height };
}

/** Draw an SVG at `scale` × its size on a canvas and return the PNG. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const img = new Image();
    img.decoding = "sync";
    const loaded = new Promise<void>((ok, fail) => {
      img.onload = () => ok();
      img.onerror = () => fail(new Error("The figure could not be drawn as an image."));
    });
    img.src = url;
    await loaded;
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("This browser cannot draw on a canvas.");
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((ok, fail) =>
      canvas.toBlob((b) => (b ? ok(b) : fail(new Error("The PNG could not be encoded."))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Save a blob under `name` (a download, no server involved). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What `exportFigureFile` needs from the figure being exported. */
export interface ExportRequest {
  kind: "svg" | "png";
  /** The figure's frame: the export is drawn inside it (its theme and fonts), then removed. */
  root: HTMLElement;
  id: string;
  caption: ExportCaption;
  /** A drawing at `width` CSS px (EXPORT_WIDTH); may throw, and then `fallback()` is used. */
  drawAt(width: number): Node;
  fallback(): Node;
  /** Progress and outcome, in words (the frame's status line). */
  status(text: string): void;
}

/** The width a figure is drawn at for export: 960 CSS px, so the 2× PNG is 1920 px wide (a full-HD slide). */
export const EXPORT_WIDTH = 960;

/** Draw the figure at export width, compose it with its caption and download it as SVG or PNG. */
export async function exportFigureFile(r: ExportRequest): Promise<void> {
  r.status(`Preparing the ${r.kind.toUpperCase()}…`);
  const host = document.createElement("div");
  host.className = "explorable-export-host";
  host.setAttribute("aria-hidden", "true");
  host.style.width = `${EXPORT_WIDTH}px`;
  r.root.append(host);
  try {
    let node: Node;
    try {
      node = r.drawAt(EXPORT_WIDTH);
    } catch {
      node = r.fallback();
    }
    host.append(node);
    const out = composeSvg(host, r.caption, themeOf(r.root));
    const name = fileName(r.id, r.kind);
    if (r.kind === "svg") {
      downloadBlob(new Blob([out.svg], { type: "image/svg+xml" }), name);
      r.status(`Downloaded ${name} (${out.width} × ${out.height}).`);
    } else {
      downloadBlob(await svgToPng(out.svg, out.width, out.height, 2), name);
      r.status(`Downloaded ${name} (${2 * out.width} × ${2 * out.height} px).`);
    }
  } catch (error) {
    r.status(`The figure could not be exported: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    host.remove();
  }
}
