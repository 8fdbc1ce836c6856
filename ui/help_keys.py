"""Help > Keyboard shortcuts (F1, or ? in the checklist): one page of every key of the window.

The window's part is read from its menus and actions when the page is shown, so a shortcut
added to an action appears here without anyone editing this page (tests/ui/test_help.py checks
that every shortcut of the window's actions is on it). The review panel's keys are not actions:
they are the key tables of ui.review_items, described here, with the severity meanings of
workbench.review.severities.
"""
from __future__ import annotations

import html
import re
from typing import Any, Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ui.review_items import OUTCOME_KEYS, SEVERITY_KEYS
from workbench.report.glossary import labels
from workbench.review.severities import MEANINGS

HELP_TEXT = "help_text"     # an action's name as made, before the window changes its text (ui/help_menu.py)
PAGE_STYLE = ("<style>h2 { margin-top: 14px; } td { padding: 2px 10px 2px 0; vertical-align: top; }"
              " td.key { white-space: nowrap; font-weight: bold; } td.menu { color: #666; }</style>")


translate = QCoreApplication.translate


def plain(text: str) -> str:
    """A menu text as read: no mnemonic ("&File", "文件(&F)"), no trailing ellipsis."""
    text = re.sub(r"\(&\w\)", "", text.replace("&&", "\0")).replace("&", "").replace("\0", "&")
    return text.removesuffix("...").removesuffix("…")


def command_text(action: QAction) -> str:
    """The action's own name: Undo's text names the answer it would undo, the page wants "Undo answer"."""
    return plain(action.property(HELP_TEXT) or action.text())


def key_text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def window_keys(window: Any) -> list[tuple[str, str, str]]:
    """(keys, menu, command) of every action of the window with a shortcut, in menu order;
    actions in no menu come last under "Other"."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        for action in _menu_actions(menu):
            if action.shortcuts() and id(action) not in seen:
                seen.add(id(action))
                rows.append((_keys(action), plain(menu_action.text()), command_text(action)))
    for action in window.findChildren(QAction):
        if action.shortcuts() and id(action) not in seen:
            seen.add(id(action))
            rows.append((_keys(action), translate("HelpKeys", "Other"), command_text(action)))
    return rows


def _menu_actions(menu: Any) -> Iterable[QAction]:
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menu_actions(action.menu())
        elif not action.isSeparator():
            yield action


def _keys(action: QAction) -> str:
    return " / ".join(dict.fromkeys(key_text(k) for k in action.shortcuts()))   # Return and Enter may read alike


def panel_keys(language: str) -> list[tuple[str, str]]:
    """(keys, what they do) of the checklist in the review panel (ui.review_items.ChecklistView)."""
    outcome_words = {"pass": translate("HelpKeys", "pass"), "fail": translate("HelpKeys", "fail"),
                     "na": translate("HelpKeys", "not applicable")}
    rows = [(QKeySequence(key).toString(),
             translate("HelpKeys", "Answer the current item: %1").replace("%1", outcome_words[code]))
            for key, code in OUTCOME_KEYS.items()]
    names = labels("severity")
    for key, code in SEVERITY_KEYS.items():
        meaning = next(m for m in MEANINGS if m.code == code)
        rows.append((QKeySequence(key).toString(), translate("HelpKeys", "Severity of a fail: %1. %2")
                     .replace("%1", names[code].get(language)).replace("%2", meaning.meaning.get(language))))
    rows += [
        ("K", translate("HelpKeys", "Choose the error category of a fail: type any part of its name, Enter takes "
                                    "the first match, Esc goes back")),
        ("C", translate("HelpKeys", "Write a comment on the current item; Esc returns to the checklist")),
        (translate("HelpKeys", "Enter / Down"), translate("HelpKeys", "Next item")),
        (translate("HelpKeys", "Up"), translate("HelpKeys", "Previous item")),
        (translate("HelpKeys", "Delete / Backspace"), translate("HelpKeys", "Clear the answer of the current item")),
        ("?", translate("HelpKeys", "This page")),
    ]
    return rows


def reference_html(window: Any) -> str:
    """The whole page, in the interface language (the actions' texts are already translated)."""
    window_rows = [(keys, f"{html.escape(command)}</td><td class='menu'>{html.escape(menu)}", True)
                   for keys, menu, command in window_keys(window)]
    return "".join([
        PAGE_STYLE,
        _heading("h1", translate("HelpKeys", "Keyboard shortcuts")),
        _heading("h2", translate("HelpKeys", "Review panel")),
        _heading("p", translate("HelpKeys", "When the checklist has the keyboard focus (click an item, or Esc "
                                            "from a comment). After an answer the next item becomes current.")),
        _table(panel_keys(window.language)),
        _heading("h2", translate("HelpKeys", "Window")),
        _heading("p", translate("HelpKeys", "Anywhere in the window, also while typing in a box.")),
        _table(window_rows)])


def _heading(tag: str, text: str) -> str:
    return f"<{tag}>{html.escape(text)}</{tag}>"


def _table(rows: Iterable[tuple]) -> str:
    lines = ["<table>"]
    for row in rows:
        keys, what = row[0], row[1]
        text = what if len(row) > 2 else html.escape(what)     # a third element: already HTML
        lines.append(f"<tr><td class='key'>{html.escape(keys)}</td><td>{text}</td></tr>")
    lines.append("</table>")
    return "".join(lines)


class HelpPage(QDialog):
    """A page of help text with a Close button (non-modal: it can stay open beside the work)."""

    def __init__(self, title: str, page_html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(page_html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.resize(760, 720)

    def set_html(self, page_html: str) -> None:
        self.browser.setHtml(page_html)

    def text(self) -> str:
        return self.browser.toPlainText()
