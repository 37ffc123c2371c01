"""Screenshots of the dashboard for docs/ (search, article, entity, events, network, map).

    python scripts/screenshots.py --db STORE [--out docs/screenshots]

Starts `warta serve` on a free loopback port and drives the system Chromium with
Playwright; needs the dev extra and Debian's chromium. News texts are the publishers'
copyright, so every page except the article view (which shows warta's own bundled
sample, ingested into the store first) is shot with headlines, leads and evidence
sentences blurred: the pictures show the dashboard, not the news.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

BLUR = (
    ".lead, .hit h2, a.evidence, .quotes li, table.events td:nth-child(2) small, table.events small,"
    " .as-source td:last-child, .as-target td:last-child, aside ul li a { filter: blur(4px); }"
)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    ap.add_argument(
        "--entity",
        default=None,
        help="entity key for the entity page (default: the most mentioned person)",
    )
    args = ap.parse_args()
    from importlib import resources

    from playwright.sync_api import sync_playwright

    from warta.ingest import ingest_paths
    from warta.store import open_store

    sample = str(resources.files("warta.samples").joinpath("contoh-artikel.txt"))
    with open_store(args.db) as store:
        report = ingest_paths(store, [sample], progress=False)
        article = report.last.article.id
        entity = args.entity or store.entities(type="PER", limit=1)["items"][0]["key"]
        top = store.network(limit=1)["edges"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "warta.cli", "serve", "--db", args.db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    pages = {
        "search": "/?q=presiden",
        "article": f"/article/{article}",
        "entity": f"/entity/{entity}",
        "events": f"/events?source={top[0]['source'][:3]}" if top else "/events",
        "network": "/network",
        "map": "/map",
    }
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=shutil.which("chromium"),
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, path in pages.items():
                page.goto(base + path)
                if name != "article":
                    page.add_style_tag(content=BLUR)
                page.screenshot(path=str(args.out / f"{name}.png"), full_page=False)
                print(f"{name}: {path} -> {args.out / (name + '.png')}")
            browser.close()
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
