-- Schema version 19: latest_reviews carries what the Dashboard's figures need of each reviewed case
-- (issue 20). Over all cases the report and the trend read every case with a review: its groups
-- and decision date from `cases`, its standing review's time and checklist from `reviews`. At a
-- million cases those two lookups per row and the rows' width cost about 0.75 s of the read's
-- 1.14 s; latest_reviews alone reads its 200,000 rows in 0.12-0.16 s. So it keeps copies of those
-- values, kept equal by triggers (tests/workbench/test_report_counted.py compares them with the
-- tables after every kind of change):
-- - a row added to latest_reviews (by the reviews triggers, or by the demo's bulk insert) takes
--   them from its case and its review;
-- - a review's time or checklist changing updates its row when it is the standing review;
-- - a case's department, examiner, IP type or decision date changing updates its row.
ALTER TABLE latest_reviews ADD COLUMN department TEXT;
ALTER TABLE latest_reviews ADD COLUMN examiner TEXT;
ALTER TABLE latest_reviews ADD COLUMN ip_type TEXT;
ALTER TABLE latest_reviews ADD COLUMN decision_date TEXT;
ALTER TABLE latest_reviews ADD COLUMN active_seconds REAL;
ALTER TABLE latest_reviews ADD COLUMN checklist_id INTEGER;

UPDATE latest_reviews SET department = c.department, examiner = c.examiner, ip_type = c.ip_type,
    decision_date = c.decision_date
FROM cases c WHERE c.id = latest_reviews.case_id;
UPDATE latest_reviews SET active_seconds = r.active_seconds, checklist_id = r.checklist_id
FROM reviews r WHERE r.id = latest_reviews.review_id;

CREATE TRIGGER latest_reviews_figures AFTER INSERT ON latest_reviews BEGIN
    UPDATE latest_reviews SET (department, examiner, ip_type, decision_date) =
        (SELECT department, examiner, ip_type, decision_date FROM cases WHERE id = new.case_id),
        (active_seconds, checklist_id) =
        (SELECT active_seconds, checklist_id FROM reviews WHERE id = new.review_id)
    WHERE case_id = new.case_id;
END;

CREATE TRIGGER latest_reviews_review_figures AFTER UPDATE OF active_seconds, checklist_id ON reviews BEGIN
    UPDATE latest_reviews SET active_seconds = new.active_seconds, checklist_id = new.checklist_id
    WHERE case_id = new.case_id AND review_id = new.id;
END;

CREATE TRIGGER latest_reviews_case_figures AFTER UPDATE OF department, examiner, ip_type, decision_date ON cases BEGIN
    UPDATE latest_reviews SET department = new.department, examiner = new.examiner, ip_type = new.ip_type,
        decision_date = new.decision_date
    WHERE case_id = new.id;
END;
