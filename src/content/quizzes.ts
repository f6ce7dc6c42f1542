// The question banks: four lesson quizzes (4 questions each) and the module test (15 questions).
// Data, not markup: the quiz and test pages render these; the unit test checks every entry.
//
// Every question has exactly four options and one correct answer. Each option carries its own
// feedback: for the key, why it is right; for each wrong option, why that choice is wrong (each
// wrong option is a misconception a learner could really hold, written as specifically as the
// key, so that neither the longest nor the shortest option gives the answer away).
// Numbers come from traced sources only (data/SOURCES.md); the unit test checks them.
// `section` is the id of the lesson section the question checks: the slug Framework gives the
// lesson page's h2 heading (e.g. "## Confidence intervals and effect size" →
// /lessons/3#confidence-intervals-and-effect-size).

export type LessonNumber = 1 | 2 | 3 | 4;

/** The sections of each lesson that questions point back to: slug → heading text. */
export const lessonSections = {
  1: {
    "five-choices-behind-every-score": "Five choices behind every score",
    "when-only-the-regex-changes": "When only the regex changes",
    "score-versus-rank": "Score versus rank",
  },
  2: {
    "two-families-of-leaderboards": "Two families of leaderboards",
    "goodharts-law-in-action-2023-2024": "Goodhart's law in action, 2023–2024",
    "the-contamination-problem": "The contamination problem",
    "reading-past-the-rank": "Reading past the rank",
  },
  3: {
    "two-tables-one-column-name": "Two tables, one column name",
    "the-scaling-confound": "The scaling confound",
    "confidence-intervals-and-effect-size": "Confidence intervals and effect size",
    "a-protocol-for-comparing-two-models": "A protocol for comparing two models",
  },
  4: {
    "distribution-shift": "Distribution shift",
    "a-score-answers-the-benchmarks-question": "A score answers the benchmark's question",
    "what-benchmarks-measure-poorly": "What benchmarks measure poorly",
    "a-bridge-in-three-stages": "A bridge in three stages",
  },
} as const satisfies Record<LessonNumber, Record<string, string>>;

export type SectionId<L extends LessonNumber> = keyof (typeof lessonSections)[L] & string;

export const lessonTitles: Record<LessonNumber, string> = {
  1: "What a number actually means",
  2: "Leaderboards and their distortions",
  3: "Comparing scores across models",
  4: "Translating scores to real-world expectations",
};

/** One answer option and what a learner who picks it is told. */
export interface QuizOption {
  text: string;
  /** For the key: why it is right. For a wrong option: why this choice is wrong. */
  feedback: string;
}

interface QuestionOf<L extends LessonNumber> {
  /** Unique across all banks, stable (a test draft in progress refers to it). */
  id: string;
  prompt: string;
  options: readonly [QuizOption, QuizOption, QuizOption, QuizOption];
  /** Index into `options` of the one right answer. */
  correct: 0 | 1 | 2 | 3;
  /** The lesson the question checks … */
  lesson: L;
  /** … and the section of it to revisit. */
  section: SectionId<L>;
}

/** A question; the compiler checks that `section` is a section of `lesson`. */
export type QuizQuestion = { [L in LessonNumber]: QuestionOf<L> }[LessonNumber];

export interface LessonQuiz {
  lesson: LessonNumber;
  title: string;
  questions: readonly QuizQuestion[];
}

export interface ModuleTest {
  title: string;
  /** The fraction of questions needed to pass (0.8 → 12 of 15). */
  passMark: number;
  questions: readonly QuizQuestion[];
}

/** The link to the lesson section a question checks, relative to the site root. */
export function sectionHref(question: Pick<QuizQuestion, "lesson" | "section">): string {
  return `/lessons/${question.lesson}#${question.section}`;
}

/** The heading text of the section a question checks. */
export function sectionTitle(question: QuizQuestion): string {
  const sections: Record<string, string> = lessonSections[question.lesson];
  return sections[question.section] ?? question.section;
}

// ---- Lesson 1 — What a number actually means -------------------------------------------

const lesson1: QuizQuestion[] = [
  {
    id: "l1-extraction-shift",
    lesson: 1,
    section: "when-only-the-regex-changes",
    prompt:
      "In June 2023 Hugging Face scored the same LLaMA-65B weights on the same MMLU questions with three implementations of the benchmark, which differed in how the model's answer was obtained and scored. How far apart were the three scores?",
    options: [
      {
        text: "Within half a point: the same weights on the same questions give the same score",
        feedback:
          "That would hold if a score depended on the model alone. It does not: the three implementations gave 63.7, 63.6 and 48.8 — almost 15 points apart, with the same weights and the same questions.",
      },
      {
        text: "About 15 points: 63.7 and 63.6 under two of them, 48.8 under the third",
        feedback:
          "HELM (the model writes the letter) gave 63.7, the original code (compare the probabilities of A–D) 63.6, and EleutherAI's harness of January 2023 (compare the likelihood of each full answer text) 48.8. Same weights, same questions: the implementation alone moved the score by 14.9 points.",
      },
      {
        text: "About 1 point, the size of MMLU's sampling noise at that accuracy",
        feedback:
          "Sampling noise on MMLU's 14,042 questions is about ±0.8 points at 64% — but the three implementations were 14.9 points apart. That is far beyond chance: the implementation moved the score.",
      },
      {
        text: "About 15 points, because each implementation ran its own subset of the questions",
        feedback:
          "The spread was indeed about 15 points, but all three ran the same MMLU questions. What differed was how the answer was obtained and scored: a generated letter, the probabilities of A–D, or the likelihood of each full answer text.",
      },
    ],
    correct: 1,
  },
  {
    id: "l1-five-choices",
    lesson: 1,
    section: "five-choices-behind-every-score",
    prompt:
      "Whoever runs an evaluation makes five choices that decide the score it publishes. Which of these is NOT one of them?",
    options: [
      {
        text: "How many solved examples are shown before each test question",
        feedback:
          "That is the prompting format — 0-shot, 5-shot, 25-shot — one of the five. More examples usually raise the score, partly because they show the model the answer format.",
      },
      {
        text: "Whether the output is decoded greedily or sampled at a temperature",
        feedback:
          "That is the decoding strategy, one of the five: sampling at a temperature can lower an exact-match score compared with always taking the most likely token.",
      },
      {
        text: "Whether subject scores are averaged per question or per subject",
        feedback:
          "That is the aggregation, one of the five: a micro-average over questions is dominated by the large subjects, a macro-average over subjects gives each subject equal weight.",
      },
      {
        text: "Which city the servers that ran the evaluation stand in",
        feedback:
          "Where the servers stand plays no part in computing a score. The five choices are the task set, the prompting format, the decoding strategy, the answer-extraction rule and the aggregation.",
      },
    ],
    correct: 3,
  },
  {
    id: "l1-standardise",
    lesson: 1,
    section: "five-choices-behind-every-score",
    prompt:
      "When Hugging Face launched the Open LLM Leaderboard in 2023, it ran every model through the same evaluation code and settings. What was that for?",
    options: [
      {
        text: "To give every model a higher score than its own lab's setup had given it",
        feedback:
          "Standard settings are not chosen to flatter anyone. LLaMA-65B scored 48.8 on MMLU under the harness the board used at first, against 63.4 in its own paper.",
      },
      {
        text: "So that a gap between two models reflects the models, not two setups",
        feedback:
          "With one recipe for everyone — questions, prompts, decoding, extraction, averaging — a gap between two rows can be read as a difference between models. The recipe did change once: in mid-2023 the board switched its MMLU implementation, so its scores from before and after do not compare.",
      },
      {
        text: "To keep models trained on the test questions from scoring well",
        feedback:
          "A standard evaluation cannot undo what was in a model's training data: a contaminated model still posts an inflated score on a standardised board, and this one had to flag such models.",
      },
      {
        text: "To make runs cheaper by scoring each model on a small fixed sample",
        feedback:
          "Saving compute was not the point, and the board ran the benchmarks' test sets. The point was comparability: when each lab picks its own prompts, decoding and extraction, nobody can tell a model gap from a setup gap.",
      },
    ],
    correct: 1,
  },
  {
    id: "l1-score-vs-rank",
    lesson: 1,
    section: "score-versus-rank",
    prompt: "Model A scores 88% on MMLU and model B scores 85%. What is the most defensible conclusion?",
    options: [
      {
        text: "A is more capable: three points is a wide margin on any benchmark",
        feedback:
          "Three points is wide on the full MMLU but not everywhere — on HumanEval's 164 problems it sits inside the noise — and even a wide margin means little if the two scores came from different setups.",
      },
      {
        text: "Undecided until you know both used one setup and the gap recurs elsewhere",
        feedback:
          "On all 14,042 MMLU questions a 3-point gap clears sampling noise (about ±0.8 points for a difference at 85%). But a change of implementation alone moved LLaMA-65B's MMLU score by 14.9 points. Confirm the two scores share a setup and that the gap shows on other benchmarks before calling a winner.",
      },
      {
        text: "They are tied, as MMLU scores within five points of each other always are",
        feedback:
          "There is no five-point tie rule. On the full MMLU a 3-point gap between two independent scores is well outside sampling noise (about ±0.8 points at 85%); what it means depends on how the two were measured.",
      },
      {
        text: "A knows more facts and B reasons better, since MMLU rewards recall over reasoning",
        feedback:
          "Two totals on one benchmark cannot say which skill produced a gap. The open questions are whether the setups matched and whether other benchmarks agree.",
      },
    ],
    correct: 1,
  },
];

// ---- Lesson 2 — Leaderboards and their distortions -------------------------------------

const lesson2: QuizQuestion[] = [
  {
    id: "l2-arena-elo",
    lesson: 2,
    section: "two-families-of-leaderboards",
    prompt: "What does LMSYS's Chatbot Arena rank models by?",
    options: [
      {
        text: "Accuracy on a fixed, curated test set that is re-run for every new model",
        feedback:
          "That describes an automated board such as the Open LLM Leaderboard. The Arena has no answer key: people vote between two anonymous answers, and the votes become a rating.",
      },
      {
        text: "A strong judge model's grade of each answer against a reference answer",
        feedback:
          "That is closer to LLM-as-judge benchmarks such as MT-Bench. The Arena's rating comes from human votes between two answers to the same prompt.",
      },
      {
        text: "An Elo-style rating fitted to human votes between two anonymous answers",
        feedback:
          "Two anonymous models answer one prompt, a person picks the answer they prefer, and the votes are fitted into an Elo-style rating. It records preference — and liking an answer is not the same as its being correct.",
      },
      {
        text: "The average of each model's MMLU, GSM8K and HumanEval scores",
        feedback:
          "The Arena uses no benchmark scores at all. Its rating is built only from pairwise human votes, which is why it can disagree with accuracy-based boards.",
      },
    ],
    correct: 2,
  },
  {
    id: "l2-contamination-size",
    lesson: 2,
    section: "the-contamination-problem",
    prompt:
      "Scale AI wrote GSM1k, 1,205 new grade-school maths problems in the style of GSM8K, and ran the same models on both tests. What did the 63 models in the paper's final version show?",
    options: [
      {
        text: "No gap beyond noise: leaked test questions leave a model's score unchanged",
        feedback:
          "52 of the 63 models scored higher on the public GSM8K than on the unseen GSM1k, some by 8 points. Leaked questions, and tuning on GSM8K-like data, do move scores.",
      },
      {
        text: "Most did better on the public GSM8K: median gap 1.7 points, widest 8.0",
        feedback:
          "52 of 63 models scored higher on the public test than on the fresh one; the median gap was 1.7 points, the widest 8.0, and the other 11 did better on GSM1k. Gaps of that size, differing by model, are enough to reorder models that sit close together.",
      },
      {
        text: "Every model lost 15 to 20 points on GSM1k: leaks explained most of its score",
        feedback:
          "The gaps were far smaller and varied by model: median 1.7 points, from −3.8 to 8.0. (The paper's first version, with shorter generations, found larger gaps — median 3.0, still nowhere near 15.)",
      },
      {
        text: "The same gap, about 5 points, for every model, so their order held",
        feedback:
          "The gaps differed from model to model, from −3.8 to 8.0 points. Because contamination adds different amounts to different models, it can reorder a leaderboard, not just shift it.",
      },
    ],
    correct: 1,
  },
  {
    id: "l2-goodhart",
    lesson: 2,
    section: "goodharts-law-in-action-2023-2024",
    prompt:
      "By Goodhart's law, what happens once a benchmark score becomes something labs explicitly optimise for?",
    options: [
      {
        text: "It becomes a better measure, since labs work hardest on what it tests",
        feedback:
          "Working on what a test rewards is not the same as gaining the ability it was built to detect. Goodhart's law predicts the opposite: the score drifts away from what it was meant to show.",
      },
      {
        text: "Scores can keep rising while saying less about the capability behind them",
        feedback:
          "“When a measure becomes a target, it ceases to be a good measure.” A model tuned for the benchmark can score highly without the capability carrying over: models tuned on MMLU-like data gained on MMLU, not on new reasoning problems.",
      },
      {
        text: "Scores stop rising, because labs soon push the benchmark to its ceiling",
        feedback:
          "That is saturation, a different problem: a test too easy to separate the models. Goodhart's law is about scores that keep rising while meaning less.",
      },
      {
        text: "Nothing changes, as long as the test questions are kept secret",
        feedback:
          "Secrecy helps against leaked questions, but optimising for a score works without seeing them: tuning on similar data and formats lifts the number without the ability.",
      },
    ],
    correct: 1,
  },
  {
    id: "l2-category-rank",
    lesson: 2,
    section: "reading-past-the-rank",
    prompt:
      "MMLU-Pro reports a score for each of its 14 subject categories, among them health (818 questions). A model places 3rd overall but 1st in health. You are choosing a model for a healthcare application. How should you treat it?",
    options: [
      {
        text: "Set it aside: a careful team picks the model ranked 1st overall",
        feedback:
          "The overall rank averages over law, maths, engineering and ten more subjects that matter little to your task. The category closest to your use says more about it.",
      },
      {
        text: "Ignore its lead: category scores are too noisy to tell models apart",
        feedback:
          "A category has fewer questions, so its interval is wider — about ±3.4 points at 50% on 818 questions — but a lead larger than that is real evidence. Check the lead against the noise rather than throwing it away.",
      },
      {
        text: "Consider it only if it also leads Chatbot Arena's overall rating",
        feedback:
          "The Arena rating measures general preference in open chat, not health knowledge; demanding an Arena lead would filter on the wrong thing. The health category is the closer signal.",
      },
      {
        text: "Shortlist it: for this use its health score says more than its rank",
        feedback:
          "The category nearest your task is the better guide. Before relying on it, check that the lead is larger than the noise of 818 questions, then confirm on your own healthcare data.",
      },
    ],
    correct: 3,
  },
];

// ---- Lesson 3 — Comparing scores across models -----------------------------------------

const lesson3: QuizQuestion[] = [
  {
    id: "l3-gpt4-claude2",
    lesson: 3,
    section: "two-tables-one-column-name",
    prompt:
      "GPT-4's technical report gives 86.4% on MMLU; Claude 2's gives 78.5%. Why can't the 7.9-point gap be read straight as a difference between the two models?",
    options: [
      {
        text: "Both 5-shot, but Claude 2's was prompted with chain of thought, GPT-4's not",
        feedback:
          "Both were 5-shot, but Claude 2's was prompted with chain of thought (reasoning step by step before answering) and GPT-4's was not — its Table 2 gives 86.4 with no chain of thought. One benchmark name, two pipelines: the gap mixes method with model.",
      },
      {
        text: "Both 5-shot, but GPT-4's was prompted with chain of thought, Claude 2's not",
        feedback:
          "This version has been widely repeated, but GPT-4's Table 2 gives MMLU 86.4%, 5-shot, with no chain of thought; the report's only chain-of-thought footnote is on GSM-8K. It was Claude 2's 78.5 that used chain of thought.",
      },
      {
        text: "GPT-4 was scored 5-shot and Claude 2 0-shot, so the shot counts differ",
        feedback:
          "Both reports give 5-shot MMLU. The difference is in the prompting: Claude 2's number came with chain-of-thought reasoning, GPT-4's without.",
      },
      {
        text: "It can: both are 5-shot MMLU scores, so the 7.9 points are all down to the models",
        feedback:
          "A matching shot count is not enough. Claude 2 was prompted to reason step by step and GPT-4 was not, so the gap mixes a difference in method with one in model.",
      },
    ],
    correct: 0,
  },
  {
    id: "l3-mistral-per-parameter",
    lesson: 3,
    section: "the-scaling-confound",
    prompt: "What set the 2023 Mistral 7B paper apart in how it presented its benchmark results?",
    options: [
      {
        text: "Its Chatbot Arena rank, printed beside each of its benchmark scores",
        feedback:
          "The paper compared models on benchmarks, not on Arena votes. What stood out was the unit: results framed per parameter, against models several times its size.",
      },
      {
        text: "Raw scores set directly against the largest models of the day",
        feedback:
          "Raw scores against far larger models mix capability with size — the confound the paper avoided by framing its results as performance per parameter.",
      },
      {
        text: "Performance per parameter, against models several times its size",
        feedback:
          "Performance per parameter: set against 13B to 70B models, a 7B model is judged on efficiency rather than sheer scale, which says more about it than its rank among much bigger ones.",
      },
      {
        text: "The cost of a million generated tokens, set next to each score",
        feedback:
          "Price per token is a deployment question the paper did not frame its results around; its unit was performance per parameter.",
      },
    ],
    correct: 2,
  },
  {
    id: "l3-humaneval-noise",
    lesson: 3,
    section: "confidence-intervals-and-effect-size",
    prompt:
      "HumanEval has only 164 problems. What does that mean for a difference between two models' scores?",
    options: [
      {
        text: "Each problem is worth about 0.6 points, so a gap of one problem is real",
        feedback:
          "One problem is 0.61 points of score, but chance moves a score by far more than one problem: the 95% interval at 80% is about ±6.1 points, roughly ten problems either way.",
      },
      {
        text: "Small test sets give biased scores, so HumanEval numbers run too high",
        feedback:
          "A small N makes a score noisy, not biased upward: it is as likely to come out too low as too high. What grows is the interval — about ±6.1 points at 80% on 164 problems.",
      },
      {
        text: "Nothing in particular: pass@1 already corrects for the number of problems",
        feedback:
          "pass@1 is the share of problems solved at the first attempt; it does nothing about N. With 164 problems the 95% interval is about ±6.1 points at an 80% pass rate.",
      },
      {
        text: "Its 95% interval is about ±6 points, so gaps under ~10 may be noise",
        feedback:
          "At 80% the interval on 164 problems is ±6.1 points, and the difference of two independent scores is √2 times as uncertain (about ±8.7). Gaps under roughly 10 points are weak evidence of a difference.",
      },
    ],
    correct: 3,
  },
  {
    id: "l3-protocol",
    lesson: 3,
    section: "a-protocol-for-comparing-two-models",
    prompt:
      "You must compare two models using only the scores in their own technical reports. Which approach is the most defensible?",
    options: [
      {
        text: "Take the higher number, since a lab publishes its best honest result",
        feedback:
          "Each lab's best result comes from its own setup, so the higher number may reflect the better recipe. Without a shared evaluator and shot count, the two are not on one scale.",
      },
      {
        text: "Average each model's scores over every benchmark it reports, then compare",
        feedback:
          "Averaging hides which benchmarks, shot counts and evaluators went in, and two labs' lists rarely match — so the averages compare different baskets.",
      },
      {
        text: "Five checks: evaluator, shots, noise, breadth, third-party rerun",
        feedback:
          "Those are the five steps: the same evaluator, the same shot count, a gap larger than the intervals, the same ordering on at least three benchmarks, and a third-party reproduction of each claim. Short of all five, the comparison is indicative, not definitive.",
      },
      {
        text: "Prefer the report that covers the most benchmarks and task types",
        feedback:
          "How many benchmarks a report lists says nothing about whether its numbers can stand beside another lab's. Coverage is not comparability.",
      },
    ],
    correct: 2,
  },
];

// ---- Lesson 4 — Translating scores to real-world expectations ---------------------------

const lesson4: QuizQuestion[] = [
  {
    id: "l4-medpalm",
    lesson: 4,
    section: "a-score-answers-the-benchmarks-question",
    prompt:
      "Google's Med-PaLM 2 reached expert-level scores on USMLE-style exam questions in 2023. What did clinicians say the result mainly showed?",
    options: [
      {
        text: "That the model could now answer patients' questions safely on its own",
        feedback:
          "An exam score is not a test of safe practice. The questions are multiple choice; patients' questions are open-ended and depend on context the exam does not supply.",
      },
      {
        text: "That the exam questions had leaked into the model's training data",
        feedback:
          "Contamination was not the point made. Even taken at face value, the score measured knowledge in a structured format unlike the questions asked in practice.",
      },
      {
        text: "That it encodes medical knowledge, but clinical use needs its own tests",
        feedback:
          "A multiple-choice exam shows how much medicine is encoded in a model; clinical questions are open-ended and rich in context. Usefulness to clinicians had to be tested on realistic vignettes and long-form answers.",
      },
      {
        text: "That the USMLE is too easy to say anything about a model's medical knowledge",
        feedback:
          "The exam was not dismissed: a high score does show encoded knowledge. The point was that knowledge shown on a structured exam is not the same as usefulness in practice.",
      },
    ],
    correct: 2,
  },
  {
    id: "l4-poorest",
    lesson: 4,
    section: "what-benchmarks-measure-poorly",
    prompt: "Which capabilities are today's standardised benchmarks POOREST at measuring?",
    options: [
      {
        text: "Recall of facts from academic subjects such as history and law",
        feedback:
          "Academic recall is what MMLU and its kin measure best: thousands of questions across 57 subjects.",
      },
      {
        text: "Calibration, long-context coherence and adversarial robustness",
        feedback:
          "These are the gaps: calibration (whether a model knows when it does not know), staying consistent over 50,000 tokens or more, and holding up against prompts written to trip it. Newer families such as RULER and LongBench (long context) have only begun on them.",
      },
      {
        text: "Solving multi-step arithmetic word problems from grade school",
        feedback:
          "Grade-school arithmetic is well covered: GSM8K's 1,319 test problems are a standard part of most reports.",
      },
      {
        text: "Writing a short Python function that passes given unit tests",
        feedback:
          "Short code generation is what HumanEval measures, with 164 problems checked by unit tests — a well-established benchmark, if a small one.",
      },
    ],
    correct: 1,
  },
  {
    id: "l4-leaderboard-role",
    lesson: 4,
    section: "a-bridge-in-three-stages",
    prompt: "Which job does the leaderboard score do in the three-stage evaluation plan?",
    options: [
      {
        text: "A cheap first filter that narrows the field before the other stages",
        feedback:
          "Stage 1 narrows the field at almost no cost; task-specific evaluation (stage 2) and a pilot with real users (stage 3) make the decision.",
      },
      {
        text: "The final decision: the top-ranked model alone goes on to the pilot",
        feedback:
          "Sending only the top model on skips stage 2, the evaluation on your own task — the stage that predicts production performance best for its cost.",
      },
      {
        text: "A stand-in for the production pilot when the deadline is tight",
        feedback:
          "Nothing replaces the pilot: only real users on real traffic show production performance. The leaderboard's job comes earlier and costs less.",
      },
      {
        text: "A tie-breaker between finalists that the pilot could not separate",
        feedback:
          "If a pilot cannot separate two finalists, a benchmark about other questions will not either; grow the task set or the pilot. The leaderboard belongs at the start, as a filter.",
      },
    ],
    correct: 0,
  },
  {
    id: "l4-distribution-shift",
    lesson: 4,
    section: "distribution-shift",
    prompt: "When people warn about “distribution shift” in benchmarking, what are they warning about?",
    options: [
      {
        text: "Scores creeping upward over the years as a benchmark grows old",
        feedback:
          "That is a benchmark ageing — often through contamination and tuning to the test. Distribution shift is about the gap between test inputs and the inputs of real use.",
      },
      {
        text: "A model's answers changing from one run to the next when decoding is sampled",
        feedback:
          "That is sampling variability, which greedy decoding or a fixed seed removes. Distribution shift remains even with perfectly repeatable runs.",
      },
      {
        text: "Moving a model from one cloud provider's hardware to another's",
        feedback:
          "Hardware changes the numbers little if at all. The shift that matters is in the data: the questions a model was scored on versus the inputs your users send.",
      },
      {
        text: "The gap between the inputs a model was scored on and those in production",
        feedback:
          "The test questions and the inputs your users send in production come from different populations — in vocabulary, length, format, ambiguity and domain — and how much a model loses between them cannot be read off its score.",
      },
    ],
    correct: 3,
  },
];

export const lessonQuizzes: readonly LessonQuiz[] = [
  { lesson: 1, title: lessonTitles[1], questions: lesson1 },
  { lesson: 2, title: lessonTitles[2], questions: lesson2 },
  { lesson: 3, title: lessonTitles[3], questions: lesson3 },
  { lesson: 4, title: lessonTitles[4], questions: lesson4 },
];

/** The quiz for a lesson, or undefined for a lesson that does not exist. */
export function lessonQuiz(lesson: number): LessonQuiz | undefined {
  return lessonQuizzes.find((q) => q.lesson === lesson);
}

// ---- Module test ------------------------------------------------------------------------

const testQuestions: QuizQuestion[] = [
  {
    id: "t01-five-choices",
    lesson: 1,
    section: "five-choices-behind-every-score",
    prompt:
      "A lab publishes a benchmark score. Which set of five decisions most directly determines the number it reports?",
    options: [
      {
        text: "Parameter count, training data, context length, licence and release date",
        feedback:
          "These describe the model, not the evaluation. The same model can score very differently under different evaluation choices: LLaMA-65B got 63.7 and 48.8 on MMLU from two implementations.",
      },
      {
        text: "Task set, prompt and shots, decoding, answer extraction and averaging",
        feedback:
          "The task set, the prompting format, the decoding strategy, the answer-extraction rule and the aggregation: each can move the same model's score by points without any change to its weights.",
      },
      {
        text: "Task set, the evaluator's GPU model, batch size, random seed and tokenizer",
        feedback:
          "The task set is one of the five, but the GPU, the batch size and the seed matter little under greedy decoding. The other four are the prompting format, the decoding strategy, the answer extraction and the aggregation.",
      },
      {
        text: "Benchmark name, metric, leaderboard, model size and shot count",
        feedback:
          "These mix the parts of a score line with a property of the model. The choices that produce the number are the task set, prompting format, decoding, answer extraction and aggregation.",
      },
    ],
    correct: 1,
  },
  {
    id: "t02-three-implementations",
    lesson: 1,
    section: "when-only-the-regex-changes",
    prompt:
      "How did Hugging Face show, in June 2023, that an MMLU score can move by many points with no change to the model?",
    options: [
      {
        text: "It re-ran LLaMA-65B under several random seeds and reported how far scores spread",
        feedback:
          "Seeds were not the lever. It ran the same weights on the same questions through three versions of MMLU's scoring code — HELM, the original code and EleutherAI's harness — which obtain and score the answer differently.",
      },
      {
        text: "It removed the MMLU questions that can be found online and scored LLaMA-65B again",
        feedback:
          "That would be a contamination study (clean versus dirty questions), a different kind of evidence. Hugging Face kept the questions fixed and changed only the evaluation code: 63.7, 63.6 and 48.8.",
      },
      {
        text: "It scored LLaMA-65B with 0, 5 and 25 worked examples in the prompt",
        feedback:
          "All three runs were 5-shot. What changed was the implementation, above all how it obtained and scored the answer — and that moved the score by 14.9 points.",
      },
      {
        text: "It ran LLaMA-65B through three MMLU implementations that read answers differently",
        feedback:
          "Three implementations, same weights, same questions: HELM (the model writes the letter) gave 63.7, the original code (probabilities of A–D) 63.6, and EleutherAI's January 2023 harness (likelihood of each full answer text) 48.8 — 14.9 points apart.",
      },
    ],
    correct: 3,
  },
  {
    id: "t03-open-llm-leaderboard",
    lesson: 1,
    section: "five-choices-behind-every-score",
    prompt: "What was Hugging Face's Open LLM Leaderboard mainly built to do?",
    options: [
      {
        text: "Detect models trained on the test questions and drop them from the ranking",
        feedback:
          "Catching contamination was not its purpose: contaminated models could still post inflated scores there, and some were flagged only later. Its purpose was comparability.",
      },
      {
        text: "Run every model with the same code, settings and data, so scores compare",
        feedback:
          "One evaluation recipe for every model means a gap between two rows reflects the models, not two setups — as long as both rows come from the same version of the recipe: the board changed its MMLU implementation in mid-2023.",
      },
      {
        text: "Rank models by people's votes between two anonymous answers",
        feedback:
          "That is Chatbot Arena, the other family of leaderboard. The Open LLM Leaderboard runs fixed test sets with standard evaluation code.",
      },
      {
        text: "Collect each lab's self-reported scores on one page for easy lookup",
        feedback:
          "A board of self-reports would mix every lab's setup. The Open LLM Leaderboard re-ran the models itself, with one recipe for all.",
      },
    ],
    correct: 1,
  },
  {
    id: "t04-arena-elo",
    lesson: 2,
    section: "two-families-of-leaderboards",
    prompt: "What does a model's Elo rating on Chatbot Arena actually capture?",
    options: [
      {
        text: "Factual accuracy, checked against a reference answer for each prompt",
        feedback:
          "The Arena has no reference answers. Its rating records which of two answers people preferred, whether or not that answer was correct.",
      },
      {
        text: "The share of its tasks a model completes once it is deployed in production",
        feedback:
          "No production traffic goes into the rating: it comes from votes on prompts people type into the Arena, one pair of answers at a time.",
      },
      {
        text: "Human preference in head-to-head votes, swayed by style too",
        feedback:
          "The rating records which answer people preferred, and preference responds to length, a confident tone and formatting as well as correctness. Since 29 August 2024 the Arena also publishes a ranking with style controlled for.",
      },
      {
        text: "The probability that the model answers an MMLU question correctly",
        feedback:
          "Elo differences translate into the odds of being preferred over another model in the Arena (400 points means 10 to 1), not into accuracy on any benchmark.",
      },
    ],
    correct: 2,
  },
  {
    id: "t05-goodhart",
    lesson: 2,
    section: "goodharts-law-in-action-2023-2024",
    prompt: "Labs start training explicitly for a benchmark. According to Goodhart's law, what follows?",
    options: [
      {
        text: "It grows more reliable, because the models train on exactly what it tests",
        feedback:
          "Training on what a test checks lifts the test score, not necessarily the ability. The benchmark's value as a measure falls; it does not rise.",
      },
      {
        text: "Scores rise while the capability behind them may not: the signal weakens",
        feedback:
          "A measure that becomes a target stops measuring well: the score can be pushed up without the general capability improving, and then it says less about that capability.",
      },
      {
        text: "Scores fall, because the models overfit the benchmark's answer format",
        feedback:
          "Overfitting to a benchmark pushes its score up, not down; the cost shows on other tasks. Goodhart's law is about a rising score that means less.",
      },
      {
        text: "Only models that saw the actual test questions during training are affected",
        feedback:
          "Leaked questions are one route; tuning on similar data and formats is another, and needs no leak. Both lift the score more than the ability behind it.",
      },
    ],
    correct: 1,
  },
  {
    id: "t06-contamination-size",
    lesson: 2,
    section: "the-contamination-problem",
    prompt:
      "GSM1k and MMLU-CF set public benchmarks beside fresh questions the models cannot have seen. What do such comparisons show about contamination?",
    options: [
      {
        text: "Its effect is under a tenth of a point, smaller than sampling noise",
        feedback:
          "The measured gaps are much larger: against GSM1k the median model scored 1.7 points higher on GSM8K, some up to 8.0; on MMLU-CF the median drop was 13.1 points (partly from harder questions).",
      },
      {
        text: "It can lift scores by several points, by different amounts per model",
        feedback:
          "On GSM8K against GSM1k the gaps ran from −3.8 to 8.0 points across 63 models (median 1.7); MMLU-CF's drops were larger still, though they also reflect harder questions. Gaps of several points that differ per model are enough to reorder a leaderboard.",
      },
      {
        text: "It adds the same amount to every model, so rankings survive intact",
        feedback:
          "The gaps varied widely from model to model (−3.8 to 8.0 points on GSM1k), so contamination can reorder close models instead of shifting them all together.",
      },
      {
        text: "The gap on the fresh test is exactly what contamination added",
        feedback:
          "A fresh test also differs in difficulty. MMLU-CF's median drop of 13.1 points mixes contamination with harder questions, so the gap is a clue, not an exact measure.",
      },
    ],
    correct: 1,
  },
  {
    id: "t07-mmlu-interval",
    lesson: 3,
    section: "confidence-intervals-and-effect-size",
    prompt: "At 80% accuracy on MMLU's 14,042 questions, the approximate 95% confidence interval is:",
    options: [
      {
        text: "±0.066 percentage points",
        feedback:
          "Ten times too narrow, a slipped decimal: 1.96 × √(0.8 × 0.2 / 14,042) is 0.0066 as a proportion, which is ±0.66 percentage points.",
      },
      {
        text: "±0.66 percentage points",
        feedback:
          "1.96 × √(0.8 × 0.2 / 14,042) ≈ 0.0066, so about ±0.66 points: MMLU's size makes its intervals tight. The difference of two independent scores is √2 times as uncertain (about ±0.94 at 80%).",
      },
      {
        text: "±2.15 percentage points",
        feedback:
          "±2.15 is GSM8K's interval at 80%: GSM8K has 1,319 problems, not 14,042. More questions, narrower interval.",
      },
      {
        text: "±6.6 percentage points",
        feedback:
          "Ten times too wide — close to HumanEval's ±6.1 at 80% on its 164 problems. MMLU's 14,042 questions give about ±0.66.",
      },
    ],
    correct: 1,
  },
  {
    id: "t08-gpt4-claude2",
    lesson: 3,
    section: "two-tables-one-column-name",
    prompt:
      "Why is it a problem to set the self-reported MMLU scores in GPT-4's and Claude 2's technical reports side by side?",
    options: [
      {
        text: "MMLU was retired for models released after 2022, so neither score counts",
        feedback:
          "MMLU was still widely reported in 2023 and after. Both numbers are real MMLU scores; what differs is how they were produced.",
      },
      {
        text: "Claude 2 was scored on a newer MMLU with harder, rewritten questions",
        feedback:
          "Both used the same MMLU. The difference is the prompting: Claude 2's 78.5 came from chain-of-thought prompting, GPT-4's 86.4 from plain 5-shot.",
      },
      {
        text: "GPT-4's 86.4 came from chain-of-thought prompting; Claude 2's 78.5 did not",
        feedback:
          "The reverse of the record, though often repeated: GPT-4's Table 2 gives MMLU 86.4, 5-shot, with no chain of thought (its one chain-of-thought footnote is on GSM-8K). Claude 2's 78.5 was 5-shot with chain of thought.",
      },
      {
        text: "Both are 5-shot, but only Claude 2's 78.5 used chain-of-thought prompting",
        feedback:
          "Same benchmark, same shot count, two pipelines: only Claude 2's number came from chain-of-thought prompting. Setting the raw numbers side by side mixes a difference in method into a difference in capability.",
      },
    ],
    correct: 3,
  },
  {
    id: "t09-mistral",
    lesson: 3,
    section: "the-scaling-confound",
    prompt: "Mistral's 2023 report compared models on “performance per parameter”. Why choose that framing?",
    options: [
      {
        text: "Per-parameter numbers always flatter a model more than its raw scores do",
        feedback:
          "They flatter small models and penalise big ones. The reason to use them is fairness between sizes, not flattery.",
      },
      {
        text: "Its model was far smaller than rivals, and raw scores mix in scale",
        feedback:
          "A 7B model set against 13B to 70B ones loses on raw scores partly because of scale. Per parameter, efficiency becomes the thing compared.",
      },
      {
        text: "Larger models could not be run on the same benchmarks as a 7B model",
        feedback:
          "The same benchmarks run on any size of model; the Mixtral paper ran 7B and 70B models through one pipeline. The issue is a fair comparison, not feasibility.",
      },
      {
        text: "The Open LLM Leaderboard asked submitters to report results that way",
        feedback:
          "The leaderboard ranks raw scores, large and small models together — the very practice the per-parameter framing pushes back on.",
      },
    ],
    correct: 1,
  },
  {
    id: "t10-humaneval-threshold",
    lesson: 3,
    section: "confidence-intervals-and-effect-size",
    prompt:
      "HumanEval's test set has 164 problems. Below roughly what gap are differences between two models' scores likely to be statistical noise?",
    options: [
      {
        text: "Roughly 1 percentage point",
        feedback:
          "1 point is less than two problems out of 164 (each is worth 0.61 points). Chance moves a score by far more: about ±6.1 points at 80%.",
      },
      {
        text: "Roughly 3 percentage points",
        feedback:
          "3 points is five problems — still inside one score's noise of about ±6.1 points, let alone the noise of a difference (about ±8.7).",
      },
      {
        text: "Roughly 10 percentage points",
        feedback:
          "Each score's 95% interval is about ±6.1 points at 80%, and the difference of two independent scores about ±8.7 — so gaps under roughly 10 points are weak evidence.",
      },
      {
        text: "Roughly 25 percentage points",
        feedback:
          "25 points is far past the noise: the difference of two scores carries about ±8.7 points at 80%, so a gap that size is real. The line sits nearer 10.",
      },
    ],
    correct: 2,
  },
  {
    id: "t11-distribution-shift",
    lesson: 4,
    section: "distribution-shift",
    prompt: "Distribution shift makes benchmark scores poor predictors of production performance because:",
    options: [
      {
        text: "Real inputs differ from the evaluation set in wording, length and format",
        feedback:
          "The evaluation set and the production inputs come from different distributions, and how much a model loses on the second cannot be read off its score on the first.",
      },
      {
        text: "Models gradually forget what they learned once they have been deployed",
        feedback:
          "A deployed model's weights do not change unless someone updates them. What changes is the input: your users' requests differ from the test questions.",
      },
      {
        text: "Benchmarks have too few questions to measure anything precisely",
        feedback:
          "Size sets the noise, and MMLU's 14,042 questions keep it small. A precise score on the wrong inputs still misleads: the problem is what is measured, not how precisely.",
      },
      {
        text: "Leaderboards refresh their rankings too slowly to keep up with new models",
        feedback:
          "Freshness is a different problem. Even an up-to-date score measures the benchmark's inputs, not yours.",
      },
    ],
    correct: 0,
  },
  {
    id: "t12-medpalm",
    lesson: 4,
    section: "a-score-answers-the-benchmarks-question",
    prompt:
      "Med-PaLM 2 scored at expert level on USMLE-style questions. Which limit of reading benchmark results as production expectations did the case expose?",
    options: [
      {
        text: "Medical benchmarks have too few questions for their scores to be trusted",
        feedback:
          "Size was not the problem: the exam score was precise enough. The trouble is that the exam's format is unlike the questions asked in practice.",
      },
      {
        text: "Its USMLE scores were inflated by exam questions leaked into training",
        feedback:
          "Leakage was not the lesson drawn. Even a clean expert-level exam score would not show how the model handles open-ended questions that depend on a patient's context.",
      },
      {
        text: "Multiple-choice success does not predict open-ended clinical queries",
        feedback:
          "A structured multiple-choice exam is a long way from a clinical conversation: distribution shift, in a field where mistakes are costly.",
      },
      {
        text: "Med-PaLM 2 still scored below the average human doctor on the exam",
        feedback:
          "The result was at expert level. The case is about what that number does not cover, not about falling short on it.",
      },
    ],
    correct: 2,
  },
  {
    id: "t13-stage-two",
    lesson: 4,
    section: "a-bridge-in-three-stages",
    prompt: "What is the job of stage 2 — the task-specific evaluation — in the three-stage plan?",
    options: [
      {
        text: "Filtering the whole field of models cheaply by leaderboard position",
        feedback:
          "That is stage 1. Stage 2 takes the shortlist that filtering leaves and tests it on your own kind of inputs.",
      },
      {
        text: "Testing the shortlist on 100+ examples like your production inputs",
        feedback:
          "Testing the shortlist on your own kind of inputs is the best predictor of production performance for its cost. Bear in mind that 100 examples only separate clearly different models: at 80% accuracy each score carries about ±7.8 points.",
      },
      {
        text: "Trying the candidates with real users on a share of live traffic",
        feedback:
          "That is stage 3, the pilot — the most expensive stage, for the one or two models stage 2 picks.",
      },
      {
        text: "Reproducing each published leaderboard score exactly before going on",
        feedback:
          "Reproducing a leaderboard score checks the leaderboard, not your task. Stage 2 measures the candidates on inputs like yours.",
      },
    ],
    correct: 1,
  },
  {
    id: "t14-best-covered",
    lesson: 4,
    section: "what-benchmarks-measure-poorly",
    prompt: "As of 2024, which of these capabilities did the established standardised benchmarks cover BEST?",
    options: [
      {
        text: "Staying coherent across documents of 50,000 tokens or more",
        feedback:
          "Long context is a known gap; RULER and LongBench were built to start closing it, and both are recent (2023–2024).",
      },
      {
        text: "Calibration, and robustness against adversarial prompts",
        feedback:
          "Both are among the weakest-covered: accuracy benchmarks ignore how sure a model is, and their questions are written in good faith. (TruthfulQA tests whether answers avoid imitative falsehoods, which is not calibration.)",
      },
      {
        text: "Calling tools and APIs reliably, and handling their errors",
        feedback: "Tool use is one of the gaps: a multiple-choice exam has no tools in it to call.",
      },
      {
        text: "Knowledge recall, grade-school arithmetic and short code",
        feedback:
          "MMLU for recall, GSM8K for arithmetic and HumanEval for short code are long-established tests; the other options name gaps that newer benchmark families have only begun to close.",
      },
    ],
    correct: 3,
  },
  {
    id: "t15-core-principle",
    lesson: 4,
    section: "a-bridge-in-three-stages",
    prompt:
      "Which line best sums up how a practitioner should turn benchmark scores into expectations for production?",
    options: [
      {
        text: "Deploy the top model on the leaderboard, then monitor it",
        feedback:
          "A leaderboard rank is a hypothesis about your task, not a test of it; monitoring after deployment finds a wrong choice only once users meet it.",
      },
      {
        text: "Ignore benchmarks: only a production pilot says anything useful",
        feedback:
          "Pilots are expensive; benchmarks are a cheap way to decide which few models deserve one. Dropping them wastes the first stage.",
      },
      {
        text: "Benchmarks filter, a task evaluation selects, a pilot validates",
        feedback:
          "The whole module in one line. A benchmark shows a model could have the skills, testing on your task shows which one does, and the pilot validates it with real users.",
      },
      {
        text: "Average every available benchmark and deploy the top model",
        feedback:
          "An average of benchmarks is still a benchmark: it blends tasks unlike yours and skips testing on your own inputs.",
      },
    ],
    correct: 2,
  },
];

export const moduleTest: ModuleTest = {
  title: "Reading Benchmark Scores — module test",
  passMark: 0.8,
  questions: testQuestions,
};
