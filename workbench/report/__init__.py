"""What a quality manager sends upward: every figure of the report computed in one place for the
workbook, the PDF and the Dashboard alike (`figures`, with `items` and `strata`), the rows of the
Cases, Findings and Answers sheets (`listings`), the Excel workbook with its sheets, charts,
tables, print setup and fast row writer (`workbook`, `sheets`, `summary_sheets`, `excel_*`,
behind `openpyxl_internals`), the PDF report (`pdf_report` laid out, `pdf` drawn with QtGui: the
one module of workbench/ that imports Qt), the words shared with the window (`glossary`,
`round_words`) and the per-row import report as CSV (`import_issues_csv`); trends over time and fair
comparisons (`trends`: figures per month or quarter, p-charts, period comparisons; `funnels`: funnel
plots of departments and examiners; `targets`: the workspace's pendency targets, the one table this
package writes) with their sheets (`trend_sheet`, `funnel_sheet`, `trend_words`). Rounds are read from
their tables, so a report depends only on what is stored; so are the feedback tables, for the
dispute figures and the Disputes sheet (`dispute_figures`, `disputes_sheet`), since
workbench.feedback imports the report and not the other way round.

May import: foundation, workbench.audit, workbench.importing, workbench.review, workbench.stats,
workbench.calibration.
"""
