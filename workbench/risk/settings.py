"""What the risk indicators count and where they fire: the thresholds (one frozen value, stored
with every run), the points each indicator adds, the score that combines them and its bands.
docs/risk.md gives the reasons for every default."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Mapping

from workbench.review.checklists import Text

#: Indicator codes, in the order explanations list them (the codes every package uses).
CODES = ("applicant_burst", "agent_burst", "near_duplicate", "bulk_same_day", "natural_person_volume",
         "trademark_hoarding", "trademark_bulk_same_day")

BANDS = ("none", "low", "medium", "high")
BAND_LABELS: dict[str, Text] = {
    "none": Text("none", "无"), "low": Text("low", "低"), "medium": Text("medium", "中"), "high": Text("high", "高"),
}
INDICATOR_LABELS: dict[str, Text] = {
    "applicant_burst": Text("Applicant filing burst", "申请人短期集中申请"),
    "agent_burst": Text("Agent filing burst", "代理机构短期集中申请"),
    "near_duplicate": Text("Near-duplicate title or abstract", "名称或摘要近似重复"),
    "bulk_same_day": Text("Bulk filing on one day", "同日批量申请"),
    "natural_person_volume": Text("Many filings by one natural person", "自然人大量申请"),
    "trademark_hoarding": Text("Trademark hoarding", "商标恶意囤积"),
    "trademark_bulk_same_day": Text("Bulk trademark filing on one day", "同日批量商标申请"),
}


@dataclass(frozen=True)
class RiskSettings:
    """Thresholds of the indicators (an indicator fires at or above each), their points and the
    band limits. Every value is argued for in docs/risk.md."""

    burst_window_days: int = 30          # the short window
    burst_history_days: int = 365        # the history it is compared with, just before the window
    burst_min_filings: int = 10          # at least this many filings in the window...
    burst_ratio: float = 5.0             # ...and at least this many times the mean per window in the history
    near_duplicate_similarity: float = 0.5   # Jaccard similarity of the character 3-gram sets
    near_duplicate_min: int = 3          # at least this many other applications near-duplicate this one
    near_duplicate_min_chars: int = 8    # texts shorter than this (normalised) are not compared
    near_duplicate_window_days: int = 90  # ...and filed within this many days of each other
    bulk_applicant_per_day: int = 10     # patent filings by one applicant on one day
    bulk_agent_per_day: int = 30         # patent filings by one agent on one day
    natural_person_per_year: int = 10    # patent filings by one natural person in one calendar year
    hoarding_min_marks: int = 20         # trademark applications held by one applicant
    hoarding_min_classes: int = 10       # distinct Nice classes they cover
    hoarding_max_use_share: float = 0.1  # at most this share of them (where known) shows use
    trademark_bulk_per_day: int = 50     # trademark filings by one applicant on one day (more than one mark in all 45 classes)
    points: tuple[tuple[str, float], ...] = (
        ("applicant_burst", 0.4), ("agent_burst", 0.4), ("near_duplicate", 0.5), ("bulk_same_day", 0.3),
        ("natural_person_volume", 0.3), ("trademark_hoarding", 0.6), ("trademark_bulk_same_day", 0.3))
    low_from: float = 0.0                # score above this: low
    medium_from: float = 0.35            # at or above: medium (one indicator of 0.4 or 0.5)
    high_from: float = 0.6               # at or above: high (hoarding alone, or two indicators together)

    def point(self, code: str) -> float:
        return dict(self.points)[code]

    def as_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["points"] = dict(self.points)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "RiskSettings":
        values = dict(data)
        values["points"] = tuple(dict(values.get("points", {})).items()) or cls.points
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})


DEFAULT = RiskSettings()


def combine(points: list[float]) -> float:
    """The score of the indicators that fired: 1 - prod(1 - p_k), the chance that at least one
    of independent signals is right; 0 when none fired, never above 1."""
    remaining = 1.0
    for p in points:
        remaining *= 1.0 - p
    return round(1.0 - remaining, 6)


def band_of(score: float, settings: RiskSettings = DEFAULT) -> str:
    if score >= settings.high_from:
        return "high"
    if score >= settings.medium_from:
        return "medium"
    return "low" if score > settings.low_from else "none"
