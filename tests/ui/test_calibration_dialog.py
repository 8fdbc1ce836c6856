"""Rounds > New calibration round: reviewers, the cases chosen three ways, the preview that is the
domain's own choice, friendly refusals, and the creation as a background task."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.workbench.calibration_helpers import NUMBERS, calibration_workspace
from ui.calibration_dialog import CHOSEN, DRAW, FROM_ROUND
from workbench.calibration import rounds
from workbench.review import queue

SHOTS = Path("/tmp/shots")


@pytest.fixture
def window(tmp_path, window_factory, qtbot):
    calibration_workspace(tmp_path).close()
    made = window_factory(reviewer="manager")
    made.show()
    return made


def new_dialog(window, name="Spring calibration", reviewers=("x", "y")):
    dialog = window.new_calibration_round()
    dialog.name.setText(name)
    dialog.new_reviewer.setText(", ".join(reviewers))
    dialog._add_typed()
    return dialog


def test_known_reviewers_are_offered_and_typed_ones_added(window):
    dialog = window.new_calibration_round()
    offered = [dialog.reviewer_list.item(i).text() for i in range(dialog.reviewer_list.count())]
    assert offered == queue.choices(window.db, "reviewer") and dialog.reviewers() == []
    dialog.new_reviewer.setText("x，y, alice")
    dialog._add_typed()
    assert offered == ["alice", "bob"] and dialog.reviewers() == ["alice", "x", "y"]
    assert not dialog.preview() and dialog.status.text() == "Give the round a name."
    assert not dialog.create_button.isEnabled()


def test_a_drawn_round_is_previewed_and_created_in_the_background(window, qtbot):
    dialog = new_dialog(window, reviewers=("x", "y", "z"))
    dialog.size.setValue(2)
    dialog.seed.setText("5")
    assert dialog.preview() and dialog.create_button.isEnabled()
    assert dialog.status.text().startswith("2 cases (") and "3 reviewers · 6 blind reviews" in dialog.status.text()
    previewed = [c.application_number for c in dialog.previewed]
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "new-calibration-round-en.png"))
    with qtbot.waitSignal(dialog.round_created, timeout=10000) as created:
        dialog.accept()
    made = created.args[0]
    assert [c.application_number for c in made.cases] == previewed and made.seed == 5
    assert made.reviewers == ("x", "y", "z")
    assert window.calibration.round_id == made.id and window.tabs.currentWidget() is window.calibration
    assert "Spring calibration" in window.statusBar().currentMessage()


def test_refusals_are_said_in_words_and_keep_create_disabled(window, qtbot):
    dialog = new_dialog(window, name="Calibration test")
    assert not dialog.preview() and dialog.status.text() == "There is already a round with this name."
    dialog.name.setText("Another")
    dialog.source.button(CHOSEN).setChecked(True)
    assert not dialog.preview() and "Paste the application numbers" in dialog.status.text()
    dialog.numbers.setPlainText(f"{NUMBERS[0]}\n2099999999999.1")
    assert not dialog.preview() and "no case with application number 2099999999999.1" in dialog.status.text()
    assert not dialog.create_button.isEnabled()
    dialog.numbers.setPlainText(f"{NUMBERS[0]}, {NUMBERS[1]}")
    dialog.new_reviewer.setText(window.db.execute("SELECT examiner FROM cases WHERE application_number = ?",
                                                  [NUMBERS[0]]).fetchone()[0])
    dialog._add_typed()
    assert not dialog.preview() and "cannot review their own case" in dialog.status.text()
    dialog.reviewer_list.item(dialog.reviewer_list.count() - 1).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.preview() and dialog.status.text().startswith("2 cases")
    dialog.source.button(DRAW).setChecked(True)
    dialog.size.setValue(50)
    assert not dialog.preview() and "Only 3 cases match; 50 were asked for." in dialog.status.text()


def test_every_case_of_another_round(window, qtbot):
    dialog = new_dialog(window, name="Again")
    dialog.source.button(FROM_ROUND).setChecked(True)
    assert dialog.from_round.currentData() == "Calibration test"
    assert dialog.preview() and dialog.status.text().startswith("3 cases")
    with qtbot.waitSignal(dialog.round_created, timeout=10000):
        dialog.accept()
    assert rounds.get_calibration_round(window.db, "Again").source == "from_round"


def test_cancelling_the_creation_changes_nothing(window, qtbot, monkeypatch):
    from foundation.errors import Cancelled
    dialog = new_dialog(window, name="Cancelled")
    dialog.size.setValue(1)

    def cancelled(*args, **kwargs):
        raise Cancelled()
    monkeypatch.setattr(rounds, "create_calibration_round", cancelled)
    dialog.accept()
    with qtbot.waitSignal(dialog.task.cancelled, timeout=10000):
        pass
    assert dialog.status.text() == "Cancelled; nothing was changed." and dialog.isVisible()
    assert all(b.isEnabled() for b in dialog.buttons.buttons())
    assert [r.name for r in rounds.calibration_rounds(window.db)] == ["Calibration test"]
