-- Schema version 16: the Dashboard over all cases counts an index, not the cases (issue 20).
-- Over all cases the report counts every case by department, examiner, IP type and pendency, and
-- the trend by department, IP type, decision month and pendency. Computing each pendency from two
-- date strings in a million wide rows took 3.5-4 s per count. Two VIRTUAL generated columns hold
-- those values (nothing is stored in the table: ALTER TABLE adds them to the schema only), and two
-- indexes store them, so each count is one walk of an index in its own order (GROUP BY without a
-- sort, no table read). The indexes keep themselves: no writer changes.
--
-- The expressions are workbench.report.case_counts.pendency_sql and month_sql on unqualified
-- columns (tests/workbench/test_report_counted.py checks they are the same text): the pendency
-- in SQL only where SQL and Python agree (both dates plain yyyy-mm-dd, a real calendar day),
-- -1 for any other non-empty date, which the report then judges by its own Python rule.
ALTER TABLE cases ADD COLUMN pendency_days INTEGER GENERATED ALWAYS AS
    (CASE WHEN filing_date IS NULL OR decision_date IS NULL THEN NULL WHEN (filing_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*' AND filing_date >= '0001' AND substr(filing_date, 6, 2) BETWEEN '01' AND '12' AND (substr(filing_date, 9, 2) BETWEEN '01' AND '28' OR date(julianday(substr(filing_date, 1, 10))) = substr(filing_date, 1, 10))) AND (decision_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*' AND decision_date >= '0001' AND substr(decision_date, 6, 2) BETWEEN '01' AND '12' AND (substr(decision_date, 9, 2) BETWEEN '01' AND '28' OR date(julianday(substr(decision_date, 1, 10))) = substr(decision_date, 1, 10))) THEN nullif(max(CAST(julianday(substr(decision_date, 1, 10)) - julianday(substr(filing_date, 1, 10)) AS INTEGER), -1), -1) ELSE -1 END) VIRTUAL;
ALTER TABLE cases ADD COLUMN decision_month TEXT GENERATED ALWAYS AS
    (CASE WHEN (decision_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*' AND decision_date >= '0001' AND substr(decision_date, 6, 2) BETWEEN '01' AND '12' AND (substr(decision_date, 9, 2) BETWEEN '01' AND '28' OR date(julianday(substr(decision_date, 1, 10))) = substr(decision_date, 1, 10))) THEN substr(decision_date, 1, 7) ELSE '~' || decision_date END) VIRTUAL;
CREATE INDEX cases_report_counts ON cases(department, examiner, ip_type, pendency_days);
CREATE INDEX cases_trend_counts ON cases(department, ip_type, decision_month, pendency_days);
-- The failing answers (one in fifty) of every review: the report's findings and severities read
-- these few instead of every answer.
CREATE INDEX answers_failing ON answers(review_id, severity, category) WHERE outcome = 'fail';
