"""Uploaded images are bounded by their longest side and their shape, on every upload path
(issue 16, item 10): a 20 000 × 10 px strip passes Wagtail's total-pixel limit."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def png(width, height, name="image.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def add(admin_client, file):
    return admin_client.post(
        reverse("wagtailimages:add"), {"title": "Bandeau", "file": file, "collection": 1}
    )


def test_a_20000_by_10_strip_is_refused_with_a_french_message(admin_client, settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS > 20_000 * 10  # Wagtail alone lets it in
    response = add(admin_client, png(20_000, 10))
    assert response.status_code == 200
    html = response.content.decode()
    assert "20000 × 10 pixels" in html and "au plus 8000 pixels" in html
    assert not get_image_model().objects.filter(title="Bandeau").exists()


@pytest.mark.parametrize(("width", "height"), [(3000, 200), (200, 3000)])
def test_a_strip_within_the_side_limit_is_refused_by_its_shape(admin_client, width, height):
    response = add(admin_client, png(width, height))
    assert "plus de 10 fois plus long" in response.content.decode()
    assert not get_image_model().objects.filter(title="Bandeau").exists()


def test_an_ordinary_photo_is_accepted(admin_client):
    assert add(admin_client, png(1600, 900)).status_code == 302
    assert get_image_model().objects.get(title="Bandeau").width == 1600


def test_the_multiple_uploader_and_the_chooser_refuse_it_too(admin_client):
    multiple = admin_client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": png(20_000, 10)}
    )
    assert multiple.json()["success"] is False
    chooser = admin_client.post(
        reverse("wagtailimages_chooser:create"),
        {"image-chooser-upload-title": "Bandeau", "image-chooser-upload-file": png(20_000, 10)},
    )
    assert "au plus 8000 pixels" in chooser.content.decode()
    assert not get_image_model().objects.filter(width=20_000).exists()


def test_limits_come_from_the_settings(admin_client, settings):
    settings.IMAGE_MAX_SIDE = 30_000
    settings.IMAGE_MAX_ASPECT_RATIO = 3000
    assert add(admin_client, png(20_000, 10)).status_code == 302
