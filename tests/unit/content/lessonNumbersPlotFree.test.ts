// The lesson pages import their numbers modules (src/components/lessons/*.ts) at load, for the
// numbers in their prose; figures load later, as the reader comes near them. Observable Plot is
// ≈100 kB gzipped (issue 19: ≤ 120 kB of JS before the first figure is visible), so no numbers
// module may reach Plot through its static imports. This walks the import graph from the files
// themselves (relative imports followed, type-only imports left out, dynamic import() not static).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../..");
const lessonsDir = join(root, "src/components/lessons");
const vendorPlot = join(root, "src/components/vendor/plot.ts");

/** The specifiers a module imports for its values (not `import type`, not `{ type A, type B }`). */
function valueImports(source: string): string[] {
  const out: string[] = [];
  const from =
    /^\s*(import|export)\s+(type\s+)?(\{[^}]*\}|\*(?:\s+as\s+\w+)?|\w+(?:\s*,\s*(?:\{[^}]*\}|\*\s+as\s+\w+))?)\s*from\s*["']([^"']+)["']/gm;
  for (const m of source.matchAll(from)) {
    const [, , typeOnly, clause, spec] = m;
    if (typeOnly) continue;
    const braces = clause!.match(/^\{([^}]*)\}$/);
    if (braces) {
      const names = braces[1]!
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      if (names.length > 0 && names.every((n) => n.startsWith("type "))) continue;
    }
    out.push(spec!);
  }
  for (const m of source.matchAll(/^\s*import\s*["']([^"']+)["']/gm)) out.push(m[1]!);
  return out;
}

function resolveRelative(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  const candidates = spec.endsWith(".js") ? [base.replace(/\.js$/, ".ts"), base] : [base, `${base}.ts`];
  return candidates.find((c) => existsSync(c)) ?? null;
}

const isPlot = (spec: string) => /^(npm:)?@observablehq\/plot(\/|@|$)/.test(spec);

/** The chain of files by which `entry` reaches Plot, or null if it does not. */
function pathToPlot(entry: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | null => {
    if (file === vendorPlot) return chain;
    if (seen.has(file)) return null;
    seen.add(file);
    for (const spec of valueImports(readFileSync(file, "utf8"))) {
      if (isPlot(spec)) return [...chain, spec];
      if (!spec.startsWith(".")) continue;
      const next = resolveRelative(file, spec);
      if (!next) throw new Error(`${relative(root, file)}: cannot resolve ${spec}`);
      const found = walk(next, [...chain, relative(root, next)]);
      if (found) return found;
    }
    return null;
  };
  return walk(entry, [relative(root, entry)]);
}

describe("the import walker", () => {
  it("reads value imports and leaves type-only ones out", () => {
    const src = [
      'import { html } from "htl";',
      'import type { A } from "./types.js";',
      'import { type B, type C } from "./types2.js";',
      'import { type D, e } from "./mixed.js";',
      "import * as Plot from '../vendor/plot.js';",
      'export { f } from "./f.js";',
      'export type { G } from "./g.js";',
      'import "./side.js";',
      "import {",
      "  h,",
      "  i,",
      '} from "./multi.js";',
      'const lazy = () => import("./lazy.js");',
    ].join("\n");
    expect(valueImports(src).sort()).toEqual(
      ["htl", "./mixed.js", "../vendor/plot.js", "./f.js", "./side.js", "./multi.js"].sort(),
    );
  });

  it("finds Plot from a figure that draws with it (so the check below can fail)", () => {
    // ciWidth.ts imports ../vendor/plot.js directly.
    const chain = pathToPlot(join(root, "src/components/figures/ciWidth.ts"));
    expect(chain).toEqual(["src/components/figures/ciWidth.ts", "src/components/vendor/plot.ts"]);
  });
});

describe("the lessons' numbers modules reach no Plot", () => {
  const files = readdirSync(lessonsDir).filter((f) => f.endsWith(".ts"));
  it("finds the numbers modules", () => {
    expect(files).toEqual(expect.arrayContaining(["lesson2.ts", "lesson4.ts"]));
  });
  for (const file of files) {
    it(`${file} imports nothing that imports Plot`, () => {
      expect(pathToPlot(join(lessonsDir, file))).toBeNull();
    });
  }
});
