"""The Answers and Cases listings rendered in worker processes, on the second core, while this one
writes the rest.

At a million cases the Answers sheets hold 3.6 million rows and Cases a million, nearly all of the
workbook's cells; rendering them here took over half of a 116-second export. A worker process
(multiprocessing, "spawn": safe beside Qt's threads, and what a frozen application supports through
main.py's freeze_support) opens the workspace read-only, reads the answers as workbench.report.listings
lists them and writes their row markup (workbench.report.excel_rows.rows_markup, with this workbook's
cell styles: inline strings, so no shared string table is needed), deflated for the zip
(workbench.report.zip_splice), to one temporary file beside the target, sheet after sheet of at most
EXCEL_DATA_ROWS rows (each listing its own worker: each sends its parts once, at its end). When the
export reaches the listing it waits for its worker, then writes each sheet's head and tail around
the place of its part (excel_tables.write_rendered_table), and saving the workbook splices the
compressed part into that sheet's zip member: the same sheets, tables and cells as written here.

Leaving: the worker is ended and its file removed when the export finishes, fails or is cancelled
(`background_listing` is a context manager); a worker that fails makes the export write the listing
itself, as it does below BACKGROUND_FROM rows or for a workspace in memory. A worker whose parent
died stops at its next batch; its file is named like our other temporary files, so the next run
in that folder removes it.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import traceback
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path
from typing import Any, Iterator, Sequence

from openpyxl.worksheet.worksheet import Worksheet

from foundation.files import create_temp, remove_quietly
from foundation.jobs import CancelToken, Progress
from workbench.report import excel_tables, excel_worker
from workbench.report.case_counts import MAP_BYTES
from workbench.report.excel_cells import PROGRESS_EVERY, WIDTH_SAMPLE, Column
from workbench.report.excel_rows import CellStyles, cell_styles, rows_markup
from workbench.report.zip_splice import Deflated, Deflater
from workbench.report.figures import Scope

#: Rows listed from which a worker is worth starting (a fresh interpreter costs about half a second).
BACKGROUND_FROM = 100_000
POLL_SECONDS = 0.1


@dataclass(frozen=True)
class Job:
    """What the worker needs: plain values, pickled to the new process."""

    listing: str                       # "answers" or "cases"
    db_path: str
    scope: Scope
    language: str
    columns: tuple[Column, ...]
    picked: tuple[int, ...] | None     # the listed fields the columns show (None: all of them)
    styles: CellStyles
    sheet_rows: int                    # data rows a sheet holds (excel_tables.EXCEL_DATA_ROWS)
    out: str                           # the markup file
    held: bool = False                 # started waiting: it begins when released (excel_worker)


@dataclass(frozen=True)
class Part:
    """One sheet's rows in the markup file: bytes [start, end), `count` rows, the first ones' values;
    the bytes are the markup deflated (zip_splice.Deflater), `size` bytes of it with CRC-32 `crc`."""

    start: int
    end: int
    count: int
    sample: tuple[tuple[Any, ...], ...]
    size: int = 0
    crc: int = 0


def work(job: Job, conn: multiprocessing.connection.Connection, done: Any) -> None:
    """The worker process: write the markup file, then send ("parts", [Part...]) or ("error", text)."""
    try:
        parts = _render(job, done)
    except BaseException:    # sent to the parent, which writes the listing itself
        remove_quietly(job.out)
        conn.send(("error", traceback.format_exc()))
    else:
        conn.send(("parts", parts))
    conn.close()


def _render(job: Job, done: Any) -> list[Part]:
    from db.connection import open_database
    from workbench.report.items import ChecklistCache
    from workbench.report.listings import answer_rows, case_rows

    parent = multiprocessing.parent_process()
    db = open_database(job.db_path, read_only=True)
    db.execute(f"PRAGMA mmap_size = {MAP_BYTES}")     # pages mapped, not read(): a tenth less CPU
    rows: Iterator[Sequence[Any]] = iter(
        answer_rows(db, job.scope, job.language, ChecklistCache(db)) if job.listing == "answers"
        else case_rows(db, job.scope))
    if job.picked is not None:
        rows = map(itemgetter(*job.picked), rows)
    markup = rows_markup(job.columns, job.language, job.styles, stored=True)
    parts: list[Part] = []
    with open(job.out, "wb") as out:
        while True:
            deflater, count = Deflater(out), 0
            source = islice(rows, job.sheet_rows)
            sample = tuple(tuple(row) for row in islice(source, WIDTH_SAMPLE))
            rest = chain(sample, source)
            batch = list(islice(rest, PROGRESS_EVERY))
            while batch:
                deflater.write(markup(batch, count + 2).encode("utf-8"))
                count += len(batch)
                done.value += len(batch)
                if parent is not None and not parent.is_alive():
                    raise SystemExit(1)
                batch = list(islice(rest, PROGRESS_EVERY))
            made = deflater.close()
            parts.append(Part(made.start, made.end, count, sample, made.size, made.crc))
            following = next(rows, None)
            if following is None:
                break
            rows = chain([following], rows)
    db.close()
    return parts


class Background:
    """A running worker: `write` puts its sheets into the workbook."""

    def __init__(self, job: Job, total: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.job, self.total = job, total
        self.done = context.Value("q", 0, lock=False)
        self.conn, child = context.Pipe(duplex=False)
        self.jobs: multiprocessing.connection.Connection | None = None
        if job.held:        # the job sent on release; the process waits for it holding no module of ours
            waiting, self.jobs = context.Pipe(duplex=False)
            target, args = excel_worker.held, (waiting, child, self.done, __name__)
        else:
            target, args = work, (job, child, self.done)
        self.process = context.Process(target=target, args=args, daemon=True, name=f"{job.listing}-sheets")
        self.process.start()
        child.close()
        if job.held:
            waiting.close()

    def release(self) -> None:
        """A held worker begins (nothing if it already has)."""
        if self.jobs is not None:
            try:
                self.jobs.send(self.job)
            except OSError:     # it is gone: `parts` finds no answer, and the listing is written here
                pass
            self.jobs.close()
            self.jobs = None

    def parts(self, progress: Progress, cancel: CancelToken, label: str) -> list[Part] | None:
        """The worker's parts once it is done (progress shown meanwhile); None when it failed."""
        self.release()
        while not self.conn.poll(POLL_SECONDS):
            cancel.check()
            progress(self.done.value, self.total, label)
            if not self.process.is_alive() and not self.conn.poll():
                return None
        try:
            kind, value = self.conn.recv()
        except (EOFError, OSError):
            return None
        return value if kind == "parts" else None

    def write(self, sheet: Worksheet, *, name: str, table_name: str, progress: Progress,
              cancel: CancelToken) -> int | None:
        """The listing's sheets from the worker's markup (as write_split_table writes them); None when
        the worker failed and nothing was written."""
        parts = self.parts(progress, cancel, name)
        if parts is None:
            return None
        written = 0
        for number, part in enumerate(parts, start=1):
            cancel.check()
            if number > 1:
                sheet = excel_tables.continued_sheet(sheet, name, number)
            written += excel_tables.write_rendered_table(
                sheet, columns=self.job.columns, sample=part.sample,
                markup=[Deflated(self.job.out, part.start, part.end, part.size, part.crc)],
                count=part.count, language=self.job.language, table_name=excel_tables.part_table_name(table_name, number))
            progress(written, self.total, name)
        return written

    def close(self) -> None:
        """End the worker if it still runs, and remove its file."""
        if self.jobs is not None:
            self.jobs.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()
        remove_quietly(self.job.out)


def release(worker: Background | None) -> None:
    """A held worker begins (nothing for None: the listing has no worker)."""
    if worker is not None:
        worker.release()


@contextmanager
def background_listing(listing: str, database: str, sheet: Worksheet, *, scope: Scope, language: str,
                       columns: Sequence[Column], picked: Sequence[int] | None, total: int,
                       target: Path, workers_from: int = BACKGROUND_FROM, held: bool = False
                       ) -> Iterator[Background | None]:
    """The worker writing the `listing` ("answers" or "cases") of `scope` for `sheet` (None when it has
    fewer than `workers_from` rows or the workspace has no file), ended and cleaned up on leaving;
    `held`: it waits for `release` (or the export waiting for its rows) before it begins."""
    columns = tuple(columns)
    # Registered first whether a worker renders the rows or not, so the workbook is the same either way.
    styles = cell_styles(sheet, columns)
    if total < workers_from or database in ("", ":memory:") or not Path(database).is_file():
        yield None
        return
    out = str(create_temp(target))
    try:
        job = Job(listing, database, scope, language, columns, None if picked is None else tuple(picked), styles,
                  excel_tables.EXCEL_DATA_ROWS, out, held)
        background = Background(job, total)
    except BaseException:
        remove_quietly(out)
        raise
    try:
        yield background
    finally:
        background.close()
