"""Build the dashboard's offline base map (``src/warta/web/static/world.json``).

Source: Natural Earth 1:110m admin-0 countries (public domain), as packaged in the
geopandas 0.14 wheel (``geopandas/datasets/naturalearth_lowres``). The script downloads
that wheel with pip (build time only), reads the shapefile with pyshp and writes one
simplified polygon list per country, coordinates rounded to 0.1 degree.

    python scripts/build_basemap.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import zipfile
from itertools import pairwise
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "warta" / "web" / "static" / "world.json"


def main() -> None:
    import shapefile  # pyshp, a build-time dependency only

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "geopandas==0.14.4",
                "--no-deps",
                "-d",
                tmp,
                "-q",
            ],
            check=True,
        )
        wheel = next(Path(tmp).glob("geopandas-*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            zf.extractall(tmp, [n for n in zf.namelist() if "naturalearth_lowres/" in n])
        reader = shapefile.Reader(
            str(Path(tmp) / "geopandas/datasets/naturalearth_lowres/naturalearth_lowres")
        )
        fields = [f[0] for f in reader.fields[1:]]
        countries = []
        for rec, shape in zip(reader.records(), reader.shapes()):
            attrs = dict(zip(fields, rec))
            parts = [*shape.parts, len(shape.points)]
            rings = []
            for a, b in pairwise(parts):
                ring, last = [], None
                for x, y in shape.points[a:b]:
                    pt = (round(x, 1), round(y, 1))
                    if pt != last:
                        ring.append(pt)
                        last = pt
                if len(ring) >= 4:
                    rings.append(ring)
            countries.append(
                {"iso3": attrs.get("iso_a3"), "name": attrs.get("name"), "rings": rings}
            )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {"source": "Natural Earth 1:110m admin-0 (public domain)", "countries": countries},
            separators=(",", ":"),
        ),
        encoding="utf-8",
    )
    print(f"{len(countries)} countries -> {OUT} ({OUT.stat().st_size // 1024} kB)")


if __name__ == "__main__":
    main()
