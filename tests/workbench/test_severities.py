"""The severity meanings shown to the reviewer say what the verdict rule does with each severity."""
import pytest

from tests.workbench.helpers import MINI_CHECKLIST
from workbench.report.glossary import labels
from workbench.review.checklist_parsing import load_template
from workbench.review.checklists import SEVERITIES
from workbench.review.reviews import Answer, assess
from workbench.review.severities import MEANINGS, meaning

CHECKLIST = load_template(MINI_CHECKLIST)


@pytest.mark.parametrize("severity", SEVERITIES)
def test_the_stated_verdict_is_the_one_assess_gives(severity):
    """A lone fail of the severity on an item that is not auto-fail gives the verdict the meaning names."""
    item = next(i for i in CHECKLIST.items if i.can_fail and not i.auto_fail and severity in i.severities)
    result = assess(CHECKLIST, {item.id: Answer(item.id, "fail", "fail", severity, None)})
    assert result.verdict == (meaning(severity).verdict or "compliant")


def test_keys_follow_the_severity_order_and_every_text_is_bilingual():
    assert [m.key for m in MEANINGS] == ["1", "2", "3", "4"]
    assert set(labels("severity")) == {m.code for m in MEANINGS}
    for m in MEANINGS:
        for text in (m.short, m.meaning):
            assert text.en and text.zh and text.en != text.zh
            assert "," not in text.zh and ";" not in text.zh      # full-width punctuation in Chinese
