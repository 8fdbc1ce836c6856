"""Reading the optional case fields risk indicators need (schema 10) from the words an export uses.

Agent and abstract are text, stored as read. Three are coded, read here:
- applicant type: 自然人 / 个人 -> natural_person, 企业 / 公司 / 工矿企业 -> company, 大专院校 / 高校 /
  大学 -> university, 科研单位 / 科研院所 / 研究所 -> institute (and the English words);
- Nice classes: "9, 35；42", "第9类", "第9、35类", "Class 9 and 35" -> '9,35,42' (ascending, each 1..45);
- use shown: 是 / 有 / yes / true / 1 -> 1, 否 / 无 / no / false / 0 -> 0.
A blank cell is unknown ('' or None). A value none of these reads raises ValueError: the row
parser then keeps the case without the field, the raw value in extra under its column's header
(where it was kept before these fields were recognised), and a warning (UNREADABLE) in the report.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from foundation.errors import register

register({
    "import.applicant_type_unreadable": "“{value}” in {column} is not an applicant type (natural person, company, "
                                        "university or institute); the case was imported without it and the "
                                        "value kept with its other data.",
    "import.nice_classes_unreadable": "“{value}” in {column} is not a list of Nice classes (1 to 45, e.g. 9, 35, 42); "
                                      "the case was imported without them and the value kept with its other data.",
    "import.use_shown_unreadable": "“{value}” in {column} does not say whether use was shown (yes or no); the "
                                   "case was imported without it and the value kept with its other data.",
})

#: The warning for each coded field's unreadable value (params: value, column).
UNREADABLE = {"applicant_type": "import.applicant_type_unreadable", "nice_classes": "import.nice_classes_unreadable",
              "use_shown": "import.use_shown_unreadable"}
APPLICANT_TYPES = ("natural_person", "company", "university", "institute")
NICE_CLASS_RANGE = range(1, 46)

_APPLICANT_WORDS = {
    "natural_person": ("自然人", "个人", "个人申请", "非职务", "非职务发明", "公民", "natural person", "individual",
                       "person", "private individual", "natural_person"),
    "company": ("企业", "公司", "工矿企业", "企业法人", "法人", "公司企业", "company", "enterprise", "corporation",
                "corporate", "business", "firm", "industry"),
    "university": ("大专院校", "高校", "大学", "高等院校", "院校", "高等学校", "学校", "university", "college",
                   "academic", "higher education", "academia"),
    "institute": ("科研单位", "科研院所", "研究所", "科研机构", "研究院", "科研", "institute", "research institute",
                  "research institution", "research organisation", "research organization", "research"),
}
_USE_WORDS = {
    1: ("是", "有", "已提交", "提交", "已提供", "有使用证据", "yes", "y", "true", "t", "1", "√", "✓", "✔"),
    0: ("否", "无", "未提交", "没有", "未提供", "无使用证据", "no", "n", "false", "f", "0", "×", "✗", "✘"),
}
_STRIP = re.compile(r"[\s_\-.。:：]+")


def _key(text: str) -> str:
    return _STRIP.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


_APPLICANT_LOOKUP = {_key(w): code for code, words in _APPLICANT_WORDS.items() for w in words}
_USE_LOOKUP = {_key(w): value for value, words in _USE_WORDS.items() for w in words}
_BRACKETED = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")


def parse_applicant_type(text: str) -> str:
    """'' for a blank cell, else one of APPLICANT_TYPES; raises ValueError for other words.
    A note in brackets ("个人（自然人）") and the first of alternatives ("企业/公司") are read too."""
    if not text:
        return ""
    key = _key(text)
    found = _APPLICANT_LOOKUP.get(key)
    if found is None:
        plain = _key(_BRACKETED.sub("", unicodedata.normalize("NFKC", text)))
        found = _APPLICANT_LOOKUP.get(plain)
        if found is None:
            kinds = {_APPLICANT_LOOKUP.get(part.strip()) for part in re.split(r"[/|、,;]", plain) if part.strip()}
            found = kinds.pop() if len(kinds) == 1 else None
    if found is None:
        raise ValueError(text)
    return found


# A list of classes: numbers with separators and the words around them, nothing else.
_NICE_NOISE = re.compile(r"第|类|類|classes|class|cl|nice|and|和|及|与|[\s,，;；、/|+&#]+")


def parse_nice_classes(text: str) -> str:
    """'' for a blank cell, else the classes ascending without repeats ('9,35,42')."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold()
    numbers = re.findall(r"\d+", folded)
    rest = _NICE_NOISE.sub("", re.sub(r"\d+", "", folded))
    classes = sorted({int(n) for n in numbers})
    if rest or not classes or any(c not in NICE_CLASS_RANGE for c in classes):
        raise ValueError(text)
    return ",".join(str(c) for c in classes)


def parse_use_shown(value: Any, text: str) -> int | None:
    """None for a blank cell, 1 or 0; `value` as the cell held it (a spreadsheet's TRUE is a bool)."""
    if isinstance(value, bool):
        return int(value)
    if not text:
        return None
    found = _USE_LOOKUP.get(_key(text))
    if found is None:
        raise ValueError(text)
    return found
