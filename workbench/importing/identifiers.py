"""Application numbers and IP types as they appear in exports, normalised to one stored form.

Exports from different systems write the same number in many ways: with or
without the check character, with `CN`/`ZL` prefixes, full-width digits, spaces,
or as a spreadsheet number (202210123456.0). Everything that is stored or
compared goes through `parse_application_number` so that one case has one key.
"""
from __future__ import annotations

import datetime
import math
import operator
import re
import time
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from foundation.errors import WorkbenchError, register

IP_TYPES = ("invention", "utility_model", "design", "trademark")

register({
    "id.empty": "The application number is empty.",
    "id.unrecognised": (
        "“{value}” is not an application number in a known form "
        "(Chinese patent or trademark, PCT, EP or US)."
    ),
    "id.bad_check": "The check character of {value} should be {expected}, found {found}.",
    "id.bad_type_digit": (
        "In {value} the type digit {digit} is unknown: it should be 1 (invention), "
        "2 (utility model), 3 (design), 8 (PCT invention) or 9 (PCT utility model)."
    ),
    "id.bad_year": "In {value} the year {year} is not possible (expected {first} to {last}).",
    "id.bad_ip_type": (
        "“{value}” is not a known IP type: use invention, utility model, design or trademark "
        "(发明, 实用新型, 外观设计, 商标)."
    ),
})


@dataclass(frozen=True)
class ApplicationNumber:
    """One application number in its stored form."""

    normalized: str
    office: str  # "CN", "CN_TM", "PCT", "EP", "US"
    ip_type: str | None  # implied by the number; None when the number says nothing
    pct: bool = False


# The type digit of Chinese patent numbers: (ip_type, entered through PCT).
_CN_TYPE_DIGITS: dict[str, tuple[str, bool]] = {
    "1": ("invention", False),
    "2": ("utility_model", False),
    "3": ("design", False),
    "8": ("invention", True),
    "9": ("utility_model", True),
}
_FIRST_CN_YEAR = 1985  # the Chinese patent law came into force in 1985
_FIRST_PCT_YEAR = 1978  # the PCT came into operation in 1978

# Prefixes printed before Chinese patent numbers: CN (country), ZL (专利, granted
# patent) and their combinations; longest first so "CNZL" is not read as "CN".
_CN_PREFIXES = ("CNZL", "ZLCN", "CN", "ZL")

# ASCII: NFKC leaves some scripts' digits alone, and those are no part of a number.
_RE_CN12 = re.compile(r"(\d{12})(?:\.?([0-9X]))?", re.ASCII)
# Without a prefix, 8 digits and a check digit read like a 9-digit trademark
# number, so the check must then be written after a dot (or be an X).
_RE_CN8_BARE = re.compile(r"(\d{8})(?:\.([0-9X])|(X))?", re.ASCII)
_RE_CN8_PREFIXED = re.compile(r"(\d{8})(?:\.?([0-9X]))?", re.ASCII)
_RE_DIGITS = re.compile(r"\d+", re.ASCII)
_RE_CN12_PLAIN = re.compile(r"(\d{12})(?:\.([0-9X]))?", re.ASCII)
_RE_PCT = re.compile(r"PCT/([A-Z]{2})(?:(\d{4})/(\d{6})|(\d{2})/(\d{5}))", re.ASCII)
_RE_EP = re.compile(r"EP(\d{8})(?:\.?(\d))?", re.ASCII)
_RE_US = re.compile(r"(?:US)?(\d{2})/(\d{3}),?(\d{3})|US(\d{2})(\d{6})", re.ASCII)


_CN_WEIGHTS = tuple(2 + i % 8 for i in range(12))
_CN_CHECK_CHARS = "0123456789X"
_CN_ZEROS = {n: 48 * sum(_CN_WEIGHTS[:n]) for n in (8, 12)}     # what the '0' codes add


def cn_check_char(digits: str) -> str:
    """The check character of a Chinese patent number (8 or 12 digits, without the dot).

    Weights 2..9 repeat over the digits from the left; the sum modulo 11 is the
    check, with 10 written "X".
    """
    # Runs once per imported row: multiply the ASCII codes and take off what the '0's add.
    codes = digits.encode("ascii")
    zeros = _CN_ZEROS.get(len(codes))
    if zeros is None:
        zeros = 48 * sum(_CN_WEIGHTS[:len(codes)])
    total = sum(map(operator.mul, codes, _CN_WEIGHTS)) - zeros
    return _CN_CHECK_CHARS[total % 11]


def ep_check_digit(digits: str) -> str:
    """The check digit of an 8-digit EP application number (a Luhn variant)."""
    total = 0
    for i, d in enumerate(digits):
        product = int(d) * (1 if i % 2 == 0 else 2)
        total += product // 10 + product % 10
    return str((10 - total % 10) % 10)


def parse_application_number(
    text: object, *, declared_ip_type: str | None = None
) -> ApplicationNumber:
    """Parse an application number from an export cell into its stored form.

    `text` may be a string or a spreadsheet number. `declared_ip_type` is the IP
    type the same row declares; it only settles a bare 8-digit number, which is
    either an old Chinese patent number or a trademark number. Raises
    WorkbenchError (id.*) when the value is not a valid number.
    """
    if type(text) is float and 1e11 <= text < 1e12 and text.is_integer():
        text = str(int(text))          # a spreadsheet number cell holding the 12 digits
    if type(text) is str and (match := _RE_CN12_PLAIN.fullmatch(text)):
        # The common form of a whole export column, read without the general machinery
        # (it is what the general path would do with it): 10x faster on 100,000 rows.
        return _cn_patent(match.group(1), match.group(2), text)
    display = _display(text)
    if display is None:
        raise WorkbenchError("id.empty")
    compact = _compact(display)
    if not compact:
        raise WorkbenchError("id.empty")

    for parse in (_parse_pct, _parse_ep, _parse_us):
        result = parse(compact, display)
        if result is not None:
            return result

    body, prefixed = _strip_cn_prefix(compact)
    if match := _RE_CN12.fullmatch(body):
        return _cn_patent(match.group(1), match.group(2), display)
    if match := (_RE_CN8_PREFIXED if prefixed else _RE_CN8_BARE).fullmatch(body):
        digits, *checks = match.groups()
        check = next((c for c in checks if c), None)
        if check is not None or prefixed or _is_bare_patent(digits, declared_ip_type):
            return _cn_patent(digits, check, display)
        return ApplicationNumber(digits, "CN_TM", "trademark")
    if not prefixed and _RE_DIGITS.fullmatch(body) and 7 <= len(body) <= 9:
        return ApplicationNumber(body, "CN_TM", "trademark")
    raise WorkbenchError("id.unrecognised", value=display)


def parse_ip_type(text: object) -> str | None:
    """A declared IP type (an export column) as one of IP_TYPES; None when empty."""
    display = _display(text)
    if display is None:
        return None
    key = re.sub(r"[\s_\-]", "", unicodedata.normalize("NFKC", display)).casefold()
    if not key:
        return None
    try:
        return _IP_TYPE_NAMES[key]
    except KeyError:
        raise WorkbenchError("id.bad_ip_type", value=display) from None


_IP_TYPE_NAMES: dict[str, str] = {
    name: ip_type
    for ip_type, names in {
        "invention": (
            "invention", "inventionpatent", "patentforinvention", "inventionapplication",
            "1", "发明", "发明专利", "发明专利申请",
        ),
        "utility_model": (
            "utilitymodel", "utilitymodelpatent", "utilitymodelapplication",
            "2", "实用新型", "实用新型专利", "实用新型专利申请",
        ),
        "design": (
            "design", "designpatent", "industrialdesign", "designapplication",
            "3", "外观设计", "外观设计专利", "外观设计专利申请", "外观",
        ),
        "trademark": (
            "trademark", "trademarkapplication", "tm",
            "商标", "商标注册", "商标注册申请",
        ),
    }.items()
    for name in names
}


def _display(value: object) -> str | None:
    """The value as the user sees it, for messages; None when the cell is empty."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)  # never a number, but show it in the message
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # Spreadsheets store numeric cells as floats: 202210123456.0 means the digits.
        if math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, Decimal):
        return str(int(value)) if value.is_finite() and value == int(value) else str(value)
    text = str(value).strip()
    return text or None


def _compact(display: str) -> str:
    # NFKC turns full-width digits, letters and punctuation into ASCII.
    text = unicodedata.normalize("NFKC", display)
    return "".join(text.split()).upper()


def _strip_cn_prefix(compact: str) -> tuple[str, bool]:
    for prefix in _CN_PREFIXES:
        if compact.startswith(prefix):
            return compact[len(prefix):], True
    return compact, False


def _is_bare_patent(digits: str, declared_ip_type: str | None) -> bool:
    """Whether 8 bare digits are an old Chinese patent number rather than a trademark.

    The row's declared type decides. Without one, the digits are a patent number
    when they can be one (a year 1985-2003 and a known type digit): modern
    trademark numbers such as 41234567 cannot, and refusing them would help nobody.
    """
    if declared_ip_type == "trademark":
        return False
    if declared_ip_type is not None:
        return True
    year = _old_year(digits[:2])
    return year <= 2003 and digits[2] in _CN_TYPE_DIGITS


def _old_year(two_digits: str) -> int:
    # 8-digit numbers were issued 1985-2003; 00-84 can only mean 20xx.
    year = int(two_digits)
    return 1900 + year if year >= 85 else 2000 + year


def cn12_key(text: str) -> tuple[str, str] | None:
    """(stored form, IP type) of a cell holding 12 digits and perhaps their check character, exactly
    as parse_application_number would read it; None for any other text (parse that instead).
    An import reads its whole number column this way, without making an ApplicationNumber a row."""
    match = _RE_CN12_PLAIN.fullmatch(text)
    if match is None:
        return None
    normalized, ip_type, _pct = _cn_patent_parts(match.group(1), match.group(2), text)
    return normalized, ip_type


def _cn_patent(digits: str, given_check: str | None, display: str) -> ApplicationNumber:
    normalized, ip_type, pct = _cn_patent_parts(digits, given_check, display)
    return ApplicationNumber(normalized, "CN", ip_type, pct)


#: Next year as last read from the clock: a year up to it is never in the future (the clock only
#: moves on), so the clock is read again only for a later one, or an earlier one refused with the
#: year in its message (it cost 1.2 us a row of an import).
_last_year_seen = [0]


def _last_cn_year(year: int) -> int:
    if year > _last_year_seen[0] or year < _FIRST_CN_YEAR:
        _last_year_seen[0] = time.localtime().tm_year + 1     # cheaper than date.today(), same year
    return _last_year_seen[0]


def _cn_patent_parts(digits: str, given_check: str | None, display: str) -> tuple[str, str, bool]:
    if len(digits) == 12:
        year, type_digit = int(digits[:4]), digits[4]
        last_year = _last_cn_year(year)
    else:
        year, type_digit = _old_year(digits[:2]), digits[2]
        last_year = 2003  # the 12-digit form replaced this one in October 2003
    if not _FIRST_CN_YEAR <= year <= last_year:
        raise WorkbenchError(
            "id.bad_year", value=display, year=year, first=_FIRST_CN_YEAR, last=last_year
        )
    if type_digit not in _CN_TYPE_DIGITS:
        raise WorkbenchError("id.bad_type_digit", value=display, digit=type_digit)
    check = cn_check_char(digits)
    if given_check is not None and given_check != check:
        raise WorkbenchError("id.bad_check", value=display, expected=check, found=given_check)
    ip_type, pct = _CN_TYPE_DIGITS[type_digit]
    return f"{digits}.{check}", ip_type, pct


def _parse_pct(compact: str, display: str) -> ApplicationNumber | None:
    match = _RE_PCT.fullmatch(compact)
    if match is None:
        return None
    if match.group(2) is not None:
        year, last_year = int(match.group(2)), datetime.date.today().year + 1
        if not _FIRST_PCT_YEAR <= year <= last_year:
            raise WorkbenchError(
                "id.bad_year", value=display, year=year, first=_FIRST_PCT_YEAR, last=last_year
            )
    return ApplicationNumber(compact, "PCT", None, pct=True)


def _parse_ep(compact: str, display: str) -> ApplicationNumber | None:
    match = _RE_EP.fullmatch(compact)
    if match is None:
        return None
    digits, given = match.groups()
    check = ep_check_digit(digits)
    if given is not None and given != check:
        raise WorkbenchError("id.bad_check", value=display, expected=check, found=given)
    # The EPO grants patents for inventions only.
    return ApplicationNumber(f"EP{digits}.{check}", "EP", "invention")


def _parse_us(compact: str, display: str) -> ApplicationNumber | None:
    match = _RE_US.fullmatch(compact)
    if match is None:
        return None
    if match.group(1) is not None:
        series, serial = match.group(1), match.group(2) + match.group(3)
    else:
        series, serial = match.group(4), match.group(5)
    # Series code 29 is reserved for design applications; all others are for inventions.
    ip_type = "design" if series == "29" else "invention"
    return ApplicationNumber(f"US{series}/{serial[:3]},{serial[3:]}", "US", ip_type)
