// The end of every lesson page: where to go next (the lesson's quiz and lab).
// (The quizzes issue extends this to record the lesson as read in the progress store.)

export function lessonFooter(lesson: number): HTMLElement {
  const nav = document.createElement("nav");
  nav.className = "lesson-footer";
  nav.setAttribute("aria-label", `After lesson ${lesson}`);
  const heading = document.createElement("h2");
  heading.textContent = "Check what you learned";
  const list = document.createElement("ul");
  for (const [href, text] of [
    [`../quizzes/${lesson}`, `Take the Lesson ${lesson} quiz (4 questions)`],
    [`../labs/${lesson}`, `Open Lab ${lesson} and talk it through with the tutor`],
  ] as const) {
    const item = document.createElement("li");
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    item.append(a);
    list.append(item);
  }
  nav.append(heading, list);
  return nav;
}
