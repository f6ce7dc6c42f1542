// The closing questions of /deeper/format-sensitivity (four options, one key, feedback on
// each; `section` is the heading on this page to revisit).
import type { DeeperQuestion } from "../../components/learn/deeperQuiz.js";

export const questions: DeeperQuestion[] = [
  {
    id: "deeper-format-interval",
    section: "three-ways-to-ask-the-same-question",
    sectionTitle: "Three ways to ask the same question",
    prompt:
      "A paper reports a model's MMLU score as 63.7% ± 0.8 (95% interval) under one prompt format. What does the ± 0.8 cover?",
    options: [
      {
        text: "How much the score would move if the questions were drawn again, under that same format",
        feedback:
          "Right. The interval comes from the number of questions. LLaMA-65B's three implementations gave 63.7, 63.6 and 48.8: a spread the interval of any one of them says nothing about.",
      },
      {
        text: "How much the score would move under any reasonable prompt format",
        feedback:
          "The interval is computed from N alone, under one format. On the same questions LLaMA-65B scored 63.7 and 48.8 under two implementations — almost twenty intervals apart.",
      },
      {
        text: "How much the score would move if the model were run again with another seed",
        feedback:
          "Seed variance is a separate source of noise, and only for a model that samples its answers. The ± 0.8 is the question-sampling interval: it comes from N and the accuracy.",
      },
      {
        text: "Every source of variation combined: questions, format and seed",
        feedback:
          "A binomial interval knows only N and the accuracy. Format and seed variation have to be measured by re-running the evaluation, and they are often larger.",
      },
    ],
    correct: 0,
  },
  {
    id: "deeper-format-flip",
    section: "three-ways-to-ask-the-same-question",
    sectionTitle: "Three ways to ask the same question",
    prompt:
      "Under HELM's MMLU implementation LLaMA-65B scored 6.6 points above Falcon-40B; under the January 2023 harness it scored 3.9 points below. What is the sound conclusion?",
    options: [
      {
        text: "The harness is broken, so only the HELM comparison counts",
        feedback:
          "Each implementation is a legitimate way to ask the questions; none is the true one. A ranking that depends on the choice is a ranking of model-and-format pairs.",
      },
      {
        text: "The gap is within sampling noise, so the models are tied",
        feedback:
          "Each score's sampling interval is about ±0.8 points; gaps of 6.6 and 3.9 points are far outside it. The order genuinely depends on the format.",
      },
      {
        text: "Which model is better on MMLU depends on how the questions are asked; report the order per format, or a range across formats",
        feedback:
          "Right. The order flips between implementations, far beyond sampling noise, so a single-format ranking is not a property of the models alone.",
      },
      {
        text: "Average the two gaps: LLaMA-65B is better by about 1.4 points",
        feedback:
          "An average of two formats is a third format's answer, not the truth; and a mean gap hides that the sign flips. Report the per-format order or the range.",
      },
    ],
    correct: 2,
  },
  {
    id: "deeper-format-seeds",
    section: "run-it-again",
    sectionTitle: "Run it again",
    prompt:
      "GPT-4 ran each HumanEval problem 10 times at temperature 0.2: 124 problems passed every run, 15 none, 25 some. Which problems make one run's score differ from the next?",
    options: [
      {
        text: "All 164: every problem is re-sampled in every run",
        feedback:
          "Every problem is re-sampled, but a problem passed in all ten runs (or none) gives the same result every time. Only the 25 sometimes-solved problems can change a run's score.",
      },
      {
        text: "Only the 25 problems it solved in some runs but not others",
        feedback:
          "Right. A problem with a pass share p adds p(1−p) to the run-to-run variance; at p = 0 or 1 that is zero.",
      },
      {
        text: "Only the 15 problems it never solved",
        feedback:
          "A problem never solved is failed in every run, so it cannot change from run to run. The variation comes from the 25 problems it sometimes solves.",
      },
      {
        text: "None: at temperature 0.2 the output is fixed",
        feedback:
          "A low temperature is not zero: 25 problems passed in some of the ten runs and failed in others.",
      },
    ],
    correct: 1,
  },
];
