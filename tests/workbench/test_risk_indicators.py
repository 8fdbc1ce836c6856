"""Each risk indicator on small hand-built populations: it fires at its threshold and not just
below it. MinHash on Chinese near-duplicates."""
from __future__ import annotations

import itertools

import pytest

from workbench.risk import minhash
from workbench.risk.indicators import CaseRow, compute
from workbench.risk.settings import DEFAULT, RiskSettings, band_of, combine
from tests.workbench.risk_helpers import days

_ids = itertools.count(1)


def row(**values) -> CaseRow:
    n = next(_ids)
    base = dict(id=n, number=f"N{n:06d}", ip_type="invention", applicant="", agent="", applicant_type="",
                filing_date="2023-06-01", title="", abstract="", nice_classes="", use_shown=None)
    base.update(values)
    return CaseRow(**base)


def fired(rows, code, settings=DEFAULT) -> set[int]:
    return {case_id for case_id, found in compute(rows, settings, set()).items()
            if any(entry["code"] == code for entry in found)}


@pytest.mark.parametrize("who", ["applicant", "agent"])
def test_burst_fires_at_ten_in_thirty_days_above_five_times_history(who):
    code = f"{who}_burst"
    history = [row(**{who: "甲"}, filing_date=d) for d in days("2022-05-01", 12, step=30)]   # 1 per 30 days
    burst = [row(**{who: "甲"}, filing_date=d) for d in days("2023-06-01", 9, step=3)]
    assert fired(history + burst, code) == set()                           # 9 + 1 from history: 10 but only 1 per window before
    one_more = burst + [row(**{who: "甲"}, filing_date="2023-06-28")]
    found = fired(history + one_more, code)
    assert {r.id for r in one_more} <= found and not found & {r.id for r in history[:-1]}
    # The same ten against a history of two a window (mean 2, ratio 5 -> needs 10): fires; three: not.
    busy = [row(**{who: "乙"}, filing_date=d) for d in days("2022-05-01", 36, step=10)]
    ten = [row(**{who: "乙"}, filing_date=d) for d in days("2023-06-01", 10, step=2)]
    assert not fired(busy + ten, code) & {r.id for r in ten}


def test_burst_of_a_newcomer_needs_history_the_workspace_covers():
    rows = [row(applicant="甲", filing_date=d) for d in days("2023-03-01", 12)]
    assert compute(rows, DEFAULT, set()) == {}             # the data starts with the burst: not judged
    detail = compute(rows, DEFAULT, set(), "2022-01-01")[rows[0].id][0]
    assert detail["code"] == "applicant_burst"
    assert detail["detail"]["count"] == 12 and detail["detail"]["mean"] == 0.0
    assert detail["detail"]["start"] == "2023-02-11" and detail["detail"]["end"] == "2023-03-12"


def test_bulk_same_day_applicant_ten_agent_thirty():
    nine = [row(applicant="甲", filing_date="2023-01-09") for _ in range(9)]
    assert fired(nine, "bulk_same_day") == set()
    ten = nine + [row(applicant="甲", filing_date="2023-01-09")]
    assert fired(ten, "bulk_same_day") == {r.id for r in ten}
    agents = [row(applicant=f"申请人{i}", agent="丙代理", filing_date="2023-01-09") for i in range(29)]
    assert fired(agents, "bulk_same_day") == set()
    agents.append(row(applicant="另一个", agent="丙代理", filing_date="2023-01-09"))
    assert fired(agents, "bulk_same_day") == {r.id for r in agents}


def test_natural_person_volume_counts_one_calendar_year():
    person = [row(applicant="张某", applicant_type="natural_person", filing_date=d) for d in days("2023-01-01", 9, 30)]
    company = [row(applicant="张某", applicant_type="company", filing_date="2023-12-01")]
    next_year = [row(applicant="张某", applicant_type="natural_person", filing_date="2024-01-02")]
    assert fired(person + company + next_year, "natural_person_volume") == set()
    tenth = row(applicant="张某", applicant_type="natural_person", filing_date="2023-12-30")
    assert fired(person + [tenth] + next_year, "natural_person_volume") == {r.id for r in person} | {tenth.id}


def _marks(n, classes, shown, applicant="囤积公司"):
    return [row(ip_type="trademark", applicant=applicant, nice_classes=str(1 + i % classes),
                use_shown=1 if i < shown else 0, filing_date=f"2023-0{1 + i % 9}-01") for i in range(n)]


def test_trademark_hoarding_needs_marks_classes_and_little_use():
    assert len(fired(_marks(20, 10, 2), "trademark_hoarding")) == 20
    assert fired(_marks(19, 10, 0), "trademark_hoarding") == set()          # too few marks
    assert fired(_marks(20, 9, 0), "trademark_hoarding") == set()           # too few classes
    assert fired(_marks(20, 10, 3), "trademark_hoarding") == set()          # 15% shows use


def test_trademark_bulk_same_day_fifty():
    day = [row(ip_type="trademark", applicant="甲", filing_date="2023-03-03") for _ in range(49)]
    assert fired(day, "trademark_bulk_same_day") == set()
    day.append(row(ip_type="trademark", applicant="甲", filing_date="2023-03-03"))
    assert len(fired(day, "trademark_bulk_same_day")) == 50


TEMPLATE = "一种基于物联网的智能农业大棚{}自动监测装置"


def test_minhash_finds_chinese_titles_one_or_two_characters_apart():
    hasher = minhash.GramHasher()
    base = minhash.sketch(TEMPLATE.format("温湿度"), hasher, 8)
    one = minhash.sketch(TEMPLATE.format("温度度"), hasher, 8)              # one character changed
    two = minhash.sketch(TEMPLATE.format("光照度"), hasher, 8)              # two adjacent characters
    unrelated = minhash.sketch("一种锂离子电池正极材料的制备方法", hasher, 8)
    pairs = minhash.similar_pairs([(1, base), (2, one), (3, two), (4, unrelated)], DEFAULT.near_duplicate_similarity)
    assert {(1, 2), (1, 3)} <= set(pairs)
    assert not any(4 in pair for pair in pairs)
    assert minhash.normalise("Ａｂ，ｃ １２") == "abc12"


def test_near_duplicate_fires_with_three_neighbours_in_one_agent():
    words = ["温湿度", "光照度", "二氧化碳", "土壤水分", "虫情"]
    cluster = [row(applicant=f"公司{i}", agent="某某代理", title=TEMPLATE.format(w)) for i, w in enumerate(words)]
    others = [row(applicant="公司0", agent="某某代理", title=t) for t in
              ("一种锂离子电池正极材料的制备方法", "一种图像识别方法及系统", "一种汽车座椅调节机构")]
    found = compute(cluster + others, DEFAULT, set())
    hits = {case_id for case_id, items in found.items() if items[0]["code"] == "near_duplicate"}
    assert {r.id for r in cluster} <= hits and not hits & {r.id for r in others}
    detail = found[cluster[0].id][0]["detail"]
    assert detail["by"] == "agent" and detail["name"] == "某某代理" and detail["count"] >= 3
    assert detail["example"] in {r.number for r in cluster[1:]} and detail["fields"] == ["title"]
    assert fired(cluster[:3] + others, "near_duplicate") == set()           # two neighbours only


def test_near_duplicates_must_be_filed_within_ninety_days_of_each_other():
    words = ["温湿度", "光照度", "二氧化碳", "土壤水分"]
    # Four near-duplicate titles, each 91 days after the one before: no pair is within the window.
    spread = [row(agent="某某代理", title=TEMPLATE.format(w), filing_date=d)
              for w, d in zip(words, days("2023-01-01", 4, 91))]
    assert fired(spread, "near_duplicate") == set()
    # 30 days apart: the window holds three others for each, and every one fires.
    close = [row(agent="某某代理", title=TEMPLATE.format(w), filing_date=d) for w, d in zip(words, days("2023-01-01", 4, 30))]
    assert fired(close, "near_duplicate") == {r.id for r in close}
    # A filing date unknown: that case cannot be placed in the window and does not count.
    undated = close[:3] + [row(agent="某某代理", title=TEMPLATE.format("虫情"), filing_date=None)]
    assert fired(undated, "near_duplicate") == set()


def test_when_both_have_an_abstract_the_abstracts_decide_not_the_titles():
    words = ["温湿度", "光照度", "二氧化碳", "土壤水分"]
    different = ["本发明公开了一种锂电池正极材料的制备工艺，包括烧结步骤。", "本实用新型涉及汽车座椅调节机构，结构简单可靠。",
                 "本发明提供一种图像识别方法，采用卷积神经网络。", "本实用新型公开一种水泵叶轮，提高扬程与效率。"]
    same_titles = [row(agent="某某代理", title=TEMPLATE.format(w), abstract=a) for w, a in zip(words, different)]
    assert fired(same_titles, "near_duplicate") == set()
    near = "本实用新型公开了一种基于物联网的智能农业大棚{}自动监测装置，包括传感器、控制器与无线通信模块。"
    same_abstracts = [row(agent="某某代理", title=t, abstract=near.format(w)) for t, w in
                      zip(("一种监测装置", "一种大棚系统", "一种农业设备", "一种传感装置"), words)]
    found = compute(same_abstracts, DEFAULT, set())
    assert set(found) == {r.id for r in same_abstracts}
    assert found[same_abstracts[0].id][0]["detail"]["fields"] == ["abstract"]
    # Without abstracts the titles still count, among the applications without one.
    bare = [row(agent="某某代理", title=TEMPLATE.format(w)) for w in words]
    assert fired(bare, "near_duplicate") == {r.id for r in bare}
    with_one = row(agent="某某代理", title=TEMPLATE.format("虫情"), abstract=different[0])
    assert fired(bare[:3] + [with_one], "near_duplicate") == set()


def test_skipped_indicators_are_not_computed():
    rows = [row(applicant="甲", filing_date="2023-01-09") for _ in range(10)]
    assert compute(rows, DEFAULT, {"bulk_same_day", "applicant_burst"}) == {}


def test_score_combines_points_and_bands():
    assert combine([]) == 0 and band_of(0.0) == "none"
    assert band_of(combine([0.3])) == "low"
    assert band_of(combine([0.4])) == "medium" and band_of(combine([0.5])) == "medium"
    assert band_of(combine([0.6])) == "high" and combine([0.5, 0.3]) == pytest.approx(0.65)
    assert combine([0.6] * 7) <= 1
    assert RiskSettings.from_json(DEFAULT.as_json()) == DEFAULT


def test_searching_slice_by_slice_finds_exactly_the_pairs_within_the_window():
    """The sliced search (workbench.risk.indicators._pairs_in_windows) against the whole group's
    pairs filtered by the window, on random filing days, undated filings among them."""
    import random
    from workbench.risk.indicators import _pairs_in_windows
    hasher = minhash.GramHasher()
    words = ["温湿度", "光照度", "二氧化碳", "土壤水分", "虫情", "风速", "降雨量", "氨气浓度"]
    rng = random.Random(1)
    window = DEFAULT.near_duplicate_window_days
    for _ in range(150):
        n = rng.randrange(2, 40)
        present = [(i, minhash.sketch(TEMPLATE.format(rng.choice(words)), hasher, 8)) for i in range(n)]
        days = {i: rng.choice((rng.randrange(0, 400), 89, 90, 180, 181)) for i in range(n) if rng.random() > 0.1}
        whole = {pair: similarity for pair, similarity in
                 minhash.similar_pairs(present, DEFAULT.near_duplicate_similarity).items()
                 if pair[0] in days and pair[1] in days and abs(days[pair[0]] - days[pair[1]]) <= window}
        assert _pairs_in_windows(present, days, DEFAULT) == whole
