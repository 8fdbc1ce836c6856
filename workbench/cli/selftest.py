"""`python main.py self-test`: the whole pipeline on the bundled demo samples, in a
temporary workspace. Run by CI on the source tree and on the packaged executable."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TextIO

import sqlite_utils

from workbench.review import checklist_store
from workbench.review import reviews
from foundation.errors import WorkbenchError, register
from foundation.paths import resource_dir

register({"selftest.failed": "Self-test failed: {what}."})

DEMO_CSV = "demo_cases.csv"
SELF_TEST_REVIEWER = "self-test"


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise WorkbenchError("selftest.failed", what=what)


def run_self_test(out: TextIO) -> None:
    from db.connection import open_database
    from workbench.importing.importer import import_file
    from workbench.review.integrity import check_workspace

    samples = resource_dir() / "samples" / DEMO_CSV
    _check(samples.is_file(), f"the demo samples are missing at {samples}")
    with tempfile.TemporaryDirectory(prefix="workbench-self-test-") as folder:
        db = open_database(Path(folder) / "self-test.sqlite3")
        try:
            result = import_file(db, samples)
            _check(result.accepted > 0 and result.rejected == 0,
                   f"importing the demo samples accepted {result.accepted} and rejected {result.rejected}")
            print(f"import: {result.accepted} cases", file=out)
            _risk(db, out)
            installed = checklist_store.install_builtins(db)
            _check(bool(installed), "no built-in checklist template")
            case_id = db.execute("SELECT id FROM cases WHERE ip_type = 'invention' ORDER BY id LIMIT 1").fetchone()
            _check(case_id is not None, "no invention case among the demo samples")
            opened = reviews.open_review(db, case_id[0], reviewer=SELF_TEST_REVIEWER)
            checklist = checklist_store.load_stored(db, opened.checklist_id)
            first = checklist.items[0]
            reviews.set_answer(db, opened.id, first.id, first.option_for_outcome("fail").code,
                              severity=first.severities[0], category=first.categories[0],
                              comment="=self-test finding", actor=SELF_TEST_REVIEWER, checklist=checklist)
            answered = {first.id}
            while True:
                answers = reviews.get_answers(db, opened.id)
                pending = [i for i in checklist.visible_items({k: a.answer for k, a in answers.items()})
                           if i.id not in answered]
                if not pending:
                    break
                item = pending[0]
                option = item.option_for_outcome("pass") or item.options[0]
                reviews.set_answer(db, opened.id, item.id, option.code, actor=SELF_TEST_REVIEWER,
                                  checklist=checklist)
                answered.add(item.id)
            assessment = reviews.complete(db, opened.id, actor=SELF_TEST_REVIEWER)
            expected = "error" if first.auto_fail or first.severities[0] in ("critical", "major") else "defect"
            _check(assessment.verdict == expected, f"the verdict was {assessment.verdict}, expected {expected}")
            print(f"review: {len(answered)} answers, verdict {assessment.verdict}", file=out)
            _export(db, Path(folder) / "report.xlsx", result.accepted, out)
            problems = check_workspace(db)
            _check(not problems, "; ".join(problems))
            print("verify: audit chain intact", file=out)
        finally:
            db.close()


def _risk(db: sqlite_utils.Database, out: TextIO) -> None:
    """The risk refresh, its near-duplicate work through worker processes however small: the frozen
    application's multiprocessing tried for it too (a machine with one core has no workers)."""
    from workbench.risk import workers
    from workbench.risk.store import refresh
    run = refresh(db, workers_from=1)
    _check(run.spread > 0 or workers.process_count() == 1, "the risk refresh's worker processes did no work")
    _check(db.execute("SELECT COUNT(*) FROM case_risk").fetchone()[0] == run.cases, "risk not stored for every case")
    print(f"risk: {run.cases} cases scored, {run.spread} parts on worker processes", file=out)


def _export(db: sqlite_utils.Database, target: Path, cases: int, out: TextIO) -> None:
    """The workbook of every case, its listings through worker processes however small: the frozen
    application's multiprocessing (main.py's freeze_support) is tried here, as `make dist-check`
    runs this."""
    from openpyxl import load_workbook

    from workbench.report.workbook import write_workbook
    exported = write_workbook(db, target, workers_from=1)
    _check(exported.rendered_apart == ("answers", "cases"),
           f"the listings' worker processes failed (rendered apart: {exported.rendered_apart})")
    workbook = load_workbook(target)
    _check({"Cases", "Findings"} <= set(workbook.sheetnames), f"sheets {workbook.sheetnames}")
    _check(exported.cases == cases and exported.findings == 1,
           f"the workbook holds {exported.cases} cases and {exported.findings} findings")
    finding = list(workbook["Findings"].iter_rows(min_row=2))
    workbook.close()
    # Formula-like text stays text, unaltered, by the quote-prefix cell style.
    _check(any(str(c.value).startswith("=") and c.data_type == "s" and c.quotePrefix for c in finding[0]),
           "an imported formula was not escaped")
    print(f"export: {exported.cases} cases, {exported.findings} finding", file=out)
