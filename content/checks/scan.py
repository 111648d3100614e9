"""Read a page the way the checks need it: its texts, images, links to other pages and
glossary terms, from the stored (raw) stream data walked with the block definitions. The raw
data keeps the ids of chosen pages and images, so a deleted target is still seen (the bound
value would just be None)."""

import re
from dataclasses import dataclass, field

from django.db import models
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_PAGE_LINK = re.compile(r"<a\b[^>]*\blinktype=\"page\"[^>]*>", re.IGNORECASE)
ID_ATTRIBUTE = re.compile(r"\bid=\"(\d+)\"")
# Fields of Wagtail's Page model itself that editors do not write as content.
PAGE_TEXT_FIELDS = ("title",)


@dataclass
class Text:
    where: str  # a readable place: "titre", "contenu › étapes"
    value: str
    html: bool = False


@dataclass
class ImageUse:
    where: str
    image_id: int
    alt_text: str | None  # None: the block has no alternative-text field
    decorative: bool


@dataclass
class PageScan:
    texts: list[Text] = field(default_factory=list)
    images: list[ImageUse] = field(default_factory=list)
    page_links: list[tuple[str, int]] = field(default_factory=list)
    snippets: list[tuple[str, int]] = field(default_factory=list)  # (model label, id)


def scan_page(page):
    scan = PageScan()
    for name in PAGE_TEXT_FIELDS:
        scan.texts.append(Text(str(Page._meta.get_field(name).verbose_name), getattr(page, name)))
    for model_field in type(page)._meta.get_fields():
        if getattr(model_field, "model", None) is Page or not model_field.concrete:
            continue
        value = getattr(page, model_field.attname, None)
        where = str(model_field.verbose_name)
        if isinstance(model_field, StreamField):
            walk(model_field.stream_block, value.raw_data if value else [], where, scan)
        elif isinstance(model_field, RichTextField):
            scan.texts.append(Text(where, value or "", html=True))
            _rich_text_links(value or "", where, scan)
        elif value and _is_text(model_field):
            scan.texts.append(Text(where, value))
    return scan


def _is_text(model_field):
    return (
        isinstance(model_field, models.TextField | models.CharField)
        and not isinstance(model_field, models.SlugField | models.URLField)
        and not model_field.choices
    )


def _raw(value):
    # A raw stream child is {"type", "value", "id"}; a list item (new format) {"type": "item", ...}.
    if isinstance(value, dict) and "value" in value and "type" in value:
        return value["value"]
    return value


def walk(block, raw, where, scan):
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                walk(child_block, child.get("value"), _place(where, child_block), scan)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            walk(block.child_block, _raw(item), where, scan)
    elif isinstance(block, blocks.StructBlock):
        raw = raw or {}
        for name, child_block in block.child_blocks.items():
            if isinstance(child_block, ImageChooserBlock) and raw.get(name):
                scan.images.append(
                    ImageUse(
                        where,
                        raw[name],
                        raw.get("alt_text") if "alt_text" in block.child_blocks else None,
                        bool(raw.get("decorative")),
                    )
                )
            elif not isinstance(child_block, ImageChooserBlock):
                walk(child_block, raw.get(name), _place(where, child_block), scan)
    elif isinstance(block, blocks.RichTextBlock):
        scan.texts.append(Text(where, raw, html=True))
        _rich_text_links(raw, where, scan)
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock):
        if raw:
            scan.texts.append(Text(where, raw))
    elif isinstance(block, blocks.PageChooserBlock):
        scan.page_links.append((where, raw))
    elif isinstance(block, SnippetChooserBlock):
        scan.snippets.append((block.target_model._meta.label, raw))
    elif isinstance(block, ImageChooserBlock):
        # An image outside a struct has no alternative text of its own.
        scan.images.append(ImageUse(where, raw, None, False))
    elif isinstance(block, TableBlock):
        cells = [cell for row in (raw or {}).get("data") or [] for cell in row if cell]
        if cells:
            scan.texts.append(Text(where, " · ".join(cells)))


def _place(where, block):
    label = block.label or block.name
    return f"{where} › {label}" if label and label.lower() != where.lower() else where


def _rich_text_links(html, where, scan):
    for tag in RICH_TEXT_PAGE_LINK.findall(html or ""):
        found = ID_ATTRIBUTE.search(tag)
        if found:
            scan.page_links.append((where, int(found.group(1))))


class ScanContext:
    """What the checks of every page share, fetched in a few queries once all pages are read."""

    def __init__(self):
        self.pages = {}  # id -> (title, live) of every linked page that exists
        self.images = {}  # id -> image
        self.snippets = {}  # (model label, id) -> object

    def prepare(self, scans):
        page_ids = {target for scan in scans for _where, target in scan.page_links if target}
        self.pages = {
            pk: (title, live)
            for pk, title, live in Page.objects.filter(pk__in=page_ids).values_list(
                "pk", "title", "live"
            )
        }
        image_ids = {use.image_id for scan in scans for use in scan.images}
        self.images = get_image_model().objects.in_bulk(image_ids)
        wanted = {}
        for scan in scans:
            for label, pk in scan.snippets:
                if pk:
                    wanted.setdefault(label, set()).add(pk)
        from django.apps import apps

        for label, ids in wanted.items():
            for pk, obj in apps.get_model(label).objects.in_bulk(ids).items():
                self.snippets[(label, pk)] = obj
        self.extra = {}  # what a check computes once and keeps (outdated names, glossary...)
