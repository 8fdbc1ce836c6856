"""Building populations for the risk tests: cases written straight into a workspace with the
schema-10 fields (agent, applicant_type, abstract, nice_classes, use_shown)."""
from __future__ import annotations

import datetime
from typing import Any

FIELDS = ("application_number", "ip_type", "title", "applicant", "agent", "applicant_type", "abstract",
          "nice_classes", "use_shown", "filing_date", "import_id")
_counter = {"n": 0}


def number(ip_type: str = "invention") -> str:
    """A fresh, well-formed application number (13 digits and a check digit)."""
    _counter["n"] += 1
    body = f"2023{1 if ip_type == 'invention' else 2}{_counter['n']:07d}"
    weights = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    check = sum(int(d) * w for d, w in zip(body, weights)) % 11
    return f"{body}.{'X' if check == 10 else check}"


def case(**values: Any) -> dict[str, Any]:
    ip_type = values.get("ip_type", "invention")
    row = {"application_number": number(ip_type) if ip_type != "trademark" else f"T{_next()}",
           "ip_type": ip_type, "title": "", "applicant": "", "agent": "", "applicant_type": "", "abstract": "",
           "nice_classes": "", "use_shown": None, "filing_date": "2023-06-01", "import_id": None}
    row.update(values)
    return row


def _next() -> int:
    _counter["n"] += 1
    return 60000000 + _counter["n"]


def add(db, rows: list[dict[str, Any]], *, import_id: int | None = None) -> list[int]:
    """Insert the cases (as an import with `import_id` would); returns their ids."""
    if import_id is not None:
        db.execute("INSERT OR IGNORE INTO imports (id, file_name, sha256, imported_at, mapping) VALUES"
                   " (?, 'f.csv', 'x', '2024-01-01', '{}')", [import_id])
    ids = []
    for row in rows:
        row = {**row, "import_id": import_id if import_id is not None else row["import_id"]}
        ids.append(db.execute(f"INSERT INTO cases ({', '.join(FIELDS)}) VALUES ({', '.join('?' * len(FIELDS))})",
                              [row[f] for f in FIELDS]).lastrowid)
    db.conn.commit()
    return ids


def days(start: str, count: int, step: int = 1) -> list[str]:
    first = datetime.date.fromisoformat(start)
    return [(first + datetime.timedelta(days=i * step)).isoformat() for i in range(count)]
