"""The dashboard in a real headless Chromium (Playwright) against `warta serve` on loopback.

Needs Chromium (Debian's `chromium` package, which `.ci/run` installs) and the
`playwright` Python package; without them the tests are skipped with that reason.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time

import pytest

from helpers import make_analysis
from warta.store import open_store

CHROMIUM = (
    os.environ.get("WARTA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on this machine (apt install chromium)"
)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "w.db"
    with open_store(db) as store:
        for n in range(6):
            a = make_analysis(n, url=f"https://contoh{n % 2}.id/{n}")
            a.events[0].date = f"2024-03-0{1 + n % 3}"
            if n % 2:
                (
                    a.events[0].cameo,
                    a.events[0].root,
                    a.events[0].quad_class,
                    a.events[0].goldstein,
                ) = "112", "11", 3, -2.0
            store.put(a)
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "warta.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        raise RuntimeError(proc.stdout.read().decode())
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        pg = browser.new_page()
        pg.csp_violations = []
        pg.on(
            "console",
            lambda msg: (
                "Content Security Policy" in msg.text and pg.csp_violations.append(msg.text)
            ),
        )
        yield pg
        browser.close()


def test_search_and_facets(page, server):
    page.goto(server + "/")
    page.fill("#q", "bertemu")
    page.click("form.search button")
    page.wait_for_selector("article.hit")
    assert page.inner_text("#total") == "6"
    page.click(".facet-theme a")
    assert "theme: DIPLOMACY" in page.inner_text(".summary")


def test_article_highlights(page, server):
    page.goto(server + "/?q=bertemu")
    page.click("article.hit h2 a")
    page.wait_for_selector("#body")
    # A mention may be cut into pieces where other marks (here a date) begin or end.
    pieces = page.locator('#body mark.ent-PER[data-ref="e1"]')
    assert "".join(pieces.all_inner_texts()) == "Menteri A"
    assert "IDNGOV" in pieces.first.get_attribute("title")
    assert page.locator("#body mark.quote").first.inner_text().strip() == "kerja sama baik"
    assert page.locator("#body mark.event").count() >= 1


def test_entity_page(page, server):
    page.goto(server + "/entity/warta:a")
    assert page.inner_text("h1") == "Menteri A"
    assert page.locator("svg.timeline rect.bar").count() == 6  # six publication days
    assert page.locator("table.as-source tr").count() == 6


def test_event_timeline_and_evidence_link(page, server):
    page.goto(server + "/events?source=IDN")
    assert page.inner_text("#total") == "6"
    bars = page.locator("svg.goldstein rect.bar")
    assert bars.count() == 3
    page.select_option("select[name=quad]", "3")
    page.click("form.search button")
    assert page.inner_text("#total") == "3"
    page.click("a.evidence >> nth=0")
    page.wait_for_selector("#body")
    assert "/article/" in page.url


def test_network_and_map(page, server):
    page.goto(server + "/network")
    assert page.locator("svg.network circle.node").count() == 2
    assert page.locator("svg.network line.edge").count() == 1
    page.goto(server + "/map")
    assert page.locator("svg.map g.land path").count() > 150
    assert page.locator("svg.map circle.place").count() == 1


def test_the_api_reference_renders_offline(page, server):
    response = page.goto(server + "/docs")
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    assert page.locator("section.operation").count() == 11
    assert "POST /api/analyze" in page.inner_text("body")


def test_a_local_page_cannot_be_framed_by_another_page(page, server):
    # Clickjacking: the browser itself must refuse to show the dashboard in a frame.
    with page.expect_console_message(lambda m: "frame-ancestors" in m.text):
        page.set_content(f'<iframe id="f" src="{server}/"></iframe>')
    assert page.frame_locator("#f").locator("header").count() == 0
    page.csp_violations.clear()  # that one was provoked on purpose


def test_no_page_breaks_the_content_security_policy(page, server):
    # Runs last in this module: every page visited above has been checked by then.
    for path in ("/", "/events", "/network", "/map", "/docs"):
        page.goto(server + path)
    assert page.csp_violations == []
