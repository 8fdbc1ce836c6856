import pytest

from tests.workbench.test_review import setup  # noqa: F401 (fixture)
from workbench.audit import chain
from workbench.review import reviews
from workbench.review.integrity import check_workspace


def answered(setup):
    db, opened = setup
    for item, answer in (("search", "pass"), ("novelty", "pass"), ("decision", "pass")):
        reviews.set_answer(db, opened.id, item, answer, actor="alice")
    return db


def test_intact_chain_verifies(setup):
    db = answered(setup)
    assert chain.verify_chain(db) == []
    assert check_workspace(db) == []


def test_edited_entry_is_detected(setup):
    db = answered(setup)
    db.execute("UPDATE audit_log SET new_value = '{\"answer\":\"fail\"}' WHERE id = 3")
    db.conn.commit()
    problems = chain.verify_chain(db)
    assert problems and "audit entry 3" in problems[0] and "altered" in problems[0]


def test_deleted_entry_is_detected(setup):
    db = answered(setup)
    db.execute("DELETE FROM audit_log WHERE id = 2")
    db.conn.commit()
    assert any("audit entry 3" in p and "removed" in p for p in chain.verify_chain(db))


def test_inserted_entry_is_detected(setup):
    db = answered(setup)
    db.execute("INSERT INTO audit_log (at, actor, entity, entity_id, action, hash)"
               " VALUES ('2020', 'mallory', 'answer', '1/search', 'answer', 'y')")
    db.conn.commit()
    assert len(chain.verify_chain(db)) >= 1


@pytest.mark.parametrize("column", ["actor", "at", "action"])
def test_any_field_change_is_detected(setup, column):
    db = answered(setup)
    db.execute(f"UPDATE audit_log SET {column} = 'forged' WHERE id = 2")
    db.conn.commit()
    assert any("audit entry 2" in p for p in chain.verify_chain(db))


def test_answer_edited_behind_the_applications_back_is_detected(setup):
    db = answered(setup)
    db.execute("UPDATE answers SET answer = 'fail', outcome = 'fail' WHERE item_id = 'search'")
    db.execute("DELETE FROM answers WHERE item_id = 'novelty'")
    db.conn.commit()
    problems = check_workspace(db)
    assert any("item search: answer changed outside" in p for p in problems)
    assert any("item novelty: the answer was deleted outside" in p for p in problems)


def test_a_clock_put_in_force_dates_what_is_written_until_the_block_ends(setup):
    from datetime import datetime, timedelta, timezone
    db, opened = setup
    readings: list[datetime] = []

    def clock() -> datetime:
        readings.append(datetime(2024, 5, 6, 1, 0, tzinfo=timezone.utc) + timedelta(minutes=len(readings)))
        return readings[-1]

    before = db.execute("SELECT MAX(id) FROM audit_log").fetchone()[0]
    with chain.use_clock(clock):
        assert chain.now_iso() == "2024-05-06T01:00:00.000000+00:00"
        reviews.set_answer(db, opened.id, "search", "pass", actor="alice")
    stamps = [at for (at,) in db.execute("SELECT at FROM audit_log WHERE id > ?", [before])]
    assert stamps and all(at.startswith("2024-05-06T01:0") for at in stamps)
    read = len(readings)
    chain.now_iso()
    assert len(readings) == read                  # the block is over: the clock is no longer read
    assert check_workspace(db) == []
