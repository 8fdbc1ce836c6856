"""Rates typed one way everywhere, options a mode ignores refused, and nothing typed gives exit 1.

The one rule (foundation.rates): a number with % or above 1 is a percentage, otherwise a fraction.
The property tests run `sample-size`, `sample` and `export` in-process over arbitrary option
values and combinations: every run ends in 0 (done) or 2 (one line on stderr), never 1.
"""
from __future__ import annotations

import io
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench import cli
from workbench.demo.data import generate_cases, write_csv
from workbench.report.figures import parse_target


@pytest.fixture(scope="module", autouse=True)
def private_home(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:   # module scope: the property tests share it
        patch.setenv("WORKBENCH_HOME", str(tmp_path_factory.mktemp("home")))
        yield


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("ws")
    write_csv(folder / "cases.csv", list(generate_cases(120, seed=4)))
    path = str(folder / "w.sqlite3")
    assert run("import", str(folder / "cases.csv"), "--db", path)[0] == 0
    return path


_names = (f"r{i}" for i in itertools.count())   # every draw needs a round name of its own


# --- the one rule ----------------------------------------------------------------------------

@pytest.mark.parametrize("forms", [
    (("--confidence", "95"), ("--confidence", "95%"), ("--confidence", "0.95")),
    (("--margin", "5"), ("--margin", "5%"), ("--margin", "0.05"), ("--margin", " 5 ％")),
    (("--expected", "90"), ("--expected", "90%"), ("--expected", "0.9")),
])
def test_every_rate_takes_a_fraction_or_a_percentage(forms) -> None:
    base = {"--confidence": "0.95", "--margin": "0.05", "--expected": "0.9"}
    sizes = set()
    for option, value in forms:
        argv = dict(base, **{option: value})
        code, out, err = run("sample-size", *itertools.chain(*argv.items()), "--json")
        assert (code, err) == (0, "")
        sizes.add(json.loads(out)["sample_size"])
    assert sizes == {139}


def test_one_is_a_fraction_and_one_percent_a_percentage() -> None:
    assert json.loads(run("sample-size", "--confidence", "95", "--margin", "5", "--expected", "1", "--json")[1])[
        "expected"] == 1.0
    assert json.loads(run("sample-size", "--confidence", "95", "--margin", "5", "--expected", "1%", "--json")[1])[
        "expected"] == 0.01


def test_the_error_quotes_what_was_typed() -> None:
    code, out, err = run("sample-size", "--confidence", "1.5", "--margin", "5")
    assert code == 2 and out == ""
    assert err.strip() == ("error: The confidence level (--confidence) must be at least 50% and below 100% "
                           "(got '1.5', read as 1.5%).")
    code, _, err = run("sample-size", "--confidence", "95", "--margin", "five")
    assert code == 2 and "'five' is not a number" in err and "above 1 is a percentage" in err


@pytest.mark.parametrize("text, expected", [("90", 0.9), ("0.9", 0.9), ("90%", 0.9), ("0.5%", 0.005), ("1", 1.0)])
def test_export_target_follows_the_same_rule(text, expected) -> None:
    assert parse_target(text) == pytest.approx(expected)


@pytest.mark.parametrize("option", ["--confidence", "--margin", "--expected"])
def test_help_states_the_rule(option, capsys) -> None:
    assert run("sample-size", "--help")[0] == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "a number with % or above 1 is a percentage, otherwise a fraction" in text and option in text


# --- inputs the audit found crashing ------------------------------------------------------------

def test_tiny_margins_and_a_confidence_next_to_one_have_answers() -> None:
    code, out, err = run("sample-size", "--confidence", "0.95", "--margin", "1e-155")
    assert (code, err) == (0, "") and len(out.split()[0]) == 310
    for margin in ("1e-155", "1e-170"):
        code, out, err = run("sample-size", "--confidence", "0.95", "--margin", margin, "--population", "1000")
        assert (code, err) == (0, "") and out.startswith("1000 cases")
    code, out, err = run("sample-size", "--confidence", "0.9999999999999999", "--margin", "0.05", "--json")
    assert (code, err) == (0, "") and json.loads(out)["sample_size"] == 6877
    assert "99.99999999999999% confidence" in run("sample-size", "--confidence", "0.9999999999999999",
                                                  "--margin", "0.05")[1]


# --- options a mode ignores -----------------------------------------------------------------------

@pytest.mark.parametrize("args, option", [
    (("--lot", "500", "--population", "0"), "--population"),
    (("--lot", "500", "--expected", "0.9"), "--expected"),
    (("--lot", "500", "--confidence", "95"), "--confidence"),
    (("--confidence", "95", "--margin", "5", "--aql", "2.5"), "--aql"),
    (("--confidence", "95", "--margin", "5", "--level", "S-1"), "--level"),
    (("--confidence", "95", "--margin", "5", "--per-hundred"), "--per-hundred"),
])
def test_sample_size_refuses_what_its_mode_ignores(args, option) -> None:
    code, out, err = run("sample-size", *args)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert err.startswith(f"error: {option} is not used ")


@pytest.mark.parametrize("args, option", [
    (("--size", "10", "--aql", "2.5"), "--aql"),
    (("--size", "10", "--level", "I"), "--level"),
    (("--size", "10", "--count-defects"), "--count-defects"),
    (("--size", "10", "--allocation", "equal"), "--allocation"),
    (("--size", "10", "--min-per-stratum", "2"), "--min-per-stratum"),
    (("--size", "10", "--strata", "ip_type", "--stratum-expected", "invention=90"), "--stratum-expected"),
    (("--size", "10", "--expected", "0.9"), "--expected"),
    (("--size", "10", "--effort", "invention=2"), "--effort"),
    (("--method", "acceptance", "--min-per-stratum", "2"), "--min-per-stratum"),
    (("--method", "acceptance", "--expected", "0.9"), "--expected"),
])
def test_sample_refuses_what_its_mode_ignores(db, args, option) -> None:
    code, out, err = run("sample", "--db", db, "--include-sampled", "--round", next(_names), *args)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert err.startswith(f"error: {option} is not used ")


def test_expected_is_used_by_neyman_allocation_with_a_size(db) -> None:
    code, _, err = run("sample", "--db", db, "--include-sampled", "--round", next(_names), "--size", "20", "--strata", "ip_type",
                       "--allocation", "neyman", "--expected", "90", "--seed", "1")
    assert (code, err) == (0, "")


# --- ISO 2859-1 from the command line -------------------------------------------------------------

def test_lot_plan_names_the_lot_letter_and_the_plan_letter() -> None:
    code, out, _ = run("sample-size", "--lot", "200", "--aql", "1.0")
    assert code == 0 and "code letter G -> plan of H: n=50, Ac 1, Re 2" in out
    data = json.loads(run("sample-size", "--lot", "200", "--aql", "1.0", "--json")[1])
    assert (data["code_letter"], data["plan_letter"], data["sample_size"]) == ("G", "H", 50)
    data = json.loads(run("sample-size", "--lot", "1000", "--level", "S-1", "--json")[1])
    assert (data["code_letter"], data["sample_size"], data["accept"]) == ("C", 5, 0)
    data = json.loads(run("sample-size", "--lot", "500", "--aql", "0.010", "--json")[1])
    assert (data["code_letter"], data["plan_letter"], data["sample_size"], data["full_inspection"]) == (
        "H", "Q", 500, True)


def test_aqls_above_10_only_per_hundred_units() -> None:
    code, out, err = run("sample-size", "--lot", "500", "--aql", "15")
    assert code == 2 and "per 100" in err and "0.010 to 10" in err and len(err.strip().splitlines()) == 1
    code, out, err = run("sample-size", "--lot", "500", "--aql", "15", "--per-hundred")
    assert code == 0 and "code letter H: n=50, Ac 14, Re 15" in out and "at most 14 findings" in out


def test_acceptance_round_shows_both_letters(db) -> None:
    name = next(_names)
    code, out, err = run("sample", "--db", db, "--include-sampled", "--round", name, "--method", "acceptance", "--strata", "ip_type",
                         "--aql", "0.65", "--level", "S-4", "--seed", "3", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["plan"]["level"] == "S-4"
    assert all({"code_letter", "plan_letter"} <= set(s) for s in data["strata"])
    moved = [s for s in data["strata"] if s["plan_letter"] != s["code_letter"]]
    assert moved   # at AQL 0.65 the small special-level letters all point down the table
    code, status, _ = run("round-status", "--db", db, "--round", name, "--json")
    lots = json.loads(status)["lots"]
    assert {lot["lot"]: lot["plan_letter"] for lot in lots} == {s["stratum"]: s["plan_letter"]
                                                                for s in data["strata"]}
    code, text, _ = run("round-status", "--db", db, "--round", name)
    lot = moved[0]
    assert f"{lot['code_letter']} -> {lot['plan_letter']}" in text


# --- Neyman: at least two per stratum by default, and a warning when a stratum gets none -----------

def _strata(db: str) -> dict[str, int]:
    data = json.loads(run("sample", "--db", db, "--include-sampled", "--round", next(_names), "--size", "30", "--strata", "ip_type",
                          "--seed", "1", "--json")[1])
    return {s["stratum"]: s["population"] for s in data["strata"]}


def test_neyman_gives_every_stratum_two_cases_by_default(db) -> None:
    strata = _strata(db)
    certain = sorted(strata)[0]
    code, out, err = run("sample", "--db", db, "--include-sampled", "--round", next(_names), "--size", "30", "--strata", "ip_type",
                         "--allocation", "neyman", "--expected", "0.9", "--stratum-expected", f"{certain}=100%",
                         "--seed", "2", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["plan"]["min_per_stratum"] == 2
    assert all(s["sample"] >= min(2, s["population"]) for s in data["strata"])
    assert data["uncovered_strata"] == [] and data["warnings"] == []


def test_a_stratum_without_a_case_is_named_with_its_share(db) -> None:
    strata = _strata(db)
    certain = sorted(strata)[0]
    args = ("--size", "30", "--strata", "ip_type", "--allocation", "neyman", "--expected", "0.9",
            "--stratum-expected", f"{certain}=1.0", "--min-per-stratum", "0", "--seed", "2")
    code, out, err = run("sample", "--db", db, "--include-sampled", "--round", next(_names), *args, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    share = strata[certain] / sum(strata.values())
    assert data["uncovered_strata"] == [{"stratum": certain, "population": strata[certain], "share": share}]
    assert f"{certain} ({100 * share:.1f}% of the population)" in data["warnings"][0]
    code, out, _ = run("sample", "--db", db, "--include-sampled", "--round", next(_names), *args)
    assert "Warning: 1 stratum gets no case" in out and certain in out


# --- nothing a user can type gives exit 1 ---------------------------------------------------------

_NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(min_value=-2, max_value=200).map(lambda x: f"{x}%"),
    st.integers(min_value=-10**30, max_value=10**30).map(str),
    st.sampled_from(["1e-155", "1e-170", "5e-324", "0.9999999999999999", "1e400", "-0", "0", "1", "100", "100%",
                     "0x10", "1_000", " ", "", "%", "５%", "nan%", "inf", "-5%", "50", "0.5", "2.5", "15", "S-1"]),
    st.text(max_size=8),
)
_SAMPLE_SIZE_OPTIONS = st.dictionaries(
    st.sampled_from(["--confidence", "--margin", "--expected", "--population", "--lot", "--aql", "--level"]),
    _NUMBERS, max_size=5)
_LEVELS = st.sampled_from(["S-1", "S-2", "S-3", "S-4", "I", "II", "III"])


def _argv(options: dict[str, str]) -> list[str]:
    return [f"{k}={v}" for k, v in options.items()]   # --opt=value: a value may begin with '-'


def _assert_clean(code: int, out: str, err: str) -> None:
    assert code in (0, 2), err
    assert "Traceback" not in err and "unexpected error" not in err
    if code == 2:
        assert out == "" and len(err.strip().splitlines()) == 1, err


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(options=_SAMPLE_SIZE_OPTIONS, flags=st.sets(st.sampled_from(["--json", "--per-hundred"])),
       level=st.none() | _LEVELS)
def test_sample_size_never_exits_1(options, flags, level) -> None:
    if level is not None:
        options = {**options, "--level": level}
    _assert_clean(*run("sample-size", *_argv(options), *sorted(flags)))


_SAMPLE_OPTIONS = st.fixed_dictionaries({}, optional={
    "--size": st.one_of(st.integers(min_value=-5, max_value=200).map(str), _NUMBERS),
    "--confidence": _NUMBERS, "--margin": _NUMBERS, "--expected": _NUMBERS,
    "--method": st.sampled_from(["random", "systematic", "stratified", "acceptance"]),
    "--strata": st.sampled_from(["ip_type", "department", "examiner,decision_month", "title"]),
    "--allocation": st.sampled_from(["proportional", "equal", "neyman"]),
    "--min-per-stratum": st.one_of(st.integers(min_value=-2, max_value=50).map(str), _NUMBERS),
    "--stratum-expected": st.one_of(st.sampled_from(["invention", "trademark", "nobody"]), st.text(max_size=5))
    .flatmap(lambda name: _NUMBERS.map(lambda v: f"{name}={v}")),
    "--aql": _NUMBERS, "--level": _LEVELS,
    "--seed": st.integers(min_value=-1, max_value=2**64).map(str),
})


@settings(max_examples=60, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(options=_SAMPLE_OPTIONS, json_out=st.booleans())
def test_sample_never_exits_1(db, options, json_out) -> None:
    argv = ["sample", "--db", db, "--include-sampled", "--round", next(_names), *_argv(options)] + (["--json"] if json_out else [])
    _assert_clean(*run(*argv))


@settings(max_examples=25, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=_NUMBERS)
def test_export_target_never_exits_1(db, tmp_path_factory, target) -> None:
    out_file = Path(tmp_path_factory.mktemp("x")) / "r.xlsx"
    code, out, err = run("export", str(out_file), "--db", db, f"--target={target}", "--round", "none-such")
    _assert_clean(code, out, err)
