-- Schema version 4: review rounds, their sampling plans and assignments (issue 7).
-- A round records everything needed to draw its sample again: the filters, the plan and
-- the seed, plus a digest of the population so a later re-draw can tell "the population
-- changed" from "the draw differs".

CREATE TABLE rounds (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE,
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL DEFAULT '',
    filters           TEXT NOT NULL DEFAULT '{}',   -- JSON: field -> values, decision-date range, imports
    plan              TEXT NOT NULL DEFAULT '{}',   -- JSON: method, size or precision, strata, allocation, minimum, AQL
    seed              INTEGER NOT NULL,
    seed_source       TEXT NOT NULL DEFAULT 'given' CHECK (seed_source IN ('given', 'random')),
    checklists        TEXT NOT NULL DEFAULT '{}',   -- JSON: ip type -> checklists.id
    reviewers         TEXT NOT NULL DEFAULT '[]',   -- JSON list of {"name", "cap"}
    effort            TEXT,                         -- JSON: ip type -> expected effort, or NULL (balance by count)
    matching          INTEGER NOT NULL DEFAULT 0,   -- cases matching the filters when drawn
    excluded          INTEGER NOT NULL DEFAULT 0,   -- of those, left out as already sampled in another round
    population        INTEGER NOT NULL DEFAULT 0,   -- cases sampled from (matching - excluded)
    population_sha256 TEXT NOT NULL DEFAULT ''      -- of the population's application numbers, in order
);

CREATE TABLE round_cases (
    round_id   INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    stratum    TEXT,                          -- the stratum or lot the case was drawn from; NULL if unstratified
    draw_order INTEGER NOT NULL,
    reviewer   TEXT,                          -- assigned reviewer; NULL until assigned
    PRIMARY KEY (round_id, case_id)
);
CREATE INDEX round_cases_case ON round_cases(case_id);
CREATE INDEX round_cases_reviewer ON round_cases(round_id, reviewer);

-- Population and sample per stratum (or lot) at the time of the draw, for the stratified
-- estimator and, in acceptance rounds, the ISO 2859-1 plan of each lot.
CREATE TABLE round_strata (
    round_id    INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    stratum     TEXT NOT NULL,
    population  INTEGER NOT NULL,
    sample      INTEGER NOT NULL,
    expected    REAL,                         -- the expected rate used by Neyman allocation
    code_letter TEXT,                         -- acceptance rounds: ISO 2859-1 code letter of the lot
    accept      INTEGER,                      -- acceptance rounds: Ac (accept with at most this many nonconforming)
    reject      INTEGER,                      -- acceptance rounds: Re
    PRIMARY KEY (round_id, stratum)
);

ALTER TABLE reviews ADD COLUMN round_id INTEGER REFERENCES rounds(id);
CREATE INDEX reviews_round ON reviews(round_id);
