// The statistics core: pure, synchronous functions every page, tool and test builds on.
export { type Battle, bradleyTerry, ELO_PER_LOGIT, type Rating, winProbability } from "./bradleyTerry.js";
export {
  binIndex,
  type CalibrationSummary,
  calibrationSummary,
  expectedCalibrationError,
  type ReliabilityBin,
  reliabilityBins,
} from "./calibration.js";
export { normalCdf, normalQuantile, tCritical, tTwoSidedP, zCritical } from "./distributions.js";
export {
  halfWidth,
  type Interval,
  type IntervalMethod,
  intervalMethods,
  proportionInterval,
  scoreInterval,
} from "./intervals.js";
export { adjustPValues, type PAdjustMethod, pAdjustMethods } from "./multipleComparisons.js";
export { minimumDetectableDifference, power, sampleSizeExact, sampleSizeTwoProportions } from "./power.js";
export {
  binomialSampler,
  bootstrap,
  normalSampler,
  percentileInterval,
  type Rng,
  resampleIndices,
  seededRandom,
} from "./random.js";
export { competitionRanks, type RankEntry, type RankInterval, rankIntervals } from "./ranks.js";
export {
  type Count,
  clusteredStandardError,
  type DifferenceTest,
  mcnemarTest,
  type PairedDifference,
  pairedDifference,
  twoProportionTest,
} from "./tests.js";
