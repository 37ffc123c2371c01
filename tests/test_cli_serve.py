"""``warta serve`` takes its ingest token from ``--token-file`` or ``WARTA_TOKEN`` (out of
the process list), and ``--token`` still works."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import typer

from warta.cli.serve import TOKEN_ENV, read_token
from warta.errors import WartaError

pytest.importorskip("uvicorn", reason="the web extra is not installed")


def test_token_comes_from_the_option_then_the_file_then_the_environment(tmp_path: Path):
    secret = tmp_path / "token"
    secret.write_text("dari-berkas\n", encoding="utf-8")
    env = {TOKEN_ENV: "dari-lingkungan"}
    assert read_token("dari-opsi", None, env) == "dari-opsi"
    assert read_token(None, secret, env) == "dari-berkas"
    assert read_token(None, None, env) == "dari-lingkungan"
    assert read_token(None, None, {}) is None
    assert read_token(None, None, {TOKEN_ENV: ""}) is None


def test_token_and_token_file_together_is_a_usage_error(tmp_path: Path):
    secret = tmp_path / "token"
    secret.write_text("abc\n", encoding="utf-8")
    with pytest.raises(typer.BadParameter, match="not both"):
        read_token("abc", secret, {})


@pytest.mark.parametrize(
    "content, says",
    [(b"", "empty"), (b" \n\n", "empty"), (b"satu dua\n", "one word"), (b"a\nb\n", "one word"),
     (b"\xff\xfe", "UTF-8"), (b"x" * 5000, "over"), ("rahasia\u00e9".encode(), "ASCII")],
    ids=["empty", "blank", "two words", "two lines", "not utf-8", "huge", "non-ascii"],
)  # fmt: skip
def test_a_bad_token_file_is_an_error_naming_the_file(tmp_path: Path, content: bytes, says: str):
    secret = tmp_path / "token"
    secret.write_bytes(content)
    with pytest.raises(WartaError, match=says) as caught:
        read_token(None, secret, {})
    assert caught.value.doc == str(secret)


def test_a_missing_token_file_is_an_error_naming_the_file(tmp_path: Path):
    with pytest.raises(WartaError, match="cannot read") as caught:
        read_token(None, tmp_path / "none", {})
    assert caught.value.doc == str(tmp_path / "none")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(url: str, token: str) -> int:
    body = json.dumps(
        {"text": "Presiden Joko Widodo meresmikan bendungan baru di Jawa Tengah pada Senin."}
    )
    req = urllib.request.Request(
        url, data=body.encode(), method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


@contextmanager
def _serving(args: list[str], env: dict[str, str] | None = None) -> Iterator[subprocess.Popen]:
    """``warta serve ARGS`` as a real process, yielded once it listens; stopped after."""
    port = args[args.index("--port") + 1]
    proc = subprocess.Popen([sys.executable, "-m", "warta.cli", "serve", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    try:
        for _ in range(600):  # wait for the server to listen (at most about a minute)
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            try:
                socket.create_connection(("127.0.0.1", int(port)), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        yield proc
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_reads_the_token_file(tmp_path: Path):
    secret = tmp_path / "token"
    secret.write_text("rahasia-berkas\n", encoding="utf-8")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != TOKEN_ENV}
    args = ["--db", str(tmp_path / "w.db"), "--port", str(port), "--token-file", str(secret)]
    with _serving(args, env) as proc:
        url = f"http://127.0.0.1:{port}/api/articles"
        assert _post(url, "salah") == 401
        assert _post(url, "rahasia-berkas") == 201
        assert "rahasia-berkas" not in " ".join(proc.args)


def _status_with_host(port: int, host_header: str) -> int:
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/articles", headers={"Host": host_header}
    )
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_serve_answers_allowed_host_names_only(tmp_path: Path):
    port = _free_port()
    args = [
        "--db",
        str(tmp_path / "w.db"),
        "--port",
        str(port),
        "--allow-host",
        "warta.kantor.test",
    ]
    with _serving(args):
        assert _status_with_host(port, f"warta.kantor.test:{port}") == 200
        assert _status_with_host(port, f"localhost:{port}") == 200
        assert _status_with_host(port, "penyerang.test") == 400
