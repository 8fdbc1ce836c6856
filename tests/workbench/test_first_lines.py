"""The import's duplicate check in a compact table (issue 20): the same answers as a dict of
number -> first line, for every form of number, across the table's growth."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.workbench.helpers import ROWS, workspace, write_csv
from workbench.importing import first_lines
from workbench.importing.first_lines import FirstLines, pack
from workbench.importing.importer import import_file

_NUMBERS = st.one_of(
    st.from_regex(r"[0-9]{12}\.[0-9X]", fullmatch=True), st.from_regex(r"[0-9]{8}\.[0-9X]", fullmatch=True),
    st.from_regex(r"[0-9]{1,16}", fullmatch=True), st.sampled_from(["PCT/CN2023/123456", "EP23123456.7", "１２",
                                                                    "202210123456.Y", "202210123456X", ""]))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.one_of(_NUMBERS, st.sampled_from(["202210123456.1", "00012", "12", "95115608.X"])),
                max_size=300))
def test_first_lines_answers_as_a_dict_would(numbers):
    table, model = FirstLines(), {}
    for line, number in enumerate(numbers, start=2):
        assert table.first(number, line) == model.get(number)
        model.setdefault(number, line)


def test_packing_keeps_every_number_apart():
    numbers = ["202210123456.1", "202210123456.X", "202210123456.0", "95115608.X", "95115608.1", "12", "012",
               "0012", "1", "0", "9999999999999999", "022101234561", "2022101234561"]
    codes = [pack(n) for n in numbers]
    assert None not in codes and 0 not in codes
    assert len(set(codes)) == len(numbers)
    assert pack("PCT/CN2023/123456") is None and pack("１２") is None and pack("12345678901234567") is None


def test_the_table_grows_and_keeps_what_it_holds(monkeypatch):
    monkeypatch.setattr(first_lines, "_START_BITS", 2)
    table = FirstLines()
    numbers = [f"2022101{i:05d}.{i % 11 if i % 11 < 10 else 'X'}" for i in range(5000)]
    assert all(table.first(n, i) is None for i, n in enumerate(numbers, start=2))
    assert table.bits > 12
    assert [table.first(n, 99999) for n in numbers] == list(range(2, 5002))
    assert table.first("PCT/CN2023/123456", 7) is None and table.first("PCT/CN2023/123456", 8) == 7


def test_duplicates_in_a_file_name_the_first_line(tmp_path):
    db = workspace(tmp_path)
    rows = [ROWS[0], ROWS[1], ROWS[2], ROWS[1], ROWS[2], ROWS[1]]
    result = import_file(db, write_csv(tmp_path / "d.csv", rows))
    assert result.accepted == 3 and result.duplicates == 3
    assert [(i.line, i.params["first"]) for i in result.issues if i.code == "import.duplicate_in_file"] == \
        [(5, 3), (6, 4), (7, 3)]
