"""The directory's optional map (docs/places.md « Map »): an enhancement drawn by a small
script beside the list, only when a tile server is set in settings. Without one there is no
map box, no script and no request to anyone but this site."""

from urllib.parse import urlsplit

from django.conf import settings

from . import communes


def tile_url():
    return getattr(settings, "PLACES_MAP_TILE_URL", "") or ""


def tile_origin(url):
    """scheme://host[:port] of an XYZ template, or "" when it is not an absolute http(s) URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def map_config():
    """What the template needs to offer the map, or None when no usable tile server is set."""
    url = tile_url()
    if not tile_origin(url) or not all(part in url for part in ("{z}", "{x}", "{y}")):
        return None
    return {"tiles": url, "attribution": getattr(settings, "PLACES_MAP_ATTRIBUTION", "")}


def mark_positions(places):
    """Each card's position for the script: its coordinates, else its commune's centre (then
    flagged approximate)."""
    for place in places:
        position = communes.place_position(place)
        place.map_position = (
            {
                "lat": f"{position[0]:.5f}",
                "lon": f"{position[1]:.5f}",
                "approx": place.latitude is None or place.longitude is None,
            }
            if position
            else None
        )
    return places


def allow_tiles(response):
    """Add the tile server's origin to this response's img-src, nothing else and nowhere else."""
    origin = tile_origin(tile_url())
    if origin and map_config():
        update = dict(getattr(response, "_csp_update", None) or {})
        update["img-src"] = [*update.get("img-src", []), origin]
        response._csp_update = update
    return response
