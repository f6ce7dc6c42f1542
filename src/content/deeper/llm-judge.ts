// The closing questions of /deeper/llm-judge (four options, one key, feedback on each;
// `section` is the heading on this page to revisit).
import type { DeeperQuestion } from "../../components/learn/deeperQuiz.js";

export const questions: DeeperQuestion[] = [
  {
    id: "deeper-judge-verbose",
    section: "alpaca-eval-2-and-its-length-control",
    sectionTitle: "AlpacaEval 2 and its length control",
    prompt:
      "On AlpacaEval 2, GPT-4 Turbo told to answer verbosely wins 64.3% of comparisons against plain GPT-4 Turbo; told to be concise, 22.9%. What does that show?",
    options: [
      {
        text: "Verbose answers are better answers: users want more detail",
        feedback:
          "It is the same model answering the same instructions; only the requested length changed. After length control the two are 51.6% and 41.9% — most of the swing was the judge's taste for length.",
      },
      {
        text: "The judge rewards length itself, so a raw win rate partly measures how long a model writes",
        feedback:
          "Right. A 41-point swing from an instruction about length is a bias of the judge; length control shrinks it to under 10 points.",
      },
      {
        text: "The comparison is noise: 805 instructions are too few",
        feedback:
          "With 805 comparisons each of these win rates carries a standard error under 1.5 points; a 41-point gap is far outside that.",
      },
      {
        text: "The judge prefers its own model family",
        feedback:
          "Self-preference is a real bias, but here all three answers come from GPT-4 Turbo. What changed was the length.",
      },
    ],
    correct: 1,
  },
  {
    id: "deeper-judge-lc",
    section: "alpaca-eval-2-and-its-length-control",
    sectionTitle: "AlpacaEval 2 and its length control",
    prompt: "What does AlpacaEval's length-controlled win rate estimate?",
    options: [
      {
        text: "The win rate after discarding every answer longer than the baseline's",
        feedback:
          "No answer is discarded. A regression of the judge's verdicts on model, instruction and length difference is used to predict the verdicts with the length difference set to zero.",
      },
      {
        text: "The win rate the model would get if its answers were as long as the baseline's, predicted from a regression of the judge's verdicts",
        feedback:
          "Right: a counterfactual from a fitted logistic regression, not a re-run with shorter answers.",
      },
      {
        text: "The win rate divided by the answer's average length",
        feedback:
          "A ratio would punish every long answer in proportion. The length-controlled rate comes from a regression that predicts the verdict with the length difference set to zero.",
      },
      {
        text: "The win rate judged by humans instead of GPT-4 Turbo",
        feedback:
          "The judge is still GPT-4 Turbo. Length control adjusts its verdicts statistically; its agreement with Chatbot Arena's human votes is a separate check.",
      },
    ],
    correct: 1,
  },
];
