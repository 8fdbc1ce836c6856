"""Starting the application: translations, the error safety net, the workspace, the window."""
from __future__ import annotations

import getpass
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from ui import dialogs
from ui.messages import error_text
from workbench import APP_ID, APP_NAME, __version__
from workbench.errors import WorkbenchError
from workbench.logs import setup_logging
from workbench.paths import log_path, resource_dir, workspace_path

log = logging.getLogger("workbench.ui")
_translators: list[QTranslator] = []   # kept alive for the application's lifetime


def interface_language(locale: QLocale | None = None) -> str:
    locale = locale or QLocale.system()
    return "zh" if locale.language() == QLocale.Language.Chinese else "en"


def install_translations(app: QCoreApplication, language: str) -> None:
    """Our own strings, and Qt's own for standard buttons, in the interface language."""
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if language != "zh":
        return
    ours = QTranslator(app)
    if ours.load(str(resource_dir() / "translations" / "workbench_zh_CN.qm")):
        app.installTranslator(ours)
        _translators.append(ours)
    qt = QTranslator(app)
    if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)


def report_unexpected(parent: QWidget | None, exc: BaseException) -> None:
    """A friendly sentence for the user, the full traceback for the log file."""
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    dialogs.error(parent, QCoreApplication.translate("App", "Unexpected error"),
                  QCoreApplication.translate("App", "Something went wrong and the last action may not have "
                                                    "finished. Your saved answers are safe.\n\nDetails were "
                                                    "written to the log file:\n%1").replace("%1", str(log_path())))


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if isinstance(exc, WorkbenchError):
        dialogs.error(QApplication.activeWindow(), QCoreApplication.translate("App", "Cannot do that"),
                      error_text(exc))
        return
    exc.__traceback__ = tb
    try:
        report_unexpected(QApplication.activeWindow(), exc)
    except Exception:   # never let the safety net itself raise
        traceback.print_exception(kind, exc, tb)


def reviewer_name() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "reviewer"


def run(db: str | None = None, language: str | None = None) -> int:
    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    icon = resource_dir() / "icons" / "app.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    language = language or interface_language()
    install_translations(app, language)
    sys.excepthook = _excepthook
    from ui.main_window import MainWindow

    path = workspace_path(db)
    try:
        window = MainWindow(Path(path), reviewer_name(), language)
    except WorkbenchError as exc:
        dialogs.error(None, QCoreApplication.translate("App", "Cannot open the workspace"), error_text(exc))
        return 2
    window.show()
    QTimer.singleShot(0, window.offer_demo)
    QTimer.singleShot(0, window.select_first)
    return app.exec()
