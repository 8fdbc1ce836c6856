-- Schema version 12: indexes that hold the cases in each queue column's order (issue 20).
-- The queue's first page of a million cases sorted by any column is a walk along one of these
-- (a few hundred index steps), not a sort of every case. Each index ends with the application
-- number, the queue's tie-break, so the walk gives exactly the order ORDER BY gives. The indexes
-- they replace were their prefixes, so every lookup by value still uses them.
DROP INDEX cases_ip_type;
CREATE INDEX cases_ip_type ON cases(ip_type, application_number);
DROP INDEX cases_examiner;
CREATE INDEX cases_examiner ON cases(examiner, application_number);
DROP INDEX cases_department;
CREATE INDEX cases_department ON cases(department, application_number);
CREATE INDEX cases_decision_date ON cases(decision_date, application_number);
CREATE INDEX cases_title ON cases(title, application_number);
DROP INDEX cases_applicant;
CREATE INDEX cases_applicant ON cases(applicant, application_number);
-- The queue's filter by risk band: its few high-band cases found by index, not by reading every score.
CREATE INDEX case_risk_band ON case_risk(band);
