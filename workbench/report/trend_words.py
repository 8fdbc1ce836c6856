"""The Trend and Funnel sheets' words, in English and Chinese: headings, column headers, notes, and the
labels of the run rules, sides, funnel positions and directions of change (from workbench.stats). The
layout is in workbench.report.trend_sheet and workbench.report.funnel_sheet.
"""
from __future__ import annotations

from workbench.review.checklists import Text
from workbench.stats.comparison import DIRECTION_LABELS
from workbench.stats.control import RULE_LABELS, SIDE_LABELS
from workbench.stats.funnel import POSITION_LABELS

T = Text

RULES = {code: T(*labels) for code, labels in RULE_LABELS.items()}
SIDES = {code: T(*labels) for code, labels in SIDE_LABELS.items()}
POSITIONS = {code: T(*labels) for code, labels in POSITION_LABELS.items()}
DIRECTIONS = {code: T(*labels) for code, labels in DIRECTION_LABELS.items()}

W = {
    # -- Trend ---------------------------------------------------------------------------------------
    "trend_title": T("Trend: quality and efficiency by {period}", "趋势：按{period}统计的质量与效率"),
    "quarter": T("quarter", "季度"),
    "month": T("month", "月"),
    "quarters": T("quarters", "季度"),
    "months": T("months", "月"),
    "periods": T("Periods", "统计期间"),
    "periods_value": T("{first} to {last} ({count} {unit}), placed by decision date",
                       "{first} 至 {last}（共 {count} 个{unit}），按结案日归入期间"),
    "periods_none": T("No case in scope has a decision date.", "统计范围内没有带结案日的案件。"),
    "undated": T("Cases without a decision date (not in any period)", "无结案日的案件（不计入任何期间）"),
    "rates": T("Rates", "比率"),
    "rates_wilson": T("Share of the reviewed cases decided in the period, with its 95% Wilson interval.",
                      "该期间结案的已评查案件中的比例，附 95% Wilson 区间。"),
    "rates_stratified": T("Share of the reviewed cases decided in the period, with its 95% Wilson interval. "
                          "This round is stratified, but a period holds only part of each stratum, so these "
                          "per-period rates are unweighted; the Summary's stratified estimates cover the whole round.",
                          "该期间结案的已评查案件中的比例，附 95% Wilson 区间。本轮次为分层抽样，但每个期间只包含"
                          "各层的一部分，故各期间比率未加权；汇总表中的分层估计针对整个轮次。"),
    "targets": T("Pendency targets", "审查周期目标"),
    "targets_none": T("None set (python main.py targets --set invention=600 sets one)",
                      "未设定（可用命令 python main.py targets --set invention=600 设定）"),
    "target_days": T("{ip_type} {days} days", "{ip_type} {days} 天"),
    "overall": T("All cases by {period}", "全部案件（按{period}）"),
    "period": T("Period", "期间"),
    "partial": T("{label} (to date)", "{label}（截至目前）"),
    "reviewed": T("Reviewed", "已评查"),
    "compliance": T("Compliance rate", "合格率"),
    "defect_rate": T("Defect rate", "瑕疵率"),
    "error_rate": T("Error rate", "差错率"),
    "rate": T("Rate", "比率"),
    "low": T("95% low", "95%下限"),
    "high": T("95% high", "95%上限"),
    "pendency_median": T("Median pendency (days)", "审查周期中位数（天）"),
    "minutes_median": T("Median review minutes", "评查用时中位数（分钟）"),
    "chart_title": T("Compliance rate by {period}, with its 95% interval", "各{period}合格率及其 95% 区间"),
    "chart_axis": T("Compliance rate", "合格率"),
    "pendency": T("Pendency against targets, by IP type", "各类型审查周期与目标"),
    "ip_type": T("IP type", "类型"),
    "decided": T("Decided", "结案数"),
    "target": T("Target (days)", "目标（天）"),
    "within": T("Decided within target", "在目标期限内结案"),
    "cases": T("Cases", "案件数"),
    "share": T("Share", "比例"),
    "no_target": T("no target", "未设目标"),
    "by_department": T("By department and {period}", "按部门和{period}"),
    "department": T("Department", "审查部门"),
    "no_department": T("(no department)", "（无部门）"),
    "all_cases": T("All cases", "全部案件"),
    "signals": T("Control-chart signals (p-chart of the compliance rate)", "控制图信号（合格率 p 控制图）"),
    "signals_note": T("Each period's compliance rate against the pooled rate of the series' other periods (its "
                      "centre), with limits at 3 sigma for its own number of reviews, so a period never pulls its "
                      "own centre towards itself; and the run rules: a point beyond the limits, eight in a row on "
                      "one side of the centre, two of three beyond 2 sigma. The centre shown is the one the "
                      "period was judged against.",
                      "各期间的合格率与该序列其他期间的合并合格率（中心线）相比，控制限为按该期间自身评查数计算的 3 倍"
                      "标准差，因此某一期间不会把自己的中心线拉向自己；并应用判异规则：一点超出控制限；连续 8 点位于"
                      "中心线同一侧；连续 3 点中有 2 点超出 2 倍标准差。表中的中心线即判断该期间所用的中心线。"),
    "group": T("Series", "序列"),
    "rule": T("Rule", "规则"),
    "side": T("Side", "方向"),
    "centre": T("Centre line", "中心线"),
    "no_signals": T("No signal: every period lies within its limits and no run rule fires.",
                    "无信号：各期间均在控制限内，且没有触发判异规则。"),
    "comparison": T("The last period compared (difference of compliance rates)", "最近一期对比（合格率之差）"),
    "comparison_note": T("The difference with its 95% Newcombe hybrid score interval; a change is marked only "
                         "when the interval excludes zero. The last period with reviews is compared with the one "
                         "before it and with the {count} before it pooled.",
                         "合格率之差及其 95% Newcombe 混合得分区间；只有区间不含零时才标注升降。最近一个有评查的"
                         "期间分别与前一期、与此前 {count} 期合并后的结果对比。"),
    "compared_with": T("Compared with", "对比期间"),
    "last": T("Last period", "最近一期"),
    "value": T("Value", "数值"),
    "difference": T("Difference", "差值"),
    "change": T("Change", "变化"),
    "span": T("{first} to {last}", "{first} 至 {last}"),
    "nothing_to_compare": T("Fewer than two periods with reviews: nothing to compare.",
                            "有评查的期间少于两个，无法对比。"),
    "up": T("▲ Up", "▲ 上升"),
    "down": T("▼ Down", "▼ 下降"),
    # -- Funnel --------------------------------------------------------------------------------------
    "funnel_title": T("Funnel plots: compliance against the number of reviewed cases", "漏斗图：合格率与已评查案件数"),
    "funnel_target": T("Overall compliance rate (the centre line)", "总体合格率（中心线）"),
    "funnel_method": T("Limits", "控制限"),
    "funnel_method_value": T("95% and 99.8% limits around the overall rate for each unit's number of reviewed cases: "
                             "exact binomial, interpolated (Spiegelhalter 2005). Not widened for overdispersion.",
                             "按各单位的已评查案件数，以总体合格率为中心的 95% 与 99.8% 控制限：精确二项分布并插值"
                             "（Spiegelhalter 2005），未按过度离散放宽。"),
    "phi": T("Overdispersion φ ({unit}s)", "过度离散系数 φ（{unit}）"),
    "phi_none": T("not estimated (fewer than two units with reviewed cases)", "未估计（有已评查案件的单位少于两个）"),
    "phi_note": T("about 1 when the units differ by chance only", "各单位仅有随机差异时约为 1"),
    "outside_count": T("Outside the 95% limits", "超出95%控制限"),
    "outside_value": T("{departments} of {department_total} departments, {examiners} of {examiner_total} examiners",
                       "{department_total} 个部门中 {departments} 个，{examiner_total} 名审查员中 {examiners} 名"),
    "departments": T("Departments", "部门"),
    "examiners": T("Examiners", "审查员"),
    "department_unit": T("department", "部门"),
    "examiner_unit": T("examiner", "审查员"),
    "examiner": T("Examiner", "审查员"),
    "compliant": T("Compliant", "合格"),
    "z": T("z-score", "z值"),
    "limits_95": T("95% limits", "95%控制限"),
    "limit_low": T("Low", "下限"),
    "limit_high": T("High", "上限"),
    "limits_998": T("99.8% limits", "99.8%控制限"),
    "position": T("Position", "位置"),
    "funnel_note": T("Sorted by name, not by rate: a unit is judged against the noise its own number of reviewed "
                     "cases allows, never ranked. Between the 95% and 99.8% limits a unit deserves a look; beyond "
                     "99.8%, a closer one. Units are the report's departments and examiners; rates are unweighted "
                     "shares of the reviewed cases.",
                     "按名称排序，而非按比率排名：各单位按其自身已评查案件数所允许的随机波动来判断。处于 95% 与 "
                     "99.8% 控制限之间的单位值得关注；超出 99.8% 的应重点查看。单位为本报告的部门和审查员；"
                     "比率为已评查案件中的未加权比例。"),
    "chart_departments": T("Departments: compliance against reviewed cases", "各部门：合格率与已评查案件数"),
    "chart_examiners": T("Examiners: compliance against reviewed cases", "各审查员：合格率与已评查案件数"),
    "chart_x": T("Reviewed cases", "已评查案件数"),
    "chart_target": T("Overall rate", "总体合格率"),
    "curve": T("Limits drawn on the charts (not printed)", "图中控制限数据（不打印）"),
    "curve_unit": T("Unit", "单位"),
    "n": T("Reviewed cases", "已评查案件数"),
    "low_95": T("95% low", "95%下限"),
    "high_95": T("95% high", "95%上限"),
    "low_998": T("99.8% low", "99.8%下限"),
    "high_998": T("99.8% high", "99.8%上限"),
    "no_units": T("No reviewed cases.", "尚无已评查案件。"),
    "funnel_column": T("Funnel plot", "漏斗图位置"),
}
