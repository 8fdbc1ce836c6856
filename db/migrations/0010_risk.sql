-- Schema version 10: risk indicators and targeted sampling (issue 17).
-- The case facts that risk indicators need, all optional: an indicator that needs a field the
-- import did not fill is skipped, and the risk report says so.
ALTER TABLE cases ADD COLUMN agent TEXT NOT NULL DEFAULT '';            -- 代理机构
ALTER TABLE cases ADD COLUMN applicant_type TEXT NOT NULL DEFAULT ''    -- '' when not given
    CHECK (applicant_type IN ('', 'natural_person', 'company', 'university', 'institute'));
ALTER TABLE cases ADD COLUMN abstract TEXT NOT NULL DEFAULT '';         -- 摘要
ALTER TABLE cases ADD COLUMN nice_classes TEXT NOT NULL DEFAULT '';     -- trademarks: Nice classes, '9,35,42' (ascending)
ALTER TABLE cases ADD COLUMN use_shown INTEGER                          -- trademarks: evidence of use shown; NULL unknown
    CHECK (use_shown IN (0, 1));
CREATE INDEX cases_agent ON cases(agent);
CREATE INDEX cases_applicant ON cases(applicant);

-- Each case's risk, derived from the cases by workbench.risk (recomputed after each import, never
-- edited by hand): score in [0, 1] (0: no indicator fired), its band, and the indicators that
-- fired as JSON [{"code", "points", "detail": {...}}], from which the one-sentence explanation is
-- worded in either language. A case without a row has score 0, band 'none'.
CREATE TABLE case_risk (
    case_id     INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    score       REAL NOT NULL CHECK (score >= 0 AND score <= 1),
    band        TEXT NOT NULL CHECK (band IN ('none', 'low', 'medium', 'high')),
    indicators  TEXT NOT NULL DEFAULT '[]',
    computed_at TEXT NOT NULL
);
CREATE INDEX case_risk_score ON case_risk(score);

-- What the last computation covered: the indicator settings (JSON) and which indicators were
-- skipped for want of a field, so the report can say so.
CREATE TABLE risk_runs (
    id          INTEGER PRIMARY KEY,
    computed_at TEXT NOT NULL,
    cases       INTEGER NOT NULL,
    settings    TEXT NOT NULL DEFAULT '{}',
    skipped     TEXT NOT NULL DEFAULT '[]'     -- JSON [{"code", "missing": [field...]}]
);

-- A drawn case's first-order inclusion probability (pi_i), stored at the draw: unequal in a
-- risk-based draw, n_h/N_h in a stratified one; NULL in rounds drawn before this version (their
-- probabilities follow from round_strata). Estimates weight each case by 1/pi_i.
ALTER TABLE round_cases ADD COLUMN inclusion_probability REAL
    CHECK (inclusion_probability IS NULL OR (inclusion_probability > 0 AND inclusion_probability <= 1));
