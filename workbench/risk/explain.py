"""Why a case scored what it did: one sentence per indicator that fired, worded in English or
Chinese from the detail stored with it, and the sentence for an indicator that was skipped."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from foundation.errors import WorkbenchError, register
from workbench.importing.identifiers import parse_application_number
from workbench.review.checklists import Text
from workbench.risk.minhash import BUCKET_CAP
from workbench.risk.settings import BAND_LABELS, CODES, INDICATOR_LABELS
from workbench.risk.store import Skipped, last_run, risk_of

register({
    "risk.unknown_case": "There is no case with application number {number} in this workspace.",
})

_BY = {"applicant": Text("applicant", "申请人"), "agent": Text("agent", "代理机构")}
_FIELDS = {("title",): Text("title", "名称"), ("abstract",): Text("abstract", "摘要"),
           ("abstract", "title"): Text("title and abstract", "名称和摘要")}
_FIELD_NAMES = {"applicant": Text("applicant", "申请人"), "agent": Text("agent", "代理机构"),
                "applicant_type": Text("applicant type", "申请人类型"), "abstract": Text("abstract", "摘要"),
                "title": Text("title", "名称"), "filing_date": Text("filing date", "申请日"),
                "nice_classes": Text("Nice classes", "尼斯分类"), "use_shown": Text("use shown", "已提交使用证据")}


@dataclass(frozen=True)
class Explanation:
    application_number: str
    score: float
    band: str
    sentences: tuple[tuple[str, str], ...]      # (indicator code, sentence)
    skipped: tuple[str, ...]                    # one sentence per indicator the workspace could not compute

    def as_json(self) -> dict[str, Any]:
        return {"application_number": self.application_number, "score": self.score, "band": self.band,
                "indicators": [{"code": c, "sentence": s} for c, s in self.sentences], "skipped": list(self.skipped)}


def _burst(d: dict[str, Any], by: str, zh: bool) -> str:
    ratio = f"{d['count'] / d['mean']:.1f}" if d["mean"] else ""
    if zh:
        whom = "申请人" if by == "applicant" else "代理机构"
        history = f"是其前12个月平均每{d['days']}天{d['mean']}件的{ratio}倍" if ratio else "而其前12个月没有申请"
        return f"{whom}{d['name']}在{d['start']}至{d['end']}的{d['days']}天内提交专利申请{d['count']}件，{history}。"
    history = (f"{ratio} times its mean of {d['mean']} per {d['days']} days over the previous 12 months" if ratio
               else "with none in the previous 12 months")
    return (f"{'Applicant' if by == 'applicant' else 'Agent'} {d['name']} filed {d['count']} patent applications "
            f"in the {d['days']} days from {d['start']} to {d['end']}, {history}.")


def sentence(code: str, d: dict[str, Any], language: str) -> str:
    """The one sentence that explains an indicator, from its stored detail."""
    zh = language.startswith("zh")
    if code in ("applicant_burst", "agent_burst"):
        return _burst(d, "applicant" if code == "applicant_burst" else "agent", zh)
    if code == "near_duplicate":
        by, field = _BY[d["by"]].get(language), _FIELDS[tuple(d["fields"])].get(language)
        if zh:
            return (f"同一{by}{d['name']}的另外{d['count']}件申请与本案{field}近似重复"
                    f"（3字符片段相似度最高{d['similarity']:.2f}），例如{d['example']}。")
        return (f"{d['count']} other applications of the same {by} {d['name']} have a near-duplicate {field} "
                f"(character 3-gram similarity up to {d['similarity']:.2f}), for example {d['example']}.")
    if code in ("bulk_same_day", "trademark_bulk_same_day"):
        by = d.get("by", "applicant")
        kind = ("专利" if code == "bulk_same_day" else "商标") if zh else ("patent" if code == "bulk_same_day" else "trademark")
        if zh:
            return f"{_BY[by].zh}{d['name']}于{d['date']}当天提交{kind}申请{d['count']}件。"
        return f"{_BY[by].en.capitalize()} {d['name']} filed {d['count']} {kind} applications on {d['date']}."
    if code == "natural_person_volume":
        if zh:
            return f"自然人申请人{d['name']}在{d['year']}年提交专利申请{d['count']}件。"
        return f"The natural person {d['name']} filed {d['count']} patent applications in {d['year']}."
    if zh:
        return (f"申请人{d['name']}持有{d['marks']}件商标申请，覆盖{d['classes']}个尼斯分类，"
                f"已知使用情况的{d['known']}件中仅{d['shown']}件提交使用证据。")
    return (f"Applicant {d['name']} holds {d['marks']} trademark applications across {d['classes']} Nice classes, "
            f"with use shown for {d['shown']} of the {d['known']} whose use is known.")


def skipped_sentence(item: Skipped, language: str) -> str:
    zh = language.startswith("zh")
    names = ("、" if zh else ", ").join(_FIELD_NAMES.get(f, Text(f, f)).get(language) for f in item.missing)
    label = INDICATOR_LABELS[item.code].get(language)
    if zh:
        return f"未计算“{label}”：没有案件填写{names}。"
    return f"{label} was not computed: no case has a value for {names}."


def bounded_sentence(buckets: int, language: str) -> str:
    """What a refresh says when the near-duplicate search was bounded (docs/risk.md, the cap)."""
    if language.startswith("zh"):
        return (f"近似重复检索中有{buckets}个分桶超过上限：每件申请在每个分桶中只与其后窗口内最近的"
                f"{BUCKET_CAP}件比较，这些案件的近似件数可能偏少。")
    return (f"{buckets} near-duplicate buckets exceeded the cap: in each, an application was compared with at most"
            f" the {BUCKET_CAP} filed next within the window, so near-duplicate counts there may be low.")


def sentences(indicators: tuple[dict[str, Any], ...], language: str) -> tuple[tuple[str, str], ...]:
    ordered = sorted(indicators, key=lambda entry: CODES.index(entry["code"]))
    return tuple((entry["code"], sentence(entry["code"], entry["detail"], language)) for entry in ordered)


def explain(db: sqlite_utils.Database, application_number: str, language: str = "en") -> Explanation:
    """The case's score, band and one sentence per indicator that fired; raises
    risk.unknown_case for a number the workspace does not hold."""
    try:
        number = parse_application_number(application_number).normalized
    except WorkbenchError:
        number = application_number.strip()
    row = db.execute("SELECT id FROM cases WHERE application_number = ?", [number]).fetchone()
    if row is None:
        raise WorkbenchError("risk.unknown_case", number=application_number)
    risk = risk_of(db, [row[0]])[row[0]]
    run = last_run(db)
    skipped = tuple(skipped_sentence(s, language) for s in run.skipped) if run else ()
    return Explanation(number, risk.score, risk.band, sentences(risk.indicators, language), skipped)


def band_label(band: str, language: str) -> str:
    return BAND_LABELS[band].get(language)
