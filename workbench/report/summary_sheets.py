"""The two sheets of the workbook written row by row, in the interface language: Summary (what
was reviewed, the headline figures, findings by severity, efficiency, and the figure blocks
behind its two charts) and About (where the figures come from and how they are defined).
Every number comes from a `workbench.report.figures.Report`; this module only lays it out.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Sequence

from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from workbench import APP_NAME, __version__
from workbench.review.checklists import Text
from workbench.report.excel_cells import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    DECIMAL_FORMAT,
    HEADER_ALIGNMENT,
    HEADER_FONT,
    HELPER_FONT,
    INTEGER_FORMAT,
    NOTE_FONT,
    PERCENT_FORMAT,
    SECTION_FONT,
    TITLE_FONT,
    WRAP,
    display_width,
    styled,
    text_value,
    xml_text,
)
from workbench.report import glossary, round_words, sheets
from workbench.report.excel_charts import compliance_bar_chart, pareto_chart, short_label
from workbench.report.excel_grid import wrapped_lines
from workbench.report.excel_print import page_setup, print_range
from workbench.report.dispute_figures import DisputeFigures
from workbench.report.figures import (
    DEFINITIONS,
    IP_TYPE_LABELS,
    SEVERITY_LABELS,
    Report,
)
from workbench.report.estimator_words import estimator_words
from workbench.stats.intervals import Proportion

T = Text
H = sheets.H
TOP = Alignment(vertical="top")
SECTION_FILL = PatternFill("solid", fgColor="DDEBF7")
SECTION_BORDER = Border(bottom=Side(style="thin", color="8EA9DB"))
# Summary columns: labels in A, figures in B..K (the strata table is the widest, ten figures),
# the chart-only helper columns (interval minus and plus) in L and M, hidden and not printed.
LABEL_WIDTH = 46
FIGURE_WIDTH = 11
FIGURE_COLUMNS = 10
PRINTED_COLUMNS = 1 + FIGURE_COLUMNS
MINUS_COLUMN, PLUS_COLUMN = 12, 13
NOTE_COLUMNS = 6                  # notes span A..F, beside the charts (which start at G)
LINE_POINTS = 14.0                # one line of 10-11 pt text

S = {   # Summary and About texts
    "title": T("Quality and efficiency report", "质量与效率报告"),
    "reviewed_what": T("What was reviewed", "评查范围"),
    "round": T("Round", "评查轮次"),
    "no_round": T("All cases (no round chosen)", "全部案件（未选轮次）"),
    "method": T("Sampling method", "抽样方法"),
    "seed": T("Seed", "随机种子"),
    "period_from": T("Decided from", "结案日起"),
    "period_to": T("Decided to", "结案日止"),
    "any_date": T("any date", "不限"),
    "round_filters": T("Round filters", "轮次筛选条件"),
    "population": T("Population (cases)", "总体（案件数）"),
    "sample": T("Sample (cases drawn)", "样本（抽取案件数）"),
    "in_report": T("Cases in this report", "本报告案件数"),
    "reviewed": T("Reviewed (completed or signed off)", "已评查（已完成或已确认）"),
    "in_progress": T("Review in progress", "评查中"),
    "not_reviewed": T("Not reviewed", "未评查"),
    "target": T("Target compliance rate", "目标合格率"),
    "headline": T("Headline figures", "主要指标"),
    "figure": T("Figure", "指标"),
    "value": T("Value", "数值"),
    "count": T("Cases", "案件数"),
    "of": T("Of reviewed", "已评查数"),
    "compliance": T("Compliance rate", "合格率"),
    "compliance_stratified": T("Compliance rate (stratified estimate)", "合格率（分层估计）"),
    "compliance_weighted": T("Compliance rate (weighted estimate)", "合格率（加权估计）"),
    "defect_rate_weighted": T("Defect rate (weighted estimate)", "瑕疵率（加权估计）"),
    "error_rate_weighted": T("Error rate (weighted estimate)", "差错率（加权估计）"),
    "compliance_before_weighted": T("Compliance rate before disputes (weighted)", "异议前合格率（加权估计）"),
    "weighted_note_unequal": T("Every rate of this report, overall and by department, examiner, IP type, severity and "
                               "checklist item, is the Hájek estimate weighted by the design weights 1/pi of the "
                               "risk-based draw, with its Korn-Graubard interval; counts are reviewed cases "
                               "(unweighted).",
                               "本报告的全部比率（总体及按部门、审查员、类型、严重程度和评查项）均为按风险抽样设计权重 1/π "
                               "加权的 Hájek 估计，区间为 Korn-Graubard 区间；计数为已评查案件数（未加权）。"),
    "weighted_summary_unequal": T("This round was drawn with probabilities by risk (high-risk cases over-sampled): "
                                  "every rate of this report, overall and by department, examiner, IP type, severity "
                                  "and checklist item, is the Hájek estimate weighted by 1/pi with its Korn-Graubard "
                                  "95% interval, so it estimates the whole population; counts are reviewed cases. "
                                  "The formulas are on the About sheet.",
                                  "本轮次按风险分值以不等概率抽样（多抽高风险案件）：本报告的全部比率（总体及按部门、审查员、"
                                  "类型、严重程度和评查项）均为按 1/π 加权的 Hájek 估计，区间为 Korn-Graubard 95% 区间，"
                                  "因此估计的是整个总体；计数为已评查案件数。计算公式见“说明”工作表。"),
    "compliance_simple": T("Compliance rate (unweighted)", "合格率（未加权）"),
    "defect_rate": T("Defect rate", "瑕疵率"),
    "error_rate": T("Error rate", "差错率"),
    "defect_rate_stratified": T("Defect rate (stratified estimate)", "瑕疵率（分层估计）"),
    "error_rate_stratified": T("Error rate (stratified estimate)", "差错率（分层估计）"),
    "compliance_before": T("Compliance rate before disputes", "异议前合格率"),
    "compliance_before_stratified": T("Compliance rate before disputes (stratified)", "异议前合格率（分层估计）"),
    "dispute_rates": T("Dispute rate {disputed_rate} ({disputed} of {sent} findings sent); overturn rate "
                       "{overturned_rate} ({overturned} of {decided} decided): see the {sheet} sheet.",
                       "异议率 {disputed_rate}（已发送问题 {sent} 项，异议 {disputed} 项）；改判率 {overturned_rate}"
                       "（已裁决 {decided} 项，改判 {overturned} 项）；详见“{sheet}”工作表。"),
    "weighted_note": T("Every rate of this report, overall and by department, examiner, IP type, severity and "
                       "checklist item, is the stratified (domain) estimate with its Korn-Graubard interval; counts "
                       "are reviewed cases.",
                       "本报告的全部比率（总体及按部门、审查员、类型、严重程度和评查项）均为分层（子总体）估计，区间为 "
                       "Korn-Graubard 区间；计数为已评查案件数。"),
    "coverage": T("The estimate covers {share} of the population: no reviewed case yet in {names} "
                  "(population {population}).",
                  "估计覆盖总体的 {share}：{names} 尚无已评查案件（总体 {population}）。"),
    "severity_cases": T("Cases with one", "涉及案件"),
    "severity_share": T("Share of reviewed", "占已评查比例"),
    "estimator": T("Estimator", "估计方法"),
    "wilson": T("Share of reviewed cases; 95% Wilson score interval.", "已评查案件中的比例；95% Wilson 得分区间。"),
    "no_stratified_period": T("No stratified estimate: a period narrows the round, so the stratum weights "
                              "(shares of the whole round's population) do not apply.",
                              "未做分层估计：所选期间只覆盖轮次的一部分，各层权重（占整轮总体的比重）不再适用。"),
    "no_stratified_no_strata": T("No stratified estimate: the round stores no strata.",
                                 "未做分层估计：该轮次没有记录分层。"),
    "severity_block": T("Findings by severity", "按严重程度统计的问题"),
    "severity": T("Severity", "严重程度"),
    "findings": T("Findings", "问题数"),
    "total": T("Total", "合计"),
    "efficiency": T("Efficiency", "效率"),
    "median_minutes": T("Median active review minutes per case", "每案有效评查用时中位数（分钟）"),
    "p90_minutes": T("90th percentile of active review minutes", "有效评查用时第90百分位数（分钟）"),
    "pendency": T("Median pendency, filing to decision (days): {ip_type}", "审查周期中位数，申请日至结案日（天）：{ip_type}"),
    "department_block": T("Compliance by department", "各部门合格率"),
    "category_block": T("Findings by error category", "按差错类别统计的问题"),
    "strata_block": T("Strata of the round", "轮次的分层"),
    "nothing_reviewed": T("No reviewed cases yet.", "尚无已评查案件。"),
    "no_findings": T("No findings.", "没有问题。"),
    "chart_compliance": T("Compliance rate by department (95% interval)", "各部门合格率（95% 区间）"),
    "chart_pareto": T("Findings by error category (Pareto)", "差错类别帕累托图"),
    "plan_stored": T("Sampling plan (as stored, JSON)", "抽样方案（存储形式）"),
    "filters_stored": T("Round filters (as stored, JSON)", "轮次筛选条件（存储形式）"),
    "strata_count": T("Strata (figures on the {sheet} sheet)", "分层数（各层数据见“{sheet}”工作表）"),
    "chart_rows": T("The figures behind the two charts (not printed; the By department sheet has every department's "
                    "figures).", "两幅图所依据的数据（不打印；各部门的全部数据见“按部门”工作表）。"),
    "weighted_summary": T("Every rate of this report, overall and by department, examiner, IP type, severity and "
                          "checklist item, is the stratified (domain) estimate with its Korn-Graubard 95% interval; "
                          "counts are reviewed cases. The formulas are on the About sheet.",
                          "本报告的全部比率（总体及按部门、审查员、类型、严重程度和评查项）均为分层（子总体）估计，"
                          "区间为 Korn-Graubard 95% 区间；计数为已评查案件数。计算公式见“说明”工作表。"),
    "about_item": T("Item", "项目"),
    "about_value": T("Value", "内容"),
    "product": T("Product", "产品"),
    "database": T("Database file", "数据库文件"),
    "anchor": T("Audit anchor (verify --anchor this file)", "审计锚点（用 verify --anchor 命令核对本文件）"),
    "exported_at": T("Exported at", "导出时间"),
    "language": T("Language", "语言"),
    "confidence": T("Confidence level", "置信水平"),
    "round_created": T("Round created at", "轮次创建时间"),
    "plan": T("Sampling plan", "抽样方案"),
    "round_column": T("Round: {name}", "轮次：{name}"),
    "definitions": T("Definitions", "定义"),
    "no_department": T("(no department)", "（无部门）"),
    "labelled": T("{name}: {value}", "{name}：{value}"),
    "computing": T("Computing the figures", "正在计算指标"),   # progress messages of the export
    "saving": T("Saving the workbook", "正在保存工作簿"),
    "saved": T("Saved", "已保存"),
    "reproduce": T("Every figure can be recomputed from the Cases, Findings and Answers sheets with these "
                   "definitions. Findings and Answers hold the answers of the reviewed cases only (completed or "
                   "signed off), the reviews the figures count; reviews still in progress are left out.",
                   "按以上定义，可由“案件”“差错”“评查结果”三表重新计算全部指标。“差错”和“评查结果”两表只列出"
                   "已评查案件（已完成或已确认）的评查结果，即指标所计的评查；仍在评查中的不列入。"),
}


class _Sheet:
    """Appends rows to a write-only sheet and remembers the row number."""

    def __init__(self, sheet: Worksheet, language: str) -> None:
        self.sheet = sheet
        self.language = language
        self.row = 0
        self.values: dict[tuple[int, int], Any] = {}     # what each cell holds, for the charts' caches

    def t(self, text: Text, **params: Any) -> str:
        value = text.get(self.language)
        return xml_text(value.format(**params)) if params else value     # params come from the data

    def add(self, values: Sequence[Any]) -> int:
        self.sheet.append(list(values))
        self.row += 1
        for column, value in enumerate(values, start=1):
            if value is not None:
                self.values[self.row, column] = value.value if isinstance(value, Cell) else value
        return self.row

    def blank(self) -> None:
        self.add([])

    def section(self, *titles: Text | str, helpers: Sequence[Text] = ()) -> int:
        """A block's heading row; column headings wrap (the row is made tall enough for them)."""
        cells, lines = [], 1
        for index, title in enumerate(titles):
            value = self.t(title) if isinstance(title, Text) else title
            cell = styled(self.sheet, value, font=SECTION_FONT, alignment=HEADER_ALIGNMENT if index else None)
            cell.fill = SECTION_FILL
            cell.border = SECTION_BORDER
            cells.append(cell)
            if index:      # bold 11 pt: a tenth wider than the body text
                lines = max(lines, wrapped_lines(value, FIGURE_WIDTH, 1.1))
        if helpers:      # the chart's helper columns, hidden: labelled so they never pass for figures
            cells += [None] * (MINUS_COLUMN - 1 - len(cells))
            cells += [styled(self.sheet, self.t(h), font=HELPER_FONT) for h in helpers]
        if lines > 1:
            self.sheet.row_dimensions[self.row + 1].height = LINE_POINTS * lines + 2
        return self.add(cells)

    def label(self, text: Text | str, **params: Any) -> Cell | str:
        return self.t(text, **params) if isinstance(text, Text) else text_value(self.sheet, text)

    def num(self, value: Any, number_format: str) -> Any:
        return None if value is None else styled(self.sheet, value, number_format)

    def pct(self, value: float | None) -> Any:
        return self.num(value, PERCENT_FORMAT)

    def count(self, value: int | None) -> Any:
        return self.num(value, INTEGER_FORMAT)

    def wrapped(self, label: str, text: str) -> int:
        """A label and a text value wrapped in cells merged across B..F, so it never runs under the charts."""
        row = self.row + 1
        width = (NOTE_COLUMNS - 1) * FIGURE_WIDTH
        lines = max(1, -(-display_width(text) * 11 // (10 * width)))     # 11 pt text: ~1.1 width a character
        if lines > 1:
            self.sheet.row_dimensions[row].height = LINE_POINTS * lines + 2
        self.sheet.merged_cells.add(f"B{row}:{get_column_letter(NOTE_COLUMNS)}{row}")
        value = text_value(self.sheet, text)
        if isinstance(value, Cell):          # text kept as text by the quote-prefix style
            value.alignment = WRAP
        elif isinstance(value, str):
            value = styled(self.sheet, value, alignment=WRAP)
        return self.add([styled(self.sheet, label, alignment=TOP), value])

    def note(self, text: str, font: Font = NOTE_FONT) -> int:
        """A note (10 pt italic, or `font`) wrapped in cells merged across A..F, so it never runs under the
        charts; its lines counted as the report's other sheets count them (excel_grid.wrapped_lines)."""
        row = self.row + 1
        width = LABEL_WIDTH + (NOTE_COLUMNS - 1) * FIGURE_WIDTH
        lines = wrapped_lines(text, width, (font.sz or 11) / 11)
        if lines > 1:
            self.sheet.row_dimensions[row].height = LINE_POINTS * lines + 2
        self.sheet.merged_cells.add(f"A{row}:{get_column_letter(NOTE_COLUMNS)}{row}")
        return self.add([styled(self.sheet, text, font=font, alignment=WRAP)])


def _interval(s: _Sheet, p: Proportion) -> list[Any]:
    return [s.pct(p.rate), s.pct(p.low), s.pct(p.high)]


@dataclass
class SummaryLayout:
    """Where the Summary's figure blocks are and what its cells hold: what its charts are drawn from."""
    blocks: dict[str, int]
    values: dict[tuple[int, int], Any]


def write_summary(sheet: Worksheet, report: Report, language: str,
                  disputes: DisputeFigures | None = None) -> SummaryLayout:
    """The Summary sheet, block by block; returns where its figure blocks are, for the charts. With
    disputes in the scope, the headline figures add compliance before them and the two dispute rates."""
    s = _Sheet(sheet, language)
    sheet.column_dimensions["A"].width = LABEL_WIDTH
    for column in range(2, PRINTED_COLUMNS + 1):
        sheet.column_dimensions[get_column_letter(column)].width = FIGURE_WIDTH
    for column in (MINUS_COLUMN, PLUS_COLUMN):
        sheet.column_dimensions[get_column_letter(column)].hidden = True
    # Set before the first row: a write-only sheet writes its properties with it.
    page_setup(sheet, fit_width=True, pages_tall=1)
    s.add([styled(sheet, s.t(S["title"]), font=TITLE_FONT)])
    s.blank()
    _reviewed_what(s, report)
    s.blank()
    _headline(s, report, disputes if disputes is not None and disputes.any_disputed else None)
    s.blank()
    _severity_block(s, report)
    s.blank()
    _efficiency(s, report)
    blocks: dict[str, int] = {"page_end": s.row}
    # Printed on one page: the figures beside the two charts (a round's strata have their own sheet,
    # since fitting to pages makes spreadsheet programs ignore a page break). The rows behind the
    # charts follow, unprinted: the charts show them and the By department sheet has them all.
    printed = s.row
    s.blank()
    s.note(s.t(S["chart_rows"]))
    _department_block(s, report, blocks)
    s.blank()
    _category_block(s, report, blocks)
    print_range(sheet, columns=PRINTED_COLUMNS, rows=printed, title_rows=None)
    return SummaryLayout(blocks, s.values)


def _reviewed_what(s: _Sheet, report: Report) -> None:
    """The round (method, seed, filters), the period, and how many cases are in it and reviewed."""
    sheet, rnd, flt = s.sheet, report.scope.round, report.scope.filter
    s.section(S["reviewed_what"], "")
    s.add([s.t(S["round"]), text_value(sheet, rnd.name) if rnd else s.t(S["no_round"])])
    if rnd is not None:
        s.add([s.t(S["method"]), text_value(sheet, method_label(rnd.method, s.language))])
        s.add([s.t(S["seed"]), rnd.seed])
        # Only the filters that narrow it (About lists them all), wrapped left of the charts.
        shown = round_words.filters_shown(rnd.filters or {}, s.language, set_only=True)
        s.wrapped(s.t(S["round_filters"]), shown)
        if report.strata:
            s.add([s.t(S["strata_count"], sheet=sheets.sheet_name("stratum", s.language)), s.count(len(report.strata))])
    s.add([s.t(S["period_from"]), s.num(flt.date_from, DATE_FORMAT) if flt.date_from else s.t(S["any_date"])])
    s.add([s.t(S["period_to"]), s.num(flt.date_to, DATE_FORMAT) if flt.date_to else s.t(S["any_date"])])
    s.add([s.t(S["population"]), s.count(report.population)])
    if report.drawn is not None:
        s.add([s.t(S["sample"]), s.count(report.drawn)])
    else:
        s.add([s.t(S["in_report"]), s.count(report.cases)])
    s.add([s.t(S["reviewed"]), s.count(report.reviewed)])
    s.add([s.t(S["in_progress"]), s.count(report.in_progress)])
    s.add([s.t(S["not_reviewed"]), s.count(report.not_reviewed)])
    s.add([s.t(S["target"]), s.pct(report.target)])


def _headline(s: _Sheet, report: Report, disputes: DisputeFigures | None) -> None:
    """Compliance, defect and error rate with their intervals, and notes on how they were estimated;
    with disputes, compliance before them and the dispute and overturn rates (the Disputes sheet has more)."""
    s.section(S["headline"], S["value"], H["low"], H["high"], S["count"], S["of"])
    overall = report.overall
    weighted = report.weighted
    kind = "_weighted" if report.unequal else "_stratified" if weighted else ""
    rows = ((S["compliance" + kind], report.overall.compliance, overall.compliant),
            (S["defect_rate" + kind], report.defect_rate, overall.defects),
            (S["error_rate" + kind], report.error_rate, overall.errors))
    for label, estimate, count in rows:
        s.add([s.t(label), *_interval(s, estimate), s.count(count), s.count(overall.reviewed)])
    if disputes is not None:
        _dispute_rows(s, disputes, kind)
    if weighted:     # the estimator's formulas are on the About sheet: the Summary keeps to one page
        s.note(s.t(S["weighted_summary_unequal" if report.unequal else "weighted_summary"]))
    else:
        s.note(s.t(S["labelled"], name=s.t(S["estimator"]), value=s.t(S["wilson"])))
        if report.stratified_note:
            s.note(s.t(S["no_stratified_" + report.stratified_note]))
    if report.uncovered_strata:
        s.note(s.t(S["coverage"], share=f"{100 * report.covered_share:.1f}%",
                   names=", ".join(report.uncovered_strata), population=report.uncovered_population))
    if report.reviewed == 0:
        s.note(s.t(S["nothing_reviewed"]))


def _dispute_rows(s: _Sheet, disputes: DisputeFigures, kind: str) -> None:
    """Two rows below the headline rates: compliance before disputes with its interval, and the rates;
    kind: the label's estimator suffix ("", "_stratified" or "_weighted")."""
    c = disputes.totals
    s.add([s.t(S["compliance_before" + kind]),
           *_interval(s, disputes.compliance_before), s.count(disputes.compliant_before), s.count(disputes.reviewed)])
    s.note(s.t(S["dispute_rates"], disputed_rate=_percent(c.dispute_rate), disputed=c.disputed, sent=c.sent,
               overturned_rate=_percent(c.overturn_rate), overturned=c.changed, decided=c.decided,
               sheet=sheets.sheet_name("disputes", s.language)), Font(size=11))


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _severity_block(s: _Sheet, report: Report) -> None:
    """Findings per severity, and the share of reviewed cases with at least one."""
    s.section(S["severity_block"], S["findings"], S["severity_cases"], S["severity_share"], H["low"], H["high"])
    for sev in report.severities:
        s.add([s.t(SEVERITY_LABELS[sev.severity]), s.count(sev.findings), s.count(sev.cases),
               *_interval(s, sev.rate)])
    s.add([styled(s.sheet, s.t(S["total"]), font=HEADER_FONT), s.count(report.overall.findings_total)])


def _efficiency(s: _Sheet, report: Report) -> None:
    """Review minutes (median, 90th percentile) and pendency per IP type."""
    overall = report.overall
    s.section(S["efficiency"], S["value"], "", "", S["count"])
    s.add([s.t(S["median_minutes"]), s.num(overall.median_minutes, DECIMAL_FORMAT), None, None,
           s.count(overall.timed)])
    s.add([s.t(S["p90_minutes"]), s.num(overall.p90_minutes, DECIMAL_FORMAT), None, None, s.count(overall.timed)])
    for p in report.pendency:
        name = IP_TYPE_LABELS[p.ip_type].get(s.language) if p.ip_type in IP_TYPE_LABELS else p.ip_type
        s.add([s.t(S["pendency"], ip_type=name), s.num(p.median_days, "#,##0.0"), None, None, s.count(p.cases)])


def _department_block(s: _Sheet, report: Report, blocks: dict[str, int]) -> None:
    """Compliance per department with reviewed cases: the rows behind the compliance chart."""
    s.section(S["department_block"], H["reviewed"], H["compliant"], H["compliance"], H["low"], H["high"],
              helpers=(H["minus"], H["plus"]))
    blocks["department_header"] = s.row
    charted = [g for g in report.by_department if g.reviewed]
    for g in charted:
        c = g.compliance
        figures = [text_value(s.sheet, g.key[0]) or s.t(S["no_department"]), s.count(g.reviewed),
                   s.count(g.compliant), *_interval(s, c)]
        s.add([*figures, *[None] * (MINUS_COLUMN - 1 - len(figures)), s.pct(c.rate - c.low), s.pct(c.high - c.rate)])
    blocks["department_last"] = s.row
    if not charted:
        s.note(s.t(S["nothing_reviewed"]))


def _category_block(s: _Sheet, report: Report, blocks: dict[str, int]) -> None:
    """Findings per category with their cumulative share: the rows behind the Pareto chart."""
    s.section(S["category_block"], S["findings"], H["share"], H["cumulative"])
    blocks["category_header"] = s.row
    for category in report.categories:
        label = category.label.get(s.language)
        figures = [text_value(s.sheet, label), s.count(category.findings), s.pct(category.share),
                   s.pct(category.cumulative)]
        # The chart's label, shortened, in the hidden helper column: long labels crowd the Pareto's axis.
        s.add([*figures, *[None] * (MINUS_COLUMN - 1 - len(figures)), text_value(s.sheet, short_label(label) if label else label)])
    blocks["category_last"] = s.row
    if not report.categories:
        s.note(s.t(S["no_findings"]))


def add_summary_charts(sheet: Worksheet, layout: SummaryLayout, language: str) -> int:
    """The two native charts beside the Summary figures; returns how many were added."""
    blocks, added = layout.blocks, 0
    anchor_row = 2
    anchor_column = get_column_letter(NOTE_COLUMNS + 1)
    if blocks["department_last"] > blocks["department_header"]:
        chart = compliance_bar_chart(
            sheet, layout.values, title=S["chart_compliance"].get(language), axis_title=H["compliance"].get(language),
            header_row=blocks["department_header"], last_row=blocks["department_last"],
            label_column=1, rate_column=4, minus_column=MINUS_COLUMN, plus_column=PLUS_COLUMN)
        sheet.add_chart(chart, f"{anchor_column}{anchor_row}")
        anchor_row += int(chart.height / 0.53) + 1      # rows are about 0.53 cm high
        added += 1
    if blocks["category_last"] > blocks["category_header"]:
        chart = pareto_chart(
            sheet, layout.values, title=S["chart_pareto"].get(language), count_title=S["findings"].get(language),
            header_row=blocks["category_header"], last_row=blocks["category_last"],
            label_column=MINUS_COLUMN, count_column=2, cumulative_column=4)
        # As tall as page 1 leaves below the first chart: its upright labels take a third of it.
        page_end = blocks["page_end"]
        chart.height = max(chart.height, min(14.0, (page_end - anchor_row) * 0.53 - 0.5))
        sheet.add_chart(chart, f"{anchor_column}{anchor_row}")
        added += 1
    return added


# -- About --------------------------------------------------------------------------------------

def write_about(sheet: Worksheet, report: Report, language: str, *, database_file: str,
                exported_at: datetime, anchor: str = "") -> None:
    s = _Sheet(sheet, language)
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 110
    page_setup(sheet, fit_width=True)

    def row(label: Text | str, value: Any) -> None:
        if isinstance(value, str):
            lines = wrapped_lines(value, 110, 1.1)
            if lines > 1:    # a definition or the estimator: tall enough to print whole
                sheet.row_dimensions[s.row + 1].height = LINE_POINTS * lines + 2
            shown = text_value(sheet, value)
            if isinstance(shown, Cell):        # an error code's text ("#N/A"), already a text cell
                shown.alignment = WRAP
                value = shown
            else:
                value = styled(sheet, shown, alignment=WRAP) if shown else None
        name = s.label(label)
        if isinstance(name, str) and isinstance(value, Cell) and value.alignment is not None:
            name = styled(sheet, name, alignment=TOP)    # beside the first line of a wrapped text
        s.add([name, value])

    s.section(S["about_item"], S["about_value"])
    row(S["product"], f"{APP_NAME} {__version__}")
    row(S["database"], database_file)
    row(S["exported_at"], styled(sheet, exported_at, DATETIME_FORMAT))
    if anchor:   # the audit chain's head when written: `verify --anchor` this file
        row(S["anchor"], anchor)
    row(S["language"], "中文" if language.startswith("zh") else "English")
    rnd = report.scope.round
    flt = report.scope.filter
    row(S["round"], rnd.name if rnd else s.t(S["no_round"]))
    row(S["period_from"], styled(sheet, flt.date_from, DATE_FORMAT) if flt.date_from else s.t(S["any_date"]))
    row(S["period_to"], styled(sheet, flt.date_to, DATE_FORMAT) if flt.date_to else s.t(S["any_date"]))
    row(S["target"], styled(sheet, report.target, PERCENT_FORMAT))
    row(S["confidence"], styled(sheet, report.confidence, "0%"))
    if rnd is not None:
        _about_round(s, rnd, row)
    s.blank()
    s.section(S["definitions"], "")
    for name, text in DEFINITIONS:
        row(name, text.get(language))
    if report.weighted:
        name, definition = estimator_words(report)
        note = S["weighted_note_unequal" if report.unequal else "weighted_note"]
        row(S["estimator"], f"{s.t(name)} {s.t(definition)} {s.t(note)}")
    else:
        row(S["estimator"], s.t(S["wilson"]))
    s.blank()
    s.add([styled(sheet, s.t(S["reproduce"]), font=NOTE_FONT)])
    print_range(sheet, columns=2, rows=s.row)


def _about_round(s: _Sheet, rnd: Any, row: Any) -> None:
    """The round's design on the About sheet: in words, and in English also as stored."""
    zh = s.language.startswith("zh")
    row(S["method"], method_label(rnd.method, s.language))
    row(S["plan"], round_words.plan_shown(rnd.plan, s.language))
    if not zh:      # the record as stored, for a script; the Chinese workbook keeps to words
        row(S["plan_stored"], round_words.stored_json(rnd.plan))
    row(S["seed"], rnd.seed)
    row(S["round_filters"], round_words.filters_shown(rnd.filters, s.language))
    if not zh:
        row(S["filters_stored"], round_words.stored_json(rnd.filters))
    row(S["population"], rnd.population)
    row(S["round_created"], rnd.created_at)
    for name, value in rnd.stored:
        if name in ("id", "name", "created_at", "plan", "seed", "filters", "population"):
            continue
        if zh:
            value = round_words.stored_value(name, value)
            name = round_words.stored_label(name)
        row(s.t(S["round_column"], name=name), value if isinstance(value, (int, float)) else str(value or ""))


METHODS = glossary.labels("method")


def method_label(method: str, language: str) -> str:
    """The sampling method in the window's words (resources/glossary.json)."""
    if method == "calibration":
        return round_words.CALIBRATION.get(language)
    label = METHODS.get(method)
    return label.get(language) if label is not None else xml_text(method)
