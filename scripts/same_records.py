"""Prove that a change keeps warta's records: analyse every article of the shared news
corpora, write one line per document (its name and the sha256 of its canonical JSON
record, or its error), and compare two such snapshots.

    python scripts/same_records.py snapshot before.tsv [--limit N]
    ... change the code ...
    python scripts/same_records.py snapshot after.tsv [--limit N]
    python scripts/same_records.py compare before.tsv after.tsv [--show 5]

``compare`` prints how many documents are identical, changed, only in one snapshot,
and for the first changed ones which top-level fields differ (the full records are
kept beside the snapshot as ``<snapshot>.jsonl.gz`` so a diff can be read). It exits 1
when anything differs, so it can gate a refactor.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

NEWS = (REPO.parent / "shared" / "data" / "news").resolve()  # the same origin from any checkout


def _canonical(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def snapshot(out: Path, limit: int | None, files: list[Path]) -> None:
    from warta.errors import WartaError
    from warta.pipeline import analyze_documents
    from warta.sources import iter_documents

    def docs():
        for path in files:
            for n, doc in enumerate(iter_documents([path])):
                if limit is not None and n >= limit:
                    break
                yield doc

    full = out.with_suffix(out.suffix + ".jsonl.gz")
    count = 0
    with out.open("w", encoding="utf-8") as fh, gzip.open(full, "wt", encoding="utf-8") as gz:
        for result in analyze_documents(docs()):
            count += 1
            if isinstance(result, WartaError):
                name = result.doc or f"#{count}"
                line = f"ERROR {type(result).__name__}: {result}"
                fh.write(f"{name}\t{hashlib.sha256(line.encode()).hexdigest()}\n")
                gz.write(json.dumps({"name": name, "error": line}, ensure_ascii=False) + "\n")
                continue
            text = _canonical(result.to_dict())
            name = result.article.name if hasattr(result.article, "name") else None
            name = name or result.article.url or f"#{count}"
            fh.write(f"{name}\t{hashlib.sha256(text.encode('utf-8')).hexdigest()}\n")
            gz.write(
                json.dumps({"name": name, "record": json.loads(text)}, ensure_ascii=False) + "\n"
            )
            if count % 500 == 0:
                print(f"{count} documents", file=sys.stderr)
    print(f"{count} documents -> {out}")


def _read(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, digest = line.rsplit("\t", 1)
        key, i = name, 1
        while key in out:  # repeated articles (Detik repeats some URLs)
            i += 1
            key = f"{name}#{i}"
        out[key] = digest
    return out


def _records(path: Path) -> dict[str, dict]:
    full = path.with_suffix(path.suffix + ".jsonl.gz")
    out: dict[str, dict] = {}
    with gzip.open(full, "rt", encoding="utf-8") as gz:
        for line in gz:
            row = json.loads(line)
            key, i = row["name"], 1
            while key in out:
                i += 1
                key = f"{row['name']}#{i}"
            out[key] = row.get("record") or {"error": row.get("error")}
    return out


def compare(before: Path, after: Path, show: int, subset: bool = False) -> int:
    a, b = _read(before), _read(after)
    if subset:  # ``after`` covers part of the corpus (--limit): compare that part only
        a = {k: v for k, v in a.items() if k in b}
    same = [k for k in a if k in b and a[k] == b[k]]
    changed = [k for k in a if k in b and a[k] != b[k]]
    only_a = [k for k in a if k not in b]
    only_b = [k for k in b if k not in a]
    print(
        f"identical {len(same)}, changed {len(changed)}, "
        f"only before {len(only_a)}, only after {len(only_b)}"
    )
    if changed and show:
        ra, rb = _records(before), _records(after)
        fields: dict[str, int] = {}
        for k in changed:
            for f in sorted(set(ra[k]) | set(rb[k])):
                if ra[k].get(f) != rb[k].get(f):
                    fields[f] = fields.get(f, 0) + 1
        print("fields that differ (documents):", fields)
        for k in changed[:show]:
            diff = [f for f in sorted(set(ra[k]) | set(rb[k])) if ra[k].get(f) != rb[k].get(f)]
            print(f"  {k}: {', '.join(diff)}")
    return 0 if not (changed or only_a or only_b) else 1


def main() -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot")
    s.add_argument("out", type=Path)
    s.add_argument("--limit", type=int, default=None, help="articles per corpus file")
    s.add_argument("files", nargs="*", type=Path, help="default: every file of ../shared/data/news")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--show", type=int, default=5)
    c.add_argument(
        "--subset",
        action="store_true",
        help="the second snapshot covers part of the corpus: compare only that part",
    )
    args = p.parse_args()
    if args.cmd == "snapshot":
        files = args.files or sorted(NEWS.glob("*.jsonl"))
        snapshot(args.out, args.limit, files)
        return 0
    return compare(args.before, args.after, args.show, args.subset)


if __name__ == "__main__":
    sys.exit(main())
