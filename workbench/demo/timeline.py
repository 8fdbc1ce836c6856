"""Time in the demo workspace: everything happens in the 24 months before the demo's "today".

Cases are decided on working days in that window and imported month by month (each month's
decisions on the first working day of the next month, the current month's on "today"); a case is
reviewed after its import, and every review, answer, sign-off, round and calibration session lies
between its case's decision and "today" (Beijing office hours, stored in UTC). Nothing depends on
the real clock: the same "today" gives the same dates, so the same seed gives the same workspace.

Quarters are numbered `year * 4 + (month - 1) // 3` (see `quarter`), so "two quarters before" is a
subtraction.
"""
from __future__ import annotations

import calendar
import datetime
import random

#: The demo's "today" when none is given (library calls, tests, screenshots, the shipped samples):
#: fixed, so they give the same cases on any day. The `demo` command uses the real date by default.
REFERENCE_TODAY = datetime.date(2026, 6, 30)
#: How far back decisions go.
WINDOW_MONTHS = 24
#: Beijing time (UTC+8): office hours are Beijing's; timestamps are stored in UTC.
BEIJING = datetime.timezone(datetime.timedelta(hours=8))
#: Reviews start between 09:00 and 16:00 Beijing time; a review takes at most a few hours
#: (active time is capped), so every review ends on the day it started.
DAY_START_MINUTES = 9 * 60
START_SPAN_MINUTES = 7 * 60
#: A case is reviewed within this many days of its import (sooner when "today" comes first).
REVIEW_LAG_DAYS = 45
#: The demo's round is drawn this many days before "today" and reviewed up to "today"; a
#: calibration session starts this many days before "today".
ROUND_DAYS = 14
CALIBRATION_DAYS = 7


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month `months` earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def decision_window(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day a case may be decided on: the 24 months before `today`, not today."""
    return months_before(today, WINDOW_MONTHS) + datetime.timedelta(days=1), today - datetime.timedelta(days=1)


def quarter(day: datetime.date) -> int:
    """A calendar quarter as one number: year * 4 + (0 for January-March ... 3 for October-December)."""
    return day.year * 4 + (day.month - 1) // 3


def quarter_label(number: int) -> str:
    """2025 Q3 for quarter(2025-08-01)."""
    year, index = divmod(number, 4)
    return f"{year} Q{index + 1}"


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5


def working_day(day: datetime.date, *, earliest: datetime.date, latest: datetime.date) -> datetime.date:
    """`day` if it is a working day; else the next one, or the one before when the next is past `latest`;
    `day` itself when neither lies within [earliest, latest] (work on a weekend, then)."""
    if is_working_day(day):
        return day
    after = day + datetime.timedelta(days=7 - day.weekday())        # the Monday after
    if after <= latest:
        return after
    before = day - datetime.timedelta(days=day.weekday() - 4)       # the Friday before
    return before if before >= earliest else day


def working_day_before(day: datetime.date) -> datetime.date:
    """`day`, or the last working day before it."""
    while not is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day


def working_days(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """The working days from `first` to `last`, both included; [last] when there are none."""
    days = [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
    return [d for d in days if is_working_day(d)] or [last]


def beijing(day: datetime.date, minutes: float) -> datetime.datetime:
    """`minutes` after midnight of `day` in Beijing, as a UTC moment."""
    local = datetime.datetime(day.year, day.month, day.day, tzinfo=BEIJING) + datetime.timedelta(minutes=minutes)
    return local.astimezone(datetime.timezone.utc)


def import_day(decided: datetime.date, today: datetime.date) -> datetime.date:
    """When a case decided on `decided` is imported: with its month's export, on the first working
    day of the next month, or on `today` when that is later than today."""
    day = datetime.date(decided.year + decided.month // 12, decided.month % 12 + 1, 1)
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return min(day, today)


def imported_through(day: datetime.date, today: datetime.date) -> datetime.date:
    """The last decision day whose month's import came on or before `day` (a round drawn on `day`
    sees the cases decided up to then)."""
    previous = day.replace(day=1) - datetime.timedelta(days=1)
    if import_day(previous, today) <= day:
        return previous
    return previous.replace(day=1) - datetime.timedelta(days=1)


def month_key(day: datetime.date) -> int:
    """A calendar month as one number (year * 12 + month - 1)."""
    return day.year * 12 + day.month - 1


def review_start(rng: random.Random, decided: datetime.date, today: datetime.date,
                 by_today: bool = True) -> datetime.datetime | None:
    """When the regular review of a case decided on `decided` starts: on a working day within
    REVIEW_LAG_DAYS of its import, in office hours. by_today: never after `today` (the lag is cut
    short); else None when the drawn day is after today (the case is not reviewed yet)."""
    earliest = import_day(decided, today)
    lag = REVIEW_LAG_DAYS if not by_today else min(REVIEW_LAG_DAYS, (today - earliest).days)
    day = earliest + datetime.timedelta(days=rng.randint(0, lag))
    if day > today:
        return None
    day = working_day(day, earliest=earliest, latest=today)
    return beijing(day, DAY_START_MINUTES + rng.uniform(0, START_SPAN_MINUTES))


def spread(n: int, total: int, days: list[datetime.date], rng: random.Random) -> datetime.datetime:
    """The start of the n-th of `total` reviews shared evenly over `days`, each day's in order from 09:00."""
    per_day = max(1, -(-total // len(days)))
    index, slot = divmod(n, per_day)
    minutes = DAY_START_MINUTES + slot / per_day * START_SPAN_MINUTES + rng.uniform(0, 20)
    return beijing(days[min(index, len(days) - 1)], minutes)


def end_of(today: datetime.date) -> datetime.datetime:
    """The last moment the demo may write anything at: 23:00 Beijing on `today`, still `today` in UTC."""
    return beijing(today, 23 * 60)


class DemoClock:
    """A made-up "now" for the domain code the demo calls (a round's draw, a calibration session,
    checklists installed): it starts at a given moment, moves on by a reviewer's pace at each
    reading, keeps to office hours on working days, and never passes `limit` by more than a
    microsecond a reading. Give its `now` to `workbench.audit.chain.use_clock`."""

    def __init__(self, start: datetime.datetime, limit: datetime.datetime, rng: random.Random,
                 step: tuple[float, float] = (20.0, 90.0)) -> None:
        self._at = min(start, limit)
        self._limit = limit
        self._rng = rng
        self._step = step

    def now(self) -> datetime.datetime:
        """This moment; the next reading is a little later."""
        moment = self._at
        self._at = self._next(moment)
        return moment

    def move_to(self, moment: datetime.datetime) -> None:
        """Jump on to `moment` (a later session); never back, never past the limit."""
        self._at = max(self._at, min(moment, self._limit))

    def _next(self, moment: datetime.datetime) -> datetime.datetime:
        if moment >= self._limit:
            return moment + datetime.timedelta(microseconds=1)
        later = moment + datetime.timedelta(seconds=self._rng.uniform(*self._step))
        local = later.astimezone(BEIJING)
        if local.hour >= 17 or not is_working_day(local.date()):     # the session goes on next working day
            day = local.date() + datetime.timedelta(days=1)
            while not is_working_day(day):
                day += datetime.timedelta(days=1)
            later = beijing(day, DAY_START_MINUTES + self._rng.uniform(0, 30))
        return min(later, self._limit)


def moment_on(day: datetime.date, minutes: float, today: datetime.date) -> datetime.datetime:
    """`minutes` after midnight Beijing on the working day on or before `day`, but not before the
    decision window nor after `today`."""
    first, _last = decision_window(today)
    return beijing(min(max(working_day_before(day), first), today), minutes)

