"""Words the Trend, Control chart, Funnel plot and Period comparison pages share: a series' name,
a rate with its counts, an interval, and the statistics modules' (English, Chinese) labels in the
window's language.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.case_model import value_label
from ui.charts import percent
from workbench.stats.intervals import Proportion


def word(pair: tuple[str, str], language: str) -> str:
    """The English or Chinese of a (en, zh) label (RULE_LABELS, POSITION_LABELS...)."""
    return pair[1] if language.startswith("zh") else pair[0]


def series_name(group: str | None, key: str | None) -> str:
    """All cases (key None), a department, or an IP type in the window's language."""
    if key is None:
        return QCoreApplication.translate("TrendText", "All cases")
    if group == "ip_type":
        return value_label("ip_type", key)
    return key or QCoreApplication.translate("TrendText", "(no department)")


def rate_with_counts(p: Proportion) -> str:
    """85.0% (102 of 120), or a dash with no reviewed case."""
    if p.rate is None:
        return QCoreApplication.translate("TrendText", "– (none reviewed)")
    text = QCoreApplication.translate("TrendText", "%1 (%2 of %3)")
    return text.replace("%1", percent(p.rate)).replace("%2", str(p.successes)).replace("%3", str(p.n))


def interval(low: float | None, high: float | None, *, signed: bool = False) -> str:
    """95% interval as "80.1%–88.3%" (signed: "-12.3 to +0.4 points")."""
    if low is None or high is None:
        return "–"
    if signed:
        return QCoreApplication.translate("TrendText", "%1 to %2 points").replace("%1", points(low)).replace("%2", points(high))
    return f"{percent(low)}–{percent(high)}"


def points(value: float | None) -> str:
    """A difference of rates in percentage points, signed: +2.5, -10.0."""
    if value is None:
        return "–"
    return "0.0" if round(value * 100, 1) == 0 else f"{value * 100:+.1f}"     # never "-0.0"
