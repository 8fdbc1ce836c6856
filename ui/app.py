"""Starting the application: translations, the error safety net, the workspace, the window."""
from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from db.connection import configure as configure_database
from ui import dialogs
from ui.errors import report_unexpected
from ui.messages import app_name, error_text
from ui.workspace import may_create
from workbench import APP_ID, __version__
from foundation.errors import WorkbenchError
from foundation.logs import setup_logging
from foundation.paths import resource_dir, workspace_path
from ui.plurals import CountingTranslator
from ui.tasks import prefer_the_window

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
    ours: QTranslator | None = None
    if language == "zh":
        ours = QTranslator(app)
        if not ours.load(str(resource_dir() / "translations" / "workbench_zh_CN.qm")):
            ours = None
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _translators.append(qt)
    counting = CountingTranslator(ours, app)   # ours asked through it: counts and English plurals
    app.installTranslator(counting)
    _translators.append(counting)


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


def _remember(notices: list[WorkbenchError], notice: WorkbenchError) -> None:
    """Notices come from any thread: logged at once, shown by the window's thread."""
    log.warning("%s", notice.message())
    notices.append(notice)


def run(db: str | None = None, language: str | None = None, file: str | None = None) -> int:
    """`file`: a work package or workspace to open (ui/launch_file), as from a double-click."""
    setup_logging()
    prefer_the_window()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_ID)
    app.setApplicationVersion(__version__)
    icon = resource_dir() / "icons" / "app.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    language = language or interface_language()
    install_translations(app, language)
    app.setApplicationDisplayName(app_name())       # Qt ends every window title with it
    sys.excepthook = _excepthook
    from ui import launch_file, workspace_windows
    from ui.main_window import MainWindow

    path = Path(workspace_path(db))
    opening = launch_file.resolve(file, path) if file else None
    if file and opening is None:
        return 2
    path = opening.workspace if opening else path
    if not may_create(path, explicit=bool(db or file or os.environ.get("WORKBENCH_DB"))):
        return 0
    configure_database(notice=lambda notice: _remember(workspace_windows.pending_notices, notice))
    try:
        # The lock, the reviewer's name, the window: the same steps as File > Open workspace.
        window = workspace_windows.open_window(MainWindow, path, language)
        if window is None:
            return 0
        if opening is not None:
            launch_file.start(window, opening)
        return app.exec()
    finally:
        workspace_windows.release_all()
