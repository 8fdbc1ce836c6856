"""Review rounds: the population a filter selects (leaving out cases drawn before or already
reviewed), the sampling plan and its sample size (`sample_size`, ISO 2859-1 in `acceptance`), the
seeded draw and the balanced assignment to reviewers (`draw`), and storing, re-drawing,
reassigning and reporting the progress of a round.

May import: workbench.base, workbench.audit, workbench.importing, workbench.review, workbench.stats.
"""
