"""Near-duplicate detection (warta.dedup): the LSH banding, and the in-memory index that
batch runs use agreeing with the store and with datasketch's own LSH index."""

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from helpers import make_analysis
from stories import copy_of, story
from warta.dedup import (
    BANDS,
    NUM_PERM,
    ROWS,
    SCHEME,
    THRESHOLD,
    NearDuplicateIndex,
    band_keys,
    signature,
)
from warta.store import open_store


def test_banding_is_the_one_datasketch_chooses():
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)


def test_band_keys_are_the_same_from_a_signature_and_from_its_stored_bytes():
    sig = signature(story(1))
    assert band_keys(sig) == band_keys(sig.tobytes())
    assert len(set(band_keys(sig))) == BANDS
    assert band_keys(signature(copy_of(1))) != band_keys(signature(story(2)))


def _texts() -> list[str]:
    """Stories, copies of some, and a story that is a copy's copy, in a mixed order."""
    return [
        story(1),
        story(2),
        copy_of(1),
        story(3),
        copy_of(2),
        "BERITA: " + copy_of(1),
        story(4),
        copy_of(4),
        story(1) + " Tambahan satu kalimat penutup.",
        story(5),
    ]


def _datasketch_links(texts: list[str]) -> list[str | None]:
    """What the store did before the band keys moved into it: datasketch's MinHashLSH,
    each article linked to the canonical article of its earliest match."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    canonical: dict[str, str] = {}
    links = []
    for n, text in enumerate(texts):
        doc = f"d{n:02d}"
        mh = LeanMinHash(
            MinHash(num_perm=NUM_PERM, seed=1, hashvalues=signature(text), scheme=SCHEME)
        )
        matches = sorted(lsh.query(mh))  # ids sort in insertion order
        link = canonical[matches[0]] if matches else None
        lsh.insert(doc, mh)
        canonical[doc] = link or doc
        links.append(link)
    return links


def test_index_and_store_link_what_datasketch_lsh_links(tmp_path):
    texts = _texts()
    expected = _datasketch_links(texts)
    assert expected.count(None) == 5  # stories 1-5 are canonical; every copy is linked

    index = NearDuplicateIndex()
    assert [index.add(f"d{n:02d}", signature(t)) for n, t in enumerate(texts)] == expected

    with open_store(tmp_path / "w.db") as store:
        for n, text in enumerate(texts):
            a = make_analysis(n, url=f"https://contoh.id/{n}", text=text)
            a.article.id = f"d{n:02d}"
            store.put(a)
        stored = [store.get(f"d{n:02d}").article.duplicate_of for n in range(len(texts))]
    assert stored == expected


def test_index_rebuilt_from_stored_rows_links_like_the_original():
    texts = _texts()
    first = NearDuplicateIndex()
    rows = []
    for n, text in enumerate(texts[:6]):
        sig = signature(text)
        rows.append((f"d{n:02d}", sig.tobytes(), first.add(f"d{n:02d}", sig)))
    again = NearDuplicateIndex()
    again.extend(rows)
    assert len(again) == 6
    for n, text in enumerate(texts[6:], start=6):
        sig = signature(text)
        assert again.add(f"d{n:02d}", sig) == first.add(f"d{n:02d}", sig)


def test_a_signature_of_the_wrong_length_is_refused():
    short = np.zeros(NUM_PERM - 1, dtype=np.uint64)
    try:
        band_keys(short)
    except ValueError as exc:
        assert str(NUM_PERM) in str(exc)
    else:
        raise AssertionError("a short signature was accepted")
