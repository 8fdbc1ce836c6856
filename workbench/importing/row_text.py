"""A row's cells as text, and the rows that hold no case: blank rows, totals, notes,
signature and page lines below (or inside) the table."""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from datetime import date, datetime
from typing import Any, Iterable, Sequence

# Rows below (or inside) the table that are not cases. Matched at the start of the row's
# first non-blank cell, after NFKC and case folding.
TOTAL_WORDS = ("合计", "总计", "小计", "共计", "总数", "累计", "汇总", "total", "subtotal", "sum", "grand total")
NOTE_WORDS = ("注", "备注", "说明", "附注", "附：", "制表", "填表", "审核", "复核", "签字", "签名", "签章", "盖章",
              "负责人", "经办人", "批准", "打印", "导出", "数据来源", "资料来源", "统计日期", "统计时间", "截至",
              "note", "notes", "remark", "source", "prepared by", "checked by", "approved by", "reviewed by",
              "signature", "signed", "printed", "exported", "page ")
NOTE_MAX_CELLS = 3           # a note or signature line fills a few cells at most
_PAGE_LINE = re.compile(r"第\s*\d+\s*页|共\s*\d+\s*页|page\s*\d+(\s*of\s*\d+)?", re.IGNORECASE)


def _unwrap(text: str) -> str:
    # ="0123" is how some systems keep Excel from turning a number column into 1.23E+11;
    # a leading apostrophe is Excel's own "this is text" mark.
    if text.startswith('="') and text.endswith('"') and len(text) >= 3:
        return text[2:-1].strip()
    if text.startswith("'"):
        return text[1:].strip()
    return text


def as_text(value: Any) -> str:
    """A cell as text: numbers that are whole print without '.0', dates as ISO."""
    if type(value) is str:
        value = value.strip()
        if value and value[0] in "='":
            value = _unwrap(value)
        return value
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:      # NaN: an empty numeric cell
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def is_blank(cells: Sequence[Any]) -> bool:
    for cell in cells:
        if cell is None or cell == "":
            continue
        if type(cell) is str and not cell.strip():
            continue
        if isinstance(cell, float) and cell != cell:
            continue
        return False
    return True


def _starts_with(text: str, words: Iterable[str]) -> bool:
    folded = unicodedata.normalize("NFKC", text).casefold().lstrip(" *※#-—·.:：、")
    return any(folded.startswith(word) for word in words)


def totals_or_note(cells: Sequence[Any]) -> bool:
    """A totals line, a note, a signature or page line: not a case, whatever it holds."""
    filled = [t for t in (as_text(c) for c in cells) if t]
    if not filled:
        return False
    if _starts_with(filled[0], TOTAL_WORDS):
        return True
    if len(filled) <= NOTE_MAX_CELLS and (_starts_with(filled[0], NOTE_WORDS) or _PAGE_LINE.search(filled[0])):
        return True
    return False
