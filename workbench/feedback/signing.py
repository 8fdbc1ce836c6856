"""The workspace's signing key and the signatures of response workbooks (HMAC-SHA256).

A response workbook lists findings an examiner may answer. Its hidden signature sheet holds,
for each finding row, the HMAC of what the row shows (ID, application number, item, severity,
category, comment) and one HMAC over the file's identity and all its rows. The key never
leaves the workspace, so a file from another workspace, a forged file or a row edited by hand
does not verify. The comparison is constant-time (hmac.compare_digest).
"""
from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any, Sequence

import sqlite_utils


def secret(db: sqlite_utils.Database) -> bytes:
    row = db.execute("SELECT secret FROM workspace_secret WHERE id = 1").fetchone()
    return bytes.fromhex(row[0])


def workspace_uid(db: sqlite_utils.Database) -> str:
    return db.execute("SELECT uid FROM workspace_info WHERE id = 1").fetchone()[0]


def _canonical(values: Sequence[Any]) -> bytes:
    return json.dumps(["" if v is None else str(v) for v in values], ensure_ascii=False).encode("utf-8")


def sign(key: bytes, values: Sequence[Any]) -> str:
    """The HMAC-SHA256 of the values (None and '' are the same: a spreadsheet cannot tell them apart)."""
    return hmac.new(key, _canonical(values), hashlib.sha256).hexdigest()


def verify(key: bytes, values: Sequence[Any], signature: str) -> bool:
    return hmac.compare_digest(sign(key, values), str(signature or ""))


def row_values(finding_id: int, application_number: str, item_id: str, severity: str | None,
               category: str | None, comment: str) -> list[Any]:
    """What a response row shows of its finding, in the order it is signed."""
    return [finding_id, application_number, item_id, severity, category, comment]


def file_values(file_id: str, workspace: str, examiner: str, row_signatures: Sequence[str]) -> list[Any]:
    """What the whole file is signed over: its identity and every row's signature, in order."""
    return [file_id, workspace, examiner, *row_signatures]
