"""Rounds > Reassign this case: the case moves to another reviewer, with its reason in the audit log."""
from __future__ import annotations

from workbench.audit import chain
from workbench.rounds import store
from workbench.rounds.assignment import Reviewer
from workbench.rounds.population import Filters
from workbench.rounds.sampling_plan import Plan


def drawn_window(window_factory, fake_dialogs, qtbot, cases_csv):
    window = window_factory()
    fake_dialogs.open_path = str(cases_csv)
    with qtbot.waitSignal(window.data_changed, timeout=10_000):
        window.import_cases()
    store.create_round(window.db, name="Q2", filters=Filters(), plan=Plan(method="random", size=3), seed=1,
                        actor="manager", reviewers=[Reviewer("Zhou Li"), Reviewer("Qian Hua")])
    window.model.reload()
    window.select_first()
    return window


def test_reassign_moves_the_case_and_keeps_the_reason(window_factory, fake_dialogs, qtbot, cases_csv):
    window = drawn_window(window_factory, fake_dialogs, qtbot, cases_csv)
    case_id = window.panel.case_id
    before = window.db.execute("SELECT reviewer FROM round_cases WHERE case_id = ?", [case_id]).fetchone()[0]
    other = "Qian Hua" if before == "Zhou Li" else "Zhou Li"
    fake_dialogs.item_answer, fake_dialogs.text_answer = other, "on leave until June"
    assert window.reassign_case()
    assert fake_dialogs.questions[0][1] == [other]          # the round's other reviewers are offered
    assert window.db.execute("SELECT reviewer FROM round_cases WHERE case_id = ?", [case_id]).fetchone()[0] == other
    trail = chain.history(window.db, case_id)
    assert any("on leave until June" in str(entry.new_value) for entry in trail)
    assert fake_dialogs.errors == []


def test_cancelling_changes_nothing(window_factory, fake_dialogs, qtbot, cases_csv):
    window = drawn_window(window_factory, fake_dialogs, qtbot, cases_csv)
    case_id = window.panel.case_id
    before = window.db.execute("SELECT reviewer FROM round_cases WHERE case_id = ?", [case_id]).fetchone()[0]
    fake_dialogs.item_answer = None
    assert not window.reassign_case()
    assert window.db.execute("SELECT reviewer FROM round_cases WHERE case_id = ?", [case_id]).fetchone()[0] == before


def test_a_case_outside_any_round_is_explained(window_factory, fake_dialogs, qtbot, cases_csv):
    window = window_factory()
    fake_dialogs.open_path = str(cases_csv)
    with qtbot.waitSignal(window.data_changed, timeout=10_000):
        window.import_cases()
    window.select_first()
    assert not window.reassign_case()
    assert "not in a review round" in fake_dialogs.errors[-1][1]
