-- Schema version 13: the queue's search walk reads an index, not the cases (issue 20).
-- A search by a word of one or two characters has no full-text index (the trigram index needs
-- three); the queue's first page tests the cases along the application number's order until it has
-- a page. A case row holds its abstract and a dozen other fields (about 450 bytes); this index holds
-- only what the test reads, about 80 bytes a case, so the same walk reads a sixth of the pages.
CREATE INDEX cases_search ON cases(application_number, title, applicant);
