# Reference values for the statistics core, computed with base R (an independent implementation).
# Regenerate: Rscript tests/reference/reference.R > tests/reference/r-reference.json
num <- function(x) formatC(x, digits = 15, format = "g")
arr <- function(x) paste0("[", paste(sapply(x, num), collapse = ", "), "]")
out <- c()
add <- function(s) out <<- c(out, s)

cases <- list(c(81, 263), c(15, 148), c(0, 20), c(1, 29), c(29, 29), c(0, 1), c(1, 1), c(11236, 14042), c(1055, 1319), c(131, 164), c(5, 10))
rows <- c()
for (cs in cases) {
  k <- cs[1]; n <- cs[2]; p <- k / n; z <- qnorm(0.975)
  cp <- binom.test(k, n)$conf.int
  wi <- if (k == 0 || k == n) {
    # prop.test warns at the extremes but its score interval is still the Wilson interval
    suppressWarnings(prop.test(k, n, correct = FALSE)$conf.int)
  } else prop.test(k, n, correct = FALSE)$conf.int
  # R shrinks the continuity correction when x is within 0.5 of n*p0 (p0 = 0.5 by default);
  # pick a null far from x so that R applies the full correction (Newcombe's method 4).
  p0 <- if (abs(k - n / 2) < 0.5) 0.25 else 0.5
  wcc <- suppressWarnings(prop.test(k, n, p = p0, correct = TRUE)$conf.int)
  wald <- c(max(0, p - z * sqrt(p * (1 - p) / n)), min(1, p + z * sqrt(p * (1 - p) / n)))
  nt <- n + z^2; pt <- (k + z^2 / 2) / nt
  ac <- c(max(0, pt - z * sqrt(pt * (1 - pt) / nt)), min(1, pt + z * sqrt(pt * (1 - pt) / nt)))
  rows <- c(rows, sprintf('{"k": %d, "n": %d, "wald": %s, "wilson": %s, "wilsonCC": %s, "agrestiCoull": %s, "clopperPearson": %s}',
    k, n, arr(wald), arr(wi), arr(wcc), arr(ac), arr(cp)))
}
add(sprintf('"intervals": [%s]', paste(rows, collapse = ",\n")))

cp90 <- binom.test(81, 263, conf.level = 0.9)$conf.int
wi90 <- prop.test(81, 263, correct = FALSE, conf.level = 0.9)$conf.int
add(sprintf('"intervals90": {"k": 81, "n": 263, "wilson": %s, "clopperPearson": %s}', arr(wi90), arr(cp90)))

two <- list(c(11936, 14042, 12048, 14042), c(1200, 1319, 1160, 1319), c(131, 164, 115, 164), c(45, 100, 30, 90))
rows <- c()
for (t in two) {
  pt <- prop.test(c(t[1], t[3]), c(t[2], t[4]), correct = FALSE)
  rows <- c(rows, sprintf('{"a": {"k": %d, "n": %d}, "b": {"k": %d, "n": %d}, "pValue": %s, "ci": %s}',
    t[1], t[2], t[3], t[4], num(pt$p.value), arr(pt$conf.int)))
}
add(sprintf('"twoProportion": [%s]', paste(rows, collapse = ",\n")))

mc <- list(c(25, 12), c(10, 10), c(0, 7), c(120, 95), c(3, 0))
rows <- c()
for (m in mc) {
  b <- m[1]; cc <- m[2]
  tab <- matrix(c(50, cc, b, 40), 2, 2)
  nc <- mcnemar.test(tab, correct = FALSE)
  yc <- mcnemar.test(tab, correct = TRUE)
  ex <- binom.test(b, b + cc)$p.value
  rows <- c(rows, sprintf('{"b": %d, "c": %d, "chi2": [%s, %s], "chi2cc": [%s, %s], "exactP": %s}',
    b, cc, num(nc$statistic), num(nc$p.value), num(yc$statistic), num(yc$p.value), num(ex)))
}
add(sprintf('"mcnemar": [%s]', paste(rows, collapse = ",\n")))

pw <- list(c(0.5, 0.75), c(0.85, 0.858), c(0.8, 0.7), c(0.912, 0.894))
rows <- c()
for (q in pw) {
  nn <- power.prop.test(p1 = q[1], p2 = q[2], power = 0.8)$n
  p50 <- power.prop.test(n = 50, p1 = q[1], p2 = q[2])$power
  p1000 <- power.prop.test(n = 1000, p1 = q[1], p2 = q[2])$power
  rows <- c(rows, sprintf('{"p1": %s, "p2": %s, "n80": %s, "power50": %s, "power1000": %s}', num(q[1]), num(q[2]), num(nn), num(p50), num(p1000)))
}
add(sprintf('"power": [%s]', paste(rows, collapse = ",\n")))

# Bradley-Terry MLE by logistic regression on a small round robin (no ties).
w <- rbind(c(0, 7, 9, 6), c(3, 0, 6, 5), c(1, 4, 0, 5), c(4, 5, 5, 0))
m <- nrow(w); rs <- c(); ys <- c(); X <- c()
for (i in 1:(m - 1)) for (j in (i + 1):m) {
  x <- rep(0, m); x[i] <- 1; x[j] <- -1
  X <- rbind(X, x); ys <- rbind(ys, c(w[i, j], w[j, i]))
}
fit <- glm(ys ~ 0 + X[, 1:(m - 1)], family = binomial)
theta <- c(coef(fit), 0)
elo <- 1000 + 400 / log(10) * (theta - mean(theta))
add(sprintf('"bradleyTerry": {"wins": [%s], "ratings": %s}', paste(apply(w, 1, arr), collapse = ", "), arr(elo)))

# Lesson 4: what a task eval of 100 examples per model can tell (80% vs 65%, and 80% vs 75%),
# and the examples per model that 80% power needs.
l4 <- c()
for (q in list(c(0.8, 0.65), c(0.8, 0.75))) {
  l4 <- c(l4, sprintf('{"p1": %s, "p2": %s, "power100": %s, "n80": %s}', num(q[1]), num(q[2]),
    num(power.prop.test(n = 100, p1 = q[1], p2 = q[2])$power), num(power.prop.test(p1 = q[1], p2 = q[2], power = 0.8)$n)))
}
add(sprintf('"lesson4EvalSize": [%s]', paste(l4, collapse = ",\n")))

add(sprintf('"qnorm975": %s', num(qnorm(0.975))))
cat("{\n", paste(out, collapse = ",\n"), "\n}\n", sep = "")
