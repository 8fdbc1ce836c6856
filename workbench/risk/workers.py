"""A big refresh's near-duplicate work spread over worker processes.

Sketching a text and judging one group's candidate pairs are pure Python, independent of each other,
and most of a refresh that must do many of them: the first one on a workspace, or after an import of
a year's cases, sketches every text and judges every candidate (about six minutes of one core at a
million cases). Run in worker processes, they use every core of the laptop.

The workers run the very functions the refresh runs in its own process (workbench.risk.minhash) on the
same inputs, and their results are put back in the order they were asked for, so a refresh stores the
same rows either way (tested). They are started ("spawn", as the export's: safe beside Qt's threads and
what a frozen application supports through main.py's freeze_support) only for work big enough to repay
their start, about a third of a second each, and stopped when the refresh ends. Nothing here touches
the workspace: the refresh's transaction is not visible to another process.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, Callable, Iterator, TypeVar

from workbench.risk import minhash

if TYPE_CHECKING:
    from foundation.jobs import CancelToken

#: Texts to sketch, or cases in the groups to search, from which the work is spread.
SPREAD_FROM = 20_000
#: Texts, or cases of groups, per task at most: big enough that sending a part costs little beside
#: doing it; smaller parts (four a process at least) share the work evenly.
BATCH = 5_000
MAX_PROCESSES = 4

#: One field of one group to search: its texts (day, case id) in filing order, and their sketches.
SearchJob = tuple[list[tuple[int, int]], dict[int, minhash.Sketch]]
#: What searching it found: the similar pairs with their similarity, their counts of shared hashes,
#: and the sizes of the buckets cut at the cap.
SearchResult = tuple[dict[tuple[int, int], float], dict[tuple[int, int], int], list[int]]

T = TypeVar("T")
R = TypeVar("R")


def sketch_texts(texts: list[str], min_chars: int) -> list[minhash.Sketch | None]:
    """minhash.sketch of each text (run by a worker for its part of the texts)."""
    hasher = minhash.GramHasher()
    return [minhash.sketch(text, hasher, min_chars) for text in texts]


def search(jobs: list[SearchJob], width: int, threshold: float, cap: int) -> list[SearchResult]:
    """Each job searched as indicators._pairs_in_windows searches a group's field without kept
    judgements (run by a worker for its part of the groups; `cap`: the caller's BUCKET_CAP)."""
    results: list[SearchResult] = []
    for dated, sketches in jobs:
        cuts: list[int] = []
        fresh: dict[tuple[int, int], int] = {}
        pairs = minhash.candidate_pairs(dated, sketches, width, cuts, cap=cap)
        results.append((minhash.judge(pairs, sketches, threshold, fresh=fresh), fresh, cuts))
    return results


def process_count() -> int:
    """How many worker processes a refresh uses: one a core, at most MAX_PROCESSES."""
    return max(1, min(MAX_PROCESSES, os.cpu_count() or 1))


class Workers:
    """The worker processes of one refresh, started on first use; `cancel` is checked as each
    part comes back. Use as a context manager: the processes stop when it ends."""

    def __init__(self, cancel: CancelToken | None = None, *, processes: int | None = None,
                 spread_from: int | None = None) -> None:
        self.cancel = cancel
        self.processes = process_count() if processes is None else processes
        self.spread_from = SPREAD_FROM if spread_from is None else spread_from
        self.parts = 0                  # parts of the work done by the workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def worth(self, size: int) -> bool:
        """Whether work of this size (texts, or cases of groups) is spread."""
        return self.processes > 1 and size >= self.spread_from

    def sketch_all(self, texts: list[str], min_chars: int) -> list[minhash.Sketch | None]:
        size = self._part_size(len(texts))
        parts = [texts[at:at + size] for at in range(0, len(texts), size)]
        return [sketch for part in self._map(sketch_texts, parts, min_chars) for sketch in part]

    def search_all(self, jobs: list[SearchJob], width: int, threshold: float) -> list[SearchResult]:
        size = self._part_size(sum(len(job[1]) for job in jobs))
        parts = _batches(jobs, size)
        return [result for part in self._map(search, parts, width, threshold, minhash.BUCKET_CAP) for result in part]

    def _part_size(self, total: int) -> int:
        return max(1, min(BATCH, total // (4 * self.processes)))

    def _map(self, work: Callable[..., R], parts: list[T], *args: Any) -> Iterator[R]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"))
        futures: list[Future[R]] = [self._pool.submit(work, part, *args) for part in parts]
        try:
            for future in futures:
                if self.cancel is not None:
                    self.cancel.check()
                yield future.result()
                self.parts += 1
        finally:
            for future in futures:
                future.cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _batches(jobs: list[SearchJob], size: int) -> list[list[SearchJob]]:
    """The jobs in order, in parts of about `size` texts (a big group is a part of its own)."""
    parts: list[list[SearchJob]] = []
    part: list[SearchJob] = []
    held = 0
    for job in jobs:
        part.append(job)
        held += len(job[1])
        if held >= size:
            parts.append(part)
            part, held = [], 0
    if part:
        parts.append(part)
    return parts

