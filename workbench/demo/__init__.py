"""A realistic demo workspace: generated cases with Chinese names, departments and dates
(`data`), reviews with realistic answers, findings and review times written as the application
writes them, and optionally a drawn round reviewed in the round (`generate`). The same arguments
always give the same workspace.

May import: foundation, workbench.audit, workbench.importing, workbench.review, workbench.rounds.
"""
