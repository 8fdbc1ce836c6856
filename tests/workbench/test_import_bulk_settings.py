"""What the import changes only for its own length (issue 20): the search index's hashsize is as
it was afterwards, the digests' one-template text is case_digest's for any text, and the year
read from the clock once still refuses a number from the future."""
from __future__ import annotations

import types

import pytest

from foundation.errors import WorkbenchError
from tests.workbench.helpers import HEADER, workspace, write_csv
from workbench.audit import coverage
from workbench.importing import identifiers, upkeep, written_digests
from workbench.importing.importer import import_file


def _rows(count: int) -> list[list[str]]:
    return [[f"2022101{n:05d}", "发明", f"一种装置{n}", "甲公司", "张三", "一部", "2022-01-05", ""]
            for n in range(count)]


def _config(db) -> list[tuple]:
    return [tuple(row) for row in db.execute("SELECT k, v FROM cases_fts_config ORDER BY k")]


def test_the_search_index_settings_are_as_before_the_import(tmp_path, monkeypatch):
    seen = []
    catch_up = upkeep.DeferredUpkeep.catch_up
    monkeypatch.setattr(upkeep.DeferredUpkeep, "catch_up", lambda self: seen.append(
        self.db.execute("SELECT v FROM cases_fts_config WHERE k = 'hashsize'").fetchone()) or catch_up(self))
    db = workspace(tmp_path)
    before = _config(db)
    assert import_file(db, write_csv(tmp_path / "a.csv", _rows(40), header=HEADER)).accepted == 40
    assert seen and seen[-1] == (upkeep.FTS_HASH_BYTES,)        # larger while the import fills it
    assert _config(db) == before and "hashsize" not in dict(before)
    # A workspace with a setting of its own keeps it.
    db.execute("INSERT INTO cases_fts (cases_fts, rank) VALUES ('hashsize', 123456)")
    own = _config(db)
    import_file(db, write_csv(tmp_path / "b.csv", _rows(60), header=HEADER))
    assert _config(db) == own
    assert db.execute("SELECT COUNT(*) FROM cases_fts WHERE cases_fts MATCH '装置59'").fetchone()[0] == 1


def test_the_digest_text_template_is_case_digests_for_any_text():
    texts = ["%s", "%d", "%%", "a|1:b", "", "一种%s装置", "\\x", "-", "%(x)s"]
    records = []
    for n, text in enumerate(texts):
        fields = dict.fromkeys(written_digests.STORED_FIELDS, "")
        fields.update(application_number=f"2022101{n:05d}.1", ip_type="invention", title=text, applicant=text[::-1],
                      department=text, filing_date="2022-01-05", decision_date=None if n % 3 == 0 else "2023-02-01",
                      use_shown=None, extra="{}")
        if n % 4 == 1:
            fields.update(agent=text, abstract=f"{text}!")      # with the risk fields
        records.append(tuple(fields[f] for f in written_digests.STORED_FIELDS))
    digests = written_digests.WrittenDigests()
    digests.add(list(enumerate(records)))
    assert digests.exact
    for n, record in enumerate(records):
        values = written_digests._IN_CASE_ORDER(record)
        assert digests.digests[n * 8:n * 8 + 8].hex() == coverage.case_digest(values), record


def test_the_year_read_once_still_refuses_a_future_or_early_year(monkeypatch):
    clock = types.SimpleNamespace(localtime=lambda: types.SimpleNamespace(tm_year=2030))
    monkeypatch.setattr(identifiers, "time", clock)
    monkeypatch.setattr(identifiers, "_last_year_seen", [0])
    number = "203010123456"
    assert identifiers.cn12_key(number) == (f"{number}.{identifiers.cn_check_char(number)}", "invention")
    for digits, last in (("203210123456", 2031), ("198410123456", 2031)):
        with pytest.raises(WorkbenchError) as refused:
            identifiers.cn12_key(digits)
        assert refused.value.code == "id.bad_year" and refused.value.params["last"] == last
    clock.localtime = lambda: types.SimpleNamespace(tm_year=2031)     # a new year: 2032 is allowed now
    assert identifiers.cn12_key("203210123456")[1] == "invention"


def test_the_digests_walked_along_the_number_index_are_those_found_by_the_import(tmp_path, monkeypatch):
    walks = []
    ordered = written_digests.WrittenDigests.ordered

    def both(self, db, import_id):
        first = db.execute("SELECT MIN(id) FROM cases WHERE import_id = ?", [import_id]).fetchone()[0]
        walks.append([list(self._walk(db, import_id, first, everyone)) for everyone in (True, False)])
        return ordered(self, db, import_id)

    monkeypatch.setattr(written_digests.WrittenDigests, "ordered", both)
    db = workspace(tmp_path)
    rows = _rows(30)
    rows.reverse()                        # ids in another order than the numbers
    result = import_file(db, write_csv(tmp_path / "a.csv", rows, header=HEADER))
    (along, found), = walks
    assert along == found and len(along) == 30
    assert dict(along) == coverage.case_digests(db, "import_id = ?", [result.import_id])


def _search(db, words: list[str]) -> list[list[int]]:
    return [[row[0] for row in db.execute("SELECT rowid FROM cases_fts WHERE cases_fts MATCH ? ORDER BY rowid",
                                          [f'"{word}"'])] for word in words]


def test_the_search_index_merges_less_while_filled_and_finds_the_same(tmp_path, monkeypatch):
    seen = []
    catch_up = upkeep.DeferredUpkeep.catch_up
    monkeypatch.setattr(upkeep.DeferredUpkeep, "catch_up", lambda self: seen.append(
        self.db.execute("SELECT v FROM cases_fts_config WHERE k = 'automerge'").fetchone()) or catch_up(self))
    monkeypatch.setattr(upkeep, "FTS_ROWS", 7)           # several batches, so several segments
    rows = _rows(50)
    words = ["装置1", "装置49", "甲公司", "20221010000", "一种装", "不在此"]
    found = []
    for settings in (upkeep.FTS_SETTINGS, {}):           # the import's settings, then FTS5's defaults
        monkeypatch.setattr(upkeep, "FTS_SETTINGS", settings)
        db = workspace(tmp_path / str(len(found)))
        db.execute("INSERT INTO cases_fts (cases_fts, rank) VALUES ('automerge', 2)")    # its own, kept
        before = _config(db)
        assert import_file(db, write_csv(tmp_path / f"{len(found)}.csv", rows, header=HEADER)).accepted == 50
        assert _config(db) == before
        db.execute("INSERT INTO cases_fts (cases_fts) VALUES ('integrity-check')")
        found.append(_search(db, words))
    assert seen[0] == (upkeep.FTS_AUTOMERGE,)
    assert found[0] == found[1] and [len(ids) for ids in found[0]] == [11, 1, 50, 10, 50, 0]
