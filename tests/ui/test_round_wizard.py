"""The new-round wizard: live population count, plan preview per stratum, assignment, the draw
in a background task, and the main window's Rounds menu."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from db.connection import open_database
from ui import dialogs
from ui.tasks import TaskRunner
from tests.ui.test_language_zh import zh  # noqa: F401 (fixture)
from workbench.rounds import assignment, population, round_status, sampling_plan, store
from workbench.demo.data import generate_cases, write_csv
from workbench.importing.importer import import_file
from workbench.rounds.draw import same_person

SHOTS = Path("/tmp/shots")


@pytest.fixture(scope="module")
def cases_csv(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cases") / "cases.csv"
    write_csv(path, generate_cases(300, seed=11))
    return path


@pytest.fixture
def workspace(tmp_path, cases_csv):
    path = tmp_path / "w.sqlite3"
    db = open_database(path)
    import_file(db, cases_csv)
    yield db, path
    db.close()


@pytest.fixture
def no_dialogs(monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, text, details="": shown.append(text))
    return shown


@pytest.fixture
def wizard(qtbot, workspace, no_dialogs):
    from ui.round_wizard import RoundWizard
    db, path = workspace
    runner = TaskRunner()
    wizard = RoundWizard(db, path, runner, "qa manager")
    qtbot.addWidget(wizard)
    wizard.show()
    yield wizard
    runner.shutdown()


def shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def top_examiners(db, n: int = 3) -> list[str]:
    return [r[0] for r in db.execute("SELECT examiner FROM cases GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT ?", [n])]


def test_filters_page_counts_the_population_live(wizard, workspace) -> None:
    db, _ = workspace
    page = wizard.filters_page
    assert page.counted.matching == 300 and "300" in page.count_label.text()
    assert not page.isComplete()                 # no name yet
    page.name.setText("2022 inventions")
    assert page.isComplete()
    page.ip_types["invention"].setChecked(True)
    inventions = db.execute("SELECT COUNT(*) FROM cases WHERE ip_type = 'invention'").fetchone()[0]
    assert page.population() == inventions and str(inventions) in page.count_label.text()
    department = db.execute("SELECT department FROM cases WHERE ip_type = 'invention' LIMIT 1").fetchone()[0]
    page.check("department", department)
    expected = db.execute("SELECT COUNT(*) FROM cases WHERE ip_type = 'invention' AND department = ?",
                          [department]).fetchone()[0]
    assert page.population() == expected
    page.use_from.setChecked(True)
    page.date_from.setDate(page.date_from.date().fromString("2030-01-01", "yyyy-MM-dd"))
    assert page.population() == 0 and not page.isComplete()
    page.use_from.setChecked(False)
    assert page.population() == expected
    store.create_round(db, name="taken", filters=population.Filters(), plan=sampling_plan.Plan(size=5), seed=1,
                       actor="qa")
    page.name.setText("taken")
    assert page.name_problem.text() and not page.isComplete()


def test_plan_page_previews_the_size_per_stratum(wizard, workspace) -> None:
    wizard.filters_page.name.setText("R")
    wizard.next()
    page = wizard.plan_page
    assert wizard.currentPage() is page
    assert page.design.size == 95 and page.design.unadjusted_size == 139   # 95%, ±5%, 90%; N = 300
    page.method.setCurrentIndex(page.method.findData("stratified"))
    page.minimum.setValue(2)
    shot(wizard, "round_wizard_plan")
    samples = [int(page.table.item(r, 3).text()) for r in range(page.table.rowCount())]
    populations = [int(page.table.item(r, 1).text()) for r in range(page.table.rowCount())]
    assert page.table.rowCount() == len(page.design.strata) == 11          # departments
    assert sum(samples) == page.design.size and sum(populations) == 300
    assert all(min(2, n) <= s <= n for s, n in zip(samples, populations))
    page.fixed.setChecked(True)
    page.size.setValue(3)                          # 11 strata need 22 cases at 2 each
    assert page.design is None and not page.isComplete() and "minimum" in page.summary.text()
    page.minimum.setValue(0)
    assert page.isComplete() and page.design.size == 3
    page.method.setCurrentIndex(page.method.findData("acceptance"))
    assert page.strata_fields() == ("examiner", "decision_month")
    assert all(page.design.strata) and not page.table.isColumnHidden(4)
    page.seed.setText("")
    assert not page.isComplete()


def test_neyman_rates_are_edited_in_the_table(wizard) -> None:
    wizard.filters_page.name.setText("R")
    wizard.next()
    page = wizard.plan_page
    page.method.setCurrentIndex(page.method.findData("stratified"))
    page.strata.setCurrentIndex(page.strata.findData("ip_type"))
    page.allocation.setCurrentIndex(page.allocation.findData("neyman"))
    page.fixed.setChecked(True)
    page.size.setValue(40)
    assert not page.table.isColumnHidden(2)
    before = {page.table.item(r, 0).data(Qt.ItemDataRole.UserRole): int(page.table.item(r, 3).text()) for r in range(4)}
    row = next(r for r in range(4) if page.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == "trademark")
    page.table.item(row, 2).setText("50")          # trademarks expected far less compliant: more cases
    after = {page.table.item(r, 0).data(Qt.ItemDataRole.UserRole): int(page.table.item(r, 3).text()) for r in range(4)}
    assert page.rates == {"trademark": 0.5}
    assert after["trademark"] > before["trademark"] and sum(after.values()) == 40


def test_neyman_gives_two_per_stratum_and_warns_about_a_stratum_left_out(wizard) -> None:
    wizard.filters_page.name.setText("R")
    wizard.next()
    page = wizard.plan_page
    page.method.setCurrentIndex(page.method.findData("stratified"))
    page.strata.setCurrentIndex(page.strata.findData("ip_type"))
    page.allocation.setCurrentIndex(page.allocation.findData("neyman"))
    page.fixed.setChecked(True)
    page.size.setValue(40)
    assert page.minimum.value() == sampling_plan.NEYMAN_MINIMUM
    row = next(r for r in range(4) if page.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == "design")
    page.table.item(row, 2).setText("100")          # designs expected all compliant
    assert {s.name: s.sample for s in page.design.strata}["design"] == 2 and "Warning" not in page.summary.text()
    page.minimum.setValue(0)
    design = next(s for s in page.design.strata if s.name == "design")
    assert design.sample == 0 and page.isComplete()
    share = f"{100 * design.population / page.design.population:.1f}%"
    assert "Warning" in page.summary.text() and share in page.summary.text()


def test_acceptance_level_and_both_letters_in_the_table(wizard) -> None:
    wizard.filters_page.name.setText("R")
    wizard.next()
    page = wizard.plan_page
    page.method.setCurrentIndex(page.method.findData("acceptance"))
    page.aql.setCurrentIndex(page.aql.findData(0.65))
    page.level.setCurrentIndex(page.level.findData("S-2"))
    assert page.plan().level == "S-2"
    letters = [page.table.item(r, 4).text() for r in range(page.table.rowCount())]
    assert letters and all(" -> " in text for text in letters)   # S-2 letters at 0.65: arrows down to F


def test_assignment_preview_never_gives_reviewers_their_own_cases(wizard, workspace) -> None:
    db, _ = workspace
    wizard.filters_page.name.setText("R")
    wizard.next()
    wizard.plan_page.fixed.setChecked(True)
    wizard.plan_page.size.setValue(60)
    wizard.next()
    page = wizard.assignment_page
    names = top_examiners(db)
    for name in names:
        page.add_reviewer(name)
    page.table.item(0, 1).setText("10")
    assert page.isComplete()
    loads = [int(page.table.item(r, 2).text()) for r in range(3)]
    assert loads[0] == 10 and sum(loads) == 60
    examiners = dict(db.execute("SELECT id, examiner FROM cases"))
    assert all(not same_person(reviewer, examiners[case_id]) for case_id, reviewer in page.assignment.items())
    page.table.item(0, 1).setText("lots")
    assert not page.isComplete() and "cap" in page.status.text()
    page.table.item(0, 1).setText("")
    page.by_effort.setChecked(True)
    assert page.effort_values()["invention"] == 3.0 and page.isComplete()
    shot(wizard, "round_wizard_assignment")


def test_finishing_draws_the_round_in_the_background(qtbot, wizard, workspace) -> None:
    db, _ = workspace
    wizard.filters_page.name.setText("2022 sample")
    wizard.filters_page.ip_types["trademark"].setChecked(True)
    wizard.next()
    plan = wizard.plan_page
    plan.fixed.setChecked(True)
    plan.size.setValue(12)
    plan.seed.setText("4242")
    wizard.next()
    names = top_examiners(db, 2)
    for name in names:
        wizard.assignment_page.add_reviewer(name)
    wizard.next()
    assert wizard.currentPage() is wizard.confirm_page
    text = wizard.confirm_page.text.text()
    assert "2022 sample" in text and "4242" in text and "Trademark" in text
    shot(wizard, "round_wizard_confirm")
    with qtbot.waitSignal(wizard.round_created, timeout=10_000) as blocker:
        wizard.accept()
    result = blocker.args[0]
    assert wizard.result is result and not wizard.isVisible()
    assert len(result.cases) == 12 and result.seed == 4242 and result.seed_source == "given"
    stored = db.execute("SELECT COUNT(*), COUNT(DISTINCT reviewer) FROM reviews WHERE round_id = ?",
                        [result.id]).fetchone()
    assert stored == (12, 2)
    cases = population.load_population(db, population.Filters(ip_type=("trademark",), exclude_sampled=False)).cases
    again = sampling_plan.draw(cases, sampling_plan.Plan(size=12), 4242)
    assert [d.case.application_number for d in again.cases] == [c.application_number for c in result.cases]


def test_a_failed_draw_shows_the_error_and_keeps_the_wizard(qtbot, wizard, workspace, no_dialogs) -> None:
    db, _ = workspace
    wizard.filters_page.name.setText("late clash")
    wizard.next()
    wizard.next()
    wizard.next()
    # Another window takes the name between the preview and the draw.
    store.create_round(db, name="late clash", filters=population.Filters(), plan=sampling_plan.Plan(size=1),
                       seed=1, actor="other")
    wizard.accept()
    qtbot.waitUntil(lambda: bool(no_dialogs), timeout=10_000)
    assert "already a round named" in no_dialogs[0]
    assert wizard.isVisible() and wizard.result is None
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_main_window_rounds_menu_opens_the_wizard_and_refreshes_the_queue(qtbot, tmp_path, cases_csv,
                                                                           no_dialogs, clock) -> None:
    from ui.main_window import MainWindow
    path = tmp_path / "main.sqlite3"
    db = open_database(path)
    import_file(db, cases_csv)
    db.close()
    window = MainWindow(path, "qa manager", "en", clock=clock)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert "R&ounds" in titles
    window.new_round_action.trigger()
    wizard = window.round_wizard
    assert wizard.isVisible()
    wizard.filters_page.name.setText("from the menu")
    wizard.next()
    wizard.plan_page.fixed.setChecked(True)
    wizard.plan_page.size.setValue(7)
    wizard.next()
    wizard.assignment_page.add_reviewer("Zhou Li")
    wizard.next()
    with qtbot.waitSignal(window.data_changed, timeout=10_000):
        wizard.accept()
    statuses = [window.model.index(r, 6).data() for r in range(window.model.rowCount())]
    assert statuses.count("Open") == 7
    assert "from the menu" in window.statusBar().currentMessage()
    window.close()


def test_a_read_only_window_cannot_draw_a_round(qtbot, tmp_path, cases_csv, no_dialogs, clock) -> None:
    from ui.main_window import MainWindow
    path = tmp_path / "held.sqlite3"
    db = open_database(path)
    import_file(db, cases_csv)
    db.close()
    window = MainWindow(path, "someone else", "en", read_only=True, clock=clock)
    qtbot.addWidget(window)
    assert not window.new_round_action.isEnabled()
    window.close()


def test_lot_verdicts_show_once_a_lot_is_reviewed(qtbot, tmp_path, cases_csv, no_dialogs, clock, monkeypatch) -> None:
    from ui.main_window import MainWindow
    path = tmp_path / "lots.sqlite3"
    db = open_database(path)
    import_file(db, cases_csv)
    result = store.create_round(db, name="lots", filters=population.Filters(), seed=3, actor="qa",
                                 reviewers=[assignment.Reviewer("Q A")],
                                 plan=sampling_plan.Plan(method="acceptance", strata=("department",), aql=2.5))
    store.create_round(db, name="plain", filters=population.Filters(), plan=sampling_plan.Plan(size=3), seed=1,
                       actor="qa")
    lot = "外观设计审查部"
    members = [c.case_id for c in result.cases if c.stratum == lot]
    for verdict, case_ids in (("compliant", members[1:]), ("error", members[:1])):
        db.conn.executemany("UPDATE reviews SET status = 'completed', verdict = ? WHERE round_id = ? AND case_id = ?",
                       [(verdict, result.id, case_id) for case_id in case_ids])
    db.conn.commit()
    db.close()
    window = MainWindow(path, "qa", "en", clock=clock)
    qtbot.addWidget(window)
    reads: list[int] = []
    real = round_status.lot_verdicts
    monkeypatch.setattr(round_status, "lot_verdicts", lambda db, rid: reads.append(rid) or real(db, rid))
    dialog = window.show_lot_verdicts()
    assert reads == [result.id]             # read once on opening
    assert [dialog.round_box.itemText(i) for i in range(dialog.round_box.count())] == ["lots"]   # not "plain"
    rows = {dialog.table.item(r, 0).text(): [dialog.table.item(r, c).text() for c in range(9)]
            for r in range(dialog.table.rowCount())}
    assert len(rows) == 11
    lot_size, letter, sample, accept, reject, reviewed, nonconforming, verdict = rows[lot][1:]
    # 49 cases: letter D, whose cell at AQL 2.5 points up to C's plan: 5 drawn, Ac 0, Re 1.
    assert (lot_size, letter, sample, accept, reject) == ("49", "D", "5", "0", "1")
    assert (reviewed, nonconforming, verdict) == ("5", "1", "Reject")
    assert all(r[8].startswith("Pending") for name, r in rows.items() if name != lot)
    shot(dialog, "lot_verdicts")
    window.close()


def test_the_risk_method_shows_its_floor_and_draws_with_unequal_probabilities(qtbot, wizard, workspace) -> None:
    db, _ = workspace
    with db.atomic():      # scores as the risk package stores them: every fourth case at 0.9
        db.execute("INSERT INTO case_risk (case_id, score, band, computed_at)"
                   " SELECT id, 0.9, 'high', '2026-01-01' FROM cases WHERE id % 4 = 0")
    wizard.filters_page.name.setText("Risk")
    wizard.next()
    page = wizard.plan_page
    assert not page.risk_box.isVisibleTo(wizard)
    page.method.setCurrentIndex(page.method.findData("risk"))
    assert page.risk_box.isVisibleTo(wizard) and not page.strata_box.isVisibleTo(wizard)
    page.fixed.setChecked(True)
    page.size.setValue(30)
    page.floor.setValue(0.2)
    assert page.plan().floor == 0.2 and page.isComplete()
    assert "Inclusion probabilities from" in page.summary.text()
    page.seed.setText("77")
    wizard.next()
    wizard.next()
    assert "floor 0.2" in wizard.confirm_page.text.text()
    with qtbot.waitSignal(wizard.round_created, timeout=10_000) as blocker:
        wizard.accept()
    result = blocker.args[0]
    pis = {c.inclusion_probability for c in result.cases}
    assert len(pis) == 2 and max(pis) / min(pis) == pytest.approx((0.2 + 0.8 * 0.9) / 0.2)
    assert store.get_round(db, "Risk").plan.floor == 0.2


def test_the_chinese_confirmation_is_punctuated_in_chinese(zh, wizard, workspace) -> None:
    db, _ = workspace
    wizard.filters_page.name.setText("2022 抽样")
    wizard.filters_page.ip_types["trademark"].setChecked(True)
    wizard.next()
    wizard.plan_page.fixed.setChecked(True)
    wizard.plan_page.size.setValue(12)
    wizard.next()
    for name in top_examiners(db, 2):
        wizard.assignment_page.add_reviewer(name)
    wizard.next()
    text = wizard.confirm_page.text.text()
    assert "评查轮次：2022 抽样" in text and "抽样方案：简单随机抽样；12 件" in text
    assert not any(mark in text for mark in (": ", "; ", ", ")), text      # no English punctuation
