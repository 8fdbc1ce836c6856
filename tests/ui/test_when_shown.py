from PySide6.QtWidgets import QWidget

from ui.when_shown import FreshWhenShown


class Page(FreshWhenShown, QWidget):
    def __init__(self):
        super().__init__()
        self.calls = []

    def catch_up(self, *, shown):
        self.calls.append(shown)
        self.dirty = False


def test_a_hidden_page_catches_up_when_shown_and_a_shown_one_at_once(qtbot):
    page = Page()
    qtbot.addWidget(page)
    page.mark_changed()
    page.mark_changed("a reason")
    assert page.calls == [] and page.dirty           # nobody sees it: nothing done yet
    page.show()
    assert page.calls == [True] and not page.dirty   # once, when shown
    page.mark_changed()
    assert page.calls == [True, False]               # shown: at once
    page.hide()
    page.show()
    assert page.calls == [True, False]               # nothing changed meanwhile
