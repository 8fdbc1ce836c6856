"""What each severity of a finding means, for the reviewer choosing one (keys 1-4).

The verdict each severity leads to is the rule of reviews.assess (resources/checklists/FORMAT.md:
critical or major make the case an error, minor a defect, advisory never changes the verdict);
tests/workbench/test_severities.py holds these meanings to that rule. The names of the
severities themselves are the glossary's (resources/glossary.json, group "severity").
"""
from __future__ import annotations

from dataclasses import dataclass

from workbench.review.checklists import SEVERITIES, Text


@dataclass(frozen=True)
class SeverityMeaning:
    code: str                 # critical, major, minor, advisory
    key: str                  # the key that gives it in the review panel ("1".."4")
    verdict: str | None       # the verdict a lone fail of this severity gives; None: verdict unchanged
    short: Text               # a few words, for the legend under the checklist
    meaning: Text             # one sentence, for the keyboard reference and tooltips


MEANINGS: tuple[SeverityMeaning, ...] = (
    SeverityMeaning(
        "critical", "1", "error",
        Text("wrong decision", "决定错误"),
        Text("The decision or a right of a party is wrong because of it (for example a grant that should have "
             "been refused); the case counts as an error.",
             "因此导致决定错误或当事人权利受损（例如应驳回而授权）；案件计为差错。")),
    SeverityMeaning(
        "major", "2", "error",
        Text("may change the outcome", "可能影响结论"),
        Text("A substantive mistake that can change the outcome (an objection missed or unfounded, a wrong "
             "legal basis); the case counts as an error.",
             "可能影响审查结论的实质性错误（应指出而未指出、指出不当、法律依据错误）；案件计为差错。")),
    SeverityMeaning(
        "minor", "3", "defect",
        Text("flaw, outcome stands", "不影响结论"),
        Text("A flaw of form, wording or procedure that does not change the outcome; the case counts as a "
             "defect (compliant, with a defect).",
             "形式、表述或程序上的不足，不影响审查结论；案件计为瑕疵（仍属合格）。")),
    SeverityMeaning(
        "advisory", "4", None,
        Text("a note, verdict unchanged", "建议，不改变结论"),
        Text("A suggestion for better practice; recorded and fed back, it never changes the verdict or the "
             "score.",
             "改进建议；记录并反馈，但不改变评查结论和得分。")),
)

assert tuple(m.code for m in MEANINGS) == SEVERITIES, "one meaning per severity, in the order of the keys"


def meaning(code: str) -> SeverityMeaning:
    return next(m for m in MEANINGS if m.code == code)
