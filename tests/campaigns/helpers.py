import datetime
import io
import struct
import zlib

from PIL import Image
from wagtail.images import get_image_model

from campaigns.models import CampaignIndexPage, CampaignPage, ShortLink


def png_bytes(size=(40, 30), colour=(200, 30, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def png_claiming_size(width, height):
    """A tiny PNG whose header announces width × height (header-only hostile file)."""
    data = bytearray(png_bytes((1, 1)))
    ihdr = bytearray(data[16:29])
    ihdr[0:4] = struct.pack(">I", width)
    ihdr[4:8] = struct.pack(">I", height)
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + bytes(ihdr)))
    return bytes(data)


def make_image(content, name="visuel.png", width=40, height=30):
    from django.core.files.base import ContentFile

    """A Wagtail image whose stored file holds `content` (written after Wagtail's own checks,
    the way a file could be swapped in storage)."""
    image = get_image_model().objects.create(
        title=name, file=ContentFile(png_bytes((width, height)), name=name)
    )
    storage, path = image.file.storage, image.file.name
    storage.delete(path)
    storage.save(path, ContentFile(content))
    return image


def campaign_index():
    return CampaignIndexPage.objects.get(slug="campagnes")


def make_campaign(slug="campagne-test", publish=True, days=(-1, 5), **fields):
    today = datetime.date.today()
    defaults = {
        "title": "Campagne de test",
        "start_date": today + datetime.timedelta(days=days[0]),
        "end_date": today + datetime.timedelta(days=days[1]),
        "key_message": "Un message clé.",
        "cta_label": "Venez nous voir",
    }
    defaults.update(fields)
    links = defaults.pop("short_links", None)
    page = CampaignPage(slug=slug, **defaults)
    if links:
        page.short_links = [ShortLink(channel=c, code=code) for c, code in links]
    campaign_index().add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page
