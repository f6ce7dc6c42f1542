// The top of a lab page: what to do, the starting scenario, and where the lesson and quiz are.
import type { LabBrief } from "../../content/labs.js";
import { el } from "./dom.js";

export function labIntro(lab: LabBrief): HTMLElement {
  const scenario = el(
    "div",
    { class: "lab-scenario", role: "group", "aria-label": "Starting scenario" },
    el("p", { class: "lab-scenario-label" }, lab.options ? "Scenarios" : "Starting scenario"),
    el("p", { class: "lab-scenario-text" }, lab.scenario),
  );
  if (lab.options) {
    scenario.append(
      el(
        "ol",
        { class: "lab-options", type: "A" },
        ...lab.options.map((o) => el("li", { "data-option": o.letter }, o.label)),
      ),
    );
  }
  scenario.append(el("p", { class: "lab-scenario-prompt" }, lab.prompt));
  return el(
    "div",
    { class: "lab-intro" },
    el("p", { class: "lede" }, lab.subtitle),
    el("h2", { id: "your-task" }, "Your task"),
    el("p", {}, lab.task),
    scenario,
    el(
      "p",
      { class: "lab-links" },
      "Before you start, you may want to reread ",
      el("a", { href: `../lessons/${lab.lesson}` }, `Lesson ${lab.lesson}`),
      "; afterwards, check yourself with ",
      el("a", { href: `../quizzes/${lab.lesson}` }, `the Lesson ${lab.lesson} quiz`),
      ".",
    ),
  );
}
