"""Feedback to examiners and their disputes (issue 15): closing the quality loop offline.

`findings` selects each examiner's findings for a scope and gives every finding sent the ID
letters and response workbooks use; `signing` holds the workspace's key and signs what a
response workbook lists (HMAC-SHA256), so a returned file is matched to its findings and an
edited finding is found. Letters (PDF), response workbooks, reading responses back and the
manager's decisions build on these. The dispute figures are the report's
(workbench.report.dispute_figures, reading these tables), so the workbook can show them.

May import: foundation, workbench.audit, workbench.importing, workbench.review, workbench.rounds,
workbench.stats, workbench.report.
"""
