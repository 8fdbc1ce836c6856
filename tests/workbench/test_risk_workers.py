"""A refresh's near-duplicate work spread over worker processes (workbench.risk.workers) stores
exactly what a refresh in one process stores: the same scores, kept sketches, kept pairs and groups,
for a first refresh, the refresh after an import, and with buckets cut at the cap; cancelled while
the workers run, it changes nothing and leaves no process behind."""
from __future__ import annotations

import multiprocessing
import random
import shutil

import pytest

from foundation.jobs import CancelToken, Cancelled
from db.connection import open_database
from workbench import risk
from workbench.risk import minhash, workers
from tests.workbench.helpers import workspace
from tests.workbench.risk_helpers import add, case, days
from tests.workbench.test_risk_sketches import TEMPLATE, WORDS, population

ONE_PROCESS = 10 ** 9          # workers_from that no test population reaches


@pytest.fixture(autouse=True)
def two_processes(monkeypatch):
    """Spread even on a machine with one core (the workers are then slower, not wrong)."""
    monkeypatch.setattr(workers, "process_count", lambda: 2)


def stored(db) -> dict[str, list[tuple]]:
    tables = {"case_risk": "SELECT case_id, score, band, indicators FROM case_risk ORDER BY case_id",
              "near_pairs": "SELECT a, b, shared FROM near_pairs ORDER BY a, b",
              "near_groups": "SELECT key, members, run, cut, found, cut_sizes FROM near_groups ORDER BY key",
              "case_sketches": "SELECT case_id, digest, field, size, placed, made FROM case_sketches ORDER BY case_id",
              "case_grams": "SELECT case_id, grams, bands FROM case_grams ORDER BY case_id"}
    return {name: db.execute(sql).fetchall() for name, sql in tables.items()}


def twins(tmp_path, seed: int):
    """Two workspaces holding the same cases (one file copied)."""
    db = workspace(tmp_path, "a.sqlite3")
    population(db, seed)
    db.close()
    shutil.copy(tmp_path / "a.sqlite3", tmp_path / "b.sqlite3")
    return open_database(tmp_path / "a.sqlite3"), open_database(tmp_path / "b.sqlite3")


def more_cases(seed: int) -> list[dict]:
    rng = random.Random(seed)
    return [case(ip_type="utility_model", title=f"一种{rng.choice(WORDS)}装置",
                  abstract=TEMPLATE.format(*rng.sample(WORDS, 3)), applicant=f"公司{rng.randrange(3)}",
                  agent=f"代理{rng.randrange(2)}", applicant_type="company", filing_date=day)
                 for day in days("2023-02-01", 30, 2)]


def test_a_spread_refresh_stores_what_one_process_stores(tmp_path, monkeypatch):
    monkeypatch.setattr(minhash, "BUCKET_CAP", 3)       # buckets cut at the cap too, in both
    spread, alone = twins(tmp_path, 5)
    run = risk.refresh(spread, workers_from=1)
    assert risk.refresh(alone, workers_from=ONE_PROCESS).spread == 0
    assert run.spread > 1 and run.bounded > 0
    assert stored(spread) == stored(alone)
    assert any(band != "none" for _id, _score, band, _ in stored(spread)["case_risk"])
    imported = more_cases(7)
    add(spread, imported, import_id=2)
    add(alone, imported, import_id=2)
    after = risk.refresh(spread, import_id=2, workers_from=1)
    assert after.incremental and after.spread > 0
    risk.refresh(alone, import_id=2, workers_from=ONE_PROCESS)
    assert stored(spread) == stored(alone)


class StopAt(CancelToken):
    """Asks to stop at its n-th check: while the workers' parts come back."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.left = n

    def check(self) -> None:
        self.left -= 1
        if self.left <= 0:
            raise Cancelled()


def test_cancelled_while_the_workers_run_nothing_changes_and_they_stop(tmp_path):
    db = workspace(tmp_path)
    population(db, 9)
    before = stored(db)
    running = set(multiprocessing.active_children())      # another test's, if any
    with pytest.raises(Cancelled) as raised:
        risk.refresh(db, cancel=StopAt(3), workers_from=1)     # the first check is before the workers
    assert any(entry.name == "_map" for entry in raised.traceback)      # stopped while they ran
    assert stored(db) == before
    assert set(multiprocessing.active_children()) <= running
