"""What an import did: every row read ends up in exactly one of accepted, unchanged, updated,
rejected or skipped, and the counts add up; the rows that were not simply accepted carry a
RowIssue saying where and why.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RowIssue:
    """One row's problem or remark: where it is and why, in words a person understands."""

    line: int
    column: str | None
    value: str | None
    code: str
    reason: str
    outcome: str        # rejected, skipped, warning
    params: dict[str, Any] | None = None     # the reason's parameters, so a window can translate it

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column, "value": self.value, "reason": self.reason,
                "code": self.code}


@dataclass
class ImportResult:
    path: str
    sha256: str
    import_id: int | None = None
    read: int = 0
    accepted: int = 0
    unchanged: int = 0
    updated: int = 0
    rejected: int = 0
    skipped: int = 0
    duplicates: int = 0
    conflicts: int = 0
    header_line: int = 0
    mapping: dict[str, str] = field(default_factory=dict)      # header -> field
    mapping_source: str = ""     # given, remembered or recognised
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    month_first: bool = False
    issues: list[RowIssue] = field(default_factory=list)
    workspace_had_cases: bool = True     # False: no case can conflict, so none is looked up

    @property
    def rejected_rows(self) -> list[RowIssue]:
        return [i for i in self.issues if i.outcome == "rejected"]

    @property
    def warnings(self) -> list[RowIssue]:
        return [i for i in self.issues if i.outcome == "warning"]

    @property
    def changed(self) -> bool:
        return self.accepted + self.updated > 0

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.path, "sha256": self.sha256, "import_id": self.import_id,
            "read": self.read, "accepted": self.accepted, "unchanged": self.unchanged,
            "updated": self.updated, "rejected": self.rejected, "skipped": self.skipped,
            "duplicates": self.duplicates, "conflicts": self.conflicts, "header_line": self.header_line,
            "mapping": self.mapping, "mapping_source": self.mapping_source, "encoding": self.encoding,
            "delimiter": self.delimiter, "sheet": self.sheet, "month_first": self.month_first,
            "changed": self.changed,
            "rejected_rows": [i.as_dict() for i in self.rejected_rows],
            "skipped_rows": [i.as_dict() for i in self.issues if i.outcome == "skipped"],
            "warnings": [i.as_dict() for i in self.warnings],
        }
