// The closing questions of /deeper/signal-and-noise (four options each, one right, every option with its own feedback).
import type { DeeperQuestion } from "../../components/learn/deeperQuiz.js";

export const questions: DeeperQuestion[] = [
  {
    id: "signal-and-noise-1",
    section: "two-numbers-one-ratio",
    sectionTitle: "Two numbers, one ratio",
    prompt: "What makes a benchmark good at separating a particular set of models?",
    options: [
      {
        text: "Having many questions: N decides it",
        feedback:
          "N sets only the noise. If the models' scores hardly differ, even a large benchmark separates few of them; the spread between the models matters as much.",
      },
      {
        text: "A large spread between these models' scores relative to the noise of one score",
        feedback:
          "Right: signal over noise. The spread depends on which models you compare; the noise on N, the accuracy, and what varies between runs.",
      },
      {
        text: "A high average score: easy benchmarks give stable rankings",
        feedback:
          "A high average often means the opposite: scores crowd under the ceiling, the spread shrinks, and fewer pairs are separable.",
      },
      {
        text: "Being new: a benchmark released after the models cannot be contaminated",
        feedback:
          "Freshness guards against contamination, a different problem. A new benchmark with a small N or a narrow spread still cannot tell close models apart.",
      },
    ],
    correct: 1,
  },
  {
    id: "signal-and-noise-2",
    section: "the-top-of-a-leaderboard",
    sectionTitle: "The top of a leaderboard",
    prompt:
      "On one benchmark, 90% of pairs among a board's top 300 models are separable, but only 20% among its top 10. Why?",
    options: [
      {
        text: "The top 10 were evaluated on fewer questions",
        feedback:
          "Every model on a leaderboard answers the same questions, so the noise per score is about the same for all of them.",
      },
      {
        text: "The top models' scores are closer together, so less of the spread clears the same noise",
        feedback:
          "Right: the noise is about the same, the spread is not. Near the top the models crowd together.",
      },
      {
        text: "The strongest models are more random in their answers",
        feedback:
          "Sampling noise is largest near 50% accuracy and smaller near the top, so strong models are, if anything, slightly less noisy per score.",
      },
      {
        text: "A test over 300 models is more powerful than one over 10",
        feedback:
          "Each pair is tested on its own two scores; the number of other models does not change that test. What changes is how far apart the pairs are.",
      },
    ],
    correct: 1,
  },
];
