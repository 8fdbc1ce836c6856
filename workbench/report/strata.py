"""The weighted side of the report: one estimator for every rate of a round.

In a stratified (or acceptance) round every rate, overall and within a department, examiner,
IP type or checklist item, is the weighted domain estimate of workbench.stats.intervals with its
Korn-Graubard interval; in a risk-based round (unequal inclusion probabilities) it is the Hájek
estimate of workbench.stats.weighted, each case weighted by 1/pi; elsewhere every rate is a
sample share with its Wilson interval. A rate is asked for with counts per design key (the
stratum, or in a risk-based round the inclusion probability): cases in the domain, successes;
`Design.rate` picks the estimator, so a report never mixes them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Union

from workbench.stats.intervals import (
    Proportion,
    StratifiedEstimate,
    Stratum,
    stratified_proportion,
    stratum_weights,
    wilson_interval,
)
from workbench.stats.weighted import WeightGroup, hajek_proportion

#: A rate with its interval: a Wilson proportion, or a stratified (domain) estimate.
Estimate = Union[Proportion, StratifiedEstimate]


@dataclass(frozen=True)
class StratumFigures:
    name: str
    population: int
    weight: float              # the weight the estimate gives the stratum: N_h / N of the covered strata, 0 if uncovered
    population_share: float    # N_h / N of the whole round
    drawn: int
    reviewed: int
    compliant: int
    compliance: Proportion


@dataclass(frozen=True)
class Design:
    """The strata of a stratified round (populations as drawn, reviewed cases so far), or the
    inclusion probabilities of a risk-based round (`probabilities`: design key -> pi, `reviewed`:
    reviewed cases per key), or neither."""

    populations: Mapping[str, int]
    reviewed: Mapping[Any, int]
    confidence: float
    probabilities: Mapping[Any, float] = field(default_factory=dict)

    @property
    def stratified(self) -> bool:
        return bool(self.populations)

    @property
    def unequal(self) -> bool:
        """Unequal inclusion probabilities: every rate is a Hájek estimate."""
        return bool(self.probabilities)

    def rate(self, counts: Mapping[str | None, tuple[int, int]], confidence: float | None = None) -> Estimate:
        """The rate of successes among the domain's reviewed cases; counts: stratum -> (domain cases, successes)."""
        confidence = self.confidence if confidence is None else confidence
        if self.unequal:
            groups = []
            for key, probability in self.probabilities.items():
                sample = self.reviewed.get(key, 0)
                domain, successes = counts.get(key, (0, 0))
                domain = min(domain, sample)
                groups.append(WeightGroup(probability, sample, min(successes, domain), domain))
            return hajek_proportion(groups, confidence)
        if not self.stratified:
            domain = sum(c[0] for c in counts.values())
            return wilson_interval(sum(c[1] for c in counts.values()), domain, confidence)
        strata = []
        for name, population in self.populations.items():
            sample = min(self.reviewed.get(name, 0), population)
            domain, successes = counts.get(name, (0, 0))
            domain = min(domain, sample)
            strata.append(Stratum(name, population, sample, min(successes, domain), domain))
        return stratified_proportion(strata, confidence)

    def strata_figures(self, counts: Mapping[str, tuple[int, int, int]]) -> tuple[StratumFigures, ...]:
        """One row per stratum: counts is stratum -> (drawn, reviewed, compliant)."""
        total = sum(self.populations.values())
        weights = stratum_weights([Stratum(n, p, min(self.reviewed.get(n, 0), p), 0)
                                   for n, p in self.populations.items()])
        rows = []
        for name, population in self.populations.items():
            drawn, reviewed, compliant = counts.get(name, (0, 0, 0))
            rows.append(StratumFigures(
                name=name, population=population, weight=weights[name],
                population_share=population / total if total else 0.0, drawn=drawn, reviewed=reviewed,
                compliant=compliant, compliance=wilson_interval(compliant, reviewed, self.confidence)))
        return tuple(rows)


NO_DESIGN = Design({}, {}, 0.95)


def uncovered(design: Design) -> tuple[tuple[str, ...], int, float]:
    """The strata without a reviewed case, their population, and the share of the round's population
    the estimate covers."""
    names = tuple(n for n, p in design.populations.items() if p > 0 and design.reviewed.get(n, 0) == 0)
    missing = sum(design.populations[n] for n in names)
    total = sum(design.populations.values())
    return names, missing, (1.0 - missing / total) if total else 0.0
