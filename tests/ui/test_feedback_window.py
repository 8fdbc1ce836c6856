"""Review > Feedback to examiners and Review > Import dispute responses in the window (issue 15):
the dialog previews the scope, writes each examiner's letter and workbook off the UI thread and
says where and by when; Cancel leaves nothing; returned workbooks are imported with one summary,
and a tampered one is refused naming the file and row, recording nothing."""
from __future__ import annotations

from foundation.words import count
from pathlib import Path

import pytest

from tests.ui.feedback_helpers import DEADLINE, ROUND, TODAY, column, demo_workspace, fill, most_findings, send
from ui import dialogs, feedback_dialog
from workbench.feedback import sending
from workbench.feedback.findings import FeedbackScope, count_scope
from workbench.report.figures import ReportFilter

SHOTS = Path("/tmp/shots")


@pytest.fixture
def workspace(tmp_path):
    return demo_workspace(tmp_path / "w.sqlite3")


@pytest.fixture
def window(workspace, window_factory):
    window = window_factory(reviewer="Chen Jing")
    window.feedback.today = lambda: TODAY
    return window


@pytest.fixture
def seams(monkeypatch, tmp_path):
    """The folder chooser, the message after writing and the file manager, faked."""
    class Seams:
        folder = tmp_path / "out"
        messages: list[str] = []
        opened: list[str] = []
        files: list[str] = []
    seams = Seams()
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a, **k: str(seams.folder))
    monkeypatch.setattr(dialogs, "choose", lambda parent, title, text, choices, **k: seams.messages.append(text) or 0)
    monkeypatch.setattr(dialogs, "show_folder", lambda path: seams.opened.append(path) or True)
    monkeypatch.setattr(dialogs, "open_files", lambda *a, **k: list(seams.files))
    return seams


def notifications(window) -> list:
    seen: list = []
    window.data_changed.connect(seen.append)
    return seen


def open_dialog(window, seams):
    dialog = window.feedback.send_feedback()
    dialog.round_box.setCurrentIndex(dialog.round_box.findData(ROUND))
    dialog.round_button.setChecked(True)
    dialog.choose_folder()
    return dialog


def test_the_dialog_previews_writes_the_files_and_says_where_and_by_when(window, seams, qtbot):
    seen = notifications(window)
    dialog = open_dialog(window, seams)
    assert dialog.language_box.currentData() == "en"                 # the window's language by default
    expected = count_scope(window.db, FeedbackScope(ReportFilter(round_name=ROUND)))
    assert dialog.preview() and dialog.write_button.isEnabled()
    assert dialog.status.text().startswith(f"{count(expected.findings, 'finding')} for {count(len(expected.examiners), 'examiner')}")
    with qtbot.waitSignal(dialog.sent, timeout=60_000):
        dialog.accept()
    names = sorted(p.name for p in seams.folder.iterdir())
    assert len(names) == 2 * len(expected.examiners)
    assert all(n.endswith(("-feedback.pdf", "-responses.xlsx")) for n in names)
    (message,) = seams.messages
    assert f"Responses are due by {DEADLINE}" in message and str(seams.folder) in message
    assert all(name in message for name in names)
    assert seams.opened == [str(seams.folder)]                  # "Open folder" was pressed
    assert window.db.execute("SELECT COUNT(*) FROM feedback_files").fetchone()[0] == len(expected.examiners)
    assert any(c.disputes and c.what == "feedback" for c in seen)
    view = window.feedback.show_disputes()
    view.select("all")
    assert view.model.rowCount() == expected.findings
    assert not dialog.isVisible()


def test_the_scope_can_be_a_period_department_or_examiner_and_refuses_what_cannot_be_sent(window, seams):
    dialog = open_dialog(window, seams)
    dialog.period_button.setChecked(True)
    assert not dialog.round_box.isEnabled() and dialog.from_date.isEnabled()
    dialog.from_date.setDate(dialog.to_date.date().addDays(1))
    assert not dialog.preview() and "period is empty" in dialog.status.text()
    dialog.round_button.setChecked(True)
    examiner = count_scope(window.db, FeedbackScope(ReportFilter(round_name=ROUND))).examiners[0]
    dialog.examiner.setCurrentIndex(dialog.examiner.findData(examiner))
    assert dialog.scope().examiner == examiner and dialog.preview()
    assert "for 1 examiner:" in dialog.status.text()
    dialog.folder.clear()
    assert not dialog.preview() and "Choose the folder" in dialog.status.text()


def test_writing_over_an_earlier_sending_asks_first(window, seams, fake_dialogs, workspace, qtbot):
    send(workspace, seams.folder)
    before = sorted((p.name, p.stat().st_mtime_ns) for p in seams.folder.iterdir())
    dialog = open_dialog(window, seams)
    fake_dialogs.confirm_answer = False
    dialog.accept()
    assert dialog.task is None and "will be replaced" in fake_dialogs.confirms[-1]
    assert fake_dialogs.confirm_defaults[-1] is False
    assert sorted((p.name, p.stat().st_mtime_ns) for p in seams.folder.iterdir()) == before


def test_cancel_leaves_no_file_and_records_nothing(window, seams, monkeypatch, qtbot):
    real = sending.send_feedback

    def cancelled_midway(db, outdir, scope, *, progress, cancel, **kwargs):
        """The user presses Cancel once the first examiner's files are written."""
        def then_cancel(done: int, total: int, label: str = "") -> None:
            progress(done, total, label)
            if done >= 1:
                cancel.cancel()
        return real(db, outdir, scope, progress=then_cancel, cancel=cancel, **kwargs)

    monkeypatch.setattr(feedback_dialog, "send_feedback", cancelled_midway)
    seen = notifications(window)
    dialog = open_dialog(window, seams)
    assert dialog.preview()
    dialog.accept()
    with qtbot.waitSignal(dialog.task.cancelled, timeout=60_000):
        pass
    assert list(seams.folder.iterdir()) == []
    for table in ("feedback_findings", "feedback_files", "feedback_file_findings"):
        assert window.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    assert "Cancelled" in dialog.status.text() and dialog.isVisible() and not seams.messages
    assert not [c for c in seen if c.disputes]


def test_a_returned_workbook_is_imported_with_one_summary(window, seams, fake_dialogs, workspace, tmp_path, qtbot):
    result = send(workspace, tmp_path / "sent")
    letter = most_findings(result)
    filled = fill(letter.workbook, tmp_path / "filled.xlsx", {2: ("Disagree", "The guideline allows it.")})
    seams.files = [str(filled)]
    seen = notifications(window)
    task = window.feedback.import_responses()
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    (title, text), = fake_dialogs.infos
    assert f"filled.xlsx ({letter.examiner}): 1 response recorded, 0 unchanged" in text
    assert "1 dispute waits for a decision" in text
    assert any(c.disputes and c.what == "dispute_responses" for c in seen)
    assert window.db.execute("SELECT COUNT(*) FROM dispute_responses").fetchone()[0] == 1
    task = window.feedback.start_import([filled])                # the same file again
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert "already imported (the same file); nothing changed" in fake_dialogs.infos[-1][1]
    assert window.db.execute("SELECT COUNT(*) FROM dispute_responses").fetchone()[0] == 1


def test_a_tampered_workbook_is_refused_naming_the_file_and_recording_nothing(window, seams, fake_dialogs,
                                                                               workspace, tmp_path, qtbot):
    result = send(workspace, tmp_path / "sent")
    letter = most_findings(result)
    good = fill(letter.workbook, tmp_path / "good.xlsx", {2: ("Agree", None)})
    tampered = fill(letter.workbook, tmp_path / "tampered.xlsx", {2: ("Disagree", "no")},
                    edit=lambda sheet: setattr(sheet.cell(row=2, column=column("comment")), "value", "Nothing wrong."))
    seams.files = [str(good), str(tampered)]
    seen = notifications(window)
    task = window.feedback.import_responses()
    with qtbot.waitSignal(task.failed, timeout=30_000):
        pass
    (title, text), = fake_dialogs.errors
    assert title == "Responses not imported"
    assert str(tampered) in text and "row 2" in text and "edited by hand" in text
    assert "Nothing was recorded from any of the files." in text
    assert window.db.execute("SELECT COUNT(*) FROM dispute_responses").fetchone()[0] == 0
    assert not fake_dialogs.infos and not [c for c in seen if c.disputes]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_screenshot_of_the_dialog(workspace, window_factory, seams, language):
    from PySide6.QtWidgets import QApplication

    from ui.app import install_translations
    install_translations(QApplication.instance(), language)
    try:
        window = window_factory(language=language, reviewer="Chen Jing")
        window.feedback.today = lambda: TODAY
        dialog = open_dialog(window, seams)
        assert dialog.preview() and dialog.language_box.currentData() == language
        dialog.show()
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert dialog.grab().save(str(SHOTS / f"feedback-dialog-{language}.png"))
    finally:
        install_translations(QApplication.instance(), "en")
