"""Who the reviewer is, per workspace: the name a person chose, remembered under their login.

The computer's login name is a poor reviewer name ("wwang", "Administrator"), so the window
asks once per workspace and per login for the name reviews are attributed to ("王伟"). The
choice is kept in the workspace's own audit log, which holds it without a schema change and
makes every choice tamper-evident: an entry with entity 'reviewer', the login as entity id,
action 'choose' (the first) or 'rename', old {"name"} and new {"name", "login"}, and the
chosen name as actor. Every other entry keeps the chosen name as its actor (that is whom
reviews are attributed to); the reviewer entries say which login used which name, and when.

Choosing a name must not bypass the take-over question of someone else's unfinished review
(ui/review_owners.py asks it when the review's reviewer differs from the window's). Review rows
record a name, not a login, so the rule is on the choice: a login may take a name that is its
own (its login name, or a name it chose here before) freely; another's name is refused while
it owns unfinished reviews that someone has started (answers given), or unfinished reviews
at all once another login has chosen that name. The name of a reviewer who has been assigned
cases but not started any, and whom no login has claimed yet, stays free: that is how an
assigned reviewer takes their name the first time. The refusal points at the take-over,
which keeps both names in the audit log.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from workbench.audit import chain
from foundation.errors import WorkbenchError, register

ENTITY = "reviewer"
NAME_LIMIT = 80

register({
    "reviewer.empty": "A reviewer name cannot be empty.",
    "reviewer.too_long": "A reviewer name has at most {limit} characters.",
    "reviewer.bad_characters": "A reviewer name cannot contain line breaks or control characters.",
    "reviewer.name_taken": "{name} has {count} unfinished review(s) in this workspace, begun under another "
                           "login. Choose your own name; to continue one of those reviews, open it and take it "
                           "over (the take-over is kept in the audit log with both names).",
})


@dataclass(frozen=True)
class ReviewerChoice:
    """One login's choice of name, as the audit log keeps it."""

    login: str
    name: str
    old_name: str | None


def clean_name(name: str) -> str:
    """The name as stored (trimmed); raises WorkbenchError for an empty or unusable one."""
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise WorkbenchError("reviewer.bad_characters")
    name = name.strip()
    if not name:
        raise WorkbenchError("reviewer.empty")
    if len(name) > NAME_LIMIT:
        raise WorkbenchError("reviewer.too_long", limit=NAME_LIMIT)
    return name


def chosen_name(db: sqlite_utils.Database, login: str) -> str | None:
    """The name this login last chose in the workspace; None when it has never been asked."""
    row = db.execute("SELECT new_value FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1",
                     [ENTITY, login]).fetchone()
    return str(json.loads(row[0])["name"]) if row and row[0] else None


def logins_of(db: sqlite_utils.Database, name: str) -> set[str]:
    """Every login that has chosen `name` in this workspace."""
    rows = db.execute("SELECT entity_id, new_value FROM audit_log WHERE entity = ?", [ENTITY]).fetchall()
    return {login for login, new in rows if new and json.loads(new).get("name") == name}


def known_names(db: sqlite_utils.Database) -> list[str]:
    """Names the workspace already knows, to suggest: reviewers of reviews, of round assignments
    and of rounds' reviewer lists, and names chosen here before."""
    names: set[str] = set()
    names.update(r[0] for r in db.execute("SELECT DISTINCT reviewer FROM reviews"))
    names.update(r[0] for r in db.execute("SELECT DISTINCT reviewer FROM round_cases WHERE reviewer IS NOT NULL"))
    for (listed,) in db.execute("SELECT reviewers FROM rounds"):
        try:
            names.update(str(r["name"]) for r in json.loads(listed or "[]") if isinstance(r, dict) and r.get("name"))
        except ValueError:
            continue
    for (new,) in db.execute("SELECT new_value FROM audit_log WHERE entity = ?", [ENTITY]):
        if new:
            names.add(str(json.loads(new).get("name") or ""))
    return sorted(n for n in names if n and n.strip())


def _unfinished(db: sqlite_utils.Database, name: str) -> tuple[int, int]:
    """(unfinished reviews of `name`, of which begun: answered at least once)."""
    row = db.execute(
        "SELECT COUNT(*), COALESCE(SUM(status = 'in_progress' OR EXISTS (SELECT 1 FROM answers a"
        " WHERE a.review_id = r.id)), 0) FROM reviews r WHERE reviewer = ? AND status IN ('open', 'in_progress')",
        [name]).fetchone()
    return int(row[0]), int(row[1])


def check_choice(db: sqlite_utils.Database, name: str, login: str) -> None:
    """Refuse a name whose unfinished reviews belong to someone else (the rule of the module
    docstring): choosing it would let this login write into them without the take-over question."""
    if name == login or login in logins_of(db, name):
        return        # its own name: its reviews are this person's
    unfinished, begun = _unfinished(db, name)
    claimed_elsewhere = bool(logins_of(db, name) - {login})
    if begun or (unfinished and claimed_elsewhere):
        raise WorkbenchError("reviewer.name_taken", name=name, count=unfinished)


def choose(db: sqlite_utils.Database, name: str, *, login: str) -> ReviewerChoice:
    """Record that `login` works as `name` in this workspace (audited; nothing if unchanged)."""
    name = clean_name(name)
    with db.atomic():
        chosen = chosen_name(db, login)
        if chosen == name:
            return ReviewerChoice(login, name, chosen)
        check_choice(db, name, login)
        old = chosen or login      # until the first choice, reviews went under the login name
        chain.record(db, actor=name, entity=ENTITY, entity_id=login, action="rename" if chosen else "choose",
                     old={"name": old}, new={"name": name, "login": login})
    return ReviewerChoice(login, name, old)
