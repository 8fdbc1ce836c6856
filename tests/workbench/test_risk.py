"""Risk scores in a workspace: a planted population found and explained (`risk --explain`),
skipped indicators reported, incremental refresh equal to a full one, cancel changes nothing,
every import scored."""
from __future__ import annotations

import io
import json

import pytest

from foundation.errors import Cancelled
from foundation.jobs import CancelToken
from workbench import risk
from workbench.cli import main
from tests.workbench.helpers import ROWS, workspace, write_csv
from tests.workbench.risk_helpers import add, case, days

TEMPLATE = "一种基于物联网的智能农业大棚{}自动监测装置"
WORDS = ["温湿度", "光照度", "二氧化碳", "土壤水分", "虫情", "风速", "降雨量", "氨气浓度"]


def planted(db, import_id: int = 1) -> tuple[list[int], list[int]]:
    """Near-duplicate Chinese titles from one agent (eight applicants), a hoarder across 30
    Nice classes, and unremarkable cases around them."""
    cluster = add(db, [case(title=TEMPLATE.format(w), applicant=f"农业科技{i}公司", agent="速达专利代理",
                            applicant_type="company", filing_date=d)
                       for i, (w, d) in enumerate(zip(WORDS, days("2023-02-01", 8, 20)))], import_id=import_id)
    hoard = add(db, [case(ip_type="trademark", title=f"标{i}", applicant="囤标贸易公司", nice_classes=str(1 + i % 30),
                          use_shown=0, filing_date=d) for i, d in enumerate(days("2023-01-02", 60, 3))],
                import_id=import_id)
    add(db, [case(title=t, applicant="甲公司", agent="速达专利代理", applicant_type="company", filing_date=d)
             for t, d in zip(("一种锂离子电池正极材料的制备方法", "一种图像识别方法及系统", "一种汽车座椅调节机构"),
                             days("2023-03-01", 3, 7))]
        + [case(ip_type="trademark", title="好牌", applicant="好牌公司", nice_classes="9,35", use_shown=1)],
        import_id=import_id)
    return cluster, hoard


def stored(db) -> dict[int, tuple]:
    return {r[0]: r[1:] for r in db.execute("SELECT case_id, score, band, indicators FROM case_risk")}


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


def test_planted_clusters_are_found_and_explained(tmp_path):
    db = workspace(tmp_path)
    cluster, hoard = planted(db)
    run = risk.refresh(db)
    assert run.cases == db.execute("SELECT COUNT(*) FROM cases").fetchone()[0] and not run.incremental
    found = risk.risk_of(db, cluster + hoard)
    assert all(found[i].band == "medium" and found[i].indicators[0]["code"] == "near_duplicate" for i in cluster)
    assert all(found[i].band == "high" and found[i].indicators[0]["code"] == "trademark_hoarding" for i in hoard)
    others = db.execute("SELECT COUNT(*) FROM case_risk WHERE band != 'none'").fetchone()[0]
    assert others == len(cluster) + len(hoard)
    number = db.execute("SELECT application_number FROM cases WHERE id = ?", [cluster[0]]).fetchone()[0]
    path = str(tmp_path / "w.sqlite3")
    code, out, _ = cli("risk", "--explain", number, "--db", path)
    assert code == 0 and "same agent 速达专利代理 have a near-duplicate title" in out and "medium" in out
    code, out, _ = cli("risk", "--explain", number, "--db", path, "--language", "zh", "--json")
    data = json.loads(out)
    assert data["band"] == "medium" and "同一代理机构速达专利代理的另外4件申请与本案名称近似重复" in data["indicators"][0]["sentence"]
    # (the first of eight filed 20 days apart: four others within the 90-day window)
    mark = db.execute("SELECT application_number FROM cases WHERE id = ?", [hoard[0]]).fetchone()[0]
    code, out, _ = cli("risk", "--explain", mark, "--db", path)
    assert "holds 60 trademark applications across 30 Nice classes, with use shown for 0 of the 60" in out
    code, out, _ = cli("risk", "--list", "--band", "high", "--limit", "5", "--json", "--db", path)
    assert [item["band"] for item in json.loads(out)] == ["high"] * 5


def test_unknown_number_exits_2_with_one_line(tmp_path):
    db = workspace(tmp_path)
    planted(db)
    code, out, err = cli("risk", "--explain", "202099999999.1", "--db", str(tmp_path / "w.sqlite3"))
    assert code == 2 and err.count("\n") == 1 and "no case with application number 202099999999.1" in err


def test_indicators_without_their_fields_are_skipped_and_said_so(tmp_path):
    db = workspace(tmp_path)
    add(db, [case(title="一种图像识别方法", applicant="甲公司")], import_id=1)
    run = risk.refresh(db)
    assert {s.code: s.missing for s in run.skipped} == {
        "agent_burst": ("agent",), "natural_person_volume": ("applicant_type",)}
    number = db.execute("SELECT application_number FROM cases").fetchone()[0]
    code, out, _ = cli("risk", "--explain", number, "--db", str(tmp_path / "w.sqlite3"), "--language", "zh")
    assert "未计算“代理机构短期集中申请”：没有案件填写代理机构。" in out and "没有风险指标触发" in out
    code, out, _ = cli("risk", "--refresh", "--db", str(tmp_path / "w.sqlite3"))
    assert "Agent filing burst was not computed: no case has a value for agent." in out


def test_incremental_refresh_equals_a_full_one(tmp_path):
    db = workspace(tmp_path)
    planted(db, import_id=1)
    add(db, [case(applicant="乙公司", agent="别的代理", filing_date=d) for d in days("2022-01-01", 30, 12)], import_id=1)
    risk.refresh(db)
    # The second import: a burst for 乙公司 (its history above), more near-duplicates for the
    # agent, marks for the hoarder, and a new applicant on its own.
    add(db, [case(applicant="乙公司", agent="别的代理", title=f"一种新型结构{i}", filing_date=d)
             for i, d in enumerate(days("2023-05-01", 12, 2))]
        + [case(title=TEMPLATE.format("光照强度"), applicant="新农公司", agent="速达专利代理", filing_date="2023-06-09")]
        + [case(ip_type="trademark", applicant="囤标贸易公司", nice_classes="31", use_shown=1, filing_date="2023-08-01")]
        + [case(title="一种孤立的装置", applicant="独立发明人", filing_date="2023-01-01")], import_id=2)
    run = risk.refresh(db, import_id=2)
    incremental = stored(db)
    total = db.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    assert run.incremental and run.cases < total and len(incremental) == total
    assert any("applicant_burst" in row[2] for row in incremental.values())
    risk.refresh(db)
    assert stored(db) == incremental


def test_incremental_falls_back_to_full_when_unsure(tmp_path):
    db = workspace(tmp_path)
    planted(db, import_id=1)
    assert not risk.refresh(db, import_id=1).incremental          # no earlier run
    add(db, [], import_id=2)
    db.execute("UPDATE cases SET import_id = 2 WHERE id = 1")       # as an update by import 2
    assert not risk.refresh(db, import_id=2).incremental


def test_cancelled_refresh_changes_nothing(tmp_path):
    db = workspace(tmp_path)
    planted(db)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        risk.refresh(db, cancel=token)
    assert stored(db) == {} and db.execute("SELECT COUNT(*) FROM risk_runs").fetchone()[0] == 0


def test_every_import_is_scored(tmp_path):
    path = tmp_path / "w.sqlite3"
    code, _, _ = cli("import", str(write_csv(tmp_path / "a.csv", ROWS)), "--db", str(path))
    db = workspace(tmp_path)
    assert code == 0 and len(stored(db)) == len(ROWS)
    assert db.execute("SELECT COUNT(*) FROM risk_runs").fetchone()[0] == 1


def test_removing_an_import_rescores_what_remains(tmp_path):
    from workbench.risk.after_import import remove_import_and_score
    db = workspace(tmp_path)
    cluster, _ = planted(db, import_id=1)
    risk.refresh(db)
    more = add(db, [case(title=TEMPLATE.format(w), applicant="后来公司", agent="速达专利代理", filing_date="2023-07-01")
                    for w in ("湿度", "光照")], import_id=2)
    risk.refresh(db, import_id=2)
    assert risk.risk_of(db, more)[more[0]].band == "medium"
    remove_import_and_score(db, 1, actor="t")        # the risk rows of its cases do not keep them
    assert risk.risk_of(db, more)[more[0]].band == "none" and stored(db).keys() == set(more)
