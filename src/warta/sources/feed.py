"""RSS and Atom feeds: one ``RawDocument`` per item, read with feedparser."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import feedparser

from warta.errors import EmptyDocument, InputError, MalformedDocument
from warta.sources.html import html_to_text
from warta.sources.raw import RawDocument

__all__ = ["iter_feed"]

# Hosts that only redirect to the article (detik's 2015 feeds went through feedsportal);
# their items carry the real URL in <guid>.
_REDIRECT_HOSTS = ("feedsportal.com", "feedproxy.google.com", "feeds.feedburner.com")
# Feeds put placeholders such as the epoch (Thu, 01 Jan 1970) in date fields: no web news
# article predates the 1990s.
_MIN_YEAR = 1990


def iter_feed(data: bytes, *, name: str) -> Iterator[RawDocument | InputError]:
    """Yield one document per feed item (``name#1``, ``name#2`` …), or the item's error."""
    parsed = feedparser.parse(data)
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
        guid.startswith(("http://", "https://"))
        and (not link or _is_redirect(link))
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
            when = datetime(*entry[parsed_key][:6], tzinfo=UTC)
        if when is not None and when.year >= _MIN_YEAR:
            return when.isoformat()
    return None


def _one_line(value: object) -> str:
    return " ".join(str(value).split()) or "no items found"
