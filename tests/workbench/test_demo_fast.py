"""The demo's faster paths (issue 20) give what the slower ones gave: the streamed coverage baseline is
chain.record_baseline's entry byte for byte, the item plans decide n/a and fail rates as
not_applicable and FindingModel.fail_rate do (with the same random draws), and the indexes set aside
during the bulk inserts are all back."""
from __future__ import annotations

import datetime
import io
import random

import pytest

from db.connection import open_database
from workbench.audit import chain
from workbench.cli import main
from workbench.demo import baseline
from workbench.demo.findings import CaseFacts, FindingModel, Reviewer, item_plans, not_applicable, \
    planned_not_applicable
from workbench.review import checklist_store

TODAY = datetime.date(2025, 11, 3)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """600 cases, a third reviewed, with a round drawn and reviewed (round members, inclusion)."""
    path = tmp_path_factory.mktemp("fast") / "fast.sqlite3"
    out, err = io.StringIO(), io.StringIO()
    assert main(["demo", "--cases", "600", "--reviewed", "0.3", "--seed", "7", "--today", TODAY.isoformat(),
                 "--round", "R", "--size", "40", "--db", str(path)], out=out, err=err) == 0, err.getvalue()
    return open_database(path)


def _last_entry(db) -> tuple:
    return db.execute("SELECT at, actor, entity, entity_id, case_id, action, old_value, new_value, hash"
                      " FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()


def test_the_streamed_baseline_is_the_chains_entry(demo, monkeypatch):
    monkeypatch.setattr(baseline, "CHUNK", 7)       # many chunks, and review ids of 1 to 3 digits
    at = "2025-11-03T01:02:03.000004+00:00"
    entries = []
    for write in (lambda: baseline.record_baseline(demo, actor="demo", reason="demo data generated", at=at),
                  lambda: chain.record_baseline(demo, actor="demo", reason="demo data generated", at=at)):
        demo.execute("SAVEPOINT compare")
        write()
        entries.append(_last_entry(demo))
        demo.execute("ROLLBACK TO compare")
        demo.execute("RELEASE compare")
    streamed, chained = entries
    assert streamed == chained
    assert '"round_cases":{"' in chained[7] and '"inclusion":{"' in chained[7]      # the round's maps are there


def test_item_plans_decide_as_not_applicable_and_fail_rate(demo):
    checklists = [checklist_store.load_stored(demo, cid) for (cid,) in demo.execute("SELECT id FROM checklists")]
    rng = random.Random(3)
    facts = [CaseFacts(n, "invention", "实用新型审查部", "林芳", decision, datetime.date(2025, 1, 2), n % 2 == 0)
             for n, decision in enumerate(("授权", "驳回", "部分驳回", "视撤"))]
    model = FindingModel(random.Random(1), checklists, facts, TODAY)
    reviewer = Reviewer("甲", 1.0, 1.1)
    for checklist in checklists:
        for plan in item_plans(checklist, model):
            for case in facts:
                seed = rng.random()
                old, new = random.Random(seed), random.Random(seed)
                assert planned_not_applicable(plan, case, new) == not_applicable(plan.item, case, old)
                assert new.random() == old.random()          # the same draws were taken
                factor = model.factor(case, reviewer)
                assert min(0.9, plan.rate * factor) == model.fail_rate(checklist, plan.item, factor)
            assert plan.can_fail == plan.item.can_fail


def test_the_indexes_set_aside_are_back(demo, tmp_path):
    fresh = open_database(tmp_path / "fresh.sqlite3")
    sql = "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    assert demo.execute(sql).fetchall() == fresh.execute(sql).fetchall()
    out, err = io.StringIO(), io.StringIO()
    assert main(["verify", "--db", str(demo.path)], out=out, err=err) == 0, out.getvalue() + err.getvalue()


def test_the_demos_random_draws_what_random_draws():
    from workbench.demo import draws
    for seed in (0, 5, "5:texts"):
        fast, plain = draws.Random(seed), random.Random(seed)
        for n in range(1, 3000):
            seq = tuple(range(n % 70 + 1))
            assert fast.choice(seq) == plain.choice(seq)
            assert fast.randint(-3, n) == plain.randint(-3, n)
            assert fast.random() == plain.random()       # the same bits were taken
        with pytest.raises(IndexError):
            fast.choice(())
        with pytest.raises(ValueError):
            fast.randint(5, 1)


def test_a_cancelled_demo_leaves_every_index(tmp_path):
    from foundation.jobs import CancelToken, Cancelled
    from workbench.demo.generate import build_demo
    db = open_database(tmp_path / "w.sqlite3")
    sql = "SELECT name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name"
    before = db.execute(sql).fetchall()
    token = CancelToken()
    calls = []

    def progress(done, total, label=""):
        calls.append(label)
        if label.startswith("Reviews"):      # inside the reviews, with the indexes set aside
            token.cancel()

    with pytest.raises(Cancelled):
        build_demo(db, cases=1_500, reviewed=0.5, seed=1, progress=progress, cancel=token)
    assert any(label.startswith("Reviews") for label in calls)
    assert db.execute(sql).fetchall() == before
    assert db.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 0
