"""The round wizard's small-lot warning, strata table and reviewer names; Rounds > Round progress."""
from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from db.connection import open_database
from tests.ui.test_round_wizard import cases_csv, no_dialogs, shot, wizard, workspace  # noqa: F401 (fixtures)
from workbench.importing.importer import import_file
from workbench.rounds import assignment, population, round_status, sampling_plan, store


def test_small_lots_warn_of_full_inspection_and_simple_draws_hide_the_table(wizard) -> None:  # noqa: F811
    wizard.filters_page.name.setText("R")
    wizard.next()
    page = wizard.plan_page
    page.method.setCurrentIndex(page.method.findData("random"))
    assert page.table.isHidden()
    page.method.setCurrentIndex(page.method.findData("acceptance"))
    assert not page.table.isHidden()
    page.aql.setCurrentIndex(page.aql.findData(0.65))
    # 300 demo cases in 11 departments: lots of a few dozen cases, whose sample is the whole lot.
    whole = [page.table.item(r, 0).text() for r in range(page.table.rowCount())
             if page.table.item(r, 1).text() == page.table.item(r, 3).text()]
    assert whole and "100% inspection" in page.summary.text()
    assert all(name in page.summary.text() for name in whole)


def test_reviewer_names_known_to_the_workspace_are_offered(wizard, workspace) -> None:  # noqa: F811
    db, _ = workspace
    store.create_round(db, name="earlier", filters=population.Filters(), plan=sampling_plan.Plan(size=3), seed=1,
                       actor="qa", reviewers=[assignment.Reviewer("Zhang Wei")])
    wizard.filters_page.name.setText("R")
    wizard.next()
    wizard.next()
    page = wizard.assignment_page
    page.add_reviewer("x")
    table = page.table
    editor = page.names.createEditor(table.viewport(), None, table.model().index(0, 0))
    assert isinstance(editor, QLineEdit)
    completer = editor.completer()
    completer.setCompletionPrefix("zha")
    found = [completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())]
    assert found == ["Zhang Wei"]


def test_round_progress_per_reviewer_and_per_lot(qtbot, tmp_path, cases_csv, no_dialogs, clock, monkeypatch) -> None:  # noqa: F811
    from ui.main_window import MainWindow
    path = tmp_path / "p.sqlite3"
    db = open_database(path)
    import_file(db, cases_csv)
    result = store.create_round(db, name="lots", filters=population.Filters(), seed=3, actor="qa",
                                 reviewers=[assignment.Reviewer("Q A"), assignment.Reviewer("R B")],
                                 plan=sampling_plan.Plan(method="acceptance", strata=("department",), aql=2.5))
    done = result.cases[:4]
    db.conn.executemany("UPDATE reviews SET status = 'completed', verdict = 'compliant' WHERE round_id = ?"
                        " AND case_id = ?", [(result.id, c.case_id) for c in done])
    db.conn.commit()
    db.close()
    window = MainWindow(path, "qa", "en", clock=clock)
    qtbot.addWidget(window)
    reads: list[int] = []
    real = round_status.reviewer_progress
    monkeypatch.setattr(round_status, "reviewer_progress", lambda db, rid: reads.append(rid) or real(db, rid))
    window.round_progress_action.trigger()
    dialog = window.round_progress
    assert reads == [result.id]             # read once on opening
    assert dialog.isVisible() and dialog.round_box.currentText() == "lots"
    people = {dialog.reviewers.item(r, 0).text(): [dialog.reviewers.item(r, c).text() for c in range(1, 5)]
              for r in range(dialog.reviewers.rowCount())}
    assert sum(int(v[1]) for v in people.values()) == 4
    assert sum(int(v[0]) for v in people.values()) == len(result.cases)
    drawn = sum(int(dialog.strata.item(r, 2).text()) for r in range(dialog.strata.rowCount()))
    assert drawn == len(result.cases) and not dialog.strata.isColumnHidden(6)
    assert f"4 of {len(result.cases)} cases reviewed" in dialog.summary.text()
    shot(dialog, "round_progress")
    window.close()
