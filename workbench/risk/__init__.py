"""Risk indicators for abnormal applications and trademark hoarding (issue 17): each an explainable
signal computed from the cases (SQLite for the counting indicators, MinHash with banding for
near-duplicate titles and abstracts), stored per case in `case_risk` (score in [0, 1], band, the
indicators that fired) after each import, worded in one sentence per indicator in either language,
and the screening yield per indicator. The risk-based draw itself is in workbench.rounds.

settings (thresholds, points, bands), minhash (near-duplicate search), indicators (the rules),
store (refresh, risk_of), sketches (the sketches kept between refreshes), judgements (the similar
pairs kept), workers (a big refresh's sketching and searching on worker processes), explain (the
sentences), after_import (an import followed by its refresh).

May import: audit, importing, review, stats.
"""
from workbench.risk.explain import Explanation, band_label, bounded_sentence as explain_bounded, explain
from workbench.risk.explain import skipped_sentence as explain_skipped
from workbench.risk.explain import sentences as explain_indicators
from workbench.risk.settings import BAND_LABELS, BANDS, CODES, DEFAULT, INDICATOR_LABELS, RiskSettings, band_of, combine
from workbench.risk.store import CaseRisk, RiskRun, Skipped, last_run, refresh, risk_of

__all__ = ["BAND_LABELS", "BANDS", "CODES", "DEFAULT", "INDICATOR_LABELS", "CaseRisk", "Explanation", "RiskRun",
           "RiskSettings", "Skipped", "band_label", "band_of", "combine", "explain", "explain_bounded", "explain_indicators", "explain_skipped", "last_run", "refresh", "risk_of"]
