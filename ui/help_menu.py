"""The Help menu: Keyboard shortcuts (F1, and ? in the checklist), First steps and About.

Its pages are non-modal and made when first asked for; the keyboard page is written anew each
time it is shown, from the window's actions as they are then (ui/help_keys.py).
"""
from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence

from ui.help_about import AboutDialog
from ui.help_keys import HELP_TEXT, HelpPage, key_text, plain, reference_html
from ui.messages import app_name


class HelpActions(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.keys_action = QAction(self.tr("&Keyboard shortcuts"), window)
        self.keys_action.setShortcut(QKeySequence("F1"))
        self.keys_action.triggered.connect(lambda: self.show_keys())
        self.first_steps_action = QAction(self.tr("&First steps"), window)
        self.first_steps_action.triggered.connect(lambda: self.show_first_steps())
        self.about_action = QAction(self.tr("&About %1").replace("%1", app_name()), window)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(lambda: self.show_about())
        self.keys_page: HelpPage | None = None
        self.first_steps_page: HelpPage | None = None
        self.about_box: AboutDialog | None = None
        window.panel.view.installEventFilter(self)     # ? in the checklist
        for action in window.findChildren(QAction):    # their names as made: Undo's text changes with the case
            action.setProperty(HELP_TEXT, action.text())

    def fill(self, menu: Any) -> None:
        menu.addAction(self.keys_action)
        menu.addAction(self.first_steps_action)
        menu.addSeparator()
        menu.addAction(self.about_action)

    def show_keys(self) -> HelpPage:
        page_html = reference_html(self.window)
        if self.keys_page is None:
            self.keys_page = HelpPage(self.tr("Keyboard shortcuts"), page_html, self.window)
        else:
            self.keys_page.set_html(page_html)
        return self._show(self.keys_page)

    def show_first_steps(self) -> HelpPage:
        if self.first_steps_page is None:
            self.first_steps_page = HelpPage(self.tr("First steps"), self.first_steps_html(), self.window)
            self.first_steps_page.resize(640, 560)
        return self._show(self.first_steps_page)

    def show_about(self) -> AboutDialog:
        if self.about_box is None:
            self.about_box = AboutDialog(self.window.db_path, self.window)
        return self._show(self.about_box)

    @staticmethod
    def _show(dialog: Any) -> Any:
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def first_steps_html(self) -> str:
        """What to do in the first ten minutes; the keys named are the actions' own."""
        w = self.window

        def keys(action: QAction) -> str:
            return key_text(action.shortcut()) if action.shortcuts() else ""

        def menu_path(menu: str, action: QAction) -> str:
            return f"{plain(menu)} &gt; {html.escape(plain(action.text()))}"
        steps = [
            self.tr("<b>Bring in cases.</b> %1 (%2) reads a case list (CSV, Excel or XML export of the "
                    "examination system); a new workspace also offers the 300 demo cases, and %3 loads them at "
                    "any time. A reviewer given a work package opens it with %4.")
            .replace("%1", menu_path(self.tr("File"), w.import_action)).replace("%2", keys(w.import_action))
            .replace("%3", menu_path(self.tr("File"), w.demo_action))
            .replace("%4", menu_path(self.tr("File"), w.packages.open_action)),
            self.tr("<b>Pick a case.</b> Click a row of the queue on the Review tab, search with %1, or let %2 "
                    "take you to the next case not yet reviewed.")
            .replace("%1", keys(w.find_action)).replace("%2", keys(w.next_action)),
            self.tr("<b>Answer the checklist.</b> With the checklist focused, press P (pass), F (fail) or N (not "
                    "applicable) for the current item; the next item follows. A fail needs a severity, 1 to 4 "
                    "(the legend under the checklist says what each means), and an error category (K). C adds a "
                    "comment; %1 undoes an answer.").replace("%1", keys(w.undo_action)),
            self.tr("<b>Complete the review</b> with %1 when every item is answered; %2 then opens the next case. "
                    "A quality manager signs off completed reviews (%3), which locks them.")
            .replace("%1", keys(w.complete_action)).replace("%2", keys(w.next_action))
            .replace("%3", keys(w.sign_off_action)),
            self.tr("<b>Export.</b> The Dashboard tab shows the rates; %1 (%2) writes them, with every finding, "
                    "to an Excel workbook.").replace("%1", menu_path(self.tr("File"), w.export_action))
            .replace("%2", keys(w.export_action)),
        ]
        items = "".join(f"<li style='margin-bottom:8px'>{step}</li>" for step in steps)
        title, intro = self.tr("First steps"), self.tr("The first ten minutes with the workbench:")
        keys_note = self.tr("F1 lists every key; ? shows the same page from the checklist.")
        return (f"<h1>{html.escape(title)}</h1><p>{html.escape(intro)}</p><ol>{items}</ol>"
                f"<p>{html.escape(keys_note)}</p>")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.text() == "?":
            self.show_keys()
            return True
        return False
