"""The feedback letter: one PDF per examiner, drawn by the PDF report's renderer (report.pdf).

A letter says whom it is for, what it covers (a round or a period, perhaps one department), when
it was written and by when to respond, and how (the response workbook, Agree / Disagree and a
reason). It sets the examiner's figures beside their department's and the office's for the same
scope, as the report computes them (`compute_report`: a stratified round's estimates where the
report gives them, else Wilson intervals), and names no other examiner: no table of individuals,
no rank. Then every reviewed case of the examiner in one table (those without a finding too, so
the letter accounts for every case its figures count), and each finding in full: the checklist
item, the item's guidance and reference, severity, error category and the reviewer's comment.

Texts from the database are drawn as plain text (QPainter.drawText, never rich text), so a
comment holding markup prints as typed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Sequence

import sqlite_utils

from foundation.words import resolve_template
from workbench.feedback.findings import ChecklistTexts, FeedbackScope, Finding
from workbench.report.figures import (
    DEFINITIONS,
    IP_TYPE_LABELS,
    REVIEWED_STATUSES,
    SEVERITY_LABELS,
    VERDICT_LABELS,
    GroupFigures,
    Report,
    resolve_scope,
)
from workbench.report.page_parts import Column
from workbench.report.pdf_report import P, pct
from workbench.report.summary_sheets import S
from workbench.report.estimator_words import estimator_words
from workbench.review.checklists import Text

T = Text
L = {   # the letter's own words
    "header": T("Quality review feedback", "质量评查反馈"),
    "title": T("Feedback on your reviewed cases", "案件质量评查反馈"),
    "examiner": T("Examiner", "审查员"),
    "department": T("Department", "部门"),
    "scope": T("Scope", "范围"),
    "written": T("Written on", "出具日期"),
    "deadline": T("Respond by", "答复期限"),
    "letter_id": T("Letter ID", "反馈编号"),
    "summary": T("Findings", "问题"),
    "summary_value": T("{findings} findings in {with_findings} of your {reviewed} reviewed cases",
                       "已评查案件 {reviewed} 件，其中 {with_findings} 件有问题，共 {findings} 个问题"),
    "intro": T("This letter lists the findings of the quality review on your cases in the scope above: for each "
               "the checklist item it concerns, the item's guidance and its legal or guideline reference, the "
               "severity, the error category and the reviewer's comment. Your figures are set beside your "
               "department's and the office's for the same scope; no other examiner's figures are shown.",
               "本函列出上述范围内您所审案件的质量评查问题：每个问题所涉的评查项、评查要点及其法律或审查指南依据、"
               "严重程度、差错类别和评查人意见。您的指标与所在部门及全局同一范围内的指标并列，不列示其他审查员的指标。"),
    "how": T("How to respond", "如何答复"),
    "how_text": T("The response workbook {book} lists the same findings by their Finding ID. For each finding "
                  "choose Agree or Disagree in the Response column; if you disagree, give your reason in the Reason "
                  "column (a Disagree without one is not accepted), citing the guideline or the file where you can. "
                  "Return the workbook to the quality manager by {deadline}.",
                  "答复工作簿 {book} 按问题编号列出相同的问题。请对每个问题在“答复”列选择“同意”或“不同意”；"
                  "不同意的，请在“理由”列写明理由（没有理由的“不同意”不予接受），尽量引用审查指南或案卷。"
                  "请于 {deadline} 前将工作簿交回质量管理人员。"),
    "how_cells": T("Only the Response and Reason cells can be filled in. The workbook is signed: a returned file "
                   "whose findings were edited is refused, so leave the other cells as they are.",
                   "只有“答复”和“理由”两列可以填写。工作簿带有签名：问题内容被改动的文件将不予接受，请勿改动其他单元格。"),
    "figures": T("Your figures beside your department's and the office's", "您的指标与所在部门、全局指标对比"),
    "measure": T("Measure", "指标"),
    "you": T("You\n{name}", "您本人\n{name}"),
    "of_department": T("Department\n{name}", "部门\n{name}"),
    "office": T("Office\n(all departments)", "全局\n（所有部门）"),
    "reviewed": T("Reviewed cases", "已评查案件"),
    "compliance": T("Compliance rate\n95% interval", "合格率\n95% 置信区间"),
    "compliance_weighted": T("Compliance rate\n(stratified estimate)\n95% interval",
                             "合格率（分层估计）\n95% 置信区间"),
    "defect": T("Defect rate\n95% interval", "瑕疵率\n95% 置信区间"),
    "error": T("Error rate\n95% interval", "差错率\n95% 置信区间"),
    "findings_count": T("Findings", "问题数"),
    "interval": T("{low} – {high}", "{low} – {high}"),
    "few_cases": T("An interval shows how far a rate from few reviewed cases can be trusted: a wide interval means "
                   "the rate alone says little.",
                   "置信区间表示由少量已评查案件得出的比率的可信程度：区间越宽，单看比率说明的问题越少。"),
    "cases": T("Your reviewed cases", "您的已评查案件"),
    "findings": T("The findings", "问题详情"),
    "no_findings": T("none", "无"),
    "case_line": T("{number}  {title}", "{number}  {title}"),
    "case_facts": T("{ip_type} · decided {decided} · verdict: {verdict} · {count} finding(s)",
                    "{ip_type} · 结案日 {decided} · 评查结论：{verdict} · 问题 {count} 个"),
    "finding_id": T("Finding ID", "问题编号"),
    "item": T("Checklist item", "评查项"),
    "item_code": T("(checklist item {code})", "（评查项 {code}）"),
    "guidance": T("Guidance", "评查要点"),
    "reference": T("Reference", "依据"),
    "severity": T("Severity", "严重程度"),
    "category": T("Error category", "差错类别"),
    "comment": T("Reviewer's comment", "评查人意见"),
    "none": T("—", "—"),
    "number": T("Application number", "申请号"),
    "case_title": T("Title", "名称"),
    "decided": T("Decision date", "结案日"),
    "verdict": T("Verdict", "评查结论"),
    "footer": T("Letter {id} · response workbook {book}", "反馈编号 {id} · 答复工作簿 {book}"),
    "scope_department": T("department {name}", "部门 {name}"),
}


@dataclass(frozen=True)
class LetterCase:
    """A reviewed case of the examiner in the scope, with its findings as sent (maybe none)."""
    case_id: int
    application_number: str
    title: str
    ip_type: str
    decision_date: str | None
    verdict: str | None
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Letter:
    """Everything one letter shows; the figures come from one `Report` of the whole scope."""
    examiner: str
    file_id: str
    scope: FeedbackScope
    report: Report
    cases: tuple[LetterCase, ...]
    written: date
    deadline: date
    response_book: str               # the file name of the examiner's response workbook
    language: str

    @property
    def findings(self) -> int:
        return sum(len(c.findings) for c in self.cases)


def reviewed_cases(db: sqlite_utils.Database, scope: FeedbackScope, examiner: str,
                   findings: Sequence[Finding]) -> tuple[LetterCase, ...]:
    """The examiner's reviewed cases in the scope (the cases their figures count), each with its
    findings, by application number."""
    cte, params = resolve_scope(db, scope.filter).cte()
    params["examiner"] = examiner
    where = "c.examiner = :examiner"
    if scope.department is not None:
        params["department"] = scope.department
        where += " AND c.department = :department"
    counted = ", ".join(f"'{s}'" for s in REVIEWED_STATUSES)
    rows = db.execute(
        f"{cte} SELECT c.id, c.application_number, COALESCE(c.title, ''), c.ip_type, c.decision_date, r.verdict"
        f" FROM scope s JOIN cases c ON c.id = s.case_id JOIN reviews r ON r.id = s.review_id"
        f" AND r.status IN ({counted}) WHERE {where} ORDER BY c.application_number, c.id", params).fetchall()
    by_case: dict[int, list[Finding]] = {}
    for f in findings:
        by_case.setdefault(f.case_id, []).append(f)
    return tuple(LetterCase(case_id, number, title, ip_type, decided, verdict, tuple(by_case.get(case_id, ())))
                 for case_id, number, title, ip_type, decided, verdict in rows)


def scope_words(scope: FeedbackScope, language: str) -> str:
    """What the feedback covers, in words: the round or the period, and the department if one."""
    t = _translator(language)
    flt = scope.filter
    parts = [t(P["scope_round"], name=flt.round_name)] if flt.round_name else []
    if flt.date_from or flt.date_to:
        any_date = t(S["any_date"])
        parts.append(t(P["scope_period"], start=flt.date_from or any_date, end=flt.date_to or any_date))
    if not parts:
        parts.append(t(P["scope_all"]))
    if scope.department is not None:
        parts.append(t(L["scope_department"], name=scope.department))
    return ("，" if language == "zh" else ", ").join(parts)


def write_letter(path: str | Path, letter: Letter, texts: ChecklistTexts) -> int:
    """Draw the letter into the PDF at `path` (written in place: the caller stages it); returns
    the number of pages. Raises WorkbenchError pdf.no_cjk_font for a Chinese letter without a CJK font."""
    from workbench.report.pdf import PdfLayout
    layout = PdfLayout(letter.language)
    t = _translator(letter.language)
    _opening(layout, letter, t)
    _figures(layout, letter, t)
    _cases(layout, letter, texts, t)
    scope = f"{letter.examiner}\n{scope_words(letter.scope, letter.language)}"
    return layout.write(path, header=t(L["header"]), scope=scope,
                        footer=t(L["footer"], id=letter.file_id, book=letter.response_book),
                        page_label=lambda n, m: t(P["page"], n=n, m=m),
                        title=f"{t(L['title'])}: {letter.examiner}")


def _translator(language: str):   # type: ignore[no-untyped-def]
    def t(text: Text, **params: Any) -> str:
        value = text.get(language)
        return resolve_template(value, params).format(**params) if params else value
    return t


def _departments(letter: Letter) -> list[str]:
    """The departments of the examiner's reviewed cases (one, as a rule)."""
    return sorted({g.key[0] or "" for g in _own_groups(letter)})


def _own_groups(letter: Letter) -> list[GroupFigures]:
    groups = [g for g in letter.report.by_examiner if (g.key[1] or "") == letter.examiner and g.reviewed]
    if letter.scope.department is not None:
        groups = [g for g in groups if (g.key[0] or "") == letter.scope.department]
    return groups


def _opening(layout: Any, letter: Letter, t: Any) -> None:
    layout.title(t(L["title"]), letter.examiner)
    reviewed = len(letter.cases)
    with_findings = sum(1 for c in letter.cases if c.findings)
    no_department = t(S["no_department"])
    rows = [(t(L["examiner"]), letter.examiner),
            (t(L["department"]), ", ".join(d or no_department for d in _departments(letter)) or no_department),
            (t(L["scope"]), scope_words(letter.scope, letter.language)),
            (t(L["written"]), letter.written.isoformat()),
            (t(L["deadline"]), letter.deadline.isoformat()),
            (t(L["summary"]), t(L["summary_value"], findings=letter.findings, with_findings=with_findings,
                                reviewed=reviewed)),
            (t(L["letter_id"]), letter.file_id)]
    layout.table([Column("", 0.26, bold=True), Column("", 0.74)], rows,
                 highlighted=[False, False, False, False, True], fill="#FFF2CC")
    layout.paragraph(t(L["intro"]))
    layout.space(0.4)
    layout.heading(t(L["how"]), keep_with=layout.line_height(layout.body) * 4)
    layout.paragraph(t(L["how_text"], book=letter.response_book, deadline=letter.deadline.isoformat()))
    layout.paragraph(t(L["how_cells"]))
    layout.space()


def _rate(estimate: Any, t: Any) -> str:
    if estimate is None or estimate.rate is None:
        return t(L["none"])
    if estimate.low is None or estimate.high is None:
        return pct(estimate.rate)
    return f"{pct(estimate.rate)}\n{t(L['interval'], low=pct(estimate.low), high=pct(estimate.high))}"


def _figures(layout: Any, letter: Letter, t: Any) -> None:
    """One column each for the examiner, their department and the office: no other individual."""
    report = letter.report
    departments = {g.key[0] or "": g for g in report.by_department}
    no_department = t(S["no_department"])
    line = layout.line_height(layout.body)
    for own in _own_groups(letter):
        department = departments.get(own.key[0] or "")
        groups = [own] + ([department] if department is not None else []) + [report.overall]
        names = [t(L["you"], name=letter.examiner)] \
            + ([t(L["of_department"], name=own.key[0] or no_department)] if department is not None else []) \
            + [t(L["office"])]
        weighted = report.weighted
        rows = [[t(L["reviewed"]), *(str(g.reviewed) for g in groups)],
                [t(L["compliance_weighted"] if weighted else L["compliance"]),
                 *(_rate(g.compliance, t) for g in groups)],
                [t(L["defect"]), *(_rate(g.defect_rate, t) for g in groups)],
                [t(L["error"]), *(_rate(g.error_rate, t) for g in groups)],
                [t(L["findings_count"]), *(str(g.findings_total) for g in groups)]]
        share = 0.7 / len(groups)
        columns = [Column(t(L["measure"]), 0.3, bold=True), *(Column(n, share, True) for n in names)]
        layout.heading(t(L["figures"]), keep_with=line * 12)
        layout.table(columns, rows, keep_together=True)
    estimator = t(estimator_words(report)[0]) if report.weighted else t(S["wilson"])
    layout.note(t(S["labelled"], name=t(S["estimator"]), value=estimator))
    for name, definition in DEFINITIONS:
        if name.en in ("Compliance rate", "Defect rate", "Error rate"):
            layout.note(t(S["labelled"], name=t(name), value=t(definition)))
    layout.note(t(L["few_cases"]))
    layout.space()


def _cases(layout: Any, letter: Letter, texts: ChecklistTexts, t: Any) -> None:
    """Every reviewed case at a glance (those without findings too), then each finding in full."""
    line = layout.line_height(layout.body)
    layout.heading(t(L["cases"]), keep_with=line * 4)
    layout.table([Column(t(L["number"]), 0.2), Column(t(L["case_title"]), 0.4), Column(t(L["decided"]), 0.14),
                  Column(t(L["verdict"]), 0.14), Column(t(L["findings_count"]), 0.12, True)],
                 [[c.application_number, c.title, c.decision_date or "", _label(VERDICT_LABELS, c.verdict, t),
                   str(len(c.findings)) if c.findings else t(L["no_findings"])] for c in letter.cases])
    cards = {c.case_id: [_card(f, texts, t) for f in c.findings] for c in letter.cases if c.findings}
    first = next(iter(cards.values()), None)
    layout.heading(t(L["findings"]), keep_with=_case_top(layout, first) if first else line * 4)
    for case in letter.cases:
        if case.findings:
            _case(layout, case, cards[case.case_id], t)


def _label(labels: Any, code: str | None, t: Any) -> str:
    if not code:
        return t(L["none"])
    return t(labels[code]) if code in labels else code


CARD = (Column("", 0.22, bold=True), Column("", 0.78))


def _case_top(layout: Any, cards: list[list[list[str]]]) -> float:
    """The height of a case's heading lines and its first card, kept on one page."""
    return layout.line_height(layout.font(10, bold=True)) * 3 + layout.table_height(CARD, cards[0])


def _case(layout: Any, case: LetterCase, cards: list[list[list[str]]], t: Any) -> None:
    """The case's heading lines and one card per finding, each card kept on one page."""
    layout.ensure(_case_top(layout, cards))
    layout.paragraph(t(L["case_line"], number=case.application_number, title=case.title),
                     layout.font(10, bold=True))
    layout.note(t(L["case_facts"], ip_type=_label(IP_TYPE_LABELS, case.ip_type, t), decided=case.decision_date or "",
                  verdict=_label(VERDICT_LABELS, case.verdict, t), count=len(case.findings)))
    layout.space(0.3)
    for card in cards:
        layout.table(CARD, card, highlighted=[True], fill="#FCE4D6", keep_together=True)
    layout.space(0.4)


def _card(f: Finding, texts: ChecklistTexts, t: Any) -> list[list[str]]:
    item = texts.item(f)
    none = t(L["none"])
    categories = texts.checklist(f.checklist_id).categories if item is not None else {}
    category = t(categories[f.category]) if f.category in categories else (f.category or none)
    return [[t(L["finding_id"]), f"{f.id}      {t(L['item_code'], code=f.item_id)}"],
            [t(L["item"]), t(item.text) if item is not None else f.item_id],
            [t(L["guidance"]), (t(item.guidance) if item is not None else "") or none],
            [t(L["reference"]), (t(Text(item.reference, item.reference_zh)) if item is not None else "") or none],
            [t(L["severity"]), _label(SEVERITY_LABELS, f.severity, t)],
            [t(L["category"]), category],
            [t(L["comment"]), f.comment or none]]
