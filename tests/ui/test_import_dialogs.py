"""The import flow in the window: report dialog, mapping dialog and sheet picker, imports list."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.workbench.helpers import ROWS, mini_checklist_id, write_csv
from workbench.review import reviews
from workbench.importing.import_result import RowIssue
from workbench.importing.importer import import_file
from workbench.importing.preview import preview_file

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "import"
SHOTS = Path("/tmp/shots")


def shot(widget, name):
    if SHOTS.is_dir():
        widget.grab().save(str(SHOTS / f"{name}.png"))


def wait_import(qtbot, window, action):
    with qtbot.waitSignal(window.data_changed, timeout=10_000):
        action()


# -- the report --------------------------------------------------------------------------------

def test_report_after_an_import_with_rejected_rows_is_sortable_copyable_and_saveable(
        window_factory, fake_dialogs, qtbot, tmp_path):
    window = window_factory()
    fake_dialogs.open_path = str(FIXTURES / "gb18030_title_rows.csv")
    wait_import(qtbot, window, window.import_cases)
    dialog = window.report_dialog
    assert dialog.isVisible() and not fake_dialogs.errors
    assert "11" in dialog.summary_label.text() and "2 rejected" in dialog.summary_label.text()
    model = dialog.proxy
    assert model.rowCount() == 8                 # 2 rejected, 1 flagged, 5 skipped
    dialog.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "12"      # numeric sort: 12 before 9
    dialog.filter_box.setCurrentIndex(dialog.filter_box.findData("rejected"))
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["8", "7"]
    shot(dialog, "import_report")
    dialog.copy()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0].split("\t") == ["Line", "Outcome", "Column", "Value", "Reason"]
    assert copied[1].split("\t")[:4] == ["8", "Rejected", "申请日期", "2020-02-30"]
    fake_dialogs.save_path = str(tmp_path / "report")
    saved = dialog.save_csv()
    assert saved == tmp_path / "report.csv"
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["line", "outcome", "column", "value", "reason", "code"]
    assert [r[0] for r in rows[1:]] == ["8", "7"]


def test_a_clean_import_shows_no_report(window_factory, fake_dialogs, qtbot, cases_csv):
    window = window_factory()
    fake_dialogs.open_path = str(cases_csv)
    wait_import(qtbot, window, window.import_cases)
    assert getattr(window, "report_dialog", None) is None
    assert "3 accepted" in window.statusBar().currentMessage()


def test_report_reasons_are_translated_when_a_translation_is_loaded(qtbot):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from ui.import_report_dialog import reason_text
    from foundation.errors import WorkbenchError

    class Fake(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return "重复：{value}，第{first}行和第{line}行" if source.startswith("The case {value} appears") else ""
    translator = Fake()
    QCoreApplication.installTranslator(translator)
    try:
        error = WorkbenchError("import.duplicate_in_file", value="X", first=2, line=5)
        issue = RowIssue(5, "申请号", "X", error.code, error.message(), "rejected", error.params)
        assert reason_text(issue) == "重复：X，第2行和第5行"
        assert reason_text(RowIssue(5, None, None, "import.blank_row", "Blank row.", "skipped")) == "Blank row."
    finally:
        QCoreApplication.removeTranslator(translator)


# -- the mapping dialog and the sheet picker -----------------------------------------------------------

def test_unrecognised_columns_open_the_mapping_dialog_and_the_choice_is_remembered(
        window_factory, fake_dialogs, qtbot, tmp_path, monkeypatch):
    from ui import mapping_dialog
    path = write_csv(tmp_path / "odd.csv", [["202210123456.1", "一种方法", "2022-01-05"]],
                     header=["Case ref", "Name", "Received"])
    asked = []

    def answer(parent, preview, load):
        dialog = mapping_dialog.MappingDialog(parent, preview=preview, load=load)
        qtbot.addWidget(dialog)
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.choose("Case ref", "application_number")
        dialog.choose("Name", "title")
        dialog.choose("Received", "filing_date")
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        shot(dialog, "mapping_dialog")
        asked.append(preview)
        return dialog.choice()
    monkeypatch.setattr(mapping_dialog, "ask_mapping", answer)
    fake_dialogs.open_path = str(path)
    window = window_factory()
    wait_import(qtbot, window, window.import_cases)     # fails on the headers, then asks
    assert len(asked) == 1 and not asked[0].found
    assert window.last_import.accepted == 1 and window.last_import.mapping_source == "given"
    assert window.db.execute("SELECT title, filing_date FROM cases").fetchone() == ("一种方法", "2022-01-05")
    # The next file with these headers is imported without asking.
    other = write_csv(tmp_path / "odd2.csv", [["201710601862.3", "一种装置", "2017-03-01"]],
                      header=["Case ref", "Name", "Received"])
    fake_dialogs.open_path = str(other)
    wait_import(qtbot, window, window.import_cases)
    assert len(asked) == 1 and window.last_import.mapping_source == "remembered"


def test_one_column_per_field_and_header_row_choice(qtbot, tmp_path):
    from ui.mapping_dialog import MappingDialog
    from tests.workbench.helpers import write_xlsx
    path = write_xlsx(tmp_path / "t.xlsx", ROWS, title_rows=[["说明"], []])
    load = lambda sheet, line: preview_file(None, path, sheet=sheet, header_line=line)  # noqa: E731
    dialog = MappingDialog(None, preview=load(None, None), load=load)
    qtbot.addWidget(dialog)
    assert dialog.header_spin.value() == 3 and dialog.choice().mapping["申请号"] == "application_number"
    dialog.choose("申请人", "application_number")          # takes it from 申请号
    mapping = dialog.choice().mapping
    assert mapping["申请人"] == "application_number" and mapping["申请号"] == "extra"
    dialog.header_spin.setValue(1)                         # a person says the header is line 1
    assert dialog.choice().header_line == 1 and dialog.preview.names[0] == "说明"
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert not dialog.sheet_box.isVisibleTo(dialog)        # one sheet: no picker


def test_a_workbook_with_several_sheets_asks_which(window_factory, fake_dialogs, qtbot, monkeypatch):
    from ui import mapping_dialog
    seen = []

    def answer(parent, preview, load):
        dialog = mapping_dialog.MappingDialog(parent, preview=preview, load=load)
        qtbot.addWidget(dialog)
        seen.append([dialog.sheet_box.itemText(i) for i in range(dialog.sheet_box.count())])
        assert dialog.sheet_box.isVisibleTo(dialog) and dialog.preview.found
        shot(dialog, "sheet_picker")
        dialog.sheet_box.setCurrentText("说明")              # the notes sheet has no case columns
        assert not dialog.preview.found
        dialog.sheet_box.setCurrentText("抽查样本")
        return dialog.choice()
    monkeypatch.setattr(mapping_dialog, "ask_mapping", answer)
    window = window_factory()
    fake_dialogs.open_path = str(FIXTURES / "report_title_merged.xlsx")
    wait_import(qtbot, window, window.import_cases)
    assert seen == [["抽查样本", "说明"]]
    assert window.last_import.sheet == "抽查样本" and window.last_import.accepted == 4


def test_cancelling_the_mapping_dialog_imports_nothing(window_factory, fake_dialogs, monkeypatch, cases_csv):
    from ui import mapping_dialog
    monkeypatch.setattr(mapping_dialog, "ask_mapping", lambda *a: None)
    window = window_factory()
    fake_dialogs.open_path = str(cases_csv)
    assert window.import_cases_mapped() is None
    assert window.is_empty() and not window.tasks.tasks


# -- the list of imports -----------------------------------------------------------------------------

def test_imports_dialog_lists_shows_reports_and_removes(window_factory, fake_dialogs, qtbot, tmp_path):
    window = window_factory()
    import_file(window.db, write_csv(tmp_path / "a.csv", ROWS[:1]))
    import_file(window.db, write_csv(tmp_path / "b.csv", ROWS[1:] + [["bad"] + [""] * 7]))
    window.model.reload()
    window.show_imports()
    dialog = window.imports_dialog
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(r, 0).text() for r in range(2)] == ["b.csv", "a.csv"]
    assert dialog.table.item(0, 2).toolTip() == dialog.records[0].sha256
    shot(dialog, "imports_dialog")
    report = dialog.show_report()
    qtbot.addWidget(report)
    assert report.proxy.rowCount() == 1 and report.proxy.index(0, 0).data() == "4"
    fake_dialogs.confirm_answer = False
    assert dialog.remove_selected() is None and dialog.table.rowCount() == 2
    fake_dialogs.confirm_answer = True
    with qtbot.waitSignal(dialog.imports_changed, timeout=10_000):
        dialog.remove_selected()
    assert "b.csv" in fake_dialogs.confirms[-1] and "2 cases" in fake_dialogs.confirms[-1]
    assert dialog.table.rowCount() == 1 and window.model.rowCount() == 1


def test_removing_a_reviewed_import_is_refused_with_the_reason(window_factory, fake_dialogs, qtbot, tmp_path):
    window = window_factory()
    import_file(window.db, write_csv(tmp_path / "a.csv", ROWS))
    case_id = window.db.execute("SELECT id FROM cases LIMIT 1").fetchone()[0]
    reviews.open_review(window.db, case_id, reviewer="bob", checklist_id=mini_checklist_id(window.db))
    window.show_imports()
    dialog = window.imports_dialog
    qtbot.addWidget(dialog)
    fake_dialogs.confirm_answer = True
    assert dialog.remove_selected() is None         # checked first: nothing is attempted, nothing asked
    assert fake_dialogs.confirms == []
    title, text = fake_dialogs.errors[0]
    assert "cannot be removed: 1 review use it" in text and "a.csv" in text
    assert window.db.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 3
