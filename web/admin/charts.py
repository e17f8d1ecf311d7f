"""Server-rendered SVG charts: the funnel as labelled bars and Norway's counties as a greyscale map.

Both read without colour and on paper: bars are hatched and carry their numbers, map shades are greys in
at most five classes with round bounds, the figure printed in each county and a legend. The map is projected equirectangularly
with cos(latitude) scaling, which is close enough at Norway's size, and simplified once per process.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from itertools import pairwise
from typing import Any

from catalogue import DEFAULT_LANGUAGE
from catalogue import text
from catalogue.formats import format_number
from store.reference import COUNTIES_GEOJSON

Point = tuple[float, float]

FUNNEL_WIDTH = 420  # narrow on purpose: the chart scales to a phone's width and its text stays legible
ROW = 52
GREYS = ["#e6e6e6", "#c2c2c2", "#999999", "#6e6e6e", "#454545"]
ZERO = "#ffffff"  # nothing at all reads differently from "a few"


def _number(value: float) -> str:
    return f"{value:,.0f}".replace(",", "\u00a0")


def funnel_svg(
    stages: Sequence[tuple[str, str, int]], *, title: str, language: str = DEFAULT_LANGUAGE
) -> str:
    """One hatched bar per stage under its name, scaled to the largest, with the count and share of the first."""
    top = max((value for _, _, value in stages), default=0) or 1
    first = stages[0][2] if stages else 0
    bar_space = FUNNEL_WIDTH - 140  # room for "12 345 (100,0 %)" after the longest bar
    height = ROW * len(stages) + 4
    parts = [
        f'<svg class="chart" viewBox="0 0 {FUNNEL_WIDTH} {height}" role="img" aria-labelledby="funnel-title" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" fill="#1d2733">',
        f'<title id="funnel-title">{escape(title)}</title>',
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#e8eef2"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#1d2733" stroke-width="2"/></pattern></defs>',
    ]
    for index, (_, name, value) in enumerate(stages):
        y = index * ROW
        width = max(bar_space * value / top, 1.5 if value else 0)
        share = format_number(100 * value / first, language, 1) + " %" if first else "–"
        parts.append(f'<text x="0" y="{y + 16}" font-size="15">{escape(name)}</text>')
        parts.append(
            f'<rect x="0.5" y="{y + 22}" width="{width:.1f}" height="22" fill="url(#hatch)" stroke="#1d2733">'
            f"<title>{escape(name)}: {_number(value)}</title></rect>"
        )
        parts.append(
            f'<text x="{width + 8:.1f}" y="{y + 38}" font-size="15"><tspan font-weight="700">{_number(value)}</tspan>'
            f' <tspan fill="#4a5563">({share})</tspan></text>'
        )
    parts.append("</svg>")
    return "".join(parts)


# --- the county map ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CountyShape:
    number: str
    name: str
    path: str
    label_at: Point


@dataclass(frozen=True)
class MapGeometry:
    width: float
    height: float
    counties: tuple[CountyShape, ...]


def _simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Drops points closer than `tolerance` to the last kept one (enough for a 560 px map)."""
    kept = [points[0]]
    for point in points[1:-1]:
        if math.dist(point, kept[-1]) >= tolerance:
            kept.append(point)
    kept.append(points[-1])
    return kept


def _area(ring: Sequence[Point]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring))) / 2


def _centroid(ring: Sequence[Point]) -> Point:
    xs, ys = zip(*ring, strict=True)
    return (sum(xs) / len(xs), sum(ys) / len(ys))


@lru_cache(maxsize=1)
def map_geometry(width: float = 560.0) -> MapGeometry:
    """Projects, scales and simplifies the counties once; islands too small to see are left out."""
    data = json.loads(COUNTIES_GEOJSON.read_text(encoding="utf-8"))
    features = data["features"]
    lats = [lat for f in features for poly in _polygons(f) for ring in poly for _, lat in ring]
    lons = [lon for f in features for poly in _polygons(f) for ring in poly for lon, _ in ring]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    k = math.cos(math.radians((south + north) / 2))
    scale = width / ((east - west) * k)
    height = (north - south) * scale

    def project(lon: float, lat: float) -> Point:
        return ((lon - west) * k * scale, (north - lat) * scale)

    shapes = []
    for feature in features:
        rings: list[list[Point]] = []
        for poly in _polygons(feature):
            for ring in poly:
                projected = _simplify([project(lon, lat) for lon, lat in ring], tolerance=1.2)
                if len(projected) >= 4 and _area(projected) >= 4.0:
                    rings.append(projected)
        largest = max(rings, key=_area)
        path = " ".join("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in ring[:-1]) + "Z" for ring in rings)
        props = feature["properties"]
        shapes.append(CountyShape(props["fylkesnummer"], props["name"], path, _centroid(largest)))
    return MapGeometry(width, height, tuple(sorted(shapes, key=lambda s: s.number)))


def _polygons(feature: dict[str, Any]) -> list[Any]:
    geometry = feature["geometry"]
    return geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]


@dataclass(frozen=True)
class ShadeClass:
    """One class of the map: the counties whose figure lies in low..high (whole numbers) get `grey`."""

    low: int
    high: int
    grey: str

    @property
    def label(self) -> str:
        return _number(self.low) if self.low == self.high else f"{_number(self.low)}–{_number(self.high)}"


def _nice_step(raw: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, ... at least `raw`: class bounds people read at a glance."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if factor * magnitude >= raw:
                return factor * magnitude
        magnitude *= 10


def _classes(values: Sequence[float]) -> list[ShadeClass]:
    """At most five classes of equal, round width from 1 up to the largest figure, and no class that no
    figure could fall in: figures up to 3 give the classes 1, 2 and 3 (not "1–1, 2–2, ... 5–5"), 308 gives
    1–100, 101–200, 201–300, 301–308. With fewer classes than greys, the greys are spread from light to
    dark so the darkest always means the top class."""
    top = math.ceil(max(values, default=0))
    if top <= 0:
        return []
    step = _nice_step(top / len(GREYS))
    count = math.ceil(top / step)
    if count == 1:
        greys = [GREYS[-1]]
    else:
        greys = [GREYS[round(i * (len(GREYS) - 1) / (count - 1))] for i in range(count)]
    return [ShadeClass(low=i * step + 1, high=min((i + 1) * step, top), grey=greys[i]) for i in range(count)]


def _grey(value: float, classes: Sequence[ShadeClass]) -> str:
    if value <= 0 or not classes:
        return ZERO
    for shade in classes:
        if value <= shade.high:
            return shade.grey
    return classes[-1].grey


# Where the labels of small southern counties go instead (their shapes are too small to hold a number).
LABEL_NUDGE: Mapping[str, Point] = {"03": (-4, -12), "32": (18, 12), "31": (10, 8), "39": (-2, 10)}


def county_map_svg(
    values: Mapping[str, float], *, title: str, unit: str = "", language: str = DEFAULT_LANGUAGE
) -> str:
    """Counties shaded by `values` (county number -> figure) with the figure written on each county."""
    geometry = map_geometry()
    classes = _classes(list(values.values()))
    legend_height = 26 * (len(classes) + 1) + 40
    height = geometry.height + 10
    parts = [
        f'<svg class="map" viewBox="-5 -5 {geometry.width + 10:.0f} {height:.0f}" role="img" '
        f'aria-labelledby="map-title" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">',
        f'<title id="map-title">{escape(title)}</title>',
    ]
    for shape in geometry.counties:
        value = values.get(shape.number, 0)
        parts.append(
            f'<path d="{shape.path}" fill="{_grey(value, classes)}" stroke="#1d2733" stroke-width="0.7" '
            f'stroke-linejoin="round"><title>{escape(shape.name)}: {_number(value)}{escape(unit)}</title></path>'
        )
    for shape in geometry.counties:
        value = values.get(shape.number, 0)
        dx, dy = LABEL_NUDGE.get(shape.number, (0, 0))
        x, y = shape.label_at[0] + dx, shape.label_at[1] + dy
        parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-size="13" font-weight="700" '
            f'fill="#111" stroke="#fff" stroke-width="3" paint-order="stroke">{_number(value)}</text>'
        )
    # The legend sits bottom right, where Sweden would be, for print. On screen the map shrinks (beside the
    # county table, or on a phone) and the legend's text with it, so an HTML copy below the map (same classes,
    # readable size) replaces it there.
    lx, ly = geometry.width - 130, geometry.height - legend_height
    parts.append('<g class="map-legend-svg">')
    parts.append(
        f'<text x="{lx}" y="{ly + 14}" font-size="13" font-weight="700">{escape(unit.strip() or "Antall")}</text>'
    )
    y = ly + 24
    parts.append(
        f'<rect x="{lx}" y="{y}" width="22" height="18" fill="{ZERO}" stroke="#1d2733" stroke-width="0.7"/>'
    )
    parts.append(f'<text x="{lx + 30}" y="{y + 14}" font-size="12">0</text>')
    for index, shade in enumerate(classes, start=1):
        y = ly + 24 + index * 26
        parts.append(
            f'<rect x="{lx}" y="{y}" width="22" height="18" fill="{shade.grey}" stroke="#1d2733" '
            'stroke-width="0.7"/>'
        )
        parts.append(f'<text x="{lx + 30}" y="{y + 14}" font-size="12">{shade.label}</text>')
    parts.append("</g></svg>")
    parts.append(_html_legend(classes, unit, language))
    return "".join(parts)


def _swatch(colour: str) -> str:
    """A legend colour as an SVG fill: the pages' Content-Security-Policy allows no inline style attributes."""
    return f'<svg class="swatch" viewBox="0 0 1 1" aria-hidden="true"><rect width="1" height="1" fill="{colour}"/></svg>'


def _html_legend(classes: Sequence[ShadeClass], unit: str, language: str = DEFAULT_LANGUAGE) -> str:
    items = [f"<li>{_swatch(ZERO)}0</li>"]
    items += [f"<li>{_swatch(shade.grey)}{shade.label}</li>" for shade in classes]
    title = escape(unit.strip() or text("admin_map_count", language))
    legend = escape(text("admin_map_legend", language, title=title))
    return f'<ul class="map-legend" aria-label="{legend}"><li><b>{title}</b></li>{"".join(items)}</ul>'
