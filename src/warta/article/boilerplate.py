"""Boilerplate inside and around Indonesian news bodies: related-article inserts, video and
live-show promos, ad markers, "read it on Google News" footers, syndication notes.

The phrases were collected by counting frequent short paragraphs and paragraph openings in
the Detik and CLICK-ID (Kompas, Okezone, Tribunnews) dumps of ``../shared/data/news``.
"Baca Juga" headlines are kept as :class:`~warta.record.Related`; syndication notes
("Artikel ini telah tayang di Kompas.com ...") give the credited source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from warta.lang.id import alternation, lexicon
from warta.record import Related

__all__ = ["FORBIDDEN_PHRASES", "Stripped", "strip_boilerplate"]

# The imperatives that open inserts and promos: "Baca juga", "Simak video", "Saksikan live".
_INSERT = alternation(w.capitalize() for w in lexicon().words("insert_verbs"))
# "Baca Juga: <headline>" (seed, Kontan, Okezone); CLICK-ID lost the linked headline, so
# the insert is often just "Baca juga:".
_RELATED = re.compile(r"^\s*(?:" + _INSERT + r")\s+[Jj]uga\s*:\s*(?P<title>.*?)\s*$")
_RELATED_BARE = re.compile(r"^\s*(?:Baca|BACA)\s+(?:[Jj]uga|JUGA)\b\s*:?\s*(?P<title>.*?)\s*$")

# A paragraph matching any of these is dropped whole.
_DROP = re.compile(
    r"""^\s*['"‘“]?\s*(?:
        (?:SCROLL\s+TO\s+CONTINUE\s+WITH\s+CONTENT|ADVERTISEMENT|ADVERTISING|Advertisement)\s*
        (?:SCROLL\s+TO\s+CONTINUE\s+WITH\s+CONTENT\s*)?$
      | (?:"""
    + _INSERT
    + r""")\s+(?:[Jj]uga\b|[Vv]ideo\b|[Ll]ive)
      | Cek\s+Berita\s+dan\s+Artikel\s+yang\s+lain\s+di\s+Google\s+News
      | (?:Dapatkan|Ikuti)\s+(?:update|berita|informasi)\b
        .{0,80}\b(?:Google\s+News|WhatsApp|Telegram)
      | Klik\s+(?:di\s+)?sini\s+untuk
      | Download\s+(?:aplikasi|apps?)\b
      | ["“]?Detik\s*(?:Pagi|Sore)\s*,.{0,40}!["”]?\s*$
      | Melihat\s+Kembali\s+detik\w*
      | Simak\s+rangkumannya\s+di\s*detik
      | Ikuti\s+terus\s+ulasan\s+mendalam
      | Artikel\s+ini\s+(?:pertama\s+kali\s+)?terbit\s+dalam\s+bahasa
      | Diadaptasi\s+oleh\s
      | Menjelang\s+matahari\s+terbenam\s+nanti,\s*detikSore
      | \(\*\)\s*$
    )""",
    re.VERBOSE,
)
# Promo paragraphs recognisable anywhere in them (live-show blurbs, sponsor notes).
_DROP_ANYWHERE = re.compile(
    r"20\.detik\.com|kolom\s*live\s*chat|Ikuti\s+(?:diskusinya|ulasannya)\s+dalam\s+Editorial\s+Review"
    r"|Ikuti\s+laporan\s+(?:langsung\s+)?jurnalis\s*detik|Saksikan\s+selengkapnya\s+di\s+sini"
    r"|dipersembahkan\s+oleh\b.{0,80}\bdetikcom|detikcom\s+bersama\s+.{0,60}menghadirkan\s+program"
    r"|Google\s+News\s*$"
)
# Tails cut off a paragraph from where they start (CLICK-ID joins them to the last sentence).
_TAIL = re.compile(
    r"\s*(?:Artikel\s+ini\s+(?:telah\s+)?tayang\s+di\b.*"
    r"|Klik\s+halaman\s+(?:selanjutnya|berikutnya)\b.*"
    r"|(?:" + _INSERT + r")\s+[Jj]uga\s*:\s*$"
    r"|(?:Dapatkan|Ikuti)\s+update\s+berita.*"
    r"|Cek\s+Berita\s+dan\s+Artikel\s+yang\s+lain\s+di\s+Google\s+News.*"
    r"|bisa\s+disaksikan\s+secara\s+live\s+streaming\s+di\s+link\s+berikut.*)$",
    re.DOTALL,
)
# Inserts inside a paragraph: a lost "Baca juga" node between commas, Tribun's "(*)" end mark.
_INLINE = re.compile(r",\s*(?:Baca|BACA)\s+(?:[Jj]uga|JUGA)\s*:?\s*(?=,)|\s*\(\*\)\s*$")
_SYNDICATED = re.compile(
    r"Artikel\s+ini\s+(?:telah\s+)?tayang\s+di\s*(?P<outlet>[^,]*?)\s*(?:,|dengan\s+judul|$)"
)
# "(TribunJakarta.com/Dwi Putra Kesuma)": the outlet and reporter credit of a Tribun piece.
_CREDIT = re.compile(
    r"^\s*\((?P<outlet>[A-Za-z][\w.]*\.(?:com|id|co\.id))\s*/\s*(?P<who>[^()]{2,60})\)\s*$"
)

# Phrases that must never be left in a cleaned body (checked over the whole corpus by tests).
FORBIDDEN_PHRASES = (
    "SCROLL TO CONTINUE WITH CONTENT",
    "ADVERTISEMENT",
    "Baca Juga:",
    "Baca juga:",
    "Baca Juga :",
    "Simak juga Video",
    "Tonton juga video",
    "Lihat juga Video",
    "Saksikan Live",
    "Cek Berita dan Artikel yang lain di Google News",
    "Artikel ini telah tayang di",
    "Klik halaman selanjutnya",
    "Detik Pagi, Jangan Tidur Lagi",
    "Detik Sore, Nggak Cuma Hore-hore",
    "Melihat Kembali detikSore",
    "kolomlive chat",
    "(*)",
)


@dataclass(slots=True)
class Stripped:
    paragraphs: list[str]
    related: list[Related] = field(default_factory=list)
    credited_source: str | None = None
    authors: list[str] = field(default_factory=list)


def strip_boilerplate(paragraphs: list[str]) -> Stripped:
    """Drop boilerplate paragraphs and tails; keep "Baca Juga" headlines as related items."""
    out = Stripped(paragraphs=[])
    for para in paragraphs:
        m = _RELATED.match(para) or _RELATED_BARE.match(para)
        if m:
            title = m.group("title").strip(" ,-–—")
            if title and para.lstrip().startswith("Baca"):
                out.related.append(Related(title=title))
            continue
        if _DROP.match(para) or _DROP_ANYWHERE.search(para):
            continue
        credit = _CREDIT.match(para)
        if credit:
            out.authors.append(credit.group("who").strip())
            continue
        syn = _SYNDICATED.search(para)
        if syn and syn.group("outlet").strip() and out.credited_source is None:
            out.credited_source = syn.group("outlet").strip()
        para = _INLINE.sub("", _TAIL.sub("", para)).strip()
        if para:
            out.paragraphs.append(para)
    return out
