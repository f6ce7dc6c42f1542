# Reference values for tests/unit/stats/scoreDifference.test.ts. Run: Rscript tests/reference/scoreDifference.R
kA <- 10110; kB <- 9549; n <- 14042   # 72% and 68% of 14,042, k = round(p * N)
pt <- prop.test(c(kA, kB), c(n, n), correct = FALSE)
cat(sprintf("p = %.10g, difference interval %.10f to %.10f\n", pt$p.value, pt$conf.int[1], pt$conf.int[2]))
wa <- prop.test(kA, n, correct = FALSE)$conf.int
wb <- prop.test(kB, n, correct = FALSE)$conf.int
cat(sprintf("Wilson A %.10f to %.10f, B %.10f to %.10f\n", wa[1], wa[2], wb[1], wb[2]))
pbar <- (kA + kB) / (2 * n)
cat(sprintf("mdd %.10f\n", (qnorm(0.975) + qnorm(0.8)) * sqrt(2 * pbar * (1 - pbar) / n)))
# Output (R 4.x):
# p = 2.770428665e-13, difference interval 0.0292427372 to 0.0506604105
# Wilson A 0.7124969686 to 0.7273485201, B 0.6722677132 to 0.6876964808
# mdd 0.0153218446
