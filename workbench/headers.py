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
               "classification", "procedure", "decision", "filing_date", "decision_date")
REQUIRED_FIELDS = ("application_number",)
DATE_FIELDS = ("filing_date", "decision_date")

ALIASES: Mapping[str, tuple[str, ...]] = {
    "application_number": ("申请号", "申请号码", "专利申请号", "申请编号", "注册号", "商标注册号", "商标申请号",
                           "application number", "application no", "appl no", "application", "app no",
                           "app number", "appln no", "serial number", "registration number"),
    "ip_type": ("专利类型", "类型", "申请类型", "案件类型", "知识产权类型", "ip type", "type",
                "patent type", "application type", "case type"),
    "title": ("发明创造名称", "发明名称", "实用新型名称", "外观设计名称", "商标名称", "名称", "商标",
              "title", "title of invention", "invention title", "mark", "trademark"),
    "applicant": ("申请人", "申请人名称", "专利申请人", "申请（专利权）人", "applicant", "applicant name", "applicants"),
    "examiner": ("审查员", "主审员", "主审", "审查员姓名", "examiner", "primary examiner", "examiner name"),
    "department": ("审查部门", "部门", "处室", "审查处室", "所属部门", "审查部", "art unit", "department",
                   "division", "unit", "examination department"),
    "classification": ("主分类号", "分类号", "ipc", "ipc分类号", "国际分类", "国际分类号", "主分类", "洛迦诺分类",
                       "locarno class", "尼斯分类", "nice class", "class", "classification", "ipc class"),
    "procedure": ("审查程序", "程序", "审查阶段", "procedure", "examination procedure", "stage"),
    "decision": ("结案方式", "审查结论", "结论", "结案类型", "审查结果", "disposal type", "decision", "disposal",
                 "outcome", "result"),
    "filing_date": ("申请日", "申请日期", "提交日", "filing date", "application date", "date of filing",
                    "filed"),
    "decision_date": ("结案日", "结案日期", "审结日", "决定日", "发文日", "disposal date", "decision date",
                      "date of decision", "closing date", "closed"),
}

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


def match_header(text: object) -> str | None:
    """The case field a header names, or None."""
    return _LOOKUP.get(normalise_header(text))


def guess_mapping(headers: Sequence[object]) -> dict[int, str]:
    """Column index -> case field, the first column naming a field winning it."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        field = match_header(header)
        if field is not None and field not in taken:
            mapping[index] = field
            taken.add(field)
    return mapping


def header_score(cells: Sequence[object]) -> int:
    """How many distinct case fields a row names: the header is the row that names most."""
    return len(set(guess_mapping(cells).values()))


def mapping_from_names(headers: Sequence[object], names: Mapping[str, str]) -> dict[int, str]:
    """Apply a saved mapping (header text -> field) to a file's headers.

    Header texts are matched after normalisation; a field mapped to "" or "extra" is kept in extra.
    """
    wanted = {normalise_header(k): v for k, v in names.items()}
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        field = wanted.get(normalise_header(header))
        if field in CASE_FIELDS and field not in mapping.values():
            mapping[index] = field
    return mapping
