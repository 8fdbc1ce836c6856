"""Which options of `sample` and `sample-size` each mode uses; an option the mode would ignore is refused.

A silently ignored option is a plan the user did not get (`--lot 500 --population 0` printed a
lot plan as if the population had been read), so the CLI names the option and says why it
does not apply. The argument parser leaves unset options as None (or False for flags), which
is how "given" is told from "left at its default".
"""
from __future__ import annotations

import argparse
from typing import Iterable

from foundation.errors import WorkbenchError, register

register({
    "cli.unused_option": "{option} is not used {context}; leave it out.",
})

_LOT_ONLY = ("aql", "level", "per_hundred")
_PRECISION_ONLY = ("confidence", "margin", "expected", "population")


def _given(args: argparse.Namespace, name: str) -> bool:
    value = getattr(args, name, None)
    return value is not None and value is not False and value != []   # 0 is given (--population 0)


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def _refuse(args: argparse.Namespace, names: Iterable[str], context: str) -> None:
    for name in names:
        if _given(args, name):
            raise WorkbenchError("cli.unused_option", option=_option(name), context=context)


def check_sample_size_args(args: argparse.Namespace) -> None:
    """`sample-size`: --lot asks for an ISO 2859-1 plan, otherwise a size for a precision."""
    if args.lot is not None:
        _refuse(args, _PRECISION_ONLY, "with --lot: an ISO 2859-1 lot plan has no confidence level, margin, "
                                       "expected rate or population")
    else:
        _refuse(args, _LOT_ONLY, "without --lot: it belongs to an ISO 2859-1 lot plan")


def check_sample_args(args: argparse.Namespace, method: str) -> None:
    """`sample`: options that only the acceptance method, stratified allocation, Neyman
    allocation, a precision or reviewers use are refused elsewhere."""
    if method != "acceptance":
        _refuse(args, ("aql", "level", "count_defects"),
                f"by the {method} method: it applies only to --method acceptance")
    if method != "risk":
        _refuse(args, ("floor",), f"by the {method} method: it applies only to --method risk")
    if method != "stratified":
        _refuse(args, ("allocation", "min_per_stratum"),
                f"by the {method} method: it applies only to a stratified sample")
    neyman = method == "stratified" and args.allocation == "neyman"
    if not neyman:
        _refuse(args, ("stratum_expected",), "without --allocation neyman: it sets a stratum's expected rate "
                                             "for Neyman allocation")
    precision = args.confidence is not None or args.margin is not None
    if not precision and not neyman:
        _refuse(args, ("expected",), "here: it sizes a sample from --confidence and --margin, or gives "
                                     "Neyman allocation its expected rate")
    if not args.reviewers:
        _refuse(args, ("effort",), "without --reviewers: it balances the cases among reviewers")
