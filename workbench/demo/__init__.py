"""A realistic demo workspace: generated cases with Chinese names, departments and dates
(`data`), decided, imported and reviewed in the 24 months before a given today (`timeline`),
reviews with realistic answers and findings, with a planted department dip and an examiner
outside the funnel (`findings`), the optional facts risk indicators read (`case_details`) and
planted abnormal filing behaviour with its truth per case (`planted`: an agency's burst of
near-duplicates, a natural person's many patents, a trademark hoarder), written as the application
writes them, and optionally a drawn
round reviewed in the round (`generate`) and a calibration session (`calibration_demo`). The same
seed and today always give the same workspace.

May import: foundation, workbench.audit, workbench.importing, workbench.review, workbench.rounds,
workbench.calibration.
"""
