"""Each channel's files carry that channel's code, links print on one line, and generated short
codes are lower case, unambiguous and unique by construction."""

import io

import pytest
import zxingcpp
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.test import override_settings
from PIL import Image, ImageChops
from pypdf import PdfReader

from campaigns import kit
from campaigns.kit import images as kit_images
from campaigns.models import CampaignPage, ShortLink
from campaigns.models.shortlinks import CODE_ALPHABET, code_for, validate_custom_code

from .helpers import make_campaign

pytestmark = pytest.mark.django_db

LONG_BASE = "https://www.cap-numerique-boulonnais.example.fr"


def stored(kit_obj, name):
    with default_storage.open(kit.kit_path(kit_obj.campaign_id, name), "rb") as handle:
        return handle.read()


@pytest.fixture
def campaign():
    return CampaignPage.objects.get(slug="safer-internet-day-2026")


@override_settings(WAGTAILADMIN_BASE_URL=LONG_BASE)
@pytest.mark.parametrize("suffix", ["affiche-A4.pdf", "flyer-A5.pdf"])
def test_every_short_link_prints_on_one_line(campaign, suffix):
    generated = kit.generate_kit(campaign)
    entry = next(f for f in generated.files if f["name"].endswith(suffix))
    page = PdfReader(io.BytesIO(stored(generated, entry["name"]))).pages[0]
    lines = [line.strip() for line in page.extract_text().splitlines()]
    printed = kit_images.printed_link(entry["link"])
    assert printed.startswith("www.cap-numerique-boulonnais.example.fr/c/")
    assert printed in lines
    assert not any(line.endswith("-") and line in printed for line in lines)
    images = [Image.open(io.BytesIO(i.data)) for i in page.images]
    assert [r.text for image in images for r in zxingcpp.read_barcodes(image)] == [entry["link"]]


def test_each_channel_gets_its_own_link(campaign):
    links = {link.channel: link.short_url for link in campaign.short_links.all()}
    generated = kit.generate_kit(campaign)
    files = {f["name"]: f for f in generated.files}
    pdfs = {f["channel"]: f for f in files.values() if f["name"].endswith(".pdf")}
    assert pdfs["affiche"]["link"] == links["affiche"]
    assert pdfs["flyer"]["link"] == links["flyer"]
    for name, entry in files.items():
        if not name.endswith(".png"):
            continue
        expected = links.get(entry["channel"]) or campaign.full_url
        assert entry["link"] == expected
        # The stored image is exactly the one drawn with that link.
        size = next(v for k, v in kit_images.SOCIAL_SIZES.items() if f"-{k}-" in name)
        drawn = kit_images.social_image(
            kit.load_visual(campaign), size, campaign.headline, campaign.cta_label, expected
        )
        image = Image.open(io.BytesIO(stored(generated, name))).convert("RGB")
        assert ImageChops.difference(image, drawn).getbbox() is None, name
    assert any(f["channel"] == "facebook" for f in files.values())
    posts = {p["network"]: p for p in generated.posts}
    assert posts["facebook"]["link"] == links["facebook"]
    assert links["facebook"] in posts["facebook"]["text"]
    # No short link for LinkedIn or Mastodon in the demo: their posts carry the plain
    # address (a direct visit), never the poster's or the flyer's code.
    for network in ("linkedin", "mastodon"):
        assert posts[network]["link"] == campaign.full_url
        assert not any(url in posts[network]["text"] for url in links.values())


def test_generated_codes_are_lower_case_unambiguous_and_unique():
    codes = [code_for(n) for n in range(1, 20_000)]
    assert len(set(codes)) == len(codes)
    assert all(len(c) == 5 and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("01ilo") & set(CODE_ALPHABET)
    assert len(code_for(31**5 + 3)) == 6


def test_new_links_get_their_code_on_save_and_never_collide(client):
    page = make_campaign(slug="codes-generes")
    page.short_links = [ShortLink(channel="flyer"), ShortLink(channel="affiche")]
    page.save_revision().publish()
    rows = list(ShortLink.objects.filter(campaign=page).values_list("pk", "code"))
    codes = [code for _pk, code in rows]
    assert len(set(codes)) == 2
    assert all(code == code_for(pk) for pk, code in rows)
    response = client.get(f"/c/{codes[0].upper()}")
    assert response.status_code == 302  # typed in capitals, still found


@pytest.mark.parametrize("code", ["Sid26-Flyer", "k7d9m"])
def test_custom_codes_that_could_mislead_are_refused(code):
    with pytest.raises(ValidationError):
        validate_custom_code(code)


def test_readable_custom_codes_are_accepted():
    validate_custom_code("sid26-flyer")
