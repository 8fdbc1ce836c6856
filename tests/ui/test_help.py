"""Help menu: the keyboard reference (F1, ? in the checklist), First steps, About; the severity legend."""
from __future__ import annotations

from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from ui.help_about import bundled_libraries
from ui.help_keys import key_text
from ui.severity_legend import SeverityLegend
from workbench import __version__
from foundation.paths import log_path


def help_menu(window):
    return next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")


def test_help_menu_keyboard_page_first_steps_and_about(window_factory, qtbot):
    window = window_factory()
    help_ = window.menus.help
    assert [a.text() for a in help_menu(window).actions() if not a.isSeparator()] == [
        help_.keys_action.text(), help_.first_steps_action.text(), help_.about_action.text()]
    # Keyboard shortcuts: F1 (a shortcut needs an active window: what it runs is triggered), and ?
    assert help_.keys_action.shortcuts() == [QKeySequence("F1")]
    help_.keys_action.trigger()
    page = help_.keys_page
    assert page.isVisible()
    text = page.text()
    shortcuts = [key_text(k) for a in window.findChildren(QAction) for k in a.shortcuts()]
    assert len(shortcuts) > 15 and [k for k in shortcuts if k not in text] == []
    for key in ("P", "F", "N", "1", "4", "K", "C", "?"):          # the review panel's own keys
        assert f"\n{key}\n" in text
    assert "the case counts as an error" in text                    # what severity 1 means
    page.close()
    qtbot.keyClick(window.panel.view, "?")
    assert page.isVisible()
    page.close()
    qtbot.keyClick(window.panel.comment, "?")   # typed into a comment, not a request for help
    assert not page.isVisible()
    # First steps: the keys named are the actions' own
    help_.first_steps_action.trigger()
    steps = help_.first_steps_page.text()
    for action in (window.import_action, window.next_action, window.complete_action, window.export_action):
        assert key_text(action.shortcut()) in steps
    assert "Load demo cases" in steps
    # About: version, workspace, log folder, licences; Copy
    help_.about_action.trigger()
    about = help_.about_box
    assert about.isVisible()
    text = about.text()
    assert __version__ in text and str(window.db_path) in text and str(log_path().parent) in text
    for name, licence in (("openpyxl", "MIT"), ("sqlite-utils", "Apache-2.0"), ("python-calamine", "MIT"),
                          ("PyInstaller", "GPL-2.0"), ("PySide6", "LGPL-3.0"), ("SQLite", "Public domain"),
                          ("Python", "PSF-2.0")):
        assert any(name in line and licence in line for line in text.splitlines()), name
    copied = about.copy()
    assert QGuiApplication.clipboard().text() == copied and __version__ in copied and str(window.db_path) in copied


def test_chinese_keyboard_page_and_the_severity_legend(window_factory):
    window = window_factory(language="zh")
    text = window.menus.help.show_keys().text()
    assert "严重" in text and "差错" in text            # the severity name and its verdict, from the glossary
    legend = window.panel.findChild(SeverityLegend)
    assert legend is not None and legend.isVisibleTo(window.panel)      # before any case is shown
    for words in ("1</b>&nbsp;严重", "2</b>&nbsp;重大", "3</b>&nbsp;一般", "4</b>&nbsp;提示", "瑕疵"):
        assert words in legend.text()
    assert "差错" in legend.tool_tips() and "得分" in legend.tool_tips()     # the full meaning of each


def test_licences_come_from_the_installed_metadata():
    found = {lib.name: lib for lib in bundled_libraries()}
    assert found["sqlite-utils"].licence == "Apache-2.0" and found["openpyxl"].version
