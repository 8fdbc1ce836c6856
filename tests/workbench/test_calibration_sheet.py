"""Issue 14, where it shows: the Calibration sheet of a calibration round's workbook.

A demo workspace with two closed calibration rounds (C1, C2: drift) and one still blind (C3, every
review completed: the state most likely to leak). Blind: the sheet shows progress only, and no sheet
holds a calibration answer. Closed: the per-item figures equal an independent count from the answers
in the database (percent agreement and disagreements by hand, the coefficients by
`calibration_figures`), items come most disagreement first, the deviation from the consensus equals
a hand count, the drift has one row per closed round, a value that is not defined shows its reason,
in English and Chinese.
"""
from __future__ import annotations

import re
import zipfile
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from openpyxl import load_workbook

from db.connection import open_database
from workbench.calibration.figures import calibration_figures
from workbench.demo.calibration_demo import build_calibration_demo
from workbench.demo.generate import build_demo
from workbench.report import calibration_words, sheets
from workbench.report.excel_grid import wrapped_lines
from workbench.report.figures import IP_TYPE_LABELS, ReportFilter
from workbench.report.workbook import write_workbook
from workbench.review.checklist_store import load_stored
from workbench.stats.agreement import BAND_LABELS, REASON_LABELS, band

BLIND = ("Quinn Blind", "Rory Blind", "Sage Blind")
SHEET = {"en": "Calibration", "zh": "校准"}
DONE = ("completed", "signed_off")
CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    folder = tmp_path_factory.mktemp("calibration")
    db = open_database(folder / "w.sqlite3")
    build_demo(db, cases=240, reviewed=0.5, seed=4)
    build_calibration_demo(db, "C1", seed=7, size=10)
    build_calibration_demo(db, "C2", seed=11, size=12)
    build_calibration_demo(db, "C3 open", seed=13, size=6, reviewers=BLIND, close=False)
    books = {}
    for name, round_name, language in (("c2", "C2", "en"), ("c2-zh", "C2", "zh"), ("c3", "C3 open", "en"),
                                       ("c3-zh", "C3 open", "zh"), ("all", None, "en")):
        out = folder / f"{name}.xlsx"
        write_workbook(db, out, language=language, report_filter=ReportFilter(round_name=round_name))
        books[name] = out
    yield db, books
    db.close()


def rows_of(path, sheet_name):
    return [list(r) for r in load_workbook(path)[sheet_name].iter_rows(values_only=True)]


def block(rows, heading, header_rows=2):
    """The body rows of the table under `heading`: from below its header rows to the first empty row."""
    start = next(i for i, r in enumerate(rows) if r[0] == heading) + 1 + header_rows
    end = next((i for i in range(start, len(rows)) if not any(v is not None for v in rows[i])), len(rows))
    return rows[start:end]


def round_id(db, name):
    return db.execute("SELECT id FROM rounds WHERE name = ?", [name]).fetchone()[0]


# -- independent counts from the database ------------------------------------------------------------

def calibration_answers(db, name):
    """{(case, reviewer): {item: answer}} of the round's completed calibration reviews, straight from SQL."""
    given = {}
    for case_id, reviewer, item_id, answer in db.execute(
            "SELECT r.case_id, r.reviewer, a.item_id, a.answer FROM reviews r LEFT JOIN answers a ON a.review_id = r.id"
            " WHERE r.round_id = ? AND r.role = 'calibration' AND r.status IN ('completed', 'signed_off')",
            [round_id(db, name)]):
        given.setdefault((case_id, reviewer), {})
        if item_id is not None:
            given[(case_id, reviewer)][item_id] = answer
    return given


def round_items(db, name):
    """(IP type, item id) of every item of the round's frozen checklists, and the round's cases by IP type."""
    rid = round_id(db, name)
    cases = db.execute("SELECT rc.case_id, c.ip_type FROM round_cases rc JOIN cases c ON c.id = rc.case_id"
                       " WHERE rc.round_id = ?", [rid]).fetchall()
    checklist_ids = {ip: cid for ip, cid in db.execute(
        "SELECT DISTINCT c.ip_type, r.checklist_id FROM reviews r JOIN cases c ON c.id = r.case_id"
        " WHERE r.round_id = ? AND r.role = 'calibration'", [rid])}
    items = [(ip, item.id) for ip, cid in checklist_ids.items() for item in load_stored(db, cid).items]
    return items, cases


def hand_percent(db, name):
    """Per (IP type, item): (cases with two answers or more, cases where they differ, percent agreement as
    the mean share of agreeing pairs). A hidden item is answered 'not applicable'."""
    given = calibration_answers(db, name)
    items, cases = round_items(db, name)
    result = {}
    for ip, item in items:
        shares, differing = [], 0
        for case_id, case_ip in cases:
            if case_ip != ip:
                continue
            answers = [a.get(item, "na") for (c, _r), a in given.items() if c == case_id]
            if len(answers) < 2:
                continue
            counts = Counter(answers).values()
            n = len(answers)
            shares.append(sum(k * (k - 1) for k in counts) / (n * (n - 1)))
            differing += len(counts) > 1
        result[(ip, item)] = (len(shares), differing, sum(shares) / len(shares) if shares else None)
    return result


def hand_deviation(db, name):
    """Per reviewer: (answers compared, differing, verdicts compared, differing) against the completed consensus."""
    rid = round_id(db, name)
    consensus = {}
    verdicts = {}
    for review_id, case_id, verdict in db.execute(
            "SELECT id, case_id, verdict FROM reviews WHERE round_id = ? AND role = 'consensus'"
            " AND status IN ('completed', 'signed_off')", [rid]):
        consensus[case_id] = dict(db.execute("SELECT item_id, answer FROM answers WHERE review_id = ?", [review_id]))
        verdicts[case_id] = verdict
    items, cases = round_items(db, name)
    ip_of = dict(cases)
    own_verdicts = {(c, r): v for c, r, v in db.execute(
        "SELECT case_id, reviewer, verdict FROM reviews WHERE round_id = ? AND role = 'calibration'"
        " AND status IN ('completed', 'signed_off')", [rid])}
    result = {}
    for (case_id, reviewer), answers in calibration_answers(db, name).items():
        if case_id not in consensus:
            continue
        counts = result.setdefault(reviewer, [0, 0, 0, 0])
        for ip, item in items:
            if ip == ip_of[case_id]:
                counts[0] += 1
                counts[1] += answers.get(item, "na") != consensus[case_id].get(item, "na")
        counts[2] += 1
        counts[3] += own_verdicts[(case_id, reviewer)] != verdicts[case_id]
    return result


# -- which workbooks have the sheet ------------------------------------------------------------------

def test_only_a_calibration_round_has_the_sheet(workspace):
    _db, books = workspace
    assert load_workbook(books["c2"]).sheetnames[:2] == ["Summary", "Calibration"]
    assert load_workbook(books["c3-zh"]).sheetnames[:2] == ["汇总", "校准"]
    assert "Calibration" not in load_workbook(books["all"]).sheetnames
    assert sheets.sheet_name("calibration", "zh") == "校准"


# -- blind ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["c3", "c3-zh"])
def test_a_blind_round_shows_progress_only(workspace, key):
    db, books = workspace
    language = "zh" if key.endswith("zh") else "en"
    rows = rows_of(books[key], SHEET[language])
    texts = [v for r in rows for v in r if isinstance(v, str)]
    numbers = [v for r in rows for v in r if isinstance(v, (int, float))]
    progress = block(rows, calibration_words.W["progress"].get(language), header_rows=1)
    completed = dict(db.execute("SELECT reviewer, COUNT(*) FROM reviews WHERE round_id = ? AND role = 'calibration'"
                                " AND status IN ('completed', 'signed_off') GROUP BY reviewer",
                                [round_id(db, "C3 open")]))
    assert [(r[0], r[3], r[4], r[6]) for r in progress] == [(name, completed[name], 6, completed[name] / 6)
                                                             for name in BLIND]
    # Nothing else: the facts (cases), the progress, and no agreement figure, band or answer.
    assert sorted(numbers) == sorted([6] + [v for r in progress for v in (r[3], r[4], r[6])])
    words = calibration_words.W
    for hidden in ("percent", "ac1", "alpha", "items", "deviation", "drift"):
        assert words[hidden].get(language) not in texts
    bands = {pair[language == "zh"] for pair in BAND_LABELS.values()}
    assert not bands & set(texts)
    note = next(t for t in texts if "calibrate --close --round" in t)
    assert '"C3 open"' in note


@pytest.mark.parametrize("key", ["c3", "c3-zh", "all", "c2"])
def test_no_sheet_holds_a_calibration_answer(workspace, key):
    """Every cell of the workbook: no calibration reviewer's comment anywhere, no blind reviewer in the
    lists of what was reviewed, and the Findings, Answers and Cases of the blind round are empty."""
    db, books = workspace
    comments = {c for (c,) in db.execute("SELECT DISTINCT a.comment FROM answers a JOIN reviews r ON r.id = a.review_id"
                                         " WHERE r.role = 'calibration' AND a.comment != ''")}
    assert comments            # the demo's reviewers explain their findings
    book = load_workbook(books[key])
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    assert not any(c in value for c in comments), (sheet.title, value)
                    if sheet.title not in ("Calibration", "校准", "About", "说明"):
                        assert not any(name in value for name in BLIND), (sheet.title, value)
    if key.startswith("c3"):
        zh = key.endswith("zh")
        for name in (("差错", "评查结果") if zh else ("Findings", "Answers")):
            assert not any(any(v is not None for v in r) for r in book[name].iter_rows(min_row=2, values_only=True))
        cases = list(book["案件" if zh else "Cases"].iter_rows(min_row=2, values_only=True))
        assert len(cases) == 6 and all(r[-2] is None for r in cases)         # no reviewer, no review counted


# -- closed ------------------------------------------------------------------------------------------

def item_rows(path, language="en"):
    return block(rows_of(path, SHEET[language]), calibration_words.W["items"].get(language))


def test_item_figures_equal_an_independent_count(workspace):
    db, books = workspace
    expected = hand_percent(db, "C2")
    rows = item_rows(books["c2"])
    labels = {text.en: code for code, text in IP_TYPE_LABELS.items()}
    assert len(rows) == len(expected)
    for row in rows:
        cases, differing, percent = expected[(labels[row[0]], row[1])]
        assert (row[4], row[5]) == (cases, differing), row[:6]
        assert row[6] == pytest.approx(percent, abs=1e-12), row[1]
    figures = calibration_figures(db, "C2")
    for row, item in zip(rows, figures.items):
        assert row[1] == item.ref.item.id
        assert row[2] == item.ref.item.text.en and row[3] == item.ref.item.reference
        for key, first in (("percent", 6), ("kappa", 9), ("alpha", 12), ("ac1", 15)):
            a = item.figures[key]
            if a.value is not None:
                assert row[first:first + 3] == [pytest.approx(a.value), a.low and pytest.approx(a.low),
                                                a.high and pytest.approx(a.high)]
        assert row[18] == BAND_LABELS[band(item.figures["ac1"].value)][0]


def test_items_come_most_disagreement_first(workspace):
    _db, books = workspace
    rows = item_rows(books["c2"])
    keys = [(r[6], -r[5]) for r in rows]
    assert keys == sorted(keys)
    assert rows[0][5] > 0 and rows[-1][5] == 0


def test_a_value_that_is_not_defined_shows_its_reason(workspace):
    _db, books = workspace
    reasons = {en for en, _zh in REASON_LABELS.values()}
    undefined = 0
    for row in item_rows(books["c2"]):
        for first in (6, 9, 12, 15):
            value = row[first]
            assert isinstance(value, (int, float)) or value in reasons or value is None and row[first - 3] in reasons, \
                (row[1], first, value)
            if value in reasons:
                undefined += 1
                assert row[first + 1:first + 3] == [None, None]          # the reason spans value, low and high
    assert undefined          # every reviewer passed some item on every case: kappa and alpha are 0/0
    agreed = next(r for r in item_rows(books["c2"]) if r[5] == 0 and r[9] in reasons)
    assert agreed[6] == 1 and agreed[15] == 1 and agreed[9] == REASON_LABELS["one_category"][0]


def test_deviation_from_the_consensus_equals_a_hand_count(workspace):
    db, books = workspace
    rows = block(rows_of(books["c2"], "Calibration"), calibration_words.W["deviation"].en)
    counted = hand_deviation(db, "C2")
    assert [r[0] for r in rows] == ["Wang Fang", "Li Na", "Zhang Wei"]
    for row in rows:
        compared, differing, verdicts, verdicts_differing = counted[row[0]]
        assert (row[4], row[6], row[10], row[12]) == (compared, differing, verdicts, verdicts_differing)
        assert row[8] == pytest.approx(differing / compared) and row[14] == pytest.approx(verdicts_differing / verdicts)
    assert any(r[6] for r in rows)


def test_overall_rows_and_the_notes(workspace):
    db, books = workspace
    rows = rows_of(books["c2"], "Calibration")
    overall = block(rows, calibration_words.W["overall"].en)
    figures = calibration_figures(db, "C2")
    assert [r[0] for r in overall] == ["All answers pooled (every case and item)", "Verdict of the case",
                                       "Severity (a pass counts as none)"]
    for row, figs in zip(overall, (figures.overall, figures.verdict, figures.severity)):
        assert row[3] == figs["percent"].units and row[6] == pytest.approx(figs["percent"].value)
        assert row[15] == pytest.approx(figs["ac1"].value)
    texts = " ".join(v for r in rows for v in r if isinstance(v, str))
    assert "(the kappa paradox)" in texts and "Landis & Koch" in texts
    assert [r[0] for r in rows if r[2] in ("below 0", "0.81 to 1")] == ["Poor", "Almost perfect"]


def test_drift_has_one_row_per_closed_round_and_two_charts(workspace, tmp_path):
    db, books = workspace
    rows = [r for r in block(rows_of(books["c2"], "Calibration"), calibration_words.W["drift"].en)
            if isinstance(r[4], int)]          # the note below the table is not a round
    assert [r[0] for r in rows] == ["C1", "C2"]                 # oldest first; the blind C3 is not there
    assert [r[4] for r in rows] == [10, 12]
    hand = hand_deviation(db, "C2")
    c2 = rows[1]
    assert [c2[10], c2[12], c2[14]] == [pytest.approx(hand[n][1] / hand[n][0]) for n in ("Wang Fang", "Li Na", "Zhang Wei")]
    sheet = load_workbook(books["c2"])["Calibration"]
    bold = [sheet.cell(row=r, column=1).font.b for r in range(1, sheet.max_row + 1)
            if sheet.cell(row=r, column=1).value in ("C1", "C2")]
    assert bold == [False, True]                                # this workbook's round
    assert len(sheet._charts) == 2
    with zipfile.ZipFile(books["c2"]) as archive:
        names = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        charts = [ET.fromstring(archive.read(n)) for n in names]
    # The Calibration sheet's: not the Summary's bars, nor the Trend and Funnel sheets' charts.
    lines = [c for c in charts if "'Calibration'!" in ET.tostring(c, encoding="unicode")]
    assert len(lines) == 2
    series = {len(c.findall(f".//{CHART}ser")) for c in lines}
    assert series == {3, 2}                                     # three reviewers; kappa and AC1
    for chart in lines:                                        # cached points for previewers
        for ref in chart.iter(f"{CHART}numRef"):
            assert ref.find(f"{CHART}numCache") is not None


def test_the_chinese_sheet_has_the_same_figures(workspace):
    _db, books = workspace
    en = rows_of(books["c2"], "Calibration")
    zh = rows_of(books["c2-zh"], "校准")
    numbers = lambda rows: [v for r in rows for v in r if isinstance(v, (int, float)) and not isinstance(v, bool)]
    assert numbers(en) == pytest.approx(numbers(zh))
    texts = [v for r in zh for v in r if isinstance(v, str)]
    assert "各评查项的一致性（分歧最多的在前）" in texts and "几乎完全一致" in texts
    assert REASON_LABELS["one_category"][1] in texts
    assert any("κ 系数悖论" in t for t in texts)
    items = item_rows(books["c2-zh"], "zh")
    assert all(r[0] == "发明" for r in items) and all(re.search(r"[\u4e00-\u9fff]", r[2]) for r in items)


def test_rows_are_tall_enough_for_their_wrapped_text(workspace):
    """The longest item text and guideline reference fit the height given to their rows."""
    _db, books = workspace
    sheet = load_workbook(books["c2"])["Calibration"]
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.alignment.wrap_text and cell.coordinate not in sheet.merged_cells:
                width = sheet.column_dimensions[cell.column_letter].width
                lines = wrapped_lines(cell.value, width, (cell.font.sz or 11) / 11)
                height = sheet.row_dimensions[cell.row].height or 15
                assert height >= lines * (cell.font.sz or 11) * 1.2, (cell.coordinate, cell.value, height)


def test_wrapped_lines():
    assert wrapped_lines("pass", 10) == 1
    assert wrapped_lines("abnormal-application-indicators", 14) == 3        # breaks after hyphens
    assert wrapped_lines("一" * 10, 10.5) == 2                               # two widths a character
    assert wrapped_lines("a\nb", 40) == 2
