"""How a report names its estimator, in both languages: the stratified estimator of a stratified
round (report.figures), the Hájek estimator of a risk-based round (defined here)."""
from __future__ import annotations

from workbench.report.figures import STRATIFIED_DEFINITION, STRATIFIED_ESTIMATOR_TEXT, Report
from workbench.review.checklists import Text
from workbench.stats.weighted import WEIGHTED_ESTIMATOR

#: The Hájek estimator of a risk-based round (workbench.stats.weighted.WEIGHTED_ESTIMATOR) in both languages.
WEIGHTED_ESTIMATOR_TEXT = Text(
    WEIGHTED_ESTIMATOR + ".",
    "Hájek 比率估计，按设计权重 1/π（风险抽样的入样概率）加权；方差为线性化估计量的有放回（Hansen-Hurwitz）近似，"
    "区间为 Korn-Graubard 区间（对有效样本量作 Clopper-Pearson 区间；与 R survey::svyciprop 的 method \"beta\" 相同）。")
WEIGHTED_DEFINITION = Text(
    "Risk-based draw: case i was drawn with probability pi_i = n m_i / sum m (m_i = floor + (1 - floor) x risk score, "
    "capped at 1), so every case of the population could be drawn. Each reviewed case counts with its design weight "
    "w_i = 1/pi_i: p = sum w_i y_i / sum w_i, and within a department, examiner, IP type or item "
    "sum w_i y_i / sum w_i d_i. Variance: n/(n - 1) sum (z_i - mean z)^2 with z_i = w_i d_i (y_i - p) / sum w d "
    "(with replacement, no finite population correction). Interval: Clopper-Pearson on n* = p(1 - p) / variance "
    "(Korn & Graubard 1998); n* = d when the variance is 0. As R survey::svydesign(ids = ~1, probs = ~pi) with "
    "svyciprop(method = \"beta\"); see docs/statistics.md. Counted unweighted, the over-sampled high-risk cases "
    "would make compliance look worse than it is.",
    "风险抽样：案件 i 的入样概率 π_i = n·m_i / Σm（m_i = 下限 + (1 − 下限) × 风险分值，超过 1 的取 1），"
    "总体中每件案件都可能被抽中。每件已评查案件按设计权重 w_i = 1/π_i 计入：p = Σw_i·y_i / Σw_i，"
    "部门、审查员、类型或评查项内为 Σw_i·y_i / Σw_i·d_i。方差：n/(n − 1)·Σ(z_i − z̄)²，"
    "z_i = w_i·d_i·(y_i − p) / Σw·d（有放回近似，不作有限总体校正）。区间：对 n* = p(1 − p)/方差 作 "
    "Clopper-Pearson 区间（Korn 与 Graubard 1998）；方差为 0 时 n* = d。与 R survey::svydesign(ids = ~1, probs = ~pi) "
    "及 svyciprop(method = \"beta\") 相同；详见 docs/statistics.md。若不加权计数，被多抽的高风险案件会使合格率显得偏低。")


def estimator_words(report: Report) -> tuple[Text, Text]:
    """The name and the definition of the estimator a weighted report's rates come from."""
    if report.unequal:
        return WEIGHTED_ESTIMATOR_TEXT, WEIGHTED_DEFINITION
    return STRATIFIED_ESTIMATOR_TEXT, STRATIFIED_DEFINITION
