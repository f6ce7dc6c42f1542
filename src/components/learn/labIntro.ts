// The top of a lab page: what to do, the starting scenario, and where the lesson and quiz are.
import { html } from "htl";
import type { LabBrief } from "../../content/labs.js";

export function labIntro(lab: LabBrief): HTMLElement {
  const options = lab.options
    ? html`<ol class="lab-options" type="A">${lab.options.map((o) => html`<li data-option=${o.letter}>${o.label}</li>`)}</ol>`
    : null;
  const scenario = html`<div class="lab-scenario" role="group" aria-label="Starting scenario">${[
    html`<p class="lab-scenario-label">${lab.options ? "Scenarios" : "Starting scenario"}</p>`,
    html`<p class="lab-scenario-text">${lab.scenario}</p>`,
    options,
    html`<p class="lab-scenario-prompt">${lab.prompt}</p>`,
  ]}</div>`;
  const lesson = `../lessons/${lab.lesson}`;
  const quiz = `../quizzes/${lab.lesson}`;
  return html`<div class="lab-intro">${[
    html`<p class="lede">${lab.subtitle}</p>`,
    html`<h2 id="your-task">Your task</h2>`,
    html`<p>${lab.task}</p>`,
    scenario,
    html`<p class="lab-links">Before you start, you may want to reread <a href=${lesson}>Lesson ${lab.lesson}</a>; afterwards, check yourself with <a href=${quiz}>the Lesson ${lab.lesson} quiz</a>.</p>`,
  ]}</div>`;
}
