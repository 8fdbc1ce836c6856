"""The risk refresh at a million cases (issue 20): the fast near-duplicate search gives what the
search before it gave (kept here as the reference, `old_near_duplicates`) on small random
populations, the fast band keys agree exactly when the signatures' bands agree, and a bucket of
boilerplate is bounded, said so, and its cases still found."""
from __future__ import annotations

import random
from array import array
from collections import defaultdict
from itertools import combinations

from workbench.risk import minhash
from workbench.risk.indicators import CaseRow, _day, compute, near_duplicates
from workbench.risk.settings import DEFAULT, RiskSettings

WORDS = ["温湿度", "光照度", "二氧化碳", "土壤水分", "虫情", "风速", "降雨量", "氨气浓度", "水位", "pH值"]
TITLE = "一种基于物联网的智能{}{}自动监测装置"
ABSTRACT = "本实用新型公开了一种{}监测装置，包括支架、太阳能板、控制箱和{}传感器组，数据通过无线模块上传云平台。"


# -- the search before issue 20, kept as the reference --------------------------------------------

def old_sketch(text: str, hasher: minhash.GramHasher, min_chars: int) -> minhash.Sketch | None:
    norm = minhash.normalise(text)
    if len(norm) < max(min_chars, 3):
        return None
    hashes = minhash.gram_hashes(norm, hasher)
    return minhash.Sketch(array("I", hashes), minhash.band_keys(minhash.signature(hashes)))


def old_similar_pairs(members, threshold):
    sketches = dict(members)
    buckets: dict[int, list[int]] = {}
    for key, item in sketches.items():
        for band in item.bands:
            buckets.setdefault(band, []).append(key)
    found = {}
    for a in sorted(sketches):
        partners = set()
        for band in sketches[a].bands:
            if len(buckets[band]) > 1:
                partners.update(buckets[band])
        for b in sorted(partners):
            if b <= a:
                continue
            first, other = set(sketches[a].grams), sketches[b].grams
            shared = len(first.intersection(other))
            similarity = shared / (len(first) + len(other) - shared)
            if similarity >= threshold:
                found[(a, b)] = similarity
    return found


def old_near_duplicates(rows, days, s):
    groups = defaultdict(list)
    for row in rows:
        if row.patent:
            if row.applicant:
                groups[("applicant", row.applicant)].append(row)
            if row.agent:
                groups[("agent", row.agent)].append(row)
    big = {key: members for key, members in groups.items() if len(members) > s.near_duplicate_min}
    hasher, sketches = minhash.GramHasher(), {}
    for members in big.values():
        for row in members:
            abstract = old_sketch(row.abstract, hasher, s.near_duplicate_min_chars)
            sketches[(row.id, "abstract")] = abstract
            sketches[(row.id, "title")] = None if abstract else old_sketch(row.title, hasher, s.near_duplicate_min_chars)
    numbers = {row.id: row.number for row in rows}
    best = {}
    for (kind, name), members in sorted(big.items()):
        neighbours, fields = defaultdict(dict), defaultdict(set)
        for field in ("title", "abstract"):
            present = [(row.id, sketches[(row.id, field)]) for row in members if sketches[(row.id, field)]]
            for (a, b), similarity in old_similar_pairs(present, s.near_duplicate_similarity).items():
                if a in days and b in days and abs(days[a] - days[b]) <= s.near_duplicate_window_days:
                    for one, other in ((a, b), (b, a)):
                        neighbours[one][other] = max(similarity, neighbours[one].get(other, 0.0))
                        fields[one].add(field)
        for case_id, found in neighbours.items():
            if len(found) < s.near_duplicate_min or len(found) <= best.get(case_id, {}).get("count", 0):
                continue
            example = min(found, key=lambda other: (-found[other], numbers[other]))
            best[case_id] = {"by": kind, "name": name, "count": len(found), "example": numbers[example],
                             "similarity": round(found[example], 2), "fields": sorted(fields[case_id])}
    return best


# -- populations ----------------------------------------------------------------------------------

def population(rng: random.Random, n: int) -> list[CaseRow]:
    rows = []
    for i in range(1, n + 1):
        words = rng.sample(WORDS, 2)
        abstract = ABSTRACT.format(*words) if rng.random() < 0.6 else rng.choice(("", "短摘要"))
        day = f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() > 0.05 else None
        rows.append(CaseRow(i, f"N{i:05d}", rng.choice(("invention", "utility_model", "design")),
                            f"公司{rng.randrange(4)}", rng.choice(("", "甲代理", "乙代理")), "company", day,
                            TITLE.format(rng.choice(("农业大棚", "温室", "鱼塘")), rng.choice(WORDS)), abstract, "", None))
    return rows


def _days(rows):
    cache = {}
    return {row.id: day for row in rows if (day := _day(row.filing_date, cache)) is not None}


def test_near_duplicates_equal_the_search_before_on_random_populations():
    rng = random.Random(20)
    settings = (DEFAULT, RiskSettings(near_duplicate_window_days=30, near_duplicate_min=2))
    for trial in range(40):
        rows = population(rng, rng.randrange(5, 120))
        days, s = _days(rows), settings[trial % 2]
        assert near_duplicates(rows, days, s) == old_near_duplicates(rows, days, s)


def test_fast_band_keys_agree_exactly_when_the_signature_bands_agree():
    rng, hasher = random.Random(3), minhash.GramHasher()
    texts = [TITLE.format(rng.choice(WORDS), rng.choice(WORDS))[rng.randrange(4):] for _ in range(60)]
    texts += ["abcdefgh", "abcdefgx", "一种锂离子电池正极材料的制备方法"]
    hashes = [minhash.gram_hashes(minhash.normalise(t), hasher) for t in texts]
    for a, b in combinations(hashes, 2):
        old = set(minhash.band_keys(minhash.signature(a))) & set(minhash.band_keys(minhash.signature(b)))
        new = set(minhash.fast_band_keys(a)) & set(minhash.fast_band_keys(b))
        assert len(old) == len(new)


def _boilerplate(n: int) -> list[CaseRow]:
    return [CaseRow(i, f"N{i:05d}", "invention", f"公司{i}", "模板代理", "company", "2023-05-05",
                    TITLE.format("温室", WORDS[i % 2]), "", "", None) for i in range(1, n + 1)]


def _candidates(rows: list[CaseRow], bounded: list[int]) -> set[tuple[int, int]]:
    hasher = minhash.GramHasher()
    sketches = {row.id: minhash.sketch(row.title, hasher, 8) for row in rows}
    return minhash.candidate_pairs([(0, key) for key in sorted(sketches)], sketches, 90, bounded)


def test_a_bucket_of_boilerplate_is_bounded_and_its_cases_still_found():
    n = 4 * minhash.BUCKET_CAP
    bounded: list[int] = []
    pairs, twice = _candidates(_boilerplate(n), bounded), _candidates(_boilerplate(2 * n), [])
    assert bounded and len(pairs) < n * (n - 1) // 2
    assert len(twice) < 2.5 * len(pairs)           # linear in the bucket, not its square (4 times)
    rows = _boilerplate(n)
    found = compute(rows, DEFAULT, set(), oversized=(said := []))
    assert said and all(found[row.id][0]["code"] == "near_duplicate" for row in rows)
    assert all(found[row.id][0]["detail"]["count"] >= minhash.BUCKET_CAP for row in rows)
    # Below the cap nothing is bounded: the same result as the search before.
    few = rows[:minhash.BUCKET_CAP]
    assert near_duplicates(few, _days(few), DEFAULT) == old_near_duplicates(few, _days(few), DEFAULT)


def test_risk_refresh_says_when_buckets_were_bounded(tmp_path):
    import io
    import json

    from tests.workbench.helpers import workspace
    from tests.workbench.risk_helpers import add, case
    from workbench.cli import main
    db = workspace(tmp_path)
    add(db, [case(title=TITLE.format("温室", "温湿度"), applicant=f"公司{i}", agent="模板代理", applicant_type="company")
             for i in range(2 * minhash.BUCKET_CAP)])
    out = io.StringIO()
    assert main(["risk", "--refresh", "--db", str(tmp_path / "w.sqlite3")], out=out, err=io.StringIO()) == 0
    assert f"compared with at most the {minhash.BUCKET_CAP} filed next within the window" in out.getvalue()
    out = io.StringIO()
    main(["risk", "--refresh", "--json", "--language", "zh", "--db", str(tmp_path / "w.sqlite3")], out=out,
         err=io.StringIO())
    data = json.loads(out.getvalue())
    assert data["bounded"] > 0 and any("超过上限" in line for line in data["skipped"])
