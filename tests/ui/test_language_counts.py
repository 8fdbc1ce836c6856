"""Issue 19, Language: counts in the window's sentences ("1 problem", "1,234 problems", thousands
separators in Chinese too) and IP types named in the user's language inside sentences."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from tests.workbench.helpers import ROWS, write_csv

BROKEN = "Workspace NOT intact (%n problem(s))"


@pytest.fixture
def zh():
    from ui.app import install_translations
    install_translations(QApplication.instance(), "zh")
    yield
    install_translations(QApplication.instance(), "en")


def test_english_plural_messages_read_right_for_one_and_many():
    def tr(n: int) -> str:
        return QCoreApplication.translate("StatusArea", BROKEN, "", n)
    assert tr(1) == "Workspace NOT intact (1 problem)"
    assert tr(2) == "Workspace NOT intact (2 problems)"
    assert tr(1234) == "Workspace NOT intact (1,234 problems)"
    assert QCoreApplication.translate("StatusArea", "no count here") == "no count here"


def test_chinese_plural_messages_group_the_digits(zh):
    assert QCoreApplication.translate("StatusArea", BROKEN, "", 1234) == "工作区不完整（1,234 处问题）"


def test_the_merge_summary_counts_packages_in_english():
    from foundation.words import fill
    assert fill(QCoreApplication.translate("MergeDialog", "%1 of %2 package(s) will be merged"), 1, 1) \
        == "1 of 1 package will be merged"


def _mismatch(db_path, tmp_path):
    from db.connection import open_database
    from workbench.importing.importer import import_file
    rows = [ROWS[0], ["202220123456", "发明", "类型不符", "", "", "", "", ""]]
    result = import_file(open_database(db_path), write_csv(tmp_path / "c.csv", rows))
    return next(r for r in result.rejected_rows if r.code == "import.ip_type_mismatch")


def test_the_import_report_names_ip_types_in_english_with_their_article(tmp_path):
    from ui.import_report_dialog import reason_text
    issue = _mismatch(tmp_path / "w.sqlite3", tmp_path)
    assert "is a utility model number but the row says invention" in reason_text(issue)


def test_the_chinese_import_report_names_ip_types_in_chinese(zh, tmp_path):
    from ui.import_report_dialog import reason_text
    text = reason_text(_mismatch(tmp_path / "w.sqlite3", tmp_path))
    assert "属于实用新型类型" in text and "为发明。" in text
    assert not any(key in text for key in ("invention", "utility", "design", "trademark")), text
