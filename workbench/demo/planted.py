"""Abnormal filing behaviour planted in the demo population, with the truth kept per case, so risk
indicators, risk-based draws and their estimates can be checked against what is known.

About PLANTED_SHARE (3%) of the cases of a demo of PLANT_FROM cases or more are replaced, at positions
drawn from the seed, by cases of one of these patterns (the value under `extra`'s KEY):
- "agent_cluster": an agency files a burst of near-duplicate utility models and inventions (one
  subject, a few title variants, abstracts differing in a word or two) for one to three companies
  within BURST_DAYS, half of them on one day: far above its own history, a small agency's.
- "natural_person": one person files some twenty utility models and designs within a year.
- "hoarder" and "bulk_day": one applicant files many marks across HOARDER_CLASSES Nice classes,
  with little use shown; the "bulk_day" ones (BULK_SHARE of them) all on one day.
Their reviews are worse (workbench.demo.findings): examiners missed what was planted.

Each group (a cluster, a person, a hoarder) has about CLUSTER_SIZE, PERSON_SIZE or HOARDER_SIZE
cases, so a larger demo has more groups, not larger ones. Every planted case is decided in the
demo's window, filed before its decision within its IP type's pendency bounds; the same seed,
count and today give the same planted cases. The other cases are the ones data.generate_cases made.

`planted_cases(db)` reads the truth back; PATTERN_INDICATORS says which indicators (the codes of
workbench.risk) each pattern is planted to trigger.
"""
from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from typing import Iterable, Iterator

import sqlite_utils

from workbench.demo import case_details
from workbench.demo import data
from workbench.demo.timeline import decision_window, working_day

KEY = "demo_planted"
PATTERNS = ("agent_cluster", "natural_person", "hoarder", "bulk_day")
#: The indicators each pattern is planted to trigger.
PATTERN_INDICATORS = {
    "agent_cluster": ("agent_burst", "near_duplicate", "bulk_same_day"),
    "natural_person": ("natural_person_volume",),
    "hoarder": ("trademark_hoarding",),
    "bulk_day": ("trademark_hoarding", "trademark_bulk_same_day"),
}
PLANTED_SHARE = 0.03
PLANT_FROM = 300              # fewer cases leave no room for a group among ordinary ones
#: How the planted cases are shared among the patterns, and the size of one group of each.
SHARES = {"agent_cluster": 0.4, "natural_person": 0.2, "hoarder": 0.4}
CLUSTER_SIZE, PERSON_SIZE, HOARDER_SIZE = 30, 20, 35
BURST_DAYS = 21               # an agency's burst: within three weeks...
PEAK_SHARE = 0.5              # ...half of it on one day
HOARDER_CLASSES = 30
BULK_SHARE = 0.4              # a hoarder's marks filed together on one day
HOARDER_SPREAD_DAYS = 120     # the others within this many days of it
_MONTH = 30.44

# Near-duplicates: each member's abstract takes one or two of these small changes.
_VARIANTS = (("设有", "设置有"), ("固定连接", "焊接"), ("顶部", "上端"), ("底部", "下端"), ("一侧", "侧面"),
             ("所述", "该"), ("两个", "多个"), ("提高了", "提升了"), ("降低了", "减少了"), ("包括", "包含"))
_SUFFIXES = ("",) * 8 + ("结构", "组件")


@dataclass(frozen=True)
class _Group:
    """One planted group: its pattern, size, the first day of its filings and what its members share."""
    pattern: str
    size: int
    start: datetime.date
    applicants: tuple[str, ...]
    agent: str
    subject: tuple[str, str] = ("", "")         # agent cluster: (name, classification)
    modifiers: tuple[str, ...] = ()
    abstract: str = ""
    peak: datetime.date | None = None           # the agent's peak day, the hoarder's bulk day
    classes: tuple[int, ...] = ()               # hoarder: the classes its marks cover
    marks: tuple[str, ...] = ()
    applicant_type: str = "company"


def plant(cases: Iterable[data.DemoCase], count: int, *, seed: int,
          today: datetime.date = data.REFERENCE_TODAY) -> Iterator[data.DemoCase]:
    """The `count` cases of data.generate_cases with the planted ones in their places."""
    planting = Planting(count, seed=seed, today=today)
    for index, case in enumerate(cases):
        yield planting.case(index, case)


def planted_count(count: int) -> int:
    return round(count * PLANTED_SHARE) if count >= PLANT_FROM else 0


class Planting:
    """Which positions are planted (and as which member of which group), and their cases."""

    def __init__(self, count: int, *, seed: int, today: datetime.date = data.REFERENCE_TODAY) -> None:
        rng = random.Random(f"{seed}:planted")
        self.seed = seed
        self.window = decision_window(today)
        self.numbers = data._Numbering(start=0.8)      # above every ordinary series: no number twice
        total = planted_count(count)
        positions = rng.sample(range(count), total)
        self.members: dict[int, tuple[_Group, int]] = {}
        taken_agents: set[str] = set()
        left = total
        for pattern, size in (("agent_cluster", CLUSTER_SIZE), ("natural_person", PERSON_SIZE),
                              ("hoarder", HOARDER_SIZE)):
            share = left if pattern == "hoarder" else round(total * SHARES[pattern])
            left -= share
            groups = max(1, round(share / size)) if share else 0
            for number in range(groups):
                members = share // groups + (1 if number < share % groups else 0)
                group = self._group(rng, pattern, members, taken_agents)
                for member in range(members):
                    self.members[positions.pop()] = (group, member)

    def _group(self, rng: random.Random, pattern: str, size: int, taken_agents: set[str]) -> _Group:
        first, last = self.window
        if pattern == "agent_cluster":
            # A small agency (the tail of the pool) not used by another cluster.
            choices = [a for a in case_details.PATENT_AGENTS[20:] if a not in taken_agents] or \
                case_details.PATENT_AGENTS[20:]
            agent = rng.choice(choices)
            taken_agents.add(agent)
            start = _day_between(rng, first - _months(8), last - _months(10))
            name, classification = rng.choice(data._UTILITY_SUBJECTS)
            modifiers = tuple(rng.sample([m for m in data._UTILITY_MODIFIERS if m], 2)) + ("", "", "")
            applicants = tuple(data.company_name(rng, data._UTILITY_INDUSTRIES) for _ in range(rng.randint(1, 3)))
            title = "一种" + name
            abstract = (f"本实用新型公开了{title}，{case_details.structure(rng)}。"
                        f"本实用新型{case_details.effects(rng, 'device')}。")
            peak = working_day(start + datetime.timedelta(days=rng.randint(0, 14)), earliest=start,
                               latest=start + datetime.timedelta(days=BURST_DAYS))
            return _Group(pattern, size, start, applicants, agent, (name, classification), modifiers, abstract, peak)
        if pattern == "natural_person":
            person = rng.choice(data._SURNAMES) + rng.choice(data._GIVEN) + rng.choice(data._GIVEN)
            agent = rng.choice(case_details.PATENT_AGENTS) if rng.random() < 0.5 else ""
            return _Group(pattern, size, _day_between(rng, first - _months(4), last - _months(14)), (person,), agent)
        bulk = working_day(_day_between(rng, first - _months(5), last - _months(8)), earliest=first, latest=last)
        if rng.random() < 0.7:
            applicant, kind = data.company_name(rng, ("商贸", "电子商务", "文化传媒", "品牌管理")), "company"
        else:
            applicant, kind = data.person_name(rng), "natural_person"
        agent = rng.choice(case_details.TRADEMARK_AGENTS) if rng.random() < 0.8 else ""
        classes = tuple(rng.sample(range(1, 46), HOARDER_CLASSES))
        marks = tuple(data._brand(rng) + rng.choice(("", "优品", "生活", "")) for _ in range(rng.randint(3, 6)))
        return _Group("hoarder", size, bulk, (applicant,), agent, peak=bulk, classes=classes, marks=marks,
                      applicant_type=kind)

    def case(self, index: int, regular: data.DemoCase) -> data.DemoCase:
        """The case at `index`: the regular one, or the planted case in its place."""
        found = self.members.get(index)
        if found is None:
            return regular
        group, member = found
        rng = random.Random(f"{self.seed}:planted:{index}")
        if group.pattern == "agent_cluster":
            return self._cluster_case(rng, group, member)
        if group.pattern == "natural_person":
            return self._person_case(rng, group)
        return self._hoarder_case(rng, group, member)

    def _cluster_case(self, rng: random.Random, group: _Group, member: int) -> data.DemoCase:
        ip_type = "utility_model" if rng.random() < 0.75 else "invention"
        name, classification = group.subject
        title = "一种" + rng.choice(group.modifiers) + name + rng.choice(_SUFFIXES)
        abstract = group.abstract.replace("一种" + name, title, 1)
        for old, new in rng.sample(_VARIANTS, rng.randint(1, 2)):
            abstract = abstract.replace(old, new, 1)
        if ip_type == "invention":
            abstract = abstract.replace("本实用新型", "本发明")
            department = "电学发明审查部" if classification[0] in "GH" else "机械发明审查部"
        else:
            department = "实用新型审查部"
        if member < round(group.size * PEAK_SHARE):
            filed = group.peak or group.start
        else:
            filed = group.start + datetime.timedelta(days=rng.randint(0, BURST_DAYS))
        return self._make(rng, ip_type, filed, title=title, applicant=rng.choice(group.applicants),
                          applicant_type="company", agent=group.agent, abstract=abstract, department=department,
                          classification=classification, planted="agent_cluster")

    def _person_case(self, rng: random.Random, group: _Group) -> data.DemoCase:
        filed = group.start + datetime.timedelta(days=rng.randint(0, 330))
        if rng.random() < 0.7:
            name, classification = rng.choice(data._UTILITY_SUBJECTS)
            title = "一种" + rng.choice(data._UTILITY_MODIFIERS) + name
            ip_type, department = "utility_model", "实用新型审查部"
        else:
            product, classification = rng.choice(data._DESIGN_SUBJECTS)
            title = case_details.design_title(rng, product)
            ip_type, department = "design", "外观设计审查部"
        return self._make(rng, ip_type, filed, title=title, applicant=group.applicants[0],
                          applicant_type="natural_person", agent=group.agent,
                          abstract=case_details.abstract_for(rng, ip_type, title, department), department=department,
                          classification=classification, planted="natural_person")

    def _hoarder_case(self, rng: random.Random, group: _Group, member: int) -> data.DemoCase:
        # Every class of the hoarder's is some member's: member i takes classes i, i + size, ...
        classes = set(group.classes[member % len(group.classes)::group.size])
        if rng.random() < 0.3:
            classes.update(rng.sample(group.classes, rng.randint(1, 3)))
        bulk = member < round(group.size * BULK_SHARE)
        filed = group.start if bulk else group.start + datetime.timedelta(
            days=rng.randint(-HOARDER_SPREAD_DAYS, HOARDER_SPREAD_DAYS))
        first = min(classes)
        return self._make(rng, "trademark", filed, title=rng.choice(group.marks), applicant=group.applicants[0],
                          applicant_type=group.applicant_type, agent=group.agent,
                          abstract="", department="商标审查一处" if first <= 34 else "商标审查二处",
                          classification=f"第{first}类", nice_classes=",".join(map(str, sorted(classes))),
                          use_shown=rng.choices((0, None, 1), (85, 10, 5))[0],
                          planted="bulk_day" if bulk else "hoarder")

    def _make(self, rng: random.Random, ip_type: str, filed: datetime.date, *, department: str,
              nice_classes: str = "", use_shown: int | None = None, **facts: str) -> data.DemoCase:
        decided = _decided(rng, ip_type, filed, self.window)
        decisions, weights = data._DECISIONS[ip_type]
        return data.DemoCase(
            application_number=self.numbers.next(rng, ip_type, filed.year), ip_type=ip_type,
            examiner=rng.choice(data.EXAMINERS[department]), department=department,
            procedure=data._PROCEDURES[ip_type], decision=rng.choices(decisions, weights)[0],
            filing_date=filed, decision_date=decided, nice_classes=nice_classes, use_shown=use_shown,
            **facts)


def _months(months: float) -> datetime.timedelta:
    return datetime.timedelta(days=round(months * _MONTH))


def _day_between(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _decided(rng: random.Random, ip_type: str, filed: datetime.date,
             window: tuple[datetime.date, datetime.date]) -> datetime.date:
    """A working day in the window within the IP type's pendency bounds after `filed`."""
    _median, _sigma, shortest, longest = data.PENDENCY_MONTHS[ip_type]
    low = max(window[0], filed + _months(shortest) + datetime.timedelta(days=1))
    high = min(window[1], filed + _months(longest) - datetime.timedelta(days=1))
    if low > high:                  # cannot happen with the groups' days; stay in the window anyway
        low, high = window
    decided = filed + datetime.timedelta(days=data.pendency_days(rng, ip_type))
    if not low <= decided <= high:
        decided = low + datetime.timedelta(days=rng.randint(0, (high - low).days))
    return working_day(decided, earliest=low, latest=high)


def planted_cases(db: sqlite_utils.Database) -> dict[int, str]:
    """case id -> the pattern it was planted for, for every planted case of a demo workspace."""
    return {case_id: pattern for case_id, pattern in db.execute(
        f"SELECT id, json_extract(extra, '$.{KEY}') FROM cases WHERE instr(extra, '{KEY}') > 0") if pattern}
