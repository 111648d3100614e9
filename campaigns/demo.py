"""Demo of the campaigns app, read from `campaigns/demo_data/` (see docs/demo-data.md): the
agenda (the seeds' real events, with their dates and attendance, and upcoming ones computed from
today so it is never empty), one active scam alert, and the campaigns (Safer Internet Day,
Cybermois, day against school bullying) with their kits. Idempotent."""

import datetime
import io
from zoneinfo import ZoneInfo

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image, ImageColor, ImageDraw
from wagtail.images import get_image_model

from content.demo import french, get_home
from content.demo_data import data_dir, load_tree, read
from content.models import Organisation, Place
from content.places.hours import is_public_holiday

from .models import (
    CampaignIndexPage,
    CampaignPage,
    CampaignPartner,
    EventIndexPage,
    EventPage,
    Occurrence,
    ScamAlertIndexPage,
    ScamAlertPage,
    ShortLink,
)
from .models.calendar import seed_national_days

DATA = data_dir(__file__)
PARIS = ZoneInfo("Europe/Paris")
# Events come first: campaigns link to pages that must exist. This is also their menu order.
HOME_CHILDREN = ["agenda", "alertes-arnaques", "campagnes"]
CHANNELS = ["flyer", "affiche", "facebook", "newsletter", "magazine"]
PAGE_TYPES = {
    model.__name__: model
    for model in (
        CampaignIndexPage,
        CampaignPage,
        EventIndexPage,
        EventPage,
        ScamAlertIndexPage,
        ScamAlertPage,
    )
}
# Keys of the data files that are not model fields: `page_extras` turns them into field values.
EXTRA_KEYS = ("recurring", "expires_in_days", "short_link_prefix", "visual_colours")


def master_visual(title, colours):
    """A master visual drawn with Pillow (stripes and circles in the campaign's colours)."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    colours = [ImageColor.getrgb(colour) for colour in colours]
    image = Image.new("RGB", (1800, 1800), colours[0])
    draw = ImageDraw.Draw(image)
    for i, x in enumerate(range(-400, 2200, 260)):
        draw.ellipse(
            (x, 300 + (i % 3) * 250, x + 520, 820 + (i % 3) * 250), fill=colours[i % 2 + 1]
        )
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    slug = title.lower().replace(" ", "-")[:40]
    return image_model.objects.create(title=title, file=ImageFile(buffer, name=f"{slug}.png"))


def load_places():
    locale = french()
    places = {}
    for data in read(DATA / "lieux.yaml"):
        place, _created = Place.objects.get_or_create(
            nom=data["nom"], commune=data["commune"], locale=locale, defaults=data
        )
        places[place.nom] = place
    return places


def next_weekday(weekday, hour, weeks_ahead):
    today = timezone.localtime().date()
    days = (weekday - today.weekday()) % 7 or 7
    day = today + datetime.timedelta(days=days + 7 * weeks_ahead)
    return datetime.datetime(day.year, day.month, day.day, hour, 0, tzinfo=PARIS)


def is_closed(day):
    """The demo's structures close on public holidays and between Christmas and New Year."""
    christmas_break = (day.month, day.day) >= (12, 24) or (day.month, day.day) <= (1, 1)
    return christmas_break or is_public_holiday(day)


def upcoming(recurring):
    """`weeks` weekly dates from `first_week`, skipping the weeks the structures are closed."""
    starts = []
    week = recurring.get("first_week", 0)
    while len(starts) < recurring["weeks"]:
        start = next_weekday(recurring["weekday"], recurring["hour"], week)
        if not is_closed(start.date()):
            starts.append(start)
        week += 1
    return starts


def occurrences(starts, hours=2):
    return [Occurrence(start=s, end=s + datetime.timedelta(hours=hours)) for s in starts]


def ensure_future_occurrences(event, recurring):
    """Keep a recurring demo event in the future: add dates when all are past."""
    if event.occurrences.filter(end__gte=timezone.now()).exists():
        return
    hours = datetime.timedelta(hours=recurring.get("hours", 2))
    for start in upcoming(recurring):
        Occurrence.objects.create(event=event, start=start, end=start + hours)


def page_extras(page_type, data, places):
    """Field values for the data files' own keys (see EXTRA_KEYS)."""
    fields = {}
    if page_type == "EventPage":
        fields["place"] = places[data["place"]]
        if "recurring" in data:
            recurring = data["recurring"]
            fields["occurrences"] = occurrences(upcoming(recurring), recurring.get("hours", 2))
        else:
            starts = [start.replace(tzinfo=PARIS) for start in data["occurrences"]]
            fields["occurrences"] = occurrences(starts, data.get("hours", 2))
    elif page_type == "ScamAlertPage":
        days = datetime.timedelta(days=data["expires_in_days"])
        fields["expires_at"] = timezone.now() + days
    elif page_type == "CampaignPage":
        fields["partners"] = [
            CampaignPartner(organisation=o)
            for o in Organisation.objects.filter(slug__in=data["partners"])
        ]
        prefix = data["short_link_prefix"]
        fields["short_links"] = [ShortLink(channel=c, code=f"{prefix}-{c[:3]}") for c in CHANNELS]
        fields["kit_visual"] = master_visual(f"Visuel {data['title']}", data["visual_colours"])
    return fields


def load():
    home = get_home()
    places = load_places()
    existing = set(EventPage.objects.values_list("slug", flat=True))

    def on_page(page, data):
        if "recurring" in data:
            ensure_future_occurrences(page, data["recurring"])

    pages = load_tree(
        DATA / "pages",
        home,
        PAGE_TYPES,
        on_page=on_page,
        order=HOME_CHILDREN,
        extra_fields=lambda page_type, data: page_extras(page_type, data, places),
    )
    events = [p for p in pages if isinstance(p, EventPage)]
    new = sum(1 for p in events if p.slug not in existing)
    campaigns = sum(1 for p in pages if isinstance(p, CampaignPage))
    year = timezone.localdate().year
    seed_national_days(range(year - 1, year + 3))
    return f"agenda with {len(events)} events ({new} new); {campaigns} campagne(s), 1 alerte"
