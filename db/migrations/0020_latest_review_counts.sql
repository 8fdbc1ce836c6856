-- Schema version 20: the Dashboard counts the reviewed cases by walking an index (issue 20).
-- Over all cases the report and the trend count the cases with a review per department, examiner,
-- IP type, decision month, status and verdict, and list the review minutes of the reviewed ones per
-- group (workbench.report.case_counts.review_counts / review_minutes). At a million cases (200,000
-- reviews) each was a GROUP BY or ORDER BY that sorted latest_reviews, 0.41 and 0.42 s of CPU;
-- walking this index in its own order, 0.07 and 0.10 s, no sort, also under a period filter (the
-- decision date is its last column). latest_reviews' decision month is a VIRTUAL generated column
-- (nothing stored in the table; the expression is case_counts.month_sql on the unqualified column,
-- as cases.decision_month in 0016, and a test checks it is the same text). The index keeps itself
-- (about 19 MB at a million cases): no writer changes.
ALTER TABLE latest_reviews ADD COLUMN decision_month TEXT GENERATED ALWAYS AS
    (CASE WHEN (decision_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*' AND decision_date >= '0001' AND substr(decision_date, 6, 2) BETWEEN '01' AND '12' AND (substr(decision_date, 9, 2) BETWEEN '01' AND '28' OR date(julianday(substr(decision_date, 1, 10))) = substr(decision_date, 1, 10))) THEN substr(decision_date, 1, 7) ELSE '~' || decision_date END) VIRTUAL;
CREATE INDEX latest_reviews_counts ON latest_reviews(department, examiner, ip_type, decision_month, status,
    verdict, active_seconds, decision_date);
-- The failing answers' partial index (0016) with the outcome in it: SQLite 3.40 does not treat a
-- partial index as covering for the column of its WHERE, so every walk of it (the findings over all
-- cases, the severities) looked up each failing answer's row; with the column, none (at a million
-- cases the findings' count 0.37-0.43 -> 0.21-0.33 s, the walk alone 0.17-0.25 -> 0.08-0.14 s).
DROP INDEX answers_failing;
CREATE INDEX answers_failing ON answers(review_id, severity, category, outcome) WHERE outcome = 'fail';
