"""The communes of the territory (CAB, CCT2C, CCDS) with their official INSEE codes and an
approximate centre, from data/communes.json: the directory's « près de » sort."""

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data" / "communes.json"
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Commune:
    code_insee: str
    nom: str
    codes_postaux: tuple
    intercommunalite: str
    latitude: float
    longitude: float


@functools.cache
def load():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    communes = [
        Commune(
            code_insee=row["code_insee"],
            nom=row["nom"],
            codes_postaux=tuple(row["codes_postaux"]),
            intercommunalite=row["intercommunalite"],
            latitude=row["latitude"],
            longitude=row["longitude"],
        )
        for row in data["communes"]
    ]
    return sorted(communes, key=lambda c: c.nom), data["intercommunalites"]


def communes():
    return load()[0]


@functools.cache
def by_code():
    return {c.code_insee: c for c in communes()}


def get(code):
    return by_code().get(code or "")


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance (haversine): enough at the scale of a territory."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def place_position(place):
    """The place's own coordinates, else its commune's centre, else None."""
    if place.latitude is not None and place.longitude is not None:
        return float(place.latitude), float(place.longitude)
    commune = get(place.code_insee)
    if commune:
        return commune.latitude, commune.longitude
    return None
