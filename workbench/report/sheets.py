"""The table sheets of the quality-and-efficiency workbook, in the interface language: By
department / By examiner / By IP type, By checklist item, Findings and Cases, their column
headers, and every sheet's name. Summary and About are laid out in workbench.report.summary_sheets.
Every number comes from a `workbench.report.figures.Report`; this module only lays it out.
"""
from __future__ import annotations

from dataclasses import replace
from operator import itemgetter
from typing import Any, Iterable, Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from workbench.review.checklists import PASS_FAIL, SEVERITIES, Text
from workbench.report.excel_cells import Column
from workbench.report.excel_tables import Highlight, write_table
from foundation.jobs import CancelToken, Progress
from workbench.report.funnels import UnitFunnel
from workbench.stats.funnel import POSITION_LABELS
from workbench.report.figures import (
    IP_TYPE_LABELS,
    SEVERITY_LABELS,
    STATUS_LABELS,
    VERDICT_LABELS,
    GroupFigures,
    Report,
    RoundInfo,
)

T = Text

SHEETS = {
    "summary": T("Summary", "汇总"),
    "calibration": T("Calibration", "校准"),   # only in the workbook of a calibration round
    "department": T("By department", "按部门"),
    "examiner": T("By examiner", "按审查员"),
    "ip_type": T("By IP type", "按类型"),
    "stratum": T("By stratum", "按分层"),      # only in the workbook of a stratified round
    "trend": T("Trend", "趋势"),
    "funnel": T("Funnel", "漏斗图"),
    "item": T("By checklist item", "按评查项"),
    "screening": T("Screening yield", "筛查命中率"),   # only when a case of the scope was screened
    "disputes": T("Disputes", "异议"),          # only when a finding of the scope was sent to its examiner
    "findings": T("Findings", "差错"),
    "answers": T("Answers", "评查结果"),
    "cases": T("Cases", "案件"),
    "about": T("About", "说明"),
}
TABLE_NAMES = {"department": "ByDepartment", "examiner": "ByExaminer", "ip_type": "ByIpType", "stratum": "ByStratum",
               "item": "ByChecklistItem", "findings": "Findings", "answers": "Answers", "cases": "Cases"}
OUTCOME_LABELS = {option.code: option.label for option in PASS_FAIL}

H = {
    "application_number": T("Application number", "申请号"),
    "ip_type": T("IP type", "类型"),
    "title": T("Title", "名称"),
    "applicant": T("Applicant", "申请人"),
    "examiner": T("Examiner", "审查员"),
    "department": T("Department", "审查部门"),
    "classification": T("Classification", "分类号"),
    "procedure": T("Procedure", "审查程序"),
    "decision": T("Decision", "结案方式"),
    "filing_date": T("Filing date", "申请日"),
    "decision_date": T("Decision date", "结案日"),
    "stratum": T("Stratum", "层"),
    "status": T("Review status", "评查状态"),
    "verdict": T("Verdict", "结论"),
    "score": T("Score", "得分"),
    "findings": T("Findings", "问题数"),
    "active_minutes": T("Active minutes", "评查用时（分钟）"),
    "reviewer": T("Reviewer", "评查人"),
    "completed_at": T("Review completed", "评查完成时间"),
    "item_id": T("Item", "评查项"),
    "item_text": T("Item text", "评查项内容"),
    "severity": T("Severity", "严重程度"),
    "category": T("Category", "差错类别"),
    "comment": T("Comment", "说明"),
    "answered_at": T("Review date", "评查日期"),
    "checklist": T("Checklist", "评查表"),
    "reference": T("Guideline reference", "审查指南依据"),
    "cases": T("Cases", "案件数"),
    "reviewed": T("Reviewed", "已评查"),
    "compliant": T("Compliant", "合格"),
    "compliance": T("Compliance rate", "合格率"),
    "low": T("95% low", "95%下限"),
    "high": T("95% high", "95%上限"),
    "defects": T("Defects", "瑕疵"),
    "errors": T("Errors", "差错"),
    "findings_total": T("Findings", "问题合计"),
    "median_minutes": T("Median review minutes", "评查用时中位数（分钟）"),
    "applicable": T("Applicable", "适用次数"),
    "failed": T("Failed", "不合格次数"),
    "failure": T("Failure rate", "不合格率"),
    "share": T("Share of failures", "占不合格比重"),
    "cumulative": T("Cumulative share", "累计比重"),
    "minus": T("Interval −", "区间−"),
    "plus": T("Interval +", "区间+"),
    "population": T("Population", "总体"),
    "weight": T("Weight", "权重"),
    "population_share": T("Share of population", "占总体比重"),
    "compliance_weighted": T("Compliance rate (stratified estimate)", "合格率（分层估计）"),
    "failure_weighted": T("Failure rate (stratified estimate)", "不合格率（分层估计）"),
    "drawn": T("Drawn", "抽取"),
    "outcome": T("Outcome", "评查结果"),
    "funnel": T("Funnel plot", "漏斗图位置"),
}
for _severity in SEVERITIES:
    H[_severity] = SEVERITY_LABELS[_severity]

CASE_COLUMNS = (
    Column("application_number", H["application_number"], min_width=16),
    Column("ip_type", H["ip_type"], "label", IP_TYPE_LABELS),
    Column("title", H["title"], max_width=50),
    Column("applicant", H["applicant"], max_width=36),
    Column("examiner", H["examiner"]),
    Column("department", H["department"]),
    Column("classification", H["classification"]),
    Column("procedure", H["procedure"]),
    Column("decision", H["decision"]),
    Column("filing_date", H["filing_date"], "date"),
    Column("decision_date", H["decision_date"], "date"),
    Column("stratum", H["stratum"], "stratum"),
    Column("status", H["status"], "label", STATUS_LABELS),
    Column("verdict", H["verdict"], "label", VERDICT_LABELS),
    Column("score", H["score"], "decimal"),
    Column("findings", H["findings"]),
    Column("active_seconds", H["active_minutes"], "minutes"),
    Column("reviewer", H["reviewer"]),
    Column("completed_at", H["completed_at"], "datetime"),
)
FINDING_COLUMNS = (
    Column("application_number", H["application_number"], min_width=16),
    Column("ip_type", H["ip_type"], "label", IP_TYPE_LABELS),
    Column("title", H["title"], max_width=40),
    Column("examiner", H["examiner"]),
    Column("department", H["department"]),
    Column("reviewer", H["reviewer"]),
    Column("item_id", H["item_id"]),
    Column("item_text", H["item_text"], max_width=50),
    Column("severity", H["severity"], "label", SEVERITY_LABELS),
    Column("category", H["category"]),
    Column("comment", H["comment"], max_width=50),
    Column("answered_at", H["answered_at"], "datetime"),
    Column("status", H["status"], "label", STATUS_LABELS),
)
ANSWER_COLUMNS = (
    Column("application_number", H["application_number"], min_width=16),
    Column("ip_type", H["ip_type"], "label", IP_TYPE_LABELS),
    Column("department", H["department"]),
    Column("examiner", H["examiner"]),
    Column("stratum", H["stratum"], "stratum"),
    Column("checklist", H["checklist"], max_width=30),
    Column("item_id", H["item_id"]),
    Column("outcome", H["outcome"], "label", OUTCOME_LABELS),
    Column("severity", H["severity"], "label", SEVERITY_LABELS),
    Column("category", H["category"]),
)
GROUP_FIGURE_COLUMNS = (
    Column("cases", H["cases"], "integer"),
    Column("reviewed", H["reviewed"], "integer"),
    Column("compliant", H["compliant"], "integer"),
    Column("compliance", H["compliance"], "percent"),
    Column("low", H["low"], "percent"),
    Column("high", H["high"], "percent"),
    Column("defects", H["defects"], "integer"),
    Column("errors", H["errors"], "integer"),
    *(Column(s, H[s], "integer") for s in SEVERITIES),
    Column("findings_total", H["findings_total"], "integer"),
    Column("median_minutes", H["median_minutes"], "decimal"),
)
STRATUM_COLUMNS = (
    Column("stratum", H["stratum"], "stratum"),
    Column("population", H["population"], "integer"),
    Column("weight", H["weight"], "percent"),
    Column("drawn", H["drawn"], "integer"),
    Column("reviewed", H["reviewed"], "integer"),
    Column("compliant", H["compliant"], "integer"),
    Column("compliance", H["compliance"], "percent"),
    Column("low", H["low"], "percent"),
    Column("high", H["high"], "percent"),
    Column("population_share", H["population_share"], "percent"),
)
ITEM_COLUMNS = (
    Column("checklist", H["checklist"], max_width=30),
    Column("item_id", H["item_id"]),
    Column("item_text", H["item_text"], max_width=60),
    Column("reference", H["reference"], max_width=30),
    Column("applicable", H["applicable"], "integer"),
    Column("failed", H["failed"], "integer"),
    Column("failure", H["failure"], "percent"),
    Column("low", H["low"], "percent"),
    Column("high", H["high"], "percent"),
    Column("share", H["share"], "percent"),
    Column("cumulative", H["cumulative"], "percent"),
)


def _group_values(g: GroupFigures) -> list[Any]:
    c = g.compliance
    return [g.cases, g.reviewed, g.compliant, c.rate, c.low, c.high, g.defects, g.errors,
            *(g.findings[s] for s in SEVERITIES), g.findings_total, g.median_minutes]


#: A unit's position on the funnel plot, written only for a unit beyond a 95% limit.
FUNNEL_COLUMN = Column("funnel", H["funnel"], "label", {code: T(*words) for code, words in POSITION_LABELS.items()},
                       min_width=12, max_width=24)


def write_breakdown(sheet: Worksheet, kind: str, report: Report, language: str, progress: Progress,
                    cancel: CancelToken, funnel: UnitFunnel | None = None) -> int:
    """By department / By examiner / By IP type, rows below the target highlighted, in the report's
    order (by name, never by rate). With `funnel`, a last column names the position of each unit
    outside the funnel's 95% limits (the Funnel sheet has every unit's figures)."""
    if kind == "department":
        keys = (Column("department", H["department"]),)
        groups = report.by_department
    elif kind == "examiner":
        keys = (Column("department", H["department"]), Column("examiner", H["examiner"]))
        groups = report.by_examiner
    else:
        keys = (Column("ip_type", H["ip_type"], "label", IP_TYPE_LABELS),)
        groups = report.by_ip_type
    columns = (*keys, *_weighted(GROUP_FIGURE_COLUMNS, report, "compliance", "compliance_weighted"))
    high_column = next(i for i, c in enumerate(columns) if c.key == "high")
    rows = ([*g.key, *_group_values(g)] for g in groups)
    if funnel is not None:
        outside = {key: unit.position for key, unit in funnel.outside}
        columns = (*columns, FUNNEL_COLUMN)
        rows = ([*g.key, *_group_values(g), outside.get(g.key)] for g in groups)
    return write_table(sheet, columns=columns, rows=rows,
                       language=language, table_name=TABLE_NAMES[kind], progress=progress, cancel=cancel,
                       highlight=Highlight(get_column_letter(high_column + 1), report.target))


def sheet_keys(rnd: RoundInfo | None, *, strata: bool, disputes: bool, screening: bool) -> tuple[str, ...]:
    """The workbook's sheets for a scope of round `rnd` (None: all cases): By stratum only for a round
    with strata (`strata`), Calibration only for a calibration round, Disputes only when a finding of
    the scope was sent (`disputes`), Screening yield only when a case of the scope was screened for
    abnormal filing (`screening`)."""
    shown = {"stratum": strata, "calibration": rnd is not None and rnd.calibration,
             "disputes": disputes, "screening": screening}
    return tuple(k for k in SHEETS if shown.get(k, True))


def write_strata(sheet: Worksheet, report: Report, language: str, progress: Progress, cancel: CancelToken) -> int:
    """The round's design per stratum (population, weight, drawn, reviewed) and its compliance."""
    rows = ([st.name, st.population, st.weight, st.drawn, st.reviewed, st.compliant, st.compliance.rate,
             st.compliance.low, st.compliance.high, st.population_share] for st in report.strata)
    return write_table(sheet, columns=STRATUM_COLUMNS, rows=rows, language=language,
                       table_name=TABLE_NAMES["stratum"], progress=progress, cancel=cancel,
                       highlight=Highlight(get_column_letter(9), report.target))


def write_items(sheet: Worksheet, report: Report, language: str, progress: Progress, cancel: CancelToken) -> int:
    rows = ([i.checklist.get(language), i.item_id, i.text.get(language), i.reference.get(language), i.applicable, i.failed,
             i.failure.rate, i.failure.low, i.failure.high, i.share, i.cumulative] for i in report.items)
    return write_table(sheet, columns=_weighted(ITEM_COLUMNS, report, "failure", "failure_weighted"), rows=rows, language=language, table_name=TABLE_NAMES["item"],
                       progress=progress, cancel=cancel)


def _weighted(columns: tuple[Column, ...], report: Report, key: str, header: str) -> tuple[Column, ...]:
    """In a stratified round the rate column says it holds the stratified estimate."""
    if not report.weighted:
        return columns
    return tuple(replace(c, header=H[header]) if c.key == key else c for c in columns)


def case_columns(report: Report, columns: tuple[Column, ...] = CASE_COLUMNS) -> tuple[Column, ...]:
    """The Cases and Answers sheets show the stratum only for a round drawn by strata or lots."""
    return listing_columns(columns, bool(report.scope.round is not None and report.strata))


def case_picked(report: Report, columns: tuple[Column, ...] = CASE_COLUMNS) -> tuple[int, ...] | None:
    """The fields of each listed row that case_columns shows (None: every one)."""
    return listing_picked(columns, bool(report.scope.round is not None and report.strata))


def listing_columns(columns: tuple[Column, ...], stratum: bool) -> tuple[Column, ...]:
    """The columns shown, the stratum only when `stratum` (case_columns, decided before the figures)."""
    return columns if stratum else tuple(c for c in columns if c.key != "stratum")


def listing_picked(columns: tuple[Column, ...], stratum: bool) -> tuple[int, ...] | None:
    """The fields of each listed row that listing_columns shows (None: every one)."""
    return None if stratum else tuple(i for i, c in enumerate(columns) if c.key != "stratum")


def case_values(report: Report, rows: Iterable[Sequence[Any]],
                columns: tuple[Column, ...] = CASE_COLUMNS) -> Iterable[Sequence[Any]]:
    picked = case_picked(report, columns)
    # Every column but the stratum, picked in C: this runs once a row of a million-row sheet.
    return rows if picked is None else map(itemgetter(*picked), rows)


def sheet_name(key: str, language: str) -> str:
    return SHEETS[key].get(language)
