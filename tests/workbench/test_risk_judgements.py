"""Kept judgements (workbench.risk.judgements, near_pairs and near_groups): a refresh that reads
kept judgements back stores the very case_risk rows a refresh from scratch stores, whatever
happened in between (cases added, deleted, their texts, filing days or groups changed, an import's
incremental refresh), also when buckets are cut at the cap."""
from __future__ import annotations

import datetime
import random
import sqlite3

import pytest

from db.connection import open_database
from workbench import risk
from workbench.risk import minhash
from workbench.risk.judgements import KeptJudgements
from workbench.risk.settings import DEFAULT
from tests.workbench.helpers import workspace
from tests.workbench.risk_helpers import add, case

TEMPLATE = "本实用新型公开了一种{}监测装置，包括支架、太阳能板、控制箱和{}传感器组，数据通过无线模块上传{}。"
WORDS = ["温湿度", "光照度", "二氧化碳", "土壤水分", "虫情", "风速"]


@pytest.fixture
def small_cap(monkeypatch):
    """A cap of 3 followers per bucket, so that the buckets of a small population are cut."""
    monkeypatch.setattr(minhash, "BUCKET_CAP", 3)


def some_cases(rng: random.Random, count: int) -> list[dict]:
    """Near-duplicate abstracts (few words, so many share bands) from a handful of groups, filed
    within a few months, some with titles only."""
    rows = []
    for _ in range(count):
        abstract = TEMPLATE.format(*rng.sample(WORDS, 3)) if rng.random() < 0.8 else ""
        rows.append(case(title=f"一种{rng.choice(WORDS)}{rng.choice(WORDS)}装置", abstract=abstract,
                         applicant=f"公司{rng.randrange(3)}", agent=f"代理{rng.randrange(2)}" if rng.random() < 0.8 else "",
                         applicant_type="company",
                         filing_date=f"2023-0{rng.randrange(1, 5)}-{rng.randrange(1, 29):02d}"))
    return rows


def stored(db) -> list[tuple]:
    return db.execute("SELECT case_id, score, band, indicators FROM case_risk ORDER BY case_id").fetchall()


def from_scratch(db, tmp_path) -> list[tuple]:
    """A copy of the workspace refreshed with nothing kept (the workspace itself keeps its state)."""
    path = tmp_path / f"scratch-{random.random()}.sqlite3"
    target = sqlite3.connect(path)
    db.conn.backup(target)
    target.close()
    copy = open_database(path)
    for table in ("case_sketches", "near_pairs", "near_groups"):
        copy.execute(f"DELETE FROM {table}")
    risk.refresh(copy)
    rows = stored(copy)
    copy.conn.close()
    return rows


def change(db, rng: random.Random, round_: int) -> None:
    """Adds, deletes and edits cases (texts, filing days, agents, applicants) at random."""
    ids = [row[0] for row in db.execute("SELECT id FROM cases ORDER BY id")]
    if round_ % 2:
        add(db, some_cases(rng, 15))
    for case_id in rng.sample(ids, 4 * (round_ % 3)):
        db.execute("DELETE FROM case_risk WHERE case_id = ?", [case_id])
        db.execute("DELETE FROM cases WHERE id = ?", [case_id])
        ids.remove(case_id)
    edits = ["abstract = ?", "filing_date = ?", "agent = ?", "applicant = ?"]
    values = [TEMPLATE.format(*rng.sample(WORDS, 3)), "2023-02-14", "代理1", "公司0"]
    for case_id in rng.sample(ids, 3 * (round_ % 2 == 0)):
        at = rng.randrange(len(edits))
        db.execute(f"UPDATE cases SET {edits[at]} WHERE id = ?", [values[at], case_id])
    db.conn.commit()


@pytest.mark.parametrize("cap", [3, minhash.BUCKET_CAP])
def test_warm_refreshes_store_what_refreshes_from_scratch_store(tmp_path, monkeypatch, cap):
    db = workspace(tmp_path)
    monkeypatch.setattr(minhash, "BUCKET_CAP", cap)       # 3: buckets are cut; 64: none is
    rng = random.Random(3)
    add(db, some_cases(rng, 90))
    cold = risk.refresh(db)
    assert (cold.bounded > 0) == (cap == 3) and cold.read_back == 0 and stored(db) == from_scratch(db, tmp_path)
    assert any(row[2] != "none" for row in stored(db))
    warm = risk.refresh(db)
    assert warm.read_back > 0 and warm.sketched == 0 and stored(db) == from_scratch(db, tmp_path)
    read_back = 0
    for round_ in range(1, 7):
        change(db, rng, round_)
        run = risk.refresh(db)
        read_back += run.read_back
        assert stored(db) == from_scratch(db, tmp_path), round_
    assert read_back > 0            # some groups were read back after cases were added


def test_an_incremental_refresh_keeps_the_kept_judgements_true(tmp_path, small_cap):
    db = workspace(tmp_path)
    rng = random.Random(8)
    add(db, some_cases(rng, 80), import_id=1)
    risk.refresh(db)
    add(db, some_cases(rng, 20), import_id=2)
    assert risk.refresh(db, import_id=2).incremental
    assert stored(db) == from_scratch(db, tmp_path)
    gone = db.execute("SELECT id FROM cases WHERE import_id = 1 ORDER BY id LIMIT 5").fetchall()
    for (case_id,) in gone:
        db.execute("DELETE FROM case_risk WHERE case_id = ?", [case_id])
        db.execute("DELETE FROM cases WHERE id = ?", [case_id])
    add(db, some_cases(rng, 20), import_id=3)
    assert risk.refresh(db, import_id=3).incremental
    risk.refresh(db)
    assert stored(db) == from_scratch(db, tmp_path)


def test_similarities_read_back_equal_the_judged_ones():
    rng = random.Random(1)
    hasher = minhash.GramHasher()
    texts = [TEMPLATE.format(*rng.sample(WORDS, 3)) for _ in range(30)]
    sketches = {i: minhash.sketch(text, hasher, 10) for i, text in enumerate(texts)}
    pairs = minhash.candidate_pairs([(0, key) for key in sketches], sketches, 0)
    fresh: dict[tuple[int, int], int] = {}
    judged = minhash.judge(pairs, sketches, 0.5, fresh=fresh)
    assert judged and fresh.keys() == judged.keys()
    assert minhash.judge(pairs, sketches, 0.5, frozenset(sketches), fresh) == judged


def test_cases_sketched_after_a_group_was_searched_do_not_stand_for_its_deleted_ones(tmp_path):
    """A group is trusted only when as many of its cases are unchanged since its search as it had
    then: a case sketched later (by an incremental refresh, say) does not count, or it could stand
    in for a deleted case whose leaving brought two others closer."""
    db = workspace(tmp_path)
    ids = add(db, [{**row, "applicant": "公司0"} for row in some_cases(random.Random(4), 30)])
    risk.refresh(db)
    judgements = KeptJudgements(db, DEFAULT)
    made = dict(db.execute("SELECT case_id, made FROM case_sketches"))
    judgements.since.update(made)
    assert judgements.trusted("applicant", "公司0", ids)[:2] == (frozenset(ids), True)      # as it was
    assert judgements.trusted("applicant", "公司0", ids + [999])[:2] == (frozenset(ids), False)    # one added
    assert judgements.trusted("applicant", "公司0", ids[1:])[0] == frozenset()         # one deleted
    judgements.since[999] = max(made.values()) + 1         # one deleted and another sketched since
    assert judgements.trusted("applicant", "公司0", ids[1:] + [999])[0] == frozenset()
    judgements.since[ids[0]] = max(made.values()) + 1      # one moved into it since (placement changed)
    assert judgements.trusted("applicant", "公司0", ids)[0] == frozenset()
    assert judgements.trusted("agent", "公司0", ids)[0] == frozenset()              # never searched


def test_a_pair_kept_before_a_case_moved_away_in_time_is_not_read_back(tmp_path):
    """A case filed far from the others later: its kept pairs stay (its text is the same), but a
    group searched again since, and unchanged after, pairs only texts within the window."""
    db = workspace(tmp_path)
    ids = add(db, [{**row, "applicant": "公司0", "agent": ""} for row in some_cases(random.Random(6), 30)])
    risk.refresh(db)
    db.execute("UPDATE cases SET filing_date = '2025-06-01' WHERE id = ?", [ids[0]])
    db.conn.commit()
    risk.refresh(db)
    again = risk.refresh(db)
    assert again.read_back > 0 and stored(db) == from_scratch(db, tmp_path)


def test_a_refresh_writes_only_the_rows_whose_risk_changed(tmp_path):
    db = workspace(tmp_path)
    ids = add(db, [{**row, "applicant": "公司0", "agent": ""} for row in some_cases(random.Random(7), 30)])
    first, second = datetime.datetime(2024, 1, 1), datetime.datetime(2024, 2, 1)
    risk.refresh(db, clock=lambda: first)
    before = stored(db)
    risk.refresh(db, clock=lambda: second)
    assert stored(db) == before
    assert {row[0] for row in db.execute("SELECT DISTINCT computed_at FROM case_risk")} == {first.isoformat()}
    db.execute("UPDATE cases SET abstract = '', title = '装置' WHERE id = ?", [ids[0]])      # no longer compared
    db.conn.commit()
    risk.refresh(db, clock=lambda: second)
    rewritten = {row[0] for row in db.execute("SELECT case_id FROM case_risk WHERE computed_at = ?",
                                              [second.isoformat()])}
    assert ids[0] in rewritten and len(rewritten) < len(ids) and stored(db) == from_scratch(db, tmp_path)


def test_a_group_cut_at_the_cap_and_unchanged_is_read_back_not_searched(tmp_path, small_cap, monkeypatch):
    db = workspace(tmp_path)
    add(db, some_cases(random.Random(4), 90))
    cold = risk.refresh(db)
    assert cold.bounded > 0
    searched = []
    real = minhash.candidate_pairs
    monkeypatch.setattr(minhash, "candidate_pairs", lambda *a, **k: searched.append(1) or real(*a, **k))
    warm = risk.refresh(db)
    assert searched == [] and warm.read_back > 0
    assert warm.bounded == cold.bounded          # the cut buckets still reported
    assert stored(db) == from_scratch(db, tmp_path)
    # Kept by schema 17 (its cut groups without their pairs): searched again, and kept from then on.
    db.execute("UPDATE near_groups SET found = NULL, cut_sizes = NULL")
    db.conn.commit()
    upgraded = risk.refresh(db)
    assert searched and upgraded.bounded == cold.bounded and stored(db) == from_scratch(db, tmp_path)
    searched.clear()
    risk.refresh(db)
    assert searched == []
