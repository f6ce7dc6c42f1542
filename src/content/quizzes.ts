// The question banks: four lesson quizzes (4 questions each) and the module test (15 questions).
// Data, not markup: the quiz and test pages render these; the unit test checks every entry.
//
// Every question has exactly four options and one correct answer — the one the course's
// feedback names. The three wrong options are misconceptions a learner could really hold.
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
    "the-distribution-shift-problem": "The distribution-shift problem",
    "a-multiple-choice-exam-is-not-your-production-task":
      "A multiple-choice exam is not your production task",
    "what-benchmarks-measure-poorly": "What benchmarks measure poorly",
    "building-a-bridge-three-stages": "Building a bridge: three stages",
  },
} as const satisfies Record<LessonNumber, Record<string, string>>;

export type SectionId<L extends LessonNumber> = keyof (typeof lessonSections)[L] & string;

export const lessonTitles: Record<LessonNumber, string> = {
  1: "What a number actually means",
  2: "Leaderboards and their distortions",
  3: "Comparing scores across models",
  4: "Translating scores to real-world expectations",
};

interface QuestionOf<L extends LessonNumber> {
  /** Unique across all banks, stable (progress and links may refer to it). */
  id: string;
  prompt: string;
  options: readonly [string, string, string, string];
  /** Index into `options` of the one right answer. */
  correct: 0 | 1 | 2 | 3;
  feedback: { correct: string; incorrect: string };
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
      "EleutherAI re-scored LLaMA-1 65B on MMLU and changed nothing but the regular expression that pulls the chosen letter out of the model's reply. How far did the reported score move?",
    options: [
      "Less than 0.3 percentage points — a rounding difference",
      "Up to 3.2 percentage points",
      "Around 15 percentage points",
      "Not at all: the same weights on the same questions always give the same score",
    ],
    correct: 1,
    feedback: {
      correct:
        "Right: up to 3.2 percentage points. The weights, the questions and the prompts were all unchanged — only the post-processing of the answers moved the number.",
      incorrect:
        "The score moved by up to 3.2 percentage points. Accepting a capital letter anywhere in the reply, instead of only at its start, was enough: no weights and no data changed.",
    },
  },
  {
    id: "l1-five-choices",
    lesson: 1,
    section: "five-choices-behind-every-score",
    prompt:
      "Whoever runs an evaluation makes five choices that decide the score it publishes. Which of these is NOT one of them?",
    options: [
      "How many worked examples are shown before each question",
      "Whether the model's output is decoded greedily or sampled",
      "Whether subtopic scores are averaged per question or per subtopic",
      "Where the servers that ran the evaluation are located",
    ],
    correct: 3,
    feedback: {
      correct:
        "Right. Server location plays no part in computing a score. The five choices are the task set, the prompting format, the decoding strategy, the answer-extraction rule and the aggregation method.",
      incorrect:
        "That one is among the five choices. Server location is the odd one out — it has no effect on a score. The five are the task set, the prompting format, the decoding strategy, the answer-extraction rule and the aggregation method.",
    },
  },
  {
    id: "l1-standardise",
    lesson: 1,
    section: "five-choices-behind-every-score",
    prompt:
      "When Hugging Face launched the Open LLM Leaderboard in 2023, it fixed all five evaluation choices for every model. Why?",
    options: [
      "Fixed settings make every model score higher than the labs' own setups",
      "So that a gap between two models' scores reflects the models, not two different evaluation setups",
      "Standard settings keep models trained on the test questions from scoring well",
      "Fixed settings make each evaluation run faster and cheaper",
    ],
    correct: 1,
    feedback: {
      correct:
        "Right. With the same prompting, decoding, extraction and averaging for everyone, a gap between scores can be read as a difference between models rather than between setups.",
      incorrect:
        "The aim was comparability: when each lab picks its own prompting, decoding and extraction, nobody can tell whether a gap comes from the models or from the setups. (Standardising does not stop contamination — it still inflates scores on that leaderboard.)",
    },
  },
  {
    id: "l1-score-vs-rank",
    lesson: 1,
    section: "score-versus-rank",
    prompt: "Model A scores 88% on MMLU and model B scores 85%. What is the most defensible conclusion?",
    options: [
      "A is clearly more capable: three points is a wide margin on any benchmark",
      "Nothing yet: first check whether the gap is statistically significant and whether it repeats on other benchmarks",
      "The two are equivalent, because MMLU scores within five points of each other are always ties",
      "A knows more facts, while B reasons better",
    ],
    correct: 1,
    feedback: {
      correct:
        "Right. One gap on one benchmark settles little. On the full 14,042-question MMLU, 3 points is well beyond sampling noise (the standard error of the difference is about 0.4 points) — but a change of extraction rule alone moved MMLU by 3.2 points, and on a subset or a smaller benchmark the same gap can be noise. Check significance and whether the gap repeats on other benchmarks before calling a winner.",
      incorrect:
        "A three-point gap on a single benchmark is not yet evidence of a capability difference. On the full MMLU it is larger than sampling noise, but a different setup alone can shift MMLU by that much, and on smaller test sets it can be noise. Check significance, check that both scores came from the same setup, and look for the same gap on other benchmarks.",
    },
  },
];

// ---- Lesson 2 — Leaderboards and their distortions -------------------------------------

const lesson2: QuizQuestion[] = [
  {
    id: "l2-arena-elo",
    lesson: 2,
    section: "two-families-of-leaderboards",
    prompt: "What does the LMSYS Chatbot Arena rank models by?",
    options: [
      "Accuracy on a fixed, curated test set, re-run for every model",
      "A judge model's grade of each answer against a reference answer",
      "An Elo rating computed from human votes between two anonymous answers",
      "The average of each model's MMLU, GSM8K and HumanEval scores",
    ],
    correct: 2,
    feedback: {
      correct:
        "Right. Arena's Elo rating is built from people voting between two answers: it records which answer they liked better, and liking an answer is not the same as its being correct.",
      incorrect:
        "Arena ranks models by an Elo rating built from pairwise human preference votes — not by accuracy on a test set. Preference and accuracy can part ways, which is why the distinction matters.",
    },
  },
  {
    id: "l2-contamination-size",
    lesson: 2,
    section: "the-contamination-problem",
    prompt:
      "In 2024 the Allen Institute for AI estimated how much contamination had inflated the MMLU scores of affected models. About how much?",
    options: [
      "Under half a percentage point — detectable but negligible",
      "About 2 to 7 percentage points",
      "About 15 to 20 percentage points",
      "Nothing: overlap with the test set was found, but the scores were unaffected",
    ],
    correct: 1,
    feedback: {
      correct:
        "Right: 2 to 7 percentage points by the estimate, with the size varying by model and by subject — more than enough to swap two models that would otherwise sit close together.",
      incorrect:
        "The estimate was 2 to 7 percentage points, varying with the model and the subject area. That is larger than many gaps between neighbours on a leaderboard, so it can reorder them.",
    },
  },
  {
    id: "l2-goodhart",
    lesson: 2,
    section: "goodharts-law-in-action-2023-2024",
    prompt:
      "By Goodhart's law, what happens once a benchmark score becomes something labs explicitly optimise for?",
    options: [
      "The benchmark gets better as a measure, because labs work hardest on what it tests",
      "Scores can keep rising while saying less and less about the capability they were meant to measure",
      "Scores stop rising, because the benchmark is quickly saturated",
      "Nothing changes, as long as the test questions stay secret",
    ],
    correct: 1,
    feedback: {
      correct:
        "Right. In Goodhart's words, “when a measure becomes a target, it ceases to be a good measure”: a model tuned for the benchmark can score highly without the underlying capability carrying over to new tasks.",
      incorrect:
        "Goodhart's law predicts the opposite of an improvement: a score that labs aim at tells you less and less about the capability behind it, and high marks won by aiming at it may not carry over to new tasks.",
    },
  },
  {
    id: "l2-category-rank",
    lesson: 2,
    section: "reading-past-the-rank",
    prompt:
      "On the Open LLM Leaderboard a model places 3rd overall, yet it tops the medical question-answering category. You are choosing a model for a healthcare application. How should you treat this one?",
    options: [
      "Ruled out — a careful team always picks the overall number 1",
      "No better than the others, because category scores are too noisy to use",
      "Worth considering only if it also leads Chatbot Arena",
      "A strong candidate: the medical category says more about this use than the overall rank does",
    ],
    correct: 3,
    feedback: {
      correct:
        "Right. The medical category, the one closest to your task, predicts production performance better than the aggregate rank. Read the per-category breakdown — then confirm on your own data.",
      incorrect:
        "For a domain application, the matching category score is far more informative than the overall position. Leading medical question answering makes this model a strong candidate for the shortlist.",
    },
  },
];

// ---- Lesson 3 — Comparing scores across models -----------------------------------------

const lesson3: QuizQuestion[] = [
  {
    id: "l3-gpt4-claude2",
    lesson: 3,
    section: "two-tables-one-column-name",
    prompt:
      "GPT-4's and Claude 2's technical reports both give an MMLU score. What is the main problem with putting the two numbers side by side?",
    options: [
      "They come from different prompting setups — standard 5-shot for GPT-4, chain-of-thought variants for Claude 2",
      "MMLU was replaced by a harder version between the two releases",
      "Claude 2's score was measured by a third party, GPT-4's by OpenAI itself",
      "There is no problem: both used MMLU, so the scores are directly comparable",
    ],
    correct: 0,
    feedback: {
      correct:
        "Right. Both reports say “MMLU”, but the pipelines behind the numbers differ: standard 5-shot prompting in GPT-4's report against chain-of-thought variants in Claude 2's. The gap mixes method with capability.",
      incorrect:
        "The core problem is the prompting: standard 5-shot for GPT-4, chain-of-thought variants for Claude 2. Both reports say “MMLU”, yet the numbers come from incomparable pipelines.",
    },
  },
  {
    id: "l3-mistral-per-parameter",
    lesson: 3,
    section: "the-scaling-confound",
    prompt: "What set the 2023 Mistral 7B paper apart in how it presented its benchmark results?",
    options: [
      "Its position on the Chatbot Arena leaderboard",
      "Raw scores set against the largest models available",
      "Performance per parameter",
      "Cost per million generated tokens",
    ],
    correct: 2,
    feedback: {
      correct:
        "Right: performance per parameter. When a 7B model stands next to 70B ones, that framing separates efficiency from sheer scale.",
      incorrect:
        "The paper presented its numbers as performance per parameter. Setting raw scores against far larger models mixes up capability and size; dividing by the parameter count compares like with like.",
    },
  },
  {
    id: "l3-humaneval-noise",
    lesson: 3,
    section: "confidence-intervals-and-effect-size",
    prompt:
      "HumanEval has only 164 problems. What does that mean for a difference between two models' scores?",
    options: [
      "Each problem is worth about 0.6 points, so any gap of one problem or more is real",
      "Small test sets give biased scores, so HumanEval numbers are systematically too high",
      "Nothing in particular: pass@1 already corrects for the number of problems",
      "The 95% interval is about ±6 points, so gaps under about 10 points may be noise",
    ],
    correct: 3,
    feedback: {
      correct:
        "Right. At typical pass rates the 95% interval on 164 problems is roughly ±6 percentage points, so gaps below about 10 points are not reliable evidence of a difference.",
      incorrect:
        "Few problems mean wide intervals: about ±6 percentage points at 95% on HumanEval's 164 problems. Differences below roughly 10 points often sit inside that noise.",
    },
  },
  {
    id: "l3-protocol",
    lesson: 3,
    section: "a-protocol-for-comparing-two-models",
    prompt:
      "You must compare two models using the scores in their own technical reports. Which approach is the most defensible?",
    options: [
      "Take the higher number: labs report their best honest result",
      "Average each model's scores over all the benchmarks it reports and compare the averages",
      "Check for the same evaluator and shot count, whether the gap exceeds the confidence intervals, consistency across at least three benchmarks, and a third-party reproduction",
      "Trust the report that lists the most benchmarks",
    ],
    correct: 2,
    feedback: {
      correct:
        "Right — that is the five-step protocol: same evaluator, matching shot count, a gap larger than the intervals, consistency across at least three benchmarks, and a third-party reproduction. Without all five, the comparison is indicative, not definitive.",
      incorrect:
        "The defensible approach runs the five checks: same evaluator, matching shot count, a gap larger than the confidence intervals, consistency across at least three benchmarks, and a third-party reproduction. Shortcuts risk reading a methodological artefact as a capability difference.",
    },
  },
];

// ---- Lesson 4 — Translating scores to real-world expectations ---------------------------

const lesson4: QuizQuestion[] = [
  {
    id: "l4-medpalm",
    lesson: 4,
    section: "a-multiple-choice-exam-is-not-your-production-task",
    prompt:
      "Google's Med-PaLM 2 reached expert-level scores on USMLE exam questions in 2023. What did clinicians say the result mainly showed?",
    options: [
      "That the model could now be trusted to answer patients' questions on its own",
      "That the USMLE questions had leaked into its training data",
      "Strong medical knowledge — but multiple-choice exam questions are unlike open-ended clinical queries, so clinical usefulness needed its own evaluation",
      "That the USMLE is too easy to say anything about medical knowledge",
    ],
    correct: 2,
    feedback: {
      correct:
        "Right. A structured multiple-choice exam shows encoded knowledge, but clinical questions are open-ended and rich in context; clinical utility had to be tested on realistic vignettes.",
      incorrect:
        "The exam result showed strong medical knowledge, not clinical usefulness: clinical questions are open-ended and rich in context, unlike the structured multiple-choice format. That needed a separate, task-specific evaluation.",
    },
  },
  {
    id: "l4-poorest",
    lesson: 4,
    section: "what-benchmarks-measure-poorly",
    prompt: "Which capabilities are today's standardised benchmarks POOREST at measuring?",
    options: [
      "Recall of facts from academic subjects",
      "Long-context coherence, calibration and robustness to adversarial prompts",
      "Solving grade-school arithmetic word problems",
      "Writing a short function from its docstring",
    ],
    correct: 1,
    feedback: {
      correct:
        "Right. Long-context coherence, calibration and adversarial robustness are gaps of exactly this kind — and they are why a high benchmark score can say little about a complex deployment.",
      incorrect:
        "Recalling academic knowledge (MMLU), grade-school arithmetic (GSM8K) and writing short code (HumanEval) are things standard benchmarks handle reasonably well. Where they fall short is keeping long contexts coherent, calibration and holding up against adversarial prompts.",
    },
  },
  {
    id: "l4-leaderboard-role",
    lesson: 4,
    section: "building-a-bridge-three-stages",
    prompt: "Which job does the leaderboard score do in the three-stage evaluation plan?",
    options: [
      "A cheap first filter that narrows the field before task-specific evaluation and a pilot",
      "The final decision: the top-ranked model is the one to deploy",
      "A substitute for the production pilot when time is short",
      "A tie-breaker, consulted only after the pilot",
    ],
    correct: 0,
    feedback: {
      correct:
        "Right. The leaderboard narrows the field at low cost; task-specific evaluation (stage 2) and a production pilot (stage 3) make the deployment decision.",
      incorrect:
        "In the three stages, the leaderboard is a filter: it narrows the candidates cheaply. Neither the task-specific evaluation nor the pilot can be skipped on the strength of it.",
    },
  },
  {
    id: "l4-distribution-shift",
    lesson: 4,
    section: "the-distribution-shift-problem",
    prompt: "When people warn about “distribution shift” in benchmarking, what are they warning about?",
    options: [
      "Scores drifting upward over the years as a benchmark ages",
      "A model's answers changing from run to run because decoding is sampled",
      "Moving a model from one cloud provider's hardware to another's",
      "The mismatch between the data a model was evaluated on and the inputs it meets in production",
    ],
    correct: 3,
    feedback: {
      correct:
        "Right. The questions a model was scored on and the inputs it gets in production are drawn from different populations — which is, at root, why a benchmark result so often misjudges how a model will do in production.",
      incorrect:
        "Distribution shift is the mismatch between the evaluation data and the inputs a model meets in production. Because of it, a benchmark score can be accurate and still be a poor guide to how the model will do once deployed.",
    },
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
      "Parameter count, training data, context length, licence and release date",
      "Task set, prompting format, decoding strategy, answer-extraction rule and aggregation method",
      "Task set, the evaluator's hardware, batch size, random seed and tokenizer",
      "Benchmark name, metric, leaderboard, model size and shot count",
    ],
    correct: 1,
    feedback: {
      correct:
        "Right. Task set, prompting format, decoding strategy, answer-extraction rule and aggregation method: each can move the score of the same model by several points with no change to its weights.",
      incorrect:
        "The five are the task set, the prompting format, the decoding strategy, the answer-extraction rule and the aggregation method — choices about the evaluation, not properties of the model.",
    },
  },
  {
    id: "t02-eleuther-technique",
    lesson: 1,
    section: "when-only-the-regex-changes",
    prompt: "How did EleutherAI show that a score can move without any change to the model's weights?",
    options: [
      "They re-ran the model with a different random seed",
      "They switched from 5-shot to 0-shot prompting",
      "They removed contaminated questions from MMLU",
      "They changed only the regular expression that extracts the chosen answer from the model's output",
    ],
    correct: 3,
    feedback: {
      correct:
        "Right. Changing only the answer-extraction regular expression moved LLaMA-1 65B's MMLU score by up to 3.2 percentage points.",
      incorrect:
        "They changed the answer-extraction regular expression — the rule that parses the model's text to decide which option it chose — and the score moved by up to 3.2 percentage points.",
    },
  },
  {
    id: "t03-open-llm-leaderboard",
    lesson: 1,
    section: "five-choices-behind-every-score",
    prompt: "What was Hugging Face's Open LLM Leaderboard mainly built to do?",
    options: [
      "Detect contaminated models and remove them from the ranking",
      "Run every model through the same code, settings and data, so that the scores can be compared",
      "Rank models by human preference votes",
      "Publish each lab's self-reported scores in one place",
    ],
    correct: 1,
    feedback: {
      correct:
        "Right. Standardisation is its whole point: every model goes through the same code with the same settings on the same questions.",
      incorrect:
        "The leaderboard fixes all five evaluation choices for every model it runs, so that a difference in score reflects the models rather than differences in method.",
    },
  },
  {
    id: "t04-arena-elo",
    lesson: 2,
    section: "two-families-of-leaderboards",
    prompt: "What does a model's Elo rating on Chatbot Arena actually capture?",
    options: [
      "Factual accuracy, checked against reference answers",
      "The share of tasks a model completes in production",
      "Human preference in head-to-head comparisons — swayed by length, confidence and style as well as accuracy",
      "The probability that the model answers an MMLU question correctly",
    ],
    correct: 2,
    feedback: {
      correct:
        "Right. The rating records which answer people preferred, and people's preferences respond to length, a confident tone, formatting and style as well as to correctness.",
      incorrect:
        "The rating is built from which of two answers people preferred, one matchup at a time. What people prefer depends on much besides accuracy, including answer length, confidence and presentation.",
    },
  },
  {
    id: "t05-goodhart",
    lesson: 2,
    section: "goodharts-law-in-action-2023-2024",
    prompt: "Labs start training explicitly for a benchmark. According to Goodhart's law, what follows?",
    options: [
      "It becomes a more reliable measure, because models are trained on exactly what it tests",
      "Scores can rise without the underlying capability improving, so the benchmark loses value as a signal",
      "Scores fall, because models overfit the benchmark's format",
      "Only models that saw the test questions are affected",
    ],
    correct: 1,
    feedback: {
      correct:
        "Right. A model can be pushed to a high score without its general capability improving — and then the score no longer tells you much about that capability.",
      incorrect:
        "Aiming at a measure spoils it as a measure: optimising for the benchmark inflates the score without necessarily improving the capability behind it.",
    },
  },
  {
    id: "t06-contamination-size",
    lesson: 2,
    section: "the-contamination-problem",
    prompt:
      "The Allen Institute for AI's 2024 contamination analysis found the MMLU scores of affected models inflated by approximately:",
    options: [
      "Under 1 percentage point",
      "2 to 7 percentage points",
      "10 to 15 percentage points",
      "About 25 percentage points",
    ],
    correct: 1,
    feedback: {
      correct:
        "Right: 2 to 7 percentage points — a wide enough margin to change the order of closely competing models.",
      incorrect:
        "The estimate was 2 to 7 percentage points of inflation, varying with the model and the MMLU subject.",
    },
  },
  {
    id: "t07-mmlu-interval",
    lesson: 3,
    section: "confidence-intervals-and-effect-size",
    prompt: "At 80% accuracy on MMLU's 14,042 questions, the approximate 95% confidence interval is:",
    options: [
      "±0.066 percentage points",
      "±0.66 percentage points",
      "±2.15 percentage points",
      "±6.6 percentage points",
    ],
    correct: 1,
    feedback: {
      correct:
        "Right: about ±0.66 percentage points. MMLU's size makes its intervals tight. A difference between two independent scores is √2 times as uncertain (about ±0.94 points at 80%), and a paired comparison on the same questions is tighter still — the ~2-point rule of thumb leaves extra room for differences in setup.",
      incorrect:
        "With 14,042 questions the 95% interval at 80% accuracy is about ±0.66 percentage points: much narrower than GSM8K's or HumanEval's, but still wide enough to matter for small gaps.",
    },
  },
  {
    id: "t08-gpt4-claude2",
    lesson: 3,
    section: "two-tables-one-column-name",
    prompt:
      "Why is it a problem to compare the self-reported MMLU scores in GPT-4's and Claude 2's technical reports?",
    options: [
      "MMLU cannot be used on models released after 2022",
      "One report used a newer MMLU with harder questions",
      "Self-reported numbers are always inflated, so both are meaningless",
      "The scores came from different prompting pipelines — 5-shot for GPT-4, chain-of-thought variants for Claude 2",
    ],
    correct: 3,
    feedback: {
      correct:
        "Right. The benchmark's name matches but the pipelines do not, so setting the raw numbers side by side mistakes a difference in method for a difference in capability.",
      incorrect:
        "Both models were scored on MMLU, but with different prompting: standard 5-shot for GPT-4, chain-of-thought variants for Claude 2. Put side by side, the two numbers compare pipelines as much as models.",
    },
  },
  {
    id: "t09-mistral",
    lesson: 3,
    section: "the-scaling-confound",
    prompt: "Mistral's 2023 report compared models on “performance per parameter”. Why choose that framing?",
    options: [
      "Because per-parameter numbers always look better than raw scores",
      "Because its model was much smaller than those it was compared with, and raw scores confound capability with scale",
      "Because larger models cannot be run on the same benchmarks",
      "Because the Open LLM Leaderboard requires it",
    ],
    correct: 1,
    feedback: {
      correct:
        "Right. Set against far larger models, raw scores mix capability with scale; dividing by size makes efficiency the thing being compared.",
      incorrect:
        "The framing suits a model much smaller than its rivals: it tells real efficiency apart from the advantage a rival gets simply by having many times the parameters.",
    },
  },
  {
    id: "t10-humaneval-threshold",
    lesson: 3,
    section: "confidence-intervals-and-effect-size",
    prompt:
      "HumanEval's test set has 164 problems. Below roughly what gap are differences between two models' scores likely to be statistical noise?",
    options: [
      "About 1 percentage point",
      "About 3 percentage points",
      "About 10 percentage points",
      "About 25 percentage points",
    ],
    correct: 2,
    feedback: {
      correct:
        "Right: about 10 points. Each score's 95% interval is roughly ±6 percentage points, and the difference of two independent scores is about 1.4 times as uncertain (±8.7 points at 80%).",
      incorrect:
        "About 10 percentage points. With 164 problems each score's 95% interval is roughly ±6 percentage points at typical pass rates, and a difference between two such scores is more uncertain still.",
    },
  },
  {
    id: "t11-distribution-shift",
    lesson: 4,
    section: "the-distribution-shift-problem",
    prompt: "Distribution shift makes benchmark scores poor predictors of production performance because:",
    options: [
      "Production inputs differ from the evaluation set in vocabulary, length, format and domain",
      "Models gradually forget what they learned in training",
      "Benchmarks have too few questions to measure anything",
      "Leaderboards update their rankings too slowly",
    ],
    correct: 0,
    feedback: {
      correct:
        "Right. The evaluation set and the production inputs come from different distributions, and how much a model degrades on the second cannot be read off its score on the first.",
      incorrect:
        "Distribution shift means the production inputs differ from the evaluation set — in vocabulary, length, format, ambiguity and domain — so performance degrades in ways the benchmark score could not predict.",
    },
  },
  {
    id: "t12-medpalm",
    lesson: 4,
    section: "a-multiple-choice-exam-is-not-your-production-task",
    prompt:
      "Med-PaLM 2 scored at expert level on USMLE questions. Which limit of reading benchmark results as production expectations did the case expose?",
    options: [
      "Medical benchmarks have too few questions to be trusted",
      "Its USMLE scores were inflated by contamination",
      "Expert-level multiple-choice performance does not directly predict performance on open-ended, context-rich clinical queries",
      "Med-PaLM 2 still scored below the average human doctor",
    ],
    correct: 2,
    feedback: {
      correct:
        "Right. A structured multiple-choice exam is a long way from a real clinical conversation with a patient: distribution shift, in a field where mistakes are costly.",
      incorrect:
        "Even at expert level, multiple-choice performance does not directly predict how a model handles the open-ended, context-rich queries of clinical practice.",
    },
  },
  {
    id: "t13-stage-two",
    lesson: 4,
    section: "building-a-bridge-three-stages",
    prompt: "What is the job of stage 2 — the task-specific evaluation — in the three-stage plan?",
    options: [
      "Filtering the field cheaply by leaderboard rank",
      "Evaluating the shortlist on 100 or more examples like your production inputs — the best signal before deployment",
      "Testing with real users on live traffic",
      "Reproducing the leaderboard scores exactly",
    ],
    correct: 1,
    feedback: {
      correct:
        "Right. Evaluating the shortlist on examples drawn from your own task bridges the coarse leaderboard filter and the production pilot.",
      incorrect:
        "Stage 2 evaluates the shortlisted models on task-specific examples (100 or more, like your production inputs) — the most predictive signal before deployment. Filtering is stage 1; real users are stage 3.",
    },
  },
  {
    id: "t14-best-covered",
    lesson: 4,
    section: "what-benchmarks-measure-poorly",
    prompt: "As of 2024, which of these capabilities did the established standardised benchmarks cover BEST?",
    options: [
      "Coherence across documents of 50,000 tokens or more",
      "Calibration and robustness to adversarial prompts",
      "Reliable tool use when calling APIs and handling their errors",
      "Knowledge recall, grade-school arithmetic and short code generation",
    ],
    correct: 3,
    feedback: {
      correct:
        "Right. MMLU for knowledge recall, GSM8K for arithmetic and HumanEval for short code are long-established tests; the other options name gaps that newer benchmark families have only started to close.",
      incorrect:
        "The well-covered ones are knowledge recall (MMLU), arithmetic (GSM8K) and short code generation (HumanEval). Tests of long context, adversarial robustness, calibration and tool use are far younger and less settled.",
    },
  },
  {
    id: "t15-core-principle",
    lesson: 4,
    section: "building-a-bridge-three-stages",
    prompt:
      "Which line best sums up how a practitioner should turn benchmark scores into expectations for production?",
    options: [
      "Deploy the model with the highest leaderboard score",
      "Ignore benchmarks: only a production pilot says anything",
      "Benchmarks filter the candidates, task-specific evaluation selects, a production pilot validates",
      "Average every available benchmark and pick the top model",
    ],
    correct: 2,
    feedback: {
      correct:
        "Right — the whole module in one line: benchmarks filter, task-specific evaluation selects, and a production pilot validates.",
      incorrect:
        "Benchmark scores are useful filters that show a model could have the skills; task-specific evaluation selects and a production pilot validates that it has them for your task and your data.",
    },
  },
];

export const moduleTest: ModuleTest = {
  title: "Reading Benchmark Scores — module test",
  passMark: 0.8,
  questions: testQuestions,
};
