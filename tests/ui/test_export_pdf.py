"""File > Export report as PDF: a background task through the dialog seam, like the workbook export
(cancelling is tested where it happens, in tests/workbench/test_pdf_report.py)."""
from __future__ import annotations

import pytest

from tests.ui.test_main_window import import_and_wait

pypdf = pytest.importorskip("pypdf", reason="pypdf is a test-only dependency (requirements-lock.txt)")


def test_export_report_as_pdf_from_the_file_menu(window_factory, fake_dialogs, cases_csv, qtbot, tmp_path):
    window = window_factory()
    import_and_wait(qtbot, window, fake_dialogs, cases_csv)
    assert window.export_pdf_action in window.menuBar().actions()[0].menu().actions()
    fake_dialogs.save_path = str(tmp_path / "report")          # the suffix is added
    task = window.export_pdf()
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    text = " ".join(page.extract_text().replace("\t", " ") for page in pypdf.PdfReader(str(tmp_path / "report.pdf")).pages)
    assert "Quality and efficiency report" in text and "Page 1 of" in text
    assert "report.pdf" in window.statusBar().currentMessage()
