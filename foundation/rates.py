"""One rule for every rate a person types: confidence, margin, expected rate, target.

RULE: a number written with % or above 1 is a percentage; otherwise it is a fraction.
So 0.05, 5 and 5% are the same margin, 0.95, 95 and 95% the same confidence, and 1 is 100%.
The CLI options (`sample-size`, `sample`, `export --target`, `--stratum-expected`) and the
round wizard all read rates through `parse_rate`, so the rule cannot differ between them.

An error message quotes the text as typed (not the number it was read as), so a user sees
what they wrote and how it was understood: "got '1.5', read as 1.5%".
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from foundation.errors import WorkbenchError, register

#: The rule, worded once for --help texts, the README and error messages.
RULE = "a number with % or above 1 is a percentage, otherwise a fraction (5, 5% and 0.05 are the same)"

register({
    "rates.number": "{what}: {value!r} is not a number. Give a fraction or a percentage: {rule}.",
    "rates.range": "{what} must be {bounds} (got {value!r}, read as {percent}).",
})

_PERCENT_SIGNS = ("%", "\uff05")   # ASCII and full-width (typed with a Chinese input method)


@dataclass(frozen=True)
class Bounds:
    """The values a rate may take, as fractions; `describe` words them as percentages."""

    low: float
    high: float
    low_included: bool = True
    high_included: bool = True

    def contains(self, value: float) -> bool:
        above = value >= self.low if self.low_included else value > self.low
        below = value <= self.high if self.high_included else value < self.high
        return math.isfinite(value) and above and below

    def describe(self) -> str:
        low = f"at least {percent_text(self.low)}" if self.low_included else f"above {percent_text(self.low)}"
        high = f"at most {percent_text(self.high)}" if self.high_included else f"below {percent_text(self.high)}"
        return f"{low} and {high}"


#: Confidence levels under 50% are typing slips (2 meant as 0.2? as 92%?), not plans.
CONFIDENCE = Bounds(0.5, 1.0, high_included=False)
MARGIN = Bounds(0.0, 0.5, low_included=False)
RATE = Bounds(0.0, 1.0)
TARGET = Bounds(0.0, 1.0, low_included=False)


def percent_text(value: float) -> str:
    """A fraction as a percentage for output: 0.05 -> "5%", without float noise (7.000000000000001)
    yet never rounding a confidence below 100% up to "100%"."""
    text = f"{100 * value:.15g}"
    if value < 1.0 and float(text) >= 100.0:
        text = repr(100 * value)
    return f"{text}%"


def read_rate(text: str) -> float | None:
    """The rule applied to text: 5 -> 0.05, 5% -> 0.05, 0.05 -> 0.05, 1 -> 1.0; None if not a number."""
    raw = str(text).strip()
    percent = raw.endswith(_PERCENT_SIGNS)
    if percent:
        raw = raw[:-1].strip()
    try:
        value = float(raw)
    except (ValueError, OverflowError):
        return None
    if not math.isfinite(value):
        return None
    return value / 100.0 if percent or value > 1.0 else value


def parse_rate(text: str | float, what: str, bounds: Bounds = RATE) -> float:
    """`text` read by the rule, as a fraction within `bounds`; WorkbenchError naming `what` otherwise.

    what: the option or field, as the message should name it (e.g. "--margin").
    """
    value = read_rate(str(text))
    if value is None:
        raise WorkbenchError("rates.number", what=what, value=str(text), rule=RULE)
    if not bounds.contains(value):
        raise WorkbenchError("rates.range", what=what, value=str(text), bounds=bounds.describe(),
                             percent=percent_text(value))
    return value
