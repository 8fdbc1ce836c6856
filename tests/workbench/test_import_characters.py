"""Characters XML cannot hold, on the way in: the import keeps them as the file has them (the
export replaces them), and what it reports shows them escaped, never as terminal control
(issue 21)."""
from __future__ import annotations

import io
import json

import pytest

from tests.workbench.helpers import workspace
from workbench import cli
from workbench.cli.display import error_text, visible
from workbench.review import reviews  # noqa: F401  (registers review.incomplete, a multi-line message)
from foundation.errors import WorkbenchError
from workbench.importing.identifiers import cn_check_char
from workbench.importing.importer import import_file

# Every character XML 1.0 cannot hold that a UTF-8 file and SQLite can carry (NUL is dropped by
# the CSV reader, as before; a lone surrogate is not UTF-8).
CHARACTERS = "".join(chr(c) for c in range(1, 0x20) if chr(c) not in "\t\n\r") + "\ufffe\uffff"


def _csv(path, rows):
    # Enough ordinary text that control characters stay under 1% of the file (else: not text).
    padding = [f"{number}.{cn_check_char(number)},发明,{'正常的名称' * 40},甲"
               for number in (f"2018106018{n:02d}" for n in range(40))]
    lines = ["申请号,专利类型,发明创造名称,申请人"] + rows + padding
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path):
    return workspace(tmp_path)


def test_import_keeps_every_character_as_the_file_has_it(db, tmp_path):
    title = f"a{CHARACTERS}b"
    path = _csv(tmp_path / "c.csv", [f'201710601862.3,发明,"{title}",乙{CHARACTERS}'])
    result = import_file(db, path, on_conflict="update")
    assert result.accepted == 41
    stored = db.execute("SELECT title, applicant FROM cases WHERE application_number = '201710601862.3'").fetchone()
    assert stored == (title, f"乙{CHARACTERS}")


def test_html_import_keeps_the_characters_too(db, tmp_path):
    path = tmp_path / "t.xls"
    path.write_text("<html><table><tr><td>申请号</td><td>专利类型</td><td>发明创造名称</td></tr>"
                    f"<tr><td>201710601862.3</td><td>发明</td><td>a\x01\ufffeb</td></tr>"
                    + "</table></html>" + "<!-- padding -->" * 100, encoding="utf-8")
    import_file(db, path)
    assert db.execute("SELECT title FROM cases").fetchone()[0] == "a\x01\ufffeb"


def test_cli_report_escapes_what_a_terminal_would_obey(tmp_path):
    """A rejected value with ESC [31m, a carriage return and a right-to-left override is shown
    escaped, one row a line."""
    bad = '"2017\x1b[31m10601862.3\r\u202e"'
    path = _csv(tmp_path / "c.csv", [f"{bad},发明,x,y"])
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--db", str(tmp_path / "w.sqlite3"), "import", str(path)], out=out, err=err)
    assert code == 0, err.getvalue()
    text = out.getvalue()
    assert "\\x1b[31m" in text and "\\r" in text and "\\u202e" in text
    assert not any(c in text for c in "\x1b\r\u202e")
    rejected = [line for line in text.splitlines() if line.startswith("  line 2")]
    assert len(rejected) == 1
    # --json keeps the value exactly (JSON escapes it).
    out = io.StringIO()
    cli.main(["--db", str(tmp_path / "w.sqlite3"), "import", str(path), "--json"], out=out, err=io.StringIO())
    assert "\x1b" not in out.getvalue()
    assert json.loads(out.getvalue())["rejected_rows"][0]["value"] == "2017\x1b[31m10601862.3\r\u202e"


def test_cli_error_is_one_escaped_line(tmp_path):
    path = tmp_path / "h.csv"
    path.write_text('"a\nb\x1b[2J",c\n' + "x,y\n" * 200, encoding="utf-8")
    err = io.StringIO()
    code = cli.main(["--db", str(tmp_path / "w.sqlite3"), "import", str(path)], out=io.StringIO(), err=err)
    assert code == 2
    assert err.getvalue().count("\n") == 1 and "\x1b" not in err.getvalue() and "a\\nb\\x1b[2J" in err.getvalue()


def test_utf8_full_of_control_characters_is_not_called_another_encoding(db, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("申请号,专利类型,发明创造名称\n201710601862.3,发明,a\x01\x02\x03\x04b\n",
                    encoding="utf-8")
    with pytest.raises(WorkbenchError) as caught:
        import_file(db, path)
    assert "control characters" in caught.value.message() and "UTF-8" not in caught.value.message()


def test_visible_escapes_only_what_misleads():
    assert visible("申请号\t2017") == "申请号\t2017"
    assert visible("a\x1b[0m\r\n\x7f\x85\u2028\u202e\u2066\ud800\ufffe") == (
        "a\\x1b[0m\\r\\n\\x7f\\x85\\u2028\\u202e\\u2066\\ud800\\ufffe")
    assert visible("one\ntwo\r", keep_lines=True) == "one\ntwo\\r"


def test_error_text_keeps_the_lines_of_a_multi_line_message_only():
    many = WorkbenchError("review.incomplete", missing="  - a\x1b\n  - b")
    assert error_text(many) == "The review cannot be completed yet:\n  - a\\x1b\n  - b"
    one = WorkbenchError("import.no_sheet", path="x.xlsx", sheet="a\nb", sheets="c")
    assert "\n" not in error_text(one) and "a\\nb" in error_text(one)
