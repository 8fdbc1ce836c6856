"""Agreement between reviewers who answered the same checklist items on the same cases (calibration).

Standard library only. A rating table has one row per unit (a case) and one column per rater (a
reviewer); a cell holds the rater's answer (any hashable value) or None (float NaN counts as None)
when that rater gave none. Two rules hold for every coefficient:
- a rater with no rating at all in the table is not a rater of it (their column is dropped), and a
  unit with no rating at all is not a unit of it;
- a unit with a single rating has no pair to agree or disagree, so it enters no observed agreement
  (Gwet's AC1 still counts it in its category shares, as Gwet defines them).

A value that is not defined is None, never an exception: `agreement` says why in `Agreement.reason`.
Each coefficient is computed from per-unit rows of numbers whose column sums decide it, so a
bootstrap replicate only sums the rows of the units it drew (`agreement` with 1000 replicates for a
40-case, 6-reviewer item takes 30-50 ms).
docs/statistics.md gives the formulas and their references; tests/data/agreement_reference.py
computes reference values with statsmodels, krippendorff and irrCAC.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Callable, Hashable, Literal, Sequence

from foundation.errors import WorkbenchError
from workbench.stats.intervals import percentile

Table = Sequence[Sequence[Hashable | None]]
Level = Literal["nominal", "ordinal"]

#: Why a value is not defined (Agreement.reason); "" when it is.
TOO_FEW_RATERS = "too_few_raters"            # fewer than two raters gave any rating
TOO_FEW_UNITS = "too_few_units"              # no unit has the ratings the coefficient needs
NO_COMPLETE_UNITS = "no_complete_units"      # Fleiss' kappa: no unit rated by every rater
ONE_CATEGORY = "one_category"                # every rating in one category: chance agreement is 1, 0/0

#: (English, Simplified Chinese) for each reason code, for the window and the report.
REASON_LABELS: dict[str, tuple[str, str]] = {
    TOO_FEW_RATERS: ("Fewer than two reviewers answered", "作答的评查人少于两名"),
    TOO_FEW_UNITS: ("No case was answered by two reviewers", "没有案件由两名评查人作答"),
    NO_COMPLETE_UNITS: ("No case was answered by every reviewer", "没有案件由全部评查人作答"),
    ONE_CATEGORY: ("Every answer is the same, so chance agreement is complete",
                   "所有答案相同，机遇一致性为百分之百，无法计算"),
}

#: Landis & Koch (1977) bands: (code, highest value in the band); the upper bound is inclusive.
BANDS: tuple[tuple[str, float], ...] = (
    ("poor", 0.0), ("slight", 0.20), ("fair", 0.40), ("moderate", 0.60), ("substantial", 0.80),
)
#: (English, Simplified Chinese) for each band code of `band`.
BAND_LABELS: dict[str, tuple[str, str]] = {
    "poor": ("Poor", "一致性差"),
    "slight": ("Slight", "轻微一致"),
    "fair": ("Fair", "一般一致"),
    "moderate": ("Moderate", "中等一致"),
    "substantial": ("Substantial", "高度一致"),
    "almost_perfect": ("Almost perfect", "几乎完全一致"),
    "undefined": ("Cannot be computed", "无法计算"),
}

MIN_REPLICATES = 20     # fewer defined bootstrap replicates than this give no interval


@dataclass(frozen=True)
class Agreement:
    """One coefficient with its percentile bootstrap interval.

    `measure`: "percent_agreement", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha_nominal",
    "krippendorff_alpha_ordinal" or "gwet_ac1". `units`: the units (cases) the coefficient's observed
    agreement used (for kappa: the units rated by both raters, or by every rater). `reason`: a code
    of REASON_LABELS when `value` is None, else "". `low`/`high` are None when there is no interval
    (fewer than 2 units, or fewer than MIN_REPLICATES replicates where the coefficient is defined).
    """

    measure: str
    value: float | None
    low: float | None
    high: float | None
    units: int
    reason: str


def band(value: float | None) -> str:
    """The Landis & Koch (1977) band of a kappa-like value: "poor" below 0, "slight" up to 0.20,
    "fair" up to 0.40, "moderate" up to 0.60, "substantial" up to 0.80, "almost_perfect" above;
    "undefined" for None or NaN. Labels: BAND_LABELS."""
    if value is None or math.isnan(value):
        return "undefined"
    for code, top in BANDS:
        if (value < top) if code == "poor" else (value <= top):
            return code
    return "almost_perfect"


# --- the table, coded -------------------------------------------------------------------------

def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


@dataclass(frozen=True)
class _Coded:
    """A rating table with categories as indices: only raters and units with a rating are kept."""

    categories: tuple[Hashable, ...]
    units: tuple[tuple[int | None, ...], ...]
    raters: int

    def counts(self, unit: tuple[int | None, ...]) -> list[int]:
        """How many ratings the unit has in each category."""
        found = [0] * len(self.categories)
        for index in unit:
            if index is not None:
                found[index] += 1
        return found


def _categories(values: list[Hashable], scale: Sequence[Hashable] | None, ordered: bool) -> tuple[Hashable, ...]:
    if scale is not None:
        categories = tuple(scale)
        if len(set(categories)) != len(categories):
            raise ValueError(f"the categories {categories!r} list a value twice")
        unknown = set(values) - set(categories)
        if unknown:
            raise ValueError(f"ratings {sorted(map(repr, unknown))} are not among the categories {categories!r}")
        return categories
    distinct = list(dict.fromkeys(values))       # first-seen order, for values that cannot be sorted
    try:
        return tuple(sorted(distinct))
    except TypeError:
        if ordered:
            raise ValueError("the ratings cannot be sorted: give their order") from None
        return tuple(distinct)


def _code(table: Table, scale: Sequence[Hashable] | None = None, ordered: bool = False) -> _Coded:
    """The table with each rating replaced by its category's index in `scale` (else the sorted values)."""
    rows = [list(row) for row in table]
    width = len(rows[0]) if rows else 0
    if any(len(row) != width for row in rows):
        raise ValueError("every row of a rating table needs one cell per rater")
    rows = [[None if _missing(cell) else cell for cell in row] for row in rows]
    kept = [j for j in range(width) if any(row[j] is not None for row in rows)]
    categories = _categories([c for row in rows for c in row if c is not None], scale, ordered)
    index = {category: i for i, category in enumerate(categories)}
    units = tuple(tuple(None if row[j] is None else index[row[j]] for j in kept)
                  for row in rows if any(cell is not None for cell in row))
    return _Coded(categories=categories, units=units, raters=len(kept))


# --- each coefficient as column sums of per-unit rows ---------------------------------------

Finish = Callable[[Sequence[float]], tuple[float | None, str]]


@dataclass(frozen=True)
class _Summary:
    """A coefficient as per-unit rows of numbers: the coefficient is `finish` of their column sums.
    Column 0 counts the units the observed agreement uses; `finish` is called only when it is not 0."""

    measure: str
    rows: tuple[tuple[float, ...], ...]
    finish: Finish
    reason: str = ""        # set when the coefficient cannot be defined for any resample

    def conclude(self, totals: Sequence[float]) -> tuple[float | None, str, int]:
        """(value, reason, units) from the column sums of the rows of the units drawn."""
        if self.reason or not totals or totals[0] == 0:
            return None, self.reason or TOO_FEW_UNITS, 0
        value, reason = self.finish(totals)
        return value, reason, round(totals[0])

    def evaluate(self) -> tuple[float | None, str, int]:
        """(value, reason, units) over every unit."""
        return self.conclude(_column_sums(self.rows))


def _column_sums(rows: Sequence[Sequence[float]]) -> list[float]:
    # At most a few hundred terms, mostly small integers: plain sums are exact enough.
    return list(map(sum, zip(*rows)))


def _share_agreeing(counts: list[int]) -> float:
    """The share of a unit's ordered pairs of ratings that agree."""
    rated = sum(counts)
    return sum(c * (c - 1) for c in counts) / (rated * (rated - 1))


def _percent_summary(coded: _Coded) -> _Summary:
    """Rows (pairable, share of agreeing pairs)."""
    rows = []
    for unit in coded.units:
        counts = coded.counts(unit)
        rows.append((1.0, _share_agreeing(counts)) if sum(counts) >= 2 else (0.0, 0.0))

    def finish(totals: Sequence[float]) -> tuple[float | None, str]:
        return totals[1] / totals[0], ""

    return _Summary("percent_agreement", tuple(rows), finish, _raters_reason(coded))


def _raters_reason(coded: _Coded) -> str:
    return TOO_FEW_RATERS if coded.raters < 2 else ""


def _ac1_summary(coded: _Coded, q: int) -> _Summary:
    """Gwet's AC1 with missing ratings (Gwet 2014, as irrCAC's `gwet()`): observed agreement p_a over
    units with two ratings or more, category shares pi_k = mean over every rated unit of r_ik / r_i,
    chance agreement p_e = sum pi_k (1 - pi_k) / (q - 1). Rows (pairable, agreeing share, 1, r_ik / r_i...)."""
    rows = []
    for unit in coded.units:
        counts = coded.counts(unit)
        rated = sum(counts)
        shares = tuple(c / rated for c in counts)
        pair = (1.0, _share_agreeing(counts)) if rated >= 2 else (0.0, 0.0)
        rows.append(pair + (1.0,) + shares)

    def finish(totals: Sequence[float]) -> tuple[float | None, str]:
        observed = totals[1] / totals[0]
        if q < 2:
            return 1.0, ""      # one possible answer: every pair agrees, and Gwet's AC1 is 1
        shares = [total / totals[2] for total in totals[3:]]
        chance = sum(p * (1.0 - p) for p in shares) / (q - 1)    # at most 1/q, so never 1
        return (observed - chance) / (1.0 - chance), ""

    return _Summary("gwet_ac1", tuple(rows), finish, _raters_reason(coded))


def _used(totals: Sequence[float]) -> int:
    return sum(1 for total in totals if total > 0)


def _cohen_summary(coded: _Coded) -> _Summary:
    """Cohen's kappa over the units both raters rated. Rows (both rated, agree, rater 1's category
    as q indicators, rater 2's as q indicators)."""
    q = len(coded.categories)
    rows = []
    for unit in coded.units:
        first, second = (unit + (None, None))[:2]
        if first is None or second is None:
            rows.append((0.0,) * (2 + 2 * q))
            continue
        indicators = [0.0] * (2 * q)
        indicators[first] = 1.0
        indicators[q + second] = 1.0
        rows.append((1.0, float(first == second), *indicators))

    def finish(totals: Sequence[float]) -> tuple[float | None, str]:
        n = totals[0]
        firsts, seconds = totals[2:2 + q], totals[2 + q:]
        if _used([a + b for a, b in zip(firsts, seconds)]) < 2:
            return None, ONE_CATEGORY
        chance = sum(a * b for a, b in zip(firsts, seconds)) / (n * n)
        return (totals[1] / n - chance) / (1.0 - chance), ""

    return _Summary("cohen_kappa", tuple(rows), finish, _raters_reason(coded))


def _fleiss_summary(coded: _Coded) -> _Summary:
    """Fleiss' kappa (1971) over the units rated by every rater: his formula assumes the same number
    of ratings m in every unit. Rows (complete, P_i, r_i1 ... r_iq) for complete units, zeros else."""
    q, m = len(coded.categories), coded.raters
    rows = []
    for unit in coded.units:
        counts = coded.counts(unit)
        complete = m >= 2 and sum(counts) == m
        rows.append((1.0, _share_agreeing(counts), *map(float, counts)) if complete else (0.0,) * (2 + q))

    def finish(totals: Sequence[float]) -> tuple[float | None, str]:
        n = totals[0]
        if _used(totals[2:]) < 2:
            return None, ONE_CATEGORY
        chance = sum((total / (n * m)) ** 2 for total in totals[2:])
        return (totals[1] / n - chance) / (1.0 - chance), ""

    reason = _raters_reason(coded)
    if not reason and not any(row[0] for row in rows):
        reason = NO_COMPLETE_UNITS
    return _Summary("fleiss_kappa", tuple(rows), finish, reason)


def _ordinal_distances(margins: Sequence[float]) -> list[list[float]]:
    """Krippendorff's (2011) ordinal metric: delta_ck = (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2, the
    categories in their order, n_g the coincidence matrix's margins."""
    q = len(margins)
    cumulative = [0.0]
    for margin in margins:
        cumulative.append(cumulative[-1] + margin)
    delta = [[0.0] * q for _ in range(q)]
    for c in range(q):
        for k in range(c + 1, q):
            span = cumulative[k + 1] - cumulative[c] - (margins[c] + margins[k]) / 2.0
            delta[c][k] = delta[k][c] = span * span
    return delta


def _alpha_summary(coded: _Coded, level: Level) -> _Summary:
    """Krippendorff's alpha from the coincidence matrix (Krippendorff 2011): a unit with m_u >= 2
    ratings adds, for each ordered pair of its ratings (c, k), 1 / (m_u - 1) to o_ck; then
    alpha = 1 - (n - 1) sum o_ck delta_ck / sum n_c n_k delta_ck. Rows (pairable, o_11 ... o_qq)."""
    q = len(coded.categories)
    rows = []
    for unit in coded.units:
        counts = coded.counts(unit)
        rated = sum(counts)
        if rated < 2:
            rows.append((0.0,) * (1 + q * q))
            continue
        rows.append((1.0, *((counts[c] * (counts[k] - (c == k)) / (rated - 1))
                            for c in range(q) for k in range(q))))

    def finish(totals: Sequence[float]) -> tuple[float | None, str]:
        matrix = [totals[1 + c * q:1 + (c + 1) * q] for c in range(q)]
        margins = [math.fsum(row) for row in matrix]
        if _used(margins) < 2:
            return None, ONE_CATEGORY
        delta = (_ordinal_distances(margins) if level == "ordinal"
                 else [[float(c != k) for k in range(q)] for c in range(q)])
        observed = math.fsum(matrix[c][k] * delta[c][k] for c in range(q) for k in range(q))
        expected = math.fsum(margins[c] * margins[k] * delta[c][k] for c in range(q) for k in range(q))
        return 1.0 - (math.fsum(margins) - 1.0) * observed / expected, ""

    return _Summary(f"krippendorff_alpha_{level}", tuple(rows), finish, _raters_reason(coded))


def _kappa_summary(coded: _Coded) -> _Summary:
    return _cohen_summary(coded) if coded.raters <= 2 else _fleiss_summary(coded)


def _check_level(level: str) -> None:
    if level not in ("nominal", "ordinal"):
        raise ValueError(f"level must be 'nominal' or 'ordinal' (got {level!r})")


# --- the coefficients -----------------------------------------------------------------------

def percent_agreement(table: Table) -> float | None:
    """Mean over the units with two ratings or more of the share of their rater pairs that agree."""
    return _percent_summary(_code(table)).evaluate()[0]


def cohen_kappa(table: Table) -> float | None:
    """Cohen's (1960) kappa of two raters over the units both rated: (p_o - p_e) / (1 - p_e), p_e from
    each rater's own category shares. A table with more than two raters who gave ratings is an error."""
    coded = _code(table)
    if coded.raters > 2:
        raise ValueError(f"Cohen's kappa compares two raters; this table has {coded.raters}: use fleiss_kappa")
    return _cohen_summary(coded).evaluate()[0]


def fleiss_kappa(table: Table) -> float | None:
    """Fleiss' (1971) kappa over the units rated by every rater (who gave any rating): the classic
    formula needs the same number of ratings per unit, so units with a missing rating are left out."""
    return _fleiss_summary(_code(table)).evaluate()[0]


def kappa(table: Table) -> float | None:
    """Cohen's kappa for two raters, Fleiss' kappa for more."""
    return _kappa_summary(_code(table)).evaluate()[0]


def krippendorff_alpha(table: Table, level: Level = "nominal",
                       order: Sequence[Hashable] | None = None) -> float | None:
    """Krippendorff's alpha, tolerating missing ratings. `level` "ordinal" ranks the categories by
    `order` (default: the sorted values) with Krippendorff's (2011) ordinal metric."""
    _check_level(level)
    return _alpha_summary(_code(table, order, ordered=level == "ordinal"), level).evaluate()[0]


def gwet_ac1(table: Table, categories: Sequence[Hashable] | None = None) -> float | None:
    """Gwet's AC1 for several raters with missing ratings (Gwet 2014). Its chance agreement depends on
    the number of categories q: give `categories` (every answer the item allows) when some were not
    used; default the values seen, as irrCAC does."""
    coded = _code(table, categories)
    return _ac1_summary(coded, len(coded.categories)).evaluate()[0]


# --- all of them, with bootstrap intervals --------------------------------------------------

def _interval(values: list[float], units: int, confidence: float) -> tuple[float | None, float | None]:
    if units < 2 or len(values) < MIN_REPLICATES:
        return None, None
    tail = (1.0 - confidence) / 2.0
    return percentile(values, tail), percentile(values, 1.0 - tail)


def _bootstrap(summaries: list[_Summary], rng: random.Random, replicates: int) -> dict[str, list[float]]:
    """Each coefficient's defined values over `replicates` draws of the units with replacement. The
    summaries' rows are joined unit by unit so that a draw is summed once for all of them."""
    spans, start = [], 0
    for summary in summaries:
        width = len(summary.rows[0]) if summary.rows else 0
        spans.append((summary, start, start + width))
        start += width
    rows = [tuple(value for summary in summaries for value in summary.rows[i])
            for i in range(len(summaries[0].rows))]
    draws: dict[str, list[float]] = {summary.measure: [] for summary in summaries}
    for _ in range(replicates if rows else 0):
        totals = _column_sums(rng.choices(rows, k=len(rows)))
        for summary, first, last in spans:
            value = summary.conclude(totals[first:last])[0]
            if value is not None:
                draws[summary.measure].append(value)
    return draws


def agreement(table: Table, *, level: Level = "nominal", order: Sequence[Hashable] | None = None,
              categories: Sequence[Hashable] | None = None, seed: int = 20240101, replicates: int = 1000,
              confidence: float = 0.95) -> dict[str, Agreement]:
    """Percent agreement, kappa (Cohen for two raters, Fleiss for more), Krippendorff's alpha at
    `level` and Gwet's AC1, keyed "percent", "kappa", "alpha", "ac1", each with a percentile
    bootstrap interval at `confidence`.

    The bootstrap draws the table's units (rated cases) with replacement `replicates` times with
    random.Random(seed), so the same seed gives the same intervals; every coefficient is computed on
    the same draws. A draw where a coefficient is not defined is skipped for it. `categories`: every
    answer the item allows (AC1's chance agreement depends on their number); default `order`, else
    the values seen. `order` ranks the categories for the ordinal alpha (default `categories`, else
    the sorted values).
    """
    _check_level(level)
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0.0 < confidence < 1.0:
        raise WorkbenchError("statistics.confidence", value=confidence)
    if replicates < 0:
        raise ValueError(f"replicates must be zero or more (got {replicates})")
    coded = _code(table, order if order is not None else categories, ordered=level == "ordinal")
    if order is not None and categories is not None:
        _code(table, categories)            # the categories must hold every rating too
    q = len(categories) if categories is not None else len(coded.categories)
    summaries = {"percent": _percent_summary(coded), "kappa": _kappa_summary(coded),
                 "alpha": _alpha_summary(coded, level), "ac1": _ac1_summary(coded, q)}
    draws = _bootstrap(list(summaries.values()), random.Random(seed), replicates)
    result = {}
    for key, summary in summaries.items():
        value, reason, units = summary.evaluate()
        low, high = _interval(draws[summary.measure], units, confidence) if value is not None else (None, None)
        result[key] = Agreement(summary.measure, value, low, high, units, reason)
    return result
