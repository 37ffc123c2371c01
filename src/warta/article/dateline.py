"""Datelines that open the first paragraph of Indonesian news:

``KONTAN.CO.ID - MOSKOW.``, ``JAKARTA, KOMPAS.com -``, ``Jakarta, CNN Indonesia --``,
``TEMPO.CO, Jakarta -``, ``Liputan6.com, Jakarta -``, ``Jakarta (ANTARA) -``, ``Jakarta -``
(Detik), ``Okezone.com -`` ... The dateline is cut from the paragraph and returned with the
outlet's clean name and the place, title-cased.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.lang.id import lexicon

__all__ = ["DatelineMatch", "clean_lead", "find_dateline", "outlet_name"]

# Outlet spellings as printed in datelines (and as container slugs) -> clean name.
_OUTLETS: list[tuple[str, str]] = [
    (r"KONTAN(?:\.CO\.ID)?", "Kontan"),
    (r"KOMPAS(?:\.com|\.id|\s*TV)?", "Kompas"),
    (r"CNN\s*Indonesia(?:\.com)?", "CNN Indonesia"),
    (r"CNBC\s*Indonesia(?:\.com)?", "CNBC Indonesia"),
    (r"TEMPO(?:\.CO)?(?:\.ID)?", "Tempo"),
    (r"Liputan6(?:\.com)?", "Liputan6"),
    (r"Bisnis(?:\.com)?", "Bisnis"),
    (
        r"detik(?:com|News|Finance|Sport|Inet|Oto|Health|Travel|Food|Edu|Hot|Jateng|Jatim|Jabar|Bali|Sulsel|Sumut|Sumbagsel|Jogja|Kalimantan|Properti|Pop)?(?:\.com)?",
        "Detik",
    ),
    (r"Okezone(?:\.com)?", "Okezone"),
    (r"TRIBUNNEWS(?:\.COM)?|Tribun(?:news|[A-Z]\w+)?(?:\.com)?", "Tribunnews"),
    (r"ANTARA(?:\s*News)?(?:\.com)?", "Antara"),
    (r"REPUBLIKA(?:\.CO\.ID)?", "Republika"),
    (r"VIVA(?:\.co\.id)?|VIVAnews", "Viva"),
    (r"Suara(?:\.com)", "Suara"),
    (r"JawaPos(?:\.com)?", "Jawa Pos"),
    (r"merdeka\.com", "Merdeka"),
    (r"SINDOnews(?:\.com)?|Sindonews(?:\.com)?", "Sindonews"),
    (r"Beritasatu(?:\.com)?", "Beritasatu"),
    (r"Kumparan(?:\.com)?|kumparan", "Kumparan"),
    (r"IDN\s*Times", "IDN Times"),
    (r"Medcom(?:\.id)?", "Medcom"),
    (r"inews(?:\.id)?|iNews(?:\.id)?", "iNews"),
    (r"Gatra(?:\.com)?", "Gatra"),
    (r"Katadata(?:\.co\.id)?", "Katadata"),
    (r"Media\s*Indonesia|mediaindonesia\.com", "Media Indonesia"),
    (r"Jakarta\s*Globe", "Jakarta Globe"),
]
_OUTLET_RES = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), name) for p, name in _OUTLETS]
_OUTLET = "|".join(f"(?:{p})" for p, _ in _OUTLETS)
_DASH = r"\s*(?:-{1,2}|–|—)\s*"
# A place: up to three capitalised words ("Jakarta", "KUALA LUMPUR", "Den Haag").
_PLACE = r"[A-Z][A-Za-z'’.]*(?: [A-Z][A-Za-z'’.]*){0,2}"
_UPPER_PLACE = r"[A-Z][A-Z'’]+(?: [A-Z][A-Z'’]+){0,2}"
# An outlet printed as its domain name: "WARTA.ID", "Kabar24.com", "SUMSEL.NEWS.CO.ID".
_DOMAIN = r"[A-Za-z][A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*\.(?i:com|id|net|org|news|co)"

_FORMS = [
    # "JAKARTA, KOMPAS.com -", "Jakarta, CNN Indonesia --"
    re.compile(rf"^(?P<place>{_PLACE})\s*,\s*(?P<outlet>{_OUTLET}){_DASH}", re.IGNORECASE),
    # "Jakarta (ANTARA) -"
    re.compile(rf"^(?P<place>{_PLACE})\s*\(\s*(?P<outlet>{_OUTLET})\s*\){_DASH}", re.IGNORECASE),
    # "TEMPO.CO, Jakarta -", "REPUBLIKA.CO.ID, JAKARTA --"
    re.compile(rf"^(?P<outlet>{_OUTLET})\s*,\s*(?P<place>{_PLACE}){_DASH}", re.IGNORECASE),
    # "KONTAN.CO.ID - MOSKOW." (the place is in capitals and closed by a full stop or comma)
    re.compile(rf"^(?P<outlet>{_OUTLET}){_DASH}(?P<place>{_UPPER_PLACE})\s*[.,]\s+"),
    # Any outlet named by its domain, in the Kontan form: "WARTA.ID - JAKARTA."
    re.compile(rf"^(?P<outlet>{_DOMAIN}){_DASH}(?P<place>{_UPPER_PLACE})\s*[.,]\s+"),
    # "Okezone.com -", "TRIBUNNEWS.COM -", "ANTARA -"
    re.compile(rf"^(?P<outlet>{_OUTLET}){_DASH}", re.IGNORECASE),
    # "Jakarta -" (Detik), "SURABAYA -"; the place is case-sensitive so a sentence is not taken.
    re.compile(rf"^(?P<place>{_PLACE})\s*(?:-{{1,2}}|–|—)\s+(?=[A-Z\"“‘'(0-9])"),
]
# Words that open sentences and are never a dateline place ("Presiden", "Menurut").
_NOT_PLACES = lexicon().words("dateline_non_places")
# CLICK-ID lost the linked outlet name, leaving " - ", ", , -" or "– " at the start.
_LEAD = re.compile(r"^[\s,\u00a0]*(?:(?:-{1,2}|–|—)[\s,\u00a0]*)*")
# Detik's channel name alone on the first line ("detikNews").
_CHANNEL = re.compile(r"^detik\w*$")


@dataclass(slots=True)
class DatelineMatch:
    text: str  # as printed, e.g. "JAKARTA, KOMPAS.com -"
    outlet: str | None
    place: str | None
    end: int  # where the body text starts in the paragraph


def outlet_name(raw: str | None) -> str | None:
    """Clean outlet name for a dateline spelling or a container slug ("kompas" -> "Kompas")."""
    if not raw:
        return None
    raw = raw.strip()
    for rx, name in _OUTLET_RES:
        if rx.match(raw):
            return name
    if re.fullmatch(_DOMAIN, raw):
        # An outlet we do not know, printed as its domain: name it by the domain's first label.
        return raw.split(".")[0].capitalize()
    return raw


def _title(place: str) -> str:
    if place.isupper():
        return " ".join(w.capitalize() for w in place.split(" "))
    return place


def clean_lead(paragraph: str) -> str:
    """Drop the dangling dash and commas that CLICK-ID leaves where the outlet link was."""
    return _LEAD.sub("", paragraph, count=1)


def find_dateline(paragraph: str) -> DatelineMatch | None:
    """Recognise a dateline at the start of the first paragraph."""
    head = paragraph.lstrip()
    offset = len(paragraph) - len(head)
    for rx in _FORMS:
        m = rx.match(head)
        if not m:
            continue
        groups = m.groupdict()
        place = groups.get("place")
        outlet = groups.get("outlet")
        if place is not None:
            if place.split()[0].lower().strip(".") in _NOT_PLACES or len(place) > 40:
                continue
            place = _title(place.strip(" .,"))
        text = m.group(0).strip()
        return DatelineMatch(
            text=text,
            outlet=outlet_name(outlet) if outlet else None,
            place=place,
            end=offset + m.end(),
        )
    return None
