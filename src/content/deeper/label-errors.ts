// The closing questions of /deeper/label-errors (four options each, one right, every option with its own feedback).
import type { DeeperQuestion } from "../../components/learn/deeperQuiz.js";

export const questions: DeeperQuestion[] = [
  {
    id: "label-errors-1",
    section: "what-a-bad-key-does-to-a-score",
    sectionTitle: "What a bad key does to a score",
    prompt:
      "A four-option test has bad keys on 12% of its questions. A model that truly knows every answer takes it. What does it score, about?",
    options: [
      {
        text: "100%: a model that knows every answer gets every question right",
        feedback:
          "It answers every question correctly, but the score counts agreements with the key. On the 12% of questions whose key is wrong or has no right option, the right answer is marked wrong.",
      },
      {
        text: "88%: it loses exactly the questions with a bad key",
        feedback:
          "Right: a perfect model picks the right answer every time, so it misses exactly the bad-key questions. 1 − e = 88% is the ceiling of that test.",
      },
      {
        text: "About 91%: it loses the bad keys but wins a third of them back by luck",
        feedback:
          "Luck only helps a model that guesses. A model that knows every answer never guesses, so it never lands on a wrong key; the e·(1 − a)/3 term is zero when a = 1.",
      },
      {
        text: "It cannot be said without knowing how many questions the test has",
        feedback:
          "The number of questions sets the noise around the score, not where it centres. The expected score of a perfect model is 1 − e whatever N is.",
      },
    ],
    correct: 1,
  },
  {
    id: "label-errors-2",
    section: "what-a-bad-key-does-to-a-score",
    sectionTitle: "What a bad key does to a score",
    prompt:
      "Two models are truly 95% and 90% accurate. They are scored on a four-option key of which 30% is bad. How far apart are their scores?",
    options: [
      {
        text: "5 points: bad keys cost both models the same, so the gap survives",
        feedback:
          "Bad keys do not cost both the same: the better model knows more answers, so it loses more of them to wrong keys, and guesses (which sometimes hit a wrong key) less often.",
      },
      {
        text: "About 4.7 points: only a few questions are affected",
        feedback:
          "A 30% error rate is not a few questions. Each true point shows as 1 − 4e/3 = 1 − 0.4 = 0.6 points here.",
      },
      {
        text: "3 points: each true point shows as 1 − 4e/3 = 0.6 points",
        feedback:
          "Right: 5 × (1 − 4 × 0.3/3) = 5 × 0.6 = 3 points. Bad keys compress every gap by the same factor.",
      },
      {
        text: "None: above the ceiling of 70% every model scores the same",
        feedback:
          "The ceiling is the score of a perfect model, not a wall the others hit. Below it the score still rises with accuracy, only more slowly: 95% scores 67.0% and 90% scores 64.0%.",
      },
    ],
    correct: 2,
  },
  {
    id: "label-errors-3",
    section: "saturation",
    sectionTitle: "Saturation",
    prompt:
      "An old benchmark's top models score 96.1% and 95.6%. Re-annotation found about 3% of its keys bad. What is the best reading?",
    options: [
      {
        text: "The first model is better by half a point",
        feedback:
          "Half a point near the ceiling is inside the sampling noise of most benchmarks, and bad keys shrink real gaps further. The order is unresolved.",
      },
      {
        text: "Both models are close to the ceiling: the gap is unresolved, and a score above about 97% would itself be suspicious",
        feedback:
          "Right: with about 3% bad keys a perfect model scores about 97%. Near that ceiling gaps are compressed, and a score above it suggests the model learned some wrong keys.",
      },
      {
        text: "Both are nearly perfect, so the benchmark has been solved and can be dropped from any report",
        feedback:
          "Near its ceiling the benchmark can no longer rank these two, but it still separates them from weaker models. Saturated at the top is not useless everywhere.",
      },
      {
        text: "Bad keys add noise in both directions, so they cancel out in the average",
        feedback:
          "Bad keys are not symmetric noise: they always cost a model that knows the answer. They lower the ceiling and compress gaps; they do not cancel.",
      },
    ],
    correct: 1,
  },
];
