"""An empty workspace shows its next steps in place of the queue, until cases exist."""
from __future__ import annotations

from tests.workbench.helpers import ROWS, write_csv


def test_empty_state_buttons_run_the_menus_actions_and_it_follows_the_cases(
        window_factory, fake_dialogs, qtbot, tmp_path, monkeypatch):
    import ui.main_window
    resources = tmp_path / "resources"
    (resources / "samples").mkdir(parents=True)
    write_csv(resources / "samples" / "demo_cases.csv", ROWS)       # a small demo: the same code path
    monkeypatch.setattr(ui.main_window, "resource_dir", lambda: resources)
    window = window_factory()
    window.offer_demo()                     # answered No (the fake's default): the window is not blank
    assert window.empty_state.shown and window.tabs.widget(0) is window.empty_state.stack
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert window.demo_action in file_menu.actions()
    for key, action in (("import", window.import_action), ("package", window.packages.open_action)):
        with qtbot.waitSignal(action.triggered, timeout=1000):
            window.empty_state.buttons[key].click()
    assert window.empty_state.shown     # nothing chosen in the file dialogs: still empty
    with qtbot.waitSignals([window.demo_action.triggered, window.data_changed], timeout=10_000):
        window.empty_state.buttons["demo"].click()
    assert not window.empty_state.shown and window.model.rowCount() == len(ROWS)
    assert len(fake_dialogs.confirms) == 1      # only the offer: an empty workspace is not asked again
    window.demo_action.trigger()            # again, into a workspace with cases: asked first (No)
    assert "already has cases" in fake_dialogs.confirms[-1]
    window.show_imports()
    qtbot.addWidget(window.imports_dialog)
    fake_dialogs.confirm_answer = True
    with qtbot.waitSignal(window.data_changed, timeout=10_000):
        window.imports_dialog.remove_selected()
    assert window.empty_state.shown         # every import removed: the next steps again
    window.import_action.setEnabled(False)  # e.g. a read-only window: the button follows its action
    assert not window.empty_state.buttons["import"].isEnabled()
