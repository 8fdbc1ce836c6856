# Reference values for the stratified (domain) proportion intervals of workbench/statistics.py.
#
# Recompute with:  Rscript tests/data/stratified_reference.R > tests/data/stratified_reference.json
# (Debian: apt-get install r-base-core r-cran-survey). The test suite reads the JSON only.
#
# Each design lists its strata as counts: N (population), n (reviewed cases), d (reviewed cases
# in the domain; the whole sample for a population estimate) and y (domain cases that pass).
# A stratum with n = 0 is not covered; it is left out of R's design (R cannot hold it) and kept
# in the JSON for the workbench, which must give the same estimate over the covered strata.
# Intervals: svyciprop(method = "beta") (Korn & Graubard) and method = "logit", with
# options(survey.lonely.psu = "adjust") for strata with a single reviewed case.
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")

designs <- list(
  list(name = "two strata, interior rates",
       strata = list(c("A", 1000, 50, 50, 45), c("B", 500, 40, 40, 30))),
  list(name = "uncovered stratum",
       strata = list(c("A", 1000, 50, 50, 45), c("B", 500, 40, 40, 30), c("C", 100, 0, 0, 0))),
  list(name = "one-case strata",
       strata = list(c("A", 200, 30, 30, 27), c("B", 50, 1, 1, 1), c("C", 40, 1, 1, 0), c("D", 100, 12, 12, 10))),
  list(name = "all-pass strata beside a mixed one",
       strata = list(c("A", 300, 20, 20, 20), c("B", 200, 15, 15, 12), c("C", 100, 10, 10, 10))),
  list(name = "all-fail stratum",
       strata = list(c("A", 300, 20, 20, 0), c("B", 200, 15, 15, 12), c("C", 50, 5, 5, 5))),
  list(name = "fully reviewed stratum beside sampled ones",
       strata = list(c("A", 12, 12, 12, 9), c("B", 400, 25, 25, 21), c("C", 80, 6, 6, 5))),
  list(name = "equal allocation by examiner, few errors",
       strata = list(c("E1", 310, 3, 3, 3), c("E2", 95, 3, 3, 2), c("E3", 260, 3, 3, 3), c("E4", 41, 2, 2, 2),
                     c("E5", 188, 3, 3, 3), c("E6", 77, 3, 3, 2), c("E7", 150, 1, 1, 1), c("E8", 222, 3, 3, 3),
                     c("E9", 130, 3, 3, 3), c("E10", 64, 3, 3, 3), c("E11", 301, 3, 3, 2), c("E12", 120, 0, 0, 0))),
  list(name = "domain: a department across strata",
       strata = list(c("A", 600, 40, 12, 10), c("B", 300, 30, 9, 7), c("C", 100, 10, 0, 0))),
  list(name = "domain: one case in one stratum, several in another",
       strata = list(c("A", 600, 40, 1, 0), c("B", 300, 30, 6, 5), c("C", 100, 10, 4, 4))),
  list(name = "domain with one-case strata of the design",
       strata = list(c("A", 500, 25, 10, 8), c("B", 60, 1, 1, 0), c("C", 90, 1, 0, 0), c("D", 250, 14, 5, 5))),
  list(name = "domain: item failure among applicable cases",
       strata = list(c("A", 1200, 60, 45, 41), c("B", 800, 40, 22, 20), c("C", 400, 20, 20, 17))),
  # Where R gives no interval: the workbench goes beyond it (see the test).
  list(name = "every reviewed case passed",
       strata = list(c("A", 300, 10, 10, 10), c("B", 200, 8, 8, 8), c("C", 100, 6, 6, 6))),
  list(name = "every stratum has one reviewed case",
       strata = list(c("A", 300, 1, 1, 1), c("B", 200, 1, 1, 0), c("C", 100, 1, 1, 1))),
  list(name = "domain with one case in each stratum",
       strata = list(c("A", 600, 40, 1, 1), c("B", 300, 30, 1, 0), c("C", 100, 10, 1, 1)))
)

num <- function(x) if (is.null(x) || length(x) == 0 || is.na(x) || !is.finite(x)) "null" else sprintf("%.17g", x)

rows_of <- function(s) {
  n <- as.integer(s[3]); d <- as.integer(s[4]); y <- as.integer(s[5])
  data.frame(stratum = rep(s[1], n), N = rep(as.numeric(s[2]), n),
             dom = c(rep(1, d), rep(0, n - d)), y = c(rep(1, y), rep(0, d - y), rep(0, n - d)))
}

out <- c()
for (des in designs) {
  covered <- Filter(function(s) as.integer(s[3]) > 0, des$strata)
  data <- do.call(rbind, lapply(covered, rows_of))
  design <- svydesign(ids = ~1, strata = ~stratum, fpc = ~N, data = data)
  sub <- subset(design, dom == 1)
  beta <- suppressWarnings(tryCatch(svyciprop(~y, sub, method = "beta", level = 0.95), error = function(e) NULL))
  logit <- suppressWarnings(tryCatch(svyciprop(~y, sub, method = "logit", level = 0.95), error = function(e) NULL))
  m <- svymean(~y, sub)
  est <- as.numeric(coef(m)); v <- as.numeric(vcov(m))
  df <- degf(sub)
  neff <- est * (1 - est) / v
  neff_df <- neff * (qt(0.025, nrow(sub) - 1) / qt(0.025, df))^2
  ci_b <- if (is.null(beta)) c(NA, NA) else as.numeric(attr(beta, "ci"))
  ci_l <- if (is.null(logit)) c(NA, NA) else as.numeric(attr(logit, "ci"))
  strata <- paste(sapply(des$strata, function(s) sprintf(
    "{\"name\": \"%s\", \"population\": %s, \"sample\": %s, \"domain\": %s, \"successes\": %s}",
    s[1], s[2], s[3], s[4], s[5])), collapse = ", ")
  out <- c(out, sprintf(paste0(
    "  {\"name\": \"%s\", \"strata\": [%s],\n   \"estimate\": %s, \"variance\": %s, \"degf\": %s,",
    " \"n_eff\": %s, \"n_eff_df\": %s,\n   \"beta\": [%s, %s], \"logit\": [%s, %s]}"),
    des$name, strata, num(est), num(v), num(df), num(neff), num(neff_df),
    num(ci_b[1]), num(ci_b[2]), num(ci_l[1]), num(ci_l[2])))
}
cat(sprintf("{\"r_version\": \"%s\", \"survey_version\": \"%s\", \"confidence\": 0.95,\n \"designs\": [\n",
            R.version.string, as.character(packageVersion("survey"))))
cat(paste(out, collapse = ",\n"))
cat("\n]}\n")
