"""The demo's bulk writing (issue 20): the fast audit hashing gives the chain's own hashes, the quick-search
index built once at the end is the one the insert trigger builds, nothing is dated after the demo's
today even when every case is reviewed, the phases are timed on request, and ordinary texts are
varied enough that near-duplicates flag the planted clusters and few others."""
from __future__ import annotations

import datetime
import io
import json
import random
import re

import pytest

from db.connection import open_database
from workbench.audit import chain
from workbench.cli import main
from workbench.demo import timeline
from workbench.demo.planted import planted_cases
from workbench.demo.writer import Hasher, ReviewWriter, entry_hasher, quote

TODAY = datetime.date(2025, 11, 3)       # a Monday
UID = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"       # as reviews_uid_on_insert makes
_TRICKY = ("", "plain", "王芳", 'say "no"', "back\\slash", "tab\there", "line\nbreak", "\x00\x1f", "\u3000全角空格",
           "\u2028separator", "emoji 😀", "{\"a\":1}")


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    """3,000 cases, nine in ten reviewed (the latest decisions too), built by the command with --timings."""
    path = tmp_path_factory.mktemp("full") / "full.sqlite3"
    out, err = io.StringIO(), io.StringIO()
    assert main(["demo", "--cases", "3000", "--reviewed", "0.9", "--seed", "11", "--today", TODAY.isoformat(),
                 "--timings", "--db", str(path)], out=out, err=err) == 0, err.getvalue()
    return open_database(path), out.getvalue(), err.getvalue()


def test_quote_writes_what_json_writes():
    for text in _TRICKY:
        assert quote(text) == json.dumps(text, ensure_ascii=False), text


def test_the_fast_hash_is_the_chains_hash():
    rng = random.Random(3)
    fast = Hasher()
    assert isinstance(entry_hasher(), Hasher)
    for _ in range(2000):
        parts = [rng.choice(_TRICKY) for _ in range(5)]
        old = rng.choice((None, json.dumps({"answer": parts[0], "comment": parts[1]}, ensure_ascii=False)))
        new = rng.choice((None, json.dumps({"v": parts[2]}, ensure_ascii=False), parts[3]))
        entry = (f"{rng.getrandbits(256):064x}", "2025-01-02T03:04:05.000006+00:00", parts[4], "answer",
                 f"{rng.randint(1, 10**6)}/{parts[1]}", rng.choice((None, rng.randint(1, 10**6))), "answer", old, new)
        assert fast(*entry) == chain.entry_hash(*entry)


def test_the_workspace_verifies_and_its_quick_search_index_is_whole(full):
    db, _out, _err = full
    out, err = io.StringIO(), io.StringIO()
    assert main(["verify", "--db", str(db.path)], out=out, err=err) == 0, out.getvalue() + err.getvalue()
    db.execute("INSERT INTO cases_fts (cases_fts) VALUES ('integrity-check')")      # raises when not whole
    fresh = open_database(db.path.parent / "fresh.sqlite3")
    for name in ("cases_fts_insert", "latest_reviews_insert"):      # the triggers the demo set aside are back
        sql = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?"
        assert db.execute(sql, [name]).fetchone() == fresh.execute(sql, [name]).fetchone() != None
    title = db.execute("SELECT title FROM cases WHERE ip_type = 'utility_model' LIMIT 1").fetchone()[0]
    found = db.execute("SELECT COUNT(*) FROM cases_fts WHERE cases_fts MATCH ?", [f'"{title}"']).fetchone()[0]
    assert found == db.execute("SELECT COUNT(*) FROM cases WHERE instr(title, ?) > 0", [title]).fetchone()[0] > 0


def test_nothing_is_dated_after_today_when_nearly_every_case_is_reviewed(full):
    db, out, _err = full
    assert "3000 cases, 2700 reviews" in out and f"nothing dated after {TODAY}" in out
    last = timeline.end_of(TODAY).isoformat(timespec="microseconds")
    for table, column in (("reviews", "created_at"), ("reviews", "updated_at"), ("reviews", "completed_at"),
                          ("reviews", "signed_off_at"), ("answers", "answered_at"), ("audit_log", "at"),
                          ("imports", "imported_at"), ("risk_runs", "computed_at")):
        latest = db.execute(f"SELECT MAX({column}) FROM {table}").fetchone()[0]
        assert latest and latest[:10] <= TODAY.isoformat() and (table == "risk_runs" or latest <= last), table
    for column in ("filing_date", "decision_date"):
        assert db.execute(f"SELECT MAX({column}) FROM cases").fetchone()[0] < TODAY.isoformat()


def test_a_stamp_after_today_is_refused(tmp_path):
    db = open_database(tmp_path / "w.sqlite3")
    writer = ReviewWriter(db, timeline.end_of(TODAY))
    writer._audit(timeline.end_of(TODAY), "x", "review", "1", 1, "open", None, None)     # the last moment: fine
    with pytest.raises(RuntimeError):
        writer._audit(timeline.end_of(TODAY) + datetime.timedelta(microseconds=1), "x", "review", "1", 1, "open",
                      None, None)


def test_timings_go_to_standard_error_and_the_output_is_unchanged(full):
    _db, out, err = full
    assert "total" in err and "cases" in err and "reviews" in err and "risk refresh" in err and " s" in err
    assert "total" not in out and out.count("\n") == 1       # the summary line alone, as without --timings


def test_near_duplicates_flag_the_planted_clusters_and_few_ordinary_cases(full):
    db, _out, _err = full
    truth = planted_cases(db)
    flagged = {case_id for (case_id,) in db.execute(
        "SELECT case_id FROM case_risk WHERE instr(indicators, '\"near_duplicate\"') > 0")}
    clusters = {case_id for case_id, pattern in truth.items() if pattern == "agent_cluster"}
    assert clusters and clusters <= flagged
    ordinary = len(flagged - set(truth))
    assert ordinary <= 0.01 * (3000 - len(truth))


def test_each_cases_latest_review_is_the_one_the_trigger_picks(full):
    db, _out, _err = full
    expected = db.execute(
        "SELECT c.id, (SELECT id FROM reviews r WHERE r.case_id = c.id AND role != 'calibration' ORDER BY"
        " status IN ('completed', 'signed_off') DESC, completed_at DESC, id DESC LIMIT 1) AS latest FROM cases c"
        " WHERE latest IS NOT NULL ORDER BY c.id").fetchall()
    stored = db.execute("SELECT case_id, review_id FROM latest_reviews ORDER BY case_id").fetchall()
    assert stored == expected and len(stored) == 2700
    uids = [uid for (uid,) in db.execute("SELECT uid FROM reviews")]
    assert len(set(uids)) == len(uids) and all(re.fullmatch(UID, uid) for uid in uids)
