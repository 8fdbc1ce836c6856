"""One glossary (resources/glossary.json) for the window and the workbook (issue 13), checked both
ways: the window's Chinese translations of each term are the glossary's, and the workbook's labels
are the glossary's; a Chinese workbook then uses the window's words."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from workbench.report import figures, glossary, sheets, summary_sheets

TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "workbench_zh_CN.ts"


def translations() -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.findtext("translation") or ""
    return found


@pytest.mark.parametrize("group", glossary.groups())
def test_the_window_translates_every_term_as_the_glossary_does(group):
    shown = translations()
    for code, text in glossary.labels(group).items():
        for context in glossary.contexts(group):
            if group == "severity" or (context, text.en) in shown:
                assert shown.get((context, text.en)) == text.zh, (group, code, context)
        assert any((c, text.en) in shown for c in glossary.contexts(group)), (group, code, "not in the window")


def test_the_workbook_labels_are_the_glossary():
    assert figures.STATUS_LABELS == glossary.labels("status")
    assert figures.VERDICT_LABELS == glossary.labels("verdict")
    assert figures.SEVERITY_LABELS == glossary.labels("severity")
    assert figures.IP_TYPE_LABELS == glossary.labels("ip_type")
    assert sheets.OUTCOME_LABELS == glossary.labels("outcome")
    for code, text in glossary.labels("method").items():
        assert summary_sheets.method_label(code, "zh") == text.zh
    rates = glossary.labels("rate")
    assert summary_sheets.S["defect_rate"] == rates["defect"] and summary_sheets.S["error_rate"] == rates["error"]
    assert summary_sheets.S["compliance"].zh == rates["compliance"].zh


def test_one_chinese_word_for_each_term_in_the_workbook():
    """The words the window does not use appear nowhere in the workbook's Chinese."""
    sources = [Path(m.__file__).read_text(encoding="utf-8") for m in (figures, sheets, summary_sheets)]
    for retired in ("缺陷", "签发"):
        assert not any(retired in s for s in sources), retired


#: Words a second Chinese term once crept in for: 评查表 and 评查项 are the checklist and its items in
#: the window, the workbook, letters and templates alike (检查表 / 检查项 were the window's until issue 19).
#: (缺陷 stays in the templates' texts, where it names a defect of the application documents.)
RETIRED = ("检查表", "检查项")


def test_retired_words_appear_in_no_chinese_text_of_the_product():
    root = Path(__file__).resolve().parent.parent
    files = [*root.glob("workbench/**/*.py"), *root.glob("ui/**/*.py"), *root.glob("resources/checklists/*.json")]
    texts = {str(f.relative_to(root)): f.read_text(encoding="utf-8") for f in files}
    texts["translations"] = "\n".join(translations().values())
    found = [(name, word) for name, text in texts.items() for word in RETIRED if word in text]
    assert found == []
