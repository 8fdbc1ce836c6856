"""The demo's optional case facts (agent, applicant type, abstract, Nice classes, use shown) and the
abnormal behaviour planted in its population, with the truth kept per case."""
from __future__ import annotations

import datetime
import json
from collections import Counter, defaultdict
from itertools import combinations

import pytest

from db.connection import open_database
from workbench.demo import planted
from workbench.demo.case_details import PATENT_AGENTS
from workbench.demo.data import generate_cases
from workbench.demo.generate import build_demo
from workbench.demo.planted import HOARDER_CLASSES, PATTERNS, Planting, plant, planted_cases, planted_count
from workbench.demo.timeline import decision_window
from workbench.review.integrity import check_workspace

TODAY = datetime.date(2026, 6, 30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("planted") / "w.sqlite3")
    build_demo(db, cases=2000, reviewed=1.0, seed=7, today=TODAY)
    return db


def rows(db, where: str, params=()) -> list[dict]:
    cursor = db.execute(f"SELECT * FROM cases WHERE {where}", list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def grams(text: str) -> set[str]:
    return {text[i:i + 3] for i in range(len(text) - 2)}


def jaccard(a: str, b: str) -> float:
    x, y = grams(a), grams(b)
    return len(x & y) / len(x | y)


def test_the_truth_is_kept_per_case_and_the_share_is_small(demo):
    truth = planted_cases(demo)
    assert len(truth) == planted_count(2000) == 60            # 3% of the cases
    assert set(truth.values()) == set(PATTERNS)
    counts = Counter(truth.values())
    assert counts["agent_cluster"] == 24 and counts["natural_person"] == 12
    assert counts["hoarder"] + counts["bulk_day"] == 24
    for case in rows(demo, "id IN (SELECT value FROM json_each(?))", [json.dumps(list(truth))]):
        assert json.loads(case["extra"]) == {planted.KEY: truth[case["id"]]}
    assert check_workspace(demo) == []


def test_planted_cases_are_dated_in_the_window_and_never_in_the_future(demo):
    first, last = decision_window(TODAY)
    for case in rows(demo, "instr(extra, 'demo_planted') > 0"):
        decided = datetime.date.fromisoformat(case["decision_date"])
        filed = datetime.date.fromisoformat(case["filing_date"])
        assert first <= decided <= last < TODAY and filed < decided and decided.weekday() < 5


def test_an_agent_files_a_burst_of_near_duplicates_far_above_its_history(demo):
    cluster = rows(demo, "json_extract(extra, '$.demo_planted') = 'agent_cluster'")
    agents = {c["agent"] for c in cluster}
    assert len(agents) == 1
    agent = agents.pop()
    days = sorted(datetime.date.fromisoformat(c["filing_date"]) for c in cluster)
    assert (days[-1] - days[0]).days <= 21
    assert Counter(days).most_common(1)[0][1] >= len(cluster) // 2           # many on one day
    assert {c["ip_type"] for c in cluster} <= {"utility_model", "invention"}
    others = rows(demo, "agent = ? AND instr(extra, 'demo_planted') = 0", [agent])
    assert len(others) < len(cluster)              # a small agency: its whole history is smaller than the burst
    burst = [c for c in others if abs((datetime.date.fromisoformat(c["filing_date"]) - days[0]).days) <= 30]
    assert len(burst) <= 2
    pairs = list(combinations(cluster, 2))
    abstracts = sorted(jaccard(a["abstract"], b["abstract"]) for a, b in pairs)
    titles = sorted(jaccard(a["title"], b["title"]) for a, b in pairs)
    # character 3-gram Jaccard: ordinary abstracts of one agency have a median of about 0.06 and
    # a 99.9th percentile of about 0.55 (test below; `demo --cases 100000`: 0.06, 0.55)
    assert abstracts[len(abstracts) // 2] >= 0.7 and abstracts[0] >= 0.45
    assert titles[len(titles) // 2] >= 0.4         # short titles: a word apart is far in 3-grams


def test_ordinary_abstracts_of_one_agent_are_not_near_duplicates(demo):
    by_agent = defaultdict(list)
    for case in rows(demo, "instr(extra, 'demo_planted') = 0 AND abstract != '' AND agent != ''"):
        by_agent[case["agent"]].append(case["abstract"])
    similar = [jaccard(a, b) for texts in by_agent.values() for a, b in combinations(texts[:40], 2)]
    similar.sort()
    assert similar[len(similar) // 2] < 0.4
    assert sum(s >= 0.8 for s in similar) / len(similar) < 0.01


def test_a_natural_person_files_many_patents_in_a_year(demo):
    person = rows(demo, "json_extract(extra, '$.demo_planted') = 'natural_person'")
    assert len({c["applicant"] for c in person}) == 1
    assert {c["applicant_type"] for c in person} == {"natural_person"}
    days = sorted(c["filing_date"] for c in person)
    assert (datetime.date.fromisoformat(days[-1]) - datetime.date.fromisoformat(days[0])).days <= 366
    ordinary = Counter(c["applicant"] for c in rows(demo, "applicant_type = 'natural_person' AND "
                                                         "instr(extra, 'demo_planted') = 0"))
    assert max(ordinary.values()) <= 3 < len(person)


def test_a_trademark_hoarder_across_thirty_classes_with_little_use_some_filed_in_bulk(demo):
    marks = rows(demo, "json_extract(extra, '$.demo_planted') IN ('hoarder', 'bulk_day')")
    assert len({c["applicant"] for c in marks}) == 1 and {c["ip_type"] for c in marks} == {"trademark"}
    classes = {int(n) for c in marks for n in c["nice_classes"].split(",")}
    assert len(classes) == HOARDER_CLASSES and classes <= set(range(1, 46))
    assert sum(c["use_shown"] == 1 for c in marks) <= len(marks) * 0.2
    bulk = [c for c in marks if "bulk_day" in c["extra"]]
    assert len(bulk) >= 5 and len({c["filing_date"] for c in bulk}) == 1
    for case in marks:
        assert case["classification"] == f"第{case['nice_classes'].split(',')[0]}类"


def test_planted_cases_are_reviewed_worse(demo):
    verdicts = demo.execute(
        "SELECT instr(c.extra, 'demo_planted') > 0, r.verdict FROM reviews r JOIN cases c ON c.id = r.case_id"
        " WHERE r.status IN ('completed', 'signed_off')").fetchall()
    def compliance(planted_: bool) -> float:
        mine = [v for p, v in verdicts if bool(p) == planted_]
        return sum(v != "error" for v in mine) / len(mine)
    assert compliance(True) < 0.72 and compliance(False) > 0.8
    assert compliance(False) - compliance(True) > 0.15


def test_ordinary_cases_have_realistic_fields(demo):
    cases = rows(demo, "instr(extra, 'demo_planted') = 0")
    patents = [c for c in cases if c["ip_type"] != "trademark"]
    assert 0.7 < sum(bool(c["agent"]) for c in patents) / len(patents) < 0.95
    assert all(c["agent"] in PATENT_AGENTS for c in patents if c["agent"])
    kinds = Counter(c["applicant_type"] for c in cases)
    assert set(kinds) == {"company", "university", "institute", "natural_person"}
    assert kinds["company"] > len(cases) * 0.6
    for case in cases:
        if case["applicant"].endswith("大学"):
            assert case["applicant_type"] == "university"
        if case["ip_type"] in ("invention", "utility_model"):
            assert case["abstract"].startswith(("本发明公开了", "本实用新型公开了"))
            assert case["title"] in case["abstract"]
        else:
            assert case["abstract"] == ""
        if case["ip_type"] == "trademark":
            assert case["classification"] == f"第{case['nice_classes'].split(',')[0]}类" or \
                str(int(case["classification"][1:-1])) in case["nice_classes"].split(",")
        else:
            assert case["nice_classes"] == "" and case["use_shown"] is None


def test_planting_scales_with_the_demo_and_keeps_its_groups_small():
    members = Planting(100_000, seed=1).members
    assert len(members) == planted_count(100_000) == 3000
    groups = Counter(id(group) for group, _ in members.values())
    assert 80 <= len(groups) <= 120 and max(groups.values()) <= 40
    agents = {group.agent for group, _ in members.values() if group.pattern == "agent_cluster"}
    assert len(agents) == sum(1 for g in {id(g): g for g, _ in members.values()}.values()
                              if g.pattern == "agent_cluster")          # one small agency per burst
    assert planted_count(299) == 0 and not Planting(200, seed=1).members


def test_the_same_seed_plants_the_same_cases():
    first = list(plant(generate_cases(1000, seed=4, today=TODAY), 1000, seed=4, today=TODAY))
    again = list(plant(generate_cases(1000, seed=4, today=TODAY), 1000, seed=4, today=TODAY))
    other = list(plant(generate_cases(1000, seed=5, today=TODAY), 1000, seed=5, today=TODAY))
    assert first == again and first != other
    ordinary = list(generate_cases(1000, seed=4, today=TODAY))
    assert [c for c in first if not c.planted] == [c for c, p in zip(ordinary, first) if not p.planted]
    numbers = [c.application_number for c in first]
    assert len(set(numbers)) == len(numbers)
