"""Risk indicators for abnormal applications and trademark hoarding (issue 17): each an explainable
signal computed from the cases (SQLite for the counting indicators, MinHash with banding for
near-duplicate titles and abstracts), stored per case in `case_risk` (score in [0, 1], band, the
indicators that fired) after each import, worded in one sentence per indicator in either language,
and the screening yield per indicator. The risk-based draw itself is in workbench.rounds.

May import: audit, importing, review, stats.
"""
