"""Kept sketches (workbench.risk.sketches, case_sketches): a refresh that reads them back stores the
very case_risk rows a refresh from scratch stores, and a case whose text changed is sketched again."""
from __future__ import annotations

import dataclasses
import random

from workbench import risk
from workbench.risk import indicators, sketches, store
from workbench.risk.settings import DEFAULT
from tests.workbench.helpers import workspace
from tests.workbench.risk_helpers import add, case, days

TEMPLATE = "本实用新型公开了一种{}监测装置，包括支架、太阳能板、控制箱和{}传感器组，数据通过无线模块上传{}。"
WORDS = ["温湿度", "光照度", "二氧化碳", "土壤水分", "虫情", "风速", "降雨量", "氨气浓度", "水位", "噪声"]


def population(db, seed: int) -> list[int]:
    """Templated abstracts (some near-duplicate, some not), titles where the abstract is missing or
    too short, a few texts too short for either, from a handful of applicants and agents."""
    rng = random.Random(seed)
    rows = []
    for i, day in enumerate(days("2023-01-01", 120, 3)):
        abstract = TEMPLATE.format(*rng.sample(WORDS, 3)) if rng.random() < 0.7 else rng.choice(["", "短"])
        title = f"一种{rng.choice(WORDS)}{rng.choice(WORDS)}装置" if rng.random() < 0.9 else "装置"
        rows.append(case(ip_type=rng.choice(("invention", "utility_model")), title=title, abstract=abstract,
                         applicant=f"公司{rng.randrange(6)}", agent=f"代理{rng.randrange(3)}" if i % 5 else "",
                         applicant_type="company", filing_date=day))
    return add(db, rows, import_id=1)


def rows_of(db) -> list[tuple]:
    return db.execute("SELECT case_id, score, band, indicators FROM case_risk ORDER BY case_id").fetchall()


def from_scratch(db) -> list[tuple]:
    db.execute("DELETE FROM case_sketches")
    run = risk.refresh(db)
    assert run.sketched > 0
    return rows_of(db)


def test_a_refresh_with_kept_sketches_stores_what_one_from_scratch_stores(tmp_path):
    db = workspace(tmp_path)
    population(db, 5)
    cold = risk.refresh(db)
    first = rows_of(db)
    assert cold.sketched == db.execute("SELECT COUNT(*) FROM case_sketches").fetchone()[0] > 0
    warm = risk.refresh(db)
    assert warm.sketched == 0 and rows_of(db) == first
    assert any(row[2] != "none" for row in first)           # near-duplicates were found at all
    assert from_scratch(db) == first


def test_the_kept_sketches_equal_the_ones_made_in_memory(tmp_path):
    db = workspace(tmp_path)
    population(db, 8)
    risk.refresh(db)
    rows = store._rows(db, texts=False)
    made = indicators.choose(store._rows(db), DEFAULT)
    sketcher = sketches.StoredSketcher(db)
    outline = sketcher.outline(rows, DEFAULT)
    assert sketcher.made == 0 and outline.keys() == made.keys()
    kept = sketcher.sketches({case_id for case_id, entry in outline.items() if entry})
    for case_id, entry in made.items():
        assert outline[case_id] == (None if entry is None else (entry[0], len(entry[1].grams)))
        if entry is not None:
            other = kept[case_id]
            assert entry[0] == other[0] and entry[1].grams == other[1].grams and entry[1].bands == other[1].bands
    rows = store._rows(db)
    cache: dict[str, int | None] = {}
    day_of = {r.id: d for r in rows if (d := indicators._day(r.filing_date, cache)) is not None}
    assert indicators.near_duplicates(rows, day_of, DEFAULT, sketcher=sketches.StoredSketcher(db)) == \
        indicators.near_duplicates(rows, day_of, DEFAULT)


def test_a_changed_text_is_sketched_again(tmp_path):
    db = workspace(tmp_path)
    ids = population(db, 11)
    risk.refresh(db)
    copied = db.execute("SELECT abstract FROM cases WHERE id = ?", [ids[1]]).fetchone()[0]
    db.execute("UPDATE cases SET abstract = ? WHERE id = ?", [copied + "变", ids[0]])
    db.execute("UPDATE cases SET title = ?, abstract = '' WHERE id = ?", ["一种全新的装置名称", ids[2]])
    db.conn.commit()
    run = risk.refresh(db)
    assert run.sketched == 2
    after = rows_of(db)
    assert from_scratch(db) == after


def test_another_minimum_length_sketches_every_text_again(tmp_path):
    db = workspace(tmp_path)
    population(db, 13)
    first = risk.refresh(db)
    longer = dataclasses.replace(DEFAULT, near_duplicate_min_chars=DEFAULT.near_duplicate_min_chars + 20)
    again = risk.refresh(db, settings=longer)
    assert again.sketched == first.sketched
    kept = rows_of(db)
    db.execute("DELETE FROM case_sketches")
    risk.refresh(db, settings=longer)
    assert rows_of(db) == kept


def test_deleting_a_case_deletes_its_sketch(tmp_path):
    db = workspace(tmp_path)
    ids = population(db, 17)
    risk.refresh(db)
    kept = db.execute("SELECT COUNT(*) FROM case_sketches WHERE case_id = ?", [ids[3]]).fetchone()[0]
    db.execute("DELETE FROM case_risk WHERE case_id = ?", [ids[3]])
    db.execute("DELETE FROM cases WHERE id = ?", [ids[3]])
    assert kept == 1 and db.execute("SELECT COUNT(*) FROM case_sketches WHERE case_id = ?", [ids[3]]).fetchone()[0] == 0


def test_hashes_deleted_by_hand_are_made_again_when_a_group_is_searched(tmp_path):
    """case_grams is derived data: emptied, the groups searched again have their texts sketched
    again (not left out of the search), and the rows stored are those of a refresh from scratch."""
    db = workspace(tmp_path)
    ids = population(db, 19)
    risk.refresh(db)
    db.execute("DELETE FROM case_grams")
    copied = db.execute("SELECT abstract FROM cases WHERE id = ?", [ids[1]]).fetchone()[0]
    db.execute("UPDATE cases SET abstract = ? WHERE id = ?", [copied + "再", ids[0]])   # its groups searched again
    db.conn.commit()
    run = risk.refresh(db)
    assert run.sketched == 1
    assert db.execute("SELECT COUNT(*) FROM case_grams").fetchone()[0] > 1       # kept again
    after = rows_of(db)
    assert from_scratch(db) == after
