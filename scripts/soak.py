"""Soak warta with what real archives and hostile users send, and account for every document.

    python scripts/soak.py [--quick] [--limit N] [--shared ../shared] [--workdir DIR] [--report FILE]

Every step runs warta as its own process, the way a user does (``python -m warta.cli``):

- ``ingest``: every article of ``shared/data/news/*.jsonl``, every page, feed and WARC of
  ``shared/data/web/``, the hostile cases (issue #16 items 1-5 and 14, built at run time in
  the work directory: a text over 1,000,000 characters, lone surrogates, a directory nested
  1,100 deep, a FIFO, an unreadable directory, a feed with one bad character reference,
  gzip bombs in a WARC and a JSONL file, a huge WARC header line, wrongly typed JSONL
  fields, a 1-character text, ``javascript:`` and ``data:`` URLs) and documents generated
  with hypothesis.
- ``batch``: the same inputs on the local engine; then a second run, killed with SIGKILL
  once a shard is done and resumed: its output must be the uninterrupted run's, and no
  worker may outlive the killed driver.
- ``export``: every format from the ingest store. ``load``: the first batch output into a
  fresh store. ``api``: ``warta serve`` on a free loopback port, ``POST /api/analyze``
  with ordinary, hostile and generated texts, and the dashboard's pages and GET endpoints.

It prints, per step: documents in, stored (for the API: analysed), failed with a named
reason (counts per reason), crashed (tracebacks, crashes the batch contained and recorded
as ``AnalysisCrash``/``WorkerCrash``, errors the pipeline turned into "analysis failed",
timeouts, deaths by signal, server errors), lost (in but neither stored nor failed with a
reason), failed checks (a case's expected outcome, a non-http(s) URL stored or linked,
processes left behind, a resumed batch that differs) and the peak memory of the processes
it ran (their own and their waited-for children's high-water RSS). The exit status is 1
when anything crashed, was lost or failed a check.

``--quick`` is the short form for CI (a few hundred articles, every hostile case, smaller
bombs); ``--limit N`` takes the first N articles of each news file. Texts from
``shared/data`` are read at run time only; the work directory is deleted unless
``--workdir`` is given.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zlib
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

CLI = [sys.executable, "-m", "warta.cli"]
DROP_DAC = False  # set by main: run warta without root's power to read any file
STALL = 90.0  # seconds without CPU time in a command's processes: it is hung (a FIFO read)
TRACEBACK = "Traceback (most recent call last)"
CHAINED = ("During handling of the above exception", "The above exception was the direct cause")
# Errors that are crashes caught at a boundary, not reasons: a bug, whatever it is called.
CONTAINED = ("AnalysisCrash", "WorkerCrash")
CONTAINED_MESSAGES = ("analysis failed:", "cannot parse article:", "cannot read (")
EXPORTS = {
    "jsonl": "jsonl",
    "parquet": "parquet",
    "gdelt-events": "csv",
    "gdelt-mentions": "csv",
    "gdelt-gkg": "csv",
}


# -- running warta --------------------------------------------------------------------------


@dataclass
class Run:
    """One finished warta process."""

    cmd: list[str]
    code: int | None
    out: str
    err: str
    seconds: float
    peak_mb: float
    timed_out: bool = False
    left_behind: int = 0  # processes of its group still alive after it ended

    def crashes(self) -> list[str]:
        what = []
        if self.timed_out:
            what.append(
                f"stopped after {self.seconds:.0f} s: hung (under 2 s of CPU time in {STALL:.0f} s) or over its time limit"
            )
        elif self.code is not None and self.code < 0:
            what.append(f"killed by signal {-self.code}")
        blocks = self.err.split(TRACEBACK)[1:]
        for i, block in enumerate(blocks):
            lines = [line for line in block.strip().splitlines() if line.strip()]
            if i + 1 < len(blocks) and lines and lines[-1].startswith(CHAINED):
                continue  # the next traceback is the same incident
            # exception groups indent their tracebacks with "| "
            raised = [
                m.group(1) for line in lines if (m := re.match(r"[\s|+-]*([\w.]+(?:: .*)?)$", line))
            ]
            what.append("traceback: " + ((raised or lines or ["?"])[-1])[:160])
        return what

    def errors(self) -> list[tuple[str, str]]:
        """``(document, message)`` of every ``error DOC: message`` line on standard error."""
        found = []
        for line in self.err.splitlines():
            if line.startswith("error ") and ": " in line:
                doc, message = line[6:].split(": ", 1)
                found.append((doc, message))
        return found


def _drop_dac() -> None:
    """As root, drop the capabilities that read any file: an unreadable directory is then
    unreadable for warta too, as for any user. (prctl PR_CAPBSET_DROP; Linux.)"""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def _can_drop_dac() -> bool:
    if os.geteuid() != 0:
        return True
    try:
        subprocess.run(["true"], preexec_fn=_drop_dac, check=True)
    except (OSError, subprocess.SubprocessError):
        return False
    return True


def start(args: list[str], log: Path) -> subprocess.Popen:
    out, err = log.with_suffix(".out"), log.with_suffix(".err")
    with out.open("wb") as fo, err.open("wb") as fe:
        preexec = _drop_dac if DROP_DAC else None
        return subprocess.Popen(
            [*CLI, *args],
            stdout=fo,
            stderr=fe,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=preexec,
            cwd=log.parent,
        )


def finish(
    proc: subprocess.Popen,
    log: Path,
    started: float,
    *,
    timeout: float,
    stall: float | None = STALL,
) -> Run:
    """Wait for ``proc``, with its peak memory from wait4. Its process group is killed at
    ``timeout``, or once its processes used under 2 s of CPU time in ``stall`` seconds:
    blocked (a progress bar's refresh thread keeps using a little)."""
    deadline = started + timeout
    samples: deque[tuple[float, float]] = deque()  # (time, CPU seconds of the group)
    timed_out = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        now = time.monotonic()
        if stall is not None and (not samples or now - samples[-1][0] >= 5):
            samples.append((now, _group_cpu(proc.pid)))
            while len(samples) > 1 and now - samples[1][0] >= stall:
                samples.popleft()
        hung = (
            bool(samples)
            and now - samples[0][0] >= (stall or 0)
            and samples[-1][1] - samples[0][1] < 2
        )
        if now > deadline or (stall is not None and hung):
            timed_out = True
            _kill_group(proc.pid)
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    left = _wait_group_empty(proc.pid, 10.0)
    if left:
        _kill_group(proc.pid)
    return Run(
        proc.args,
        proc.returncode,
        _read(log.with_suffix(".out")),
        _read(log.with_suffix(".err")),
        seconds,
        usage.ru_maxrss / 1024,
        timed_out,
        left,
    )


def run(args: list[str], work: Path, name: str, *, timeout: float) -> Run:
    log = work / "logs" / name
    log.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    return finish(start(args, log), log, started, timeout=timeout)


def _running(proc: subprocess.Popen) -> bool:
    """Whether ``proc`` is still running, without reaping it (``finish`` reaps, with wait4)."""
    return os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace") if path.exists() else ""


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)


def _group_stats(pgid: int) -> Iterator[list[str]]:
    """The /proc stat fields (after the command name) of each live process of a group."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                yield fields


def _group_size(pgid: int) -> int:
    return sum(1 for _ in _group_stats(pgid))


def _group_cpu(pgid: int) -> float:
    ticks = sum(int(f[11]) + int(f[12]) for f in _group_stats(pgid))  # utime + stime
    return ticks / os.sysconf("SC_CLK_TCK")


def _wait_group_empty(pgid: int, seconds: float) -> int:
    deadline = time.monotonic() + seconds
    while (left := _group_size(pgid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


# -- inputs ---------------------------------------------------------------------------------


@dataclass
class Group:
    """Inputs given to warta together, with how many documents they hold and what must happen."""

    name: str
    paths: list[Path]
    docs: int
    must_store: int = 0  # at least this many stored
    must_fail: int = 0  # at least this many refused with a reason
    hostile: bool = False
    note: str = ""


def _nonblank_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


def _feed_items(path: Path) -> int:
    return len(re.findall(rb"<(?:item|entry)[\s>]", path.read_bytes()))


def _warc_pages(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            n += record.http_headers.get_statuscode() == "200" and ctype.startswith(
                ("text/html", "application/xhtml+xml")
            )
    return n


def corpus_groups(shared: Path, work: Path, limit: int | None) -> list[Group]:
    groups = []
    news = sorted((shared / "data" / "news").glob("*.jsonl"))
    if news:
        paths = []
        for path in news:
            if limit is not None:  # the first ``limit`` articles, copied for this run only
                copy = work / "news" / path.name
                copy.parent.mkdir(parents=True, exist_ok=True)
                with path.open("rb") as src, copy.open("wb") as dst:
                    dst.writelines(
                        line for _, line in zip(range(limit), (x for x in src if x.strip()))
                    )
                path = copy
            paths.append(path)
        groups.append(Group("news", paths, sum(_nonblank_lines(p) for p in paths)))
    web = shared / "data" / "web"
    html = sorted((web / "html").glob("*.html"))
    feeds = sorted((web / "feeds").glob("*.xml"))
    warcs = sorted((web / "warc").glob("*.warc*"))
    if html:
        groups.append(Group("web/html", html, len(html)))
    if feeds:
        groups.append(Group("web/feeds", feeds, sum(_feed_items(p) for p in feeds)))
    if warcs:
        groups.append(Group("web/warc", warcs, sum(max(1, _warc_pages(p)) for p in warcs)))
    return groups


class Texts:
    """Article texts for the built inputs: shared news texts (read at run time) or our own."""

    def __init__(self, shared: Path) -> None:
        self._real: list[str] = []
        for path in sorted((shared / "data" / "news").glob("*.jsonl"))[:1]:
            with path.open(encoding="utf-8") as fh:
                for line, _ in zip(fh, range(400)):
                    text = json.loads(line).get("text")
                    if isinstance(text, str) and len(text) > 400:
                        self._real.append(text)
        self._n = 0

    def one(self) -> str:
        self._n += 1
        if self._real:
            return f"Nomor {self._n}. " + self._real[self._n % len(self._real)]
        return _own_text(self._n)

    def long(self, chars: int) -> str:
        parts, size = [], 0
        while size <= chars:
            parts.append(self.one())
            size += len(parts[-1]) + 2
        return "\n\n".join(parts)


def _own_text(n: int) -> str:
    cities = ["Bandung", "Surabaya", "Medan", "Makassar", "Padang", "Kupang"]
    c = cities[n % len(cities)]
    return (
        f"Pemerintah Kota {c} meresmikan jembatan nomor {n} pada Senin. Wali Kota {c} mengatakan "
        'jembatan itu akan mempercepat distribusi barang ke pasar tradisional. "Kami berharap '
        'warga merasakan manfaatnya," ujarnya kepada wartawan. Kepolisian daerah menambah petugas '
        "untuk mengatur lalu lintas di sekitar jembatan selama sepekan pertama."
    )


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    # ensure_ascii keeps a lone surrogate as the JSON escape \\ud83d, as a truncated emoji arrives
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")
    return path


def _gzip_bomb(head: bytes, size: int) -> bytes:
    """A gzip member of ``head`` and then ``size`` bytes of ``A`` without a newline."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [comp.compress(head)]
    chunk = b"A" * (1 << 20)
    for _ in range(size // len(chunk)):
        parts.append(comp.compress(chunk))
    parts.append(comp.flush())
    return b"".join(parts)


def _html_page(title: str, text: str) -> str:
    sentences = text.split(". ")
    paras = "".join(
        f"<p>{'. '.join(sentences[k : k + 3])}.</p>" for k in range(0, len(sentences), 3)
    )
    return (
        f"<!doctype html><html><head><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{paras}</article></body></html>"
    )


def _url(tag: str) -> str:
    return f"https://contoh.id/berita/2024/05/01/{tag}-jembatan-baru-diresmikan-wali-kota"


def _warc_response(url: str, html: str, *, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    http = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    writer.write_record(
        writer.create_warc_record(
            url, "response", payload=io.BytesIO(html.encode()), http_headers=http
        )
    )
    return buf.getvalue()


def hostile_groups(work: Path, texts: Texts, *, quick: bool, dac: bool) -> list[Group]:
    """The cases of issue #16 items 1-5 and 14, each with the outcome it must have."""
    root = work / "hostile"
    root.mkdir(parents=True, exist_ok=True)
    bomb = (256 if quick else 1024) << 20
    header = (8 if quick else 60) << 20
    long_chars = 1_050_000 if quick else 1_200_000
    g: list[Group] = []

    def ok(tag: str) -> dict:
        return {"url": _url(tag), "title": f"Berita {tag}", "text": texts.one()}

    path = _jsonl(
        root / "script-url.jsonl",
        [
            {"url": "javascript:alert(document.cookie)", "text": texts.one()},
            {"url": "data:text/html,<script>alert(1)</script>", "text": texts.one()},
        ],
    )
    jsfeed = root / "script-link.xml"
    body = texts.one().replace("&", "&amp;").replace("<", "&lt;")
    jsfeed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Contoh</title>'
        f"<item><title>Tautan</title><link>javascript:alert(1)</link><description>{body}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    g.append(
        Group(
            "script-urls",
            [path, jsfeed],
            3,
            must_store=3,
            hostile=True,
            note="stored, but never as a link",
        )
    )

    path = _jsonl(
        root / "long-text.jsonl",
        [
            ok("long-1"),
            {"url": _url("long"), "text": texts.long(long_chars)},
            ok("long-2"),
        ],
    )
    g.append(
        Group(
            "long-text",
            [path],
            3,
            must_store=3,
            hostile=True,
            note=f"{long_chars:,} characters between two ordinary records",
        )
    )

    path = _jsonl(
        root / "surrogates.jsonl",
        [
            {
                "url": _url("sur-1"),
                "title": "Judul \ud83d",
                "text": texts.one() + " \ud83d",
            },
            {"url": _url("sur-2"), "text": "\udc00" + texts.one()},
            ok("sur-3"),
        ],
    )
    g.append(Group("lone-surrogates", [path], 3, must_store=1, hostile=True))

    deep = root / "deep"
    leaf = deep
    for _ in range(1100):  # one level at a time: pathlib's mkdir(parents=True) recurses
        leaf = leaf / "d"
        leaf.mkdir(parents=True, exist_ok=True)
    (leaf / "artikel.txt").write_text(texts.one(), encoding="utf-8")
    g.append(Group("deep-directory", [deep], 1, must_store=1, hostile=True, note="1,100 levels"))

    fifo = root / "fifo" / "pipa"
    fifo.parent.mkdir(exist_ok=True)
    if not fifo.exists():
        os.mkfifo(fifo)
    (fifo.parent / "biasa.txt").write_text(texts.one(), encoding="utf-8")
    g.append(
        Group("fifo", [fifo, fifo.parent / "biasa.txt"], 2, must_store=1, must_fail=1, hostile=True)
    )

    if dac:
        locked = root / "unreadable" / "terkunci"
        locked.mkdir(parents=True, exist_ok=True)
        (locked / "rahasia.txt").write_text(texts.one(), encoding="utf-8")
        (locked.parent / "biasa.txt").write_text(texts.one(), encoding="utf-8")
        locked.chmod(0)
        g.append(
            Group(
                "unreadable-directory", [locked.parent], 2, must_store=1, must_fail=1, hostile=True
            )
        )

    items = []
    for i in range(3):
        body = texts.one().replace("&", "&amp;").replace("<", "&lt;")
        bad = " &#xD800;" if i == 1 else ""
        items.append(
            f"<item><title>Feed {i}</title><link>{_url('feed-' + str(i))}</link><description>{body}{bad}</description></item>"
        )
    feed = root / "bad-reference.xml"
    feed.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Contoh</title>'
        f"<link>https://contoh.id/</link>{''.join(items)}</channel></rss>",
        encoding="utf-8",
    )
    g.append(Group("feed-bad-character-reference", [feed], 3, must_store=2, hostile=True))

    warc = root / "bomb.warc.gz"
    warc.write_bytes(
        _warc_response(_url("warc-ok"), _html_page("Halaman", texts.one()), gz=True)
        + _gzip_bomb(
            b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://contoh.id/bom\r\nX-Pad: ",
            bomb,
        )
    )
    g.append(
        Group(
            "warc-gzip-bomb",
            [warc],
            2,
            must_store=1,
            must_fail=1,
            hostile=True,
            note=f"{bomb >> 20} MB header line",
        )
    )

    plain = root / "long-header.warc"
    with plain.open("wb") as fh:
        fh.write(_warc_response(_url("warc-ok-2"), _html_page("Halaman", texts.one()), gz=False))
        fh.write(b"WARC/1.0\r\nWARC-Type: response\r\nX-Pad: ")
        chunk = b"A" * (1 << 20)
        for _ in range(header >> 20):
            fh.write(chunk)
        fh.write(b"\r\n\r\n")
    g.append(
        Group(
            "warc-long-header-line",
            [plain],
            2,
            must_store=1,
            must_fail=1,
            hostile=True,
            note=f"{header >> 20} MB line",
        )
    )

    jgz = root / "bomb.jsonl.gz"
    good = "".join(json.dumps(ok(f"jgz-{i}")) + "\n" for i in range(3)).encode()
    jgz.write_bytes(gzip.compress(good) + _gzip_bomb(b'{"text": "', bomb))
    g.append(
        Group(
            "jsonl-gzip-bomb",
            [jgz],
            4,
            must_store=3,
            must_fail=1,
            hostile=True,
            note=f"{bomb >> 20} MB line after three ordinary ones",
        )
    )

    path = _jsonl(
        root / "wrong-types.jsonl",
        [
            {"url": 5, "text": texts.one()},
            {"text": 123},
            {"title": ["x"], "text": texts.one()},
            {"published": {"tahun": 2024}, "text": texts.one()},
            ok("types"),
        ],
    )
    g.append(Group("wrong-jsonl-types", [path], 5, must_store=1, must_fail=4, hostile=True))

    path = _jsonl(root / "one-character.jsonl", [{"text": "a"}, ok("one")])
    g.append(Group("one-character-text", [path], 2, must_store=1, must_fail=1, hostile=True))

    return g


def generated_group(work: Path, texts: Texts, n: int) -> Group:
    """``n`` JSONL records drawn by hypothesis: plausible articles, any Unicode (surrogates
    and control characters included), and fields of every JSON type."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    words = sorted(
        {w for t in (texts.one() for _ in range(20)) for w in re.findall(r"[A-Za-z]{3,}", t)}
    ) or ["kata"]
    sentence = st.lists(st.sampled_from(words), min_size=3, max_size=25).map(
        lambda ws: " ".join(ws).capitalize() + "."
    )
    article = st.lists(sentence, min_size=1, max_size=40).map(" ".join)
    odd = st.text(alphabet=st.characters(categories=["Cs", "Cc", "Zs", "So", "Mn"]), max_size=300)
    text = st.one_of(
        article,
        article.map(lambda a: a + " \ud83d"),
        st.text(max_size=2000),
        odd,
        st.integers(),
        st.none(),
        st.lists(st.text(max_size=5), max_size=3),
    )
    scalar = st.one_of(
        st.none(),
        st.text(max_size=80),
        st.integers(),
        st.floats(),
        st.booleans(),
        st.lists(st.text(max_size=5), max_size=3),
        st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    )
    url = st.one_of(
        scalar,
        st.sampled_from(["javascript:alert(1)", _url("gen"), "ftp://contoh.id/x"]),
    )
    record = st.fixed_dictionaries(
        {"text": text}, optional={"url": url, "title": scalar, "published": scalar, "html": scalar}
    )
    drawn: list[dict] = []

    @settings(
        max_examples=n,
        database=None,
        derandomize=True,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(record)
    def draw(rec: dict) -> None:
        drawn.append(rec)

    draw()
    path = _jsonl(work / "generated" / "hypothesis.jsonl", drawn)
    return Group("generated", [path], len(drawn), note="hypothesis")


# -- accounting -----------------------------------------------------------------------------


def reason(message: str) -> str:
    """A message as a reason: numbers, quoted and bracketed parts taken out."""
    text = re.sub(r"\([^()]*\)|\[[^\]]*\]", "", message)
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "…", text)
    text = re.sub(r"\d[\d,.]*", "N", text)
    return " ".join(text.split())[:90].rstrip(" :")


@dataclass
class Tally:
    """What happened to the documents of one step."""

    step: str
    docs_in: int = 0
    stored: int = 0
    failed: int = 0
    reasons: Counter = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)
    lost: int = 0
    checks: list[str] = field(default_factory=list)
    peak_mb: float = 0.0
    seconds: float = 0.0
    lines: list[str] = field(default_factory=list)  # per-group detail

    def took(self, r: Run, what: str) -> None:
        self.peak_mb = max(self.peak_mb, r.peak_mb)
        self.seconds += r.seconds
        self.crashes += [f"{what}: {c}" for c in r.crashes()]
        if r.left_behind:
            self.checks.append(f"{what}: {r.left_behind} processes still running after it ended")

    def count_error(self, doc: str, message: str, kind: str | None = None) -> bool:
        """Count one document's error; True when it is a crash caught at a boundary."""
        if (kind in CONTAINED) or message.startswith(CONTAINED_MESSAGES):
            self.crashes.append(f"{doc}: {kind + ': ' if kind else ''}{message[:200]}")
            return True
        self.failed += 1
        self.reasons[reason(message)] += 1
        return False

    def to_dict(self) -> dict:
        return {
            "step": self.step,
            "in": self.docs_in,
            "stored": self.stored,
            "failed": self.failed,
            "reasons": dict(self.reasons.most_common()),
            "crashed": len(self.crashes),
            "crashes": self.crashes,
            "lost": self.lost,
            "checks": self.checks,
            "peak_mb": round(self.peak_mb, 1),
            "seconds": round(self.seconds, 1),
            "groups": self.lines,
        }


def _owner(name: str, groups: list[Group]) -> Group | None:
    best, size = None, -1
    for group in groups:
        for path in group.paths:
            p = str(path)
            if (name == p or name.startswith((p + "#", p + "/"))) and len(p) > size:
                best, size = group, len(p)
    return best


def _judge(tally: Tally, group: Group, stored: int, failed: int, crashed: int) -> None:
    lost = max(0, group.docs - stored - failed - crashed)
    tally.lost += lost
    tally.lines.append(
        f"{group.name}: in {group.docs}, stored {stored}, failed {failed}, crashed {crashed}, lost {lost}"
        + (f" ({group.note})" if group.note else "")
    )
    if stored < group.must_store:
        tally.checks.append(f"{group.name}: {stored} stored, at least {group.must_store} expected")
    if failed < group.must_fail:
        tally.checks.append(
            f"{group.name}: {failed} refused with a reason, at least {group.must_fail} expected"
        )


def _bad_urls(urls: list[str | None]) -> list[str]:
    return [u for u in urls if u and not re.match(r"(?i)https?://", u)]


# -- steps ----------------------------------------------------------------------------------


def _stored_by_group(db: Path, groups: list[Group]) -> tuple[Counter, list[str]]:
    counts: Counter = Counter()
    urls = []
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT origin, url FROM documents").fetchall()
    for origin, url in rows:
        owner = _owner(origin or "", groups)
        if owner is not None:
            counts[owner.name] += 1
            urls.append(url)
    return counts, _bad_urls(urls)


def _ingest_once(
    tally: Tally, groups: list[Group], work: Path, db: Path, name: str, timeout: float
) -> Run:
    paths = [str(p) for g in groups for p in g.paths]
    r = run(["ingest", *paths, "--db", str(db), "--no-show"], work, name, timeout=timeout)
    tally.took(r, name)
    failed: Counter = Counter()
    crashed: Counter = Counter()
    for doc, message in r.errors():
        owner = _owner(doc, groups)
        key = owner.name if owner else "?"
        (crashed if tally.count_error(doc, message) else failed)[key] += 1
    summary = re.search(r"(\d+) stored \(", r.out)
    stored_by, bad = _stored_by_group(db, groups) if db.exists() else (Counter(), [])
    for group in groups:
        stored = stored_by[group.name]
        if summary and len(groups) == 1:  # repeated articles update one row: count them all
            stored = int(summary.group(1))
        tally.stored += stored
        _judge(tally, group, stored, failed[group.name], crashed[group.name])
    if bad:
        tally.checks.append(
            f"{name}: stored with a non-http(s) url: {', '.join(sorted(set(bad)))[:200]}"
        )
    return r


def step_ingest(
    corpus: list[Group], hostile: list[Group], generated: Group, work: Path, timeout: float
) -> tuple[Tally, Path]:
    """Each corpus group, the generated documents and the script URLs (whose pages the API
    step checks) alone, then the other hostile cases together; when that run crashes, each
    case again on its own, so that the report names the culprits."""
    tally = Tally("ingest", docs_in=sum(g.docs for g in [*corpus, *hostile, generated]))
    db = work / "ingest.db"
    alone = [g for g in hostile if g.name == "script-urls"]
    together = [g for g in hostile if g not in alone]
    for group in [*corpus, generated, *alone]:
        _ingest_once(tally, [group], work, db, f"ingest-{group.name.replace('/', '-')}", timeout)
    trial = Tally("ingest")
    r = _ingest_once(trial, together, work, db, "ingest-hostile", timeout)
    if not r.crashes() and not trial.crashes:
        _merge(tally, trial)
        return tally, db
    tally.peak_mb, tally.seconds = max(tally.peak_mb, trial.peak_mb), tally.seconds + trial.seconds
    for group in together:
        _ingest_once(
            tally,
            [group],
            work,
            work / f"case-{group.name}.db",
            f"ingest-case-{group.name}",
            min(timeout, 600),
        )
    return tally, db


def _merge(into: Tally, part: Tally) -> None:
    into.stored += part.stored
    into.failed += part.failed
    into.reasons.update(part.reasons)
    into.crashes += part.crashes
    into.lost += part.lost
    into.checks += part.checks
    into.peak_mb = max(into.peak_mb, part.peak_mb)
    into.seconds += part.seconds
    into.lines += part.lines


def _batch_outcome(out: Path) -> tuple[list[dict], list[dict]]:
    import pyarrow.parquet as pq

    articles = []
    for part in sorted(out.glob("articles/date=*/part-*.parquet")):
        articles += pq.read_table(part, columns=["origin", "url"]).to_pylist()
    errors = [
        json.loads(line)
        for p in sorted(out.glob("errors/part-*.jsonl"))
        for line in p.read_text(encoding="utf-8").splitlines()
    ]
    return articles, errors


def _account_batch(tally: Tally, out: Path, groups: list[Group], name: str) -> None:
    articles, errors = _batch_outcome(out)
    stored: Counter = Counter()
    failed: Counter = Counter()
    crashed: Counter = Counter()
    for a in articles:
        owner = _owner(a["origin"] or "", groups)
        stored[owner.name if owner else "?"] += 1
    for e in errors:
        owner = _owner(e.get("doc") or "", groups)
        key = owner.name if owner else "?"
        (
            crashed
            if tally.count_error(e.get("doc") or "?", e.get("message") or "", e.get("type"))
            else failed
        )[key] += 1
    tally.stored += len(articles)
    for group in groups:
        _judge(tally, group, stored[group.name], failed[group.name], crashed[group.name])
    bad = _bad_urls([a["url"] for a in articles])
    if bad:
        tally.checks.append(
            f"{name}: articles with a non-http(s) url: {', '.join(sorted(set(bad)))[:200]}"
        )


def _batch_args(groups: list[Group], out: Path, shard_size: int, workers: int = 2) -> list[str]:
    return [
        "batch",
        *[str(p) for g in groups for p in g.paths],
        "--out",
        str(out),
        "--workers",
        str(workers),
        "--shard-size",
        str(shard_size),
    ]


def step_batch(
    groups: list[Group], work: Path, timeout: float, shard_size: int
) -> tuple[Tally, Path, bool]:
    """One batch over everything; when it crashes, each hostile case again on its own, so
    that the report names the culprits. Returns the tally, the output and whether it crashed."""
    tally = Tally("batch", docs_in=sum(g.docs for g in groups))
    out = work / "batch-a"
    r = run(_batch_args(groups, out, shard_size), work, "batch", timeout=timeout)
    tally.took(r, "batch")
    if not r.crashes():
        _account_batch(tally, out, groups, "batch")
        return tally, out, False
    _account_batch(tally, out, [g for g in groups if not g.hostile], "batch")
    for group in (g for g in groups if g.hostile):
        case = work / f"batch-case-{group.name}"
        r = run(
            _batch_args([group], case, shard_size, workers=1),
            work,
            f"batch-case-{group.name}",
            timeout=min(timeout, 600),
        )
        tally.took(r, f"batch case {group.name}")
        _account_batch(tally, case, [group], f"batch case {group.name}")
    return tally, out, True


def step_batch_killed(
    groups: list[Group], work: Path, timeout: float, shard_size: int, first: Path | None
) -> Tally:
    """A second run, SIGKILLed (the driver alone) once a shard is done, then resumed; its
    output is compared with ``first`` (the uninterrupted run's, None when that crashed)."""
    tally = Tally("batch-killed-resumed", docs_in=sum(g.docs for g in groups))
    out = work / "batch-b"
    args = _batch_args(groups, out, shard_size)
    log = work / "logs" / "batch-killed"
    started = time.monotonic()
    proc = start(args, log)
    while (
        not list(out.glob("_done/*.json"))
        and _running(proc)
        and time.monotonic() < started + timeout
    ):
        time.sleep(0.05)
    if _running(proc):
        os.kill(proc.pid, signal.SIGKILL)
    else:
        tally.checks.append(
            "the batch ended before it could be killed mid-way (use more documents)"
        )
    killed = finish(proc, log, started, timeout=timeout, stall=None)
    tally.peak_mb = killed.peak_mb
    if killed.left_behind:
        tally.checks.append(f"{killed.left_behind} workers or trackers outlived the killed driver")
    status = (
        json.loads((out / "manifest.json").read_text())["status"]
        if (out / "manifest.json").exists()
        else None
    )
    if status != "running":
        tally.checks.append(f"the killed batch's manifest says {status!r}, not 'running'")
    r = run(args, work, "batch-resumed", timeout=timeout)
    tally.took(r, "batch (resumed)")
    _account_batch(tally, out, groups, "batch (resumed)")
    if first is None or r.crashes():
        return tally  # a crashed run has nothing to compare
    a, b = _batch_outcome(first), _batch_outcome(out)
    key_a = sorted(x["origin"] or "" for x in a[0]), sorted(str(e.get("doc")) for e in a[1])
    key_b = sorted(x["origin"] or "" for x in b[0]), sorted(str(e.get("doc")) for e in b[1])
    if key_a != key_b:
        diff = len(set(key_a[0]) ^ set(key_b[0])) + len(set(key_a[1]) ^ set(key_b[1]))
        tally.checks.append(
            f"the resumed batch differs from the uninterrupted one ({diff} documents)"
        )
    return tally


def step_load(batch_out: Path, work: Path, timeout: float) -> Tally:
    articles, _errors = _batch_outcome(batch_out)
    tally = Tally("load", docs_in=len(articles))
    r = run(["load", str(batch_out), "--db", str(work / "load.db")], work, "load", timeout=timeout)
    tally.took(r, "load")
    for doc, message in r.errors():
        tally.count_error(doc, message)
    m = re.search(r"(\d+) articles loaded", r.out)
    tally.stored = int(m.group(1)) if m else 0
    tally.lost = max(0, tally.docs_in - tally.stored - tally.failed - len(tally.crashes))
    return tally


def step_export(db: Path, work: Path, timeout: float) -> Tally:
    tally = Tally("export")
    for fmt, ext in EXPORTS.items():
        target = work / "exports" / f"warta.{fmt}.{ext}"
        target.parent.mkdir(exist_ok=True)
        r = run(
            ["export", str(target), "--format", fmt, "--db", str(db)],
            work,
            f"export-{fmt}",
            timeout=timeout,
        )
        tally.took(r, f"export {fmt}")
        m = re.search(r"(\d+) rows", r.out)
        if r.code not in (0, None) and not r.crashes():
            tally.crashes.append(f"export {fmt}: exit status {r.code}: {r.err.strip()[-200:]}")
        tally.lines.append(f"{fmt}: {m.group(1) if m else '?'} rows, exit status {r.code}")
        if m and int(m.group(1)) and not (target.exists() and target.stat().st_size):
            tally.checks.append(f"export {fmt}: {m.group(1)} rows announced, no file written")
    return tally


# -- the API --------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _http(
    base: str, path: str, body: bytes | None = None, timeout: float = 300
) -> tuple[int, bytes, str]:
    req = urllib.request.Request(
        base + path,
        data=body,
        method="POST" if body is not None else "GET",
        headers={"Content-Type": "application/json"} if body is not None else {},
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read(), resp.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), exc.headers.get("Content-Type", "")


def _analyze_bodies(texts: Texts, generated: Group, long_chars: int) -> Iterator[tuple[str, bytes]]:
    yield "ordinary", json.dumps({"text": texts.one(), "url": _url("api-1")}).encode()
    yield "html", json.dumps({"html": _html_page("Halaman", texts.one())}).encode()
    yield "one-character", json.dumps({"text": "a"}).encode()
    yield "lone-surrogate", json.dumps({"text": texts.one() + " \ud83d"}).encode()
    yield "javascript-url", json.dumps({"text": texts.one(), "url": "javascript:alert(1)"}).encode()
    yield "wrong-type", json.dumps({"text": 5}).encode()
    yield "not-json", b'{"text": '
    yield "long-text", json.dumps({"text": texts.long(long_chars)}).encode()
    for i, line in enumerate(generated.paths[0].read_text(encoding="ascii").splitlines()[:15]):
        yield f"generated-{i}", line.encode()


def _classify(tally: Tally, what: str, status: int, body: bytes, ctype: str) -> None:
    if status == 200 and "json" in ctype:
        tally.stored += 1
        return
    try:
        error = json.loads(body).get("error") if "json" in ctype else None
    except (ValueError, AttributeError):
        error = None
    if 400 <= status < 500 and error:
        tally.failed += 1
        if isinstance(error, dict):
            error = f"{error.get('type')}: {error.get('message')}"
        tally.reasons[f"HTTP {status} {reason(str(error))}"] += 1
    else:
        tally.crashes.append(f"{what}: HTTP {status} {ctype or 'no content type'}: {body[:120]!r}")


def step_api(
    db: Path, work: Path, texts: Texts, generated: Group, hostile: list[Group], long_chars: int
) -> Tally:
    tally = Tally("api")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = work / "logs" / "serve"
    log.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    proc = start(["serve", "--db", str(db), "--port", str(port)], log)
    try:
        if not _wait_ready(base, proc):
            tally.crashes.append("serve: the server did not answer within 60 s")
            return tally
        for what, body in _analyze_bodies(texts, generated, long_chars):
            tally.docs_in += 1
            try:
                _classify(tally, what, *_http(base, "/api/analyze", body))
            except (OSError, urllib.error.URLError) as exc:
                tally.crashes.append(f"POST /api/analyze {what}: {type(exc).__name__}: {exc}")
        _pages(tally, base, db, hostile)
    finally:
        if _running(proc):
            proc.send_signal(signal.SIGINT)  # Ctrl-C, as a user stops it
        r = finish(proc, log, started, timeout=time.monotonic() - started + 30, stall=None)
        r.code = 0  # stopped by us
        tally.took(r, "serve")
    return tally


def _wait_ready(base: str, proc: subprocess.Popen) -> bool:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _running(proc):
        try:
            if _http(base, "/api/articles?limit=1", timeout=5)[0] == 200:
                return True
        except OSError:
            time.sleep(0.2)
    return False


def _pages(tally: Tally, base: str, db: Path, hostile: list[Group]) -> None:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY rowid LIMIT 3")]
        scripted = [g for g in hostile if g.name == "script-urls"]
        if scripted:
            prefix = str(scripted[0].paths[0].parent)
            ids += [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM documents WHERE substr(origin, 1, ?) = ?", (len(prefix), prefix)
                )
            ]
    paths = [
        "/",
        "/?q=pemerintah",
        "/api/articles?limit=5",
        "/api/entities",
        "/api/events",
        "/api/quotes",
        "/api/map",
        "/api/network",
        "/api/events/timeline",
        "/api/articles?since=2025-13-45",
    ]
    paths += [f"/article/{i}" for i in ids] + [f"/api/articles/{i}" for i in ids]
    for path in paths:
        try:
            status, body, _ctype = _http(base, path, timeout=60)
        except (OSError, urllib.error.URLError) as exc:
            tally.crashes.append(f"GET {path}: {type(exc).__name__}: {exc}")
            continue
        tally.lines.append(f"GET {path}: {status}")
        if "2025-13-45" in path and status < 400:
            tally.checks.append(
                f"GET {path}: answered {status}; an impossible date must be refused"
            )
        if status >= 500:
            tally.crashes.append(f"GET {path}: HTTP {status}: {body[:120]!r}")
        if path.startswith("/article/") and re.search(
            rb"""(?i)href\s*=\s*["']?\s*(?:javascript|data|vbscript):""", body
        ):
            tally.checks.append(f"GET {path}: a javascript:/data: URL became a link")


# -- report ---------------------------------------------------------------------------------


def print_report(tallies: list[Tally], docs_in: int, seconds: float) -> dict:
    print(f"\nsoak: {docs_in:,} documents in ({seconds:.0f} s)\n")
    print(
        f"{'step':<22}{'in':>7}{'stored':>8}{'failed':>8}{'crashed':>9}{'lost':>6}{'checks':>8}{'peak MB':>9}{'s':>7}"
    )
    for t in tallies:
        print(
            f"{t.step:<22}{t.docs_in:>7}{t.stored:>8}{t.failed:>8}{len(t.crashes):>9}{t.lost:>6}"
            f"{len(t.checks):>8}{t.peak_mb:>9.0f}{t.seconds:>7.0f}"
        )
    for t in tallies:
        if t.lines:
            print(f"\n{t.step}:")
            for line in t.lines:
                print(f"  {line}")
        if t.reasons:
            print(f"{t.step}, failed by reason:")
            for why, n in t.reasons.most_common():
                print(f"  {n:>5}  {why}")
    for label, attr in (("crashed", "crashes"), ("failed checks", "checks")):
        items = [(t.step, x) for t in tallies for x in getattr(t, attr)]
        if items:
            print(f"\n{label}:")
            for step, x in items:
                print(f"  [{step}] {x}")
    totals = {
        "in": docs_in,
        "stored": sum(t.stored for t in tallies),
        "failed": sum(t.failed for t in tallies),
        "crashed": sum(len(t.crashes) for t in tallies),
        "lost": sum(t.lost for t in tallies),
        "checks": sum(len(t.checks) for t in tallies),
        "peak_mb": round(max(t.peak_mb for t in tallies), 1),
    }
    print(
        f"\ndocuments in {totals['in']}, stored {totals['stored']}, failed {totals['failed']}, "
        f"crashed {totals['crashed']}, lost {totals['lost']}, failed checks {totals['checks']}, "
        f"peak memory {totals['peak_mb']:.0f} MB  (stored, failed, crashed and lost are summed over the steps)"
    )
    return {"totals": totals, "seconds": round(seconds, 1), "steps": [t.to_dict() for t in tallies]}


def main() -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument(
        "--quick",
        action="store_true",
        help="the short form: 50 articles per news file, smaller bombs",
    )
    p.add_argument(
        "--limit",
        type=int,
        default=None,
        help="articles per news file (default: all; 50 with --quick)",
    )
    p.add_argument(
        "--shared", type=Path, default=REPO.parent / "shared", help="the shared data folder"
    )
    p.add_argument("--workdir", type=Path, default=None, help="keep inputs, outputs and logs here")
    p.add_argument("--report", type=Path, default=None, help="also write the figures as JSON")
    p.add_argument(
        "--generated",
        type=int,
        default=None,
        help="hypothesis documents (default 300; 60 with --quick)",
    )
    args = p.parse_args()
    limit = args.limit if args.limit is not None else (50 if args.quick else None)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="warta-soak-"))
    work.mkdir(parents=True, exist_ok=True)
    began = time.monotonic()
    try:
        return _soak(args, work, limit, began)
    finally:
        if args.workdir is None:
            _remove(work)


def _remove(work: Path) -> None:
    """Delete the work directory; shutil.rmtree recurses once per level, so the 1,100-level
    directory is taken apart bottom-up first."""
    locked = work / "hostile" / "unreadable" / "terkunci"
    if locked.exists():
        locked.chmod(0o755)
    chain = [work / "hostile" / "deep"]
    while (chain[-1] / "d").is_dir():
        chain.append(chain[-1] / "d")
    for level in reversed(chain):
        if level.is_dir():
            shutil.rmtree(level, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)


def _soak(args: argparse.Namespace, work: Path, limit: int | None, began: float) -> int:
    if not (args.shared / "data").is_dir():
        print(
            f"note: {args.shared}/data is missing: only the hostile and generated documents run",
            file=sys.stderr,
        )
    global DROP_DAC
    dac = _can_drop_dac()
    DROP_DAC = dac and os.geteuid() == 0
    if not dac:
        print(
            "note: running as root without CAP_SETPCAP: the unreadable-directory case is left out",
            file=sys.stderr,
        )
    texts = Texts(args.shared)
    corpus = corpus_groups(args.shared, work, limit)
    hostile = hostile_groups(work, texts, quick=args.quick, dac=dac)
    generated = generated_group(work, texts, args.generated or (60 if args.quick else 300))
    groups = [*corpus, *hostile, generated]
    docs_in = sum(g.docs for g in groups)
    per_doc = 0.5 if args.quick else 1.0
    timeout = 300 + per_doc * docs_in
    shard = 8 if args.quick else 32
    print(
        f"soak in {work}: {docs_in:,} documents ({', '.join(f'{g.name} {g.docs}' for g in groups)})",
        file=sys.stderr,
    )
    tallies = []
    ingest, db = step_ingest(corpus, hostile, generated, work, timeout)
    tallies.append(ingest)
    batch, first, crashed = step_batch(groups, work, timeout, shard)
    tallies += [
        batch,
        step_batch_killed(groups, work, timeout, shard, None if crashed else first),
        step_load(first, work, timeout),
        step_export(db, work, timeout),
    ]
    tallies.append(
        step_api(db, work, texts, generated, hostile, 1_050_000 if args.quick else 1_200_000)
    )
    figures = print_report(tallies, docs_in, time.monotonic() - began)
    if args.report:
        args.report.write_text(
            json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    bad = figures["totals"]
    return 1 if bad["crashed"] or bad["lost"] or bad["checks"] else 0


if __name__ == "__main__":
    sys.exit(main())
