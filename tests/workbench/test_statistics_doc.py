"""docs/statistics.md's worked example, recomputed."""
import re
from pathlib import Path

import pytest

from workbench.stats.distributions import t_quantile_upper
from workbench.stats.intervals import Stratum, stratified_proportion, wilson_interval
from workbench.rounds.sample_size import sample_size

DOC = (Path(__file__).resolve().parent.parent.parent / "docs" / "statistics.md").read_text("utf-8")


def bold(label: str) -> float:
    """The first bold number after `label` in the worked example."""
    section = DOC[DOC.index("## Worked example"):]
    match = re.search(re.escape(label) + r".*?\*\*([0-9.]+)%?\*\*", section, re.S)
    assert match, label
    return float(match.group(1))


def test_worked_example_matches_the_code():
    result = stratified_proportion([Stratum("A", 1000, 50, 45), Stratum("B", 500, 40, 30), Stratum("C", 100, 0, 0)])
    assert bold("the estimate covers") == pytest.approx(100 * result.covered_share, abs=0.005)
    assert bold("- p =") == pytest.approx(result.estimate, abs=5e-5)
    assert bold("- v =") == pytest.approx(result.variance, abs=5e-9)
    assert bold("- n* =") == pytest.approx(result.estimate * (1 - result.estimate) / result.variance, abs=5e-4)
    assert bold("n*df =") == pytest.approx(result.effective_n, abs=5e-4)
    assert bold("- low =") == pytest.approx(result.low, abs=5e-6)
    assert bold("high =") == pytest.approx(result.high, abs=5e-6)
    assert "t_89 = 1.986979, t_88 = 1.987290" in DOC
    assert round(t_quantile_upper(0.05, 89), 6) == 1.986979 and round(t_quantile_upper(0.05, 88), 6) == 1.987290
    assert "Compliance **85.0% [76.5%, 91.3%]**" in DOC
    assert "error rate is 15.0% [8.7%, 23.5%]" in DOC
    assert (round(100 * (1 - result.high), 1), round(100 * (1 - result.low), 1)) == (8.7, 23.5)


def test_the_other_quoted_figures():
    assert "n0 = 138.3 → 139; with N = 2000: 130" in DOC
    assert sample_size(confidence=0.95, margin=0.05, expected=0.9) == 139
    assert sample_size(confidence=0.95, margin=0.05, expected=0.9, population=2000) == 130
    allpass = stratified_proportion([Stratum("A", 300, 10, 10), Stratum("B", 200, 8, 8), Stratum("C", 100, 6, 6)])
    assert "all passing: [85.6%, 100%]" in DOC and round(100 * allpass.low, 1) == 85.6 and allpass.high == 1.0
    assert wilson_interval(1, 1).high == 1.0
