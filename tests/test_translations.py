"""The Chinese interface is complete: every string the code marks for translation is in the
.ts with a finished translation that keeps its placeholders."""
from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "workbench_zh_CN.ts"
PLACEHOLDER = re.compile(r"%\d|%n|\{[^{}]*\}")


def messages(path: Path) -> dict[tuple[str, str], list[str] | None]:
    """(context, source) -> the finished translation forms, or None when unfinished."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
            done = translation.get("type") not in ("unfinished", "obsolete", "vanished") and all(forms)
            found[(name, message.findtext("source"))] = forms if done else None
    return found


def test_error_texts_are_marked_for_translation():
    result = subprocess.run([sys.executable, str(ROOT / "build" / "update_translations.py"), "--check"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_string_in_the_code_has_a_finished_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run([str(lupdate), "-locations", "none", *sources, "-ts", str(fresh)], check=True,
                   capture_output=True)
    committed = messages(TS)
    missing = [key for key in messages(fresh) if committed.get(key) is None]
    assert missing == [], f"{len(missing)} strings lack a Chinese translation, e.g. {missing[:5]}"


def test_translations_keep_their_placeholders():
    wrong = []
    for (context, source), forms in messages(TS).items():
        for form in forms or []:
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(form)):
                wrong.append((context, source, form))
    assert wrong == []


def test_the_compiled_file_is_there():
    assert TS.with_suffix(".qm").stat().st_size > 10_000
