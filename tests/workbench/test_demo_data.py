"""Demo cases: deterministic, realistic, valid numbers, streaming, and the shipped samples."""
from __future__ import annotations

import csv
import datetime
import itertools
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from workbench.importing.dates import parse_date
from workbench.demo.data import (
    APPLICANT_TYPE_LABELS,
    COLUMNS,
    RISK_COLUMNS,
    EXAMINERS,
    IP_TYPE_LABELS,
    PENDENCY_MONTHS,
    SAMPLE_COUNT,
    SAMPLES_DIR,
    DemoCase,
    generate_cases,
    write_csv,
    write_xlsx,
)
from workbench.demo.timeline import REFERENCE_TODAY
from workbench.importing.identifiers import IP_TYPES, parse_application_number, parse_ip_type

SAMPLE_CSV = SAMPLES_DIR / "demo_cases.csv"
SAMPLE_XLSX = SAMPLES_DIR / "demo_cases.xlsx"


@pytest.fixture(scope="module")
def cases() -> list[DemoCase]:
    return list(generate_cases(3000, seed=11))


def test_same_seed_same_cases() -> None:
    assert list(generate_cases(200, seed=5)) == list(generate_cases(200, seed=5))


def test_different_seed_different_cases() -> None:
    assert list(generate_cases(50, seed=5)) != list(generate_cases(50, seed=6))


def test_a_prefix_of_a_longer_run_is_the_shorter_run() -> None:
    assert list(generate_cases(30, seed=5)) == list(itertools.islice(generate_cases(900, seed=5), 30))


def test_generator_streams() -> None:
    """A trillion cases asked for, twenty taken: nothing is built ahead (memory, not the clock,
    shows it, so the test holds on a loaded machine)."""
    import tracemalloc
    tracemalloc.start()
    try:
        cases = generate_cases(10**12, seed=1)
        assert iter(cases) is cases
        first = list(itertools.islice(cases, 20))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(first) == 20 and first == list(generate_cases(20, seed=1))
    assert peak < 20_000_000


def test_count_is_honoured() -> None:
    assert sum(1 for _ in generate_cases(123, seed=3)) == 123
    assert list(generate_cases(0, seed=3)) == []


def test_numbers_are_valid_and_imply_the_ip_type(cases: list[DemoCase]) -> None:
    for case in cases:
        number = parse_application_number(case.application_number, declared_ip_type=case.ip_type)
        assert number.normalized == case.application_number
        assert number.ip_type == case.ip_type
        if case.ip_type == "trademark":
            assert number.office == "CN_TM"
            assert len(case.application_number) == 8
        else:
            assert number.office == "CN"
            assert case.application_number[:4] == str(case.filing_date.year)


def test_trademark_numbers_read_as_trademarks_even_without_a_declared_type(
    cases: list[DemoCase],
) -> None:
    for case in cases:
        if case.ip_type == "trademark":
            assert parse_application_number(case.application_number).ip_type == "trademark"


def test_numbers_are_unique() -> None:
    numbers = [case.application_number for case in generate_cases(30_000, seed=2)]
    assert len(set(numbers)) == len(numbers)


def test_dates(cases: list[DemoCase]) -> None:
    """Decided on a working day in the 24 months before today (the fixed reference day), filed
    within the IP type's pendency bounds before."""
    assert REFERENCE_TODAY == datetime.date(2026, 6, 30)
    for case in cases:
        assert datetime.date(2024, 7, 1) <= case.decision_date < REFERENCE_TODAY
        assert case.decision_date.weekday() < 5
        months = (case.decision_date - case.filing_date).days / 30.44
        _median, _sigma, low, high = PENDENCY_MONTHS[case.ip_type]
        assert low - 0.05 <= months <= high + 0.05, case


def test_today_moves_the_window() -> None:
    today = datetime.date(2023, 3, 15)
    cases = list(generate_cases(500, seed=5, today=today))
    assert min(c.decision_date for c in cases) >= datetime.date(2021, 3, 16)
    assert max(c.decision_date for c in cases) <= datetime.date(2023, 3, 14)
    assert list(generate_cases(500, seed=5, today=today)) == cases


@pytest.mark.parametrize("today", [datetime.date(2009, 1, 1), datetime.date(2031, 12, 31)])
def test_numbers_stay_unique_and_trademark_like_in_any_year(today: datetime.date) -> None:
    cases = list(generate_cases(5000, seed=2, today=today))
    assert len({c.application_number for c in cases}) == len(cases)
    for case in cases:
        if case.ip_type == "trademark":
            assert len(case.application_number) == 8 and int(case.application_number) < 85_000_000


def test_ip_type_mix(cases: list[DemoCase]) -> None:
    shares = {t: n / len(cases) for t, n in Counter(c.ip_type for c in cases).items()}
    expected = {"invention": 0.45, "utility_model": 0.25, "design": 0.15, "trademark": 0.15}
    assert set(shares) == set(IP_TYPES)
    for ip_type, share in expected.items():
        assert abs(shares[ip_type] - share) < 0.04, (ip_type, shares[ip_type])


def test_decisions_and_procedures_fit_the_ip_type(cases: list[DemoCase]) -> None:
    allowed = {
        "invention": ({"授权", "驳回", "视撤"}, "实质审查"),
        "utility_model": ({"授权", "驳回"}, "初步审查"),
        "design": ({"授权", "驳回"}, "初步审查"),
        "trademark": ({"核准注册", "驳回", "部分驳回"}, "商标注册审查"),
    }
    for ip_type, (decisions, procedure) in allowed.items():
        mine = [c for c in cases if c.ip_type == ip_type]
        assert {c.decision for c in mine} == decisions
        assert {c.procedure for c in mine} == {procedure}
    granted = [c.decision == "授权" for c in cases if c.ip_type == "invention"]
    assert 0.45 < sum(granted) / len(granted) < 0.65


def test_each_examiner_works_in_one_department(cases: list[DemoCase]) -> None:
    departments: dict[str, set[str]] = {}
    for case in cases:
        departments.setdefault(case.examiner, set()).add(case.department)
        assert case.examiner in EXAMINERS[case.department]
    assert all(len(d) == 1 for d in departments.values())
    assert 35 <= sum(len(names) for names in EXAMINERS.values()) <= 45


def test_departments_fit_the_ip_type(cases: list[DemoCase]) -> None:
    for case in cases:
        if case.ip_type == "invention":
            assert case.department.endswith("发明审查部")
        elif case.ip_type == "utility_model":
            assert case.department == "实用新型审查部"
        elif case.ip_type == "design":
            assert case.department == "外观设计审查部"
        else:
            assert case.department.startswith("商标审查")


def test_classifications_have_the_scheme_of_the_ip_type(cases: list[DemoCase]) -> None:
    import re

    patterns = {
        "invention": r"[A-H]\d\d[A-Z] \d{1,4}/\d{2,6}",
        "utility_model": r"[A-H]\d\d[A-Z] \d{1,4}/\d{2,6}",
        "design": r"\d\d-\d\d",
        "trademark": r"第([1-9]|[1-3]\d|4[0-5])类",
    }
    for case in cases:
        assert re.fullmatch(patterns[case.ip_type], case.classification), case


def test_texts_look_chinese(cases: list[DemoCase]) -> None:
    applicants = [c.applicant for c in cases]
    assert any(a.endswith("股份有限公司") for a in applicants)
    assert any(a.endswith("有限公司") and not a.endswith("股份有限公司") for a in applicants)
    assert any(a.endswith("大学") for a in applicants)
    assert any("研究" in a for a in applicants)
    assert any(2 <= len(a) <= 3 for a in applicants)  # individuals
    for case in cases:
        if case.ip_type in ("invention", "utility_model"):
            assert case.title.startswith("一种")
        assert case.title and case.applicant and case.examiner


def test_row_matches_columns(cases: list[DemoCase]) -> None:
    row = cases[0].row()
    assert len(row) == len(COLUMNS)
    assert row[1] == IP_TYPE_LABELS[cases[0].ip_type]
    assert parse_ip_type(row[1]) == cases[0].ip_type


def test_write_csv_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    written = list(generate_cases(40, seed=9))
    assert write_csv(path, iter(written), risk_fields=True) == 40
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == COLUMNS + RISK_COLUMNS
    assert [_case_from_row(r) for r in rows[1:]] == written


def test_the_classic_export_has_the_classic_columns_only(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    written = list(generate_cases(10, seed=9))
    write_csv(path, written)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == COLUMNS
    assert [_case_from_row(r).row() for r in rows[1:]] == [c.row() for c in written]


def test_write_xlsx_round_trip(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "cases.xlsx"
    written = list(generate_cases(40, seed=9))
    assert write_xlsx(path, iter(written), risk_fields=True) == 40
    sheet = load_workbook(path, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COLUMNS + RISK_COLUMNS
    assert [_case_from_row(r) for r in rows[1:]] == written
    assert isinstance(rows[1][9], datetime.datetime)  # a real date cell, not text


def test_shipped_csv_has_300_valid_cases() -> None:
    with open(SAMPLE_CSV, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == COLUMNS + RISK_COLUMNS
    assert len(rows) - 1 == SAMPLE_COUNT == 300
    for row in rows[1:]:
        case = _case_from_row(row)
        assert parse_application_number(row[0], declared_ip_type=case.ip_type).normalized == row[0]


def test_shipped_files_are_the_generator_output() -> None:
    from openpyxl import load_workbook

    expected = list(generate_cases(300, seed=2022))
    with open(SAMPLE_CSV, encoding="utf-8-sig", newline="") as handle:
        assert [_case_from_row(r) for r in list(csv.reader(handle))[1:]] == expected
    sheet = load_workbook(SAMPLE_XLSX, read_only=True).active
    assert [_case_from_row(r) for r in list(sheet.iter_rows(values_only=True))[1:]] == expected


def _case_from_row(row: tuple[object, ...] | list[str]) -> DemoCase:
    values = list(row)
    filing, decision = parse_date(values[9]), parse_date(values[10])
    assert filing is not None and decision is not None
    ip_type = parse_ip_type(values[1])
    assert ip_type is not None
    case = DemoCase(str(values[0]), ip_type, *map(str, values[2:9]), filing, decision)
    if len(values) == len(COLUMNS):
        return case
    agent, kind, abstract, nice, use = ("" if v is None else str(v) for v in values[len(COLUMNS):])
    kinds = {label: code for code, label in APPLICANT_TYPE_LABELS.items()}
    return replace(case, agent=agent, applicant_type=kinds.get(kind, ""), abstract=abstract, nice_classes=nice,
                   use_shown={"是": 1, "否": 0}.get(use))
