"""The Disputes sheet (issue 15), in the interface language: what became of the findings sent to
examiners in the report's scope, compliance before and after the manager's decisions with their
95% intervals (the report's estimator), the dispute and overturn rates per checklist item (the most
overturned first: an item often overturned is badly worded) and per reviewer (one often overturned
needs calibration), what is past its response deadline, and how each figure is defined.

Shown only when a finding of the scope was sent. The figures come from
`workbench.report.dispute_figures`; this module only lays them out, on one grid of columns
(workbench.report.excel_grid) so the sheet prints one page wide.
"""
from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from workbench.report.dispute_figures import DisputeCounts, DisputeFigures
from workbench.report.excel_cells import DATE_FORMAT, INTEGER_FORMAT, PERCENT_FORMAT, styled
from workbench.report.excel_grid import Grid
from workbench.report.excel_print import page_setup, print_range
from workbench.report.strata import Estimate
from workbench.review.checklists import Text

T = Text

# The grid: checklist (or finding ID), item (or case), item text, then eight figure columns.
WIDTHS = (21.0, 20.0, 40.0, 9.0, 9.0, 9.0, 9.0, 11.0, 11.0, 11.0, 10.0)
LAST = len(WIDTHS)
RIGHT = Alignment(horizontal="right", vertical="top")
LEFT = Alignment(horizontal="left", vertical="top")
INDENTED = Alignment(horizontal="left", wrap_text=True, vertical="top", indent=1)

W = {
    "title": T("Feedback and disputes", "反馈与异议"),
    "scope": T("Scope", "统计范围"),
    "round": T("Round {name}", "评查轮次 {name}"),
    "all_cases": T("All cases", "全部案件"),
    "period": T("decided {start} to {end}", "结案日 {start} 至 {end}"),
    "any_date": T("any date", "不限"),
    "as_of": T("Deadlines counted on", "逾期计算日"),
    "sent": T("Findings sent to examiners", "已发送给审查员的问题"),
    "agreed": T("Agreed by the examiner", "审查员同意"),
    "disputed": T("Disputed", "提出异议"),
    "no_response": T("No response yet", "尚未答复"),
    "open": T("Disputes awaiting a decision", "待裁决的异议"),
    "decided": T("Decided", "已裁决"),
    "upheld": T("Upheld", "维持"),
    "overturned": T("Overturned", "撤销"),
    "regraded": T("Severity changed", "调整严重程度"),
    "dispute_rate": T("Dispute rate", "异议率"),
    "overturn_rate": T("Overturn rate", "改判率"),
    "past": T("Past the response deadline", "已过答复期限"),
    "past_value": T("{unanswered} unanswered; {open} disputed, awaiting a decision",
                    "{unanswered} 项未答复，{open} 项异议待裁决"),
    "compliance": T("Compliance before and after disputes", "异议前后的合格率"),
    "figure": T("Figure", "指标"),
    "value": T("Value", "数值"),
    "low": T("95% low", "95%下限"),
    "high": T("95% high", "95%上限"),
    "compliant": T("Compliant", "合格"),
    "reviewed": T("Reviewed", "已评查"),
    "before": T("Compliance rate before disputes", "异议前合格率"),
    "after": T("Compliance rate after disputes (today)", "异议后合格率（当前）"),
    "before_weighted": T("Compliance rate before disputes (stratified estimate)", "异议前合格率（分层估计）"),
    "after_weighted": T("Compliance rate after disputes (stratified estimate, today)", "异议后合格率（分层估计，当前）"),
    "changed_note": T("The decisions changed the verdict of {n} reviewed cases.", "裁决改变了 {n} 件已评查案件的结论。"),
    "wilson": T("Share of reviewed cases; 95% Wilson score interval, as on the Summary.",
                "已评查案件中的比例；95% Wilson 得分区间，与“汇总”表相同。"),
    "weighted": T("Stratified estimate with its Korn-Graubard 95% interval, as on the Summary.",
                  "分层估计，区间为 Korn-Graubard 95% 区间，与“汇总”表相同。"),
    "items": T("By checklist item: the most overturned first", "按评查项：改判最多的在前"),
    "checklist": T("Checklist", "评查表"),
    "item": T("Item", "评查项"),
    "item_text": T("Item text", "评查项内容"),
    "sent_short": T("Sent", "已发送"),
    "decided_short": T("Decided", "已裁决"),
    "items_note": T("An item whose findings are often overturned or have their severity changed is usually badly "
                    "worded, or its guidance unclear: review its wording first. Items are listed by how many of "
                    "their findings were overturned or re-graded, then by the overturn rate.",
                    "问题经常被撤销或调整严重程度的评查项，通常表述不当或评查要点不清楚，应首先修改其表述。评查项按"
                    "被撤销或调整严重程度的问题数排列，其次按改判率排列。"),
    "reviewers": T("By reviewer: the most overturned first", "按评查人：改判最多的在前"),
    "reviewer": T("Reviewer", "评查人"),
    "reviewers_note": T("A reviewer whose findings are often overturned needs calibration: a calibration round "
                        "compares their answers with other reviewers' on the same cases.",
                        "问题经常被改判的评查人需要校准：校准轮次将其答案与其他评查人对同一批案件的答案进行比较。"),
    "past_block": T("Past the response deadline", "已过答复期限"),
    "finding": T("Finding ID", "问题编号"),
    "case": T("Application number", "申请号"),
    "examiner": T("Examiner", "审查员"),
    "deadline": T("Respond by", "答复期限"),
    "days": T("Days past", "逾期天数"),
    "state": T("State", "状态"),
    "state_no_response": T("No response", "未答复"),
    "state_open": T("Disputed, awaiting a decision", "已异议，待裁决"),
    "none_past": T("Nothing is past its deadline.", "没有逾期的问题。"),
    "definitions": T("Definitions", "定义"),
    "def_scope": T("A finding sent belongs to the report's scope when its case does and, for a round, when it came "
                   "from one of the round's reviews.",
                   "已发送的问题，其案件属于本报告的统计范围时计入；按轮次统计时，还须出自该轮次的评查。"),
    "def_dispute": T("Dispute rate: findings disputed / findings sent. A finding is disputed when its examiner "
                     "disagreed or it was decided; a response that came after the decision is kept but not counted.",
                     "异议率：提出异议的问题 / 已发送的问题。审查员不同意或已作出裁决的问题计为异议；裁决之后收到的"
                     "答复予以保留，但不计入。"),
    "def_overturn": T("Overturn rate: findings overturned or with their severity changed / findings decided "
                      "(upheld, overturned or severity changed).",
                      "改判率：被撤销或调整严重程度的问题 / 已裁决的问题（维持、撤销或调整严重程度）。"),
    "def_before": T("Compliance after disputes is today's compliance, the Summary's. Before disputes is the same "
                    "figure with every decided finding's answer put back as it was when decided, and each "
                    "review's verdict assessed again from its checklist.",
                    "异议后合格率即当前合格率，与“汇总”表相同。异议前合格率是将每个已裁决问题的答案恢复为裁决时的"
                    "答案、按评查表重新评定各评查结论后得到的同一指标。"),
    "def_past": T("Past the deadline: not yet answered, or disputed and not yet decided, after the latest "
                  "response deadline of the files that listed the finding.",
                  "已过答复期限：在列出该问题的答复文件中最晚的答复期限之后，仍未答复，或已异议但尚未裁决。"),
}
COUNT_HEADERS = ((W["sent_short"], 1), (W["disputed"], 1), (W["dispute_rate"], 1), (W["decided_short"], 1),
                 (W["upheld"], 1), (W["overturned"], 1), (W["regraded"], 1), (W["overturn_rate"], 1))


def write_disputes(sheet: Worksheet, figures: DisputeFigures, language: str, *, weighted: bool) -> None:
    """The Disputes sheet; `weighted` when the report's rates are stratified estimates."""
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    page_setup(sheet, fit_width=True)           # before the first row: a write-only sheet writes it with it
    g = Grid(sheet, language, WIDTHS, LAST)
    g.title(g.t(W["title"]))
    g.blank()
    _facts(g, figures)
    g.blank()
    _compliance(g, figures, weighted)
    g.blank()
    _items(g, figures)
    g.blank()
    _reviewers(g, figures)
    g.blank()
    g.page_break()                              # the list to chase on a page of its own
    _past(g, figures)
    g.blank()
    g.section(W["definitions"])
    for key in ("def_scope", "def_dispute", "def_overturn", "def_before", "def_past"):
        g.note(g.t(W[key]))
    print_range(sheet, columns=LAST, rows=g.row)


def _scope_text(g: Grid, figures: DisputeFigures) -> str:
    scope = figures.scope
    where = g.t(W["round"], name=scope.round.name) if scope.round is not None else g.t(W["all_cases"])
    flt = scope.filter
    if flt.date_from is None and flt.date_to is None:
        return where
    any_date = g.t(W["any_date"])
    period = g.t(W["period"], start=flt.date_from.isoformat() if flt.date_from else any_date,
                 end=flt.date_to.isoformat() if flt.date_to else any_date)
    return f"{where}{'，' if g.language == 'zh' else ', '}{period}"


def _facts(g: Grid, figures: DisputeFigures) -> None:
    c = figures.totals
    g.fact(W["scope"], g.data(_scope_text(g, figures)))
    g.fact(W["as_of"], g.num(figures.today, DATE_FORMAT))
    # Indented as they add up: sent = agreed + disputed + no response, disputed = open + decided, ...
    for key, value, indent in (("sent", c.sent, 0), ("agreed", c.agreed, 1), ("disputed", c.disputed, 1),
                               ("open", c.open, 2), ("decided", c.decided, 2), ("upheld", c.upheld, 3),
                               ("overturned", c.overturned, 3), ("regraded", c.regraded, 3),
                               ("no_response", c.no_response, 1)):
        number = g.num(value, INTEGER_FORMAT)
        number.alignment = LEFT
        label = g.label(W[key], alignment=Alignment(horizontal="left", vertical="top", indent=2 * indent))
        g.add([(label, 2), (number, 4)])
    g.fact(W["dispute_rate"], _rate(g, c.dispute_rate))
    g.fact(W["overturn_rate"], _rate(g, c.overturn_rate))
    g.fact(W["past"], g.label(W["past_value"], unanswered=figures.unanswered_past_deadline,
                              open=figures.open_past_deadline))


def _rate(g: Grid, value: float | None) -> Any:
    """A rate, or a dash where there is nothing to divide by."""
    return g.num(value, PERCENT_FORMAT) if value is not None else styled(g.sheet, "–", alignment=RIGHT)


def _compliance(g: Grid, figures: DisputeFigures, weighted: bool) -> None:
    g.section(W["compliance"])
    g.header([(W["figure"], 3), (W["value"], 1), (W["low"], 1), (W["high"], 1), (W["compliant"], 1),
              (W["reviewed"], 1)])
    rows: tuple[tuple[Text, Estimate, int], ...] = (
        (W["before_weighted" if weighted else "before"], figures.compliance_before, figures.compliant_before),
        (W["after_weighted" if weighted else "after"], figures.compliance_after, figures.compliant_after))
    for label, estimate, compliant in rows:
        g.body([(g.label(label), 3), (g.num(estimate.rate, PERCENT_FORMAT), 1),
                (g.num(estimate.low, PERCENT_FORMAT), 1), (g.num(estimate.high, PERCENT_FORMAT), 1),
                (g.num(compliant, INTEGER_FORMAT), 1),
                (g.num(figures.reviewed, INTEGER_FORMAT), 1)])
    g.note(g.t(W["weighted" if weighted else "wilson"]))
    g.note(g.t(W["changed_note"], n=figures.verdicts_changed))


def _counts(g: Grid, c: DisputeCounts) -> list[tuple[Any, int]]:
    return [(g.num(c.sent, INTEGER_FORMAT), 1), (g.num(c.disputed, INTEGER_FORMAT), 1), (_rate(g, c.dispute_rate), 1),
            (g.num(c.decided, INTEGER_FORMAT), 1), (g.num(c.upheld, INTEGER_FORMAT), 1),
            (g.num(c.overturned, INTEGER_FORMAT), 1), (g.num(c.regraded, INTEGER_FORMAT), 1),
            (_rate(g, c.overturn_rate), 1)]


def _items(g: Grid, figures: DisputeFigures) -> None:
    g.section(W["items"])
    g.header([(W["checklist"], 1), (W["item"], 1), (W["item_text"], 1), *COUNT_HEADERS])
    for item in figures.items:
        text = item.text.get(g.language) if item.text is not None else ""
        g.body([(g.data(item.checklist.get(g.language)), 1), (g.data(item.item_id), 1), (g.data(text), 1),
                *_counts(g, item.counts)])
    g.note(g.t(W["items_note"]))


def _reviewers(g: Grid, figures: DisputeFigures) -> None:
    g.section(W["reviewers"])
    g.header([(W["reviewer"], 3), *COUNT_HEADERS])
    for row in figures.reviewers:
        g.body([(g.data(row.reviewer), 3), *_counts(g, row.counts)])
    g.note(g.t(W["reviewers_note"]))


def _past(g: Grid, figures: DisputeFigures) -> None:
    g.section(W["past_block"])
    if not figures.past_deadline:
        g.note(g.t(W["none_past"]))
        return
    g.header([(W["finding"], 1), (W["case"], 1), (W["item"], 1), (W["examiner"], 2), (W["reviewer"], 2),
              (W["deadline"], 1), (W["days"], 1), (W["state"], 2)])
    for p in figures.past_deadline:
        finding = g.num(p.finding_id, "0")
        finding.alignment = LEFT
        g.body([(finding, 1), (g.data(p.application_number), 1), (g.data(p.item_id), 1),
                (g.data(p.examiner), 2), (g.data(p.reviewer), 2), (g.num(p.deadline, DATE_FORMAT), 1),
                (g.num(p.days, INTEGER_FORMAT), 1), (g.label(W["state_" + p.state], alignment=INDENTED), 2)])
