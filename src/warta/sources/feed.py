"""RSS and Atom feeds: one ``RawDocument`` per item, read with feedparser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import feedparser

from warta.errors import EmptyDocument, InputError, MalformedDocument
from warta.sources.clean import http_url
from warta.sources.html import html_to_text
from warta.sources.raw import RawDocument

__all__ = ["iter_feed"]

# Hosts that only redirect to the article (detik's 2015 feeds went through feedsportal);
# their items carry the real URL in <guid>.
_REDIRECT_HOSTS = ("feedsportal.com", "feedproxy.google.com", "feeds.feedburner.com")
# What feedparser's loose parser raises on a character reference to no character.
_PARSER_FAILURES = (ValueError, OverflowError, UnicodeError)
# The opening or closing tag of an RSS item or Atom entry, for reading items one by one
# (bounded, so that a run of unclosed tags is scanned in linear time).
_ITEM_TAG = re.compile(rb"<(/?)(?:item|entry)\b[^<>]{0,4096}>", re.IGNORECASE)
_CHAR_REF = re.compile(rb"&#([xX][0-9a-fA-F]+|[0-9]+);")
# Feeds put placeholders such as the epoch (Thu, 01 Jan 1970) in date fields: no web news
# article predates the 1990s.
_MIN_YEAR = 1990


def iter_feed(data: bytes, *, name: str) -> Iterator[RawDocument | InputError]:
    """Yield one document per feed item (``name#1``, ``name#2`` …), or the item's error.

    feedparser reads a feed that is not well-formed XML with its loose parser; when that
    fails too (one invalid character reference such as ``&#xD83D;`` makes it raise) or
    reads fewer items than the feed holds, each item is parsed on its own
    (``_items_one_by_one``), so one broken item costs only itself.
    """
    try:
        parsed = feedparser.parse(data)
    except _PARSER_FAILURES:
        parsed = None
    if parsed is None or parsed.bozo:
        chunks = _Chunks.split(data)
        if chunks and (parsed is None or len(parsed.entries) < len(chunks.items)):
            yield from _items_one_by_one(chunks, name=name)
            return
        if parsed is None:
            raise MalformedDocument("unreadable feed: no item can be parsed", doc=name)
    entries = parsed.entries
    if not entries:
        if parsed.bozo:
            reason = parsed.get("bozo_exception")
            raise MalformedDocument(f"unreadable feed: {_one_line(reason)}", doc=name)
        raise EmptyDocument("feed has no items", doc=name)
    channel = parsed.feed
    outlet = channel.get("title") or None
    for i, entry in enumerate(entries, start=1):
        item_name = f"{name}#{i}"
        try:
            yield _item(entry, name=item_name, outlet=outlet, feed_url=channel.get("link"))
        except InputError as exc:
            yield exc


class _Chunks:
    """A feed cut into its channel header, its items (raw bytes) and the rest."""

    def __init__(self, head: bytes, items: list[bytes], tail: bytes) -> None:
        self.head = head
        self.items = items
        self.tail = tail

    def __bool__(self) -> bool:
        return bool(self.items)

    @classmethod
    def split(cls, data: bytes) -> _Chunks:
        items: list[bytes] = []
        first = end = 0
        start = None
        for tag in _ITEM_TAG.finditer(data):
            if not tag.group(1):
                start = tag.start() if start is None else start  # nested: the outer one
                continue
            if start is None:
                continue  # a closing tag without its opening one
            if not items:
                first = start
            items.append(data[start : tag.end()])
            end = tag.end()
            start = None
        if not items:
            return cls(data, [], b"")
        return cls(data[:first], items, data[end:])

    def feed_of(self, item: bytes) -> bytes:
        """A feed holding only ``item``, under the original channel header."""
        return self.head + item + self.tail


def _items_one_by_one(chunks: _Chunks, *, name: str) -> Iterator[RawDocument | InputError]:
    head, head_refs = _replace_invalid_refs(chunks.head)
    chunks = _Chunks(head, chunks.items, _replace_invalid_refs(chunks.tail)[0])
    try:
        channel = feedparser.parse(chunks.feed_of(b"")).feed
    except _PARSER_FAILURES:
        channel = {}
    outlet = channel.get("title") or None
    for i, raw in enumerate(chunks.items, start=1):
        item_name = f"{name}#{i}"
        item, refs = _replace_invalid_refs(raw)
        try:
            entries = feedparser.parse(chunks.feed_of(item)).entries
        except _PARSER_FAILURES as exc:
            yield MalformedDocument(f"unreadable feed item: {_one_line(exc)}", doc=item_name)
            continue
        if not entries:
            yield MalformedDocument("unreadable feed item", doc=item_name)
            continue
        try:
            doc = _item(entries[0], name=item_name, outlet=outlet, feed_url=channel.get("link"))
        except InputError as exc:
            yield exc
            continue
        if refs or head_refs:
            doc.warnings.append(
                f"{refs + head_refs} invalid character references replaced with U+FFFD"
            )
        yield doc


def _replace_invalid_refs(data: bytes) -> tuple[bytes, int]:
    """``data`` with numeric character references to no character (a lone surrogate,
    NUL, beyond U+10FFFF) replaced by ``&#xFFFD;``; and how many there were."""
    count = 0

    def replace(match: re.Match[bytes]) -> bytes:
        nonlocal count
        digits = match.group(1)
        hexadecimal = digits[:1] in (b"x", b"X")
        significant = (digits[1:] if hexadecimal else digits).lstrip(b"0") or b"0"
        code = int(significant, 16 if hexadecimal else 10) if len(significant) <= 8 else -1
        if code <= 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            count += 1
            return b"&#xFFFD;"
        return match.group(0)

    return _CHAR_REF.sub(replace, data), count


def _item(entry: Any, *, name: str, outlet: str | None, feed_url: str | None) -> RawDocument:
    text = ""
    for content in entry.get("content") or []:
        text = html_to_text(content.get("value") or "")
        if text:
            break
    if not text:
        text = html_to_text(entry.get("summary") or "")
    title = html_to_text(entry.get("title") or "") or None
    if not text:
        raise EmptyDocument("feed item has no content or description", doc=name)
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    meta: dict[str, Any] = {}
    if entry.get("id"):
        meta["guid"] = entry["id"]
    if entry.get("link") and entry.get("link") != _url(entry):
        meta["link"] = entry["link"]
    if feed_url:
        meta["feed_link"] = feed_url
    if tags:
        meta["tags"] = tags
    authors = [a.get("name") for a in entry.get("authors") or [] if a.get("name")]
    if not authors and entry.get("author"):
        authors = [entry["author"]]
    return RawDocument(
        name=name,
        text=text,
        url=_url(entry),
        title=title,
        published=_published(entry),
        outlet=outlet,
        section=tags[0] if tags else None,
        authors=authors,
        meta=meta,
    )


def _url(entry: Any) -> str | None:
    link = entry.get("link") or None
    guid = entry.get("id") or ""
    if (
        http_url(guid)
        and (link is None or not http_url(link) or _is_redirect(link))
        and not _is_redirect(guid)
    ):
        return guid
    return link


def _is_redirect(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return any(host == h or host.endswith("." + h) for h in _REDIRECT_HOSTS)


def _published(entry: Any) -> str | None:
    """The item date as ISO 8601, keeping the offset the feed wrote."""
    for raw_key, parsed_key in (("published", "published_parsed"), ("updated", "updated_parsed")):
        raw = entry.get(raw_key)
        when: datetime | None = None
        if raw:
            try:
                when = parsedate_to_datetime(raw)  # RFC 822, as RSS writes it
            except (TypeError, ValueError, IndexError):
                try:
                    when = datetime.fromisoformat(raw)  # Atom (3.11 reads a trailing Z)
                except ValueError:
                    when = None
        if when is None and entry.get(parsed_key):
            # feedparser's own parse of odd formats, normalised to UTC.
            when = datetime(*entry[parsed_key][:6]).replace(tzinfo=UTC)
        if when is not None and when.year >= _MIN_YEAR:
            return when.isoformat()
    return None


def _one_line(value: object) -> str:
    return " ".join(str(value).split()) or "no items found"
