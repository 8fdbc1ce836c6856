"""What keeps an import: reviews counted one by one, cases in rounds counted once each."""
from __future__ import annotations

from tests.workbench.helpers import ROWS, mini_checklist_id, workspace, write_csv
from workbench.importing.import_uses import ImportUse, import_uses
from workbench.importing.importer import import_file
from workbench.review import reviews
from workbench.rounds import sampling_plan, store
from workbench.rounds.population import Filters


def test_reviews_and_cases_in_rounds_are_counted_as_the_user_knows_them(tmp_path):
    db = workspace(tmp_path)
    result = import_file(db, write_csv(tmp_path / "a.csv", ROWS))
    assert import_uses(db, result.import_id) == ()
    for number in range(2):     # two rounds draw every case: each case counts once
        store.create_round(db, name=f"R{number}", filters=Filters(exclude_sampled=False), plan=sampling_plan.Plan(size=3), seed=number,
                           actor="qa")
    case_id, number = db.execute("SELECT id, application_number FROM cases ORDER BY 2 LIMIT 1").fetchone()
    reviews.open_review(db, case_id, reviewer="bob", checklist_id=mini_checklist_id(db))
    uses = import_uses(db, result.import_id)
    assert [(u.table, u.count) for u in uses] == [("reviews", 1), ("round_cases", 3)]
    assert isinstance(uses[0], ImportUse) and number in uses[0].examples
