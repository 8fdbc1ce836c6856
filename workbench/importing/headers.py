"""Recognising the case fields in the headers of an office export (Chinese and English).

Matching ignores case, spaces, full-width forms and punctuation, so "申请号：", "Appl. No"
and "ＡＰＰＬＩＣＡＴＩＯＮ　ＮＯ" all find the application number.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Mapping, Sequence

# The case fields of the design, in the order they are shown.
CASE_FIELDS = ("application_number", "ip_type", "title", "applicant", "examiner", "department",
               "classification", "procedure", "decision", "filing_date", "decision_date",
               "agent", "applicant_type", "abstract", "nice_classes", "use_shown")
REQUIRED_FIELDS = ("application_number",)
DATE_FIELDS = ("filing_date", "decision_date")
#: The optional fields risk indicators read (schema 10), each read from its own words (risk_fields).
CODED_FIELDS = ("applicant_type", "nice_classes", "use_shown")

ALIASES: Mapping[str, tuple[str, ...]] = {
    "application_number": ("申请号", "申请号码", "专利申请号", "申请编号", "注册号", "商标注册号", "商标申请号",
                           "申请号专利号", "专利号", "申请专利号", "案件申请号", "国家申请号", "申请注册号",
                           "application number", "application no", "appl no", "application", "app no",
                           "app number", "appln no", "appl number", "application serial number", "serial number",
                           "serial no", "registration number", "registration no", "reg no", "patent number",
                           "patent application number", "application id"),
    "ip_type": ("专利类型", "类型", "申请类型", "案件类型", "知识产权类型", "专利种类", "申请种类", "案件种类",
                "ip type", "type", "patent type", "application type", "case type", "kind", "right type",
                "type of ip", "type of right"),
    "title": ("发明创造名称", "发明名称", "实用新型名称", "外观设计名称", "商标名称", "名称", "商标", "专利名称",
              "案件名称", "发明创造名称商标名称", "商标图样", "title", "title of invention", "invention title",
              "mark", "trademark", "title of the invention", "design title", "mark name"),
    "applicant": ("申请人", "申请人名称", "专利申请人", "申请（专利权）人", "第一申请人", "申请人姓名", "专利权人",
                  "申请人专利权人", "注册人", "applicant", "applicant name", "applicants", "first applicant",
                  "owner", "proprietor", "holder"),
    "examiner": ("审查员", "主审员", "主审", "审查员姓名", "主审审查员", "承办审查员", "经办审查员", "审查人",
                 "examiner", "primary examiner", "examiner name", "responsible examiner"),
    "department": ("审查部门", "部门", "处室", "审查处室", "所属部门", "审查部", "部门名称", "处室名称", "审查处",
                   "审查单位", "科室", "art unit", "department", "division", "unit", "examination department",
                   "group art unit", "gau", "examining division"),
    "classification": ("主分类号", "分类号", "ipc", "ipc分类号", "国际分类", "国际分类号", "主分类", "洛迦诺分类",
                       "洛迦诺分类号", "外观分类号", "ipc主分类号", "ipc主分类", "主ipc", "尼斯分类", "尼斯分类号",
                       "类别", "商品类别", "国际分类类别", "locarno class", "nice class", "nice classification", "class",
                       "classification",
                       "ipc class", "main ipc", "ipc main class", "primary classification", "main classification"),
    "procedure": ("审查程序", "程序", "审查阶段", "审查类型", "程序类型", "审查种类", "procedure",
                  "examination procedure", "stage", "examination stage", "proceeding", "procedure type"),
    "decision": ("结案方式", "审查结论", "结论", "结案类型", "审查结果", "结案结论", "结案状态", "结案原因",
                 "审查决定", "决定类型", "处理结果", "disposal type", "decision", "disposal", "outcome", "result",
                 "disposition", "decision type", "final decision"),
    "filing_date": ("申请日", "申请日期", "提交日", "提交日期", "受理日", "受理日期", "申请提交日", "filing date",
                    "application date", "date of filing", "filed", "filing", "date filed", "submission date"),
    "decision_date": ("结案日", "结案日期", "审结日", "审结日期", "决定日", "决定日期", "发文日", "发文日期", "结案时间",
                      "disposal date", "decision date", "date of decision", "closing date", "closed",
                      "close date", "closed date", "date of disposal", "date closed", "disposition date"),
    "agent": ("代理机构", "专利代理机构", "代理机构名称", "商标代理机构", "专利代理机构名称", "商标代理机构名称",
              "代理机构全称", "委托代理机构", "agent", "agency", "patent agency", "trademark agency", "agency name",
              "agent name", "patent agent", "representative", "attorney firm", "law firm"),
    "applicant_type": ("申请人类型", "申请人类别", "申请人性质", "申请人种类", "申请主体类型", "权利人类型",
                       "applicant type", "applicant category", "type of applicant", "applicant kind",
                       "applicant status", "entity type"),
    "abstract": ("摘要", "说明书摘要", "摘要文本", "技术摘要", "abstract", "summary", "abstract text"),
    # Never the single class column of a trademark export ("类别", "尼斯分类": the classification,
    # as before schema 10): only a column that lists a mark's classes; see SECOND_CLASS_ALIASES.
    "nice_classes": ("商品服务类别", "商品/服务类别", "指定商品服务类别", "指定类别", "申请类别", "注册类别", "全部类别",
                     "尼斯分类类别", "nice classes", "classes", "goods and services classes",
                     "nice classes applied for", "class list"),
    "use_shown": ("是否提交使用证据", "使用证据", "提交使用证据", "是否有使用证据", "使用证据提交情况", "是否使用",
                  "use shown", "evidence of use", "use evidence", "proof of use", "use evidence filed"),
}
#: Headers that name the Nice class of a mark: the classification when they are the first class
#: column of the file (as before schema 10), the mark's Nice classes when a column before them
#: already holds the classification. "国际分类" is not among them: in patent exports it is the IPC.
SECOND_CLASS_ALIASES = ("尼斯分类", "尼斯分类号", "类别", "商品类别", "nice class", "nice classification")

_STRIP = re.compile(r"[\s\W_]+", re.UNICODE)


def normalise_header(text: object) -> str:
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text)).casefold()
    return _STRIP.sub("", folded)


_LOOKUP: dict[str, str] = {}
for _field, _names in ALIASES.items():
    for _name in _names:
        _LOOKUP.setdefault(normalise_header(_name), _field)
_SECOND_CLASS = frozenset(normalise_header(name) for name in SECOND_CLASS_ALIASES)


# Notes in brackets ("申请日（yyyy-mm-dd）", "Application No. (with check digit)") and
# alternatives ("申请号/专利号") are common in hand-made templates.
_BRACKETED = re.compile(r"[(（\[【〔<《][^)）\]】〕>》]*[)）\]】〕>》]")
_ALTERNATIVES = re.compile(r"[/／|｜、]")


def match_header(text: object) -> str | None:
    """The case field a header names, or None."""
    if text is None:
        return None
    found = _LOOKUP.get(normalise_header(text))
    if found is not None:
        return found
    plain = unicodedata.normalize("NFKC", str(text))
    without_notes = _BRACKETED.sub("", plain)
    found = _LOOKUP.get(normalise_header(without_notes))
    if found is not None:
        return found
    for part in _ALTERNATIVES.split(without_notes):
        found = _LOOKUP.get(normalise_header(part))
        if found is not None:
            return found
    return None


def guess_mapping(headers: Sequence[object]) -> dict[int, str]:
    """Column index -> case field, the first column naming a field winning it."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        field = match_header(header)
        if field == "classification" and field in taken and normalise_header(header) in _SECOND_CLASS:
            field = "nice_classes"       # "主分类号 ... 尼斯分类": the second names the mark's classes
        if field is not None and field not in taken:
            mapping[index] = field
            taken.add(field)
    return mapping


def header_score(cells: Sequence[object]) -> int:
    """How many distinct case fields a row names: the header is the row that names most."""
    return len(set(guess_mapping(cells).values()))
