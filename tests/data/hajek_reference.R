# Reference values for the Hajek estimator of workbench/stats/weighted.py (risk-based rounds).
#
# Recompute with:  Rscript tests/data/hajek_reference.R > tests/data/hajek_reference.json
# (Debian: apt-get install r-base-core r-cran-survey). The test suite reads the JSON only.
#
# Each design lists groups of reviewed cases sharing one inclusion probability:
# pi, n (reviewed cases), d (of them in the domain; n for a population estimate), y (domain
# cases that pass). R's design: svydesign(ids = ~1, probs = ~pi) (with-replacement variance,
# no finite population correction); the domain by subset(); svymean for the estimate and its
# variance, svyciprop(method = "beta") (Korn & Graubard) for the interval.
suppressPackageStartupMessages(library(survey))

designs <- list(
  list(name = "two probabilities, interior rate",
       groups = list(c(0.02, 40, 40, 36), c(0.2, 60, 60, 45))),
  list(name = "many probabilities with a take-all case",
       groups = list(c(0.01, 30, 30, 29), c(0.05, 20, 20, 17), c(0.12, 15, 15, 11), c(0.4, 8, 8, 5),
                     c(1, 3, 3, 1))),
  list(name = "equal probabilities: the simple share",
       groups = list(c(0.05, 80, 80, 70))),
  list(name = "high-risk cases fail more",
       groups = list(c(0.015, 70, 70, 67), c(0.09, 20, 20, 14), c(0.135, 10, 10, 5))),
  list(name = "domain: a department",
       groups = list(c(0.02, 40, 12, 10), c(0.2, 60, 25, 18), c(0.5, 5, 0, 0))),
  list(name = "domain: one case",
       groups = list(c(0.02, 40, 1, 1), c(0.2, 60, 0, 0))),
  list(name = "domain: item among applicable cases",
       groups = list(c(0.03, 50, 41, 39), c(0.08, 30, 22, 19), c(0.3, 20, 20, 12))),
  list(name = "every domain case fails",
       groups = list(c(0.02, 40, 6, 0), c(0.2, 60, 9, 0))),
  # Where R's interval is undefined (variance 0): the workbench uses n* = d (see the test).
  list(name = "every reviewed case passed",
       groups = list(c(0.02, 40, 40, 40), c(0.2, 30, 30, 30)))
)

num <- function(x) if (is.null(x) || length(x) == 0 || is.na(x) || !is.finite(x)) "null" else sprintf("%.17g", x)

rows_of <- function(g) {
  n <- as.integer(g[2]); d <- as.integer(g[3]); y <- as.integer(g[4])
  data.frame(pi = rep(as.numeric(g[1]), n), dom = c(rep(1, d), rep(0, n - d)),
             y = c(rep(1, y), rep(0, d - y), rep(0, n - d)))
}

out <- c()
for (des in designs) {
  data <- do.call(rbind, lapply(des$groups, rows_of))
  design <- svydesign(ids = ~1, probs = ~pi, data = data)
  sub <- subset(design, dom == 1)
  beta <- suppressWarnings(tryCatch(svyciprop(~y, sub, method = "beta", level = 0.95), error = function(e) NULL))
  m <- svymean(~y, sub)
  est <- as.numeric(coef(m)); v <- as.numeric(vcov(m))
  ci <- if (is.null(beta)) c(NA, NA) else as.numeric(attr(beta, "ci"))
  groups <- paste(sapply(des$groups, function(g) sprintf(
    "{\"probability\": %s, \"sample\": %s, \"domain\": %s, \"successes\": %s}", g[1], g[2], g[3], g[4])),
    collapse = ", ")
  out <- c(out, sprintf(paste0("  {\"name\": \"%s\", \"groups\": [%s],\n   \"estimate\": %s, \"variance\": %s,",
                               " \"se\": %s, \"degf\": %s, \"beta\": [%s, %s]}"),
                        des$name, groups, num(est), num(v), num(sqrt(v)), num(degf(sub)), num(ci[1]), num(ci[2])))
}
cat(sprintf("{\"r_version\": \"%s\", \"survey_version\": \"%s\", \"confidence\": 0.95,\n \"designs\": [\n",
            R.version.string, as.character(packageVersion("survey"))))
cat(paste(out, collapse = ",\n"))
cat("\n]}\n")
