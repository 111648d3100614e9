import io
import zipfile

import pytest
import zxingcpp
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image, ImageFont
from pypdf import PdfReader

from campaigns import kit
from campaigns.kit import images
from campaigns.models import CampaignKit, CampaignPage

from .helpers import make_campaign, make_image, png_bytes, png_claiming_size

pytestmark = pytest.mark.django_db

LONG_HEADLINE = (
    "Anticonstitutionnellement, la désinformation numérique intergénérationnelle "
    "s'invite dans nos conversations familiales : apprenons ensemble à reconnaître les "
    "arnaques, les fausses informations et les hameçonnages les plus sophistiqués de l'année"
)


def read(kit_obj, suffix):
    name = next(f["name"] for f in kit_obj.files if f["name"].endswith(suffix))
    with default_storage.open(kit.kit_path(kit_obj.campaign_id, name), "rb") as handle:
        return handle.read()


def decode(image):
    return [r.text for r in zxingcpp.read_barcodes(image)]


@pytest.fixture
def demo_campaign():
    return CampaignPage.objects.get(slug="safer-internet-day-2026")


def test_command_generates_the_kit_with_exact_sizes(demo_campaign):
    CampaignKit.objects.filter(campaign=demo_campaign).delete()
    call_command("generate_campaign_kits", str(demo_campaign.pk), stdout=io.StringIO())
    generated = CampaignKit.objects.get(campaign=demo_campaign)
    for suffix, size in [
        ("facebook-carre-1080x1080.png", (1080, 1080)),
        ("facebook-paysage-1200x630.png", (1200, 630)),
        ("-carre-1080x1080.png", (1080, 1080)),
        ("-paysage-1200x630.png", (1200, 630)),
        ("-story-1080x1920.png", (1080, 1920)),
    ]:
        assert Image.open(io.BytesIO(read(generated, suffix))).size == size
    with zipfile.ZipFile(io.BytesIO(read(generated, "kit.zip"))) as archive:
        # Facebook's own two images, one shared set of three, two PDFs, the texts.
        assert len(archive.namelist()) == 8
    assert {p["network"] for p in generated.posts} == {
        "facebook",
        "instagram",
        "linkedin",
        "mastodon",
    }
    for post in generated.posts:
        assert post["count"] == len(post["text"]) <= post["limit"]


def test_pdfs_open_and_their_qr_code_decodes_to_the_short_url(demo_campaign):
    generated = kit.generate_kit(demo_campaign)
    poster = demo_campaign.short_links.get(channel="affiche")
    for suffix, width_mm in [("affiche-A4.pdf", 210), ("flyer-A5.pdf", 148)]:
        reader = PdfReader(io.BytesIO(read(generated, suffix)))
        assert len(reader.pages) == 1
        assert round(float(reader.pages[0].mediabox.width) / 72 * 25.4) == width_mm
        text = reader.pages[0].extract_text()
        assert "/c/" in text
        images = [Image.open(io.BytesIO(i.data)) for i in reader.pages[0].images]
        decoded = [t for image in images for t in decode(image)]
        expected = (
            poster.short_url
            if suffix.startswith("affiche")
            else demo_campaign.short_links.get(channel="flyer").short_url
        )
        assert decoded == [expected]


def test_qr_endpoints_decode_to_the_short_url(client, demo_campaign):
    link = demo_campaign.short_links.get(channel="facebook")
    response = client.get(f"/c/{link.code}.png")
    assert response["Content-Type"] == "image/png"
    assert decode(Image.open(io.BytesIO(response.content))) == [link.short_url]
    assert link.short_url.startswith("http") and link.short_url.endswith(f"/c/{link.code}")
    svg = client.get(f"/c/{link.code}.svg")
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content


def test_publishing_generates_the_kit_in_a_task():
    page = make_campaign(
        slug="kit-a-la-publication",
        kit_visual=make_image(png_bytes((900, 700))),
        short_links=[("affiche", "pubkit-aff")],
    )
    generated = CampaignKit.objects.get(campaign=page)
    assert len(generated.files) == 7
    signature = generated.signature
    page.kit_headline = "Une nouvelle accroche"
    page.save_revision().publish()
    assert CampaignKit.objects.get(campaign=page).signature != signature


def test_very_long_french_headline_never_overflows():
    width, height = 900, 300
    measure_for = images.pil_measure(images.FONT_BOLD)
    size, lines = images.fit(LONG_HEADLINE, measure_for, width, height, 90, 18)
    font = ImageFont.truetype(images.FONT_BOLD, size)
    assert all(font.getlength(line) <= width for line in lines)
    assert len(lines) * size * 1.2 <= height
    # An unbreakable word is broken rather than overflowing.
    size, lines = images.fit("x" * 400, measure_for, 200, 100, 40, 20)
    font = ImageFont.truetype(images.FONT_BOLD, size)
    assert all(font.getlength(line) <= 200 for line in lines)
    image = images.social_image(
        kit.placeholder_visual(), (1200, 630), LONG_HEADLINE, LONG_HEADLINE, "x"
    )
    assert image.size == (1200, 630)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"%PDF-1.4 not an image at all", "not_an_image"),
        (png_claiming_size(20_000, 100), "too_large"),
        (png_claiming_size(40_000, 40_000), "bomb"),
        (png_claiming_size(9_800, 9_800), "bomb"),
    ],
    ids=["not-an-image", "20000px-wide", "bomb", "just-over-pixel-limit"],
)
def test_hostile_master_visuals_are_refused(content, code):
    with pytest.raises(ValidationError) as error:
        images.validate_master_visual(io.BytesIO(content))
    assert error.value.code == code
    page = CampaignPage(
        title="x",
        slug="x",
        start_date="2026-01-01",
        end_date="2026-01-02",
        key_message="m",
        cta_label="c",
        kit_visual=make_image(content, name="hostile.png"),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "kit_visual" in error.value.message_dict


def test_reasonable_visual_is_accepted():
    images.validate_master_visual(io.BytesIO(png_bytes((2000, 1000))))
