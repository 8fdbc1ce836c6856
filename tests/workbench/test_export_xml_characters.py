"""Characters XML 1.0 cannot hold never reach an exported workbook (issue 21).

A title with U+FFFE wrote a corrupt .xlsx and exit 0. Every such character (C0 controls but
tab, LF and CR; U+FFFE, U+FFFF; lone surrogates) is replaced by U+FFFD in every cell the
export writes, and the formula escape still applies. Every workbook written here is read back
with openpyxl and python-calamine.
"""
from __future__ import annotations

import zipfile

import pytest
from openpyxl import load_workbook

from tests.workbench.helpers import workspace
from tests.workbench.test_report_data import build_workspace
from workbench.report.excel_cells import ILLEGAL_CHARACTERS, safe_text, styled, text_value, xml_text
from workbench.report.workbook import write_workbook
from workbench.report.excel_rows import text_markup
from workbench.report.figures import ReportFilter

# Every character XML 1.0 cannot hold that SQLite can store (lone surrogates cannot be stored).
STORABLE = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\ufffe", "\uffff"]
EVERY = STORABLE + ["\ud800", "\udbff", "\udc00", "\udfff"]
ALL_IN_ONE = "".join(STORABLE)


def _xml_legal(text: str) -> bool:
    return not any(c in EVERY or 0xD800 <= ord(c) <= 0xDFFF for c in text)


@pytest.mark.parametrize("character", EVERY, ids=[f"U+{ord(c):04X}" for c in EVERY])
def test_every_character_is_replaced_in_every_kind_of_cell(character):
    from openpyxl import Workbook

    sheet = Workbook(write_only=True).create_sheet()
    text = f"a{character}b"
    assert xml_text(text) == "a\ufffdb"
    assert text_value(sheet, text) == "a\ufffdb"
    assert styled(sheet, text).value == "a\ufffdb"
    assert "a\ufffdb" in text_markup(text) and character not in text_markup(text)
    assert ILLEGAL_CHARACTERS.fullmatch(character)


@pytest.mark.parametrize("payload", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formula_escape_still_applies_with_the_characters_replaced(payload):
    from openpyxl import Workbook

    sheet = Workbook(write_only=True).create_sheet()
    text = payload + "\x01\ufffe"
    expected = payload + "\ufffd\ufffd"
    cell = text_value(sheet, text)
    assert cell.value == expected and cell.data_type == "s" and cell.quotePrefix
    assert text_markup(text, ' s="7"').startswith(' s="7" t="inlineStr">')
    assert f">{expected.replace(chr(13), '&#13;')}<" in text_markup(text, ' s="7"')
    assert safe_text(text) == "'" + text          # the CSV report keeps the text as it was


def test_legal_characters_are_left_alone():
    text = "tab\tLF\nCR\r\u0085\u007f\ud7ff\ue000\ufffd\U0001F600 申请"
    assert xml_text(text) == text


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """A workspace whose every text field carries every storable illegal character, exported
    four ways (English and Chinese, whole workspace and its round)."""
    folder = tmp_path_factory.mktemp("xml")
    db = workspace(folder)
    build_workspace(db, cases=40, seed=5)
    with db.conn:
        for field in ("title", "applicant", "examiner", "department", "classification", "procedure"):
            db.execute(f"UPDATE cases SET {field} = ? || {field} || ? WHERE id % 2 = 0", [ALL_IN_ONE, "\ufffe"])
        db.execute("UPDATE cases SET title = ? WHERE id = 1", ["=HYPERLINK(\"x\")\x01\uffff"])
        db.execute("UPDATE rounds SET name = name || ?", ["\x07\ufffe"])
        db.execute("UPDATE answers SET comment = ? || comment WHERE outcome = 'fail'", ["@" + ALL_IN_ONE])
        db.execute("UPDATE reviews SET reviewer = reviewer || ?", ["\x1f"])
    round_name = db.execute("SELECT name FROM rounds").fetchone()[0]
    books = []
    for language in ("en", "zh"):
        for name in (None, round_name):
            out = folder / f"{language}-{'round' if name else 'all'}.xlsx"
            write_workbook(db, out, language=language, report_filter=ReportFilter(round_name=name))
            books.append(out)
    return db, books


def _texts_openpyxl(path):
    workbook = load_workbook(path)
    texts = [sheet.title for sheet in workbook]
    for sheet in workbook:
        for row in sheet.iter_rows(values_only=True):
            texts.extend(v for v in row if isinstance(v, str))
    return texts


def _texts_calamine(path):
    import python_calamine

    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    texts = list(workbook.sheet_names)
    for name in workbook.sheet_names:
        for row in workbook.get_sheet_by_name(name).iter_rows():
            texts.extend(v for v in row if isinstance(v, str))
    return texts


def test_every_exported_workbook_reads_back_with_the_characters_replaced(exported):
    db, books = exported
    replaced = "\ufffd" * len(STORABLE)
    for book in books:
        for texts in (_texts_openpyxl(book), _texts_calamine(book)):
            assert all(_xml_legal(t) for t in texts), book.name
            joined = "\n".join(texts)
            assert replaced in joined, book.name                         # the cases' texts, replaced
            assert "=HYPERLINK(\"x\")\ufffd\ufffd" in texts or "all" not in book.name
            assert any(t.startswith("@" + replaced) for t in texts), book.name  # finding comments
        # Every XML part of the package parses: the file is not corrupt.
        with zipfile.ZipFile(book) as archive:
            import xml.etree.ElementTree as ElementTree

            for name in archive.namelist():
                if name.endswith((".xml", ".rels")):
                    ElementTree.fromstring(archive.read(name))


def test_the_round_name_is_replaced_in_the_summary_and_about_sheets(exported):
    db, books = exported
    name = db.execute("SELECT name FROM rounds").fetchone()[0].replace("\x07", "\ufffd").replace("\ufffe", "\ufffd")
    for book in (b for b in books if "round" in b.name):
        assert _texts_openpyxl(book).count(name) >= 2


def test_a_round_named_like_an_error_value_is_text_in_the_about_sheet(tmp_path):
    """"#N/A" as a round name: text_value gives a text cell, which the About sheet wrapped
    again in a cell (ValueError, exit 1)."""
    db = workspace(tmp_path)
    build_workspace(db, cases=20, seed=3)
    with db.conn:
        db.execute("UPDATE rounds SET name = '#N/A'")
    write_workbook(db, tmp_path / "x.xlsx", report_filter=ReportFilter(round_name="#N/A"))
    about = load_workbook(tmp_path / "x.xlsx")["About"]
    assert any(cell.value == "#N/A" and cell.data_type == "s" for row in about.iter_rows() for cell in row)
