"""The screening yield (issue 17): of the screened cases an indicator or band pointed at, the share
confirmed abnormal by the abnormal-screening checklist, with its Wilson interval."""
from __future__ import annotations

import json

import pytest

from tests.workbench.helpers import mini_checklist_id, workspace
from workbench.review import reviews
from workbench.review.checklist_store import install_builtins, load_stored
from workbench.risk.screening_yield import ALL, BAND, INDICATOR, screening_yield
from workbench.stats.intervals import wilson_interval


def add_case(db, number: str, band: str | None, codes: tuple[str, ...] = ()) -> int:
    case_id = db.execute("INSERT INTO cases (application_number, ip_type) VALUES (?, 'utility_model')",
                         [number]).lastrowid
    if band is not None:
        db.execute("INSERT INTO case_risk (case_id, score, band, indicators, computed_at) VALUES (?, ?, ?, ?, ?)",
                   [case_id, 0.7 if band == "high" else 0.0, band,
                    json.dumps([{"code": c, "points": 0.5, "detail": {}} for c in codes]), "2026-01-01T00:00:00+00:00"])
    return case_id


def screen(db, checklist_id: int, case_id: int, confirmed: bool, reviewer: str = "Wang Fang",
           complete: bool = True) -> int:
    """A screening review answering every visible item 'absent', the first one 'strong' when confirmed."""
    review = reviews.open_review(db, case_id, reviewer=reviewer, checklist_id=checklist_id)
    checklist = load_stored(db, checklist_id)
    answers: dict[str, str] = {}
    first = True
    while True:
        pending = [i for i in checklist.visible_items(answers) if i.id not in answers]
        if not pending:
            break
        for item in pending:
            answers[item.id] = "strong" if confirmed and first else "absent"
            first = False
            reviews.set_answer(db, review.id, item.id, answers[item.id], actor=reviewer,
                               category="abnormal_patent" if answers[item.id] == "strong" else None)
    if complete:
        reviews.complete(db, review.id, actor=reviewer)
    return review.id


@pytest.fixture
def screened(tmp_path):
    db = workspace(tmp_path)
    screening = install_builtins(db)["abnormal-screening"]
    quality = mini_checklist_id(db)
    plan = [  # band, indicators, confirmed
        ("high", ("near_duplicate", "agent_burst"), True),
        ("high", ("near_duplicate",), True),
        ("high", ("near_duplicate",), False),
        ("medium", ("bulk_same_day",), False),
        ("medium", ("bulk_same_day", "agent_burst"), True),
        (None, (), False),                       # no case_risk row: band none
    ]
    for i, (band, codes, confirmed) in enumerate(plan):
        screen(db, screening, add_case(db, f"CN2026{i:04d}", band, codes), confirmed)
    # Not screened: a high-risk case with only a quality review, one with an unfinished screening review.
    other = add_case(db, "CN20269001", "high", ("near_duplicate",))
    review = reviews.open_review(db, other, reviewer="Li Na", checklist_id=quality)
    assert review.checklist_id != screening
    screen(db, screening, add_case(db, "CN20269002", "high", ("near_duplicate",)), True, complete=False)
    yield db, screening
    db.close()


def test_the_yield_per_band_and_indicator(screened):
    db, _screening = screened
    result = screening_yield(db, indicator_order=("agent_burst", "near_duplicate", "bulk_same_day"))
    table = [(r.kind, r.key, r.screened, r.confirmed) for r in result.rows]
    assert table == [
        (ALL, None, 6, 3),
        (BAND, "high", 3, 2), (BAND, "medium", 2, 1), (BAND, "none", 1, 0),
        (INDICATOR, "agent_burst", 2, 2), (INDICATOR, "near_duplicate", 3, 2), (INDICATOR, "bulk_same_day", 2, 1),
    ]
    near = result.row(INDICATOR, "near_duplicate")
    assert near.share == wilson_interval(2, 3, 0.95)
    assert near.share.low == pytest.approx(0.2077, abs=1e-4) and near.share.high == pytest.approx(0.9385, abs=1e-4)
    assert result.overall.share.rate == pytest.approx(0.5)
    assert [r.key for r in result.indicators] == ["agent_burst", "near_duplicate", "bulk_same_day"]
    # By default in the indicators' own order (settings.CODES).
    assert [r.key for r in screening_yield(db).indicators] == ["agent_burst", "near_duplicate", "bulk_same_day"]


def test_decision_dates_bound_the_screened_cases(screened):
    db, _screening = screened
    db.execute("UPDATE cases SET decision_date = '2026-03-01' WHERE application_number IN ('CN20260000', 'CN20260004')")
    db.execute("UPDATE cases SET decision_date = '2026-06-01' WHERE application_number = 'CN20260001'")
    spring = screening_yield(db, decided_from="2026-01-01", decided_to="2026-03-31")
    assert (spring.overall.screened, spring.overall.confirmed) == (2, 2)
    assert screening_yield(db, decided_from="2026-04-01").overall.screened == 1
    assert screening_yield(db, decided_to="2026-12-31").overall.screened == 3


def test_the_latest_completed_screening_stands_and_calibration_never_counts(screened):
    db, screening = screened
    case_id = db.execute("SELECT id FROM cases WHERE application_number = 'CN20260002'").fetchone()[0]
    # A second reviewer screens the case that was not confirmed, later, and confirms it.
    screen(db, screening, case_id, True, reviewer="Zhang Wei")
    assert screening_yield(db).row(BAND, "high").confirmed == 3
    db.execute("UPDATE reviews SET role = 'calibration' WHERE reviewer = 'Zhang Wei'")
    assert screening_yield(db).row(BAND, "high").confirmed == 2


def test_a_round_counts_only_its_own_screening_reviews(screened):
    db, _screening = screened
    round_id = db.execute("INSERT INTO rounds (name, created_at, seed) VALUES ('R', '2026-01-01', 1)").lastrowid
    db.execute("UPDATE reviews SET round_id = ? WHERE case_id IN"
               " (SELECT id FROM cases WHERE application_number IN ('CN20260000', 'CN20260003'))", [round_id])
    result = screening_yield(db, round_id=round_id)
    assert [(r.kind, r.key, r.screened, r.confirmed) for r in result.rows] == [
        (ALL, None, 2, 1), (BAND, "high", 1, 1), (BAND, "medium", 1, 0),
        (INDICATOR, "agent_burst", 1, 1), (INDICATOR, "near_duplicate", 1, 1), (INDICATOR, "bulk_same_day", 1, 0)]


def test_nothing_screened_gives_an_empty_overall_row(tmp_path):
    db = workspace(tmp_path)
    result = screening_yield(db)
    assert [(r.kind, r.screened, r.share.rate) for r in result.rows] == [(ALL, 0, None)]


@pytest.mark.parametrize("language, words", [
    ("en", ("Screening yield", "All screened cases", "high", "Near-duplicate title or abstract", "Risk band")),
    ("zh", ("筛查命中率", "全部已筛查案件", "高", "名称或摘要近似重复", "风险等级")),
])
def test_the_workbook_has_a_screening_yield_sheet_only_when_a_case_was_screened(screened, tmp_path, language, words):
    from openpyxl import load_workbook
    from workbench.report.workbook import write_workbook
    db, _screening = screened
    sheet_name, everyone, high, near, band = words
    write_workbook(db, tmp_path / "w.xlsx", language=language)
    book = load_workbook(tmp_path / "w.xlsx")
    names = book.sheetnames
    from workbench.report.figures import ReportFilter
    from workbench.report.workbook import sheet_plan
    assert "screening" in sheet_plan(db, ReportFilter())           # what File > Export announces
    assert names.index(sheet_name) == names.index("By checklist item" if language == "en" else "按评查项") + 1
    rows = list(book[sheet_name].iter_rows(values_only=True))
    by_what = {r[1]: r for r in rows[1:]}
    assert by_what[everyone][2:5] == (6, 3, pytest.approx(0.5))
    assert by_what[high][0] == band and by_what[high][2:4] == (3, 2)
    assert by_what[near][2:7] == (3, 2, pytest.approx(2 / 3), pytest.approx(0.2077, abs=1e-4),
                                  pytest.approx(0.9385, abs=1e-4))
    # A scope with no screened case (a round that drew none of them) has no such sheet.
    db.execute("INSERT INTO rounds (name, created_at, seed) VALUES ('Empty', '2026-01-01', 1)")
    write_workbook(db, tmp_path / "r.xlsx", language=language, report_filter=ReportFilter(round_name="Empty"))
    assert sheet_name not in load_workbook(tmp_path / "r.xlsx").sheetnames
    assert "screening" not in sheet_plan(db, ReportFilter(round_name="Empty"))


def test_risk_yield_on_the_command_line(screened, tmp_path):
    import json as json_module
    from tests.workbench.test_risk import cli
    db, _screening = screened
    path = str(tmp_path / "w.sqlite3")
    code, out, _ = cli("risk", "--yield", "--db", path)
    lines = out.splitlines()
    assert code == 0 and lines[0] == "all screened cases\t3/6\t50.0% (18.8%–81.2%)"
    assert "band high\t2/3\t66.7% (20.8%–93.9%)" in lines
    assert "Near-duplicate title or abstract\t2/3\t66.7% (20.8%–93.9%)" in lines
    code, out, _ = cli("risk", "--yield", "--json", "--language", "zh", "--db", path)
    rows = json_module.loads(out)
    assert rows[0]["label"] == "全部已筛查案件" and rows[1]["label"] == "风险等级：高"
    assert {(r["key"], r["screened"], r["confirmed"]) for r in rows if r["kind"] == "indicator"} == {
        ("agent_burst", 2, 2), ("near_duplicate", 3, 2), ("bulk_same_day", 2, 1)}
    db.execute("INSERT INTO rounds (name, created_at, seed) VALUES ('Empty', '2026-01-01', 1)")
    code, out, _ = cli("risk", "--yield", "--round", "Empty", "--db", path)
    assert code == 0 and "No case has a completed review" in out
    code, _out, err = cli("risk", "--yield", "--round", "Nope", "--db", path)
    assert code == 2 and "Nope" in err
