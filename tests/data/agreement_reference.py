"""Reference values for workbench/stats/agreement.py from independent implementations.

Recompute, in a venv of its own so the project's stays clean:

    python3 -m venv /work/refvenv
    /work/refvenv/bin/pip install statsmodels krippendorff irrCAC pandas
    /work/refvenv/bin/python tests/data/agreement_reference.py > tests/data/agreement_reference.json

The test suite reads the JSON only. Versions used for the committed JSON: statsmodels 0.15.0,
krippendorff 0.9.0, irrCAC 0.4.4, pandas 2.3.3, numpy 1.26.4, scipy 1.12.0 (Python 3.11); the JSON
records them too.

The tables: ~40 random ones (random.Random(SEED): 2-6 raters, 3-40 units, 2-4 categories coded
1..q, each rater giving a unit's "true" category with a probability of its own and a random one
otherwise, 0-20% of cells missing), plus degenerate and published ones. For each table:

- cohen_kappa: statsmodels `cohens_kappa` of the two raters' contingency table over the units both
  rated (only for tables with exactly two raters who gave ratings; statsmodels takes a complete
  contingency table, so units with a missing rating are left out, as the workbench does).
- fleiss_kappa: statsmodels `fleiss_kappa` (method "fleiss") of `aggregate_raters` over the units
  rated by every rater who gave any rating: statsmodels needs the same number of ratings per unit,
  which is also the workbench's rule. (irrCAC's `fleiss()` is the generalised kappa for missing
  ratings, a different coefficient: not used.)
- alpha_nominal, alpha_ordinal: `krippendorff.alpha` on the raters x units matrix with NaN for a
  missing rating; the value domain is the sorted values seen (the workbench's default order).
- ac1 and percent: irrCAC `CAC(...).gwet()` with identity weights; its "pa" is the mean over units
  with two ratings or more of the share of agreeing rater pairs, the workbench's percent agreement.
  (irrCAC's `krippendorff()` reports a different "pa", with Krippendorff's small-sample
  correction: not used.) A table with a "categories" list passes it to irrCAC, whose q then counts
  the unused categories too.

Raters who gave no rating in a table are dropped before every computation, as the workbench drops
them. A value a package cannot compute (NaN, or an exception such as krippendorff's for a single
category) is written as null; the test checks the workbench gives None there.
"""
from __future__ import annotations

import json
import math
import random
import sys
import warnings
from importlib.metadata import version

import numpy as np
import pandas as pd
import krippendorff
from irrCAC.raw import CAC
from statsmodels.stats.inter_rater import aggregate_raters, cohens_kappa, fleiss_kappa

SEED = 20240615
N = None

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", reliability data with missing
# values: 4 observers (rows here transposed to units x observers) x 12 units.
KRIPPENDORFF_2011 = [list(unit) for unit in zip(
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
)]
# Wikipedia, "Fleiss' kappa", worked example: 10 subjects x 5 categories, counts of 14 raters.
FLEISS_COUNTS = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
                 [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]


def random_table(rng: random.Random) -> list[list[int | None]]:
    raters, units, q = rng.randint(2, 6), rng.randint(3, 40), rng.randint(2, 4)
    skill = [rng.uniform(0.3, 0.97) for _ in range(raters)]
    missing = rng.choice([0.0, 0.0, 0.05, 0.1, 0.2])
    prevalence = [rng.random() + 0.2 for _ in range(q)]
    table = []
    for _ in range(units):
        truth = rng.choices(range(1, q + 1), weights=prevalence)[0]
        row = [truth if rng.random() < skill[j] else rng.randint(1, q) for j in range(raters)]
        table.append([None if rng.random() < missing else value for value in row])
    return table


def degenerate_tables() -> list[dict]:
    paradox = [[1, 1]] * 28 + [[1, 2], [2, 1]]
    return [
        {"name": "everybody agrees, two categories", "ratings": [[1, 1, 1], [2, 2, 2], [1, 1, 1], [2, 2, 2]]},
        {"name": "everybody agrees, two raters", "ratings": [[1, 1], [2, 2], [2, 2], [1, 1], [1, 1]]},
        {"name": "one category", "ratings": [[1, 1, 1], [1, 1, N], [1, 1, 1], [1, N, 1]]},
        {"name": "one category, two raters", "ratings": [[2, 2], [2, 2], [2, N]]},
        {"name": "one case only, two raters", "ratings": [[1, 2]]},
        {"name": "one case only, three raters", "ratings": [[1, 1, 2]]},
        {"name": "a rater with all ratings missing", "ratings": [[1, N, 1], [2, N, 2], [1, N, 2], [2, N, 2], [1, N, 1]]},
        {"name": "units with a single rating", "ratings": [[1, 1, N], [2, N, N], [N, 2, 2], [N, N, 1], [1, 2, 1], [2, 2, 2]]},
        {"name": "kappa paradox", "ratings": paradox},
        {"name": "unused category", "ratings": [[1, 1], [1, 1], [2, 1], [1, 1], [2, 2], [1, 1]], "categories": [1, 2, 3]},
        {"name": "Krippendorff 2011", "ratings": KRIPPENDORFF_2011},
        {"name": "Wikipedia Fleiss' kappa example",
         "ratings": [[c for c, k in enumerate(row, 1) for _ in range(k)] for row in FLEISS_COUNTS]},
    ]


def number(value) -> float | None:
    value = float(value)
    return value if math.isfinite(value) else None


def quietly(compute):
    """The package's value, or None when it cannot compute one (NaN or an exception)."""
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return number(compute())
    except (ValueError, ZeroDivisionError, FloatingPointError, AssertionError, IndexError, KeyError):
        return None


def matrix(ratings: list[list[int | None]]) -> np.ndarray:
    """Units x raters, NaN for missing, without raters who gave no rating."""
    data = np.array([[np.nan if v is None else float(v) for v in row] for row in ratings])
    return data[:, ~np.all(np.isnan(data), axis=0)]


def cohen(data: np.ndarray) -> float | None:
    if data.shape[1] != 2:
        return None
    both = data[~np.isnan(data).any(axis=1)]
    if len(both) == 0:
        return None
    values = sorted(set(both.ravel()))
    index = {v: i for i, v in enumerate(values)}
    contingency = np.zeros((len(values), len(values)))
    for a, b in both:
        contingency[index[a], index[b]] += 1
    return quietly(lambda: cohens_kappa(contingency, return_results=False))


def fleiss(data: np.ndarray) -> float | None:
    complete = data[~np.isnan(data).any(axis=1)]
    if data.shape[1] < 2 or len(complete) == 0:
        return None
    return quietly(lambda: fleiss_kappa(aggregate_raters(complete.astype(int))[0], method="fleiss"))


def gwet(data: np.ndarray, categories: list | None) -> tuple[float | None, float | None]:
    # irrCAC's variance divides by n(n - 1) and fails for a single unit; AC1 and its "pa" are
    # means over units, unchanged when every unit is repeated, so a one-unit table goes in twice.
    frame = pd.DataFrame(np.vstack([data, data]) if len(data) == 1 else data)
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            est = CAC(frame, categories=categories, digits=15).gwet()["est"]
    except (ValueError, ZeroDivisionError, IndexError):
        return None, None
    return number(est["coefficient_value"]), number(est["pa"])


def references(table: dict) -> dict:
    data = matrix(table["ratings"])
    alpha = {}
    for level in ("nominal", "ordinal"):
        alpha[level] = quietly(lambda: krippendorff.alpha(reliability_data=data.T, level_of_measurement=level))
    categories = [float(c) for c in table["categories"]] if table.get("categories") else None
    ac1, percent = gwet(data, categories)
    return {"cohen_kappa": cohen(data), "fleiss_kappa": fleiss(data), "alpha_nominal": alpha["nominal"],
            "alpha_ordinal": alpha["ordinal"], "ac1": ac1, "percent": percent}


def main() -> int:
    rng = random.Random(SEED)
    tables = [{"name": f"random {i + 1}", "ratings": random_table(rng)} for i in range(40)]
    tables += degenerate_tables()
    for table in tables:
        table.update(references(table))
    packages = ("statsmodels", "krippendorff", "irrCAC", "pandas", "numpy", "scipy")
    out = {"seed": SEED, "python": sys.version.split()[0],
           "versions": {name: version(name) for name in packages}, "tables": tables}
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
