"""The quality-and-efficiency report as a PDF: `python main.py export OUT.pdf`, and File > Export
report as PDF in the window.

The same `Report` as the workbook and the Dashboard (`report.figures.compute_report`), laid out on
A4 pages by `report.pdf` in the chosen language: the Summary (what was reviewed, the headline
figures with their intervals and how they were estimated, findings by severity, efficiency), two
bar charts, the breakdowns by department, examiner, IP type and checklist item, and for a round
its design (method, seed, plan, strata with their weights). Every page names the report and its
scope, carries the audit anchor and "Page N of M". Numbers are printed as the workbook shows them
(rates 0.0%). Written to a temporary file beside the target and renamed into place.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

import sqlite_utils

from foundation.errors import WorkbenchError, register
from foundation.files import atomic_target
from foundation.jobs import CancelToken, Progress, no_progress
from workbench.audit.anchors import anchor_line
from workbench.review.checklists import Text
from workbench.report.figures import (
    DEFAULT_TARGET,
    IP_TYPE_LABELS,
    SEVERITY_LABELS,
    GroupFigures,
    Report,
    ReportFilter,
    compute_report,
)
from workbench.report import round_words
from workbench.report.page_parts import Bar, Column
from workbench.report.sheets import H
from workbench.report.summary_sheets import S, method_label
from workbench.report.estimator_words import estimator_words

if TYPE_CHECKING:    # Qt is loaded only when a PDF is written
    from workbench.report.pdf import PdfLayout

register({
    "export.bad_pdf_suffix": "{path}: the PDF report must be a .pdf file.",
})

T = Text
P = {   # texts of the PDF only; the rest are the workbook's (S, H)
    "page": T("Page {n} of {m}", "第 {n} 页，共 {m} 页"),
    "scope_round": T("Round {name}", "评查轮次 {name}"),
    "scope_all": T("All cases", "全部案件"),
    "scope_period": T("decided {start} to {end}", "结案日 {start} 至 {end}"),
    "breakdowns": T("Breakdowns", "分项统计"),
    "by_department": T("By department", "按部门"),
    "by_examiner": T("By examiner", "按审查员"),
    "by_ip_type": T("By IP type", "按类型"),
    "by_item": T("By checklist item", "按评查项"),
    "design": T("Design of the round", "轮次设计"),
    "below_target": T("Shaded rows: the whole interval of the compliance rate lies below the target ({target}).",
                      "底色行：合格率的整个置信区间低于目标值（{target}）。"),
    "target_line": T("Dashed line: the target compliance rate ({target}).", "虚线：目标合格率（{target}）。"),
    "items_note": T("The {count} items with the most failures; the workbook lists every item.",
                    "不合格次数最多的 {count} 个评查项；工作簿列出全部评查项。"),
    "rendering": T("Drawing the pages", "正在绘制页面"),
    "category_chart": T("Findings by error category", "按差错类别统计的问题"),
}
MAX_ITEMS = 40          # checklist items printed (most failures first); the workbook has them all


@dataclass
class PdfResult:
    path: str
    pages: int = 0
    cases: int = 0
    reviewed: int = 0
    findings: int = 0
    report: Report | None = None


def pct(value: float | None) -> str:
    """A rate as the workbook's 0.0% format shows it."""
    return "" if value is None else f"{100 * value:.1f}%"


def num(value: float | int | None, decimals: int = 0) -> str:
    return "" if value is None else f"{value:,.{decimals}f}"


def write_pdf_report(db: sqlite_utils.Database, out_path: str | Path, *, language: str = "en",
                     report_filter: ReportFilter = ReportFilter(), target: float = DEFAULT_TARGET,
                     progress: Progress = no_progress, cancel: CancelToken | None = None) -> PdfResult:
    """Write the PDF report for the filter; raises WorkbenchError (unknown round, no CJK font, unwritable)."""
    out_path = Path(out_path)
    if out_path.suffix.lower() != ".pdf":
        raise WorkbenchError("export.bad_pdf_suffix", path=str(out_path))
    cancel = cancel or CancelToken()
    language = "zh" if language.startswith("zh") else "en"
    from workbench.report.pdf import PdfLayout
    layout = PdfLayout(language)           # refuses a Chinese report without a CJK font, before any work
    with atomic_target(out_path) as temp_name:
        progress(0, 0, S["computing"].get(language))
        report = compute_report(db, report_filter, target=target)
        cancel.check()
        progress(0, 0, P["rendering"].get(language))
        lay_out_report(layout, report, language, cancel)
        cancel.check()
        t = _translator(language)
        pages = layout.write(temp_name, header=t(S["title"]), scope=scope_text(report, language),
                             footer=anchor_line(db), page_label=lambda n, m: t(P["page"], n=n, m=m))
        cancel.check()
    progress(1, 1, S["saved"].get(language))
    return PdfResult(str(out_path), pages=pages, cases=report.cases, reviewed=report.reviewed,
                     findings=report.overall.findings_total, report=report)


def _translator(language: str):   # type: ignore[no-untyped-def]
    def t(text: Text, **params: Any) -> str:
        value = text.get(language)
        return value.format(**params) if params else value
    return t


def scope_text(report: Report, language: str) -> str:
    """What the report covers, for the header of every page."""
    t = _translator(language)
    rnd, flt = report.scope.round, report.scope.filter
    scope = t(P["scope_round"], name=rnd.name) if rnd else t(P["scope_all"])
    if flt.date_from or flt.date_to:
        any_date = t(S["any_date"])
        scope += ", " + t(P["scope_period"], start=flt.date_from or any_date, end=flt.date_to or any_date)
    return scope


def lay_out_report(layout: PdfLayout, report: Report, language: str, cancel: CancelToken) -> None:
    t = _translator(language)
    layout.title(t(S["title"]), scope_text(report, language))
    _reviewed_what(layout, report, t)
    _headline(layout, report, t)
    _severities_and_efficiency(layout, report, t)
    cancel.check()
    _charts(layout, report, t)
    _breakdowns(layout, report, t, language)
    cancel.check()
    _items(layout, report, t, language)
    if report.scope.round is not None:
        _design(layout, report, t, language)


def _pairs(layout: PdfLayout, rows: Sequence[tuple[str, str]]) -> None:
    layout.table([Column("", 0.45), Column("", 0.55)], rows)


def _reviewed_what(layout: PdfLayout, report: Report, t: Any) -> None:
    rnd, flt = report.scope.round, report.scope.filter
    rows = [(t(S["round"]), rnd.name if rnd else t(S["no_round"]))]
    if rnd is not None:
        rows += [(t(S["method"]), method_label(rnd.method, layout.language)), (t(S["seed"]), str(rnd.seed))]
    rows += [(t(S["period_from"]), str(flt.date_from) if flt.date_from else t(S["any_date"])),
             (t(S["period_to"]), str(flt.date_to) if flt.date_to else t(S["any_date"])),
             (t(S["population"]), num(report.population))]
    if report.drawn is not None:
        rows.append((t(S["sample"]), num(report.drawn)))
    else:
        rows.append((t(S["in_report"]), num(report.cases)))
    rows += [(t(S["reviewed"]), num(report.reviewed)), (t(S["in_progress"]), num(report.in_progress)),
             (t(S["not_reviewed"]), num(report.not_reviewed)), (t(S["target"]), pct(report.target))]
    layout.heading(t(S["reviewed_what"]))
    _pairs(layout, rows)


def _headline(layout: PdfLayout, report: Report, t: Any) -> None:
    """The three rates with their intervals, and how they were estimated."""
    overall, weighted = report.overall, report.weighted
    kind = "_weighted" if report.unequal else "_stratified" if weighted else ""
    rows = [(S["compliance" + kind], overall.compliance, overall.compliant),
            (S["defect_rate" + kind], report.defect_rate, overall.defects),
            (S["error_rate" + kind], report.error_rate, overall.errors)]
    columns = [Column(t(S["headline"]), 0.4), Column(t(S["value"]), 0.12, True), Column(t(H["low"]), 0.12, True),
               Column(t(H["high"]), 0.12, True), Column(t(S["count"]), 0.12, True), Column(t(S["of"]), 0.12, True)]
    layout.heading(t(S["headline"]), keep_with=layout.line_height(layout.body) * 6)
    layout.table(columns, [[t(label), pct(e.rate), pct(e.low), pct(e.high), num(count), num(overall.reviewed)]
                           for label, e, count in rows])
    if weighted:
        name, definition = estimator_words(report)
        layout.note(t(S["labelled"], name=t(S["estimator"]), value=f"{t(name)} {t(definition)}"))
        layout.note(t(S["weighted_note_unequal" if report.unequal else "weighted_note"]))
    else:
        layout.note(t(S["labelled"], name=t(S["estimator"]), value=t(S["wilson"])))
        if report.stratified_note:
            layout.note(t(S["no_stratified_" + report.stratified_note]))
    if report.uncovered_strata:
        layout.note(t(S["coverage"], share=f"{100 * report.covered_share:.1f}%",
                      names=", ".join(report.uncovered_strata), population=report.uncovered_population))
    if report.reviewed == 0:
        layout.note(t(S["nothing_reviewed"]))
    layout.space()


def _severities_and_efficiency(layout: PdfLayout, report: Report, t: Any) -> None:
    columns = [Column(t(S["severity"]), 0.28), Column(t(S["findings"]), 0.12, True),
               Column(t(S["severity_cases"]), 0.15, True), Column(t(S["severity_share"]), 0.15, True),
               Column(t(H["low"]), 0.15, True), Column(t(H["high"]), 0.15, True)]
    rows = [[t(SEVERITY_LABELS[s.severity]), num(s.findings), num(s.cases), pct(s.rate.rate), pct(s.rate.low),
             pct(s.rate.high)] for s in report.severities]
    rows.append([t(S["total"]), num(report.overall.findings_total), "", "", "", ""])
    layout.heading(t(S["severity_block"]), keep_with=layout.line_height(layout.body) * 4)
    layout.table(columns, rows)
    overall = report.overall
    rows = [[t(S["median_minutes"]), num(overall.median_minutes, 1), num(overall.timed)],
            [t(S["p90_minutes"]), num(overall.p90_minutes, 1), num(overall.timed)]]
    for p in report.pendency:
        name = t(IP_TYPE_LABELS[p.ip_type]) if p.ip_type in IP_TYPE_LABELS else p.ip_type
        rows.append([t(S["pendency"], ip_type=name), num(p.median_days, 1), num(p.cases)])
    layout.heading(t(S["efficiency"]), keep_with=layout.line_height(layout.body) * 4)
    layout.table([Column(t(S["efficiency"]), 0.64), Column(t(S["value"]), 0.18, True),
                  Column(t(S["count"]), 0.18, True)], rows)


def _charts(layout: PdfLayout, report: Report, t: Any) -> None:
    """Compliance by department with its intervals, and findings by error category."""
    departments = [g for g in report.by_department if g.reviewed]
    if departments:
        layout.bar_chart(t(S["chart_compliance"]), [
            Bar(g.key[0] or t(S["no_department"]), g.compliance.rate or 0.0, g.compliance.low, g.compliance.high,
                pct(g.compliance.rate)) for g in departments],
            target=report.target, target_label=t(P["target_line"], target=pct(report.target)))
    if report.categories:
        top = max(c.findings for c in report.categories)
        layout.bar_chart(t(P["category_chart"]), [
            Bar(t(c.label), float(c.findings), text=f"{num(c.findings)} ({pct(c.share)})")
            for c in report.categories], maximum=float(top))


def _group_columns(t: Any, keys: Sequence[Column], weighted: bool) -> list[Column]:
    return [*keys, Column(t(H["cases"]), 0.07, True), Column(t(H["reviewed"]), 0.10, True),
            Column(t(H["compliant"]), 0.10, True),
            Column(t(H["compliance_weighted"] if weighted else H["compliance"]), 0.11, True),
            Column(t(H["low"]), 0.08, True), Column(t(H["high"]), 0.08, True),
            Column(t(H["findings_total"]), 0.09, True), Column(t(H["median_minutes"]), 0.11, True)]


def _group_row(g: GroupFigures) -> list[str]:
    c = g.compliance
    return [num(g.cases), num(g.reviewed), num(g.compliant), pct(c.rate), pct(c.low), pct(c.high),
            num(g.findings_total), num(g.median_minutes, 1)]


def _breakdowns(layout: PdfLayout, report: Report, t: Any, language: str) -> None:
    weighted = report.weighted
    no_department = t(S["no_department"])
    parts = (
        (P["by_department"], [Column(t(H["department"]), 0.26)], report.by_department,
         lambda g: [g.key[0] or no_department]),
        (P["by_examiner"], [Column(t(H["department"]), 0.13), Column(t(H["examiner"]), 0.13)], report.by_examiner,
         lambda g: [g.key[0] or no_department, g.key[1] or ""]),
        (P["by_ip_type"], [Column(t(H["ip_type"]), 0.26)], report.by_ip_type,
         lambda g: [t(IP_TYPE_LABELS[g.key[0]]) if g.key[0] in IP_TYPE_LABELS else g.key[0]]),
    )
    layout.new_page()
    layout.title(t(P["breakdowns"]))
    for title, keys, groups, names in parts:
        layout.heading(t(title), keep_with=layout.line_height(layout.body) * 4)
        layout.table(_group_columns(t, keys, weighted), [[*names(g), *_group_row(g)] for g in groups],
                     highlighted=[g.below_target for g in groups])
    layout.note(t(P["below_target"], target=pct(report.target)))


def _items(layout: PdfLayout, report: Report, t: Any, language: str) -> None:
    items = sorted(report.items, key=lambda i: -i.failed)[:MAX_ITEMS]
    if not items:
        return
    failure = H["failure_weighted"] if report.weighted else H["failure"]
    columns = [Column(t(H["item_id"]), 0.17), Column(t(H["item_text"]), 0.31), Column(t(H["applicable"]), 0.1, True),
               Column(t(H["failed"]), 0.1, True), Column(t(failure), 0.12, True), Column(t(H["low"]), 0.1, True),
               Column(t(H["high"]), 0.1, True)]
    layout.heading(t(P["by_item"]), keep_with=layout.line_height(layout.body) * 4)
    layout.table(columns, [[i.item_id, t(i.text), num(i.applicable), num(i.failed), pct(i.failure.rate),
                            pct(i.failure.low), pct(i.failure.high)] for i in items])
    if len(report.items) > MAX_ITEMS:
        layout.note(t(P["items_note"], count=MAX_ITEMS))


def _design(layout: PdfLayout, report: Report, t: Any, language: str) -> None:
    """The round's method, seed, plan and filters, and its strata with their weights."""
    rnd = report.scope.round
    assert rnd is not None
    layout.heading(t(P["design"]), keep_with=layout.line_height(layout.body) * 6)
    _pairs(layout, [(t(S["round"]), rnd.name), (t(S["method"]), method_label(rnd.method, language)),
                    (t(S["seed"]), str(rnd.seed)), (t(S["population"]), num(rnd.population)),
                    (t(S["plan"]), round_words.plan_shown(rnd.plan, language)),
                    (t(S["round_filters"]), round_words.filters_shown(rnd.filters, language)),
                    (t(S["round_created"]), str(rnd.created_at))])
    if not report.strata:
        return
    columns = [Column(t(H["stratum"]), 0.2), Column(t(H["population"]), 0.1, True), Column(t(H["weight"]), 0.09, True),
               Column(t(H["drawn"]), 0.08, True), Column(t(H["reviewed"]), 0.09, True),
               Column(t(H["compliant"]), 0.09, True), Column(t(H["compliance"]), 0.11, True),
               Column(t(H["low"]), 0.09, True), Column(t(H["high"]), 0.09, True)]
    layout.heading(t(S["strata_block"]), keep_with=layout.line_height(layout.body) * 4)
    layout.table(columns, [[round_words.stratum_label(s.name, language), num(s.population), pct(s.weight), num(s.drawn), num(s.reviewed),
                            num(s.compliant), pct(s.compliance.rate), pct(s.compliance.low),
                            pct(s.compliance.high)] for s in report.strata])
