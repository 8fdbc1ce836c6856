"""A calibration round's work package in the window: the reviewer sees and works on their own blind
reviews; the others' answers and history are not there to be shown (they are not in the file)."""
from __future__ import annotations

import shutil

from db.connection import open_database
from tests.workbench.test_packages_calibration import (MASTER_NOTE, PACKAGE_NOTE, REVIEWERS, answer,  # noqa: F401
                                                       calibration_template, export, own_reviews)
from workbench.review import reviews


def _texts(tree) -> list[str]:
    return [tree.topLevelItem(i).text(c) for i in range(tree.topLevelItemCount()) for c in range(tree.columnCount())]


def test_the_window_on_a_calibration_package_shows_only_the_reviewers_own_work(
        calibration_template, tmp_path, window_factory):  # noqa: F811
    a, b, c = REVIEWERS
    master = tmp_path / "master.sqlite3"
    shutil.copyfile(calibration_template, master)
    db = open_database(master)
    for other in (b, c):                       # the others answered in the manager's workspace first
        for review_id in own_reviews(db, other):
            answer(db, review_id, other, MASTER_NOTE[other], fail=1)
    db.close()
    export(master, tmp_path, a)
    window = window_factory(db_name=f"{a}.qrpkg", reviewer="someone")
    assert window.reviewer == a
    pkg = window.db
    cases = [reviews.get_review(pkg, r).case_id for r in own_reviews(pkg, a)]
    assert window.model.rowCount() == len(cases)
    for case_id in cases:
        window.select_case(case_id)
        assert window.panel.case_id == case_id and window.panel.review.reviewer == a
        assert window.panel.review.role == "calibration" and not window.panel.answers
        window.history.show_case(case_id)
        tree = window.history.tree
        shown = " ".join(_texts(tree))           # the round's entries name every reviewer: no answer of theirs
        assert MASTER_NOTE[b] not in shown and MASTER_NOTE[c] not in shown
        assert {tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())} <= {a, "Chen Jing"}
        answer(pkg, window.panel.review.id, a, PACKAGE_NOTE[a], complete=False, items=1)
        window.select_case(case_id)
        window.history.show_case(case_id)
        assert PACKAGE_NOTE[a] in " ".join(_texts(window.history.tree))
