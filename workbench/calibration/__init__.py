"""Calibration: blind double review and agreement between reviewers (issue 14).

`rounds` creates a calibration round (every listed reviewer reviews every chosen case with
the same frozen checklist version) and closes its blind phase; `blind` says whose answers an
actor may see; `sheet` is what one person may see of a case (items against each reviewer's
answers, with the blind applied, and who has finished what) for the window; `consensus`
records the agreed answers after the close; `ratings` turns the reviews into rating tables;
`figures` computes agreement, deviations from consensus and drift with
`workbench.stats.agreement`; `status` is `calibration-status`.

Calibration reviews (reviews.role = 'calibration') never count in quality figures; the
consensus review (role 'consensus') counts as the case's review, once.

May import: foundation, workbench.audit, workbench.importing, workbench.review, workbench.rounds,
workbench.stats.
"""
