"""Turning a stream of documents into deterministic shards, with the input filters."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlparse

from warta.errors import WartaError
from warta.sources.raw import RawDocument

__all__ = ["Shard", "make_shards", "site_of"]


@dataclass(slots=True)
class Shard:
    index: int
    docs: list[RawDocument] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)  # input errors found while reading

    @property
    def name(self) -> str:
        return f"{self.index:06d}"


def site_of(url: str | None) -> str:
    host = urlparse(url or "").netloc.lower()
    return host.removeprefix("www.")


def _site_ok(doc: RawDocument, sites: set[str] | None) -> bool:
    if not sites:
        return True
    host = site_of(doc.url)
    return any(host == s or host.endswith("." + s) for s in sites)


def make_shards(
    items: Iterable[RawDocument | WartaError], *, size: int, sites: Iterable[str] | None = None
) -> Iterator[Shard]:
    """Group documents (and input errors) into shards of ``size`` input items.

    Errors occupy a slot like documents do, so shard boundaries depend only on the input,
    never on which documents happen to fail. Documents outside ``sites`` are dropped
    here, before any work is spent on them.
    """
    wanted = {s.lower().removeprefix("www.") for s in sites} if sites else None
    shard = Shard(0)
    count = 0
    for item in items:
        if isinstance(item, WartaError):
            shard.errors.append(
                {"doc": item.doc, "type": type(item).__name__, "message": item.message}
            )
        elif _site_ok(item, wanted):
            shard.docs.append(item)
        else:
            continue
        count += 1
        if count == size:
            yield shard
            shard, count = Shard(shard.index + 1), 0
    if count:
        yield shard
