"""What every document is checked for on its way out of the sources.

Text enters warta here, so what would break a later stage is repaired or refused here,
once, and nothing downstream has to guard against it:

* a lone UTF-16 surrogate (a truncated emoji such as ``"\\ud83d"`` in a JSON string, a
  file name that is not UTF-8) cannot be encoded: the tokenizer, the store and the
  terminal would fail on it. Surrogate pairs are joined into the character they spell;
  a lone surrogate becomes U+FFFD, and the document's ``warnings`` say so;
* only an ``http(s)`` URL is kept as the document's ``url`` (it becomes a link on the
  dashboard): any other (``javascript:``, ``data:``, a relative path) is set aside in
  ``warnings`` as text;
* a text shorter than ``MIN_TEXT_CHARS`` is not an article (``check_length``).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from warta.errors import EmptyDocument, InputError
from warta.sources.raw import MIN_TEXT_CHARS, RawDocument

__all__ = ["check_length", "clean_document", "clean_error", "http_url", "without_surrogates"]

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HTTP = ("http", "https")
_FIELDS = ("name", "text", "html", "url", "title", "published", "outlet", "section")


def without_surrogates(value: str) -> tuple[str, int]:
    """``value`` with surrogate pairs joined and lone surrogates replaced by U+FFFD.

    Returns the text and how many lone surrogates were replaced.
    """
    if not _SURROGATE.search(value):
        return value, 0
    fixed = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return fixed, fixed.count("\ufffd") - value.count("\ufffd")


def http_url(value: str | None) -> str | None:
    """``value`` trimmed when it is an absolute http(s) URL with a host, else ``None``."""
    if not value:
        return None
    value = value.strip()
    if _CONTROL.search(value):
        return None
    parts = urlsplit(value)
    if parts.scheme.lower() not in _HTTP or not parts.hostname:
        return None
    return value


def clean_document(doc: RawDocument) -> RawDocument:
    """Repair ``doc`` in place (see the module docstring) and return it.

    Idempotent: a second pass finds nothing to repair and adds no warning.
    """
    counts: dict[str, int] = {}
    for name in _FIELDS:
        value = getattr(doc, name)
        if isinstance(value, str):
            fixed, n = without_surrogates(value)
            if n:
                setattr(doc, name, fixed)
                counts[name] = n
    doc.authors, n = _clean_value(doc.authors)
    if n:
        counts["authors"] = n
    doc.meta, n = _clean_value(doc.meta)
    if n:
        counts["meta"] = n
    if counts:
        where = ", ".join(f"{name} ({n})" for name, n in counts.items())
        doc.warnings.append(f"lone UTF-16 surrogates replaced with U+FFFD in the source's {where}")
    if doc.url is not None:
        url = http_url(doc.url)
        if url is None:
            doc.warnings.append(
                f"url {doc.url!r} is not an http(s) URL: kept as text here, not as the article's link"
            )
        doc.url = url
    return doc


def check_length(doc: RawDocument) -> RawDocument:
    """Refuse a document whose text is shorter than ``MIN_TEXT_CHARS`` characters."""
    length = len((doc.text or "").strip())
    if length < MIN_TEXT_CHARS:
        raise EmptyDocument(
            f"text of {length} characters is shorter than the minimum of {MIN_TEXT_CHARS}",
            doc=doc.name,
        )
    return doc


def clean_error(error: InputError) -> InputError:
    """The error with lone surrogates replaced in its document name and message."""
    if error.doc is not None:
        error.doc = without_surrogates(error.doc)[0]
    error.message = without_surrogates(error.message)[0]
    error.args = (error.message,)
    return error


def _clean_value(value: Any) -> tuple[Any, int]:
    """A JSON-like value (str, list, dict) with every string in it cleaned; the count."""
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, list):
        pairs = [_clean_value(v) for v in value]
        return [v for v, _ in pairs], sum(n for _, n in pairs)
    if isinstance(value, dict):
        total = 0
        out = {}
        for key, item in value.items():
            new_key, n_key = _clean_value(key)
            new_item, n_item = _clean_value(item)
            out[new_key] = new_item
            total += n_key + n_item
        return out, total
    return value, 0
