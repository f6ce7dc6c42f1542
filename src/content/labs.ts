// The four labs as data: what the learner is asked to do, the scenario, the tutor's opening, and
// the rubric the built-in tutor teaches from (concepts with the words learners use for them,
// misconceptions it corrects, guiding questions, and the lesson section that explains each).
//
// Term syntax (see components/learn/concepts.ts): words separated by spaces; a trailing "*" matches
// any ending ("contamina*"); "#" matches any number ("# shot" = "5-shot", "0 shot"); "re:<regex>"
// matches one word by pattern. Typos and inflections are tolerated by the matcher, not listed here.
//
// Texts may hold placeholders filled with numbers the site computes from the scenario's own claims
// (components/learn/tutor.ts): {n} (the benchmark's test-set size), and, when a claim compares two
// scores ("91.2% vs 89.4% on MMLU"), {a} {b} (the two scores), {gap} (their difference, pp),
// {halfA} (±pp of score A), and {diffLow} {diffHigh} {pValue}: the 95% interval of the difference
// between the two scores (two-proportion, unpooled Wald — R's prop.test without continuity
// correction) and its test, at the benchmark's real N. A single-score claim gives {n} and {halfA}.

export type LessonId = "1" | "2" | "3" | "4";

export const LAB_IDS: readonly LessonId[] = ["1", "2", "3", "4"];

export interface SectionLink {
  lesson: number;
  /** The heading's id on the lesson page. */
  anchor: string;
  label: string;
}

export interface LabConcept {
  id: string;
  /** Short name shown in the summary ("Shot count"). */
  label: string;
  /** Phrases that raise the concept. */
  terms: string[];
  /** Specific acknowledgements (one is chosen per reply). */
  acks: string[];
  /** Why it matters, said when the learner sets the concept aside ("X doesn't matter"). */
  why: string;
  /** Guiding questions asked while the concept is still missing. */
  questions: string[];
  section: SectionLink;
  /** Lab 4: what the concept means in each scenario, added to the acknowledgement. */
  scenarioNotes?: Partial<Record<string, string>>;
  /** Lab 4: scenario-specific guiding questions (preferred over `questions`). */
  scenarioQuestions?: Partial<Record<string, string>>;
}

export interface Misconception {
  id: string;
  /** Every group must match somewhere in one clause (each group: any of its terms). */
  when: string[][];
  /** Any of these in the clause cancels the match (e.g. a negation: "not necessarily better"). */
  unless?: string[];
  correction: string;
  section: SectionLink;
}

export interface LabScenarioOption {
  id: string;
  /** "A" */
  letter: string;
  label: string;
  terms: string[];
  /** Said when the learner picks it. */
  intro: string;
}

export interface LabBrief {
  lesson: LessonId;
  title: string;
  subtitle: string;
  task: string;
  /** The starting scenario, as shown to the learner. */
  scenario: string;
  /** The question under the scenario. */
  prompt: string;
  /** Lab 4: the three deployment scenarios. */
  options?: LabScenarioOption[];
  opening: string;
  /** A suggested first question, shown under the input. */
  suggestion: string;
  /** Claims in the scenario, parsed by the number parser to compute its facts (first one fills the placeholders). */
  claims: string[];
  /** The benchmark a bare "91.2 vs 89.4" refers to in this lab. */
  defaultBenchmark: string | null;
  /**
   * What the tutor searches the course for when a question has no topic words of its own
   * ("so what should we do?"): the words of the section that says what to do in this lab.
   */
  guide: string;
  concepts: LabConcept[];
  misconceptions: Misconception[];
}

const NEGATION = [
  "not",
  "no",
  "never",
  "dont",
  "doesnt",
  "isnt",
  "arent",
  "cant",
  "cannot",
  "necessarily",
  "might",
];

const s = (lesson: number, anchor: string, label: string): SectionLink => ({ lesson, anchor, label });

// ---- Lab 1 -------------------------------------------------------------------------------

const L1_ANATOMY = s(1, "five-choices-behind-every-score", "Five choices behind every score");
const L1_REGEX = s(1, "when-only-the-regex-changes", "When only the regex changes");
const L1_GLANCE = s(1, "the-five-elements-at-a-glance", "The five elements, at a glance");
const L1_SCORELINE = s(1, "reading-the-score-line", "Reading the score line");
const L1_RANK = s(1, "score-versus-rank", "Score versus rank");

const lab1: LabBrief = {
  lesson: "1",
  title: "Score Dissection",
  subtitle: "Take a benchmark claim apart before you believe it",
  task: "Below is an invented claim, built like the ones in real model announcements and blog posts. Talk it through with the tutor: what does the claim leave out, which questions about the method need an answer, and does the comparison hold? The lab is complete after three exchanges that each raise an idea from the lesson or answer the tutor's question.",
  scenario:
    "“Model A scores 91.2% on MMLU (5-shot). Model B scores 89.4% on MMLU. Therefore Model A has superior general knowledge.”",
  prompt: "What would you need to know before you accept that conclusion?",
  opening:
    "Welcome to Lab 1. We'll practise reading a benchmark claim critically. The claim above is typical of what gets written about new models. Before you accept it, where would you start digging?",
  suggestion: "Try: “Model B's shot count isn't stated — was it also 5-shot?”",
  claims: ["91.2% vs 89.4% on MMLU"],
  defaultBenchmark: "MMLU",
  guide: "three questions to ask before trusting a score",
  concepts: [
    {
      id: "shots",
      label: "Shot count",
      terms: [
        "shot*",
        "few shot",
        "zero shot",
        "# shot",
        "fewshot",
        "in context example*",
        "exemplar*",
        "demonstration*",
        "examples in the prompt",
        "prompt examples",
      ],
      acks: [
        "Good catch on the shot count: Model A's number is 5-shot and Model B's doesn't say. Worked examples in the prompt move a score by an amount that differs from model to model, so there is no converting one setting into the other — and the {gap} pp between them can't be read as knowledge until both ran the same way.",
        "Right — the shot count. One score is labelled 5-shot and the other isn't labelled at all, and scores at different shot counts are close to meaningless side by side.",
      ],
      why: "worked examples in the prompt change a score by an amount that varies from model to model, and Model B's shot count isn't even stated — so the {gap} pp gap may be partly or wholly the prompt.",
      questions: [
        "Model A's score says 5-shot. What does Model B's say — and why would it matter?",
        "If Model B had been run 0-shot, would the two numbers still be comparable?",
      ],
      section: L1_SCORELINE,
    },
    {
      id: "format",
      label: "Prompting format",
      terms: [
        "prompt* format",
        "prompt* template",
        "template*",
        "format prompt*",
        "prompt* style",
        "prompt wording",
        "chain of thought",
        "cot",
        "prompt* setup",
        "how * prompted",
        "phrasing",
      ],
      acks: [
        "Yes, the prompting format matters beyond the shot count: the template, the instructions and whether chain-of-thought is used all move the score on the same model.",
        "The prompt template is a real source of difference — two labs can both say “5-shot” and still show the model very different text.",
      ],
      why: "the same model answers differently under a different template or with chain-of-thought, so two scores from different prompts measure different things.",
      questions: [
        "Besides the number of examples, what else about the prompt could differ between the two runs?",
        "Would you trust the comparison if one lab used chain-of-thought prompting and the other didn't?",
      ],
      section: L1_ANATOMY,
    },
    {
      id: "decoding",
      label: "Decoding",
      terms: [
        "decod*",
        "greedy",
        "temperature",
        "sampling temperature",
        "random sampling",
        "deterministic",
        "non deterministic",
        "nondeterministic",
        "beam search",
        "top p",
        "nucleus",
        "generation setting*",
        "generation parameter*",
      ],
      acks: [
        "Decoding is one of the five choices: greedy decoding and temperature sampling give different scores, and greedy tends to inflate exact-match metrics.",
        "Right to ask about decoding — with sampling, the same model gives a different score on every run unless the seed and temperature are fixed and reported.",
      ],
      why: "greedy and sampled decoding give different scores for the same model (greedy tends to inflate exact-match metrics).",
      questions: [
        "Was either model sampled with a temperature, or decoded greedily? Why would that change the number?",
        "If you re-ran Model B with sampling, would you expect exactly 89.4% again?",
      ],
      section: L1_ANATOMY,
    },
    {
      id: "extraction",
      label: "Answer extraction",
      terms: [
        "extract*",
        "regex*",
        "regular expression*",
        "pars* answer*",
        "answer pars*",
        "post process*",
        "postprocess*",
        "scoring rule*",
        "match* answer*",
        "answer format",
        "answer letter",
      ],
      acks: [
        "The extraction rule — exactly. With the weights untouched, Hugging Face scored LLaMA-65B on 5-shot MMLU under three implementations that read its answer differently: 63.7 (HELM: the model writes the letter), 63.6 (the original code: probabilities of A–D) and 48.8 (an early harness version: likelihood of the whole answer text).",
        "Yes: how “B” is read out of “The answer is B” is a choice — parse the written letter, compare the letters' probabilities, or score each full answer — and on one model those choices put 5-shot MMLU anywhere from 48.8 to 63.7.",
      ],
      why: "how the answer is read out of the model is part of the score: LLaMA-65B's 5-shot MMLU was 63.7, 63.6 or 48.8 depending only on the implementation that scored it — far more than the {gap} pp gap here.",
      questions: [
        "How does an evaluator decide which letter a model chose when it answers in a full sentence?",
        "If the two labs used different rules to pull the answer out of the model's text, how much could that move the score?",
      ],
      section: L1_REGEX,
    },
    {
      id: "aggregation",
      label: "Aggregation",
      terms: [
        "aggregat*",
        "micro",
        "macro",
        "averag*",
        "per subject",
        "subject*",
        "weighted",
        "unweighted",
        "subtask*",
      ],
      acks: [
        "Aggregation matters here: MMLU has 57 subjects of very different sizes, so a micro average (over questions) and a macro average (over subjects) are different numbers.",
        "Yes — micro or macro? Averaging over questions lets the big subjects dominate; averaging over subjects gives a small subject as much weight as a large one.",
      ],
      why: "MMLU's 57 subjects differ a lot in size, so a micro and a macro average of the same answers are different numbers.",
      questions: [
        "MMLU has 57 subjects of different sizes. How might the two labs have combined them into one number?",
        "Would a score averaged over questions and one averaged over subjects be the same?",
      ],
      section: L1_ANATOMY,
    },
    {
      id: "evaluator",
      label: "Who ran the evaluation",
      terms: [
        "evaluator*",
        "who ran",
        "who evaluated",
        "who measured",
        "self report*",
        "self evaluat*",
        "third party",
        "independent*",
        "reproduc*",
        "replicat*",
        "harness",
        "lm eval*",
        "same code",
        "evaluation code",
        "verified",
        "verify",
      ],
      acks: [
        "Who ran it is a key question. Self-reported numbers from a lab's own setup differ from third-party reproductions: Meta reported 68.9 for Llama 2 70B on 5-shot MMLU, Mistral's re-run gave 69.9 and the Open LLM Leaderboard 69.83.",
        "Yes — were both numbers produced by the same evaluator with the same code? If each lab reported its own, the comparison mixes two pipelines.",
      ],
      why: "self-reported scores and third-party reproductions of the same model often differ, even when the reproducers try to match the conditions exactly.",
      questions: [
        "Who produced each of these numbers — the labs themselves, or one independent evaluator?",
        "Would you trust the comparison more if one independent group had run both models with the same code?",
      ],
      section: L1_SCORELINE,
    },
    {
      id: "version",
      label: "Benchmark version and subset",
      terms: [
        "version*",
        "subset*",
        "split*",
        "which questions",
        "same questions",
        "test set",
        "question set",
        "task set",
        "revision*",
        "revised",
        "same benchmark",
        "dataset version",
      ],
      acks: [
        "Good — “MMLU” isn't one fixed thing in every report: test sets get revised, and some reports use a subset or a different split.",
        "Right to ask whether both ran the same questions: a different version or subset of the task set is a different test.",
      ],
      why: "the task set is the first of the five choices — a different version or subset of MMLU is a different test.",
      questions: [
        "Are you sure both labs ran exactly the same set of MMLU questions?",
        "What would it mean for the comparison if one lab had used a subset of the test?",
      ],
      section: L1_ANATOMY,
    },
    {
      id: "intervals",
      label: "Intervals and significance",
      terms: [
        "confidence interval*",
        "interval*",
        "error bar*",
        "standard error*",
        "significan*",
        "noise",
        "noisy",
        "margin of error",
        "uncertain*",
        "p value*",
        "statistic*",
        "sampling error",
        "variance",
        "by chance",
        "random chance",
      ],
      acks: [
        "Let's check it with numbers. With {n} questions, 91.2% has a 95% interval of about ±{halfA} pp, and the {gap} pp difference has an interval of {diffLow} to {diffHigh} pp ({pValue}). So sampling noise alone doesn't explain the gap — if both were measured the same way.",
        "Significance is the right question, and here the arithmetic is on the claim's side: at N = {n}, a {gap} pp gap is well outside sampling noise ({pValue}). The catch is “if both were measured the same way” — which is exactly what the claim doesn't tell us.",
      ],
      why: "a score is an estimate from a finite set of questions; without its interval you can't tell a real gap from noise.",
      questions: [
        "How big is the sampling noise on a {n}-question test? Is a {gap} pp gap bigger than that?",
        "If both numbers came from identical setups, would a {gap} pp gap on MMLU be real or noise? Try writing the two scores and I'll compute it.",
      ],
      section: L1_RANK,
    },
    {
      id: "contamination",
      label: "Contamination",
      terms: [
        "contamina*",
        "leak*",
        "memori*",
        "training data",
        "trained on the test",
        "seen the question*",
        "seen the test",
        "overlap",
        "data overlap",
      ],
      acks: [
        "Contamination is worth raising: if MMLU questions were in either model's training data, part of its score is memory, not knowledge — by an unknown and possibly large amount.",
        "Yes — has either model seen the test? Contamination inflates scores, and a claim like this one never says whether it was checked.",
      ],
      why: "test questions in the training data inflate a score by an unknown, possibly large amount.",
      questions: [
        "Could either model have seen MMLU questions during training? What would that do to its score?",
        "Suppose Model A's training data contained part of MMLU. Would its 91.2% still say anything about general knowledge?",
      ],
      section: L1_GLANCE,
    },
  ],
  misconceptions: [
    {
      id: "higher-is-better",
      when: [
        ["higher", "bigger", "greater", "beat*", "ahead", "outscor*", "outperform*"],
        ["better", "superior", "smarter", "stronger", "know* more", "more knowledge"],
      ],
      unless: [...NEGATION, "if", "whether", "unless", "before", "claim*", "say*", "says", "?"],
      correction:
        "Careful: a higher number only means a better model once both numbers come from the same setup. Here one is 5-shot and the other unlabelled, so part or all of the {gap} pp could be the method, not the model.",
      section: L1_RANK,
    },
    {
      id: "gap-is-noise",
      when: [
        [
          "just noise",
          "only noise",
          "within * noise",
          "within * margin",
          "within * error",
          "not * significant",
          "insignificant",
          "due to chance",
          "statistical tie",
          "statistically * same",
          "too small to matter",
        ],
      ],
      unless: ["if", "whether", "might", "could", "?"],
      correction:
        "Let's check rather than assume. With {n} questions each score's interval is about ±{halfA} pp, and the {gap} pp difference has a 95% interval of {diffLow} to {diffHigh} pp ({pValue}). Sampling noise doesn't explain this gap; the unstated setup is the bigger problem.",
      section: L1_RANK,
    },
    {
      id: "mmlu-is-general-knowledge",
      when: [
        ["measure*", "test*", "show*", "prove*", "mean*", "reflect*"],
        ["general knowledge", "general intelligence", "intelligen*", "overall capabilit*", "everything"],
      ],
      unless: [...NEGATION, "claim*"],
      correction:
        "MMLU is {n} four-option multiple-choice questions from 57 academic subjects. It measures that, under one setup — “superior general knowledge” stretches one multiple-choice score into a much broader claim.",
      section: L1_SCORELINE,
    },
  ],
};

// ---- Lab 2 -------------------------------------------------------------------------------

const L2_HOW = s(2, "two-families-of-leaderboards", "Two families of leaderboards");
const L2_GOODHART = s(2, "goodharts-law-in-action-2023-2024", "Goodhart's law in action");
const L2_CONTAM = s(2, "the-contamination-problem", "The contamination problem");
const L2_RANK = s(2, "a-rank-is-an-estimate", "A rank is an estimate");
const L2_PAST = s(2, "reading-past-the-rank", "Reading past the rank");

const lab2: LabBrief = {
  lesson: "2",
  title: "Leaderboard Analysis",
  subtitle: "Question what a ranking claims, and find where it bends",
  task: "Take leaderboard situations to the tutor and reason them through. Good starting points: a real instance of Goodhart's law, how contamination gets into a score, or why a ranking built from votes (Elo) can disagree with one built from accuracy. The lab is complete after three exchanges that each raise an idea from the lesson or answer the tutor's question.",
  scenario:
    "Model P tops a leaderboard with 85.0% on MMLU; Model Q is second with 83.5%. Is P's lead earned by capability, or lifted by test questions it saw in training — and what evidence would tell the two apart?",
  prompt: "Begin there, or with any other distortion from the lesson you want to take apart.",
  opening:
    "Welcome to Lab 2. Let's look at how leaderboards work and where they mislead. We can take contamination and how it's detected, Goodhart's law in AI benchmarks, or the gap between a human-preference ranking and an accuracy ranking. Where would you like to start?",
  suggestion: "Try: “How would I tell whether a rank comes from contamination or real capability?”",
  claims: ["85.0% vs 83.5% on MMLU"],
  defaultBenchmark: "MMLU",
  guide: "practitioner's rule: leaderboards build a shortlist, your own evaluation data decides",
  concepts: [
    {
      id: "contamination",
      label: "Detecting contamination",
      terms: [
        "contamina*",
        "decontaminat*",
        "n gram*",
        "ngram*",
        "overlap",
        "leak*",
        "memori*",
        "training data",
        "canary",
        "held out",
        "fresh question*",
        "fresh test*",
        "new question*",
        "gsm1k",
        "rephras*",
        "paraphras*",
        "perturb*",
      ],
      acks: [
        "Contamination is the place to start. P's {gap} pp lead is not sampling noise: on MMLU's {n} questions its 95% interval is {diffLow} to {diffHigh} pp ({pValue}). Memory can produce a lead that size: on MMLU, Llama-2 70B scored 3.3 pp higher on questions whose text and answer are online than on clean ones, and across 63 models the public GSM8K scored a median 1.7 pp above its fresh twin GSM1k, up to 8.0 pp. It's detected with n-gram overlap between training data and test, or by re-testing on fresh questions written like the old ones.",
        "Yes — to separate memory from capability, compare the model on the public test and on fresh questions of the same kind. A model that drops sharply on the fresh set was helped by having seen the old one.",
      ],
      why: "at web scale some contamination is close to universal, and measured gaps — 3.3 pp between MMLU questions found online and clean ones for Llama-2 70B, up to 8.0 pp between GSM8K and its fresh twin GSM1k — are as large as P's whole {gap} pp lead (95% interval {diffLow} to {diffHigh} pp): enough to reorder closely ranked models.",
      questions: [
        "P leads Q by {gap} pp, and at N = {n} that lead's 95% interval is {diffLow} to {diffHigh} pp — more than noise. Could test questions in P's training data produce a lead that size? What would you check?",
        "If you suspected a model had seen the test, what evidence could you gather without access to its training data?",
        "What would a fresh test set, written like the original, tell you that the original can't?",
      ],
      section: L2_CONTAM,
    },
    {
      id: "goodhart",
      label: "Goodhart's law",
      terms: [
        "goodhart*",
        "measure becomes * target",
        "becomes a target",
        "target",
        "optimi* for",
        "overfit*",
        "gaming",
        "game the",
        "teach* to the test",
        "benchmark hack*",
        "benchmark chas*",
        "fine tun* on",
      ],
      acks: [
        "That's Goodhart's law: aim at a measure and it stops measuring. Training on data that resembles MMLU lifts MMLU without lifting reasoning on problems the model hasn't met.",
        "Right — once buyers compared models by their scores, the scores became something to optimise. One symptom: when Mistral published Mixtral 8x7B, it spelled out its evaluation settings and re-ran rival models itself, because the published numbers came from setups that didn't match.",
      ],
      why: "once a score is the target, it can rise without the capability behind it — the score stops measuring what it was built to measure.",
      questions: [
        "What happens to a benchmark once labs start optimising for it directly?",
        "Can you think of a way a model could climb a leaderboard without becoming more capable?",
      ],
      section: L2_GOODHART,
    },
    {
      id: "elo",
      label: "Elo (preference) vs accuracy",
      terms: [
        "elo",
        "arena",
        "chatbot arena",
        "lmsys",
        "preference*",
        "prefer*",
        "pairwise",
        "vote*",
        "voting",
        "human rat*",
        "bradley terry",
        "head to head",
      ],
      acks: [
        "Yes — an Arena Elo is built from pairwise human votes: it says which answer people preferred head to head, not whether the answer was correct. An accuracy leaderboard scores fixed questions against answer keys.",
        "The two families measure different things: automated leaderboards measure accuracy on curated tasks under fixed conditions; preference rankings measure which response felt better.",
      ],
      why: "an Elo rating comes from human preference votes, which reward more than correctness — it is a different measurement from accuracy.",
      questions: [
        "What exactly does a Chatbot Arena Elo rating measure, and how is that different from an MMLU accuracy?",
        "Could a model rank high on Arena Elo and lower on an accuracy benchmark? How?",
      ],
      section: L2_HOW,
    },
    {
      id: "style",
      label: "Style bias in preference votes",
      terms: [
        "style",
        "verbos*",
        "length",
        "longer answer*",
        "long answer*",
        "confiden*",
        "formatting",
        "markdown",
        "authoritative",
        "tone",
        "polish*",
        "sound* right",
        "sound* good",
      ],
      acks: [
        "Style is the catch with preference rankings: verbose, confident, well-formatted answers win votes, so a model can climb the Arena by sounding authoritative while being less accurate on knowledge benchmarks.",
        "Right — raters reward length, confidence and formatting along with correctness. That's why a preference rank can drift away from an accuracy rank.",
      ],
      why: "raters reward length, confidence and formatting as well as correctness, so a preference rank can drift away from accuracy.",
      questions: [
        "What besides correctness might make a rater prefer one answer to another?",
        "If you were optimising a model for Arena Elo, what would you change about its answers?",
      ],
      section: L2_HOW,
    },
    {
      id: "categories",
      label: "Per-category breakdowns",
      terms: [
        "per category",
        "categor*",
        "breakdown*",
        "break down",
        "subject*",
        "domain*",
        "sub score*",
        "subscore*",
        "per task",
        "medical",
        "specific area*",
        "aggregate score",
        "overall rank*",
      ],
      acks: [
        "Yes — look past the aggregate. On MMLU-Pro, a model can sit 3rd overall and 1st in maths; for a health application, the health category's ranking says more than the overall one — read with its smaller N in mind.",
        "Right: the overall number averages over categories you may not care about. The category that matches your task predicts more than the aggregate rank.",
      ],
      why: "the aggregate averages over categories that may not matter for your task; the matching category predicts more than the overall rank.",
      questions: [
        "If you were choosing a model for a health application, which part of a leaderboard would you look at? (MMLU-Pro, for one, breaks its score down by subject, health included.)",
        "What can an overall rank hide that a per-category breakdown shows?",
      ],
      section: L2_PAST,
    },
    {
      id: "reproduction",
      label: "Third-party reproduction",
      terms: [
        "third party",
        "independent*",
        "reproduc*",
        "replicat*",
        "self report*",
        "verif*",
        "audit*",
        "own numbers",
      ],
      acks: [
        "Good — third-party reproductions are the most trustworthy numbers and often differ from what labs report about their own models.",
        "Yes: check whether a score was self-reported or reproduced independently. A standardised leaderboard re-runs every model with the same code; a technical report runs its own setup.",
      ],
      why: "self-reported numbers come from the lab's own, unverified setup; independent reproductions often differ.",
      questions: [
        "Was the score you're looking at self-reported, or re-run by someone else?",
        "Why might a lab's own number for its model differ from an independent reproduction?",
      ],
      section: L2_PAST,
    },
  ],
  misconceptions: [
    {
      id: "elo-is-accuracy",
      when: [
        ["elo", "arena", "preference rank*"],
        ["measur*", "reflect*", "show*", "mean*", "tell*", "equal*", "same as", "is"],
        ["accura*", "correct*", "factual*", "truth*", "smarter", "more capable"],
      ],
      unless: [...NEGATION, "differ*", "vs", "versus", "rather", "instead", "than", "whereas", "but", "?"],
      correction:
        "Not quite: an Elo rating is built from which answer people preferred in head-to-head votes. Preference mixes correctness with length, confidence and formatting, so a high Elo is not evidence of higher accuracy.",
      section: L2_HOW,
    },
    {
      id: "contamination-is-rare",
      when: [
        ["contamina*"],
        [
          "rare",
          "solved",
          "eliminat*",
          "fully remov*",
          "easy to detect",
          "easy to remove",
          "never happen*",
          "not a real problem",
          "unusual",
          "uncommon",
        ],
      ],
      unless: ["not rare", "isnt rare", "hard", "difficult", "?"],
      correction:
        "Contamination is close to universal at web scale: the internet holds solutions to many test questions. N-gram overlap finds verbatim copies but misses paraphrases, so it can be reduced and measured, not eliminated.",
      section: L2_CONTAM,
    },
    {
      id: "lead-is-noise",
      when: [
        [
          "just noise",
          "only noise",
          "within * noise",
          "within * margin",
          "within * error",
          "not * significant",
          "insignificant",
          "due to chance",
          "statistical tie",
          "statistically * same",
          "too small to matter",
        ],
      ],
      unless: ["if", "whether", "might", "could", "?"],
      correction:
        "Check before assuming: on MMLU's {n} questions, P's {gap} pp lead over Q has a 95% interval of {diffLow} to {diffHigh} pp ({pValue}), so sampling noise doesn't explain it. What the numbers can't say is where the lead comes from: measured contamination gaps are as large — 3.3 pp on MMLU questions found online for Llama-2 70B, up to 8.0 pp between GSM8K and GSM1k.",
      section: L2_RANK,
    },
    {
      id: "rank-one-is-best",
      when: [
        [
          "rank* 1",
          "rank* one",
          "number one",
          "first place",
          "top rank*",
          "top of the leaderboard",
          "top spot",
        ],
        ["best", "should use", "pick", "choose", "winner"],
      ],
      unless: [...NEGATION, "shortlist*", "?"],
      correction:
        "Rank 1 is a claim about one test set, not about your task. Let the board suggest candidates, then decide on your own data — starting from the category closest to your use.",
      section: L2_PAST,
    },
    {
      id: "leaderboards-useless",
      when: [
        ["leaderboard*", "ranking*", "benchmark*"],
        ["useless", "meaningless", "worthless", "pointless", "garbage", "fake"],
      ],
      unless: ["not useless", "isnt useless", "not meaningless", "?"],
      correction:
        "Not useless — a first sieve. Models near the top of a carefully run automated board are good candidates for your own tests; the error is letting the board make the final call.",
      section: L2_PAST,
    },
  ],
};

// ---- Lab 3 -------------------------------------------------------------------------------

const L3_REQ = s(3, "what-must-match", "What must match");
const L3_SCALE = s(3, "the-scaling-confound", "The scaling confound");
const L3_CI = s(3, "confidence-intervals-and-effect-size", "Confidence intervals and effect size");
const L3_PROTOCOL = s(3, "a-protocol-for-comparing-two-models", "A protocol for comparing two models");
const L3_TRAP = s(3, "the-one-number-trap", "The one-number trap");

const lab3: LabBrief = {
  lesson: "3",
  title: "Cross-Model Comparison",
  subtitle: "Put two published scores through the five checks",
  task: "Decide, with the tutor, whether two published scores can be compared at all. Run them through the five checks of the comparison protocol and work out what their confidence intervals allow you to say. The lab is complete after three exchanges that each raise an idea from the lesson or answer the tutor's question.",
  scenario:
    "Two candidates are on your team's list. Model X reports 89% on MMLU — its own lab's figure, 0-shot. Model Y shows 87% on MMLU — measured by the Open LLM Leaderboard, 5-shot.",
  prompt:
    "Can you tell which one is stronger? Take the two numbers through the protocol, step by step, with the tutor.",
  opening:
    "Welcome to Lab 3. Let's practise comparing models. You'll meet pairs like X and Y constantly: same benchmark name, numbers side by side, and a good chance they were never measured the same way. How would you start on them? You can also bring a pair of your own.",
  suggestion: "Try: “X is self-reported and 0-shot, Y is 5-shot on the leaderboard — step 1 already fails.”",
  claims: ["89% vs 87% on MMLU"],
  defaultBenchmark: "MMLU",
  guide: "protocol for comparing two models",
  concepts: [
    {
      id: "evaluator",
      label: "Step 1 — same evaluator",
      terms: [
        "same evaluator",
        "evaluator*",
        "who ran",
        "same harness",
        "harness",
        "same code",
        "same pipeline",
        "evaluation pipeline*",
        "who evaluated",
        "different setup*",
      ],
      acks: [
        "Step 1, the evaluator: X's number comes from its own lab, Y's from the Open LLM Leaderboard's standard code. Different evaluators means the gap mixes capability with method.",
        "Right — the first check is whether one evaluator produced both numbers. Here two different groups did, so from the first step on this pair can suggest an answer but not settle it.",
      ],
      why: "when different evaluators produce the two numbers, the gap mixes real capability with methodological noise you can't separate.",
      questions: [
        "Step 1 of the protocol: who produced each of the two numbers?",
        "Do X's and Y's scores come from the same evaluation code?",
      ],
      section: L3_PROTOCOL,
    },
    {
      id: "shots",
      label: "Step 2 — matching shot count",
      terms: [
        "shot*",
        "zero shot",
        "few shot",
        "# shot",
        "fewshot",
        "in context example*",
        "exemplar*",
        "prompt* format",
        "template*",
        "chain of thought",
        "cot",
      ],
      acks: [
        "Step 2, the shots: X is 0-shot and Y is 5-shot — a mismatch. The examples in the prompt move each model's score by its own amount, with no exchange rate between settings, so the 2 pp gap can't be read as capability.",
        "Yes, the shot counts don't match (0 vs 5). Prompting can differ even when the shot count matches: GPT-4's MMLU 86.4 was 5-shot without chain of thought, Claude 2's 78.5 was 5-shot with it — and the two were printed side by side.",
      ],
      why: "a 0-shot and a 5-shot score come from different prompts, and the examples move each model's score by its own amount.",
      questions: [
        "Step 2: do the two shot counts match? What does each model see before each question?",
        "X was run 0-shot and Y 5-shot. Could you adjust one number to make them comparable?",
      ],
      section: L3_REQ,
    },
    {
      id: "intervals",
      label: "Step 3 — does the gap exceed the noise?",
      terms: [
        "confidence interval*",
        "interval*",
        "error bar*",
        "standard error*",
        "significan*",
        "noise",
        "noisy",
        "margin of error",
        "uncertain*",
        "p value*",
        "statistic*",
        "sampling error",
        "by chance",
      ],
      acks: [
        "Step 3 with numbers: on MMLU's {n} questions, a {gap} pp gap has a 95% interval of {diffLow} to {diffHigh} pp ({pValue}). Sampling noise alone doesn't explain it — so the question is entirely whether the two setups match, and they don't.",
        "Good — check the intervals. Each score is about ±{halfA} pp at N = {n}, so if X and Y had been measured identically, 2 pp would be a real difference. The protocol's other steps are what sink this comparison.",
      ],
      why: "without the interval you can't tell a real difference from the noise of a finite test set.",
      questions: [
        "Step 3: is a {gap} pp gap on a {n}-question test larger than sampling noise? Give me the two scores and I'll compute the interval.",
        "Would the same 2 pp gap be meaningful on HumanEval, with only 164 problems?",
      ],
      section: L3_CI,
    },
    {
      id: "consistency",
      label: "Step 4 — consistency across benchmarks",
      terms: [
        "# benchmark*",
        "multiple benchmark*",
        "several benchmark*",
        "other benchmark*",
        "across benchmark*",
        "more benchmark*",
        "different benchmark*",
        "battery",
        "gsm8k",
        "humaneval",
        "hellaswag",
        "arc",
        "consisten*",
        "one number",
        "single benchmark",
        "one benchmark",
      ],
      acks: [
        "Step 4: one benchmark is never enough. Look for the same ordering on at least three benchmarks across different capabilities — knowledge, reasoning, code.",
        "Right — a single MMLU number can't carry the decision. A pattern that holds on GSM8K, HumanEval and others is worth more than one isolated win.",
      ],
      why: "a single benchmark's ordering can be an accident of that test; a consistent pattern across several is evidence.",
      questions: [
        "Step 4: what would you want to see on benchmarks other than MMLU?",
        "If Y beat X on GSM8K and HumanEval, how would that change your reading of the MMLU numbers?",
      ],
      section: L3_TRAP,
    },
    {
      id: "reproduction",
      label: "Step 5 — third-party reproduction",
      terms: [
        "third party",
        "reproduc*",
        "replicat*",
        "independent*",
        "verif*",
        "audit*",
        "re run",
        "rerun",
        "run it ourselves",
        "run them ourselves",
        "our own eval*",
      ],
      acks: [
        "Step 5: find an independent reproduction of each claim — or run both models yourself with the same code. X's 89% has none yet.",
        "Yes — without a third-party reproduction, X's self-reported number is a claim, not a measurement you can put beside Y's.",
      ],
      why: "a score nobody else has reproduced is a claim; reproductions often come out different from self-reports.",
      questions: [
        "Step 5: has anyone other than X's makers reproduced its 89%?",
        "What would you do if you couldn't find a reproduction of X's score?",
      ],
      section: L3_PROTOCOL,
    },
    {
      id: "self-vs-leaderboard",
      label: "Self-reported vs leaderboard",
      terms: [
        "self report*",
        "leaderboard",
        "open llm leaderboard",
        "standardi*",
        "technical report*",
        "model card*",
        "marketing",
        "press release",
        "own lab",
        "their own",
      ],
      acks: [
        "Yes — X's number is its makers' own; Y's was produced by the Open LLM Leaderboard, where one pipeline scores every model. Only the second is comparable with its neighbours by design.",
        "Right: a self-reported score and a standardised leaderboard score are different kinds of evidence. The leaderboard fixes the method; a technical report picks its own.",
      ],
      why: "a standardised leaderboard runs every model the same way; a self-reported number uses the lab's own, unverified setup.",
      questions: [
        "One number is self-reported and the other is from a standardised leaderboard. Why does that matter?",
        "What would you need to put X on the same footing as Y?",
      ],
      section: L3_REQ,
    },
    {
      id: "scale",
      label: "Scale class",
      terms: [
        "param*",
        "model size",
        "size",
        "scale*",
        "re:^\\d+(\\.\\d+)?b$",
        "billion*",
        "compute",
        "per parameter",
        "same class",
        "bigger model*",
        "smaller model*",
        "larger model*",
        "cost*",
        "efficien*",
      ],
      acks: [
        "Scale is worth asking about: a 70B and a 7B model aren't competing on equal terms. Compare within a size class, or per unit of compute — the Mistral 7B paper, for one, reported which size of Llama 2 its scores matched, not only the scores.",
        "Good — if X is much larger than Y, 2 pp might be poor value. Raw scores across scale classes confound capability with size.",
      ],
      why: "a raw score from a much bigger model reflects its size as well as its skill; compare within a size class or per unit of compute.",
      questions: [
        "Do you know how large X and Y are? Would it change your choice if X were ten times larger?",
        "Is raw score the right unit when two models differ a lot in size or cost?",
      ],
      section: L3_SCALE,
    },
  ],
  misconceptions: [
    {
      id: "x-is-better",
      when: [
        [
          "x is better",
          "x wins",
          "x is the winner",
          "x is superior",
          "x is stronger",
          "go with x",
          "choose x",
          "pick x",
          "x beats",
          "89 beats",
          "89 is better",
          "x outperform*",
        ],
      ],
      unless: [...NEGATION, "if", "whether", "unless", "cant tell", "?"],
      correction:
        "Not from these numbers. X's 89% is self-reported and 0-shot; Y's 87% is from a standardised leaderboard at 5-shot. The 2 pp gap mixes capability with method, and you can't tell how much is which.",
      section: L3_PROTOCOL,
    },
    {
      id: "zero-shot-bonus",
      when: [
        ["0 shot", "zero shot", "fewer shot*", "no example*", "without example*"],
        [
          "harder",
          "more impressive",
          "even better",
          "handicap*",
          "disadvantage*",
          "penaliz*",
          "penalis*",
          "would score higher",
          "would be higher",
          "add*",
        ],
      ],
      unless: ["cant", "cannot", "not sure", "?"],
      correction:
        "Tempting, but there's no fixed exchange rate between 0-shot and 5-shot scores, and X's number is self-reported with an unknown template. You can't correct for the mismatch by reasoning; you need both models run the same way.",
      section: L3_REQ,
    },
    {
      id: "gap-is-noise",
      when: [
        [
          "just noise",
          "only noise",
          "within * noise",
          "within * margin",
          "within * error",
          "not * significant",
          "insignificant",
          "due to chance",
          "statistical tie",
          "too small to matter",
        ],
      ],
      unless: ["if", "whether", "might", "could", "?"],
      correction:
        "Let's check: on MMLU's {n} questions a {gap} pp gap has a 95% interval of {diffLow} to {diffHigh} pp ({pValue}) — larger than sampling noise. The real problem is that the two numbers weren't produced the same way.",
      section: L3_CI,
    },
    {
      id: "bigger-is-better",
      when: [
        ["bigger", "larger", "more param*"],
        ["better", "always", "wins", "superior"],
      ],
      unless: [...NEGATION, "?"],
      correction:
        "Size isn't the comparison — it's a confound. A larger model scoring higher says little about which is the better choice; compare within a size class or per unit of compute.",
      section: L3_SCALE,
    },
  ],
};

// ---- Lab 4 -------------------------------------------------------------------------------

const L4_SHIFT = s(4, "distribution-shift", "Distribution shift");
const L4_CANNOT = s(4, "what-benchmarks-measure-poorly", "What benchmarks measure poorly");
const L4_BRIDGE = s(4, "a-bridge-in-three-stages", "A bridge in three stages");

const lab4: LabBrief = {
  lesson: "4",
  title: "Production Translation",
  subtitle: "Plan how to get from a leaderboard to a model you can deploy",
  task: "Pick a deployment and plan, with the tutor, how you would evaluate models for it in three stages. Along the way, name where real inputs will differ from the benchmarks, which capabilities the benchmarks miss, and what task-specific data you would have to collect. The lab is complete after three exchanges that each raise an idea from the lesson or answer the tutor's question.",
  scenario: "Choose a deployment to work through:",
  prompt: "Then work out with the tutor what stands between the benchmark scores and that deployment.",
  options: [
    {
      id: "legal",
      letter: "A",
      label: "Choosing a model to summarise legal documents",
      terms: [
        "legal",
        "law*",
        "lawyer*",
        "contract*",
        "court*",
        "jurisdiction*",
        "summar*",
        "scenario a",
        "option a",
        "case a",
        "use case a",
      ],
      intro:
        "Legal summarisation it is — a task where a model that does well on knowledge tests can still invent citations, as studies of legal hallucination have documented.",
    },
    {
      id: "support",
      letter: "B",
      label: "Choosing a model for a customer-support chatbot",
      terms: [
        "customer*",
        "support",
        "chatbot*",
        "chat bot*",
        "help desk",
        "helpdesk",
        "ticket*",
        "refund*",
        "faq*",
        "scenario b",
        "option b",
        "case b",
        "use case b",
      ],
      intro:
        "A customer-support chatbot — real users, messy questions, and your own policies that no benchmark has seen.",
    },
    {
      id: "medical",
      letter: "C",
      label: "Choosing a model to assist medical triage",
      terms: [
        "medical",
        "triage",
        "clinic*",
        "patient*",
        "health*",
        "doctor*",
        "nurse*",
        "symptom*",
        "emergenc*",
        "usmle",
        "med palm*",
        "scenario c",
        "option c",
        "case c",
        "use case c",
      ],
      intro:
        "Medical triage — the highest stakes of the three, and the one where Med-PaLM 2's expert-level USMLE score didn't settle clinical usefulness.",
    },
  ],
  opening:
    "Welcome to Lab 4, the capstone of the module. This time the goal is a decision: which model to put in front of real users, and how to earn the confidence to do it. Choose A, B or C above — or describe a deployment of your own — and we'll plan the three stages of evaluation for it together. Where shall we begin?",
  suggestion: "Try: “Let's take A, legal summaries — MMLU tells us little about long contracts.”",
  claims: ["100 examples"],
  defaultBenchmark: null,
  guide: "building a bridge in three stages: filter, evaluate on your task, pilot",
  concepts: [
    {
      id: "filter",
      label: "Stage 1 — leaderboard as a filter",
      terms: [
        "leaderboard*",
        "shortlist*",
        "short list",
        "filter*",
        "stage 1",
        "stage one",
        "narrow*",
        "coarse",
        "benchmark score*",
        "public score*",
        "rank*",
      ],
      acks: [
        "Stage 1: the leaderboard narrows the field cheaply. It tells you which models are worth the cost of stage 2 — not which will win it.",
        "Right — use the public scores to build a shortlist, and stop there. High MMLU is necessary, not sufficient, for most production tasks.",
      ],
      why: "the leaderboard is the cheap first filter; without it you can't decide which models deserve a costly task-specific evaluation.",
      questions: [
        "Stage 1: which public scores would you use to build a shortlist, and what can't they tell you?",
        "How would you use a leaderboard in this decision without letting it make the decision?",
      ],
      section: L4_BRIDGE,
      scenarioNotes: {
        legal:
          "For legal summaries, a reading-comprehension or long-context benchmark filters better than MMLU's multiple-choice questions.",
        support:
          "For support, instruction-following and multi-turn scores (MT-Bench, IFEval) filter better than knowledge quizzes.",
        medical:
          "For triage, medical QA sub-scores are a better filter than the overall rank — but they are still multiple-choice exams.",
      },
    },
    {
      id: "shift",
      label: "Distribution shift",
      terms: [
        "distribution shift",
        "distribution*",
        "shift*",
        "out of distribution",
        "ood",
        "domain shift",
        "different from * benchmark",
        "real input*",
        "production data",
        "real world data",
        "real data",
        "real * message*",
        "real * question*",
        "messy",
        "informal",
        "far from",
        "multiple choice",
        "own words",
        "free text",
        "free form",
        "different from",
        "unlike",
        "vocabulary",
        "different format",
        "not multiple choice",
        "open ended",
      ],
      acks: [
        "That's distribution shift: the benchmark's questions and your production inputs differ in vocabulary, length, format, ambiguity and domain, and how much a model degrades isn't predictable from its score.",
        "Yes — MMLU is multiple-choice questions from US standardised tests; your inputs are not. The skills overlap, but only partly.",
      ],
      why: "production inputs come from a different distribution than the benchmark's, and the score can't predict how much performance drops.",
      questions: [
        "How will real inputs in this scenario differ from MMLU's multiple-choice questions?",
        "What about your users' inputs — length, wording, format — would a benchmark never show the model?",
      ],
      section: L4_SHIFT,
      scenarioNotes: {
        legal:
          "In legal work the shift is long documents, jurisdiction-specific language and citations — none of which MMLU contains.",
        support:
          "In support the shift is informal, misspelled, multi-turn messages about your own products and policies.",
        medical:
          "In triage the shift is from structured USMLE-style questions to open-ended, context-rich patient descriptions.",
      },
      scenarioQuestions: {
        legal: "What do real legal documents have that MMLU's short multiple-choice questions don't?",
        support:
          "How do real customer messages differ from benchmark questions — and what does that do to accuracy?",
        medical: "How are real triage requests different from USMLE exam questions?",
      },
    },
    {
      id: "gaps",
      label: "Capability gaps benchmarks miss",
      terms: [
        "hallucinat*",
        "calibrat*",
        "long context",
        "context window*",
        "context length",
        "long document*",
        "tool use",
        "tool call*",
        "robust*",
        "adversarial",
        "jailbreak*",
        "prompt inject*",
        "instruction follow*",
        "citation*",
        "multi turn",
        "overconfiden*",
        "know when",
        "capabilit* gap*",
        "doesnt test",
        "doesnt measure",
        "not measure*",
      ],
      acks: [
        "Yes — that's a capability standard benchmarks measure poorly. The usual gaps: following novel instructions, calibration (knowing when it doesn't know), long-context coherence, tool-use reliability and robustness to manipulation.",
        "Right, a gap the leaderboard can't see. Newer benchmarks cover parts of it — RULER and LongBench for long context, TruthfulQA for whether answers repeat popular falsehoods, MT-Bench for multi-turn — and calibration has its own measure, expected calibration error; none reproduces your production conditions.",
      ],
      why: "the capabilities that break deployments — calibration, long context, tool use, robustness — are exactly the ones standard benchmarks measure worst.",
      questions: [
        "Which capabilities does this deployment need that a standard benchmark doesn't test?",
        "What could go wrong in production that would never show up in an MMLU score?",
      ],
      section: L4_CANNOT,
      scenarioNotes: {
        legal:
          "For legal summaries: invented citations, missed jurisdiction nuances, and documents longer than the context window.",
        support:
          "For support: following your policies exactly, multi-turn coherence, knowing when to hand over to a human, and resisting prompt injection.",
        medical:
          "For triage: calibration above all — a model that is confidently wrong is dangerous — plus knowing when to escalate.",
      },
      scenarioQuestions: {
        legal: "What failure would hurt most in a legal summary — and does any benchmark score measure it?",
        support: "Which capability matters most when a customer is frustrated or asks something off-policy?",
        medical: "Why would calibration matter more in triage than in most other uses?",
      },
    },
    {
      id: "evalSize",
      label: "Task-specific evaluation and its size",
      terms: [
        "# example*",
        "# question*",
        "# item*",
        "# case*",
        "# sample*",
        "# document*",
        "held out",
        "heldout",
        "task specific",
        "eval set",
        "evaluation set",
        "test set",
        "sample size",
        "how many example*",
        "how many question*",
        "label*",
        "annotat*",
        "gold",
        "rubric*",
        "domain example*",
        "stage 2",
        "stage two",
        "our own data",
        "own eval*",
        "vignette*",
        "# ticket*",
        "# document*",
        "# conversation*",
        "graded by",
        "grader*",
      ],
      acks: [
        "Stage 2 is the task-specific evaluation — at least 100 examples drawn from or close to your real inputs. It's the most predictive signal before deployment. Mind the size, though: at 100 examples a score near 80% still has an interval of about ±{halfA} pp.",
        "Right — build a held-out set from your own task. And size it for the decision: telling two models apart needs far more examples than estimating one score.",
      ],
      why: "only an evaluation on your own kind of inputs predicts production performance, and its size decides what differences it can detect.",
      questions: [
        "Stage 2: what examples would go into your task-specific evaluation set, and how many do you need?",
        "If two shortlisted models differ by 5 pp on your task, how many examples would you need to tell them apart? Give me a number and I'll compute it.",
      ],
      section: L4_BRIDGE,
      scenarioNotes: {
        legal:
          "For legal summaries: real documents of realistic length, with reference summaries or a checklist a lawyer can grade against.",
        support:
          "For support: real (anonymised) tickets and conversations, graded for correctness and for following policy.",
        medical:
          "For triage: realistic clinical vignettes, open-ended, graded by clinicians — not exam questions.",
      },
      scenarioQuestions: {
        legal: "Where would your 100+ legal examples come from, and who would grade the summaries?",
        support:
          "Which real tickets would you put into the evaluation set, and how would you grade an answer?",
        medical: "Who would write and grade the clinical vignettes for your evaluation?",
      },
    },
    {
      id: "pilot",
      label: "Stage 3 — the pilot",
      terms: [
        "pilot*",
        "a b test*",
        "ab test*",
        "shadow*",
        "canary",
        "with real users",
        "live users",
        "real traffic",
        "subset of traffic",
        "small share of traffic",
        "gradual*",
        "roll out",
        "rollout",
        "monitor*",
        "stage 3",
        "stage three",
        "human review*",
        "human in the loop",
        "feedback",
        "escalat*",
      ],
      acks: [
        "Stage 3, the pilot: real users, real traffic, real feedback on a controlled share of requests. Only here do you get reliable evidence about production performance.",
        "Yes — a controlled pilot is the gold standard. Decide in advance what you'll measure and what result would stop the rollout.",
      ],
      why: "only a pilot with real users and traffic shows how the model does in production; everything before it is a prediction.",
      questions: [
        "Stage 3: how would you run a pilot here, and what would you measure?",
        "What result in the pilot would make you stop the rollout?",
      ],
      section: L4_BRIDGE,
      scenarioNotes: {
        legal: "For legal work, the pilot keeps a lawyer reviewing every summary before it is used.",
        support:
          "For support, a pilot can route a small share of traffic with easy hand-over to a human agent, measuring resolution and escalation rates.",
        medical:
          "For triage, a pilot runs in shadow mode first — the model's suggestion is recorded but a clinician decides.",
      },
      scenarioQuestions: {
        legal: "How would you pilot summaries without risking a wrong one reaching a client?",
        support: "What share of traffic would you start with, and what would you measure?",
        medical: "How could you pilot triage safely before the model affects any patient?",
      },
    },
  ],
  misconceptions: [
    {
      id: "benchmark-is-enough",
      when: [
        ["mmlu", "benchmark*", "leaderboard*", "rank*", "score*"],
        [
          "enough",
          "sufficient",
          "all we need",
          "all you need",
          "just pick",
          "only need",
          "guarantee*",
          "proves",
        ],
      ],
      unless: [...NEGATION, "?"],
      correction:
        "A high benchmark score is necessary, not sufficient. It's evidence a model can learn the skills your task needs — not that it already has them for your inputs. That gap is closed by task-specific evaluation, not by rank.",
      section: L4_BRIDGE,
    },
    {
      id: "benchmarks-cover-gaps",
      when: [
        ["benchmark*", "mmlu", "leaderboard*"],
        ["measure*", "cover*", "test*", "capture*"],
        ["calibrat*", "long context", "tool use", "robust*", "hallucinat*"],
      ],
      unless: [...NEGATION, "poor*", "weak*", "miss*", "fail*", "?"],
      correction:
        "Standard benchmarks are weakest exactly there: calibration, long-context coherence, tool use and adversarial robustness are among what they measure worst. Newer benchmarks cover parts of it, none your production conditions.",
      section: L4_CANNOT,
    },
  ],
};

export const labs: Record<LessonId, LabBrief> = { "1": lab1, "2": lab2, "3": lab3, "4": lab4 };

export function isLessonId(value: unknown): value is LessonId {
  return typeof value === "string" && (LAB_IDS as readonly string[]).includes(value);
}

/** A section's address relative to a page one level below the site root (e.g. /labs/1). */
export function sectionHref(section: SectionLink): string {
  return `../lessons/${section.lesson}#${section.anchor}`;
}
