"""What a quality manager sends upward: every figure of the report computed in one place for the
workbook and the Dashboard alike (`figures`, with `items` and `strata`), the rows of the Cases and
Findings sheets (`listings`), and the Excel workbook: its sheets, charts, tables and the fast row
writer (`workbook`, `sheets`, `excel_*`), plus the per-row import report as CSV (`import_issues_csv`). Rounds are read from their tables, so a
report depends only on what is stored.

May import: foundation, workbench.audit, workbench.importing, workbench.review, workbench.stats.
"""
