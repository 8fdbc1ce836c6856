"""Work packages for offline review: writing one reviewer's share of a round (`share`: their
assigned cases, or in a calibration round their own blind reviews only) as a package and
opening it (`workpackage`), checking what a package's reviewer may change against what the
master issued (`trust`), and merging packages back with a preview and per-item conflict choices
(`merge`, which plans each review in `merge_plan` and writes it in `merge_apply`); audit entries
travel both ways through `audit_copy`.

May import: foundation, workbench.audit, workbench.importing, workbench.review, workbench.rounds.
"""
