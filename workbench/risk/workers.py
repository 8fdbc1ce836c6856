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
from array import array
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, TypeVar

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
#: Sketches as three arrays, sent between processes at a fraction of the cost of pickling each:
#: each one's count of hashes ('i', -1 for no sketch), the hashes ('I'), the band keys ('q').
Packed = tuple[array, array, array]

T = TypeVar("T")
R = TypeVar("R")


def pack(sketches: Iterable[minhash.Sketch | None]) -> Packed:
    sizes, grams, bands = array("i"), array("I"), array("q")
    for sketch in sketches:
        if sketch is None:
            sizes.append(-1)
        else:
            sizes.append(len(sketch.grams))
            grams.extend(sketch.grams)
            bands.extend(sketch.bands)
    return sizes, grams, bands


def unpack(packed: Packed) -> list[minhash.Sketch | None]:
    sizes, grams, bands = packed
    sketches: list[minhash.Sketch | None] = []
    at = band = 0
    for size in sizes:
        if size < 0:
            sketches.append(None)
            continue
        sketches.append(minhash.Sketch(grams[at:at + size], bands[band:band + minhash.BANDS]))
        at += size
        band += minhash.BANDS
    return sketches


def sketch_texts(texts: list[str], min_chars: int) -> list[minhash.Sketch | None]:
    """minhash.sketch of each text, sharing one hasher."""
    hasher = minhash.GramHasher()
    return [minhash.sketch(text, hasher, min_chars) for text in texts]


def _sketch_part(texts: list[str], min_chars: int) -> Packed:
    """A worker's part of the texts sketched."""
    return pack(sketch_texts(texts, min_chars))


def _search_part(jobs: list[tuple[list[tuple[int, int]], array, Packed]], width: int, threshold: float,
                 cap: int) -> list[SearchResult]:
    """A worker's part of the groups, each searched as indicators._pairs_in_windows searches a group's
    field without kept judgements (`cap`: the caller's BUCKET_CAP, which the worker may not share)."""
    results: list[SearchResult] = []
    for dated, keys, packed in jobs:
        sketches = dict(zip(keys, unpack(packed)))
        cuts: list[int] = []
        fresh: dict[tuple[int, int], int] = {}
        pairs = minhash.candidate_pairs(dated, sketches, width, cuts, cap=cap)    # type: ignore[arg-type]
        results.append((minhash.judge(pairs, sketches, threshold, fresh=fresh), fresh, cuts))  # type: ignore[arg-type]
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
        """sketch_texts' sketches, made by the workers."""
        size = self._part_size(len(texts))
        parts = (texts[at:at + size] for at in range(0, len(texts), size))
        return [sketch for part in self._map(_sketch_part, parts, min_chars) for sketch in unpack(part)]

    def search_all(self, jobs: Iterable[SearchJob], texts: int, width: int, threshold: float) -> Iterator[SearchResult]:
        """What searching each job finds, in order, searched by the workers (`texts`: about how many
        the jobs hold, to cut them in parts; `jobs` is read as parts are sent)."""
        parts = _parts(jobs, self._part_size(texts))
        for part in self._map(_search_part, parts, width, threshold, minhash.BUCKET_CAP):
            yield from part

    def _part_size(self, total: int) -> int:
        return max(1, min(BATCH, total // (4 * self.processes)))

    def _map(self, work: Callable[..., R], parts: Iterator[T], *args: Any) -> Iterator[R]:
        """work(part, *args) of each part, in order. Two parts a process are sent ahead, the next made
        as one comes back: the parts waiting to be sent are not all held at once."""
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"))
        pool = self._pool
        sent: deque[Future[R]] = deque(pool.submit(work, part, *args) for part in islice(parts, 2 * self.processes))
        try:
            while sent:
                if self.cancel is not None:
                    self.cancel.check()
                result = sent.popleft().result()
                sent.extend(pool.submit(work, part, *args) for part in islice(parts, 1))
                self.parts += 1
                yield result
        finally:
            for future in sent:
                future.cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _parts(jobs: Iterable[SearchJob], size: int) -> Iterator[list[tuple[list[tuple[int, int]], array, Packed]]]:
    """The jobs in order, packed, in parts of about `size` texts (a big group is a part of its own)."""
    part: list[tuple[list[tuple[int, int]], array, Packed]] = []
    held = 0
    for dated, sketches in jobs:
        part.append((dated, array("q", sketches), pack(sketches.values())))
        held += len(sketches)
        if held >= size:
            yield part
            part, held = [], 0
    if part:
        yield part
