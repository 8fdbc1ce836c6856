"""Calibration: blind double review and agreement between reviewers (issue 14).

`rounds` creates a calibration round (every listed reviewer reviews every chosen case with
the same frozen checklist version) and closes its blind phase; `blind` says whose answers an
actor may see; `consensus` records the agreed answers after the close; `tables` turns the
reviews into rating tables; `figures` computes agreement, deviations from consensus and drift
with `workbench.stats.agreement`; `status` is `calibration-status`.

Calibration reviews (reviews.role = 'calibration') never count in quality figures; the
consensus review (role 'consensus') counts as the case's review, once.

May import: foundation, workbench.audit, workbench.importing, workbench.review, workbench.rounds,
workbench.stats.
"""
