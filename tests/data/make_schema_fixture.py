"""Make the fixture workspace of one schema version: tests/data/schema_vN.sqlite3.

    .venv/bin/python tests/data/make_schema_fixture.py N          # e.g. 6, when migration 0006 is released
    .venv/bin/python tests/data/make_schema_fixture.py --all      # every version (only to rebuild them all)

A fixture stands for a workspace that version N of the workbench left on a user's disk:
the migrations up to N applied one by one, and after each migration v the data that
version wrote (WRITERS[v]: cases, an import with a rejected row, a checklist, reviews with
answers, findings and their audit entries, a remembered mapping, a sign-off, a round, work
packages...), so the file holds data of every age, as a long-used workspace does.
Commit the .sqlite3 file; tests/db/test_upgrades.py opens a copy of each fixture with the
current code and checks that the data survives the upgrade and a backup is taken first.

Rules that keep fixtures meaningful:
- Make the fixture when a schema version is released, and never regenerate it afterwards:
  a released migration must not change. test_upgrades compares each fixture's schema with
  what the migrations produce today and fails if they differ (the message says which).
- A version whose migration holds no statements (a reserved number) has the schema of its
  predecessor: its fixture would be the same file, so it needs none.
- When a new version adds tables or columns worth carrying, add a writer for it below, in
  raw SQL of that version's schema. Writers never call domain code: it moves on, and a
  writer for an old version must keep writing what that version wrote.
Timestamps are fixed, so the data (not the file's bytes) is the same on every run.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any, Callable

DATA = Path(__file__).resolve().parent
ROOT = DATA.parent.parent
sys.path.insert(0, str(ROOT))

from db.migrate import migrate, migrations, schema_version  # noqa: E402
from workbench.audit.chain import GENESIS, entry_hash  # noqa: E402

CHECKLIST = DATA / "mini_checklist.json"


def fixture_path(version: int) -> Path:
    return DATA / f"schema_v{version}.sqlite3"


class Writer:
    """Raw inserts with a clock that ticks one second per audit entry."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.tick = conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]

    def at(self) -> str:
        self.tick += 1
        return f"2023-03-01T09:{self.tick // 60:02d}:{self.tick % 60:02d}.000000+00:00"

    def insert(self, table: str, **row: Any) -> int:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        return self.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values())).lastrowid

    def audit(self, *, actor: str, entity: str, entity_id: str | int, action: str, case_id: int | None,
              old: Any = None, new: Any = None) -> str:
        """An audit entry chained to the last one, as workbench.audit.chain.record writes it."""
        last = self.conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        # Up to schema 10 a hash is stored as 64 hex characters, with the previous one beside it
        # (prev_hash); from schema 12 as its 32 bytes, the previous one read from that entry.
        hex_format = schema_version(self.conn) < 12
        prev = (last[0] if hex_format else last[0].hex()) if last else GENESIS
        at = self.at()
        old_json = None if old is None else json.dumps(old, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        new_json = None if new is None else json.dumps(new, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        digest = entry_hash(prev, at, actor, entity, str(entity_id), case_id, action, old_json, new_json)
        stored = {"prev_hash": prev, "hash": digest} if hex_format else {"hash": bytes.fromhex(digest)}
        self.insert("audit_log", at=at, actor=actor, entity=entity, entity_id=str(entity_id), case_id=case_id,
                    action=action, old_value=old_json, new_value=new_json, **stored)
        return at

    def answer(self, review_id: int, case_id: int, item_id: str, answer: str, outcome: str, *, actor: str,
               severity: str | None = None, category: str | None = None, comment: str = "") -> None:
        key = {"review_id": review_id, "item_id": item_id}
        old = self.conn.execute("SELECT answer, severity, category, comment FROM answers"
                                " WHERE review_id = ? AND item_id = ?", [review_id, item_id]).fetchone()
        new = {"answer": answer, "severity": severity, "category": category, "comment": comment}
        at = self.audit(actor=actor, entity="answer", entity_id=f"{review_id}/{item_id}", action="answer",
                        case_id=case_id, new=new,
                        old=dict(zip(("answer", "severity", "category", "comment"), old)) if old else None)
        self.conn.execute("DELETE FROM answers WHERE review_id = ? AND item_id = ?", [review_id, item_id])
        self.insert("answers", **key, answer=answer, outcome=outcome, severity=severity, category=category,
                    comment=comment, answered_at=at)


CASES_V1 = [
    # application number, ip type, title, applicant, examiner, department, classification,
    # procedure, decision, filed, decided, extra
    ("202210123456.1", "invention", "一种基于深度学习的图像识别方法", "甲科技有限公司", "张三", "电学发明审查部",
     "G06V10/82", "substantive_examination", "grant", "2022-01-05", "2023-06-21", {"代理机构": "北京某专利代理所"}),
    ("201710601862.3", "invention", "一种电池散热装置", "乙大学", "李四", "机械发明审查部", "H01M10/613",
     "substantive_examination", "rejection", "2017-03-01", "2019-02-20", {}),
    ("202320012345.6", "utility_model", "一种折叠式晾衣架", "丙家居用品厂", "王五", "实用新型审查部", "D06F57/12",
     "preliminary_examination", "grant", "2023-01-10", "2023-05-30", {}),
    ("202330123456.7", "design", "茶杯（青花）", "丁陶瓷有限公司", "赵六", "外观设计审查部", "07-01",
     "preliminary_examination", "grant", "2023-02-14", "2023-04-02", {"批次": "2023-Q2"}),
    ("61248403", "trademark", "青山绿水", "戊食品有限公司", "孙七", "商标审查一处", "30",
     "trademark_examination", "partial_refusal", "2021-11-11", "2022-08-08", {}),
    ("PCT/CN2021/123456", "invention", "Method for wireless charging; 无线充电方法", "Example GmbH", "张三",
     "电学发明审查部", "H02J50/10", "substantive_examination", "grant", "2021-09-30", "2023-01-18", {}),
]


def write_v1(w: Writer) -> None:
    """Imports, a rejected row, cases, a frozen checklist, a completed and an open review."""
    import_id = w.insert("imports", file_name="2023年第一季度结案.xlsx", sha256=hashlib.sha256(b"q1").hexdigest(),
                         imported_at="2023-03-01T08:00:00+00:00",
                         mapping=json.dumps({"申请号": "application_number", "发明创造名称": "title"}, ensure_ascii=False),
                         rows_read=7, accepted=6, unchanged=0, updated=0, rejected=1, skipped=0, duplicates=0)
    w.insert("import_issues", import_id=import_id, line=5, column_name="申请号", value="2022X", outcome="rejected",
             code="import.bad_number", reason="2022X is not an application number.")
    case_ids = []
    for (number, ip_type, title, applicant, examiner, department, classification, procedure, decision, filed,
         decided, extra) in CASES_V1:
        case_ids.append(w.insert(
            "cases", application_number=number, ip_type=ip_type, title=title, applicant=applicant, examiner=examiner,
            department=department, classification=classification, procedure=procedure, decision=decision,
            filing_date=filed, decision_date=decided, extra=json.dumps(extra, ensure_ascii=False), import_id=import_id))

    data = json.loads(CHECKLIST.read_text(encoding="utf-8"))
    definition = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    checklist_id = w.insert("checklists", template_id=data["id"], version=data["version"], name_en=data["name"]["en"],
                            name_zh=data["name"]["zh"], definition=definition,
                            sha256=hashlib.sha256(definition.encode("utf-8")).hexdigest(),
                            created_at="2023-03-01T08:00:01+00:00")

    # Review 1: completed with a major finding, after changing its mind on novelty.
    first = case_ids[0]
    review_id = w.insert("reviews", case_id=first, checklist_id=checklist_id, reviewer="alice", status="open",
                         created_at="2023-03-01T09:00:00+00:00", updated_at="2023-03-01T09:00:00+00:00")
    w.audit(actor="alice", entity="review", entity_id=review_id, action="open", case_id=first,
            new={"checklist_id": checklist_id, "reviewer": "alice"})
    w.answer(review_id, first, "search", "pass", "pass", actor="alice")
    w.answer(review_id, first, "novelty", "pass", "pass", actor="alice")
    w.answer(review_id, first, "novelty", "fail", "fail", actor="alice", severity="major",
             category="omitted_objection", comment="未指出D1公开了权利要求1的全部特征 =SUM(A1)")
    w.answer(review_id, first, "novelty-reasoning", "pass", "pass", actor="alice")
    w.answer(review_id, first, "decision", "pass", "pass", actor="alice")
    completed = w.audit(actor="alice", entity="review", entity_id=review_id, action="complete", case_id=first,
                        old={"status": "in_progress"}, new={"status": "completed", "verdict": "error"})
    w.conn.execute("UPDATE reviews SET status = 'completed', verdict = 'error', score = 85.7, active_seconds = 312.5,"
                   " updated_at = ?, completed_at = ? WHERE id = ?", [completed, completed, review_id])

    # Review 2: in progress, one minor finding without a comment.
    second = case_ids[1]
    review_id = w.insert("reviews", case_id=second, checklist_id=checklist_id, reviewer="bob", status="open",
                         created_at="2023-03-01T10:00:00+00:00", updated_at="2023-03-01T10:00:00+00:00")
    w.audit(actor="bob", entity="review", entity_id=review_id, action="open", case_id=second,
            new={"checklist_id": checklist_id, "reviewer": "bob"})
    w.answer(review_id, second, "search", "fail", "fail", actor="bob", severity="minor", category="omitted_objection")
    w.conn.execute("UPDATE reviews SET status = 'in_progress', verdict = 'defect', score = 0.0, active_seconds = 45.0,"
                   " updated_at = ? WHERE id = ?", [w.at(), review_id])


def write_v2(w: Writer) -> None:
    """A remembered column mapping, and a second import whose rejected row keeps its parameters."""
    headers = ["申请号", "专利类型", "发明创造名称", "申请人", "审查员"]
    mapping = {"申请号": "application_number", "专利类型": "ip_type", "发明创造名称": "title", "申请人": "applicant",
               "审查员": "examiner"}
    w.insert("import_mappings", signature=hashlib.sha256("|".join(headers).encode("utf-8")).hexdigest(),
             headers=json.dumps(headers, ensure_ascii=False), mapping=json.dumps(mapping, ensure_ascii=False),
             saved_at="2023-04-01T08:00:00+00:00", used_at="2023-04-02T08:00:00+00:00")
    import_id = w.insert("imports", file_name="2023年4月结案.csv", sha256=hashlib.sha256(b"april").hexdigest(),
                         imported_at="2023-04-02T08:00:00+00:00", mapping=json.dumps(mapping, ensure_ascii=False),
                         rows_read=2, accepted=1, rejected=1)
    w.insert("import_issues", import_id=import_id, line=3, column_name="申请日", value="2023-02-30",
             outcome="rejected", code="import.bad_date", reason="2023-02-30 is not a date.",
             params=json.dumps({"value": "2023-02-30"}))
    w.insert("cases", application_number="202310555555.5", ip_type="invention", title="一种数据压缩方法",
             applicant="己信息技术有限公司", examiner="李四", department="电学发明审查部",
             procedure="substantive_examination", decision="grant", filing_date="2023-01-02",
             decision_date="2023-03-31", import_id=import_id)


def write_v3(w: Writer) -> None:
    """The completed review signed off (the lock of the review workflow)."""
    review_id, case_id, verdict = w.conn.execute(
        "SELECT id, case_id, verdict FROM reviews WHERE status = 'completed' ORDER BY id LIMIT 1").fetchone()
    at = w.audit(actor="manager", entity="review", entity_id=review_id, action="sign_off", case_id=case_id,
                 old={"status": "completed"}, new={"status": "signed_off", "verdict": verdict})
    w.conn.execute("UPDATE reviews SET status = 'signed_off', signed_off_at = ?, signed_off_by = 'manager',"
                   " updated_at = ? WHERE id = ?", [at, at, review_id])


def write_v4(w: Writer) -> None:
    """A stratified round: its plan, strata, drawn cases, and a review opened for it."""
    checklist_id = w.conn.execute("SELECT MIN(id) FROM checklists").fetchone()[0]
    filters = {"exclude_sampled": True}
    plan = {"allocation": "proportional", "method": "stratified", "min_per_stratum": 0, "size": 2,
            "strata": ["ip_type"]}
    reviewers = [{"cap": None, "name": "alice"}, {"cap": None, "name": "bob"}]
    round_id = w.insert("rounds", name="2023年第二季度 发明", created_at="2023-06-01T08:00:00+00:00",
                        created_by="manager", filters=json.dumps(filters), plan=json.dumps(plan), seed=20230601,
                        seed_source="given", checklists=json.dumps({"invention": checklist_id}),
                        reviewers=json.dumps(reviewers), matching=4, excluded=1, population=3,
                        population_sha256=hashlib.sha256(b"population").hexdigest())
    w.audit(actor="manager", entity="round", entity_id=round_id, action="create", case_id=None,
            new={"name": "2023年第二季度 发明", "filters": filters, "plan": plan, "seed": 20230601})
    w.insert("round_strata", round_id=round_id, stratum="invention", population=3, sample=2)
    cases = [row[0] for row in w.conn.execute(
        "SELECT id FROM cases WHERE ip_type = 'invention' AND id NOT IN (SELECT case_id FROM reviews) ORDER BY id")]
    for order, (case_id, reviewer) in enumerate(zip(cases[:2], ("alice", "bob")), start=1):
        w.insert("round_cases", round_id=round_id, case_id=case_id, stratum="invention", draw_order=order,
                 reviewer=reviewer)
        w.audit(actor="manager", entity="round_case", entity_id=f"{round_id}/{case_id}", action="draw",
                case_id=case_id, new={"round": "2023年第二季度 发明", "stratum": "invention", "draw_order": order,
                                      "reviewer": reviewer})
        at = w.at()
        review_id = w.insert("reviews", case_id=case_id, checklist_id=checklist_id, reviewer=reviewer,
                             status="open", created_at=at, updated_at=at, round_id=round_id)
        w.audit(actor="manager", entity="review", entity_id=review_id, action="open", case_id=case_id,
                new={"checklist_id": checklist_id, "reviewer": reviewer, "round_id": round_id})


def write_v5(w: Writer) -> None:
    """A work package exported for a round's reviewer and merged back once."""
    round_id = w.conn.execute("SELECT MIN(id) FROM rounds").fetchone()[0]
    review_uid = w.conn.execute("SELECT uid FROM reviews WHERE round_id = ? AND reviewer = 'bob'",
                                [round_id]).fetchone()[0]
    head = w.conn.execute("SELECT COUNT(*), MAX(hash) FROM audit_log").fetchone()
    package_id = "8f14e45f-ceea-4e7a-9d4b-6f1a2b3c4d5e"
    w.insert("package_exports", package_id=package_id, round_id=round_id, reviewer="bob",
             file_name="2023Q2-bob.qrwpkg", created_at="2023-06-02T08:00:00+00:00", created_by="manager",
             cases=1, reviews=1, audit_count=head[0], audit_head=head[1])
    w.insert("package_bases", package_id=package_id, review_uid=review_uid,
             state=json.dumps({"review": {"status": "open", "reviewer": "bob"}, "answers": {}}))
    w.insert("package_merges", package_id=package_id, file_name="2023Q2-bob.qrwpkg",
             sha256=hashlib.sha256(b"package").hexdigest(), merged_at="2023-06-09T08:00:00+00:00",
             merged_by="manager", round_id=round_id, reviewer="bob", reviews_kept=1,
             summary=json.dumps({"kept": [review_uid]}))


def write_v7(w: Writer) -> None:
    """A calibration round: two reviewers each with their own blind review of one case."""
    checklist_id = w.conn.execute("SELECT MIN(id) FROM checklists").fetchone()[0]
    case_id = w.conn.execute("SELECT MIN(id) FROM cases WHERE ip_type = 'invention'").fetchone()[0]
    at = w.at()
    plan = {"method": "calibration", "source": "chosen", "size": 1}
    round_id = w.insert("rounds", name="2023 校准", created_at=at, created_by="manager", filters="{}",
                        plan=json.dumps(plan), seed=0, seed_source="given",
                        checklists=json.dumps({"invention": checklist_id}),
                        reviewers=json.dumps([{"name": "alice"}, {"name": "bob"}]), matching=1, population=1,
                        kind="calibration")
    w.audit(actor="manager", entity="round", entity_id=round_id, action="create", case_id=None,
            new={"name": "2023 校准", "kind": "calibration", "plan": plan, "reviewers": ["alice", "bob"]})
    w.insert("round_cases", round_id=round_id, case_id=case_id, stratum=None, draw_order=1, reviewer=None)
    w.audit(actor="manager", entity="round_case", entity_id=f"{round_id}/{case_id}", action="draw", case_id=case_id,
            new={"round": "2023 校准", "draw_order": 1, "reviewers": ["alice", "bob"]})
    for reviewer in ("alice", "bob"):
        at = w.at()
        review_id = w.insert("reviews", case_id=case_id, checklist_id=checklist_id, reviewer=reviewer, status="open",
                             created_at=at, updated_at=at, round_id=round_id, role="calibration")
        w.audit(actor="manager", entity="review", entity_id=review_id, action="open", case_id=case_id,
                new={"checklist_id": checklist_id, "reviewer": reviewer, "round_id": round_id, "role": "calibration"})


def write_v8(w: Writer) -> None:
    """A finding sent to its examiner in a response workbook, disputed, and the dispute upheld."""
    row = w.conn.execute("SELECT a.review_id, a.item_id, r.case_id, c.examiner, a.answer, a.severity, a.category,"
                         " a.comment FROM answers a JOIN reviews r ON r.id = a.review_id JOIN cases c ON c.id = r.case_id"
                         " WHERE a.outcome = 'fail' ORDER BY a.review_id, a.item_id LIMIT 1").fetchone()
    review_id, item_id, case_id, examiner, answer, severity, category, comment = row
    at = w.at()
    finding_id = w.insert("feedback_findings", review_id=review_id, item_id=item_id, case_id=case_id,
                          examiner=examiner, answer=answer, severity=severity, category=category, comment=comment,
                          digest=hashlib.sha256(b"finding").hexdigest(), issued_at=at, issued_by="manager")
    file_id = "3c5d7e9f-1a2b-4c3d-8e4f-5a6b7c8d9e0f"
    w.insert("feedback_files", id=file_id, examiner=examiner, scope=json.dumps({"round": None}), language="zh",
             created_at=at, created_by="manager", deadline="2023-03-15")
    w.insert("feedback_file_findings", file_id=file_id, finding_id=finding_id)
    w.insert("dispute_responses", finding_id=finding_id, response="disagree", reason="检索报告已列出对比文件",
             responded_by=examiner, file_id=file_id, file_sha256=hashlib.sha256(b"returned").hexdigest(),
             imported_at=w.at(), imported_by="manager")
    decided = w.at()
    w.insert("dispute_decisions", finding_id=finding_id, decision="uphold", old_answer=answer, old_severity=severity,
             new_answer=answer, new_severity=severity, verdict_before="error", verdict_after="error",
             reason="评查意见成立", decided_by="manager", decided_at=decided)
    w.audit(actor="manager", entity="dispute", entity_id=finding_id, action="uphold", case_id=case_id,
            new={"reason": "评查意见成立", "severity": severity, "verdict_before": "error", "verdict_after": "error"})


def write_v9(w: Writer) -> None:
    """Pendency targets for two IP types, one of them changed once."""
    for ip_type, days, old in (("invention", 660, None), ("design", 120, None), ("invention", 600, 660)):
        at = w.at()
        w.conn.execute("INSERT INTO pendency_targets (ip_type, days, set_at, set_by) VALUES (?, ?, ?, 'manager')"
                       " ON CONFLICT (ip_type) DO UPDATE SET days = excluded.days, set_at = excluded.set_at",
                       [ip_type, days, at])
        w.audit(actor="manager", entity="pendency_target", entity_id=ip_type, action="set", case_id=None,
                old=None if old is None else {"days": old}, new={"days": days})


def write_v10(w: Writer) -> None:
    """A risk computation: the first case scored by one indicator (derived data, not audited)."""
    case_id = w.conn.execute("SELECT MIN(id) FROM cases").fetchone()[0]
    at = w.at()
    w.insert("case_risk", case_id=case_id, score=0.4, band="medium", computed_at=at,
             indicators=json.dumps([{"code": "bulk_same_day", "points": 0.4, "detail": {"count": 12}}]))
    w.insert("risk_runs", computed_at=at, cases=1, settings="{}",
             skipped=json.dumps([{"code": "hoarding", "missing": ["nice_classes"]}]))


def write_v12(w: Writer) -> None:
    """Audit entries in the schema 12 format (hashes as 32 bytes, no prev_hash) after the upgraded
    ones: an answer on the review in progress commented, as if copied in from a work package (its
    origin hash)."""
    review_id, case_id, reviewer = w.conn.execute(
        "SELECT id, case_id, reviewer FROM reviews WHERE status = 'in_progress' ORDER BY id LIMIT 1").fetchone()
    item, answer, outcome, severity, category = w.conn.execute(
        "SELECT item_id, answer, outcome, severity, category FROM answers WHERE review_id = ? ORDER BY item_id"
        " LIMIT 1", [review_id]).fetchone()
    # The same answer with a comment added: verdict and score stay what its answers give.
    w.answer(review_id, case_id, item, answer, outcome, actor=reviewer, severity=severity, category=category,
             comment="对比文件D2未检索")
    entry_id = w.conn.execute("SELECT MAX(id) FROM audit_log").fetchone()[0]
    package_id = w.conn.execute("SELECT package_id FROM package_exports ORDER BY rowid LIMIT 1").fetchone()[0]
    w.insert("audit_origins", audit_id=entry_id, origin_hash=hashlib.sha256(b"written in the package").digest(),
             package_id=package_id)


WRITERS: dict[int, Callable[[Writer], None]] = {1: write_v1, 2: write_v2, 3: write_v3, 4: write_v4, 5: write_v5,
                                                7: write_v7, 8: write_v8, 9: write_v9, 10: write_v10, 12: write_v12}


def make_fixture(version: int, target: Path | None = None) -> Path:
    steps = migrations()
    if not 1 <= version <= len(steps):
        raise SystemExit(f"schema version {version} does not exist (the migrations go up to {len(steps)})")
    target = target or fixture_path(version)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    conn = sqlite3.connect(partial)
    conn.execute("PRAGMA foreign_keys = ON")
    for step in steps[:version]:
        migrate(conn, None, steps[:step.version])     # db_path None: no backups of a fixture in the making
        writer = WRITERS.get(step.version)
        if writer is not None:
            with conn:
                writer(Writer(conn))
    assert schema_version(conn) == version
    conn.execute("PRAGMA journal_mode = WAL")         # as the application leaves a workspace
    conn.execute("VACUUM")
    conn.close()
    partial.replace(target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make tests/data/schema_vN.sqlite3 for a schema version.")
    parser.add_argument("version", nargs="?", type=int, help="the schema version")
    parser.add_argument("--all", action="store_true", help="every version that has a migration with statements")
    args = parser.parse_args(argv)
    if args.all:
        from db.migrate import split_statements
        versions = [m.version for m in migrations() if split_statements(m.sql())]
    elif args.version:
        versions = [args.version]
    else:
        parser.error("give a version or --all")
    for version in versions:
        path = make_fixture(version)
        print(f"{path.relative_to(ROOT)}: schema version {version}, {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
