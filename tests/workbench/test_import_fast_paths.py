"""The import's fast paths give what the general ones give (issue 20): text cells stripped in
one call, the date-cell screen, 12-digit numbers read without an ApplicationNumber, and the
search index and case indexes kept up in bulk (the same schema, index and search results)."""
import random
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foundation.errors import Cancelled, WorkbenchError
from foundation.jobs import CancelToken
from tests.workbench.helpers import HEADER, workspace, write_csv
from workbench.importing import row_validation, upkeep
from workbench.importing.identifiers import cn12_key, cn_check_char, parse_application_number
from workbench.importing.importer import import_file
from workbench.importing.row_parser import _DATE_CELL, _DATE_TEXT, _texts
from workbench.importing.row_text import as_text

_PIECES = ["", " ", "\u3000", "\t", "=", "'", '="', '"', "x", "标题", "2022-06-21", "2022/6/1 00:00", "07-02",
           "12", "\x00", "\n", "\xa0", "="]
_CELL = st.one_of(st.lists(st.sampled_from(_PIECES), max_size=4).map("".join), st.none(),
                  st.floats(allow_nan=True), st.integers(), st.text(max_size=6))


def _general_texts(cells):
    """The rule the parser applied to each text cell before the fast path."""
    return [value.strip() if type(value) is str and not value.startswith(("=", "'")) else as_text(value)
            for value in cells]


@settings(max_examples=400, deadline=None)
@given(st.lists(_CELL, min_size=2, max_size=9))
def test_texts_and_the_date_screen_match_the_cell_rule(cells):
    texts, joined = _texts(tuple(cells))
    assert texts == _general_texts(cells)
    dated = any(t and t[0].isdigit() and _DATE_TEXT.fullmatch(t) for t in texts)
    if joined is not None and dated:        # the screen never hides a date cell
        assert _DATE_CELL.search(joined)


def _outcome(text):
    try:
        number = parse_application_number(text)
        return number.normalized, number.ip_type
    except WorkbenchError as exc:
        return exc.code, exc.message()


def test_twelve_digit_numbers_read_as_the_general_parser_reads_them():
    """cn12_key reads 12 digits with no check or a check after a dot; other forms (None) go the general way."""
    rng = random.Random(20)
    read = 0
    for _ in range(3000):
        digits = f"{rng.randrange(1980, 2030)}{rng.choice('12345890')}{rng.randrange(10**7):07d}"
        check = rng.choice(["", "." + cn_check_char(digits), cn_check_char(digits), ".X", ".0", "X"])
        text = digits + check
        try:
            fast = cn12_key(text)
        except WorkbenchError as exc:
            fast = (exc.code, exc.message())
        if fast is not None:
            read += 1
            assert fast == _outcome(text), text
        else:
            assert check[:1] not in ("", ".")
    assert read > 1500
    assert cn12_key("CN202210123456") is None and cn12_key("41234567") is None


def _schema(db):
    return sorted(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"
                             " WHERE name NOT LIKE 'sqlite_autoindex%'"))


def _search_agrees(db):
    db.execute("INSERT INTO cases_fts (cases_fts) VALUES ('integrity-check')")
    for term in ("一种装", "科技有", "20221", "甲公司", "t12"):
        found = [r[0] for r in db.execute("SELECT rowid FROM cases_fts WHERE cases_fts MATCH ? ORDER BY rowid",
                                          [f'"{term}"'])]
        like = [r[0] for r in db.execute(
            "SELECT id FROM cases WHERE application_number LIKE ?1 OR title LIKE ?1 OR applicant LIKE ?1"
            " ORDER BY id", [f"%{term}%"])]
        assert found == like, term


def _rows(start, count, title):
    return [[f"2022101{n:05d}", "发明", f"{title}{n}", "甲公司" if n % 2 else "乙科技有限公司", "张三", "一部",
             "2022-01-05", ""] for n in range(start, start + count)]


def test_bulk_upkeep_gives_the_same_schema_index_and_search(tmp_path, monkeypatch):
    monkeypatch.setattr(row_validation, "BATCH", 50)
    monkeypatch.setattr(upkeep, "FTS_ROWS", 120)        # several catch-ups in one import
    db = workspace(tmp_path)
    schema = _schema(db)
    result = import_file(db, write_csv(tmp_path / "a.csv", _rows(0, 700, "一种装置t"), header=HEADER))
    assert result.accepted == 700
    assert _schema(db) == schema
    _search_agrees(db)
    # Into a workspace with cases: new ones indexed in bulk, changed ones by the update trigger.
    result = import_file(db, write_csv(tmp_path / "b.csv", _rows(600, 300, "一种装备t"), header=HEADER),
                         on_conflict="update")
    assert (result.accepted, result.updated) == (200, 100)
    assert _schema(db) == schema
    _search_agrees(db)


def test_a_cancelled_import_keeps_the_trigger_and_indexes(tmp_path, monkeypatch):
    monkeypatch.setattr(row_validation, "BATCH", 100)
    db = workspace(tmp_path)
    schema = _schema(db)
    token = CancelToken()
    with pytest.raises(Cancelled):
        import_file(db, write_csv(tmp_path / "a.csv", _rows(0, 500, "t"), header=HEADER),
                    progress=lambda done, total, label: token.cancel(), cancel=token)
    assert _schema(db) == schema
    assert db.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 0


def test_a_workspace_whose_trigger_differs_keeps_it_live(tmp_path):
    db = workspace(tmp_path)
    db.execute("DROP TRIGGER cases_fts_insert")
    db.execute(upkeep.FTS_TRIGGER_SQL.replace("BEGIN", "WHEN new.id > 0 BEGIN"))
    import_file(db, write_csv(tmp_path / "a.csv", _rows(0, 30, "一种装置t"), header=HEADER))
    assert "WHEN new.id > 0" in db.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'cases_fts_insert'").fetchone()[0]
    _search_agrees(db)
    assert isinstance(db.conn, sqlite3.Connection)
