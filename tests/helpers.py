"""Small builders for hand-made records and Docs used by several tests."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from warta.record import (
    Actor,
    Analysis,
    Article,
    DateMention,
    Entity,
    Event,
    Place,
    Published,
    Quote,
    Span,
    Speaker,
    Theme,
    Tone,
)
from warta.store import Store, open_store


def make_analysis(n: int = 1, *, url: str | None = None, text: str | None = None) -> Analysis:
    text = (
        text
        or f'Menteri A bertemu Menteri B di Kota Contoh nomor {n}. Ia mengatakan "kerja sama baik".'
    )
    art = Article(
        id=f"doc{n:04d}",
        text=text,
        url=url,
        outlet="Contoh",
        title=f"Judul contoh {n}",
        published=Published(f"2024-03-0{1 + n % 9}T10:00:00", "minute", "metadata"),
        paragraphs=[Span(0, len(text))],
    )
    a = Analysis(article=art, sentences=[Span(0, text.index(".") + 1)])
    a.entities = [
        Entity(
            "e1",
            "PER",
            "Menteri A",
            kb_id="warta:a",
            cameo="IDNGOV",
            country="IDN",
            mentions=[Span(0, 9)],
            tone=0.5,
        ),
        Entity("e2", "PER", "Menteri B", cameo="MYSGOV", country="MYS", mentions=[Span(17, 26)]),
        Entity("e3", "LOC", "Kota Contoh", country="IDN", mentions=[Span(30, 41)]),
    ]
    a.places = [Place("e3", "Kota Contoh", -6.2, 106.8, "IDN", "Jakarta", "city")]
    a.dates = [DateMention("1 Maret", 0, 1, "2024-03-01", "day")]
    q0 = text.index('"') + 1
    a.quotes = [
        Quote("direct", "kerja sama baik", q0, q0 + 15, Speaker("e1", "Ia"), cue="mengatakan")
    ]
    a.events = [
        Event(
            f"{art.id}-ev1",
            "040",
            "04",
            1,
            1.0,
            "CONSULT",
            Actor("e1", "IDNGOV", "Menteri A", 0, 9),
            Actor("e2", "MYSGOV", "Menteri B", 17, 26),
            Span(0, 50),
            [Span(10, 16)],
            place_id="e3",
            date="2024-03-01",
            rule="bertemu",
        )
    ]
    a.themes = [
        Theme("DIPLOMACY", "Diplomasi", gdelt="DIPLOMACY", mentions=[Span(10, 16)], score=1.0)
    ]
    a.tone = Tone(0.5, 0.0, 0.5, 0.5, "positive")
    return a


def doc_with_ents(nlp: Language, text: str, ents=()) -> Doc:
    """``nlp(text)`` with the given ``(surface, label)`` spans as its entities, as if a model
    had found them. Give them in text order: a repeated name is looked for after the last
    one, or after the position of an optional third item, ``(surface, label, hint)``."""
    doc = nlp(text)
    spans, pos = [], 0
    for surface, label, *after in ents:
        i = text.index(surface, max(pos, *after) if after else pos)
        pos = i + len(surface)
        span = doc.char_span(i, i + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return doc


# Three paragraphs of a made-up news story (written by us), long enough to be an article.
PARAS = [
    (
        "Gubernur Contoh meresmikan jembatan baru di Kota Kembang pada hari Senin pagi, "
        "didampingi oleh para pejabat daerah dan ratusan warga yang datang sejak subuh."
    ),
    (
        "Jembatan sepanjang dua ratus meter itu dibangun selama tiga tahun dengan anggaran "
        "daerah, dan diharapkan memperlancar arus barang antara dua kabupaten yang bertetangga."
    ),
    (
        "\u201cKami berharap jembatan ini membawa manfaat bagi semua warga,\u201d kata Gubernur "
        "Contoh dalam sambutannya di depan warga yang memadati lokasi peresmian."
    ),
]


def small_store(path: Path) -> Store:
    """A store at ``path`` holding three made-up articles (``make_analysis`` 0-2)."""
    s = open_store(path)
    for n in range(3):
        s.put(make_analysis(n, url=f"https://contoh.id/{n}"))
    return s
