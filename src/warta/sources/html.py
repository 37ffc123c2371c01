"""HTML pages to ``RawDocument``: main text and metadata by trafilatura, date by htmldate."""

from __future__ import annotations

import html as html_lib
import logging
import re
from urllib.parse import urlsplit

import htmldate
import lxml.html
from lxml import etree
from trafilatura import bare_extraction
from trafilatura.settings import Document

from warta.errors import InputError, MalformedDocument
from warta.sources.clean import clean_document
from warta.sources.raw import RawDocument

__all__ = ["document_from_html", "html_to_text"]

log = logging.getLogger(__name__)

# htmldate's time-aware output; a date found without a time comes back as midnight and
# naive, which we shorten to the day rather than invent a time.
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_MIDNIGHT = "T00:00:00"
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+\d*);")
_WORD = re.compile(r"[^\W\d_]{2,}")
_FULL_PAGE = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—»:]\s+|:\s+")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SLUG_WORDS = re.compile(r"[-_.+]+")
# A listing (front page, index, link table) extracted as "text" is a column of short
# teaser or link lines: almost none of it is in sentence-length lines, unlike any article
# (our articles: 0.63 to 1.0 of the text; listings and link tables: 0 to 0.07).
_PARAGRAPH_CHARS = 80
_LISTING_PROSE_SHARE = 0.15
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "dd",
        "dt",
    ]
)


def document_from_html(html: str, *, name: str, url: str | None = None) -> RawDocument:
    """Extract the main text and metadata of one HTML article page.

    Raises ``InputError`` when the page holds no article (a listing or front page, an
    empty shell) and ``MalformedDocument`` when it cannot be parsed at all. The document
    is repaired by ``clean.clean_document`` (no lone surrogates, only an http(s) ``url``).
    """
    if not html.strip():
        raise InputError("empty HTML", doc=name)
    try:
        # favor_precision: on our Indonesian test pages it keeps related-article boxes and
        # photo-page captions out of the body (mean similarity to the ground truth 0.90
        # against 0.85 with the defaults).
        extracted = bare_extraction(
            html, url=url, with_metadata=True, favor_precision=True, include_comments=False
        )
    except (ValueError, TypeError, etree.ParserError) as exc:
        raise MalformedDocument(f"cannot parse HTML: {exc}", doc=name) from exc
    found = extracted if isinstance(extracted, Document) else None
    text = _clean_text(found.text if found is not None else None)
    if not text and not _FULL_PAGE.search(html):
        # A bare fragment ("<p>…</p>") is below trafilatura's size thresholds: it is all
        # main text by construction.
        text = html_to_text(html)
    if not _WORD.search(text):
        raise InputError("no article text found in the HTML page", doc=name)
    extracted = found if found is not None else Document()
    page_url = url or extracted.url
    if _looks_like_listing(text, page_url):
        raise InputError(
            "no article text found: the page looks like a listing or front page", doc=name
        )
    authors = [a.strip() for a in re.split(r";|\s+&\s+", extracted.author or "") if a.strip()]
    meta = {
        k: v
        for k, v in (
            ("hostname", extracted.hostname),
            ("description", extracted.description),
            ("image", extracted.image),
            ("tags", extracted.tags or None),
            ("pagetype", extracted.pagetype),
            ("raw_title", extracted.title),
        )
        if v
    }
    doc = RawDocument(
        name=name,
        text=text,
        url=page_url,
        title=_clean_title(extracted.title, extracted.sitename, extracted.hostname),
        published=_find_date(html, page_url) or extracted.date,
        outlet=extracted.sitename or extracted.hostname,
        section=extracted.categories[0] if extracted.categories else None,
        authors=authors,
        meta=meta,
    )
    return clean_document(doc)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed description), one line per block element."""
    if "<" not in fragment:
        return _clean_text(_unescape(fragment))
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _clean_text(_unescape(fragment))
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    parts: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str):  # comments, processing instructions
            if el.tail:
                parts.append(el.tail)
            continue
        if el.tag in _BLOCK_TAGS:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        if el is not root and el.tail:
            if el.tag in _BLOCK_TAGS:
                parts.append("\n")
            parts.append(el.tail)
    # Feeds double-escape: "&amp;nbsp;" survives one round of parsing as "&nbsp;".
    return _clean_text(_unescape("".join(parts)))


def _unescape(text: str) -> str:
    return html_lib.unescape(text) if _ENTITY.search(text) else text


def _clean_text(text: str | None) -> str:
    if not text:
        return ""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _find_date(html: str, url: str | None) -> str | None:
    try:
        found = htmldate.find_date(
            html, url=url, original_date=True, outputformat=_DATE_FORMAT, verbose=False
        )
    except Exception as exc:  # htmldate on arbitrary markup must not stop a batch
        log.debug("htmldate failed: %s", exc)
        return None
    if not found:
        return None
    if found.endswith(_MIDNIGHT):
        return found[: -len(_MIDNIGHT)]
    # htmldate's %z gives +0700; ISO 8601 extended wants +07:00.
    if re.search(r"[+-]\d{4}$", found):
        found = f"{found[:-2]}:{found[-2:]}"
    return found


def _clean_title(title: str | None, sitename: str | None, hostname: str | None) -> str | None:
    """Drop a leading or trailing site-name segment ("… - Kompas.com", "KapanLagi.com: …")."""
    if not title:
        return None
    title = " ".join(title.split())
    site_keys = [_NON_ALNUM.sub("", s.lower()) for s in (sitename, hostname) if s]
    site_keys = [k for k in site_keys if len(k) >= 3]
    if not site_keys:
        return title
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    seps = _TITLE_SEPARATORS.findall(title)

    def is_site(segment: str) -> bool:
        key = _NON_ALNUM.sub("", segment.lower())
        return len(key) >= 4 and any(key in k or k in key for k in site_keys)

    start, end = 0, len(parts)
    if is_site(parts[-1]):
        end -= 1
    elif is_site(parts[0]):
        start += 1
    if start == end:
        return title
    out = parts[start]
    for sep, part in zip(seps[start : end - 1], parts[start + 1 : end]):
        out += sep + part
    return out.strip() or title


def _looks_like_listing(text: str, url: str | None) -> bool:
    prose = sum(len(line) for line in text.split("\n") if len(line) >= _PARAGRAPH_CHARS)
    if text.count("\n") >= 4 and prose < _LISTING_PROSE_SHARE * len(text):
        return True
    if not url:
        return False
    path = urlsplit(url).path.strip("/")
    if not path:
        return True  # a site's home page
    segments = path.split("/")
    if len(segments) > 1 or any(ch.isdigit() for ch in path):
        return False
    # One short segment without an id or a slug: /indeks, /engine, /nasional.
    stem = segments[0].rsplit(".", 1)[0]
    return len([w for w in _SLUG_WORDS.split(stem) if w]) < 3
