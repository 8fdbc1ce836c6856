"""`calibration-status`: a calibration round's progress and, once closed, its agreement.

While the round is blind only progress is shown (who has finished how many cases): agreement
figures would tell a reviewer who has not finished how the others answered.
"""
from __future__ import annotations

from typing import Any, Mapping

import sqlite_utils

from workbench.calibration.figures import CalibrationFigures, calibration_figures
from workbench.calibration.ratings import load_ratings
from workbench.calibration.rounds import get_calibration_round
from workbench.stats.agreement import Agreement


def _agreement_json(figures: Mapping[str, Agreement]) -> dict[str, Any]:
    return {key: {"measure": a.measure, "value": a.value, "low": a.low, "high": a.high, "units": a.units,
                  "reason": a.reason or None} for key, a in figures.items()}


def status_json(db: sqlite_utils.Database, name: str | int, *, replicates: int = 1000) -> dict[str, Any]:
    rnd = get_calibration_round(db, name)
    ratings = load_ratings(db, rnd)
    data: dict[str, Any] = {
        **rnd.as_json(),
        "blind": not rnd.closed,
        "progress": [{"reviewer": r, "completed": done, "cases": total}
                     for r, (done, total) in ratings.progress.items()],
        "consensus_completed": len(ratings.consensus),
    }
    if rnd.closed:
        data.update(figures_json(calibration_figures(db, rnd.id, replicates=replicates)))
    return data


def figures_json(figures: CalibrationFigures) -> dict[str, Any]:
    return {
        "overall": _agreement_json(figures.overall),
        "verdict": _agreement_json(figures.verdict),
        "severity": _agreement_json(figures.severity),
        "items": [{"ip_type": i.ref.ip_type, "checklist_id": i.ref.checklist_id, "item": i.ref.item.id,
                   "text": i.ref.item.text.en, "cases": i.cases, "disagreements": i.disagreements,
                   "agreement": _agreement_json(i.figures)} for i in figures.items],
        "deviation_from_consensus": [{"reviewer": d.reviewer, "compared": d.compared, "differing": d.differing,
                                      "rate": d.rate, "verdicts_compared": d.verdicts_compared,
                                      "verdicts_differing": d.verdicts_differing, "verdict_rate": d.verdict_rate}
                                     for d in figures.deviations],
    }
