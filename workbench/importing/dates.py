"""Dates as they appear in exports: spreadsheet cells, serial numbers and many text forms.

Filing and decision dates come from several systems and from hand-edited
spreadsheets, so one column may hold real date cells, Excel serial numbers and
text such as 2022/6/21, 2022年6月21日 or 21/06/2022.
"""
from __future__ import annotations

import datetime
import math
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

from foundation.errors import WorkbenchError, register

FIRST_YEAR = 1950
LAST_YEAR = 2100

register({
    "date.invalid": "“{value}” is not a date; write dates like 2022-06-21.",
    "date.impossible": "“{value}” is not a real date: that day does not exist.",
    "date.out_of_range": "The date “{value}” is outside the years {first} to {last}.",
})

# Excel's 1900 date system counts 1900-01-01 as day 1 and, copying Lotus 1-2-3,
# believes 1900 was a leap year: serial 60 is the nonexistent 1900-02-29, so from
# serial 61 on the days are counted from 1899-12-30.
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_EXCEL_FAKE_LEAP_DAY = 60
_EXCEL_LAST_SERIAL = 2_958_465  # 9999-12-31, the last day Excel knows

# An optional time of day after the date; it is dropped.
_TIME = r"(?:(?:\s+|T)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
_RE_YEAR_FIRST = re.compile(rf"(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}}){_TIME}", re.ASCII)
_RE_CHINESE = re.compile(
    rf"(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日?{_TIME}", re.ASCII
)
_RE_COMPACT = re.compile(rf"(\d{{4}})(\d{{2}})(\d{{2}}){_TIME}", re.ASCII)
_RE_YEAR_LAST = re.compile(rf"(\d{{1,2}})([-/.])(\d{{1,2}})\2(\d{{4}}){_TIME}", re.ASCII)
_RE_SERIAL = re.compile(r"\d{5}(?:\.\d+)?", re.ASCII)


def parse_date(value: object, *, month_first: bool = False) -> datetime.date | None:
    """Read a date from an export cell; None when the cell is empty.

    Numbers are Excel serial days, except 8-digit integers, which are read as
    20220621 (far beyond any serial Excel has). For text with the year last,
    `month_first` says whether 06/07/2022 is June 7 (True) or 6 July (False);
    a part above 12 can only be the day, whatever `month_first` says.
    Raises WorkbenchError: date.invalid, date.impossible or date.out_of_range.
    """
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return _in_range(value.date(), value)
    if isinstance(value, datetime.date):
        return _in_range(value, value)
    if isinstance(value, bool):
        raise WorkbenchError("date.invalid", value=str(value))
    if isinstance(value, (int, float, Decimal)):
        return _from_number(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    return _from_text(text, str(value).strip(), month_first)


def excel_serial_to_date(serial: float) -> datetime.date:
    """The day of an Excel serial number (1900 date system); a time fraction is dropped."""
    if not math.isfinite(serial):
        raise WorkbenchError("date.invalid", value=str(serial))
    day = math.floor(serial)
    if day == _EXCEL_FAKE_LEAP_DAY:
        raise WorkbenchError("date.impossible", value=_number_text(serial))
    if not 1 <= day <= _EXCEL_LAST_SERIAL:
        raise WorkbenchError(
            "date.out_of_range", value=_number_text(serial), first=FIRST_YEAR, last=LAST_YEAR
        )
    # Before the fake leap day the count starts one day later.
    offset = day if day > _EXCEL_FAKE_LEAP_DAY else day + 1
    return _EXCEL_EPOCH + datetime.timedelta(days=offset)


def detect_month_first(values: Iterable[object]) -> bool:
    """Whether a column's year-last dates (06/21/2022) are clearly written month first.

    True when some value has a second part above 12 and no value has a first part
    above 12; a column of only ambiguous values stays day first.
    """
    return month_first_evidence(values) is True


def month_first_evidence(values: Iterable[object]) -> bool | None:
    """What a column's year-last dates say about their order: True when some value can only
    be month first (06/21/2022) and none only day first, False when some value can only be
    day first (21/06/2022) -- a mixed column stays day first -- and None
    when every value is ambiguous or there is none.

    The importer combines the columns of a file: one clearly month-first column makes the
    file month first, so that its ambiguous columns are read the same way.
    """
    evidence: bool | None = None
    for value in values:
        if not isinstance(value, str):
            continue
        match = _RE_YEAR_LAST.fullmatch(unicodedata.normalize("NFKC", value).strip())
        if match is None:
            continue
        if int(match.group(1)) > 12:
            return False
        if int(match.group(3)) > 12:
            evidence = True
    return evidence


def _from_number(value: int | float | Decimal) -> datetime.date | None:
    # NaN is how some readers write an empty numeric cell.
    if isinstance(value, Decimal) and value.is_nan():
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        number = float(value)
    except OverflowError:
        raise WorkbenchError(
            "date.out_of_range", value=str(value), first=FIRST_YEAR, last=LAST_YEAR
        ) from None
    if math.isfinite(number) and number.is_integer() and 10_000_000 <= number <= 99_999_999:
        digits = str(int(number))
        return _make(int(digits[:4]), int(digits[4:6]), int(digits[6:]), digits)
    return _in_range(excel_serial_to_date(number), _number_text(value))


def _from_text(text: str, display: str, month_first: bool) -> datetime.date:
    if match := _RE_YEAR_FIRST.fullmatch(text):
        return _make(int(match.group(1)), int(match.group(3)), int(match.group(4)), display)
    if match := _RE_CHINESE.fullmatch(text) or _RE_COMPACT.fullmatch(text):
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), display)
    if match := _RE_YEAR_LAST.fullmatch(text):
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if first > 12 or (not month_first and second <= 12):
            day, month = first, second
        else:
            # Month first was asked for, or the second part can only be the day.
            month, day = first, second
        return _make(year, month, day, display)
    if _RE_SERIAL.fullmatch(text):
        return _in_range(excel_serial_to_date(float(text)), display)
    raise WorkbenchError("date.invalid", value=display)


def _make(year: int, month: int, day: int, display: str) -> datetime.date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise WorkbenchError("date.out_of_range", value=display, first=FIRST_YEAR, last=LAST_YEAR)
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise WorkbenchError("date.impossible", value=display) from None


def _in_range(day: datetime.date, value: object) -> datetime.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise WorkbenchError(
            "date.out_of_range", value=str(value), first=FIRST_YEAR, last=LAST_YEAR
        )
    return day


def _number_text(value: object) -> str:
    # 44733.0 is shown as the clerk typed it: 44733.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
