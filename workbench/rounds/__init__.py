"""Review rounds: `population` (the filters and the cases they select, leaving out cases drawn
before or already reviewed, and the stratum each falls in), `sampling_plan` (the plan, its
sample size and allocation over a population, and the seeded draw), `sample_size` and
`acceptance` (the sample-size formulas and ISO 2859-1), `draw` (the seeded draws and the
balanced sharing among reviewers, pure functions over ids), `assignment` (reviewers, caps and
effort), `store` (creating, reading, re-drawing and reassigning a stored round),
`round_status` (progress per reviewer and verdict per lot) and `round_text` (rounds in words
for the command line).

May import: foundation, workbench.audit, workbench.importing, workbench.review, workbench.stats.
"""
