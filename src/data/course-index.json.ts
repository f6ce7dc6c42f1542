// The course index for the lab tutor: every section of the lessons (and of the going-deeper pages,
// when there are any), read from the pages themselves at build time — see
// components/learn/courseIndex.ts. Framework caches a loader's output until the loader changes, so
// `npm run build` deletes this output first (package.json "prebuild"): an edited lesson is
// re-indexed on the next build.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCourseIndex, type PageSource, pageLabelFor } from "../components/learn/courseIndex.js";

const src = join(dirname(fileURLToPath(import.meta.url)), "..");

function pages(dir: "lessons" | "deeper"): PageSource[] {
  const folder = join(src, dir);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".md") && !f.startsWith("["))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map((file) => {
      const markdown = readFileSync(join(folder, file), "utf8");
      return { page: `${dir}/${file.replace(/\.md$/, "")}`, pageLabel: pageLabelFor(dir, file, markdown), markdown };
    });
}

const index = buildCourseIndex([...pages("lessons"), ...pages("deeper")]);
if (index.entries.filter((e) => e.kind === "section").length < 8) {
  throw new Error(`course index: only ${index.entries.length} entries — are the lesson pages in src/lessons/?`);
}
process.stdout.write(JSON.stringify(index));
