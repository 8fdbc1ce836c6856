"""Reference values for workbench/stats/comparison.py (Newcombe's hybrid score interval for the
difference of two independent proportions) from statsmodels.

Recompute, in a venv of its own so the project's stays clean (the one agreement_reference.py uses):

    /work/refvenv/bin/python tests/data/newcombe_reference.py

which writes tests/data/newcombe_reference.json next to this file. The test suite reads the JSON
only. Versions used for the committed JSON: statsmodels 0.15.0, scipy 1.12.0, numpy 1.26.4
(Python 3.11); the JSON records them too.

For each (x1, n1, x2, n2) of the grid: `confint_proportions_2indep(x1, n1, x2, n2,
method="newcomb", compare="diff")` at alpha 0.05 and, for part of the grid, 0.10 and 0.01 (a
95% interval for p1 - p2, p = x / n). The grid: Newcombe's (1998) eight worked examples of his
Table II, then zeros and all-successes on either side, equal counts and equal rates, one-case
samples, near-85% quality-review rates at sizes from 3 to 5000, and random pairs
(random.Random(SEED)).
"""
from __future__ import annotations

import json
import random
import sys
from importlib.metadata import version
from pathlib import Path

from statsmodels.stats.proportion import confint_proportions_2indep

SEED = 20240616

NEWCOMBE_1998 = [(56, 70, 48, 80), (9, 10, 3, 10), (6, 7, 2, 7), (5, 56, 0, 29),
                 (0, 10, 0, 20), (0, 10, 0, 10), (10, 10, 0, 20), (10, 10, 0, 10)]
EDGES = [(0, 1, 0, 1), (1, 1, 0, 1), (0, 1, 1, 1), (1, 1, 1, 1), (0, 5, 5, 5), (5, 5, 0, 5),
         (0, 30, 0, 30), (30, 30, 30, 30), (0, 3, 3, 3), (3, 3, 2, 3), (7, 7, 7, 9), (0, 12, 1, 40),
         (12, 12, 39, 40), (4, 20, 4, 20), (10, 40, 5, 20), (17, 100, 17, 100), (50, 100, 500, 1000)]
QUALITY = [(102, 120, 90, 120), (90, 120, 102, 120), (2, 3, 40, 60), (170, 200, 160, 200),
           (850, 1000, 830, 1000), (4250, 5000, 4190, 5000), (51, 60, 40, 60), (19, 20, 85, 100),
           (3, 3, 170, 200), (118, 120, 110, 120)]


def grid() -> list[tuple[int, int, int, int]]:
    rng = random.Random(SEED)
    drawn = []
    for _ in range(18):
        n1, n2 = rng.choice([2, 5, 13, 40, 150, 800]), rng.choice([1, 7, 25, 60, 300, 2000])
        drawn.append((rng.randint(0, n1), n1, rng.randint(0, n2), n2))
    return NEWCOMBE_1998 + EDGES + QUALITY + drawn


def main() -> None:
    cases = []
    for index, (x1, n1, x2, n2) in enumerate(grid()):
        alphas = (0.05, 0.10, 0.01) if index % 3 == 0 else (0.05,)
        for alpha in alphas:
            low, high = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff",
                                                   alpha=alpha)
            cases.append({"x1": x1, "n1": n1, "x2": x2, "n2": n2, "confidence": round(1 - alpha, 2),
                          "low": float(low), "high": float(high)})
    out = {
        "source": "statsmodels.stats.proportion.confint_proportions_2indep(method='newcomb', compare='diff')",
        "versions": {"python": sys.version.split()[0], "statsmodels": version("statsmodels"),
                     "scipy": version("scipy"), "numpy": version("numpy")},
        "seed": SEED,
        "cases": cases,
    }
    path = Path(__file__).with_name("newcombe_reference.json")
    text = json.dumps({k: v for k, v in out.items() if k != "cases"}, indent=1)[:-2]
    text += ',\n "cases": [\n' + ",\n".join("  " + json.dumps(c) for c in cases) + "\n ]\n}\n"
    path.write_text(text, encoding="utf-8")
    print(f"{len(cases)} intervals written to {path}")


if __name__ == "__main__":
    main()
