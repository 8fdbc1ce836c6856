"""Rounds in words for the command line: a new round (plan, allocation, assignment, every drawn
case) and a stored round's status, as lines of English text aligned for a terminal."""
from __future__ import annotations

import unicodedata
from typing import Any, Mapping

from workbench.rounds.sampling_plan import Plan, coverage_warning, percent
from workbench.rounds.store import RoundResult


def _width(text: str) -> int:
    """Columns a text takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))



def _probability_lines(summary: Mapping[str, Any], population: int) -> list[str]:
    """A risk-based round's inclusion probabilities in one line."""
    if summary["min"] is None:
        return []
    certain = f", {summary['take_all']} taken with certainty" if summary["take_all"] else ""
    return [f"Inclusion probabilities: {summary['min']:.4g} to {summary['max']:.4g}{certain}; the design weights "
            f"1/pi sum to {summary['weight_sum']:.0f} (population {population}); this round's estimates are "
            "weighted by them (Hajek estimator)."]


def describe_round(result: RoundResult) -> list[str]:
    """The plan, the allocation, the assignment and every drawn case, as lines of English text."""
    d = result.design
    lines = [f"Round {result.name!r}: {result.matching} cases match ({result.filters.describe()})"
             + (f"; {result.excluded} drawn in earlier rounds left out" if result.excluded else "")
             + (f"; {result.excluded_reviewed} already reviewed left out (--include-reviewed puts them back)"
                if result.excluded_reviewed else "")
             + f"; population {d.population}."]
    lines.append(f"Plan: {result.plan.describe()}.")
    if d.unadjusted_size is not None:
        lines.append(f"Sample size: {d.size} (n0 = {d.unadjusted_size}, finite population correction for "
                     f"N = {d.population})" + (", raised to give every stratum its minimum" if d.raised_for_minimum
                                               else "") + ".")
    else:
        lines.append(f"Sample size: {d.size}.")
    how = "chosen at random; give --seed to draw the same cases again" if result.seed_source == "random" else "given"
    lines.append(f"Seed: {result.seed} ({how}).")
    if result.plan.method == "risk":
        lines.extend(_probability_lines(result.as_json()["inclusion_probabilities"], d.population))
    if d.strata:
        acceptance = result.plan.method == "acceptance"
        width = max(len("Stratum"), *(_width(s.name) for s in d.strata))
        head = f"  {_pad('Lot' if acceptance else 'Stratum', width)}  Population  Sample"
        lines.append(head + ("  Letter (plan)  Ac  Re" if acceptance else "  Expected" if any(
            s.expected is not None for s in d.strata) else ""))
        for s in d.strata:
            line = f"  {_pad(s.name, width)}  {s.population:>10}  {s.sample:>6}"
            if acceptance:
                line += f"  {s.letters:>13}  {s.accept:>2}  {s.reject:>2}"
            elif s.expected is not None:
                line += f"  {percent(s.expected):>8}"
            lines.append(line)
    warning = coverage_warning(d)
    if warning:
        lines.append(warning)
    if result.reviewers:
        lines.append("Assigned: " + ", ".join(f"{name} {count}" for name, count in result.loads().items()) + ".")
    else:
        lines.append("No reviewers given: the cases are not assigned yet.")
    if result.checklists:
        lines.append("Checklists: " + ", ".join(f"{k} {v.template_id} v{v.version}"
                                                for k, v in sorted(result.checklists.items())) + ".")
    lines.append(f"Drawn ({len(result.cases)} cases, in draw order):")
    for case in result.cases:
        parts = [f"{case.draw_order:>5}", f"{case.application_number:<16}", f"{case.ip_type.replace('_', ' '):<13}"]
        if case.stratum is not None:
            parts.append(case.stratum)
        if case.reviewer is not None:
            parts.append(f"-> {case.reviewer}")
        lines.append("  " + "  ".join(parts))
    return lines



def describe_status(status: Mapping[str, Any]) -> list[str]:
    plan = Plan.from_json(status["plan"])
    lines = [f"Round {status['round']!r}, drawn {status['created_at'][:16].replace('T', ' ')} UTC"
             + (f" by {status['created_by']}" if status["created_by"] else "")
             + f": {status['population']} cases in the population, seed {status['seed']}.",
             f"Plan: {plan.describe()}."]
    if plan.method == "risk":
        lines.extend(_probability_lines(status["inclusion_probabilities"], status["population"]))
    for row in status["reviewers"]:
        who = row["reviewer"] or "(unassigned)"
        lines.append(f"  {_pad(who, 12)}  {row['done']:>4} of {row['assigned']:>4} reviewed")
    if status["lots"]:
        width = max(3, *(_width(lot["lot"]) for lot in status["lots"]))
        lines.append(f"  {_pad('Lot', width)}  Size  Letter (plan)  Sample  Ac  Re  Reviewed  Nonconforming  Verdict")
        for lot in status["lots"]:
            verdict = lot["verdict"] or f"pending ({lot['sample_size'] - lot['reviewed']} to review)"
            plan_letter = lot.get("plan_letter", lot["code_letter"])
            letters = lot["code_letter"] + (f" -> {plan_letter}" if plan_letter != lot["code_letter"] else "")
            lines.append(f"  {_pad(lot['lot'], width)}  {lot['lot_size']:>4}  {letters:>13}"
                         f"  {lot['sample_size']:>6}  {lot['accept']:>2}  {lot['reject']:>2}  {lot['reviewed']:>8}"
                         f"  {lot['nonconforming']:>13}  {verdict}")
    problems = status["redraw_problems"]
    lines.append("Re-drawn from the stored filters, plan and seed: " + ("; ".join(problems) if problems
                                                                         else "the same cases."))
    return lines
