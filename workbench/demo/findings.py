"""Where the demo's findings fall: per-item fail rates concentrated in a few items (as quality offices
report them), mild differences between departments, examiners and reviewers, and two planted
patterns for the trend, control-chart and funnel views to find:

- DIP_DEPARTMENT (实用新型审查部, the largest department, a quarter of the cases): findings are
  DIP_FACTOR times as frequent for its cases decided in the two quarters `dip_quarters(today)` (the
  third and second calendar quarters before today's), so its compliance, by decision date, falls
  by about 13 points (from about 73%) for two quarters and recovers in the quarter after. With
  today 2026-06-30 (timeline.REFERENCE_TODAY, the library's default): 2025 Q3 and 2025 Q4. At
  `demo --cases 20000` (a fifth reviewed) it has about 130 reviewed cases a quarter, and the drop
  measured varies by some 4 points around 13 from seed to seed (sampling noise).
- OUTLIER_EXAMINER (林芳, 医药生物发明审查部, about 1.4% of the cases): every OUTLIER_EVERY-th review
  of her cases carries a planted major finding, so 35-40% of her reviewed cases are errors against
  about 13% overall; at `demo --cases 20000`, about 50 reviewed cases with 15 to 22 errors: outside
  the 99.8% funnel limit, while the other examiners stay inside it.

Every other department and examiner is ordinary: their factors vary by up to a tenth around 1
(at a few hundred reviews each their funnel points scatter inside the limits; at 100,000 cases
and more the department differences show as overdispersion).
"""
from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from typing import Any

from workbench.demo.timeline import quarter
from workbench.review.checklists import Checklist, Item

# Expected findings per review before department and examiner factors: with the
# severity mix below, about three cases in four come out compliant.
FINDINGS_PER_REVIEW = 0.33
SEVERITY_WEIGHTS = {"critical": 4, "major": 30, "minor": 46, "advisory": 20}

# Where real quality checks find most errors, by checklist item (relative weights).
# Items of other templates get a seeded long tail.
HOT_ITEMS = {
    "inventive-step": 10, "inventive-step-three-step": 9, "claims-clarity": 6, "search-closest-prior-art": 6,
    "objection-basis": 5, "claims-support": 4, "common-general-knowledge": 4, "novelty": 3,
    "um-claims": 8, "um-notice-wording": 6, "um-obvious-novelty": 5, "um-disclosure": 4, "um-drawings": 3,
    "design-views": 8, "design-brief-description": 6, "design-product-name-class": 5, "design-existing-design": 3,
    "tm-similarity-judgment": 10, "tm-prior-mark-search": 7, "tm-goods-classification": 6,
    "tm-notice-content": 5, "tm-distinctiveness": 4,
}
# Items that often do not apply to a case.
OFTEN_NA = ("priority", "amendment", "double-patenting", "conflicting", "partial-gui", "similar-designs",
            "functional-shape", "geographical", "lapsed", "place-names", "agency-own", "applicant-response",
            "unity", "batch-copied", "abnormal-application")

AMBIGUOUS = ("不清楚", "得不到说明书的支持", "缺乏新颖性", "缺乏创造性", "缺少必要技术特征")
COMMENTS = {
    "omitted_objection": ("权利要求{n}{defect}，审查意见通知书未指出。", "应指出权利要求{n}{defect}而未指出。"),
    "improper_objection": ("通知书认定权利要求{n}{defect}，理由不能成立。", "对权利要求{n}的审查意见不当，应予纠正。"),
    "insufficient_reasoning": ("创造性评述未认定区别技术特征及其实际解决的技术问题。",
                               "认定为公知常识但未给出理由或证据。", "审查意见说理不充分，未结合权利要求{n}逐一评述。"),
    "wrong_evidence": ("对比文件D{k}的公开日晚于申请日，不能作为现有技术。", "对比文件D{k}未公开权利要求{n}的区别特征。"),
    "search_deficiency": ("检索式未覆盖独立权利要求{n}的全部技术特征。", "复核检索发现更接近的X类文件，原检索不充分。"),
    "procedural_error": ("驳回前未给予申请人针对该事实的陈述意见的机会。", "未审查申请人意见陈述中提交的修改文本。"),
    "notice_wording": ("通知书未写明所依据的法律条款。", "通知书表述有歧义，申请人难以理解。"),
    "decision_error": ("审查结论与审查意见不一致。",),
    "formality_error": ("简要说明未写明设计要点。", "费用缴纳情况未核实。", "产品名称与视图不一致。"),
    "omitted_refusal": ("与在先商标第{reg}号构成类似商品上的近似商标，应予驳回而未驳回。",),
    "improper_refusal": ("引证商标第{reg}号已失效，驳回理由不成立。", "商标整体具有显著性，以第十一条驳回不当。"),
    "classification_error": ("商品名称不规范，类似群划分错误。",),
}
ADVISORY_COMMENTS = ("建议：通知书可进一步精简。", "建议：补充检索记录。", "提示：格式不统一，不影响结论。")


#: The department whose quality dips for two quarters, and how much more often it errs then.
DIP_DEPARTMENT = "实用新型审查部"
DIP_FACTOR = 1.6
#: The examiner far outside the funnel: every OUTLIER_EVERY-th review of their cases carries a planted
#: major finding on the checklist's most error-prone item (counted, not drawn, so the outlier stands
#: out at a few dozen reviews), and their other findings are OUTLIER_FACTOR times as frequent.
OUTLIER_EXAMINER = "林芳"
OUTLIER_EVERY = 4
OUTLIER_FACTOR = 1.5
#: Planted abnormal cases (workbench.demo.planted): the examiner missed the abnormal filing in
#: PLANTED_MISSED of their reviews (a major finding on the checklist's abnormal-application item),
#: and their other findings are PLANTED_FACTOR times as frequent: about 55% of them come out
#: compliant against about 87% of the others.
PLANTED_MISSED = 0.35
PLANTED_FACTOR = 1.3
ABNORMAL_ITEMS = ("abnormal-application-indicators", "um-batch-copied", "design-batch-copied", "tm-bad-faith-no-use")


def dip_quarters(today: datetime.date) -> tuple[int, int]:
    """The two quarters (timeline.quarter numbers) of DIP_DEPARTMENT's dip: the third and second
    before today's quarter, so the quarter before today's shows the recovery."""
    current = quarter(today)
    return current - 3, current - 2


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the review of a case needs to know of it (slots: a million of them are held)."""
    id: int
    ip_type: str
    department: str
    examiner: str
    decision: str
    decision_date: datetime.date
    planted: bool = False       # planted abnormal behaviour (workbench.demo.planted)


@dataclass(frozen=True)
class Reviewer:
    name: str
    speed: float        # multiplies the time a review takes
    strictness: float   # multiplies the findings they record


class FindingModel:
    """Per-item fail rates (concentrated in a few items), and department and examiner factors, with
    the planted dip and outlier."""

    def __init__(self, rng: random.Random, templates: Any, facts: list[CaseFacts], today: datetime.date) -> None:
        self.rates: dict[tuple[str, str], float] = {}
        for checklist in templates:
            self._item_rates(rng, checklist)
        # Ordinary units differ a little (their funnel points scatter inside the limits).
        self.department = {d: 1.0 if d == DIP_DEPARTMENT else rng.uniform(0.9, 1.1)
                           for d in sorted({f.department for f in facts})}
        self.examiner = {e: OUTLIER_FACTOR if e == OUTLIER_EXAMINER else rng.uniform(0.92, 1.08)
                         for e in sorted({f.examiner for f in facts})}
        self.dip = dip_quarters(today)
        self.planted_item = {c.template_id: _planted_item(c, self.rates) for c in templates}
        self.abnormal_item = {c.template_id: _planted_item(c, self.rates, ABNORMAL_ITEMS) for c in templates}
        self._outlier_reviews = 0

    def planted_error(self, case: CaseFacts) -> bool:
        """Whether this review (of OUTLIER_EXAMINER's case) carries the planted major finding: the first
        review of theirs and every OUTLIER_EVERY-th after it. Call once per review."""
        if case.examiner != OUTLIER_EXAMINER:
            return False
        self._outlier_reviews += 1
        return self._outlier_reviews % OUTLIER_EVERY == 1

    def _item_rates(self, rng: random.Random, checklist: Checklist) -> None:
        items = list(checklist.items)
        tail = [i for i in items if i.id not in HOT_ITEMS]
        rng.shuffle(tail)
        weights = {i.id: float(HOT_ITEMS[i.id]) for i in items if i.id in HOT_ITEMS}
        for rank, item in enumerate(tail, start=1):
            weights[item.id] = 2.5 / rank ** 1.2        # a long, thin tail
        for item in items:
            if item.auto_fail:
                weights[item.id] = 0.15                  # a wrong conclusion is rare
        total = sum(weights.values()) or 1.0
        for item in items:
            self.rates[(checklist.template_id, item.id)] = FINDINGS_PER_REVIEW * weights[item.id] / total

    def factor(self, case: CaseFacts, reviewer: Reviewer) -> float:
        """How much more often than usual this review finds something (once per review: the items share it)."""
        factor = self.department.get(case.department, 1.0) * self.examiner.get(case.examiner, 1.0) * reviewer.strictness
        if case.department == DIP_DEPARTMENT and quarter(case.decision_date) in self.dip:
            factor *= DIP_FACTOR
        if case.planted:
            factor *= PLANTED_FACTOR
        return factor

    def missed_abnormal(self, case: CaseFacts, checklist: Checklist, rng: random.Random) -> str | None:
        """The abnormal-application item a review of a planted case fails (major), or None. Draws
        only for planted cases, so the other reviews' draws stay as they were."""
        if not case.planted or rng.random() >= PLANTED_MISSED:
            return None
        return self.abnormal_item.get(checklist.template_id)

    def fail_rate(self, checklist: Checklist, item: Item, factor: float) -> float:
        return min(0.9, self.rates.get((checklist.template_id, item.id), 0.0) * factor)


def _planted_item(checklist: Checklist, rates: dict[tuple[str, str], float],
                  among: tuple[str, ...] | None = None) -> str | None:
    """The always-shown item most often failed (of `among`) that a major finding may be recorded on."""
    candidates = [i for i in checklist.items if i.can_fail and i.condition is None and "major" in i.severities
                  and any(o.outcome == "fail" and o.severity in (None, "major") for o in i.options)
                  and (among is None or i.id in among)]
    best = max(candidates, key=lambda i: rates.get((checklist.template_id, i.id), 0.0), default=None)
    return None if best is None else best.id


def not_applicable(item: Item, case: CaseFacts, rng: random.Random) -> bool:
    if "na" not in item.answers and not any(o.outcome == "na" for o in item.options):
        return False
    if item.id == "grant-text":
        return case.decision != "授权"
    if item.id == "tm-refusal-scope":
        return case.decision != "部分驳回"
    if any(word in item.id for word in OFTEN_NA):
        return rng.random() < 0.45
    return rng.random() < 0.02


#: How an item may come out n/a (not_applicable's rules, decided once per item): never, by the
#: case's decision (grant-text, tm-refusal-scope), often, or seldom.
NA_NEVER, NA_GRANT_TEXT, NA_REFUSAL_SCOPE, NA_OFTEN, NA_SELDOM = range(5)


@dataclass(frozen=True)
class ItemPlan:
    """What a review needs of one item, worked out once per checklist instead of once per answer: the
    same rules and the same random draws as not_applicable and FindingModel.fail_rate."""
    item: Item
    condition: Any                  # Condition | None
    na_mode: int
    na_option: Any                  # ScaleOption | None: the n/a option (when na_mode is not NA_NEVER)
    can_fail: bool
    rate: float                     # the item's fail rate before the review's factor
    passing: Any                    # ScaleOption | None: the passing option
    default: Any                    # Answer: the passing answer (or the first option's)


def item_plans(checklist: Checklist, model: FindingModel) -> tuple[ItemPlan, ...]:
    from workbench.review.reviews import Answer
    plans = []
    for item in checklist.items:
        if "na" not in item.answers and not any(o.outcome == "na" for o in item.options):
            mode = NA_NEVER
        elif item.id == "grant-text":
            mode = NA_GRANT_TEXT
        elif item.id == "tm-refusal-scope":
            mode = NA_REFUSAL_SCOPE
        else:
            mode = NA_OFTEN if any(word in item.id for word in OFTEN_NA) else NA_SELDOM
        passing = item.option_for_outcome("pass")
        option = passing or item.options[0]
        plans.append(ItemPlan(item, item.condition, mode, item.option_for_outcome("na"), item.can_fail,
                              model.rates.get((checklist.template_id, item.id), 0.0), passing,
                              Answer(item.id, option.code, option.outcome)))
    return tuple(plans)


def planned_not_applicable(plan: ItemPlan, case: CaseFacts, rng: random.Random) -> bool:
    """not_applicable(plan.item, case, rng), from the plan."""
    mode = plan.na_mode
    if mode == NA_NEVER:
        return False
    if mode == NA_GRANT_TEXT:
        return case.decision != "授权"
    if mode == NA_REFUSAL_SCOPE:
        return case.decision != "部分驳回"
    return rng.random() < (0.45 if mode == NA_OFTEN else 0.02)


def finding(item: Item, rng: random.Random, major: bool = False) -> tuple[str, str | None, str, str]:
    """A failing answer: option code, severity, category, comment (`major`: of that severity)."""
    options = [o for o in item.options if o.outcome == "fail" and (not major or o.severity in (None, "major"))]
    option = rng.choices(options, [3 if o.severity in (None, "minor") else 1 for o in options])[0]
    severity = "major" if major else option.severity
    if severity is None:
        allowed = list(item.severities)
        severity = rng.choices(allowed, [SEVERITY_WEIGHTS[s] for s in allowed])[0]
    category = rng.choices(item.categories, [1 / (1 + i) for i in range(len(item.categories))])[0]
    if severity == "advisory":
        comment = rng.choice(ADVISORY_COMMENTS)
    else:
        texts = COMMENTS.get(category, ("见审查记录。",))
        comment = rng.choice(texts).format(n=rng.randint(1, 12), k=rng.randint(1, 4), defect=rng.choice(AMBIGUOUS),
                                           reg=rng.randint(10_000_000, 69_999_999))
    return option.code, severity, category, comment
