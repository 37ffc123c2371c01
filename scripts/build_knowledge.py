"""Rebuild the knowledge-base tables in src/warta/knowledge/data/.

    python scripts/build_knowledge.py [--shared ../shared]

Inputs: pycountry (ISO 3166 codes and names, with its Indonesian gettext catalogue),
../shared/data/gazetteer/wilayah_centroids.csv (MIT), the cased Indonesian corpora in
../shared/data (only to learn which aliases are also common words), and the hand-written
fact tables in src/warta/knowledge/sources/. Every output row names its source.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "src" / "warta" / "knowledge"
SOURCES = PKG / "sources"
DATA = PKG / "data"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from knowledge.people import read_people
from knowledge.tables import read_table, split_list

CURATED = "warta-curated"
WILAYAH = "wilayah (MIT)"
PYCOUNTRY = "pycountry (ISO 3166, LGPL data)"

# CAMEO country codes differ from ISO alpha-3 for East Timor (the PETRARCH2 dictionary
# and GDELT code it TMP); every other ISO country keeps its alpha-3 code.
CAMEO_EXCEPTIONS = {"TLS": "TMP"}

# Short forms Indonesian news uses for provinces.
PROVINCE_SHORT = {
    "Aceh": ["Nanggroe Aceh Darussalam", "NAD"],
    "Sumatera Utara": ["Sumut", "Sumatra Utara"],
    "Sumatera Barat": ["Sumbar", "Sumatra Barat"],
    "Sumatera Selatan": ["Sumsel", "Sumatra Selatan"],
    "Kepulauan Bangka Belitung": ["Babel", "Bangka Belitung"],
    "Kepulauan Riau": ["Kepri"],
    "Daerah Khusus Ibukota Jakarta": [
        "DKI Jakarta",
        "DKI",
        "Jakarta",
        "Daerah Khusus Jakarta",
        "Ibu Kota Jakarta",
    ],
    "Jawa Barat": ["Jabar"],
    "Jawa Tengah": ["Jateng"],
    "Daerah Istimewa Yogyakarta": ["DIY", "DI Yogyakarta", "Yogyakarta"],
    "Jawa Timur": ["Jatim"],
    "Nusa Tenggara Barat": ["NTB"],
    "Nusa Tenggara Timur": ["NTT"],
    "Kalimantan Barat": ["Kalbar"],
    "Kalimantan Tengah": ["Kalteng"],
    "Kalimantan Selatan": ["Kalsel"],
    "Kalimantan Timur": ["Kaltim"],
    "Kalimantan Utara": ["Kaltara"],
    "Sulawesi Utara": ["Sulut"],
    "Sulawesi Tengah": ["Sulteng"],
    "Sulawesi Selatan": ["Sulsel"],
    "Sulawesi Tenggara": ["Sultra"],
    "Sulawesi Barat": ["Sulbar"],
    "Maluku Utara": ["Malut"],
}
# Short names of regencies and cities that are mostly something else in running text
# ("Metro TV", the Puncak hill resort near Bogor): kept for lookup only.
WILAYAH_NOMATCH = {"Metro", "Puncak"}
# Short forms of some cities and regencies.
KAB_SHORT = {
    "Kota Administrasi Jakarta Pusat": ["Jakpus"],
    "Kota Administrasi Jakarta Utara": ["Jakut"],
    "Kota Administrasi Jakarta Barat": ["Jakbar"],
    "Kota Administrasi Jakarta Selatan": ["Jaksel"],
    "Kota Administrasi Jakarta Timur": ["Jaktim"],
    "Kota Yogyakarta": ["Jogja", "Yogya", "Jogjakarta"],
    "Kota Surakarta": ["Solo"],
    "Kota Denpasar": [],
}


# -- common words: an alias that is also an ordinary lower-case word matches only as written


def common_words(shared: Path) -> set[str]:
    """Words seen in lower case at least twice in the cased Indonesian corpora."""
    counts: Counter[str] = Counter()
    data = shared / "data"
    for path in sorted((data / "ud").glob("*.conllu")):
        for line in path.open(encoding="utf-8"):
            if line and line[0].isdigit():
                cols = line.split("\t")
                if len(cols) > 2 and "-" not in cols[0]:
                    counts[cols[1]] += 1
    for name in ("nergrit_train.txt", "idner2k_train.txt"):
        for line in (data / "ner" / name).open(encoding="utf-8"):
            tok = line.split()[0] if line.strip() else ""
            if tok:
                counts[tok] += 1
    words = {w for w, n in counts.items() if n >= 2 and w.islower()}
    return words | {w.lower() for (w,) in read_table(SOURCES / "common_words.txt", 1)}


def is_exact(alias: str, vocab: set[str], kind: str) -> bool:
    """Case-sensitive alias? Acronyms, very short aliases, and single common words."""
    letters = [c for c in alias if c.isalpha()]
    if letters and not any(c.islower() for c in letters):
        return True  # AS, NATO, MK, DPR RI
    if len(alias) <= 3:
        return True  # Xi, Rio...
    if kind == "agent":
        return False  # agent words are common words by design
    # A single common word (Batu, Serang, Demokrat, Istana...) matches only as written.
    return " " not in alias and alias.lower() in vocab


def record(
    rec: dict, vocab: set[str], force_exact: set[str] = frozenset(), nomatch: set[str] = frozenset()
) -> dict:
    """Finish a record: dedupe aliases, decide which match as written ("exact") and which
    are for lookup only ("nomatch": written with a leading "~" in the sources)."""
    nomatch = set(nomatch)
    names = []
    for a in [rec["name"], *rec.get("aliases", [])]:
        if a.startswith("~"):
            a = a[1:].strip()
            nomatch.add(a)
        if a:
            names.append(a)
    rec["name"] = names[0]
    aliases = [a for a in dict.fromkeys(names[1:]) if a != rec["name"]]
    rec["aliases"] = aliases
    everything = [rec["name"], *aliases]
    rec["exact"] = [a for a in everything if a in force_exact or is_exact(a, vocab, rec["kind"])]
    rec["nomatch"] = [a for a in everything if a in nomatch]
    return {k: v for k, v in rec.items() if v not in (None, "", [], {})}


# -- tables -----------------------------------------------------------------------------


def build_countries(vocab: set[str]) -> tuple[list[dict], list[dict]]:
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"], fallback=True)
    rows = {r[0]: r for r in read_table(SOURCES / "countries.txt", 4)}
    out, fips = [], []
    for c in pycountry.countries:
        a3 = c.alpha_3
        if a3 not in rows:
            raise SystemExit(f"countries.txt lacks {a3} ({c.name})")
        _, name_id, others, fips_code = rows.pop(a3)
        english = [c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")]
        gettext_id = [tr.gettext(n) for n in english if n]
        gettext_id = [n for n in gettext_id if n not in english]
        aliases = split_list(others) + gettext_id + [n for n in english if n]
        out.append(
            record(
                {
                    "id": f"warta:country/{a3}",
                    "kind": "country",
                    "name": name_id,
                    "aliases": aliases,
                    "country": a3,
                    "cameo": CAMEO_EXCEPTIONS.get(a3, a3),
                    "source": f"{PYCOUNTRY}; {CURATED}",
                    "extra": {
                        "alpha2": c.alpha_2,
                        "alpha3": a3,
                        "numeric": c.numeric,
                        "name_en": c.name,
                        "fips": fips_code or None,
                        "name_id_pycountry": tr.gettext(c.name),
                    },
                },
                vocab,
            )
        )
        if fips_code:
            fips.append({"alpha3": a3, "fips": fips_code, "source": CURATED})
    if rows:
        raise SystemExit(f"countries.txt has codes pycountry does not know: {sorted(rows)}")
    return out, fips


def build_orgs(vocab: set[str], country_codes: set[str]) -> tuple[list[dict], list[dict]]:
    igos, orgs = [], []
    for kind, slug, name, others, country, cameo in read_table(SOURCES / "orgs.txt", 6):
        if kind not in ("igo", "org"):
            raise SystemExit(f"orgs.txt: bad kind {kind!r} for {slug}")
        if country and country not in country_codes:
            raise SystemExit(f"orgs.txt: unknown country {country} for {slug}")
        rec = record(
            {
                "id": f"warta:{kind}/{slug}",
                "kind": kind,
                "name": name,
                "aliases": split_list(others),
                "country": country or None,
                "cameo": cameo,
                "source": CURATED,
            },
            vocab,
        )
        (igos if kind == "igo" else orgs).append(rec)
    return igos, orgs


_KAB = re.compile(r"^(KAB\.?|KABUPATEN)\s+", re.IGNORECASE)
_KOTA = re.compile(r"^KOTA\s+(ADM\.?|ADMINISTRASI)?\s*", re.IGNORECASE)


def _titlecase(s: str) -> str:
    return " ".join(w if not w.isupper() or len(w) <= 1 else w.capitalize() for w in s.split())


def place_names(raw: str) -> tuple[str, list[str]]:
    """'KAB. BOGOR' -> ('Kabupaten Bogor', ['Kab. Bogor', 'Kab Bogor', 'Bogor'])."""
    name = raw.strip()
    if name.isupper():
        name = _titlecase(name)
    m = _KAB.match(name)
    if m:
        base = name[m.end() :]
        admin = "Administrasi " if base.startswith("Administrasi ") else ""
        base = base.removeprefix("Administrasi ")
        return f"Kabupaten {admin}{base}", [
            f"Kabupaten {base}",
            f"Kab. {base}",
            f"Kab {base}",
            base,
        ]
    m = _KOTA.match(name)
    if m:
        base = name[m.end() :]
        admin = "Administrasi " if m.group(1) else ""
        return f"Kota {admin}{base}", [f"Kota {base}", base]
    return name, [f"Provinsi {name}"]


def build_places(shared: Path, vocab: set[str], country_codes: set[str]) -> list[dict]:
    out = []
    path = shared / "data" / "gazetteer" / "wilayah_centroids.csv"
    provinces: dict[str, str] = {}
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for row in rows:
        if row["level"] == "prov":
            provinces[row["kode"]] = place_names(row["nama"])[0]
    for row in rows:
        name, aliases = place_names(row["nama"])
        prov = row["level"] == "prov"
        aliases += PROVINCE_SHORT.get(name, []) if prov else KAB_SHORT.get(name, [])
        extra = {
            "wilayah_code": row["kode"],
            "level": "province" if prov else ("city" if name.startswith("Kota ") else "regency"),
        }
        rec = {
            "id": f"warta:place/id-{row['kode']}",
            "kind": "place",
            "name": name,
            "aliases": aliases,
            "country": "IDN",
            "lat": round(float(row["lat"]), 4),
            "lon": round(float(row["lng"]), 4),
            "admin1": name if prov else provinces[row["kode"].split(".")[0]],
            "source": WILAYAH,
            "extra": extra,
        }
        if row["kode"] == "31":  # Jakarta stands for the Indonesian government abroad
            rec["cameo"] = "IDNGOV"
            extra["capital_of"] = "IDN"
        short = {a for a in aliases if " " not in a}  # "Bogor", "Buru": only as written
        out.append(record(rec, vocab, force_exact=short, nomatch=WILAYAH_NOMATCH & short))
    seen: set[str] = set()
    for name, others, country, lat, lon, kind in read_table(SOURCES / "world_places.txt", 6):
        if country and country not in country_codes:
            raise SystemExit(f"world_places.txt: unknown country {country} for {name}")
        slug = re.sub(r"[^a-z0-9]+", "-", name.lstrip("~").lower()).strip("-")
        if slug in seen:
            raise SystemExit(f"world_places.txt: duplicate {name}")
        seen.add(slug)
        rec = {
            "id": f"warta:place/{slug}",
            "kind": "place",
            "name": name,
            "aliases": split_list(others),
            "country": country or None,
            "lat": round(float(lat), 2),
            "lon": round(float(lon), 2),
            "source": CURATED,
            "extra": {"level": kind},
        }
        if kind == "capital":
            # A capital named as an actor stands for its government ("Moskow menolak ...").
            rec["cameo"] = CAMEO_EXCEPTIONS.get(country, country) + "GOV"
            rec["extra"]["capital_of"] = country
        out.append(record(rec, vocab))
    return out


def add_country_points(countries: list[dict], places: list[dict]) -> None:
    """Give each country a representative point: its capital's coordinates, else the seat
    listed in country_points.txt (territories without a capital entry)."""
    capitals = {
        p["extra"]["capital_of"]: (p["lat"], p["lon"])
        for p in places
        if p.get("extra", {}).get("capital_of") and "lat" in p
    }
    seats = {}
    for a3, lat, lon, _seat in read_table(SOURCES / "country_points.txt", 4):
        if a3 in capitals:
            raise SystemExit(f"country_points.txt: {a3} already has a capital entry")
        seats[a3] = (round(float(lat), 2), round(float(lon), 2))
    for c in countries:
        a3 = c["country"]
        point = capitals.get(a3) or seats.get(a3)
        if point is not None:
            c["lat"], c["lon"] = point
            c["extra"]["point"] = "capital" if a3 in capitals else "seat"


def build_agents() -> tuple[list[dict], list[dict]]:
    """Agent words (word -> sector) and office titles (title -> sector, '*' when the
    organisation decides), both from the one table ``agents.txt``."""
    out, titles, seen = [], [], set()
    for word, code, title, scope in read_table(SOURCES / "agents.txt", 4):
        if scope not in ("", "events"):
            raise SystemExit(f"agents.txt: {word}: scope must be empty or 'events', not {scope!r}")
        key = word.lower()
        if key in seen:
            raise SystemExit(f"agents.txt: duplicate {word}")
        seen.add(key)
        if title:
            titles.append({"word": word, "sector": title, "source": CURATED})
        if code == "-":
            continue
        exact = "1" if word.isupper() else "0"
        out.append(
            {
                "word": word,
                "code": code,
                "exact": exact,
                "events_only": "1" if scope == "events" else "0",
                "source": f"{CURATED} (codes: petrarch2:Phoenix.agents.txt)",
            }
        )
    return out, titles


def write_jsonl(out: Path, name: str, rows: list[dict]) -> None:
    with (out / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")


def write_tsv(out: Path, name: str, rows: list[dict], cols: list[str]) -> None:
    with (out / f"{name}.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(cols) + "\n")
        for row in rows:
            fh.write("\t".join(str(row[c]) for c in cols) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=DATA, help="output folder (default: the package)")
    args = ap.parse_args(argv)
    out = args.out
    t0 = time.perf_counter()
    if not (args.shared / "data").is_dir():
        raise SystemExit(f"shared data not found at {args.shared}")
    out.mkdir(parents=True, exist_ok=True)
    vocab = common_words(args.shared)
    countries, fips = build_countries(vocab)
    codes = {c["country"] for c in countries}
    igos, orgs = build_orgs(vocab, codes)
    places = build_places(args.shared, vocab, codes)
    add_country_points(countries, places)
    people = [record(p, vocab) for p in read_people(SOURCES, codes)]
    agents, titles = build_agents()
    write_jsonl(out, "countries", countries)
    write_jsonl(out, "igos", igos)
    write_jsonl(out, "orgs", orgs)
    write_jsonl(out, "places", places)
    write_jsonl(out, "people", people)
    write_tsv(out, "agents", agents, ["word", "code", "exact", "events_only", "source"])
    write_tsv(out, "titles", titles, ["word", "sector", "source"])
    write_tsv(out, "fips", fips, ["alpha3", "fips", "source"])
    counts = {
        "countries": len(countries),
        "igos": len(igos),
        "orgs": len(orgs),
        "places": len(places),
        "people": len(people),
        "roles": sum(len(p.get("roles", [])) for p in people),
        "agents": len(agents),
        "titles": len(titles),
        "fips": len(fips),
        "common_words": len(vocab),
    }
    print(json.dumps(counts), f"in {time.perf_counter() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
