"""Stable article ids: 16 hex digits from the normalised URL, else the normalised text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["article_id", "normalise_url"]

# Tracking parameters change per share and must not change the id of the article.
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|ref|source|from|amp|_ga|mc_\w+|page)$", re.IGNORECASE
)
_SPACE = re.compile(r"\s+")


def normalise_url(url: str) -> str:
    """Lower-case scheme and host, drop ``www.``/``m.``, fragments, tracking parameters and
    trailing slashes, so that the same article reached by different links gets one id."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    for prefix in ("www.", "m.", "amp."):
        host = host.removeprefix(prefix)
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    path = re.sub(r"/+", "/", parts.path).rstrip("/") or "/"
    # "http" and "https" serve the same article.
    return urlunsplit(("https", host, path, query, ""))


def _normalise_text(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def article_id(url: str | None, text: str) -> str:
    """The 16-hex id of an article: from its URL when known, else from its text."""
    key = "url:" + normalise_url(url) if url and url.strip() else "text:" + _normalise_text(text)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
