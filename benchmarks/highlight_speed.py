"""CPU time of the article page's highlighting on a long article (issue #16, item 8).

Analyses a few real Detik articles, then joins copies of their texts (and of their marks,
shifted) into one article of about ``--chars`` characters, and times
``warta.web.highlight.highlight`` on it.

    python benchmarks/highlight_speed.py [--chars 990000] [--articles 20] [--repeat 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DETIK = REPO.parent / "shared" / "data" / "news" / "detik.jsonl"


def long_article(chars: int, articles: int) -> tuple[str, list]:
    import warta
    from warta.web.highlight import marks_for

    with DETIK.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(articles), fh)]
    analyses = [warta.analyze(r["text"], url=r.get("url")) for r in rows]
    parts, marks, size = [], [], 0
    while size < chars:
        for a in analyses:
            parts.append(a.article.text)
            marks += [
                dataclasses.replace(m, start=m.start + size, end=m.end + size) for m in marks_for(a)
            ]
            size += len(a.article.text) + 2
    return "\n\n".join(parts), marks


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--chars", type=int, default=990_000)
    ap.add_argument("--articles", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from warta.web.highlight import highlight

    text, marks = long_article(args.chars, args.articles)
    times = []
    for _ in range(args.repeat):
        t0 = time.process_time()
        html = highlight(text, marks)
        times.append(time.process_time() - t0)
    print(f"{len(text):,} characters, {len(marks):,} marks, {len(html):,} bytes of HTML")
    print(
        f"highlight CPU seconds per view: best {min(times):.3f}, worst {max(times):.3f} ({args.repeat} runs)"
    )


if __name__ == "__main__":
    main()
