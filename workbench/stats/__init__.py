"""Statistics as pure functions of numbers, with no database and no files: Wilson and
Clopper-Pearson intervals, the stratified (domain) estimator with the Korn-Graubard interval,
medians and percentiles (`intervals`), and the beta and t quantiles they need (`distributions`).
Calibration's agreement coefficients and control limits belong here too. docs/statistics.md
gives every formula and its reference; tests compare with R's `survey`.

May import: foundation (for its error values) and nothing else of the project.
"""
