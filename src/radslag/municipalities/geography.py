"""Server-rendered SVG maps of Sweden from the shipped boundaries.

Coordinates are projected once with an equal-area sinusoidal projection centred on 15° E
(the shape of Sweden is familiar in it), scaled to a fixed view box, rounded to whole units
and stripped of points that rounding made repeat, then cached as SVG path data.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from radslag.charts import Chart, LegendClass, choropleth, locator, palette

BOUNDARIES = Path(__file__).resolve().parent.parent / "data" / "boundaries"
MUNICIPALITY_FILE = BOUNDARIES / "swedish_municipalities.geojson"
COUNTY_FILE = BOUNDARIES / "swedish_regions.geojson"

VIEW_HEIGHT = 1000.0
CENTRAL_MERIDIAN = 15.0

Ring = Sequence[Sequence[float]]


class BoundaryError(Exception):
    """A boundary file is missing or malformed."""


@dataclass(frozen=True)
class Frame:
    min_x: float
    max_y: float
    scale: float
    width: float


def _project(lon: float, lat: float) -> tuple[float, float]:
    return (lon - CENTRAL_MERIDIAN) * math.cos(math.radians(lat)), lat


def _rings(geometry: Mapping[str, object]) -> Iterable[Ring]:
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        yield from coordinates  # type: ignore[misc]
    elif kind == "MultiPolygon":
        for polygon in coordinates:  # type: ignore[attr-defined]
            yield from polygon
    else:
        raise BoundaryError(f"unsupported geometry type {kind!r}")


def _load_features(path: Path, key: str) -> dict[str, list[Ring]]:
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
        features = collection["features"]
        result: dict[str, list[Ring]] = {}
        for feature in features:
            raw_key = feature["properties"][key]
            code = f"{raw_key:02d}" if isinstance(raw_key, int) else str(raw_key)
            result.setdefault(code, []).extend(_rings(feature["geometry"]))
    except FileNotFoundError:
        raise BoundaryError(f"{path}: file is missing") from None
    except (ValueError, KeyError, TypeError) as error:
        raise BoundaryError(f"{path}: malformed GeoJSON ({error!r})") from None
    return result


@lru_cache(maxsize=1)
def _frame() -> Frame:
    xs: list[float] = []
    ys: list[float] = []
    for rings in _load_features(MUNICIPALITY_FILE, "id").values():
        for ring in rings:
            for lon, lat in ring:
                x, y = _project(lon, lat)
                xs.append(x)
                ys.append(y)
    scale = VIEW_HEIGHT / (max(ys) - min(ys))
    return Frame(min(xs), max(ys), scale, (max(xs) - min(xs)) * scale)


def _path_data(rings: Iterable[Ring], frame: Frame) -> str:
    parts: list[str] = []
    for ring in rings:
        points: list[tuple[int, int]] = []
        for lon, lat in ring:
            x, y = _project(lon, lat)
            point = (round((x - frame.min_x) * frame.scale), round((frame.max_y - y) * frame.scale))
            if not points or point != points[-1]:
                points.append(point)
        if len(points) < 3:
            continue
        head, *tail = points
        parts.append(f"M{head[0]} {head[1]}" + "".join(f"L{x} {y}" for x, y in tail) + "Z")
    return "".join(parts)


@lru_cache(maxsize=1)
def municipality_paths() -> dict[str, str]:
    """SVG path data per municipality code."""
    frame = _frame()
    features = _load_features(MUNICIPALITY_FILE, "id")
    return {code: _path_data(rings, frame) for code, rings in features.items()}


@lru_cache(maxsize=1)
def county_paths() -> dict[str, str]:
    """SVG path data per two-digit county code."""
    frame = _frame()
    features = _load_features(COUNTY_FILE, "l_id")
    return {code: _path_data(rings, frame) for code, rings in features.items()}


def view_box() -> str:
    return f"0 0 {math.ceil(_frame().width)} {int(VIEW_HEIGHT)}"


def locator_map(code: str, label: str = "") -> SafeString:
    """A small map of Sweden's counties with one municipality highlighted."""
    paths = municipality_paths()
    if code not in paths:
        return mark_safe("")
    return locator(list(county_paths().values()), paths[code], view_box(), label, code)


def municipality_map(
    values: Mapping[str, float | None],
    names: Mapping[str, str],
    classes: Sequence[LegendClass],
    *,
    title: str,
    value_label: str,
    format_value: Callable[[float | None], str],
    counties: Mapping[str, str],
    no_data: str = palette.NO_DATA,
    no_data_label: str = "",
    empty: str = "",
) -> Chart:
    """Sweden's municipalities coloured by a figure, each linking to its page; the table
    lists the municipalities of ``values`` in their order, with their county."""
    return choropleth(
        municipality_paths(),
        view_box(),
        values=values,
        names=names,
        classes=classes,
        title=title,
        value_label=value_label,
        format_value=format_value,
        link_of=lambda code: reverse("municipalities:detail", args=[code]),
        group=(_("Län"), counties),
        no_data=no_data,
        no_data_label=no_data_label,
        empty=empty,
    )
