"""Risk-based sampling on a large population (issue 17): yield and unbiasedness by simulation.

    .venv/bin/python bench/bench_risk_sampling.py [--cases N] [--size N] [--draws D] [--floor F] [--seed S]

On a population with a planted abnormal share (known truth), D seeded risk-based draws of `size`
cases (randomised systematic PPS on floor + (1 - floor) x risk score, as `sample --method risk`
draws) and as many simple random draws of the same size. Printed beside their goals:
- abnormal cases per 100 reviews, risk-based against simple random (goal: at least 3 times);
- the mean of the weighted (Hájek) compliance estimates against the true rate (goal: within 0.5 points);
- the share of 95% Korn-Graubard intervals holding the true rate (goal: at least 93%);
and, for contrast, the bias of the naive (unweighted) share of the same risk-based samples.
Exit status 1 when a goal is missed.

The population comes from one function, `population()`. By default (`--source demo`) it is the
demo's: `main.py demo --cases N --reviewed 0.5` with its planted abnormal clusters (the truth kept per
case, workbench.demo.planted) and the risk scores the real indicators gave every case; the population
is the reviewed half, whose verdicts say which cases comply. The workspace is built once and kept in
the temporary folder. `--source synthetic` uses workbench.rounds.risk_simulation.synthetic_population.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.rounds.pps import DEFAULT_FLOOR  # noqa: E402
from workbench.rounds.risk_simulation import SimCase, simulate, synthetic_population  # noqa: E402

YIELD_GOAL = 3.0
BIAS_GOAL = 0.005
COVERAGE_GOAL = 0.93


def demo_population(cases: int, seed: int) -> list[SimCase]:
    """The reviewed cases of a demo workspace: their risk scores, planted truth and verdicts."""
    import tempfile

    from db.connection import open_database
    from workbench.demo.generate import build_demo
    from workbench.demo.planted import planted_cases
    folder = Path(tempfile.gettempdir()) / "workbench-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"risk-demo-{cases}-s{seed}.sqlite3"
    if not path.exists():
        print(f"building the demo workspace {path} ...", flush=True)
        partial = path.with_name(path.name + ".partial")
        for stale in folder.glob(partial.name + "*"):
            stale.unlink()
        db = open_database(partial)
        build_demo(db, cases=cases, reviewed=0.5, seed=seed, path=str(partial))
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        partial.replace(path)
    db = open_database(path)
    truth = planted_cases(db)
    rows = db.execute(
        "SELECT c.id, COALESCE(cr.score, 0), r.verdict FROM cases c JOIN latest_reviews lr ON lr.case_id = c.id"
        " JOIN reviews r ON r.id = lr.review_id LEFT JOIN case_risk cr ON cr.case_id = c.id"
        " WHERE r.status IN ('completed', 'signed_off') ORDER BY c.id").fetchall()
    db.close()
    return [SimCase(score, case_id in truth, verdict in ("compliant", "defect")) for case_id, score, verdict in rows]


def population(cases: int, seed: int, source: str = "demo") -> list[SimCase]:
    """The simulated population: each case's risk score, whether it is abnormal and whether it complies."""
    return demo_population(cases, seed) if source == "demo" else synthetic_population(cases, seed=seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--size", type=int, default=200)
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--floor", type=float, default=DEFAULT_FLOOR)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--source", choices=("demo", "synthetic"), default="demo")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    cases = population(args.cases, args.seed, args.source)
    built = time.perf_counter()
    f = simulate(cases, size=args.size, draws=args.draws, floor=args.floor)
    done = time.perf_counter()
    print(f"Population ({args.source}) {f.population:,} cases: {100 * f.abnormal_share:.2f}% abnormal, true compliance "
          f"{100 * f.true_rate:.2f}% (built in {built - start:.1f} s).")
    print(f"{f.draws:,} risk-based draws (floor {args.floor:g}) and {f.draws:,} simple random draws of "
          f"{f.size} cases each ({done - built:.1f} s).")
    rows = [
        ("abnormal per 100 reviews, risk-based", f"{f.abnormal_per_100_risk:.2f}", ""),
        ("abnormal per 100 reviews, simple random", f"{f.abnormal_per_100_random:.2f}", ""),
        ("ratio", f"{f.yield_ratio:.2f}x", f">= {YIELD_GOAL:g}x"),
        ("mean weighted estimate - truth", f"{100 * f.bias:+.3f} points", f"within ±{100 * BIAS_GOAL:g}"),
        ("95% interval coverage", f"{100 * f.coverage:.1f}%", f">= {100 * COVERAGE_GOAL:g}%"),
        ("naive (unweighted) share - truth", f"{100 * f.naive_bias:+.3f} points", "(contrast: biased)"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'figure':<{width}}  {'measured':>15}  goal")
    for name, value, goal in rows:
        print(f"{name:<{width}}  {value:>15}  {goal}")
    met = f.yield_ratio >= YIELD_GOAL and abs(f.bias) <= BIAS_GOAL and f.coverage >= COVERAGE_GOAL
    print("All goals met." if met else "A goal was missed.")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
