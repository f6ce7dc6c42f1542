// The statistics core: pure, synchronous functions every page, tool and test builds on.
export { type Battle, bradleyTerry, ELO_PER_LOGIT, type Rating, winProbability } from "./bradleyTerry.ts";
export { normalCdf, normalQuantile, zCritical } from "./distributions.ts";
export {
  halfWidth,
  type Interval,
  type IntervalMethod,
  intervalMethods,
  proportionInterval,
  scoreInterval,
} from "./intervals.ts";
export { minimumDetectableDifference, power, sampleSizeExact, sampleSizeTwoProportions } from "./power.ts";
export {
  binomialSampler,
  bootstrap,
  normalSampler,
  percentileInterval,
  type Rng,
  resampleIndices,
  seededRandom,
} from "./random.ts";
export { competitionRanks, type RankEntry, type RankInterval, rankIntervals } from "./ranks.ts";
export {
  type Count,
  clusteredStandardError,
  type DifferenceTest,
  mcnemarTest,
  type PairedDifference,
  pairedDifference,
  twoProportionTest,
} from "./tests.ts";
