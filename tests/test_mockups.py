"""Screen mock-ups drawn with Pillow from the lessons' data file (content/mockups/): each
description draws a phone screen with its ringed element, text never leaves the screen, and a
data file names a picture by its key (docs/illustrations.md)."""

import re
from pathlib import Path

import pytest

from content import mockups
from content.demo_data import read
from content.mockups.draw import RING, WIDTH, draw, font, wrap

DRAWINGS = Path(__file__).resolve().parents[1] / "lessons" / "demo_data" / "illustrations.yaml"


def test_each_drawing_is_a_phone_screen_with_its_ringed_element():
    for key, description in read(DRAWINGS).items():
        image = draw(description).convert("RGB")
        assert image.width == WIDTH, key
        assert 200 < image.height < 2 * WIDTH, key
        assert RING in {colour for _count, colour in image.getcolors(maxcolors=1 << 16)}, key
        assert description["alt"].strip(), key


def test_an_unringed_screen_has_no_ring_and_an_unknown_part_is_refused():
    plain = draw({"items": [{"heading": "Titre"}, {"button": "Valider"}]}).convert("RGB")
    assert RING not in {colour for _count, colour in plain.getcolors(maxcolors=1 << 16)}
    with pytest.raises(AttributeError):
        draw({"items": [{"carousel": "x"}]})


def test_wrapped_lines_fit_the_screen_even_with_a_very_long_word():
    face = font(30)
    text = "Tapez https://une-adresse-beaucoup-trop-longue-pour-une-ligne.gouv.fr ici"
    lines = wrap(text, face, 300)
    assert len(lines) >= 3
    assert all(face.getlength(line) <= 300 for line in lines)
    assert "".join(lines).replace(" ", "") == (
        "Tapezhttps://une-adresse-beaucoup-trop-longue-pour-une-ligne.gouv.frici"
    )


@pytest.mark.django_db
def test_a_key_alone_takes_the_drawings_alt_text_and_a_mapping_may_say_another():
    mockups.use(DRAWINGS)
    value = mockups.image_block_value("courriel-creer-un-compte")
    assert value["alt_text"] == mockups.alt_text("courriel-creer-un-compte")
    assert value["image"].title == "Maquette : courriel-creer-un-compte"
    key = "courriel-creer-un-compte"
    other = mockups.image_block_value({"image": key, "alt_text": "Le bouton."})
    assert other["alt_text"] == "Le bouton."
    assert other["image"].pk == value["image"].pk
    with pytest.raises(ValueError, match="pas-de-dessin"):
        mockups.image_block_value("pas-de-dessin")


@pytest.mark.django_db
def test_a_step_picture_is_webp_at_two_widths_with_a_png_fallback():
    from content.blocks.learning import StepsBlock

    mockups.use(DRAWINGS)
    image = mockups.ensure_image("site-securise-cadenas")
    block = StepsBlock()
    value = block.to_python(
        {
            "steps": [
                {
                    "text": "<p>Regardez.</p>",
                    "screenshot": {"image": image.pk, "alt_text": "Le cadenas."},
                }
            ]
        }
    )
    html = block.render(value)
    # The file name may carry a suffix: the media folder outlives a test run.
    name = r"/media/images/site-securise-cadenas[\w-]*"
    srcset = (
        rf"{name}\.width-320\.format-webp\.webp 320w, "
        rf"{name}\.width-640\.format-webp-lossless\.webp 640w"
    )
    assert re.search(rf'<source type="image/webp" srcset="{srcset}" sizes="[^"]+">', html)
    img = rf'<img src="{name}\.width-320\.format-png\.png" width="320" height="{image.height // 2}"'
    assert re.search(rf'{img} alt="Le cadenas\." loading="lazy">', html)
    decorative = block.to_python(
        {
            "steps": [
                {"text": "<p>Regardez.</p>", "screenshot": {"image": image.pk, "decorative": True}}
            ]
        }
    )
    assert 'alt=""' in block.render(decorative)
