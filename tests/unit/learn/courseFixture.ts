// The course index as the loader builds it, from the lesson pages on disk (for the unit tests).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import {
  buildCourseIndex,
  type CourseIndex,
  pageLabelFor,
} from "../../../src/components/learn/courseIndex.ts";

const src = new URL("../../../src/", import.meta.url);

export function lessonFiles(
  dir: "lessons" | "deeper" = "lessons",
): Array<{ file: string; markdown: string }> {
  const folder = new URL(`${dir}/`, src);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".md") && !f.startsWith("["))
    .map((file) => ({ file, markdown: readFileSync(new URL(file, folder), "utf8") }));
}

let cached: CourseIndex | null = null;
export function courseIndexFromDisk(): CourseIndex {
  cached ??= buildCourseIndex(
    (["lessons", "deeper"] as const).flatMap((dir) =>
      lessonFiles(dir).map(({ file, markdown }) => ({
        page: `${dir}/${file.replace(/\.md$/, "")}`,
        pageLabel: pageLabelFor(dir, file, markdown),
        markdown,
      })),
    ),
  );
  return cached;
}
