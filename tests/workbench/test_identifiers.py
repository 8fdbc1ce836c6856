"""Application numbers and IP types: parsing, normalising and check characters."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foundation.errors import WorkbenchError
from workbench.importing.identifiers import (
    IP_TYPES,
    ApplicationNumber,
    cn_check_char,
    ep_check_digit,
    parse_application_number,
    parse_ip_type,
)


@pytest.mark.parametrize(
    ("digits", "check"),
    [
        ("202210123456", "1"),
        ("201710601862", "3"),
        ("95115608", "X"),
        ("200310123456", "9"),
        ("000000000000", "0"),
    ],
)
def test_cn_check_char(digits: str, check: str) -> None:
    assert cn_check_char(digits) == check


@pytest.mark.parametrize(("digits", "check"), [("99403122", "7"), ("00000000", "0")])
def test_ep_check_digit(digits: str, check: str) -> None:
    assert ep_check_digit(digits) == check


# --- Chinese patents, 12 digits ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "202210123456.1",
        "202210123456",
        "2022101234561",
        " 202210123456.1 ",
        "2022 1 0123456.1",
        "CN202210123456.1",
        "cn202210123456.1",
        "CN 202210123456.1",
        "ZL202210123456.1",
        "ZL 202210123456.1",
        "CN ZL 202210123456.1",
        "ZL CN 202210123456.1",
        "ZL202210123456",
        "２０２２１０１２３４５６．１",
        "ＺＬ２０２２１０１２３４５６",
        "2022\u300010123456.1",  # ideographic space
        202210123456,
        202210123456.0,
        Decimal("202210123456"),
    ],
)
def test_cn_invention_forms(text: object) -> None:
    assert parse_application_number(text) == ApplicationNumber(
        "202210123456.1", "CN", "invention", pct=False
    )


@pytest.mark.parametrize(
    ("text", "normalized", "ip_type", "pct"),
    [
        ("201710601862", "201710601862.3", "invention", False),
        ("202220123456", f"202220123456.{cn_check_char('202220123456')}", "utility_model", False),
        ("202230123456", f"202230123456.{cn_check_char('202230123456')}", "design", False),
        ("202280123456", f"202280123456.{cn_check_char('202280123456')}", "invention", True),
        ("202290123456", f"202290123456.{cn_check_char('202290123456')}", "utility_model", True),
        ("200310123456.9", "200310123456.9", "invention", False),
        ("198510000001", f"198510000001.{cn_check_char('198510000001')}", "invention", False),
    ],
)
def test_cn_type_digit(text: str, normalized: str, ip_type: str, pct: bool) -> None:
    assert parse_application_number(text) == ApplicationNumber(normalized, "CN", ip_type, pct)


def test_a_twelve_digit_number_declared_trademark_is_still_a_patent() -> None:
    number = parse_application_number("202210123456", declared_ip_type="trademark")
    assert (number.office, number.ip_type) == ("CN", "invention")


@pytest.mark.parametrize(
    ("text", "expected", "found"),
    [
        ("202210123456.2", "1", "2"),
        ("2022101234562", "1", "2"),
        ("202210123456.x", "1", "X"),
        ("CN201710601862.4", "3", "4"),
        ("95115608.1", "X", "1"),
        ("９５１１５６０８．０", "X", "0"),
    ],
)
def test_wrong_check_char(text: str, expected: str, found: str) -> None:
    with pytest.raises(WorkbenchError) as caught:
        parse_application_number(text)
    assert caught.value.code == "id.bad_check"
    assert caught.value.params == {"value": text.strip(), "expected": expected, "found": found}
    assert f"should be {expected}, found {found}" in str(caught.value)
    assert text.strip() in str(caught.value)


@pytest.mark.parametrize("text", ["202240123456", "202200123456.0", "202270123456", "95415608"])
def test_bad_type_digit(text: str) -> None:
    with pytest.raises(WorkbenchError) as caught:
        parse_application_number(text, declared_ip_type="invention")
    assert caught.value.code == "id.bad_type_digit"
    assert text in str(caught.value)


@pytest.mark.parametrize("text", ["198410123456", "210010123456", "000010123456", "84115608.X"])
def test_bad_year(text: str) -> None:
    with pytest.raises(WorkbenchError) as caught:
        parse_application_number(text)
    assert caught.value.code == "id.bad_year"
    assert text in str(caught.value)


def test_next_year_is_allowed_but_not_the_one_after() -> None:
    import datetime

    year = datetime.date.today().year
    assert parse_application_number(f"{year + 1}10123456").ip_type == "invention"
    with pytest.raises(WorkbenchError) as caught:
        parse_application_number(f"{year + 2}10123456")
    assert caught.value.code == "id.bad_year"


# --- Chinese patents, 8 digits, and trademarks ------------------------------------------


@pytest.mark.parametrize(
    ("text", "declared"),
    [
        ("95115608.X", None),
        ("95115608X", None),
        ("95115608.x", None),
        ("95115608", None),
        ("95115608", "invention"),
        (95115608, None),
        (95115608.0, None),
        ("CN95115608", None),
        ("ZL95115608X", None),
        ("ZL 95115608.X", None),
        ("９５１１５６０８.Ｘ", None),
        ("95115608.X", "trademark"),  # the check character makes it a patent
    ],
)
def test_cn_old_patent_forms(text: object, declared: str | None) -> None:
    assert parse_application_number(text, declared_ip_type=declared) == ApplicationNumber(
        "95115608.X", "CN", "invention"
    )


def test_old_patent_type_digits() -> None:
    assert parse_application_number("01200001").ip_type == "utility_model"
    assert parse_application_number("01300001").ip_type == "design"
    assert parse_application_number("01800001").pct


@pytest.mark.parametrize(
    ("text", "declared", "normalized"),
    [
        ("95115608", "trademark", "95115608"),
        ("1234567", None, "1234567"),
        ("12345678", None, "12345678"),  # year 2012 cannot be an 8-digit patent number
        ("41234567", None, "41234567"),
        ("123456789", None, "123456789"),
        ("951156083", None, "951156083"),  # 9 digits: not 8 digits plus a check digit
        (60123456, "trademark", "60123456"),
        (60123456.0, None, "60123456"),
        ("６０１２３４５６", None, "60123456"),
        (" 6012 3456 ", None, "60123456"),
        ("1234567", "invention", "1234567"),  # a 7-digit number can only be a trademark
    ],
)
def test_trademark_numbers(text: object, declared: str | None, normalized: str) -> None:
    assert parse_application_number(text, declared_ip_type=declared) == ApplicationNumber(
        normalized, "CN_TM", "trademark"
    )


def test_eight_bare_digits_declared_as_a_patent_must_be_a_valid_patent() -> None:
    with pytest.raises(WorkbenchError) as caught:
        parse_application_number("41234567", declared_ip_type="design")
    assert caught.value.code == "id.bad_year"


# --- Other offices ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("PCT/CN2022/123456", "PCT/CN2022/123456"),
        ("pct/cn2022/123456", "PCT/CN2022/123456"),
        (" PCT / CN2022 / 123456 ", "PCT/CN2022/123456"),
        ("ＰＣＴ／ＣＮ２０２２／１２３４５６", "PCT/CN2022/123456"),
        ("PCT/US2019/000001", "PCT/US2019/000001"),
        ("PCT/CN02/00123", "PCT/CN02/00123"),
    ],
)
def test_pct(text: str, normalized: str) -> None:
    assert parse_application_number(text) == ApplicationNumber(normalized, "PCT", None, pct=True)


def test_pct_year_is_checked() -> None:
    with pytest.raises(WorkbenchError) as caught:
        parse_application_number("PCT/CN1970/123456")
    assert caught.value.code == "id.bad_year"


@pytest.mark.parametrize(
    "text", ["EP99403122.7", "EP 99403122", "EP994031227", "ep 99403122.7", "ＥＰ９９４０３１２２"]
)
def test_ep(text: str) -> None:
    assert parse_application_number(text) == ApplicationNumber("EP99403122.7", "EP", "invention")


def test_ep_wrong_check() -> None:
    with pytest.raises(WorkbenchError) as caught:
        parse_application_number("EP99403122.3")
    assert (caught.value.code, caught.value.params["expected"]) == ("id.bad_check", "7")


def test_ep_digits_without_prefix_are_read_as_chinese() -> None:
    # Without "EP", 99403122.7 is an old Chinese patent number, and type digit 4 does not exist.
    with pytest.raises(WorkbenchError) as caught:
        parse_application_number("99403122.7")
    assert caught.value.code == "id.bad_type_digit"


@pytest.mark.parametrize(
    ("text", "normalized", "ip_type"),
    [
        ("16/123,456", "US16/123,456", "invention"),
        ("16/123456", "US16/123,456", "invention"),
        ("US 16/123456", "US16/123,456", "invention"),
        ("US16/123,456", "US16/123,456", "invention"),
        ("US16123456", "US16/123,456", "invention"),
        ("us 16 123 456", "US16/123,456", "invention"),
        ("29/765,432", "US29/765,432", "design"),
        ("１６／１２３，４５６", "US16/123,456", "invention"),
    ],
)
def test_us(text: str, normalized: str, ip_type: str) -> None:
    assert parse_application_number(text) == ApplicationNumber(normalized, "US", ip_type)


# --- Refused values ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [None, "", "   ", "\u3000", float("nan")])
def test_empty(text: object) -> None:
    with pytest.raises(WorkbenchError) as caught:
        parse_application_number(text)
    assert caught.value.code == "id.empty"


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "123456",  # too short for anything
        "1234567890",
        "20221012345",  # 11 digits
        "2022101234567.1",
        "CN1234567",  # a prefix says patent, 7 digits are not one
        "CN1234567890",
        "CN202210123456.1A",
        "202210123456.Y",
        "PCT/CN2022/12345",
        "EP1234567",
        "US1/123456",
        "202210123456.0.1",
        3.5,
        -202210123456,
        True,
        float("inf"),
        "２０２２年",
    ],
)
def test_unrecognised(text: object) -> None:
    with pytest.raises(WorkbenchError) as caught:
        parse_application_number(text)
    assert caught.value.code == "id.unrecognised"
    assert str(text).strip() in str(caught.value)


# --- IP types ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ip_type"),
    [
        ("发明", "invention"),
        ("发明专利", "invention"),
        ("发明专利申请", "invention"),
        ("invention", "invention"),
        ("Invention Patent", "invention"),
        ("INVENTION", "invention"),
        ("1", "invention"),
        (1, "invention"),
        (1.0, "invention"),
        ("１", "invention"),
        ("实用新型", "utility_model"),
        ("实用新型专利", "utility_model"),
        ("utility model", "utility_model"),
        ("Utility_Model", "utility_model"),
        ("utility-model", "utility_model"),
        ("ｕｔｉｌｉｔｙ ｍｏｄｅｌ", "utility_model"),
        ("2", "utility_model"),
        ("外观设计", "design"),
        ("外观设计专利", "design"),
        ("design", "design"),
        ("Industrial Design", "design"),
        ("3", "design"),
        ("商标", "trademark"),
        ("商标注册", "trademark"),
        ("trademark", "trademark"),
        ("Trade Mark", "trademark"),
        (" 发 明 ", "invention"),
    ]
    + [(name, name) for name in IP_TYPES],
)
def test_parse_ip_type(text: object, ip_type: str) -> None:
    assert parse_ip_type(text) == ip_type


@pytest.mark.parametrize("text", [None, "", "  ", "\u3000"])
def test_parse_ip_type_empty(text: object) -> None:
    assert parse_ip_type(text) is None


@pytest.mark.parametrize("text", ["专利", "patent", "4", "copyright", "发明 实用新型", True])
def test_parse_ip_type_unknown(text: object) -> None:
    with pytest.raises(WorkbenchError) as caught:
        parse_ip_type(text)
    assert caught.value.code == "id.bad_ip_type"
    assert str(text) in str(caught.value)


# --- Properties ---------------------------------------------------------------------------


def _cn12() -> st.SearchStrategy[str]:
    return st.builds(
        lambda year, digit, serial: f"{year}{digit}{serial:07d}",
        st.integers(1985, 2026),
        st.sampled_from("12389"),
        st.integers(0, 9_999_999),
    )


_PLAUSIBLE = st.one_of(
    _cn12(),
    _cn12().map(lambda d: f"CN {d}.{cn_check_char(d)}"),
    st.builds(lambda n: f"{n:08d}", st.integers(0, 99_999_999)),
    st.builds(str, st.integers(1_000_000, 999_999_999)),
    st.builds(lambda n: f"EP {n:08d}", st.integers(0, 99_999_999)),
    st.builds(lambda s, n: f"US{s:02d}/{n:06d}", st.integers(0, 99), st.integers(0, 999_999)),
    st.builds(lambda y, n: f"PCT/CN{y}/{n:06d}", st.integers(1978, 2026), st.integers(0, 999_999)),
    st.text(alphabet="0123456789０１２３.．XxCNZLPEUS/ ,", max_size=20),
    st.text(),
)
_DECLARED = st.one_of(st.none(), st.sampled_from(IP_TYPES))


@given(text=_PLAUSIBLE, declared=_DECLARED)
def test_only_workbench_errors_escape_and_normalising_is_a_fixed_point(
    text: str, declared: str | None
) -> None:
    try:
        number = parse_application_number(text, declared_ip_type=declared)
    except WorkbenchError:
        return
    assert number.normalized.isascii()
    again = parse_application_number(number.normalized, declared_ip_type=declared)
    assert again == number
    if number.ip_type is not None:
        assert number.ip_type in IP_TYPES


@given(value=st.one_of(st.integers(), st.floats(), st.none(), st.booleans()))
def test_numbers_only_raise_workbench_errors(value: object) -> None:
    try:
        parse_application_number(value)
    except WorkbenchError:
        pass


@given(text=st.text())
def test_ip_type_only_raises_workbench_errors(text: str) -> None:
    try:
        assert parse_ip_type(text) in (None, *IP_TYPES)
    except WorkbenchError:
        pass


@pytest.mark.parametrize("text", ["२०२२१०१२३४५६", "٢٠٢٢١٠١٢٣٤٥٦"])
def test_digits_of_other_scripts_are_refused(text: str) -> None:
    # NFKC does not map them to ASCII, and a stored number must be plain ASCII.
    with pytest.raises(WorkbenchError) as caught:
        parse_application_number(text)
    assert caught.value.code == "id.unrecognised"
