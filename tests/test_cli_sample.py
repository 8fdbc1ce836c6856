"""`main.py sample`, `sample-size` and `round-status`: the documented forms, --json, one-line errors."""
from __future__ import annotations

import io
import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.connection import open_database

from workbench import cli
from workbench.demo.data import generate_cases, write_csv

ROOT = Path(__file__).resolve().parent.parent
CASES = list(generate_cases(250, seed=21))


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))   # the log file goes here


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def csv_pair(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("csv")
    shuffled = CASES[:]
    random.Random(3).shuffle(shuffled)
    write_csv(folder / "a.csv", CASES)
    write_csv(folder / "b.csv", shuffled)
    return folder / "a.csv", folder / "b.csv"


@pytest.fixture
def db(tmp_path, csv_pair) -> str:
    path = str(tmp_path / "w.sqlite3")
    assert run("import", str(csv_pair[0]), "--db", path)[0] == 0
    return path


# --- sample-size --------------------------------------------------------------------------

@pytest.mark.parametrize("args, size", [
    (("--expected", "0.9"), 139),
    (("--expected", "0.9", "--population", "2000"), 130),
    (("--expected", "0.5"), 385),
    (("--expected", "0.5", "--population", "2000"), 323),
    (("--expected", "50%", "--population", "2000"), 323),
])
def test_sample_size_worked_values(args, size) -> None:
    code, out, err = run("sample-size", "--confidence", "0.95", "--margin", "0.05", *args)
    assert (code, err) == (0, "")
    assert out.split()[0] == str(size)
    code, out, _ = run("sample-size", "--confidence", "95%", "--margin", "5%", *args, "--json")
    assert json.loads(out)["sample_size"] == size


def test_sample_size_iso_lot() -> None:
    code, out, _ = run("sample-size", "--lot", "400", "--aql", "2.5", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["code_letter"], data["sample_size"], data["accept"], data["reject"]) == ("H", 50, 3, 4)
    code, out, _ = run("sample-size", "--lot", "400", "--aql", "2.5")
    assert out.startswith("50 cases") and "code letter H" in out and "at most 3" in out and "4 or more" in out


@pytest.mark.parametrize("args", [
    ("--margin", "0.05"),
    ("--confidence", "0.95", "--margin", "60"),
    ("--confidence", "0.95", "--margin", "0.05", "--population", "0"),
    ("--confidence", "0.95", "--margin", "0.05", "--expected", "150"),
    ("--confidence", "0.95", "--margin", "0.05", "--lot", "400"),
    ("--lot", "400", "--aql", "3"),
    ("--confidence", "abc", "--margin", "0.05"),
    ("--confidence", "0.95", "--margin", "0.05", "--population", "many"),
])
def test_sample_size_bad_input_is_one_line_and_exit_2(args) -> None:
    code, out, err = run("sample-size", *args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


# --- sample -------------------------------------------------------------------------------

def test_sample_json_has_plan_strata_and_application_numbers(db) -> None:
    code, out, err = run("sample", "--db", db, "--round", "Q2 inventions", "--confidence", "0.95", "--margin", "0.1",
                         "--expected", "0.9", "--strata", "department", "--min-per-stratum", "2", "--seed", "42",
                         "--where", "ip_type=invention", "--where", "decision_date>=2020-01-01",
                         "--reviewers", "Li Wei,Wang Fang:10,Zhang Min", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["plan"]["method"] == "stratified" and data["plan"]["strata"] == ["department"]
    assert data["seed"] == 42 and data["seed_source"] == "given"
    assert len(data["application_numbers"]) == data["plan"]["sample_size"] == sum(s["sample"] for s in data["strata"])
    assert sum(s["population"] for s in data["strata"]) == data["population"]
    assert all(s["sample"] >= min(2, s["population"]) for s in data["strata"])
    assert sorted(r["name"] for r in data["reviewers"]) == ["Li Wei", "Wang Fang", "Zhang Min"]
    assert next(r for r in data["reviewers"] if r["name"] == "Wang Fang")["assigned"] <= 10
    with sqlite3.connect(db) as conn:
        stored = [r[0] for r in conn.execute(
            "SELECT c.application_number FROM round_cases rc JOIN cases c ON c.id = rc.case_id"
            " JOIN rounds r ON r.id = rc.round_id WHERE r.name = 'Q2 inventions' ORDER BY rc.draw_order")]
        types = {r[0] for r in conn.execute(
            "SELECT DISTINCT c.ip_type FROM round_cases rc JOIN cases c ON c.id = rc.case_id")}
    assert stored == data["application_numbers"] and types == {"invention"}


def test_same_seed_same_cases_in_two_workspaces_via_the_cli(tmp_path, csv_pair) -> None:
    drawn = []
    for name, source in zip(("one", "two"), csv_pair):
        path = str(tmp_path / f"{name}.sqlite3")
        assert run("import", str(source), "--db", path)[0] == 0
        code, out, err = run("sample", "--db", path, "--round", "R", "--size", "30", "--method", "systematic",
                             "--seed", "7", "--reviewers", "A,B,C", "--json")
        assert code == 0, err
        data = json.loads(out)
        drawn.append([(c["application_number"], c["reviewer"]) for c in data["cases"]])
    assert drawn[0] == drawn[1] and len(drawn[0]) == 30


def test_random_seed_is_printed_and_stored_and_draws_again(tmp_path, csv_pair, db) -> None:
    code, out, _ = run("sample", "--db", db, "--round", "R", "--size", "12")
    assert code == 0
    seed = int(next(line for line in out.splitlines() if line.startswith("Seed:")).split()[1])
    assert "chosen at random" in out
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT seed, seed_source FROM rounds WHERE name = 'R'").fetchone() == (seed, "random")
    other = str(tmp_path / "other.sqlite3")
    run("import", str(csv_pair[1]), "--db", other)
    code, again, _ = run("sample", "--db", other, "--round", "R", "--size", "12", "--seed", str(seed))
    drawn = lambda text: [line.split()[1] for line in text.splitlines() if line[:7].strip().isdigit()]  # noqa: E731
    assert len(drawn(out)) == 12 and drawn(again) == drawn(out)


def test_human_output_shows_plan_allocation_and_cases(db) -> None:
    code, out, _ = run("sample", "--db", db, "--round", "Q", "--size", "20", "--strata", "ip_type",
                       "--allocation", "equal", "--seed", "1", "--reviewers", "X,Y")
    assert code == 0
    assert "Plan: stratified by IP type, equal allocation; 20 cases." in out
    assert "Stratum" in out and "Assigned: X 10, Y 10." in out and "Drawn (20 cases" in out
    assert "250 cases match (all cases)" in out


def test_earlier_rounds_are_left_out_unless_included(db) -> None:
    run("sample", "--db", db, "--round", "one", "--size", "50", "--seed", "1")
    code, out, _ = run("sample", "--db", db, "--round", "two", "--size", "5", "--seed", "1", "--json")
    assert json.loads(out)["excluded"] == 50 and json.loads(out)["population"] == 200
    code, out, _ = run("sample", "--db", db, "--round", "three", "--size", "5", "--seed", "1", "--include-sampled",
                       "--json")
    assert json.loads(out)["excluded"] == 0


def test_acceptance_round_and_its_status(db) -> None:
    code, out, err = run("sample", "--db", db, "--round", "lots", "--method", "acceptance", "--strata", "department",
                         "--aql", "4", "--seed", "5", "--reviewers", "A,B", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert all({"code_letter", "accept", "reject"} <= set(s) for s in data["strata"])
    code, out, _ = run("round-status", "--db", db, "--round", "lots")
    assert code == 0 and "pending" in out and "Re-drawn from the stored filters, plan and seed: the same cases." in out
    code, out, _ = run("round-status", "--db", db, "--round", "lots", "--json")
    status = json.loads(out)
    assert len(status["lots"]) == len(data["strata"]) and status["redraw_problems"] == []
    assert sum(r["assigned"] for r in status["reviewers"]) == len(data["cases"])


@pytest.mark.parametrize("args, phrase", [
    (("--size", "5", "--where", "colour=red"), "unknown field 'colour'"),
    (("--size", "5", "--where", "decision_date>=2022-13-40"), "is not a date"),
    (("--size", "5", "--where", "ip_type=cat"), "not a known IP type"),
    (("--size", "5", "--where", "examiner=nobody"), "No cases match"),
    (("--size", "9999",), "larger than the population"),
    (("--method", "stratified", "--size", "5"), "needs a field to stratify by"),
    (("--size", "5", "--confidence", "0.95", "--margin", "0.05"), "not both"),
    (("--confidence", "0.95",), "needs both a confidence level and a margin"),
    (("--size", "x",), "invalid int value"),
    (("--size", "5", "--seed", "-3"), "The seed must be"),
    (("--size", "5", "--method", "cluster"), "invalid choice"),
    (("--size", "5", "--strata", "title"), "Cannot stratify by 'title'"),
    (("--size", "30", "--strata", "department", "--min-per-stratum", "5"), "At least 5 cases in each of"),
    (("--size", "5", "--reviewers", "A:many"), "the cap must be"),
    (("--size", "5", "--effort", "patents=2", "--reviewers", "A"), "not a known IP type"),
    ((), "Give a sample size"),
])
def test_bad_sample_input_is_one_line_and_exit_2(db, args, phrase) -> None:
    code, out, err = run("sample", "--db", db, "--round", "bad", *args)
    assert code == 2 and out == "" and phrase in err
    assert len(err.strip().splitlines()) == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM rounds").fetchone()[0] == 0


def test_duplicate_round_and_own_cases_are_refused(db) -> None:
    assert run("sample", "--db", db, "--round", "R", "--size", "3", "--seed", "1")[0] == 0
    code, _, err = run("sample", "--db", db, "--round", "R", "--size", "3")
    assert code == 2 and "already a round named 'R'" in err
    with sqlite3.connect(db) as conn:
        examiner = conn.execute("SELECT examiner FROM cases GROUP BY 1 ORDER BY COUNT(*) DESC").fetchone()[0]
    code, _, err = run("sample", "--db", db, "--round", "own", "--size", "3", "--where", f"examiner={examiner}",
                       "--reviewers", examiner)
    assert code == 2 and f"examined by {examiner}" in err


def test_the_real_entry_point_exits_2_with_one_line(tmp_path, csv_pair) -> None:
    env = {k: v for k, v in os.environ.items() if k != "WORKBENCH_DB"} | {"WORKBENCH_HOME": str(tmp_path / "h")}
    path = str(tmp_path / "w.sqlite3")
    open_database(path).close()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "sample", "--db", path, "--round", "R",
                           "--size", "5", "--where", "decision_date>=soon"], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "error: Filter 'decision_date>=soon': 'soon' is not a date (use YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY)."]


def test_reassign_keeps_the_trail(db) -> None:
    code, out, _ = run("sample", "--db", db, "--round", "R", "--size", "6", "--seed", "2", "--reviewers", "A,B", "--json")
    case = json.loads(out)["cases"][0]
    new = "B" if case["reviewer"] == "A" else "A"
    code, out, err = run("reassign", "--db", db, "--round", "R", "--case", "CN" + case["application_number"],
                         "--to", new, "--reason", "on leave")
    assert (code, err) == (0, "") and new in out
    with sqlite3.connect(db) as conn:
        logged = conn.execute("SELECT old_value, new_value FROM audit_log WHERE entity = 'round_case'"
                              " AND action = 'reassign'").fetchall()
    assert [(json.loads(o), json.loads(n)) for o, n in logged] == [
        ({"reviewer": case["reviewer"]}, {"reviewer": new, "reason": "on leave"})]
    code, _, err = run("reassign", "--db", db, "--round", "R", "--case", "999", "--to", new)
    assert code == 2 and err.strip() == "error: There is no case with application number 999."


def test_a_confidence_that_is_a_typing_slip_is_refused():
    code, _, err = run("sample-size", "--confidence", "2", "--margin", "0.05", "--expected", "0.9")
    assert code == 2 and "confidence level" in err and len(err.strip().splitlines()) == 1
