"""Who reviews a round's cases: reviewers with their caps, the expected effort per IP type, and
the balanced assignment of drawn cases to reviewers (never to a case's own examiner), with the
parsers for what people type in the CLI and the wizard."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from foundation.errors import WorkbenchError, register
from workbench.importing.identifiers import IP_TYPES, parse_ip_type
from workbench.rounds.draw import assign
from workbench.rounds.population import PopulationCase

register({
    "rounds.reviewer_name": "A reviewer needs a name (got {value!r}).",
    "rounds.reviewer_cap": "Reviewer {reviewer!r}: the cap must be a whole number of zero or more (got {value!r}).",
    "rounds.effort_type": "Effort is given for {value!r}, which is not an IP type (use {allowed}).",
    "rounds.effort": "The effort for {ip_type} must be a number of zero or more (got {value!r}).",
    "rounds.unassignable": (
        "No reviewer can take case {case}, examined by {examiner}: among {reviewers}, the others are its "
        "examiner or have reached their cap. Add a reviewer or raise a cap."
    ),
})


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


@dataclass(frozen=True)
class Reviewer:
    name: str
    cap: int | None = None   # most cases in the round; None: no limit

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "cap": self.cap}


def check_reviewers(reviewers: Sequence[Reviewer]) -> tuple[Reviewer, ...]:
    """The reviewers with their names stripped; refuses a blank name or a cap that is not a count."""
    result = []
    for reviewer in reviewers:
        name = reviewer.name.strip() if isinstance(reviewer.name, str) else ""
        if not name:
            raise WorkbenchError("rounds.reviewer_name", value=reviewer.name)
        if reviewer.cap is not None and (not _is_int(reviewer.cap) or reviewer.cap < 0):
            raise WorkbenchError("rounds.reviewer_cap", reviewer=name, value=reviewer.cap)
        result.append(Reviewer(name, reviewer.cap))
    return tuple(result)


def check_effort(effort: Mapping[str, float] | None) -> dict[str, float] | None:
    """The effort per IP type as floats; refuses an unknown IP type or a negative effort."""
    if effort is None:
        return None
    checked = {}
    for ip_type, value in effort.items():
        if ip_type not in IP_TYPES:
            raise WorkbenchError("rounds.effort_type", value=ip_type, allowed=", ".join(IP_TYPES))
        if not _is_number(value) or value < 0:
            raise WorkbenchError("rounds.effort", ip_type=ip_type, value=value)
        checked[ip_type] = float(value)
    return checked


def plan_assignment(cases: Sequence[PopulationCase], reviewers: Sequence[Reviewer],
                    effort: Mapping[str, float] | None = None) -> dict[int, str]:
    """Case id -> reviewer: balanced by count, or by summed effort per IP type (types not given
    count 1), within caps, never to the case's own examiner. Empty without reviewers."""
    reviewers = check_reviewers(reviewers)
    effort = check_effort(effort)
    if not reviewers or not cases:
        return {}
    caps = {r.name: r.cap for r in reviewers if r.cap is not None}
    weights = {c.id: effort.get(c.ip_type, 1.0) for c in cases} if effort else None
    try:
        return assign([(c.id, c.examiner or None) for c in cases], [r.name for r in reviewers],
                      caps=caps, effort=weights)
    except WorkbenchError as exc:
        if exc.code != "sampling.unassignable":
            raise
        number = next(c.application_number for c in cases if c.id == exc.params["case"])
        raise WorkbenchError("rounds.unassignable", case=number, examiner=exc.params["examiner"],
                             reviewers=", ".join(r.name for r in reviewers)) from None


# --- parsing what people type (CLI and wizard) ------------------------------------------------

def parse_reviewers(text: str) -> tuple[Reviewer, ...]:
    """"Li Wei,Wang Fang:40" -> reviewers, the second with a cap of 40 cases."""
    result = []
    for part in text.replace("，", ",").split(","):
        if not part.strip():
            continue
        name, _, cap = part.replace("：", ":").partition(":")
        cap_value: int | None = None
        if cap.strip():
            try:
                cap_value = int(cap.strip())
            except ValueError:
                raise WorkbenchError("rounds.reviewer_cap", reviewer=name.strip(), value=cap.strip()) from None
        result.append(Reviewer(name.strip(), cap_value))
    if not result:
        raise WorkbenchError("rounds.reviewer_name", value=text)
    return check_reviewers(result)


def parse_effort(text: str) -> dict[str, float]:
    """"invention=3,trademark=1" -> expected effort per IP type (any unit, e.g. hours)."""
    effort: dict[str, float] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        name, sep, value = part.partition("=")
        if not sep:
            raise WorkbenchError("rounds.effort", ip_type=part.strip(), value="")
        ip_type = parse_ip_type(name)
        try:
            effort[ip_type or name.strip()] = float(value)
        except ValueError:
            raise WorkbenchError("rounds.effort", ip_type=ip_type or name.strip(), value=value.strip()) from None
    return check_effort(effort) or {}
