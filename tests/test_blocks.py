import pytest
from django.core.exceptions import ValidationError

from content.blocks import (
    BaseStreamBlock,
    ImageBlock,
    LinkBlock,
    TableBlock,
)
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def image_value(**overrides):
    value = {
        "image": ImageFactory(),
        "alt_text": "",
        "decorative": False,
        "caption": "",
        "credit": "",
    }
    value.update(overrides)
    return ImageBlock().to_python({**value, "image": value["image"].pk})


def test_image_without_alt_text_or_decorative_is_refused():
    with pytest.raises(ValidationError) as error:
        ImageBlock().clean(image_value())
    assert "cochez « image décorative »" in str(error.value.block_errors["alt_text"])


def test_decorative_image_with_alt_text_is_refused():
    with pytest.raises(ValidationError):
        ImageBlock().clean(image_value(decorative=True, alt_text="Un ordinateur"))


@pytest.mark.parametrize("value", [{"alt_text": "Le bouton FranceConnect"}, {"decorative": True}])
def test_image_with_alt_text_or_decorative_is_accepted(value):
    ImageBlock().clean(image_value(**value))


def test_decorative_image_renders_empty_alt():
    html = ImageBlock().render(image_value(decorative=True))
    assert 'alt=""' in html
    assert "image/webp" in html


def test_image_renders_its_alt_text_and_webp_sources():
    html = ImageBlock().render(image_value(alt_text="Écran de connexion", caption="Étape 2"))
    assert 'alt="Écran de connexion"' in html
    assert 'type="image/webp"' in html
    assert "<figcaption>Étape 2" in html


def stream(*children):
    block = BaseStreamBlock()
    return block, block.to_python([{"type": t, "value": v} for t, v in children])


def test_heading_levels_cannot_skip():
    block, value = stream(
        ("heading", {"level": "h2", "text": "Avant de commencer"}),
        ("heading", {"level": "h4", "text": "Trop profond"}),
    )
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert 1 in error.value.block_errors
    assert "niveau 3 au plus" in str(error.value.block_errors[1])


def test_first_heading_must_be_h2():
    block, value = stream(("heading", {"level": "h3", "text": "Sous-titre orphelin"}))
    with pytest.raises(ValidationError):
        block.clean(value)


def test_well_formed_outline_is_accepted():
    block, value = stream(
        ("heading", {"level": "h2", "text": "A"}),
        ("heading", {"level": "h3", "text": "A.1"}),
        ("heading", {"level": "h4", "text": "A.1.a"}),
        ("heading", {"level": "h2", "text": "B"}),
    )
    block.clean(value)


def table(caption="Ateliers 2025", header=True):
    return {
        "data": [["Atelier", "Participants"], ["Canva", "32"]],
        "first_row_is_table_header": header,
        "first_col_is_header": False,
        "table_caption": caption,
    }


def test_table_requires_caption_and_header_row():
    block = TableBlock()
    with pytest.raises(ValidationError, match="légende"):
        block.clean(block.to_python(table(caption="")))
    with pytest.raises(ValidationError, match="en-têtes"):
        block.clean(block.to_python(table(header=False)))
    html = block.render(block.clean(block.to_python(table())))
    assert "<caption>Ateliers 2025</caption>" in html
    assert '<th scope="col">Participants</th>' in html


def test_link_needs_exactly_one_target(home):
    block = LinkBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"page": None, "url": "", "label": "Voir"}))
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python({"page": home.pk, "url": "https://example.org", "label": "Voir"})
        )
    block.clean(block.to_python({"page": home.pk, "url": "", "label": "Voir"}))


def test_every_block_has_help_text_icon_and_template():
    for name, child in BaseStreamBlock().child_blocks.items():
        assert child.meta.help_text, f"{name} has no help_text"
        assert child.meta.icon not in (None, "placeholder"), f"{name} has no icon"
        assert child.meta.template, f"{name} has no template"


def test_two_blocks_of_a_kind_in_one_stream_never_share_an_html_id(client, home):
    """Help numbers name their section by its heading's id; a page rendering its whole
    stream at once (`include_block page.body`) gives each block its own id."""
    import re

    from tests.factories import StandardPageFactory

    help_numbers = {"title": "Besoin d'aide ?", "services": ["3018", "119"]}
    page = StandardPageFactory(
        parent=home,
        title="Deux encadrés d'aide",
        body=[("help_numbers", help_numbers), ("help_numbers", help_numbers)],
    )
    html = client.get(page.url).content.decode()
    ids = re.findall(r'id="(aide-[^"]+)"', html)
    assert len(ids) == 2
    assert len(set(ids)) == 2
    for heading_id in ids:
        assert f'aria-labelledby="{heading_id}"' in html


def test_an_optional_text_missing_from_stored_data_reads_as_empty_not_none():
    """Stored data without an optional text (data-file content, a field added after the
    content was saved) gave None, which wagtail-localize refuses as a segment."""
    from content.blocks import SectionPagesBlock, StepsBlock

    section = SectionPagesBlock().to_python({"title": "Les parcours", "section": None})
    assert section["anchor"] == "" and section["link_label"] == ""
    (steps,) = StepsBlock().bulk_to_python([{"steps": [{"text": "<p>Ouvrez</p>"}]}])
    screenshot = steps["steps"][0]["screenshot"]
    assert screenshot["alt_text"] == screenshot["caption"] == screenshot["credit"] == ""
    assert screenshot["image"] is None
    assert SectionPagesBlock().get_default()["anchor"] == ""
