-- Schema version 4: review rounds, their sampling plans and assignments (issue 7).

CREATE TABLE rounds (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    filters      TEXT NOT NULL DEFAULT '{}',   -- JSON: field -> value(s), date ranges, import ids
    plan         TEXT NOT NULL DEFAULT '{}',   -- JSON: method, size or precision, strata, allocation, minimum
    seed         INTEGER NOT NULL,
    checklists   TEXT NOT NULL DEFAULT '{}',   -- JSON: ip type -> checklists.id
    reviewers    TEXT NOT NULL DEFAULT '[]',   -- JSON list of reviewer names
    population   INTEGER NOT NULL DEFAULT 0    -- cases matching the filters when drawn
);

CREATE TABLE round_cases (
    round_id   INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    stratum    TEXT,                          -- the stratum the case was drawn from, if stratified
    draw_order INTEGER NOT NULL,
    reviewer   TEXT,                          -- assigned reviewer
    PRIMARY KEY (round_id, case_id)
);
CREATE INDEX round_cases_case ON round_cases(case_id);

-- Population and sample per stratum at the time of the draw, for the stratified estimator.
CREATE TABLE round_strata (
    round_id   INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    stratum    TEXT NOT NULL,
    population INTEGER NOT NULL,
    sample     INTEGER NOT NULL,
    PRIMARY KEY (round_id, stratum)
);

ALTER TABLE reviews ADD COLUMN round_id INTEGER REFERENCES rounds(id);
CREATE INDEX reviews_round ON reviews(round_id);
