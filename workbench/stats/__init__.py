"""Statistics as pure functions of numbers, with no database and no files: Wilson and
Clopper-Pearson intervals, the stratified (domain) estimator with the Korn-Graubard interval,
medians and percentiles (`intervals`), and the beta and t quantiles they need (`distributions`);
calibration's agreement coefficients (`agreement`); for trends and fair comparisons, p-charts with
their run rules (`control`), funnel plots with overdispersion (`funnel`) and the difference of two
rates with Newcombe's interval (`comparison`). docs/statistics.md gives every formula and its
reference; tests compare with R's `survey`, statsmodels and worked examples.

May import: foundation (for its error values) and nothing else of the project.
"""
