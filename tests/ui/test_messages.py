from PySide6.QtWidgets import QApplication

from ui.app import install_translations
from ui.messages import error_text
from foundation.errors import WorkbenchError
from foundation.words import article

import workbench.importing.row_parser  # noqa: F401  (registers the row's import messages)


def test_english_messages_keep_the_domain_text(qapp):
    error = WorkbenchError("import.ip_type_mismatch", value="202220123456.X", implied="utility model",
                           declared="invention", implied_a=article("utility model"))
    assert error_text(error) == error.message()


def test_chinese_messages_name_ip_types_in_chinese(qapp):
    install_translations(QApplication.instance(), "zh")
    try:
        text = error_text(WorkbenchError("import.ip_type_mismatch", value="202220123456.X",   # as the row parser says it
                                         implied="utility model", declared="invention",
                                         implied_a=article("utility model")))
        assert "实用新型" in text and "发明" in text and "utility" not in text
        assert "202220123456.X" in text
    finally:
        install_translations(QApplication.instance(), "en")
