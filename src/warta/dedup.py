"""Near-duplicate articles (syndication, re-publication with small edits): MinHash LSH.

The first article seen of a group is canonical; later near-copies point to it through
``Article.duplicate_of``. Signatures are computed from word 5-gram shingles of the
normalised text, so boilerplate-free copies with minor edits still collide.

Locality-sensitive hashing: a signature is cut into ``BANDS`` bands of ``ROWS`` values,
and each band is hashed to one 64-bit ``band_keys`` value. Two articles are candidates
when they share any key. The store keeps the keys in an indexed table and looks them up
inside its write transaction (``warta.store``), so processes writing to one store see
each other's articles; ``NearDuplicateIndex`` does the same in memory for batch runs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

__all__ = [
    "BANDS",
    "NUM_PERM",
    "ROWS",
    "THRESHOLD",
    "NearDuplicateIndex",
    "Signature",
    "band_keys",
    "signature",
]

NUM_PERM = 64
SCHEME = "affine32"  # datasketch 2 hashing scheme; stored signatures depend on it
# Jaccard similarity over 5-word shingles above which two texts count as one story;
# re-published wire copies with a changed lead or footer score 0.8-0.95 on our data.
THRESHOLD = 0.8
# The banding datasketch's MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM) chooses
# (equal weights on false positives and negatives); the store and batch runs used that
# index before the keys moved into the store, and tests/test_dedup.py checks they agree.
BANDS, ROWS = 5, 11
_WORD = re.compile(r"\w+", re.UNICODE)

Signature = npt.NDArray[np.uint64]


def signature(text: str) -> Signature:
    """The MinHash signature (``NUM_PERM`` uint64) of a text."""
    # datasketch takes a third of a second to import (scipy): only writers need it.
    from datasketch import MinHash

    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i : i + 5]).encode("utf-8") for i in range(max(1, len(words) - 4))}
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch(list(shingles))
    values: Signature = mh.hashvalues.astype(np.uint64)
    return values


def band_keys(sig: Signature | bytes) -> list[int]:
    """The ``BANDS`` LSH keys of a signature (or of its stored bytes), as signed 64-bit
    integers (SQLite's INTEGER). The band number is part of each key, so equal values in
    different bands never collide."""
    values = np.frombuffer(sig, dtype=np.uint64) if isinstance(sig, bytes) else sig
    if len(values) != NUM_PERM:
        raise ValueError(f"a signature has {NUM_PERM} values, not {len(values)}")
    keys = []
    for band in range(BANDS):
        data = bytes([band]) + values[band * ROWS : (band + 1) * ROWS].astype("<u8").tobytes()
        digest = hashlib.blake2b(data, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


class NearDuplicateIndex:
    """An in-memory LSH index over article signatures, in insertion order (batch runs;
    the store keeps the same keys in its own table)."""

    def __init__(self) -> None:
        self._first: dict[int, str] = {}  # band key -> the earliest article that has it
        self._canonical: dict[str, str] = {}  # article -> its canonical article (or itself)
        self._seq: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._canonical)

    def find(self, doc_id: str, sig: Signature | bytes) -> str | None:
        """The canonical id ``doc_id`` would duplicate, without indexing it."""
        if doc_id in self._canonical:
            canonical = self._canonical[doc_id]
            return None if canonical == doc_id else canonical
        matches = {self._first[k] for k in band_keys(sig) if k in self._first}
        if not matches:
            return None
        return self._canonical[min(matches, key=self._seq.__getitem__)]  # the earliest

    def insert(self, doc_id: str, sig: Signature | bytes, duplicate_of: str | None) -> None:
        if doc_id in self._canonical:
            return
        for key in band_keys(sig):
            self._first.setdefault(key, doc_id)
        self._canonical[doc_id] = duplicate_of or doc_id
        self._seq[doc_id] = len(self._seq)

    def add(self, doc_id: str, sig: Signature | bytes) -> str | None:
        """Index ``doc_id``; return the canonical id it duplicates, or None if it is new."""
        duplicate_of = self.find(doc_id, sig)
        self.insert(doc_id, sig, duplicate_of)
        return duplicate_of

    def extend(self, items: Iterable[tuple[str, bytes, str | None]]) -> None:
        """Re-index stored articles (id, signature, duplicate_of) in their original order."""
        for doc_id, sig, duplicate_of in items:
            self.insert(doc_id, sig, duplicate_of)
