"""A case's audit entries as sentences, in both languages: "王伟 drew this case into round
2024 Q1, stratum 电学发明审查部" / "王伟将本案抽入轮次 2024 Q1，层：电学发明审查部".

The History panel shows these instead of action codes. What only the caller can name (an item's
text in the checklist version of its review, an answer's label, a round's name from its id) is
passed in as already-worded pieces; the sentence for each action the app writes is here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from workbench.audit.chain import AuditEntry
from workbench.review.checklists import Text

VERDICT_WORDS = {"error": Text("error", "差错"), "defect": Text("defect", "瑕疵"), "compliant": Text("compliant", "合格")}


@dataclass(frozen=True)
class Pieces:
    """What the caller words for the sentence: the item, the answers before and after, the
    checklist of a review opened, the round of a review opened in one (all optional)."""

    item: Text | None = None
    before: Text | None = None
    after: Text | None = None
    checklist: Text | None = None
    round_name: str | None = None


def _value(entry: AuditEntry, key: str, *, old: bool = False) -> str:
    source = entry.old_value if old else entry.new_value
    value = source.get(key) if isinstance(source, dict) else None
    return "" if value is None else str(value)


def _fill(text: Text, **values: str | Text) -> Text:
    en, zh = text.en, text.zh
    for key, value in values.items():
        word = value if isinstance(value, Text) else Text(str(value), str(value))
        en, zh = en.replace("{" + key + "}", word.en), zh.replace("{" + key + "}", word.zh)
    return Text(en, zh)


def _reason(entry: AuditEntry) -> Text:
    reason = _value(entry, "reason")
    return Text(f": “{reason}”", f"：“{reason}”") if reason else Text("", "")


def _seconds(entry: AuditEntry) -> Text:
    try:
        seconds = float(_value(entry, "seconds") or 0)
    except ValueError:
        seconds = 0.0
    if seconds >= 90:
        minutes = round(seconds / 60)
        return Text(f"{minutes} min", f"{minutes} 分钟")
    return Text(f"{seconds:.0f} s", f"{seconds:.0f} 秒")


def _verdict(entry: AuditEntry) -> Text:
    verdict = VERDICT_WORDS.get(_value(entry, "verdict"))
    return _fill(Text(", verdict {v}", "，结论：{v}"), v=verdict) if verdict else Text("", "")


def _draw(entry: AuditEntry, _pieces: Pieces) -> Text:
    round_name, stratum = _value(entry, "round"), _value(entry, "stratum")
    if isinstance(entry.new_value, dict) and entry.new_value.get("reviewers"):
        names = ", ".join(str(n) for n in entry.new_value["reviewers"])
        return _fill(Text("{who} drew this case into calibration round {round}, for {names}",
                          "{who}将本案抽入校准轮次 {round}，评查人：{names}"), round=round_name, names=names)
    if stratum:
        return _fill(Text("{who} drew this case into round {round}, stratum {stratum}",
                          "{who}将本案抽入轮次 {round}，层：{stratum}"), round=round_name, stratum=stratum)
    return _fill(Text("{who} drew this case into round {round}", "{who}将本案抽入轮次 {round}"), round=round_name)


def _opened(entry: AuditEntry, pieces: Pieces) -> Text:
    reviewer = _value(entry, "reviewer") or entry.actor
    role = _value(entry, "role")
    text = {"calibration": Text("{who} opened a calibration review for {reviewer}", "{who}为{reviewer}开启校准评查"),
            "consensus": Text("{who} opened the consensus review", "{who}开启共识评查")}.get(
        role, Text("{who} opened a review", "{who}开启评查") if reviewer == entry.actor else
        Text("{who} opened a review for {reviewer}", "{who}为{reviewer}开启评查"))
    text = _fill(text, reviewer=reviewer)
    if pieces.round_name:
        text = _fill(Text(text.en + " in round {round}", text.zh + "（轮次 {round}）"), round=pieces.round_name)
    if pieces.checklist:
        text = _fill(Text(text.en + " with the checklist {checklist}", text.zh + "，评查表：{checklist}"),
                     checklist=pieces.checklist)
    return text


def _answer_sentence(template: Text) -> Callable[[AuditEntry, Pieces], Text]:
    def word(_entry: AuditEntry, pieces: Pieces) -> Text:
        return _fill(template, item=pieces.item or Text("?", "?"), before=pieces.before or Text("—", "—"),
                     after=pieces.after or Text("—", "—"))
    return word


def _simple(template: Text, **keys: str) -> Callable[[AuditEntry, Pieces], Text]:
    """A sentence whose blanks are the entry's own values: {reason}, {time}, {verdict} and `keys`
    (blank name -> 'new:field' or 'old:field')."""
    def word(entry: AuditEntry, _pieces: Pieces) -> Text:
        values: dict[str, str | Text] = {"reason": _reason(entry), "time": _seconds(entry), "verdict": _verdict(entry)}
        for blank, field in keys.items():
            side, _, name = field.partition(":")
            values[blank] = _value(entry, name, old=side == "old")
        return _fill(template, **values)
    return word


#: (entity, action) -> the sentence; every action the app writes into a case's trail.
SENTENCES: dict[tuple[str, str], Callable[[AuditEntry, Pieces], Text]] = {
    ("round_case", "draw"): _draw,
    ("round_case", "assign"): _simple(Text("{who} assigned the case to {to}", "{who}将本案分配给{to}"), to="new:reviewer"),
    ("round_case", "reassign"): _simple(Text("{who} reassigned the case from {from} to {to}{reason}",
                                             "{who}将本案从{from}改派给{to}{reason}"), to="new:reviewer", **{"from": "old:reviewer"}),
    ("review", "open"): _opened,
    ("review", "take_over"): _simple(Text("{who} took over the review from {from}{reason}",
                                          "{who}接手了{from}的评查{reason}"), **{"from": "old:reviewer"}),
    ("review", "reassign"): _simple(Text("{who} gave the review of {from} to {to}{reason}",
                                         "{who}将{from}的评查交给{to}{reason}"), to="new:reviewer", **{"from": "old:reviewer"}),
    ("review", "complete"): _simple(Text("{who} completed the review{verdict}", "{who}完成了评查{verdict}")),
    ("review", "sign_off"): _simple(Text("{who} signed off the review", "{who}确认了评查")),
    ("review", "reopen"): _simple(Text("{who} reopened the signed-off review{reason}", "{who}重新开启已确认的评查{reason}")),
    ("review", "time"): _simple(Text("{who} worked on the review for {time}", "{who}评查用时 {time}")),
    ("review", "merge"): _simple(Text("{who} merged the review from a work package", "{who}从工作包合并了评查")),
    ("answer", "answer"): _answer_sentence(Text("{who} answered {item}: {after}", "{who}回答了{item}：{after}")),
    ("answer", "clear"): _answer_sentence(Text("{who} cleared the answer to {item} (was {before})",
                                               "{who}清除了{item}的回答（原为 {before}）")),
    ("answer", "undo"): _answer_sentence(Text("{who} undid the answer to {item}: back to {after}",
                                              "{who}撤销了{item}的回答：恢复为 {after}")),
    ("answer", "redo"): _answer_sentence(Text("{who} redid the answer to {item}: {after}",
                                              "{who}重做了{item}的回答：{after}")),
    ("answer", "hide"): _answer_sentence(Text("The answer to {item} was cleared: the item no longer applies ({who})",
                                              "{item}的回答已清除：该评查项不再适用（{who}）")),
    ("answer", "merge"): _answer_sentence(Text("{who} merged the answer to {item} from a work package: {after}",
                                               "{who}从工作包合并了{item}的回答：{after}")),
    ("answer", "adjudicate"): _answer_sentence(Text("{who} changed the answer to {item} on a dispute: {before} → {after}",
                                                    "{who}因异议更改了{item}的回答：{before} → {after}")),
}


def sentence(entry: AuditEntry, pieces: Pieces = Pieces()) -> Text:
    """The entry as a sentence in both languages; an action this module does not know is named
    plainly rather than left out (the trail shows everything)."""
    word = SENTENCES.get((entry.entity, entry.action))
    if word is None:
        text = _fill(Text("{who}: {what}", "{who}：{what}"), what=f"{entry.entity} {entry.action}".replace("_", " "))
    else:
        text = word(entry, pieces)
    return _fill(text, who=entry.actor)

