"""Issue 19, Language: English count nouns, articles and numbers (foundation/words.py)."""
from __future__ import annotations

from foundation.errors import WorkbenchError
from foundation.words import article, count, fill, number, resolve, resolve_template


def test_a_count_of_one_is_singular_and_others_plural_with_separators():
    assert count(1, "finding") == "1 finding" and count(2, "finding") == "2 findings"
    assert count(0, "case") == "0 cases" and count(1234, "case") == "1,234 cases"
    assert count(2, "stratum") == "2 strata" and count(3, "box") == "3 boxes"
    assert number(1234567) == "1,234,567"


def test_articles_before_ip_type_names():
    assert [article(t) for t in ("invention", "utility model", "design", "trademark")] == [
        "an invention", "a utility model", "a design", "a trademark"]


def test_marked_plurals_resolve_with_their_verb():
    assert resolve("%n review(s) are not finished", 1) == "%n review is not finished"
    assert resolve("%n review(s) are not finished", 4) == "%n reviews are not finished"
    assert fill("%1 dispute(s) wait for a decision", 1) == "1 dispute waits for a decision"
    assert fill("%1 finding(s) for %2 examiner(s): each", 2, 1) == "2 findings for 1 examiner: each"
    assert fill("Remove %1 and its %2 case(s)?", "a.csv", 1500) == "Remove a.csv and its 1,500 cases?"
    # only the first count is the subject: the verb after the second noun stays
    assert resolve_template("{count} item(s) in {reviews} review(s) were changed", {"count": 2, "reviews": 1}) \
        == "{count} items in {reviews} review were changed"


def test_error_messages_read_right_for_one_and_many():
    import workbench.cli.reporting  # noqa: F401 (registers verify.broken)
    import workbench.importing.row_parser  # noqa: F401 (registers import.ip_type_mismatch)
    one = WorkbenchError("verify.broken", count=1, problems="x")
    assert "(1 problem)" in one.message()
    mismatch = WorkbenchError("import.ip_type_mismatch", value="2023...", implied="invention", declared="design",
                              implied_a="an invention")
    assert "is an invention number" in mismatch.message()
