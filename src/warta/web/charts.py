"""Small SVG charts drawn on the server: the dashboard needs no JavaScript library."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from html import escape
from pathlib import Path

__all__ = ["bar_chart", "map_svg", "network_svg"]

QUAD_COLOURS = {1: "#2b8a3e", 2: "#74b816", 3: "#f08c00", 4: "#c92a2a"}


def bar_chart(
    rows: list[dict],
    *,
    x: str,
    y: str,
    width: int = 720,
    height: int = 180,
    signed: bool = False,
    css: str = "chart",
) -> str:
    """A bar per row; with ``signed`` bars go up and down from a zero line (Goldstein)."""
    if not rows:
        return f'<svg class="{css} empty" width="{width}" height="40"><text x="4" y="24">no data</text></svg>'
    vals = [float(r.get(y) or 0) for r in rows]
    top = max(max(vals), 0.0)
    bottom = min(min(vals), 0.0) if signed else 0.0
    span = (top - bottom) or 1.0
    pad = 24
    bw = max(1.0, (width - pad) / len(rows))
    zero = pad / 2 + (top / span) * (height - pad)
    bars = []
    for i, (row, v) in enumerate(zip(rows, vals)):
        h = abs(v) / span * (height - pad)
        yy = zero - h if v >= 0 else zero
        colour = "#1c7ed6" if not signed else ("#2b8a3e" if v >= 0 else "#c92a2a")
        bars.append(
            f'<rect class="bar" x="{pad + i * bw:.1f}" y="{yy:.1f}" width="{max(bw - 1, 0.8):.1f}" height="{max(h, 0.5):.1f}"'
            f' fill="{colour}"><title>{escape(str(row.get(x)))}: {v:g}</title></rect>'
        )
    first, last = escape(str(rows[0].get(x))), escape(str(rows[-1].get(x)))
    return (
        f'<svg class="{css}" viewBox="0 0 {width} {height + 16}" width="100%" role="img">'
        f'<line x1="{pad}" x2="{width}" y1="{zero:.1f}" y2="{zero:.1f}" stroke="#888"/>{"".join(bars)}'
        f'<text x="{pad}" y="{height + 12}" font-size="11">{first}</text>'
        f'<text x="{width}" y="{height + 12}" font-size="11" text-anchor="end">{last}</text>'
        f'<text x="0" y="12" font-size="11">{top:g}</text></svg>'
    )


def network_svg(graph: dict, *, size: int = 640, iterations: int = 200) -> str:
    """Actors as nodes, events as edges coloured by cooperation (green) vs conflict (red).

    Fruchterman-Reingold layout with a fixed start (nodes on a circle by weight), so the
    same data always draws the same picture.
    """
    nodes = graph["nodes"][:80]
    ids = {n["id"] for n in nodes}
    edges = [e for e in graph["edges"] if e["source"] in ids and e["target"] in ids]
    if not nodes:
        return '<svg class="network empty" width="300" height="40"><text x="4" y="24">no events yet</text></svg>'
    n = len(nodes)
    pos = {
        nd["id"]: [math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)]
        for i, nd in enumerate(nodes)
    }
    k = math.sqrt(4.0 / n)
    temp = 0.2
    for _ in range(iterations):
        disp = {v: [0.0, 0.0] for v in pos}
        keys = list(pos)
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                d = math.hypot(dx, dy) or 1e-4
                f = k * k / d
                disp[a][0] += dx / d * f
                disp[a][1] += dy / d * f
                disp[b][0] -= dx / d * f
                disp[b][1] -= dy / d * f
        for e in edges:
            a, b = e["source"], e["target"]
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = math.hypot(dx, dy) or 1e-4
            f = d * d / k
            disp[a][0] -= dx / d * f
            disp[a][1] -= dy / d * f
            disp[b][0] += dx / d * f
            disp[b][1] += dy / d * f
        for v, (dx, dy) in disp.items():
            # gravity keeps unconnected groups on the canvas instead of drifting apart
            dx -= 0.1 * k * pos[v][0] * n
            dy -= 0.1 * k * pos[v][1] * n
            d = math.hypot(dx, dy) or 1e-4
            pos[v][0] = min(1.0, max(-1.0, pos[v][0] + dx / d * min(d, temp)))
            pos[v][1] = min(1.0, max(-1.0, pos[v][1] + dy / d * min(d, temp)))
        temp *= 0.98
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    minx, maxx, miny, maxy = min(xs), max(xs), min(ys), max(ys)
    margin = 40

    def sx(v: float) -> float:
        return margin + (v - minx) / ((maxx - minx) or 1) * (size - 2 * margin)

    def sy(v: float) -> float:
        return margin + (v - miny) / ((maxy - miny) or 1) * (size - 2 * margin)

    maxw = max(e["events"] for e in edges) if edges else 1
    parts = []
    for e in edges:
        a, b = pos[e["source"]], pos[e["target"]]
        colour = "#2b8a3e" if e["cooperation"] >= e["conflict"] else "#c92a2a"
        parts.append(
            f'<line class="edge" x1="{sx(a[0]):.1f}" y1="{sy(a[1]):.1f}" x2="{sx(b[0]):.1f}" y2="{sy(b[1]):.1f}"'
            f' stroke="{colour}" stroke-opacity="0.6" stroke-width="{1 + 5 * e["events"] / maxw:.1f}">'
            f"<title>{escape(e['source'])} → {escape(e['target'])}: {e['events']} events, Goldstein {e['goldstein']:.1f}</title></line>"
        )
    maxn = max(nd["events"] for nd in nodes)
    for nd in nodes:
        p = pos[nd["id"]]
        r = 4 + 10 * math.sqrt(nd["events"] / maxn)
        parts.append(
            f'<a href="/events?actor={escape(nd["id"])}"><circle class="node" cx="{sx(p[0]):.1f}" cy="{sy(p[1]):.1f}" r="{r:.1f}"'
            f' fill="#364fc7" data-id="{escape(nd["id"])}"><title>{escape(nd["id"])}: {nd["events"]} events</title></circle>'
            f'<text x="{sx(p[0]) + r + 2:.1f}" y="{sy(p[1]) + 4:.1f}" font-size="11">{escape(nd["id"])}</text></a>'
        )
    return f'<svg class="network" viewBox="0 0 {size} {size}" width="100%" role="img">{"".join(parts)}</svg>'


@lru_cache(maxsize=1)
def _world_paths() -> str:
    data = json.loads((Path(__file__).parent / "static" / "world.json").read_text(encoding="utf-8"))
    paths = []
    for c in data["countries"]:
        d = "".join(
            "M" + "L".join(f"{x + 180:.1f},{90 - y:.1f}" for x, y in ring) + "Z"
            for ring in c["rings"]
        )
        paths.append(f'<path d="{d}"><title>{escape(c["name"] or "")}</title></path>')
    return "".join(paths)


def map_svg(points: dict) -> str:
    """Equirectangular world map (Natural Earth outlines) with places and events."""
    dots = []
    for p in points.get("places", []):
        r = 1.2 + math.log1p(p["mentions"])
        dots.append(
            f'<circle class="place" cx="{p["lon"] + 180:.2f}" cy="{90 - p["lat"]:.2f}" r="{r * 0.4:.2f}">'
            f"<title>{escape(p['name'])}: {p['mentions']} mentions in {p['articles']} articles</title></circle>"
        )
    for p in points.get("events", []):
        colour = "#2b8a3e" if (p["goldstein"] or 0) >= 0 else "#c92a2a"
        dots.append(
            f'<circle class="event-point" cx="{p["lon"] + 180:.2f}" cy="{90 - p["lat"]:.2f}" r="{0.6 + 0.5 * math.log1p(p["events"]):.2f}"'
            f' fill="{colour}"><title>{escape(p["name"] or "")}: {p["events"]} events</title></circle>'
        )
    return (
        f'<svg class="map" viewBox="0 0 360 180" width="100%" role="img"><rect width="360" height="180" fill="#e7f5ff"/>'
        f'<g class="land" fill="#dee2e6" stroke="#adb5bd" stroke-width="0.15">{_world_paths()}</g>{"".join(dots)}</svg>'
    )
