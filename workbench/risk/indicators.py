"""The indicators themselves: from the cases' rows to, per case, the indicators that fired with
their details (the facts the one-sentence explanation is worded from).

Every indicator is computed within groups: a patent applicant's or agent's filings, a trademark
applicant's marks (the days and years are subgroups of these). A case's result depends only on
the groups it belongs to, so recomputing the groups an import touched gives the same result as
recomputing everything (workbench.risk.store relies on this).
"""
from __future__ import annotations

import datetime
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Protocol

from workbench.risk import minhash
from workbench.risk.judgements import KeptJudgements
from workbench.risk.settings import CODES, RiskSettings
from workbench.risk.workers import SearchJob, Workers, sketch_texts

#: The columns of cases the indicators read, in the order CaseRow holds them.
COLUMNS = ("id", "application_number", "ip_type", "applicant", "agent", "applicant_type", "filing_date",
           "title", "abstract", "nice_classes", "use_shown")


TRADEMARK = "trademark"     # every other kind is a patent (loops over a million rows test it inline)


class CaseRow(NamedTuple):
    """One case as the indicators read it (a tuple: a million of them are made per refresh)."""
    id: int
    number: str
    ip_type: str
    applicant: str
    agent: str
    applicant_type: str
    filing_date: str | None
    title: str | None          # None: not read (a refresh reads the texts it must sketch only)
    abstract: str | None
    nice_classes: str
    use_shown: int | None

    @property
    def patent(self) -> bool:
        return self.ip_type != TRADEMARK


Fired = dict[int, dict[str, Any]]          # case id -> detail, for one indicator
Chosen = dict[int, tuple[str, minhash.Sketch] | None]      # case id -> the field compared, its sketch
Outline = dict[int, tuple[str, int] | None]     # case id -> the field compared, its count of 3-gram hashes


class Sketcher(Protocol):
    """Gives the near-duplicate search the compared cases' sketches in two steps: the outline of every
    compared case, then the sketches of those in groups searched again (the others are read back)."""

    def outline(self, rows: list[CaseRow], s: RiskSettings) -> Outline: ...

    def sketches(self, case_ids: set[int]) -> Chosen: ...


class MadeSketches:
    """The Sketcher that makes every sketch (`choose`); workbench.risk.sketches keeps them instead."""

    def __init__(self) -> None:
        self.chosen: Chosen = {}

    def outline(self, rows: list[CaseRow], s: RiskSettings) -> Outline:
        self.chosen = choose(rows, s)
        return {case_id: None if entry is None else (entry[0], len(entry[1].grams))
                for case_id, entry in self.chosen.items()}

    def sketches(self, case_ids: set[int]) -> Chosen:
        return {case_id: self.chosen[case_id] for case_id in case_ids}


def _day(text: str | None, cache: dict[str, int | None]) -> int | None:
    if not text:
        return None
    if text not in cache:
        try:
            cache[text] = datetime.date.fromisoformat(text[:10]).toordinal()
        except ValueError:
            cache[text] = None
    return cache[text]


def _iso(day: int) -> str:
    return datetime.date.fromordinal(day).isoformat()


def burst(groups: dict[str, list[tuple[int, int]]], s: RiskSettings, data_start: int) -> Fired:
    """Cases inside a window of `burst_window_days` holding at least `burst_min_filings` of the
    group's filings and at least `burst_ratio` times its mean per window over the
    `burst_history_days` before the window. A case in several such windows keeps the fullest.
    The history is what the workspace covers (from `data_start`, its first filing day): a
    window with less than one window of history before it is not judged, as every group looks
    new there."""
    fired: Fired = {}
    for name, filings in groups.items():
        if len(filings) < s.burst_min_filings:
            continue
        filings.sort()
        days = [d for d, _ in filings]
        best: dict[int, tuple[int, int]] = {}      # index -> (count, -end) of its fullest window
        for end in sorted(set(days)):
            start = end - s.burst_window_days + 1
            lo, hi = bisect_left(days, start), bisect_right(days, end)
            count = hi - lo
            if count < s.burst_min_filings:
                continue
            covered = min(s.burst_history_days, start - data_start)
            if covered < s.burst_window_days:
                continue
            history = lo - bisect_left(days, start - covered)
            mean = history * s.burst_window_days / covered
            if count < s.burst_ratio * mean:
                continue
            for i in range(lo, hi):
                if best.get(i, (0, 0)) < (count, -end):
                    best[i] = (count, -end)
                    fired[filings[i][1]] = {"name": name, "count": count, "start": _iso(start), "end": _iso(end),
                                            "days": s.burst_window_days, "mean": round(mean, 1)}
    return fired


def per_day(groups: dict[str, list[tuple[int, int]]], minimum: int) -> Fired:
    """Cases filed on a day on which their group filed at least `minimum`."""
    fired: Fired = {}
    for name, filings in groups.items():
        if len(filings) < minimum:
            continue
        counts = Counter(d for d, _ in filings)
        for day, case_id in filings:
            if counts[day] >= minimum:
                fired[case_id] = {"name": name, "date": _iso(day), "count": counts[day]}
    return fired


def natural_person_volume(rows: list[CaseRow], days: dict[int, int], s: RiskSettings) -> Fired:
    counts: Counter[tuple[str, int]] = Counter()
    for row in rows:
        if row.ip_type != TRADEMARK and row.applicant_type == "natural_person" and row.applicant and row.id in days:
            counts[(row.applicant, datetime.date.fromordinal(days[row.id]).year)] += 1
    fired: Fired = {}
    for row in rows:
        if row.ip_type != TRADEMARK and row.applicant_type == "natural_person" and row.applicant and row.id in days:
            year = datetime.date.fromordinal(days[row.id]).year
            if counts[(row.applicant, year)] >= s.natural_person_per_year:
                fired[row.id] = {"name": row.applicant, "year": year, "count": counts[(row.applicant, year)]}
    return fired


def trademark_hoarding(rows: list[CaseRow], s: RiskSettings) -> Fired:
    marks: dict[str, list[CaseRow]] = defaultdict(list)
    for row in rows:
        if row.ip_type == TRADEMARK and row.applicant:
            marks[row.applicant].append(row)
    fired: Fired = {}
    for name, held in marks.items():
        if len(held) < s.hoarding_min_marks:
            continue
        classes = {c for row in held for c in row.nice_classes.split(",") if c.strip()}
        known = [row.use_shown for row in held if row.use_shown is not None]
        if len(classes) < s.hoarding_min_classes or not known or sum(known) > s.hoarding_max_use_share * len(known):
            continue
        detail = {"name": name, "marks": len(held), "classes": len(classes), "shown": sum(known), "known": len(known)}
        for row in held:
            fired[row.id] = detail
    return fired


def choose(rows: list[CaseRow], s: RiskSettings, workers: Workers | None = None) -> Chosen:
    """Each case's field compared and its sketch, made here (workbench.risk.sketches keeps them in
    the workspace instead): the abstract, or the title when there is no abstract long enough;
    None when neither is. The same text gets the same sketch object. With `workers`, many texts
    are sketched by worker processes (the same sketches)."""
    spread = workers is not None and workers.worth(len(rows))
    made: dict[str, minhash.Sketch | None] = {}

    def sketch_all(texts: Iterable[str]) -> None:
        new = [text for text in dict.fromkeys(texts) if text not in made]
        sketches = (workers.sketch_all(new, s.near_duplicate_min_chars) if spread and workers is not None
                    else sketch_texts(new, s.near_duplicate_min_chars))
        made.update(zip(new, sketches))
    sketch_all(row.abstract for row in rows)                                   # type: ignore[misc]
    sketch_all(row.title for row in rows if not made[row.abstract])           # type: ignore[index, misc]
    chosen: Chosen = {}
    for row in rows:
        abstract = made[row.abstract]                                         # type: ignore[index]
        title = None if abstract else made[row.title]                         # type: ignore[index]
        chosen[row.id] = ("abstract", abstract) if abstract else ("title", title) if title else None
    return chosen


def near_duplicates(rows: list[CaseRow], days: dict[int, int], s: RiskSettings,  # long: the docstring
                    oversized: list[int] | None = None, sketcher: Sketcher | None = None,
                    judgements: KeptJudgements | None = None, workers: Workers | None = None) -> Fired:
    """Cases with at least `near_duplicate_min` other applications of the same applicant (or
    the same agent), filed within `near_duplicate_window_days` of this one, whose text is
    near-duplicate (3-gram Jaccard at least `near_duplicate_similarity`): the abstracts of those with
    one, the titles of those without. Titles are short and formulaic (a company's "一种…装置" family shares
    most of its words) and a large agency files similar subjects all year; a filing mill's batch is
    near-duplicate in substance and filed together. The group with more of them is the one named.
    `sketcher` gives the compared cases' sketches (default: MadeSketches, which makes them);
    `judgements`, when given, has a group exactly as it was when last searched read back, the
    candidate pairs it can vouch for read back, not judged, and keeps what is found here; `workers`
    search many groups without kept judgements in worker processes."""
    big = _groups(rows, s)
    compared = {row.id: row for _, _, members in big for row in members}
    sketcher = sketcher or MadeSketches()
    outline = sketcher.outline(list(compared.values()), s)
    plans = []
    searched: set[int] = set()      # the cases of groups searched again: their sketches are read
    for kind, name, members in big:
        trusted, same = judgements.trusted(kind, name, [row.id for row in members]) if judgements else (frozenset(), False)
        kept = judgements.found(kind, name) if judgements and same else None
        if kept is None:
            searched.update(row.id for row in members if outline[row.id])
        plans.append((kind, name, members, trusted, kept))
    chosen = sketcher.sketches(searched)
    spread = _search_spread(plans, chosen, days, s, workers, judgements)
    cuts = oversized if oversized is not None else []
    best: Fired = {}
    for at, (kind, name, members, trusted, kept) in enumerate(plans):
        cut_before = len(cuts)
        if kept is not None:
            by_field = _found_again(kept[0], outline)
            cuts.extend(kept[1])
        elif at in spread:
            by_field = {}
            for field, (pairs, field_cuts) in spread[at].items():      # in _fields' order, as _searched
                by_field[field] = pairs
                cuts.extend(field_cuts)
        else:
            by_field = _searched(members, chosen, days, s, cuts, trusted, judgements)
        _name_the_best(best, kind, name, by_field, compared, s)
        if judgements:
            judgements.searched_whole(kind, name, len(members), cuts[cut_before:],
                                      [pair for pairs in by_field.values() for pair in pairs],
                                      kept[0] if kept is not None else None)
    return best


def _fields(members: list[CaseRow], chosen: Chosen) -> dict[str, list[tuple[int, minhash.Sketch]]]:
    """A group's compared texts by field. Titles only among the applications without an abstract:
    where both have one, the abstracts decide, and leaving their formulaic titles out keeps a large
    agency's title pairs from growing with the square of its filings."""
    by_field: dict[str, list[tuple[int, minhash.Sketch]]] = {"title": [], "abstract": []}
    for row in members:
        if entry := chosen.get(row.id):
            by_field[entry[0]].append((row.id, entry[1]))
    return by_field


def _search_spread(plans: list[Any], chosen: Chosen, days: dict[int, int], s: RiskSettings,
                   workers: Workers | None, judgements: KeptJudgements | None,
                   ) -> dict[int, dict[str, tuple[dict[tuple[int, int], float], list[int]]]]:
    """The groups to search with nothing to read back (no trusted case), searched by `workers` when
    they hold enough cases: plan index -> field -> (similar pairs, cut buckets' sizes), as
    `_searched` finds them (the pairs judged similar kept in `judgements` as it keeps them)."""
    wanted = [at for at, (_kind, _name, members, trusted, kept) in enumerate(plans) if kept is None and not trusted]
    total = sum(len(plans[at][2]) for at in wanted)
    if workers is None or not workers.worth(total):
        return {}
    order: list[tuple[int, str]] = []       # the plan and field of each job, in the order sent

    def jobs() -> Iterator[SearchJob]:      # made as the workers take them: not all held at once
        for at in wanted:
            for field, present in _fields(plans[at][2], chosen).items():
                order.append((at, field))
                yield _search_job(present, days)
    spread: dict[int, dict[str, tuple[dict[tuple[int, int], float], list[int]]]] = {}
    # A job's result comes after the job was made, so `order` already holds its place when zip reads it.
    for (pairs, fresh, cuts), (at, field) in zip(workers.search_all(jobs(), total, s.near_duplicate_window_days,
                                                                    s.near_duplicate_similarity), order):
        spread.setdefault(at, {})[field] = (pairs, cuts)
        if judgements is not None:
            judgements.fresh.update(fresh)
    return spread


def _groups(rows: list[CaseRow], s: RiskSettings) -> list[tuple[str, str, list[CaseRow]]]:
    """The applicants' and agents' patent filings, in groups large enough to compare, in the order
    of (kind, name): where two groups give a case as many neighbours, the first names it."""
    by_name: dict[tuple[str, str], list[CaseRow]] = defaultdict(list)
    for row in rows:
        if row.ip_type != TRADEMARK:
            if row.applicant:
                by_name[("applicant", row.applicant)].append(row)
            if row.agent:
                by_name[("agent", row.agent)].append(row)
    big = [(key, members) for key, members in by_name.items() if len(members) > s.near_duplicate_min]
    big.sort(key=lambda group: group[0])
    return [(kind, name, members) for (kind, name), members in big]


def _searched(members: list[CaseRow], chosen: Chosen, days: dict[int, int], s: RiskSettings, cuts: list[int],
              trusted: frozenset[int], judgements: KeptJudgements | None) -> dict[str, dict[tuple[int, int], float]]:
    """A group's similar pairs by the field compared (`_fields`), searched."""
    return {field: _pairs_in_windows(present, days, s, cuts, trusted, judgements)
            for field, present in _fields(members, chosen).items()}


def _found_again(kept: dict[tuple[int, int], int], outline: Outline) -> dict[str, dict[tuple[int, int], float]]:
    """The similar pairs a group's last search found, by field, for the group exactly as it was then
    (its candidates are then the same): kept with their counts of shared hashes, their similarity
    follows as minhash.judge computes it from the texts' counts of hashes."""
    by_field: dict[str, dict[tuple[int, int], float]] = {"title": {}, "abstract": {}}
    for (a, b), shared in kept.items():
        field, size = outline[a]            # type: ignore[misc]  (a compared text: not None)
        by_field[field][(a, b)] = shared / (size + outline[b][1] - shared)      # type: ignore[index]
    return by_field


def _name_the_best(best: Fired, kind: str, name: str, by_field: dict[str, dict[tuple[int, int], float]],
                   compared: dict[int, CaseRow], s: RiskSettings) -> None:
    """Each case with enough near-duplicates in this group, unless an earlier group gave it as many."""
    neighbours: dict[int, dict[int, float]] = defaultdict(dict)
    fields: dict[int, set[str]] = defaultdict(set)
    for field, pairs in by_field.items():
        for (a, b), similarity in pairs.items():
            for one, other in ((a, b), (b, a)):
                neighbours[one][other] = max(similarity, neighbours[one].get(other, 0.0))
                fields[one].add(field)
    for case_id, found in neighbours.items():
        if len(found) < s.near_duplicate_min or len(found) <= best.get(case_id, {}).get("count", 0):
            continue
        example = min(found, key=lambda other: (-found[other], compared[other].number))
        best[case_id] = {"by": kind, "name": name, "count": len(found), "example": compared[example].number,
                         "similarity": round(found[example], 2), "fields": sorted(fields[case_id])}


def _search_job(present: list[tuple[int, minhash.Sketch]], days: dict[int, int]) -> SearchJob:
    """A group's texts of one field as searched: (day, case id) in filing order, the undated left out,
    and their sketches by case id."""
    sketches = dict(present)
    return sorted((days[key], key) for key in sketches if days.get(key) is not None), sketches


def _pairs_in_windows(present: list[tuple[int, minhash.Sketch]], days: dict[int, int], s: RiskSettings,
                      oversized: list[int] | None = None, trusted: frozenset[int] = frozenset(),
                      judgements: KeptJudgements | None = None) -> dict[tuple[int, int], float]:
    """The near-duplicate pairs filed within the window of each other: the LSH buckets hold the
    group's texts in order of filing, and only texts within the window of each other are paired,
    so filings years apart are never compared. Undated filings take no part."""
    dated, sketches = _search_job(present, days)
    pairs = minhash.candidate_pairs(dated, sketches, s.near_duplicate_window_days, oversized)
    if judgements is None:
        return minhash.judge(pairs, sketches, s.near_duplicate_similarity)
    return minhash.judge(pairs, sketches, s.near_duplicate_similarity, trusted,
                         judgements.kept if trusted else None, judgements.fresh)


def compute(rows: Iterable[CaseRow], s: RiskSettings, skipped: set[str], data_start: str | None = None,
            oversized: list[int] | None = None, sketcher: Sketcher | None = None,
            judgements: KeptJudgements | None = None, workers: Workers | None = None) -> dict[int, list[dict[str, Any]]]:
    """case id -> the indicators that fired on it, as stored in case_risk.indicators.
    `data_start`: the workspace's first filing day (default: the first among `rows`); the sizes of
    the near-duplicate buckets compared by neighbours only are appended to `oversized`; `sketcher`,
    `judgements` and `workers`: see near_duplicates."""
    rows = list(rows)
    cache: dict[str, int | None] = {}
    days = {row.id: day for row in rows if (day := _day(row.filing_date, cache)) is not None}
    first = _day(data_start, cache) if data_start else min(days.values(), default=0)
    by_applicant: dict[str, list[tuple[int, int]]] = defaultdict(list)
    by_agent: dict[str, list[tuple[int, int]]] = defaultdict(list)
    marks_by_applicant: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for row in rows:
        if row.id not in days:
            continue
        entry = (days[row.id], row.id)
        if row.ip_type == TRADEMARK:
            if row.applicant:
                marks_by_applicant[row.applicant].append(entry)
            continue
        if row.applicant:
            by_applicant[row.applicant].append(entry)
        if row.agent:
            by_agent[row.agent].append(entry)
    results: dict[str, Fired] = {}
    wanted = [code for code in CODES if code not in skipped]
    for code in wanted:
        results[code] = _one(code, rows, days, by_applicant, by_agent, marks_by_applicant, s, first or 0, oversized,
                             sketcher, judgements, workers)
    fired: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for code in wanted:
        for case_id, detail in results[code].items():
            fired[case_id].append({"code": code, "points": s.point(code), "detail": detail})
    return dict(fired)


def _one(code: str, rows: list[CaseRow], days: dict[int, int], by_applicant: dict[str, list[tuple[int, int]]],
         by_agent: dict[str, list[tuple[int, int]]], marks: dict[str, list[tuple[int, int]]],
         s: RiskSettings, data_start: int, oversized: list[int] | None = None,
         sketcher: Sketcher | None = None, judgements: KeptJudgements | None = None,
         workers: Workers | None = None) -> Fired:
    if code == "applicant_burst":
        return burst(by_applicant, s, data_start)
    if code == "agent_burst":
        return burst(by_agent, s, data_start)
    if code == "near_duplicate":
        return near_duplicates(rows, days, s, oversized, sketcher, judgements, workers)
    if code == "bulk_same_day":
        fired = {k: {"by": "agent", **v} for k, v in per_day(by_agent, s.bulk_agent_per_day).items()}
        fired.update({k: {"by": "applicant", **v} for k, v in per_day(by_applicant, s.bulk_applicant_per_day).items()})
        return fired
    if code == "natural_person_volume":
        return natural_person_volume(rows, days, s)
    if code == "trademark_hoarding":
        return trademark_hoarding(rows, s)
    return per_day(marks, s.trademark_bulk_per_day)
