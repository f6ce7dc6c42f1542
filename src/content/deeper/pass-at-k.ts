// The closing questions of /deeper/pass-at-k (four options, one key, feedback on each;
// `section` is the heading on this page to revisit).
import type { DeeperQuestion } from "../../components/learn/deeperQuiz.js";

export const questions: DeeperQuestion[] = [
  {
    id: "deeper-passk-naive",
    section: "estimating-pass-k-without-bias",
    sectionTitle: "Estimating pass@k without bias",
    prompt:
      "A problem got 3 passing attempts out of n = 10. Which is the unbiased estimate of its pass@3 (at least one of 3 attempts passes)?",
    options: [
      {
        text: "1 − (1 − 0.3)³ ≈ 65.7%",
        feedback:
          "That treats the ten attempts as if they could be drawn again (with replacement), which undercounts: the estimate is biased low. Drawing 3 of the 10 without replacement gives 1 − C(7,3)/C(10,3) ≈ 70.8%.",
      },
      {
        text: "3 × 0.3 = 90%",
        feedback:
          "Adding the chances counts twice the cases where two attempts pass. Drawing 3 of the 10 attempts without replacement, the chance none passes is C(7,3)/C(10,3) = 35/120, so pass@3 ≈ 70.8%.",
      },
      {
        text: "1 − C(7,3)/C(10,3) = 1 − 35/120 ≈ 70.8%",
        feedback:
          "Right: Chen et al.'s estimator. Of the C(10,3) = 120 ways to pick 3 attempts, 35 contain no passing one.",
      },
      {
        text: "30%, the same as pass@1: more attempts do not change a problem's difficulty",
        feedback:
          "The problem's difficulty does not change, but pass@3 asks whether any of three attempts passes — a different, larger quantity: 1 − 35/120 ≈ 70.8%.",
      },
    ],
    correct: 2,
  },
  {
    id: "deeper-passk-reliability",
    section: "three-ways-to-count-success",
    sectionTitle: "Three ways to count success",
    prompt:
      "You will call a coding model once per request, with no tests to pick among attempts, and every failure reaches a user. Which number best predicts the experience?",
    options: [
      {
        text: "pass@10: it uses the most information",
        feedback:
          "pass@10 credits a problem if any of ten attempts passes — useful only when you can run ten attempts and keep the working one. With one call and no tests, it overstates what users see.",
      },
      {
        text: "pass@1, and pass^k if the same kind of request recurs and must work every time",
        feedback:
          "Right. One call is pass@1; a task that recurs and must succeed every time is pass^k, which falls as k grows (GPT-4 on HumanEval: 84.8% at k = 1, 75.6% at k = 10).",
      },
      {
        text: "The naive 1 − (1 − c/n)^k, because it is more conservative",
        feedback:
          "The naive formula is a biased estimate of pass@k, not a reliability measure; being lower by accident does not make it the right quantity. With one call per request, read pass@1 (and pass^k for repeated use).",
      },
      {
        text: "Any of them: they differ by less than the interval",
        feedback:
          "For GPT-4 on HumanEval, pass@10 and pass^10 are about 15 points apart — far more than their intervals. They answer different questions.",
      },
    ],
    correct: 1,
  },
];
