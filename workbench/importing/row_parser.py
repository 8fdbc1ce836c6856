"""One data row of an import turned into the values stored for its case, or refused with
the column, the value and the reason."""
from __future__ import annotations

import json
import operator
import re
from datetime import date
from typing import Any, Callable, Mapping

from foundation.errors import WorkbenchError, register
from foundation.words import article
from workbench.importing.dates import FIRST_YEAR, LAST_YEAR, month_first_evidence, parse_date
from workbench.importing.headers import CASE_FIELDS, CODED_FIELDS, DATE_FIELDS
from workbench.importing.identifiers import cn12_key, parse_application_number, parse_ip_type
from workbench.importing.risk_fields import UNREADABLE, parse_applicant_type, parse_nice_classes, parse_use_shown
from workbench.importing.row_text import as_text

_SCIENTIFIC = re.compile(r"\d(\.\d+)?[eE]\+?\d+")

register({
    "import.missing_number": "The application number is missing.",
    "import.scientific_number": "“{value}” is an application number that a spreadsheet shortened to scientific "
                                "notation, so its digits are lost; export the column as text.",
    "import.ip_type_unknown": "The IP type cannot be told from {value}; add an IP type column.",
    "import.ip_type_mismatch": "The number {value} is {implied_a} number but the row says {declared}.",
    "import.number_is_date": "“{value}” is a date where the application number should be: a spreadsheet "
                             "program turned the number into a date; export the column as text.",
    "import.date_in_text_field": "“{value}” in {column} is a date where text was expected: a spreadsheet program "
                                 "may have turned the text into a date; check the source.",
    "import.classification_recovered": "The classification “{value}” was a date made by a spreadsheet program; "
                                       "recovered as the Locarno class {recovered}.",
})

# A whole cell that is a date (ISO as a date cell reads back, or day/month/year text a spreadsheet
# program wrote when it saved the CSV): where text is expected, the program likely made it.
_DATE_TEXT = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]00:00(?::00)?)?")
_DATE_SEPARATORS = "-/."            # _DATE_TEXT's, after its four digits ('' is in it too)
Remark = tuple[str, str, WorkbenchError]     # (column header, value as read, the remark)
# In a row's texts, each after a NUL: a cell that is wholly a date (as _DATE_TEXT reads one).
# A leading literal lets the regex engine skip ahead to each NUL.
_SEPARATOR = "\x00"
_DATE_CELL = re.compile(r"\x00" + _DATE_TEXT.pattern + r"(?=\x00|\Z)")

_TEXT_FIELDS = tuple(f for f in CASE_FIELDS if f not in ("application_number", "ip_type") + DATE_FIELDS + CODED_FIELDS)
#: A record's values, in this order.
STORED_FIELDS = ("application_number", "ip_type") + _TEXT_FIELDS + DATE_FIELDS + CODED_FIELDS + ("extra",)
_UNREAD = object()
_NOT_GIVEN = ("", "", None)          # the coded fields of a file without their columns
_READERS: dict[str, Callable[[Any, str], Any]] = {
    "applicant_type": lambda _raw, text: parse_applicant_type(text),
    "nice_classes": lambda _raw, text: parse_nice_classes(text),
    "use_shown": parse_use_shown,
}


class RowRejected(Exception):
    def __init__(self, column: str | None, value: Any, error: WorkbenchError) -> None:
        self.column, self.value, self.code, self.reason = column, value, error.code, error.message()
        self.params = error.params


class RowParser:
    """Turns one data row into the tuple of STORED_FIELDS, or raises RowRejected.

    Written for speed (it runs 100,000 times for a large export): column positions are
    looked up once, and IP types and text dates, which repeat, are parsed once each.
    """

    def __init__(self, names: list[str], columns: Mapping[int, str], month_first: bool) -> None:
        self.names = names
        self.columns = dict(columns)
        self.width = len(names)
        index_of = {f: i for i, f in self.columns.items()}
        self.index_of = index_of
        self.i_number = index_of["application_number"]
        self.i_type = index_of.get("ip_type")
        self.text_indexes = [index_of.get(f) for f in _TEXT_FIELDS]
        # All text fields in one C-level call; a field without a column reads a blank column.
        blank = self.width
        self.text_cells = operator.itemgetter(*[blank if i is None else i for i in self.text_indexes])
        self.date_indexes = [index_of.get(f) for f in DATE_FIELDS]
        self.extra_columns = [(i, n) for i, n in enumerate(names) if i not in self.columns]
        self.month_first = month_first
        self._types: dict[Any, str | None | WorkbenchError] = {}
        self._dates: dict[Any, str | None | WorkbenchError] = {}
        self._read_dates: dict[str, str | None] = {}      # text -> what _date returned
        self.decision_header = self.header("decision_date")
        self.text_headers = [self.header(f) for f in _TEXT_FIELDS]
        self.classification_position = _TEXT_FIELDS.index("classification")
        # Coded fields (risk_fields): each distinct cell read once, as IP types are.
        self.coded = [(position, index_of[f], self.names[index_of[f]], f, {})
                      for position, f in enumerate(CODED_FIELDS) if f in index_of]

    def header(self, field_name: str) -> str:
        index = self.index_of.get(field_name)
        return self.names[index] if index is not None else field_name

    def _ip_type(self, raw: Any) -> str | None:
        key = raw if isinstance(raw, (str, int, float)) else as_text(raw)
        try:
            found = self._types[key]
        except KeyError:
            try:
                found = parse_ip_type(as_text(raw))
            except WorkbenchError as exc:
                found = exc
            self._types[key] = found
        if isinstance(found, WorkbenchError):
            raise RowRejected(self.names[self.i_type], as_text(raw), found)
        return found

    def _date(self, raw: Any, index: int) -> str | None:
        kind = type(raw)
        if kind is date:
            if FIRST_YEAR <= raw.year <= LAST_YEAR:
                return raw.isoformat()
        elif raw is None or raw == "":
            return None
        key = raw if kind in (str, int, float) else None
        found = self._dates.get(key) if key is not None else None
        if found is None:
            value = as_text(raw) if kind is str else raw
            try:
                parsed = parse_date(value, month_first=self.month_first)
                found = parsed.isoformat() if parsed else ""
            except WorkbenchError as exc:
                found = exc
            if key is not None and len(self._dates) < 100_000:
                self._dates[key] = found
        if isinstance(found, WorkbenchError):
            raise RowRejected(self.names[index], as_text(raw), found)
        if kind is str and len(self._read_dates) < 100_000:
            self._read_dates[raw] = found or None
        return found or None

    def parse(self, cells: list[Any]) -> tuple[tuple[Any, ...], str | None]:
        """The stored values and, when the row is accepted with remarks, the remarks (else None)."""
        if len(cells) <= self.width:
            cells = cells + [""] * (self.width + 1 - len(cells))      # and one blank column
        else:
            cells = cells + [""]
        raw_number = cells[self.i_number]
        if type(raw_number) is str:
            raw_number = as_text(raw_number)
        if raw_number is None or raw_number == "" or raw_number != raw_number:
            error = WorkbenchError("import.missing_number")
            raise RowRejected(self.names[self.i_number], "", error)
        # A date's text has its separator after four digits (a 12-digit number does not).
        if isinstance(raw_number, date) or (type(raw_number) is str and raw_number[4:5] in _DATE_SEPARATORS
                                            and _DATE_TEXT.fullmatch(raw_number)):
            shown = as_text(raw_number)
            raise RowRejected(self.names[self.i_number], shown, WorkbenchError("import.number_is_date", value=shown))
        declared = self._ip_type(cells[self.i_type]) if self.i_type is not None else None
        try:
            # The common 12-digit form without making an ApplicationNumber (what that would hold).
            key = cn12_key(raw_number) if type(raw_number) is str else None
            if key is None:
                number = parse_application_number(raw_number, declared_ip_type=declared)
                key = (number.normalized, number.ip_type)
        except WorkbenchError as exc:
            shown = as_text(raw_number)
            if exc.code == "id.unrecognised" and _SCIENTIFIC.fullmatch(shown):
                exc = WorkbenchError("import.scientific_number", value=shown)
            raise RowRejected(self.names[self.i_number], shown, exc) from None
        normalized, implied = key
        if implied is None and declared is None:
            error = WorkbenchError("import.ip_type_unknown", value=normalized)
            raise RowRejected(self.names[self.i_number], as_text(raw_number), error)
        if declared is not None and implied is not None and declared != implied:
            error = WorkbenchError("import.ip_type_mismatch", value=normalized,
                                   implied=implied.replace("_", " "), declared=declared.replace("_", " "),
                                   implied_a=article(implied.replace("_", " ")))
            raise RowRejected(self.names[self.i_type], as_text(cells[self.i_type]), error)
        filing_index, decision_index = self.date_indexes
        filing, decision = self._cell_date(cells, filing_index), self._cell_date(cells, decision_index)
        texts, joined = _texts(self.text_cells(cells))
        extra = self._extra(cells)
        # Only a row with a whole cell shaped like a date is looked at cell by cell.
        remarks = (self._dates_in_texts(texts, implied or declared)
                   if joined is None or _DATE_CELL.search(joined) else None)
        if filing and decision and decision < filing:
            error = WorkbenchError("import.decision_before_filing", decision=decision, filing=filing)
            remarks = (remarks or []) + [(self.decision_header, decision, error)]
        coded: tuple[Any, ...] | list[Any] = _NOT_GIVEN
        if self.coded:
            coded, unreadable = self._coded_values(cells, extra)
            if unreadable:
                remarks = (remarks or []) + unreadable
        record = (normalized, implied or declared, *texts, filing, decision, *coded,
                  json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else "{}")
        return record, remarks

    def _cell_date(self, cells: list[Any], index: int | None) -> str | None:
        if index is None:
            return None
        raw = cells[index]
        found = self._read_dates.get(raw, _UNREAD) if type(raw) is str else _UNREAD    # read before
        return self._date(raw, index) if found is _UNREAD else found

    def _extra(self, cells: list[Any]) -> dict[str, str]:
        """The cells of unmapped columns, by header, and cells beyond the header (kept, never dropped)."""
        extra: dict[str, str] = {}
        for index, name in self.extra_columns:
            value = cells[index]
            if value is not None and value != "":
                text = as_text(value)
                if text:
                    extra[name] = text
        if len(cells) > self.width + 1:
            for index in range(self.width, len(cells) - 1):
                text = as_text(cells[index])
                if text:
                    extra[f"column {index + 1}"] = text
        return extra

    def _coded_values(self, cells: list[Any], extra: dict[str, str]) -> tuple[list[Any], list[Remark]]:
        """The coded fields' stored values; an unreadable one is left unknown, its text kept in
        `extra` under its column's header (nothing is lost) and remarked on."""
        values = list(_NOT_GIVEN)
        unreadable: list[Remark] = []
        for position, index, header, field_name, seen in self.coded:
            raw = cells[index]
            key = raw if isinstance(raw, (str, int, float)) and not isinstance(raw, bool) else None
            found = seen.get(key, seen) if key is not None else seen
            if found is seen:          # not read before
                text = as_text(raw) if not isinstance(raw, bool) else str(raw)
                try:
                    found = _READERS[field_name](raw, text)
                except ValueError:
                    found = WorkbenchError(UNREADABLE[field_name], value=text, column=header)
                if key is not None and len(seen) < 10_000:
                    seen[key] = found
            if isinstance(found, WorkbenchError):
                extra[header] = found.params["value"]
                unreadable.append((header, found.params["value"], found))
            else:
                values[position] = found
        return values, unreadable

    def _dates_in_texts(self, texts: list[str], ip_type: str | None) -> list[Remark] | None:
        """Text cells that hold a date, flagged (the row is kept); a design's Locarno class that a
        spreadsheet program read as a date (`07-02` as 2 July) recovered in `texts` as `07-02`."""
        remarks: list[Remark] | None = None
        for position, text in enumerate(texts):
            if not text or not text[0].isdigit():
                continue
            found = _DATE_TEXT.fullmatch(text)
            if found is None or not (1 <= int(found[2]) <= 12 and 1 <= int(found[3]) <= 31):
                continue
            header = self.text_headers[position]
            if position == self.classification_position and ip_type == "design":
                recovered = f"{int(found[2]):02d}-{int(found[3]):02d}"
                texts[position] = recovered
                error = WorkbenchError("import.classification_recovered", value=text, recovered=recovered)
            else:
                error = WorkbenchError("import.date_in_text_field", value=text, column=header)
            remarks = (remarks or []) + [(header, text, error)]
        return remarks


def _texts(cells: tuple[Any, ...]) -> tuple[list[str], str | None]:
    """The text fields' cells as text and, when every cell is text, NUL and the texts joined by
    NUL (for _DATE_CELL). A row of text cells none starting with = or ' (as most CSV rows are)
    is stripped in one C-level map: what the per-cell rule below gives for such cells."""
    try:
        raw = _SEPARATOR.join(cells)
    except TypeError:            # a number, a date or an empty cell of a workbook
        raw = None
    if raw is not None and not raw.startswith(("=", "'")) and "\x00=" not in raw and "\x00'" not in raw:
        texts = list(map(str.strip, cells))
    else:
        texts = [value.strip() if type(value) is str and not value.startswith(("=", "'")) else as_text(value)
                 for value in cells]
    return texts, (_SEPARATOR + _SEPARATOR.join(texts) if raw is not None else None)


def reads_month_first(lookahead: list[tuple[int, list[Any]]], columns: Mapping[int, str]) -> bool:
    """Whether the file writes year-last dates month first: some date column clearly does
    and none clearly writes them day first."""
    verdicts = set()
    for index, name in columns.items():
        if name in DATE_FIELDS:
            verdicts.add(month_first_evidence(c[index] for _, c in lookahead if index < len(c)))
    return True in verdicts and False not in verdicts
