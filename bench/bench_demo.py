"""Demo speed: `main.py demo --cases N --reviewed 0.2 --seed 5` in a fresh process (issue 20).

    .venv/bin/python bench/bench_demo.py [--cases N] [--repeat R] [--dir DIR] [--json FILE]

Times the command a user would type into a new workspace (in DIR, removed afterwards), with
--timings so each phase's seconds come back from its standard error, and reads its peak resident
memory (resource.getrusage of the finished child). Goals: 120 s for 1,000,000 cases, scaled linearly
for fewer (12 s at 100,000), and a peak under 1 GB. The risk refresh inside the demo (workbench.risk,
timed on its own by bench_risk.py) is also printed apart, with the rest of the demo beside the goal,
and the process's CPU seconds (user + system: what the wall time is on a machine nothing else loads).

Exit status 1 when a goal is missed.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_SECONDS_PER_MILLION = 120.0
GOAL_MEGABYTES = 1024.0


def _phases(stderr: str) -> dict[str, float]:
    """The --timings line ("total 1.00 s; cases 0.20 s; ...") as {phase: seconds}."""
    for line in reversed(stderr.splitlines()):
        if line.startswith("total "):
            return {name: float(value) for name, value in
                    (part.strip().rsplit(" ", 2)[:2] for part in line.split(";"))}
    return {}


def _run(cases: int, folder: Path) -> dict[str, object]:
    db = folder / f"demo-{cases}.sqlite3"
    command = [sys.executable, "main.py", "--db", str(db), "demo", "--cases", str(cases), "--reviewed", "0.2",
               "--seed", "5", "--timings"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if completed.returncode != 0:
        raise SystemExit(f"demo failed ({completed.returncode}): {completed.stderr.strip()[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024      # the largest child so far
    size = sum(p.stat().st_size for p in folder.glob(db.name + "*")) / 1e6
    for path in folder.glob(db.name + "*"):
        path.unlink()
    return {"seconds": seconds, "cpu": cpu, "peak_mb": peak, "phases": _phases(completed.stderr), "size_mb": size,
            "summary": completed.stdout.strip().splitlines()[0]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="cases in the demo (default 100,000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs; the best is reported (default 1)")
    parser.add_argument("--dir", type=Path, help="where the workspace is built (default: a temporary folder)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-demo-", dir=args.dir))
    try:
        runs = [_run(args.cases, folder) for _ in range(max(1, args.repeat))]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    best = min(runs, key=lambda r: r["seconds"])
    phases: dict[str, float] = best["phases"]       # type: ignore[assignment]
    goal = GOAL_SECONDS_PER_MILLION * args.cases / 1_000_000
    peak = max(float(r["peak_mb"]) for r in runs)   # type: ignore[arg-type]
    risk = phases.get("risk refresh", 0.0)
    rest = float(best["seconds"]) - risk            # type: ignore[arg-type]
    print(best["summary"])
    print("phases: " + ", ".join(f"{name} {value:.1f} s" for name, value in phases.items()))
    print(f"demo --cases {args.cases:,}: {best['seconds']:.1f} s (goal {goal:.1f} s; "
          f"all {', '.join(format(float(r['seconds']), '.1f') for r in runs)}; CPU {best['cpu']:.1f} s), "
          f"peak memory {peak:.0f} MB "
          f"(goal {GOAL_MEGABYTES:.0f} MB), workspace {best['size_mb']:.0f} MB")
    print(f"  of which the risk refresh {risk:.1f} s; the rest of the demo {rest:.1f} s (goal {goal:.1f} s)")
    ok = float(best["seconds"]) <= goal and peak <= GOAL_MEGABYTES    # type: ignore[arg-type]
    if args.json:
        figures = {
            "demo_seconds": {"value": round(float(best["seconds"]), 2), "unit": "s", "goal": goal},  # type: ignore[arg-type]
            "demo_cpu_seconds": {"value": round(float(best["cpu"]), 2), "unit": "s", "goal": None},  # type: ignore[arg-type]
            "demo_peak_memory": {"value": round(peak, 1), "unit": "MB", "goal": GOAL_MEGABYTES},
            "demo_risk_refresh_seconds": {"value": round(risk, 2), "unit": "s", "goal": None},
            "demo_without_risk_refresh_seconds": {"value": round(rest, 2), "unit": "s", "goal": goal},
        }
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print("OK" if ok else "MISS")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
