"""Build warta's CAMEO/PLOVER tables and the expanded Indonesian verb dictionary.

Inputs (facts, read from the shared data folder):
  ../shared/data/events/CAMEO.eventcodes.txt      code names (GDELT)
  ../shared/data/events/CAMEO.goldsteinscale.txt  Goldstein scores (GDELT)
  ../shared/data/events/CAMEO2PLOVER-2021.txt     CAMEO -> PLOVER type, mode, context
  src/warta/knowledge/cameo/verbs_id.txt          the hand-written Indonesian dictionary
Outputs (shipped in the package):
  src/warta/knowledge/cameo/codes.tsv             code, name, goldstein, quad_class, plover...
  src/warta/knowledge/cameo/patterns.json         every dictionary entry, forms expanded

Run:  python scripts/build_cameo_tables.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.analysis.event_morph import di, men

OUT = ROOT / "src" / "warta" / "knowledge" / "cameo"
_TOKEN = re.compile(r"@?\{[^}]*\}|\S+")


def quad_class(code: str) -> int:
    """GDELT's QuadClass by root: 01-05 verbal cooperation, 06-08 material cooperation,
    09-13 verbal conflict, 14-20 material conflict."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def read_codes(events: Path) -> list[dict]:
    names: dict[str, str] = {}
    with open(events / "CAMEO.eventcodes.txt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            if line.strip():
                code, name = line.rstrip("\n").split("\t", 1)
                names[code.strip()] = name.strip()
    gold: dict[str, float] = {}
    with open(events / "CAMEO.goldsteinscale.txt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            if line.strip():
                code, score = line.split("\t")
                gold[code.strip()] = float(score)
    plover: dict[str, tuple[str, str, str]] = {}
    with open(events / "CAMEO2PLOVER-2021.txt", encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
            if not m:
                continue
            parts = [p.strip() for p in m.group(2).split(",")]
            if not parts or not parts[0]:
                continue
            parts += ["", ""]
            plover[m.group(1)] = (parts[0], parts[1], ",".join(p for p in parts[2:] if p))
    rows = []
    for code, name in names.items():
        # A code without its own PLOVER line inherits its parent's (e.g. 1056 -> 105).
        p = None
        for k in (code, code[:3], code[:2]):
            if k in plover:
                p = plover[k]
                break
        rows.append({
            "code": code,
            "name": name,
            "goldstein": gold.get(code, gold.get(code[:3], 0.0)),
            "quad_class": quad_class(code),
            "plover": p[0] if p else "",
            "plover_mode": p[1] if p else "",
            "plover_context": p[2] if p else "",
        })
    return rows


def _expand_slot(tok: str) -> list[tuple[list[str], str | None]]:
    """One pattern token -> list of (alternative surface words, voice) variants."""
    if tok.startswith(("{", "@{")):
        active_only = tok.startswith("@")
        body = tok.strip("@{}")
        root, _, sfx = body.partition("+")
        suffixes = sfx.split(",") if sfx else [""]
        act = sorted({men(root, s) for s in suffixes})
        out = [(act, "active")]
        if not active_only:
            out.append((sorted({di(root, s) for s in suffixes}), "passive"))
        return out
    if tok in ("*", "**"):
        return [(["*4" if tok == "*" else "*8"], None)]
    alts = [a for a in tok.split("|")]
    return [(alts, None)]


def read_dictionary(path: Path) -> tuple[list[dict], int]:
    entries: list[dict] = []
    seen: dict[str, int] = {}
    surface = 0
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        head, _, opts_text = line.partition(";")
        code, _, pattern = head.strip().partition(" ")
        code = code.strip()
        opts: dict[str, object] = {}
        for opt in opts_text.split():
            key, _, val = opt.partition("=")
            opts[key] = val.split(",") if val else True
        tokens = _TOKEN.findall(pattern.strip())
        if not tokens:
            raise SystemExit(f"{path}:{lineno}: empty pattern")
        slug = "_".join(t.strip("@{}").replace(" ", "").replace("+", "").split("|")[0]
                        for t in tokens if t not in ("*", "**"))
        eid = f"{code}.{slug}"
        seen[eid] = seen.get(eid, 0) + 1
        if seen[eid] > 1:
            eid += f".{seen[eid]}"
        variants = []
        for combo in itertools.product(*(_expand_slot(t) for t in tokens)):
            seq = [alts for alts, _ in combo]
            voices = [v for _, v in combo if v]
            variants.append({"seq": seq, "voice": voices[0] if voices else None})
            n = 1
            for alts in seq:
                if alts[0] not in ("*4", "*8"):
                    n *= len([a for a in alts if a != "-"]) or 1
            surface += n
        fixed = sum(1 for t in tokens if t not in ("*", "**"))
        entries.append({"id": eid, "code": code, "pattern": pattern.strip(), "opts": opts,
                        "fixed": fixed, "variants": variants, "line": lineno})
    return entries, surface


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    rows = read_codes(args.shared / "data" / "events")
    known = {r["code"] for r in rows}
    with open(OUT / "codes.tsv", "w", encoding="utf-8", newline="") as fh:
        fh.write("# Generated by scripts/build_cameo_tables.py from GDELT's CAMEO.eventcodes.txt,\n"
                 "# CAMEO.goldsteinscale.txt and PLOVER's CAMEO2PLOVER-2021.txt. Do not edit.\n")
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    entries, surface = read_dictionary(OUT / "verbs_id.txt")
    bad = sorted({e["code"] for e in entries} - known)
    if bad:
        raise SystemExit(f"dictionary codes not on GDELT's list: {bad}")
    roots = sorted({e["code"][:2] for e in entries})
    meta = {"source": "src/warta/knowledge/cameo/verbs_id.txt",
            "generated_by": "scripts/build_cameo_tables.py",
            "entries": len(entries), "surface_patterns": surface,
            "variants": sum(len(e["variants"]) for e in entries), "roots": roots}
    with open(OUT / "patterns.json", "w", encoding="utf-8") as fh:
        json.dump({"meta": meta, "entries": entries}, fh, ensure_ascii=False, indent=0)
    print(json.dumps(meta))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
