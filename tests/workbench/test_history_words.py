"""The History panel's sentences: one for every action the app writes into a case's trail."""
from __future__ import annotations

import re
from pathlib import Path

from workbench.audit.chain import AuditEntry
from workbench.review.checklists import Text
from workbench.review.history_words import SENTENCES, Pieces, sentence

ROOT = Path(__file__).resolve().parents[2]
# Entities whose entries are not a case's (imports, rounds, targets, feedback files): never in its History.
NOT_CASE_ENTITIES = {"import", "round", "pendency_target", "feedback_file", "dispute_response"}


def entry(entity, action, old=None, new=None, actor="王伟"):
    return AuditEntry(1, "2026-01-05T08:00:00+00:00", actor, entity, "1/2", 2, action, old, new)


def test_a_draw_reads_as_a_sentence_in_both_languages():
    text = sentence(entry("round_case", "draw", new={"round": "2024 Q1", "stratum": "电学发明审查部", "draw_order": 3}))
    assert text == Text("王伟 drew this case into round 2024 Q1, stratum 电学发明审查部",
                        "王伟将本案抽入轮次 2024 Q1，层：电学发明审查部")


def test_answers_name_the_item_and_the_answers_given():
    pieces = Pieces(item=Text("1.2 Novelty", "1.2 新颖性"), before=Text("Pass", "通过"), after=Text("Fail", "不通过"))
    assert sentence(entry("answer", "answer"), pieces).en == "王伟 answered 1.2 Novelty: Fail"
    assert sentence(entry("answer", "undo"), pieces).zh == "王伟撤销了1.2 新颖性的回答：恢复为 不通过"
    assert sentence(entry("review", "reopen", new={"reason": "typo"})).en == \
        "王伟 reopened the signed-off review: “typo”"
    assert sentence(entry("review", "complete", new={"status": "completed", "verdict": "defect"})).zh == \
        "王伟完成了评查，结论：瑕疵"


def written_actions() -> set[tuple[str, str]]:
    """(entity, action) of every chain.record call in workbench/ (and the demo writer's entries)."""
    found = set()
    for path in (ROOT / "workbench").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r'entity="(\w+)"[^)]*?action="(\w+)"', text, re.S):
            found.add(match.groups())
        if "action=action or" in text:      # change_answer: 'answer' or 'clear' unless told (undo, redo)
            found |= {("answer", "answer"), ("answer", "clear")}
        for match in re.finditer(r'_audit\([^,]+, [^,]+, "(\w+)", [^,]+, [^,]+, "(\w+)"', text):
            found.add(match.groups())
    found |= {("answer", "undo"), ("answer", "redo")}      # undo.py passes its action through change_answer
    return {pair for pair in found if pair[0] not in NOT_CASE_ENTITIES}


def test_every_action_written_into_a_case_trail_has_its_sentence():
    written = written_actions()
    assert {("round_case", "draw"), ("review", "open"), ("answer", "adjudicate")} <= written
    assert written <= set(SENTENCES), written - set(SENTENCES)
    for entity, action in written:
        text = sentence(entry(entity, action, old={"reviewer": "李娜"}, new={"reviewer": "张三", "reason": "leave",
                                                                          "round": "R", "seconds": 30}))
        for words in (text.en, text.zh):
            assert "王伟" in words and action not in words.split() and "_" not in words and "{" not in words


def test_an_unknown_action_is_still_named():
    assert sentence(entry("case", "relabel")).en == "王伟: case relabel"
