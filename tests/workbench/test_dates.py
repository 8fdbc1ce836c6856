"""Dates from export cells: spreadsheet values, serial numbers and text forms."""
from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.importing.dates import detect_month_first, excel_serial_to_date, parse_date
from foundation.errors import WorkbenchError

JUNE_21 = datetime.date(2022, 6, 21)


@pytest.mark.parametrize(
    "value",
    [
        JUNE_21,
        datetime.datetime(2022, 6, 21, 15, 30),
        44733,
        44733.0,
        44733.99,  # a time of day is dropped
        Decimal("44733"),
        "44733",
        "44733.5",
        " 44733 ",
        20220621,
        20220621.0,
        "2022-06-21",
        "2022-6-21",
        "2022/6/21",
        "2022/06/21",
        "2022.06.21",
        "2022.6.21",
        "2022年6月21日",
        "2022年06月21日",
        "2022 年 6 月 21 日",
        "2022年6月21",
        "20220621",
        "2022-06-21 00:00:00",
        "2022-06-21 10:00",
        "2022-06-21T10:00",
        "2022-06-21T10:00:59.123",
        "2022-06-21T10:00:00Z",
        "2022-06-21T10:00:00+08:00",
        "2022/6/21 0:00",
        "2022年6月21日 08:30",
        "２０２２－０６－２１",
        "２０２２年６月２１日",
        "２０２２／６／２１",
        "２０２２０６２１",
        "21/06/2022",
        "21.06.2022",
        "21-06-2022",
        "06/21/2022",  # the second part can only be the day
        "\t2022-06-21\n",
    ],
)
def test_june_21(value: object) -> None:
    assert parse_date(value) == JUNE_21


@pytest.mark.parametrize(
    ("text", "month_first", "expected"),
    [
        ("06/07/2022", False, datetime.date(2022, 7, 6)),
        ("06/07/2022", True, datetime.date(2022, 6, 7)),
        ("6/7/2022", True, datetime.date(2022, 6, 7)),
        ("21/06/2022", True, JUNE_21),  # the first part above 12 is the day, whatever was asked
        ("06/21/2022", True, JUNE_21),
        ("06/21/2022", False, JUNE_21),
        ("12/12/2022", False, datetime.date(2022, 12, 12)),
        ("1/2/2022 10:00", True, datetime.date(2022, 1, 2)),
    ],
)
def test_year_last(text: str, month_first: bool, expected: datetime.date) -> None:
    assert parse_date(text, month_first=month_first) == expected


@pytest.mark.parametrize("value", [None, "", "   ", "\u3000", float("nan"), Decimal("NaN")])
def test_empty(value: object) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, datetime.date(1900, 1, 1)),
        (59, datetime.date(1900, 2, 28)),
        (61, datetime.date(1900, 3, 1)),
        (18264, datetime.date(1950, 1, 1)),
        (44733, JUNE_21),
        (44733.5, JUNE_21),
        (73415, datetime.date(2100, 12, 31)),
        (2_958_465, datetime.date(9999, 12, 31)),
    ],
)
def test_excel_serial(serial: float, expected: datetime.date) -> None:
    assert excel_serial_to_date(serial) == expected


def test_excel_fake_leap_day() -> None:
    with pytest.raises(WorkbenchError) as caught:
        excel_serial_to_date(60)
    assert caught.value.code == "date.impossible"


@pytest.mark.parametrize("serial", [0, -1, 2_958_466])
def test_excel_serial_beyond_excel(serial: int) -> None:
    with pytest.raises(WorkbenchError) as caught:
        excel_serial_to_date(serial)
    assert caught.value.code == "date.out_of_range"


@pytest.mark.parametrize(
    "value",
    [
        "2022-02-30",
        "2021-02-29",
        "2022-13-01",
        "2022-00-10",
        "2022-06-00",
        "2022-06-31",
        "2022年2月30日",
        "20220230",
        20220230,
        "30/02/2022",
        "13/13/2022",
        "06/31/2022",
        "06/31/2022 10:00",
        60,
    ],
)
def test_impossible(value: object) -> None:
    with pytest.raises(WorkbenchError) as caught:
        parse_date(value, month_first=True)
    assert caught.value.code == "date.impossible"
    assert caught.value.params["value"] == str(value)
    assert str(value) in str(caught.value)


def test_leap_day_is_possible() -> None:
    assert parse_date("2020-02-29") == datetime.date(2020, 2, 29)


@pytest.mark.parametrize(
    "value",
    [
        "1949-12-31",
        "2101-01-01",
        "1900-03-01",
        "0001-01-01",
        "31/12/1949",
        "19491231",
        datetime.date(1949, 12, 31),
        datetime.datetime(2101, 1, 1),
        61,
        18263,  # 1949-12-31
        73416,  # 2101-01-01
        "10000",
        -5,
        10**400,
    ],
)
def test_out_of_range(value: object) -> None:
    with pytest.raises(WorkbenchError) as caught:
        parse_date(value)
    assert caught.value.code == "date.out_of_range"
    assert "1950" in str(caught.value) and "2100" in str(caught.value)


def test_range_ends_are_inside() -> None:
    assert parse_date("1950-01-01") == datetime.date(1950, 1, 1)
    assert parse_date("2100-12-31") == datetime.date(2100, 12, 31)


@pytest.mark.parametrize(
    "value",
    [
        "abc",
        "2022",
        "2022-06",
        "06/2022",
        "2022-06-21-01",
        "2022-06/21",  # mixed separators
        "22-06-21",
        "1234",
        "123456",
        "202206211",
        "2022-06-21 25:00",
        "2022-06-21 10:61",
        "2022-06-21 foo",
        "June 21, 2022",
        "२०२२-०६-२१",  # digits NFKC does not turn into ASCII
        True,
        float("inf"),
        float("-inf"),
        datetime.time(10, 0),
    ],
)
def test_invalid(value: object) -> None:
    with pytest.raises(WorkbenchError) as caught:
        parse_date(value)
    assert caught.value.code == "date.invalid"
    assert str(value) in str(caught.value)


def test_message_shows_the_value_as_written() -> None:
    with pytest.raises(WorkbenchError) as caught:
        parse_date("２０２２－０２－３０")
    assert caught.value.params == {"value": "２０２２－０２－３０"}


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["06/21/2022", "01/02/2022"], True),
        (["06/21/2022", "21/06/2022"], False),  # contradictory: stay day first
        (["01/02/2022", "03/04/2022"], False),  # ambiguous only
        (["21/06/2022", "01/02/2022"], False),
        ([], False),
        (["2022-06-21", 44733, None, "06/21/2022"], True),
        (["１２／３１／２０２２"], True),
        (["12-31-2022 10:00"], True),
        (iter(["06/21/2022"]), True),
    ],
)
def test_detect_month_first(values: list[object], expected: bool) -> None:
    assert detect_month_first(values) is expected


def test_detected_order_parses_the_ambiguous_values() -> None:
    column = ["06/21/2022", "07/01/2022"]
    month_first = detect_month_first(column)
    assert [parse_date(v, month_first=month_first) for v in column] == [
        JUNE_21,
        datetime.date(2022, 7, 1),
    ]


_DATE_LIKE = st.one_of(
    st.text(),
    st.text(alphabet="0123456789０１２-/.年月日 T:", max_size=24),
    st.builds(
        lambda y, m, d, sep: f"{y}{sep}{m}{sep}{d}",
        st.integers(0, 9999),
        st.integers(0, 99),
        st.integers(0, 99),
        st.sampled_from(["-", "/", ".", ""]),
    ),
    st.builds(
        lambda a, b, y: f"{a}/{b}/{y}",
        st.integers(0, 99),
        st.integers(0, 99),
        st.integers(0, 9999),
    ),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.dates(),
    st.datetimes(),
    st.none(),
    st.booleans(),
)


@given(value=_DATE_LIKE, month_first=st.booleans())
def test_only_workbench_errors_escape(value: object, month_first: bool) -> None:
    try:
        result = parse_date(value, month_first=month_first)
    except WorkbenchError as error:
        assert error.code in ("date.invalid", "date.impossible", "date.out_of_range")
        return
    assert result is None or 1950 <= result.year <= 2100


@given(day=st.dates(datetime.date(1950, 1, 1), datetime.date(2100, 12, 31)))
def test_text_forms_round_trip(day: datetime.date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.year}年{day.month}月{day.day}日") == day
    assert parse_date(day.strftime("%Y%m%d")) == day
    assert parse_date(day.strftime("%d/%m/%Y")) == day
    assert parse_date(day.strftime("%m/%d/%Y"), month_first=True) == day


@given(values=st.lists(st.one_of(st.text(), st.integers(), st.none())))
def test_detect_month_first_never_raises(values: list[object]) -> None:
    assert detect_month_first(values) in (True, False)
