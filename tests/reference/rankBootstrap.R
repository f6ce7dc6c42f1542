# Reference rank intervals for stats/rankBootstrap.ts, by brute force in base R: 200,000
# parametric-bootstrap resamples with R's own binomial sampler (rbinom), competition ranks
# (1 + the models strictly above), and the central 95% of each model's ranks.
# Regenerate: Rscript tests/reference/rankBootstrap.R > tests/reference/rank-bootstrap.json
set.seed(20261202)
B <- 200000
boards <- list(
  list(name = "n1000", k = c(800, 795, 790, 770, 760, 700, 690, 500), n = rep(1000, 8)),
  list(name = "n164", k = c(131, 130, 130, 126, 125, 115, 113, 82), n = rep(164, 8)),
  # Unequal N (a category board: each model answered its own number of questions).
  list(name = "unequal", k = c(410, 820, 395, 1500, 60), n = c(500, 1000, 500, 2000, 80))
)
rankRange <- function(tally, B, conf = 0.95) {
  tail <- (1 - conf) / 2 * B
  m <- length(tally)
  lower <- which(cumsum(tally) > tail)[1]
  upper <- m + 1 - which(cumsum(rev(tally)) > tail)[1]
  c(lower, upper)
}
out <- c()
for (b in boards) {
  m <- length(b$k)
  x <- sapply(seq_len(m), function(i) rbinom(B, b$n[i], b$k[i] / b$n[i]) / b$n[i])
  ranks <- sapply(seq_len(m), function(i) 1 + rowSums(x > x[, i]))
  p <- b$k / b$n
  rank0 <- sapply(seq_len(m), function(i) 1 + sum(p > p[i]))
  iv <- t(sapply(seq_len(m), function(i) {
    r <- rankRange(tabulate(ranks[, i], nbins = m), B)
    c(min(r[1], rank0[i]), max(r[2], rank0[i]))
  }))
  rows <- sprintf('{"k": %d, "n": %d, "rank": %d, "lower": %d, "upper": %d}', b$k, b$n, rank0, iv[, 1], iv[, 2])
  out <- c(out, sprintf('"%s": [%s]', b$name, paste(rows, collapse = ", ")))
}
cat("{", paste(out, collapse = ",\n"), "}\n", sep = "\n")
