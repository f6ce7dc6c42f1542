// The closing questions of /deeper/best-of-k (four options each, one right, every option with its own feedback).
import type { DeeperQuestion } from "../../components/learn/deeperQuiz.js";

export const questions: DeeperQuestion[] = [
  {
    id: "best-of-k-1",
    section: "how-much-a-maximum-gains",
    sectionTitle: "How much a maximum gains",
    prompt:
      "A lab tests 10 variants that are all exactly as good as each other and publishes the best one's Arena rating. What happens on average?",
    options: [
      {
        text: "Nothing: if no variant is better, the published rating is unbiased",
        feedback:
          "Each rating is unbiased on its own, but the largest of ten noisy ratings is not: it keeps whichever error happened to point up.",
      },
      {
        text: "It is too high by about 1.54 standard errors of one rating",
        feedback:
          "Right: the expected maximum of 10 standard normals is 1.54, so the best of ten overshoots by about 1.54 × SE.",
      },
      {
        text: "It is too high by about 10 standard errors, one for each variant",
        feedback:
          "The gain grows far more slowly than k: about √(2 ln k). Ten variants buy about 1.5 standard errors, not 10.",
      },
      {
        text: "It is too low, because the other nine variants took battles from it",
        feedback:
          "Each variant's rating comes from its own battles; testing others does not lower it. Choosing the maximum raises the published number.",
      },
    ],
    correct: 1,
  },
  {
    id: "best-of-k-2",
    section: "reading-a-published-rating",
    sectionTitle: "Reading a published rating",
    prompt: "Which change removes the inflation from choosing the best of k variants?",
    options: [
      {
        text: "Testing more variants, so that the best is more reliable",
        feedback: "More variants make the maximum larger, not more honest: the inflation grows with k.",
      },
      {
        text: "Rating the chosen variant again on fresh battles, and publishing that rating",
        feedback:
          "Right: the new rating is a measurement that played no part in the choice, so its error is as likely to point down as up.",
      },
      {
        text: "Publishing the best variant's rating with its 95% interval",
        feedback:
          "The interval is computed as if the variant had not been selected; it is centred on the inflated number. It describes one rating's noise, not the selection.",
      },
      {
        text: "Using a larger Elo scale",
        feedback:
          "A different scale multiplies the ratings and the inflation alike; the variant's place relative to the others does not change.",
      },
    ],
    correct: 1,
  },
];
