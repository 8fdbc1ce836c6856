"""Near-duplicate texts by MinHash over character 3-grams, with LSH banding.

Text is normalised (NFKC, lower case, only letters and digits kept), then cut into overlapping
character 3-grams: no word splitting, so Chinese works as well as English. Each 3-gram is
hashed deterministically (CRC-32, mixed), so the same text gives the same signature in every
run and process.

The signature is one-permutation MinHash (Li, Owen and Zhang 2012): the 32-bit hash space is
cut into `BINS` equal bins and each bin keeps the smallest hash of the text that falls into it;
an empty bin borrows from the next filled one (rotation densification, Shrivastava and Li
2014), so two texts agree in a bin with probability close to their Jaccard similarity. It
costs one sorted list and `BINS` binary searches per text instead of `BINS` hash passes, which
keeps 100,000 titles and abstracts within seconds in pure Python.

LSH banding: `BANDS` bands of `ROWS` bins; two texts sharing one band are candidates, found
with probability 1 - (1 - s^ROWS)^BANDS (0.87 at s = 0.5, 0.97 at 0.6, 0.11 at 0.2). Each
candidate pair is then judged by its exact Jaccard similarity of the 3-gram hash sets.

Pairs are looked for among texts filed within a window of days of each other. Per band, a text is
paired with at most `BUCKET_CAP` texts that follow it in time within the window: a bucket holding
more is shared boilerplate rather than a batch of copies, and the bound keeps its work growing
linearly instead of with its square. The caller is told how many buckets were cut so.
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from array import array
from bisect import bisect_left, bisect_right
from itertools import combinations, repeat
from dataclasses import dataclass
from typing import Iterable

BANDS = 15
ROWS = 3
BINS = BANDS * ROWS
_SPACE = 1 << 32
_EDGES = [(j * _SPACE) // BINS for j in range(BINS + 1)]
_STARTS = _EDGES[:-1]
_BAND_INDEX = range(BANDS)
#: Per band, a text is paired with at most this many texts following it within the window
#: (docs/risk.md says why; no bucket of the 100,000-case demo reaches it).
BUCKET_CAP = 64
_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Compatibility forms folded (full-width letters and digits), lower case, and everything
    but letters and digits removed (spaces, punctuation of either script)."""
    text = _NOT_WORD.sub("", text)      # first: full-width punctuation would fail the check below
    if not unicodedata.is_normalized("NFKC", text):
        text = _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))
    return text.lower()


class GramHasher(dict):
    """3-gram -> its 32-bit hash, computed once per distinct 3-gram."""

    def __missing__(self, gram: str) -> int:
        value = (zlib.crc32(gram.encode("utf-8")) * 0x9E3779B1 + 0x7F4A7C15) & 0xFFFFFFFF
        self[gram] = value
        return value


def gram_hashes(text: str, hasher: GramHasher) -> list[int]:
    """The sorted distinct hashes of the normalised text's character 3-grams."""
    grams = {text[i:i + 3] for i in range(len(text) - 2)}
    return sorted(map(hasher.__getitem__, grams))


def signature(hashes: list[int]) -> tuple[int, ...]:
    """One-permutation MinHash of a sorted hash list, densified."""
    at = list(map(bisect_left, repeat(hashes, BINS + 1), _EDGES))     # where each bin starts
    values = [hashes[a] if a < b else -1 for a, b in zip(at, at[1:])]
    if -1 in values:        # each empty bin borrows from the next filled one, marked by the distance
        filled = bytes(v != -1 for v in values) * 2
        for j, value in enumerate(values):
            if value == -1:
                k = filled.find(1, j + 1)
                values[j] = values[k % BINS] + (k - j) * _SPACE
    return tuple(values)


def band_keys(sig: tuple[int, ...]) -> tuple[int, ...]:
    """One key per band (hashes of int tuples are the same in every Python process)."""
    return tuple(hash((b,) + sig[b * ROWS:(b + 1) * ROWS]) for b in range(BANDS))


def fast_band_keys(hashes: list[int]) -> tuple[int, ...]:
    """band_keys(signature(hashes)) up to equality, in C-level steps: bin j's densified value is a
    one-to-one function (for that j) of hashes[at_j], the first hash at or after bin j's start (the
    first hash plus 2^32 past the last bin), so two texts agree in a band exactly when their picks
    agree. `hashes` is sorted and not empty; it is left as it was."""
    at = list(map(bisect_left, repeat(hashes, BINS), _STARTS))
    hashes.append(hashes[0] + _SPACE)
    picks = list(map(hashes.__getitem__, at))
    hashes.pop()
    return tuple(map(hash, zip(_BAND_INDEX, *(picks[r::ROWS] for r in range(ROWS)))))


@dataclass(frozen=True)
class Sketch:
    """What near-duplicate search keeps of one text."""
    grams: array            # sorted distinct 3-gram hashes ('I')
    bands: array            # one key per band ('q'): compact, as a million of them may be held


def sketch(text: str, hasher: GramHasher, min_chars: int) -> Sketch | None:
    """The text's sketch, or None when it is too short (after normalising) to compare."""
    norm = normalise(text)
    if len(norm) < max(min_chars, 3):
        return None
    hashes = gram_hashes(norm, hasher)
    return Sketch(array("I", hashes), array("q", fast_band_keys(hashes)))


def jaccard(a: array, b: array) -> float:
    first = set(a)
    shared = len(first.intersection(b))
    return shared / (len(first) + len(b) - shared)


def _buckets(dated: list[tuple[int, int]], sketches: dict[int, Sketch]) -> tuple[dict[int, list[int]], dict[int, int]]:
    """Per band key, the texts holding it in the order of `dated`; and each text's day."""
    buckets: dict[int, list[int]] = {}
    day_of: dict[int, int] = {}
    for day, key in dated:
        day_of[key] = day
        for band in sketches[key].bands:
            buckets.setdefault(band, []).append(key)
    return buckets, day_of


def candidate_pairs(dated: list[tuple[int, int]], sketches: dict[int, Sketch], width: int,
                    oversized: list[int] | None = None, *, cap: int | None = None) -> set[tuple[int, int]]:
    """(a, b) with a < b sharing a band and filed within `width` days of each other, from `dated`:
    (day, key) in ascending order. Per band, a text is paired with at most the `cap` texts that
    follow it there within the window (so with the `cap` before it too; default BUCKET_CAP): the
    bound that keeps a bucket of boilerplate from growing with its square; the size of each bucket
    it cut is appended to `oversized`."""
    cap = BUCKET_CAP if cap is None else cap
    buckets, day_of = _buckets(dated, sketches)
    pairs: set[tuple[int, int]] = set()     # (earlier, later) in the order of `dated`
    for bucket in buckets.values():
        if len(bucket) < 2:
            continue
        if len(bucket) <= cap + 1 and day_of[bucket[-1]] - day_of[bucket[0]] <= width:
            pairs.update(combinations(bucket, 2))      # the whole bucket within the window
            continue
        spans = list(map(day_of.__getitem__, bucket))
        cut = False
        for at, first in enumerate(bucket):
            end = bisect_right(spans, spans[at] + width, at + 1)
            if end > at + 1 + cap:
                end, cut = at + 1 + cap, True
            if end > at + 1:
                pairs.update(zip(repeat(first), bucket[at + 1:end]))
        if cut and oversized is not None:
            oversized.append(len(bucket))
    return {(a, b) if a < b else (b, a) for a, b in pairs}


def judge(pairs: Iterable[tuple[int, int]], sketches: dict[int, Sketch], threshold: float,
          trusted: frozenset[int] = frozenset(), kept: dict[tuple[int, int], int] | None = None,
          fresh: dict[tuple[int, int], int] | None = None) -> dict[tuple[int, int], float]:
    """The pairs whose exact Jaccard similarity is at least `threshold`, with it. A pair of two
    `trusted` cases is not judged: its count of shared hashes is read from `kept`, where an
    absent pair is not similar (workbench.risk.judgements says when that holds); the pairs judged
    here and found similar are added to `fresh` with their counts."""
    sets: dict[int, set[int]] = {}
    found: dict[tuple[int, int], float] = {}
    for a, b in pairs:
        size_a, size_b = len(sketches[a].grams), len(sketches[b].grams)
        if min(size_a, size_b) < threshold * max(size_a, size_b):
            continue        # J <= |smaller| / |larger| rules it out
        judged = not (a in trusted and b in trusted)
        if not judged:
            shared = kept.get((a, b)) if kept is not None else None
            if shared is None:
                continue
        else:
            first = sets.get(a)
            if first is None:
                first = sets[a] = set(sketches[a].grams)
            other = sets.get(b)
            if other is None:
                other = sets[b] = set(sketches[b].grams)
            shared = len(first.intersection(other))
        similarity = shared / (size_a + size_b - shared)
        if similarity >= threshold:
            found[(a, b)] = similarity
            if judged and fresh is not None:
                fresh[(a, b)] = shared
    return found


def similar_pairs(members: Iterable[tuple[int, Sketch]], threshold: float,
                  oversized: list[int] | None = None) -> dict[tuple[int, int], float]:
    """(a, b) with a < b -> exact Jaccard similarity, for the pairs among `members` that share a
    band (bounded in oversized buckets, see candidate_pairs) and are at least `threshold` similar."""
    sketches = dict(members)
    dated = [(0, key) for key in sorted(sketches)]
    return judge(candidate_pairs(dated, sketches, 0, oversized), sketches, threshold)
