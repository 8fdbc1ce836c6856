"""A round's sampling plan, what it gives over a population, and the seeded draw.

A plan (size or precision, method, strata, allocation, acceptance AQL) applied to a
population is a design: the sample size and, when stratified, the allocation per stratum
(or the ISO 2859-1 plan per lot). The draw is a function of the population (in its order),
the plan and the seed only, so a stored round can be drawn again from what it stored.

The seed: when none is given a random one is chosen (0 to 999,999,999), reported and stored
with `seed_source = 'random'`, so two rounds over the same population are not the same
sample by accident, and any round can still be re-drawn from what it stored.
"""
from __future__ import annotations

import math
import secrets
from dataclasses import dataclass, replace
from typing import Any, Iterable, Mapping, Sequence

from foundation.errors import WorkbenchError, register
from foundation.words import resolve
from foundation.rates import RATE, parse_rate
from workbench.rounds.acceptance import acceptance_plan
from workbench.rounds.draw import allocate, draw_random, draw_stratified, draw_systematic
from workbench.rounds.population import STRATUM_JOIN, PopulationCase, group_by_stratum
from workbench.rounds.pps import DEFAULT_FLOOR, check_floor, draw_pps, inclusion_probabilities, size_measure
from workbench.rounds.sample_size import sample_size

register({
    "rounds.seed": "The seed must be a whole number from 0 to {limit} (got {value!r}).",
    "rounds.method": "Unknown sampling method {value!r}: use random, systematic, stratified, acceptance or risk.",
    "rounds.allocation": "Unknown allocation {value!r}: use proportional, equal, neyman or risk.",
    "rounds.allocation_risk": "The risk allocation over-samples risk bands: stratify by risk_band (got {strata}).",
    "rounds.floor_unused": "A floor only applies to the risk method (got method {method}).",
    "rounds.size_or_precision": (
        "Give either a sample size or a precision (confidence, margin of error and expected rate), not both."
    ),
    "rounds.size_missing": "Give a sample size, or a confidence level and a margin of error.",
    "rounds.precision_incomplete": "A precision needs both a confidence level and a margin of error.",
    "rounds.size": "The sample size must be a whole number of at least 1 (got {value!r}).",
    "rounds.acceptance_size": (
        "An acceptance round takes each lot's sample size from ISO 2859-1; do not give a size or a precision."
    ),
    "rounds.strata_missing": "A stratified sample needs a field to stratify by (e.g. department).",
    "rounds.strata_unused": "Strata only apply to the stratified and acceptance methods (got method {method}).",
    "rounds.strata_field": "Cannot stratify by {value!r}: use {allowed}.",
    "rounds.stratum_rate": "Stratum {stratum!r}: the expected rate must be between 0 and 1 (got {value!r}).",
    "rounds.stratum_rate_unknown": "An expected rate is given for stratum {stratum!r}, which has no cases.",
    "rounds.minimum": "The minimum per stratum must be a whole number of zero or more (got {value!r}).",
    "rounds.minimum_exceeds_size": (
        "At least {minimum} cases in each of {strata} strata makes {needed}, more than the sample of {n}: give a "
        "larger size, or a minimum of 0 per stratum (a stratum without a case is then left out of the estimate)."
    ),
    "rounds.empty_population": "No cases match the filters, so there is nothing to sample.",
})

MAX_SEED = 2**63 - 1           # SQLite INTEGER is signed 64-bit
RANDOM_SEED_LIMIT = 1_000_000_000
METHODS = ("random", "systematic", "stratified", "acceptance", "risk")
ALLOCATIONS = ("proportional", "equal", "neyman", "risk")
#: Fields a sample can be stratified by, or lots formed from; the decision_* ones are derived.
STRATUM_FIELDS = ("ip_type", "department", "examiner", "decision", "procedure", "classification", "import",
                  "decision_year", "decision_quarter", "decision_month", "risk_band")
#: The risk allocation of a stratified round by risk_band: stratum h gets a share of the sample
#: proportional to N_h times its band's factor, so a high-band case is eight times as likely to be
#: drawn as a case without risk (medium four, low two times), before any band is exhausted.
RISK_BAND_FACTORS = {"none": 1, "low": 2, "medium": 4, "high": 8}
DEFAULT_LOT_FIELDS = ("examiner", "decision_month")   # "one examiner's decisions in one month"
DEFAULT_AQL = 2.5
#: Neyman allocation's default minimum per stratum: two cases, so every stratum's variance can be
#: estimated (a stratum expected at 0% or 100% would otherwise get none and drop out of the estimate).
NEYMAN_MINIMUM = 2


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


@dataclass(frozen=True)
class Plan:
    """How many cases to draw and how.

    size, or confidence + margin (+ expected, default 0.5) for a size that estimates a
    compliance rate within +/- margin (with the finite-population correction). stratified:
    `strata` fields, `allocation`, `min_per_stratum`, and for Neyman the expected rate per
    stratum (`stratum_expected`, falling back to `expected`). acceptance: lots formed by
    `strata` (default examiner and decision month), each sampled by ISO 2859-1 at `aql`;
    a lot's nonconforming cases are the reviews with verdict error (and defect if
    `count_defects`).
    """

    method: str = "random"
    size: int | None = None
    confidence: float | None = None
    margin: float | None = None
    expected: float | None = None
    strata: tuple[str, ...] = ()
    allocation: str = "proportional"
    min_per_stratum: int | None = None   # None: NEYMAN_MINIMUM for Neyman allocation, else 0
    stratum_expected: tuple[tuple[str, float], ...] = ()
    aql: float | None = None
    level: str = "II"
    count_defects: bool = False
    floor: float | None = None         # risk: the size measure's floor (None: DEFAULT_FLOOR)

    def checked(self) -> Plan:
        """The plan with its defaults filled in; raises WorkbenchError for an impossible plan."""
        if self.method not in METHODS:
            raise WorkbenchError("rounds.method", value=self.method)
        precision = self.confidence is not None or self.margin is not None
        plan = self
        if self.method == "acceptance":
            if self.size is not None or precision:
                raise WorkbenchError("rounds.acceptance_size")
            plan = replace(plan, strata=self.strata or DEFAULT_LOT_FIELDS,
                           aql=DEFAULT_AQL if self.aql is None else self.aql)
            acceptance_plan(1, plan.aql, plan.level)   # validates the AQL and the level
        else:
            if self.size is not None and precision:
                raise WorkbenchError("rounds.size_or_precision")
            if self.size is None and not precision:
                raise WorkbenchError("rounds.size_missing")
            if self.size is not None and (not _is_int(self.size) or self.size < 1):
                raise WorkbenchError("rounds.size", value=self.size)
            if precision and (self.confidence is None or self.margin is None):
                raise WorkbenchError("rounds.precision_incomplete")
            if precision:
                sample_size(confidence=self.confidence, margin=self.margin,   # validates them
                            expected=0.5 if self.expected is None else self.expected)
            if self.method == "stratified" and not self.strata:
                raise WorkbenchError("rounds.strata_missing")
            if self.method in ("random", "systematic", "risk") and self.strata:
                raise WorkbenchError("rounds.strata_unused", method=self.method)
        if self.method == "risk":
            plan = replace(plan, floor=check_floor(DEFAULT_FLOOR if self.floor is None else self.floor))
        elif self.floor is not None:
            raise WorkbenchError("rounds.floor_unused", method=self.method)
        for name in plan.strata:
            if name not in STRATUM_FIELDS:
                raise WorkbenchError("rounds.strata_field", value=name, allowed=", ".join(STRATUM_FIELDS))
        if plan.allocation not in ALLOCATIONS:
            raise WorkbenchError("rounds.allocation", value=plan.allocation)
        if plan.method == "stratified" and plan.allocation == "risk" and "risk_band" not in plan.strata:
            raise WorkbenchError("rounds.allocation_risk", strata=" + ".join(plan.strata))
        if plan.min_per_stratum is None:
            neyman = plan.method == "stratified" and plan.allocation == "neyman"
            plan = replace(plan, min_per_stratum=NEYMAN_MINIMUM if neyman else 0)
        if not _is_int(plan.min_per_stratum) or plan.min_per_stratum < 0:
            raise WorkbenchError("rounds.minimum", value=plan.min_per_stratum)
        for stratum, rate in plan.stratum_expected:
            if not _is_number(rate) or not 0.0 <= rate <= 1.0:
                raise WorkbenchError("rounds.stratum_rate", stratum=stratum, value=rate)
        return plan

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"method": self.method}
        for name in ("size", "confidence", "margin", "expected"):
            if getattr(self, name) is not None:
                data[name] = getattr(self, name)
        if self.method in ("stratified", "acceptance"):
            data["strata"] = list(self.strata)
        if self.method == "stratified":
            data["allocation"] = self.allocation
            data["min_per_stratum"] = self.min_per_stratum
            if self.stratum_expected:
                data["stratum_expected"] = dict(self.stratum_expected)
        if self.method == "acceptance":
            data.update(aql=self.aql, level=self.level, count_defects=self.count_defects)
        if self.method == "risk" and self.floor is not None:
            data["floor"] = self.floor
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Plan:
        return cls(method=data.get("method", "random"), size=data.get("size"),
                   confidence=data.get("confidence"), margin=data.get("margin"), expected=data.get("expected"),
                   strata=tuple(data.get("strata", ())), allocation=data.get("allocation", "proportional"),
                   min_per_stratum=data.get("min_per_stratum", 0),
                   stratum_expected=tuple(sorted(data.get("stratum_expected", {}).items())),
                   aql=data.get("aql"), level=data.get("level", "II"),
                   count_defects=bool(data.get("count_defects", False)), floor=data.get("floor"))

    def describe(self) -> str:
        fields = " + ".join(FIELD_WORDS.get(f, f.replace("_", " ")) for f in self.strata)
        if self.method == "acceptance":
            return (f"acceptance sampling per lot of {fields} (ISO 2859-1, inspection level "
                    f"{self.level}, normal inspection, AQL {self.aql:g}; nonconforming = "
                    f"{'error or defect' if self.count_defects else 'error'} verdicts)")
        if self.size is not None:
            size = f"{self.size} cases"
        else:
            expected = 0.5 if self.expected is None else self.expected
            size = (f"{percent(self.confidence)} confidence, margin ±{percent(self.margin)}, "
                    f"expected rate {percent(expected)}")
        if self.method == "risk":
            floor = DEFAULT_FLOOR if self.floor is None else self.floor
            return (f"risk-based sample, probability proportional to {floor:g} + {1 - floor:g} x risk score "
                    f"(floor {floor:g}); {size}")
        if self.method != "stratified":
            return f"{self.method} sample; {size}"
        minimum = f", at least {self.min_per_stratum} per stratum" if self.min_per_stratum else ""
        return f"stratified by {fields}, {self.allocation} allocation{minimum}; {size}"


#: Stratum fields in the words of a sentence (the window's and the workbook's are translated there).
FIELD_WORDS = {"ip_type": "IP type", "risk_band": "risk band", "decision_date": "decision date"}


def percent(value: float | None) -> str:
    """0.95 -> "95%"; None -> "-"."""
    return "-" if value is None else f"{100 * value:g}%"


@dataclass(frozen=True)
class StratumPlan:
    """One stratum (or lot) of a design: its population and how many cases are drawn from it."""

    name: str
    population: int
    sample: int
    expected: float | None = None      # Neyman: the expected rate used
    code_letter: str | None = None     # acceptance: ISO 2859-1 lot plan
    accept: int | None = None
    reject: int | None = None
    plan_letter: str | None = None     # acceptance: the letter whose plan Table 2-A's arrows chose

    @property
    def letters(self) -> str:
        """"G" or "G -> H" (code letter G, plan of letter H)."""
        if self.code_letter is None:
            return ""
        return self.code_letter + (f" -> {self.plan_letter}" if self.plan_letter not in (None, self.code_letter)
                                   else "")

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"stratum": self.name, "population": self.population, "sample": self.sample}
        if self.expected is not None:
            data["expected"] = self.expected
        if self.code_letter is not None:
            data.update(code_letter=self.code_letter, plan_letter=self.plan_letter or self.code_letter,
                        accept=self.accept, reject=self.reject)
        return data


@dataclass(frozen=True)
class Design:
    """A plan applied to a population: the sample size and, when stratified, the allocation."""

    population: int
    size: int
    strata: tuple[StratumPlan, ...] = ()
    unadjusted_size: int | None = None    # precision plans: n0 before the finite-population correction
    raised_for_minimum: bool = False      # precision plans: size raised so every stratum gets its minimum

    def uncovered(self) -> tuple[StratumPlan, ...]:
        """Strata (not lots) with cases but none drawn: an estimate from the sample cannot cover them."""
        return tuple(s for s in self.strata if s.code_letter is None and s.population > 0 and s.sample == 0)

    def uncovered_share(self) -> float:
        """The share of the population in strata that get no case."""
        return sum(s.population for s in self.uncovered()) / self.population if self.population else 0.0


def design(cases: Sequence[PopulationCase], plan: Plan) -> Design:
    """Sample size and allocation for a population (pure; the wizard previews it live).

    A size from a precision is raised when the minimum per stratum needs more cases; a size
    given outright is not, and is refused instead.
    """
    plan = plan.checked()
    population = len(cases)
    if population == 0:
        raise WorkbenchError("rounds.empty_population")
    groups = group_by_stratum(cases, plan.strata) if plan.strata else {}
    if plan.method == "acceptance":
        lots = []
        for name in sorted(groups):
            lot = acceptance_plan(len(groups[name]), plan.aql, plan.level)
            lots.append(StratumPlan(name, len(groups[name]), lot.sample_size, None, lot.letter, lot.accept,
                                    lot.reject, lot.plan_letter))
        return Design(population, sum(s.sample for s in lots), tuple(lots))

    unadjusted = None
    if plan.size is not None:
        size = plan.size
        if size > population:
            raise WorkbenchError("sampling.n_exceeds_population", n=size, population=population)
    else:
        expected = 0.5 if plan.expected is None else plan.expected
        size = sample_size(confidence=plan.confidence, margin=plan.margin, expected=expected,
                           population=population)
        unadjusted = sample_size(confidence=plan.confidence, margin=plan.margin, expected=expected)
    if plan.method != "stratified":
        return Design(population, size, (), unadjusted)

    counts = {name: len(members) for name, members in groups.items()}
    rates = dict(plan.stratum_expected)
    for name in rates:
        if name not in counts:
            raise WorkbenchError("rounds.stratum_rate_unknown", stratum=name)
    expected_by: dict[str, float] | None = None
    factors = band_factors(counts, plan.strata) if plan.allocation == "risk" else None
    if plan.allocation == "neyman":
        fallback = plan.expected
        expected_by = {h: rates.get(h, fallback) for h in counts if rates.get(h, fallback) is not None}
    raised = False
    needed = sum(min(plan.min_per_stratum, n) for n in counts.values())
    if plan.size is None and needed > size:
        size, raised = needed, True
    if needed > size:
        raise WorkbenchError("rounds.minimum_exceeds_size", minimum=plan.min_per_stratum, needed=needed,
                             strata=len(counts), n=size)
    allocation = allocate(counts, size, plan.allocation, expected=expected_by,
                          min_per_stratum=plan.min_per_stratum, factors=factors)
    strata = tuple(StratumPlan(h, counts[h], allocation[h], (expected_by or {}).get(h)) for h in sorted(counts))
    return Design(population, size, strata, unadjusted, raised)


def band_factors(counts: Mapping[str, int], strata: Sequence[str]) -> dict[str, float]:
    """Each stratum's over-sampling factor for the risk allocation, from its risk band."""
    index = list(strata).index("risk_band")
    return {h: float(RISK_BAND_FACTORS.get(h.split(STRATUM_JOIN)[index], 1)) for h in counts}


@dataclass(frozen=True)
class DrawnCase:
    case: PopulationCase
    stratum: str | None
    probability: float = 1.0       # first-order inclusion probability pi_i


@dataclass(frozen=True)
class Draw:
    design: Design
    cases: tuple[DrawnCase, ...]   # in draw order


def risk_probabilities(cases: Sequence[PopulationCase], size: int, floor: float) -> list[float]:
    """Each case's inclusion probability in a risk-based draw of `size` (see rounds.pps)."""
    return inclusion_probabilities([size_measure(c.risk_score, floor) for c in cases], size)


def draw(cases: Sequence[PopulationCase], plan: Plan, seed: int) -> Draw:
    """The sample: a function of the population (in its order), the plan and the seed only.

    Each drawn case carries its inclusion probability: n/N in a random or systematic draw,
    n_h/N_h in a stratified one (per lot in acceptance sampling), pi_i in a risk-based one."""
    plan = plan.checked()
    check_seed(seed)
    planned = design(cases, plan)
    ids = [c.id for c in cases]
    by_id = {c.id: c for c in cases}
    share = planned.size / planned.population
    if plan.method == "random":
        return Draw(planned, tuple(DrawnCase(by_id[i], None, share) for i in draw_random(ids, planned.size, seed)))
    if plan.method == "systematic":
        return Draw(planned, tuple(DrawnCase(by_id[i], None, share)
                                   for i in draw_systematic(ids, planned.size, seed)))
    if plan.method == "risk":
        pis = risk_probabilities(cases, planned.size, plan.floor or DEFAULT_FLOOR)
        pi_by_id = dict(zip(ids, pis))
        return Draw(planned, tuple(DrawnCase(by_id[i], None, pi_by_id[i])
                                   for i in draw_pps(ids, pis, planned.size, seed)))
    groups = group_by_stratum(cases, plan.strata)
    stratum_by_id = {c.id: name for name, members in groups.items() for c in members}
    rates = {s.name: s.sample / s.population for s in planned.strata if s.population}
    drawn = draw_stratified({name: [c.id for c in members] for name, members in groups.items()},
                            {s.name: s.sample for s in planned.strata}, seed)
    return Draw(planned, tuple(DrawnCase(by_id[i], stratum_by_id[i], rates[stratum_by_id[i]]) for i in drawn))


def check_seed(seed: object) -> None:
    """Refuses a seed SQLite cannot store (or that is not a whole number)."""
    if not _is_int(seed) or not 0 <= seed <= MAX_SEED:
        raise WorkbenchError("rounds.seed", value=seed, limit=MAX_SEED)


def random_seed() -> int:
    """A seed for a round drawn without one (stored with seed_source 'random')."""
    return secrets.randbelow(RANDOM_SEED_LIMIT)


def coverage_warning(design: Design) -> str | None:
    """"Warning: ..." naming every stratum that gets no case and its share of the population, or None."""
    empty = design.uncovered()
    if not empty:
        return None
    names = ", ".join(f"{s.name} ({100 * s.population / design.population:.1f}% of the population)" for s in empty)
    return (f"Warning: {resolve(f'{len(empty)} stratum(s) get', len(empty))} no case, so the estimate will not cover them "
            f"({100 * design.uncovered_share():.1f}% of the population): {names}. "
            "Give a minimum per stratum (--min-per-stratum) to include them.")


# --- parsing what people type (CLI and wizard) ------------------------------------------------

def parse_fraction(text: str, what: str) -> float:
    """A rate as typed, read by the one rule of foundation.rates (5, 5% and 0.05 are the same), 0 to 1."""
    return parse_rate(text, what, RATE)


def parse_floor(text: str) -> float:
    """The floor of a risk-based draw as typed: 0.1 (a fraction; not a percentage), checked."""
    try:
        value = float(text.strip().rstrip("%")) / (100.0 if text.strip().endswith("%") else 1.0)
    except ValueError:
        raise WorkbenchError("rounds.floor", value=text) from None
    return check_floor(value)


def parse_stratum_rates(items: Iterable[str]) -> tuple[tuple[str, float], ...]:
    """["电学发明审查部=0.92", ...] -> expected rate per stratum (Neyman allocation)."""
    rates: dict[str, float] = {}
    for item in items:
        name, sep, value = item.rpartition("=")
        if not sep or not name.strip():
            raise WorkbenchError("rounds.stratum_rate", stratum=item, value="")
        rates[name.strip()] = parse_fraction(value, f"The expected rate of {name.strip()} (--stratum-expected)")
    return tuple(sorted(rates.items()))
