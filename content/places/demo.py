"""Demo directory: the page and the places of data/demo_places.json (the places the planning
documents name). The places go through the same import as an editor's file, so the demo is also
a check of the importer; fields the standard lacks come from each record's "local" part."""

import json
from pathlib import Path

from content.models import Organisation, Place, PlaceDirectoryPage

from .importer import import_records

DATA = Path(__file__).parent / "data" / "demo_places.json"


def adopt_existing(records, locale):
    """Places created before the directory (events' venues) get the demo's identifier, so the
    import updates them instead of adding a twin."""
    for _line, record in records:
        if Place.objects.filter(locale=locale, identifiant=record["id"]).exists():
            continue
        twin = Place.objects.filter(locale=locale, nom=record["nom"], commune=record["commune"])
        twin.update(identifiant=record["id"])


def load(home):
    from content.demo import french, get_or_create_page

    data = json.loads(DATA.read_text(encoding="utf-8"))
    spec = data["directory"]
    directory = get_or_create_page(
        home,
        PlaceDirectoryPage,
        spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        intro=spec["intro"],
        show_in_menus=True,
    )
    locale = french()
    records, local = [], {}
    for index, item in enumerate(data["lieux"], start=1):
        item = dict(item)
        local[item["id"]] = item.pop("local", {})
        records.append((index, item))
    adopt_existing(records, locale)
    report = import_records(records, locale)
    if not report.ok:
        raise ValueError("\n".join(report.lines()))
    organisations = {o.slug: o for o in Organisation.objects.filter(locale=locale)}
    for identifier, extra in local.items():
        place = Place.objects.get(locale=locale, identifiant=identifier)
        changed = False
        for name, value in extra.items():
            if name == "organisation":
                value = organisations.get(value)
                name = "organisation"
            elif "|" in str(value):
                value = value.replace("|", ";")
            if getattr(place, name) != value:
                setattr(place, name, value)
                changed = True
        if changed:
            place.save(keep_date_maj=True)
    add_home_entry(home, directory, spec["entry"])
    return f"{Place.objects.filter(locale=locale).count()} lieux"


def add_home_entry(home, directory, entry):
    """The home page's card that leads to the directory, added once."""
    if any(block.value["page"].pk == directory.pk for block in home.entry_points):
        return
    entries = [(block.block_type, block.value) for block in home.entry_points]
    entries.append(("entry", {**entry, "page": directory}))
    home.entry_points = entries
    home.save_revision().publish()
