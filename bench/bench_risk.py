"""Risk indicators on 100,000 cases (or --cases N): a full refresh, and the incremental one after an
import of 1,000 (issues 17 and 20).

    .venv/bin/python bench/bench_risk.py [--cases N] [--seed S] [--json FILE]

Generates a deterministic population (its own generator, here: 85% patents from 6,000
applicants, a fifth of them natural persons, through 300 agents, with titles and abstracts
assembled from a technical vocabulary; 15% trademarks with Nice classes and use shown) and
plants clusters: near-duplicate Chinese titles and abstracts from one agent, applicant bursts,
trademark hoarders across 35 classes, busy natural persons, bulk trademark days. Then times a
first full refresh (cold: every text sketched), a second one (warm: the sketches and the near-duplicate
judgements kept in the workspace, as a refresh a user runs), an import of 1,000 more cases with its
incremental refresh, and checks that the planted cases are found, that the warm refresh stores what the cold one stored and
that the incremental result equals a full refresh. Each full refresh runs in a fresh process, so its
peak memory is its own.
Targets: the warm full refresh <= 20 s for 1,000,000 cases on a 2-core machine, scaled linearly for
other sizes (2 s for 100,000); every planted cluster found (>= 95% of its cases). Exit status 1 when
a target is missed. --json FILE writes the figures as {"name": {"value", "unit", "goal"}}.
"""
from __future__ import annotations

import argparse
import datetime
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db.connection import open_database  # noqa: E402
from workbench import risk  # noqa: E402

SECONDS_PER_MILLION = 20.0
_REFRESH = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from db.connection import open_database
from workbench import risk
db = open_database({path!r})
def children():       # the refresh's worker processes, counted once they have ended
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
started, cpu, helped = time.perf_counter(), time.process_time(), children()
run = risk.refresh(db)
seconds = time.perf_counter() - started
print(json.dumps({{"seconds": seconds, "cpu": time.process_time() - cpu + children() - helped, "cases": run.cases,
                  "bounded": run.bounded, "sketched": run.sketched, "read_back": run.read_back, "spread": run.spread,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
FIELDS = ("application_number", "ip_type", "title", "applicant", "agent", "applicant_type", "abstract",
          "nice_classes", "use_shown", "filing_date", "import_id")
FIELDS_OF = ["智能", "新型", "高效", "便携式", "自动", "节能", "多功能", "模块化", "低噪声", "可折叠", "环保", "数控",
             "防水", "耐高温", "轻量化", "柔性", "无线", "可调节", "高精度", "一体式", "双向", "快速", "医用", "车载"]
OBJECTS = ["电池", "电机", "阀门", "传感器", "机器人", "显示屏", "散热器", "水泵", "轴承", "支架", "控制器", "灯具",
           "包装盒", "过滤器", "搅拌机", "起重机", "服务器", "天线", "注射器", "轮胎", "齿轮箱", "压缩机", "变压器",
           "反应釜", "离心机", "叶片", "光纤", "摄像头", "导轨", "喷头", "电极", "涂层", "滤网", "锂盐", "催化剂", "线缆",
           "芯片", "铰链", "托盘", "夹具", "冷凝器", "滚筒"]
PARTS = ["的制备方法", "的控制方法", "装置", "系统", "组件", "检测方法", "结构", "及其应用", "的安装机构", "生产线",
         "的清洗设备", "的测试平台", "的固定支座", "的回收工艺", "的驱动电路", "的密封结构"]
PHRASES = ["本发明公开了", "包括底座和壳体", "所述壳体内设有", "通过螺栓连接", "有效提高了生产效率", "降低了制造成本",
           "结构简单", "使用方便", "所述控制器与传感器电连接", "能够实时监测", "具有良好的稳定性", "适用于工业生产",
           "本实用新型涉及", "技术领域", "所述支架的顶部", "固定安装有", "延长了使用寿命", "减少了能耗"]
START = datetime.date(2021, 1, 1)


def _date(rng: random.Random, span: int = 1095) -> str:
    return (START + datetime.timedelta(days=rng.randrange(span))).isoformat()


def _abstract(rng: random.Random, title: str, objects: list[str], n: int) -> str:
    """About 120 characters: the title, then sentences naming parts drawn at random (shared
    phrases, as real abstracts share them, but not the same text)."""
    parts = [f"本发明涉及{objects[0]}技术领域，公开了一种{title[2:]}"]
    for phrase in rng.sample(PHRASES, 3):
        parts.append(f"{phrase}{rng.choice(FIELDS_OF)}{rng.choice(OBJECTS)}")
    for _ in range(3):
        parts.append(f"所述{rng.choice(OBJECTS)}的{rng.choice(('一侧', '底部', '内壁', '顶端', '外侧'))}"
                     f"{rng.choice(('设有', '连接有', '固定有', '套设有'))}{rng.choice(FIELDS_OF)}{rng.choice(OBJECTS)}")
    return "，".join(parts) + f"，编号{n}。"


def background(rng: random.Random, count: int, first: int, import_id: int) -> list[tuple]:
    """Unremarkable cases: Zipf-like applicant sizes, random titles and abstracts."""
    rows = []
    for n in range(first, first + count):
        if rng.random() < 0.15:
            rows.append((f"T{n:09d}", "trademark", f"商标{n}", f"商贸公司{int(rng.paretovariate(1.2)) % 3000}", "", "",
                         "", ",".join(str(c) for c in sorted(rng.sample(range(1, 46), rng.randint(1, 3)))),
                         int(rng.random() < 0.5), _date(rng), import_id))
            continue
        person = rng.random() < 0.2
        # Skewed sizes: the largest applicant files about 1.3% of the patents.
        applicant = f"发明人{rng.randrange(20000)}" if person else f"科技公司{int(6000 * rng.random() ** 2)}"
        objects = rng.sample(OBJECTS, 2)
        title = "一种" + rng.choice(FIELDS_OF) + objects[0] + "用" + objects[1] + rng.choice(PARTS)
        abstract = _abstract(rng, title, objects, n)
        rows.append((f"{2021 + n % 3}1{n:07d}.{n % 10}", rng.choice(("invention", "utility_model")), title, applicant,
                     f"代理事务所{rng.randrange(300)}", "natural_person" if person else "company", abstract, "", None,
                     _date(rng), import_id))
    return rows


def planted(rng: random.Random, first: int) -> tuple[list[tuple], dict[str, set[str]]]:
    """Clusters to find, with the numbers each indicator must flag."""
    rows: list[tuple] = []
    expect: dict[str, set[str]] = {}
    n = first

    def add(code: str, *row) -> None:
        nonlocal n
        number = f"20239{n:07d}.1" if row[0] != "trademark" else f"T{n:09d}"
        rows.append((number,) + row + (1,))
        expect.setdefault(code, set()).add(number)
        n += 1
    words = ["温湿度", "光照度", "二氧化碳", "土壤水分", "虫情", "风速", "降雨量", "氨气浓度", "pH值", "水位"]
    for c in range(10):      # near-duplicates: 25 per agent within two months, templated titles, copied abstracts
        batch = datetime.date.fromisoformat(_date(rng))
        for i in range(25):
            title = f"一种基于物联网的智能{['农业大棚', '养殖场', '仓库', '温室', '鱼塘'][c % 5]}{words[i % 10]}自动监测装置{i // 10 or ''}"
            add("near_duplicate", "utility_model", title, f"模板公司{c}-{i}", f"批量代理{c}", "company",
                "本实用新型公开了一种监测装置，包括支架、太阳能板、控制箱和传感器组，" + words[i % 10] + "传感器实时采集数据并通过无线模块上传云平台。",
                "", None, (batch + datetime.timedelta(days=rng.randrange(60))).isoformat())
    for c in range(5):       # bursts: a filing a month for two years, then 40 in 20 days
        for i in range(24):
            add("", "invention", f"一种常规产品{c}-{i}的加工方法", f"突击公司{c}", "", "company", "", "", None,
                (datetime.date(2021, 1, 15) + datetime.timedelta(days=30 * i)).isoformat())
        for i in range(40):
            add("applicant_burst", "invention", f"一种突击产品{c}-{i}", f"突击公司{c}", "", "company", "", "", None,
                (datetime.date(2023, 3, 1) + datetime.timedelta(days=i // 2)).isoformat())
    for c in range(3):       # hoarders: 80 marks across 35 classes, no use shown
        for i in range(80):
            add("trademark_hoarding", "trademark", f"囤{c}-{i}", f"囤标公司{c}", "", "", "", str(1 + i % 35), 0, _date(rng))
    for c in range(3):       # bulk trademark days
        for i in range(60):
            add("trademark_bulk_same_day", "trademark", f"批{c}-{i}", f"批量商标{c}", "", "", "", str(1 + i % 45), 1,
                f"2022-0{c + 4}-18")
    for c in range(3):       # busy natural persons
        for i in range(25):
            add("natural_person_volume", "utility_model", f"一种个人设计{c}-{i}的装置", f"个人{c}", "", "natural_person",
                "", "", None, f"2022-{1 + i % 12:02d}-{1 + i:02d}")
    expect.pop("", None)
    return rows, expect


def insert(db, rows: list[tuple], import_id: int) -> None:
    db.execute("INSERT INTO imports (id, file_name, sha256, imported_at) VALUES (?, 'bench', 'x', '2024-01-01')",
               [import_id])
    db.conn.executemany(f"INSERT INTO cases ({', '.join(FIELDS)}) VALUES ({', '.join('?' * len(FIELDS))})", rows)
    db.conn.commit()


def found(db, expect: dict[str, set[str]]) -> dict[str, tuple[int, int]]:
    """Per indicator: (planted cases it flags, planted cases)."""
    result = {}
    for code, numbers in expect.items():
        hit = {row[0] for row in db.execute(
            "SELECT c.application_number FROM case_risk r JOIN cases c ON c.id = r.case_id"
            " WHERE EXISTS (SELECT 1 FROM json_each(r.indicators) WHERE json_extract(value, '$.code') = ?)", [code])}
        result[code] = (len(hit & numbers), len(numbers))
    return result


def full_refresh(path: Path) -> dict:
    """A full refresh of the workspace in a fresh process: seconds, cases, bounded, peak_mb."""
    script = _REFRESH.format(root=str(ROOT), path=str(path))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:  # long: one benchmark, its checks and its report in order
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--json", type=Path, help="write the figures as JSON to this file")
    parser.add_argument("--tmp", type=Path, help="where to make the workspace (default: the system's temporary folder)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    goal = SECONDS_PER_MILLION * args.cases / 1_000_000
    with tempfile.TemporaryDirectory(prefix="bench-risk-", dir=args.tmp) as temp:
        path = Path(temp) / "w.sqlite3"
        db = open_database(path)
        plants, expect = planted(rng, 0)
        insert(db, background(rng, args.cases - len(plants), 10_000_000, 1) + plants, 1)
        db.conn.close()
        cold = full_refresh(path)
        db = open_database(path)
        first = list(db.execute("SELECT case_id, score, band, indicators FROM case_risk ORDER BY 1"))
        db.conn.close()
        run = full_refresh(path)
        db = open_database(path)
        warm_same = first == list(db.execute("SELECT case_id, score, band, indicators FROM case_risk ORDER BY 1"))
        hits = found(db, expect)
        insert(db, background(rng, 1000, 20_000_000, 2), 2)
        started = time.perf_counter()
        cpu = time.process_time()
        step = risk.refresh(db, import_id=2)
        incremental, incremental_cpu = time.perf_counter() - started, time.process_time() - cpu
        after = list(db.execute("SELECT case_id, score, band, indicators FROM case_risk ORDER BY 1"))
        risk.refresh(db)
        same = after == list(db.execute("SELECT case_id, score, band, indicators FROM case_risk ORDER BY 1"))
        flagged = dict(db.execute("SELECT band, COUNT(*) FROM case_risk GROUP BY 1").fetchall())
    ok_time = run["seconds"] <= goal
    ok_found = all(hit >= 0.95 * total for hit, total in hits.values())
    print(f"first full refresh (cold) of {cold['cases']:,} cases: {cold['seconds']:.1f} s (CPU {cold['cpu']:.1f} s,"
          f" worker processes' included: {cold['spread']} parts done there), {cold['sketched']:,} texts sketched;"
          f" peak {cold['peak_mb']:.0f} MB (this process)")
    print(f"full refresh (warm) of {run['cases']:,} cases: {run['seconds']:.1f} s (CPU {run['cpu']:.1f} s;"
          f" goal <= {goal:.1f} s: 20 s per million) -> {'OK' if ok_time else 'MISSED'}; {run['sketched']:,} texts"
          f" sketched; {run['read_back']:,} near-duplicate groups' judgements read back; peak {run['peak_mb']:.0f} MB;"
          f" near-duplicate buckets bounded: {run['bounded']};"
          f" stores what the cold one stored: {warm_same}")
    print(f"incremental refresh after an import of 1,000: {incremental:.1f} s (CPU {incremental_cpu:.1f} s), {step.cases:,} cases recomputed"
          f" ({'incremental' if step.incremental else 'full'}); equal to a full refresh: {same}")
    for code, (hit, total) in sorted(hits.items()):
        print(f"  planted {code}: {hit} of {total} found (goal >= 95%)")
    print(f"bands after the import: {flagged}")
    if args.json:
        figures = {"risk_full_refresh": {"value": round(run["seconds"], 2), "unit": "s", "goal": goal},
                   "risk_full_refresh_cpu": {"value": round(run["cpu"], 2), "unit": "s", "goal": None},
                   "risk_full_refresh_peak": {"value": round(run["peak_mb"]), "unit": "MB", "goal": None},
                   "risk_cold_refresh": {"value": round(cold["seconds"], 2), "unit": "s", "goal": None},
                   "risk_cold_refresh_cpu": {"value": round(cold["cpu"], 2), "unit": "s", "goal": None},
                   "risk_cold_refresh_peak": {"value": round(cold["peak_mb"]), "unit": "MB", "goal": None},
                   "risk_incremental_refresh": {"value": round(incremental, 2), "unit": "s", "goal": None},
                   "risk_incremental_refresh_cpu": {"value": round(incremental_cpu, 2), "unit": "s", "goal": None}}
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0 if ok_time and ok_found and same and warm_same and step.incremental else 1


if __name__ == "__main__":
    sys.exit(main())
