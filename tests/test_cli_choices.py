"""The CLI's choices, its package shape and its output streams."""

from __future__ import annotations

import json
import subprocess
import sys

from warta.cli.export import ExportFormat
from warta.export import FORMATS


def test_export_choices_are_the_export_formats():
    assert [f.value for f in ExportFormat] == list(FORMATS)


def test_the_entry_point_is_warta_cli_main():
    import tomllib

    from conftest import REPO
    from warta.cli import main

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["warta"] == "warta.cli:main"
    assert callable(main)


def test_text_that_cannot_be_encoded_is_printed_escaped_not_a_crash():
    # A lone surrogate (half of an emoji, cut by a truncating scraper) cannot be encoded
    # as UTF-8: printed as a summary line or as JSON, it comes out as \ud83d.
    script = (
        "from warta.cli import app, main\n"
        "from warta.cli.common import out, print_json\n"
        "def echo():\n"
        "    out.print('Heboh \\ud83d')\n"
        "    print_json({'title': 'Heboh \\ud83d'})\n"
        "app.command()(echo)\n"
        "main(['echo'])\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    first, rest = proc.stdout.decode("ascii").split("\n", 1)
    assert first == "Heboh \\ud83d"
    assert json.loads(rest) == {"title": "Heboh \ud83d"}
