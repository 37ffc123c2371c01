"""The local file system: walking directories and opening files that can be read.

A directory is walked without recursion (an archive nested a thousand levels deep is
walked like a flat one), and a directory that cannot be read is reported by name instead
of being skipped. Only regular files are opened: a FIFO would block the reader until a
writer appears (forever, in a batch), and a device or socket is not a document.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warta.errors import InputError

__all__ = ["open_regular", "walk"]

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a directory"),
)


def walk(root: Path) -> Iterator[Path | InputError]:
    """Every non-hidden entry under ``root`` that is not a directory, in sorted path order.

    The order is depth-first by name (``a.txt``, ``b/c.txt``, ``d.txt``). Hidden entries
    are skipped and symlinked directories are not followed (no loops); a directory that
    cannot be listed is yielded as an ``InputError`` naming it, and the walk goes on.
    Entries that are not regular files are yielded too: opening them refuses them.
    """
    listing = _list(root)
    if isinstance(listing, InputError):
        yield listing
        return
    # One list of not yet visited entries per open directory, each in reverse order so
    # that ``pop()`` gives the next name.
    pending = [listing]
    while pending:
        entries = pending[-1]
        if not entries:
            pending.pop()
            continue
        entry = entries.pop()
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            sub = _list(Path(entry.path))
            if isinstance(sub, InputError):
                yield sub
            else:
                pending.append(sub)
        elif not (entry.is_symlink() and entry.is_dir()):
            yield Path(entry.path)


def _list(directory: Path) -> list[os.DirEntry[str]] | InputError:
    try:
        with os.scandir(directory) as it:
            entries = list(it)
    except OSError as exc:
        return InputError(f"cannot read directory: {exc.strerror or exc}", doc=str(directory))
    entries.sort(key=lambda e: e.name, reverse=True)
    return entries


def open_regular(path: Path, *, name: str | None = None) -> tuple[BinaryIO, int]:
    """Open ``path`` for reading and return it with its size; refuse anything but a file.

    The file is opened without blocking and checked on the open descriptor, so a FIFO is
    refused before anything waits on it (and cannot be swapped in between a check and
    the open). Raises ``InputError`` for a non-regular file and ``OSError`` when the
    file cannot be opened.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                f"not a regular file but {_kind(info.st_mode)}: refused, as reading it could "
                "block forever; pipe its content to standard input ('-') instead",
                doc=name or str(path),
            )
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), info.st_size
    except BaseException:
        os.close(fd)
        raise


def _kind(mode: int) -> str:
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "a special file"
