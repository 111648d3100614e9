"""Read the demo's data files (YAML, one file a page) and turn them into page fields.

Each app keeps its demo text in `<app>/demo_data/`: non-page records (glossary, organisations,
places...) in files at the top, pages under `pages/`, laid out like the page tree. A page file
`pages/se-former.yaml` is the page with the slug `se-former` under the home page; the folder
`pages/se-former/` holds its children. A folder without a file of the same name stands for a
page another app already created (the hub `pages/habitants/` of the search demo, say); its
`_ordre.yaml` may give the order of its pages.

Field values follow the model, so the files need no Python knowledge:
- a rich text (a `RichTextField` or a rich text inside a block) is one string (one paragraph),
  a list of strings (one paragraph each) or a string starting with « < » (HTML as it is);
- a StreamField is a list of `{block type: value}`, values shaped like the block;
- a text field that holds one item per line may be written as a list;
- a page chosen in a block is written as its URL path (`/se-former/premiers-pas/`);
- a glossary term or any other snippet chosen in a block is written as its slug;
- an image in a block is the key of a screen mock-up (`content/mockups/`, described in the app's
  `demo_data/illustrations.yaml`), drawn once; an image block with its alternative text may be
  written as the key alone (the drawing's own text) or as `{image: key, alt_text: ...}`;
- audiences and themes are lists of slugs.

docs/demo-data.md says why YAML and how to edit these files.
"""

import datetime
import functools
from pathlib import Path

import yaml
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.snippets.blocks import SnippetChooserBlock

PAGE_TYPE_KEY = "type"
# Keys a page file may carry beside the model's fields; the app's loader reads them.
ORDER_KEY = "children"
# The order of the pages of a folder whose parent page comes from another app.
ORDER_FILE = "_ordre.yaml"


@functools.cache
def _read_cached(path, mtime):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def read(path):
    """One data file, parsed (safe loader: data only, never Python objects)."""
    path = Path(path)
    return _read_cached(str(path), path.stat().st_mtime)


def data_dir(app_module_file):
    """The `demo_data/` folder beside an app's `demo.py`."""
    return Path(app_module_file).resolve().parent / "demo_data"


def rich(value):
    """Rich text HTML from a data-file value (see the module docstring)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        if value.lstrip().startswith("<"):
            return value
        value = [value]
    return "".join(f"<p>{paragraph}</p>" for paragraph in value)


def lines(value):
    """A one-item-per-line text field from a list (or a string left as it is)."""
    if isinstance(value, list | tuple):
        return "\n".join(value)
    return value or ""


# A data file may name a page another app creates later (a hub lists the school modules, an
# alert links its lesson): the reference is left out when the page is created, recorded, and
# filled in by `resolve_deferred` once every app has loaded (load_demo calls it).
_missing = []  # paths `find_page` did not find since the caller last looked
_deferred = []  # (model, page id, data file, field names)


def find_page(url_path):
    """A page by its path under the home page (`/habitants/`), or None."""
    page = Page.objects.filter(url_path__endswith=url_path, depth__gte=3).order_by("depth").first()
    if page is None:
        _missing.append(url_path)
    return page


def find_snippet(model, key):
    """A snippet by its slug (French), or by its uuid for those without one (H5P)."""
    from content.demo import french

    if any(field.name == "slug" for field in model._meta.get_fields()):
        return model.objects.filter(slug=key, locale=french()).first()
    return model.objects.filter(uuid=key).first()


def block_value(block, data):
    """The value `block.to_python` expects, built from a data-file value."""
    if data is None:
        return None
    if isinstance(block, blocks.RichTextBlock):
        return rich(data)
    if isinstance(block, blocks.StreamBlock):
        return stream_value(block, data)
    if isinstance(block, blocks.ListBlock):
        return [block_value(block.child_block, item) for item in data]
    if isinstance(block, blocks.StructBlock):
        if _is_image_block(block) and (isinstance(data, str) or isinstance(data.get("image"), str)):
            from content.mockups import image_block_value

            data = image_block_value(data)
        return {
            name: block_value(block.child_blocks[name], value)
            for name, value in data.items()
            if name in block.child_blocks
        }
    if isinstance(block, blocks.PageChooserBlock):
        return data if isinstance(data, Page) else find_page(data)
    if isinstance(block, SnippetChooserBlock):
        return data if isinstance(data, models.Model) else find_snippet(block.target_model, data)
    if isinstance(block, ImageChooserBlock) and isinstance(data, str):
        from content.mockups import ensure_image

        return ensure_image(data)
    if isinstance(block, blocks.DateBlock) and isinstance(data, str):
        return datetime.date.fromisoformat(data)
    return data


def _is_image_block(block):
    children = block.child_blocks
    return isinstance(children.get("image"), ImageChooserBlock) and "alt_text" in children


def stream_value(stream_block, items):
    """A StreamField value: `[{block type: value}, ...]` to `[(block type, value), ...]`."""
    result = []
    for item in items or []:
        ((block_type, value),) = item.items()
        if block_type not in stream_block.child_blocks:
            raise ValueError(f"unknown block « {block_type} » in a demo data file")
        missing = len(_missing)
        built = block_value(stream_block.child_blocks[block_type], value)
        if len(_missing) == missing:  # a block naming a page not there yet waits for it
            result.append((block_type, built))
    return result


def page_fields(model, data, exclude=(), unresolved=None):
    """Model field values from a page file: rich text, streams, lists of lines, taxonomy.
    Keys that are not fields of `model` are left for the app's loader. The names of fields
    that name a page not created yet are added to `unresolved`."""
    unresolved = set() if unresolved is None else unresolved
    fields = {}
    for name, value in data.items():
        if name in exclude or name in (PAGE_TYPE_KEY, ORDER_KEY, "slug"):
            continue
        try:
            field = model._meta.get_field(name)
        except Exception:  # not a field: the loader's own key
            continue
        missing = len(_missing)
        fields[name] = field_value(field, value)
        if len(_missing) > missing:
            unresolved.add(name)
    return fields


def field_value(field, value):
    """One model field's value from its data-file value (see `page_fields`)."""
    if isinstance(field, StreamField):
        value = stream_value(field.stream_block, value)
    elif isinstance(field, RichTextField):
        value = rich(value)
    elif isinstance(field, ParentalManyToManyField):
        terms = field.related_model.objects.filter(slug__in=value, locale__language_code="fr")
        value = list(terms)
    elif isinstance(field, models.ForeignKey) and isinstance(value, str):
        target = field.related_model
        if issubclass(target, Page):
            page = find_page(value)
            value = target.objects.filter(pk=page.pk).first() if page else None
        else:
            value = find_snippet(target, value)
    elif isinstance(field, models.TextField | models.CharField) and isinstance(value, list):
        value = lines(value)
    elif isinstance(field, models.DateField) and isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return value


def page_files(folder):
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.glob("*.yaml") if not path.name.startswith("_"))


def ordered(files, order):
    """Files in the order the parent file gives (`children:`), then the others by name."""
    rank = {slug: position for position, slug in enumerate(order or [])}
    return sorted(files, key=lambda path: (rank.get(path.stem, len(rank)), path.stem))


def load_tree(folder, parent, page_types, on_page=None, order=None, extra_fields=None):
    """Create the pages of `folder` under `parent` (existing pages are left as they are),
    then their children from the folder of the same name.

    `page_types` maps the `type:` of a file to its model; `extra_fields(type, data)` returns the
    values of fields the app builds itself (inline objects, computed dates), only for pages to
    create; `on_page(page, data)` lets the app handle its own keys on every page, new or not.
    Returns the pages, in tree order."""
    from content.demo import get_or_create_page

    folder = Path(folder)
    if order is None and (folder / ORDER_FILE).is_file():
        order = read(folder / ORDER_FILE)[ORDER_KEY]
    pages = []
    seen = set()
    for path in ordered(page_files(folder), order):
        data = read(path)
        model = page_types[data[PAGE_TYPE_KEY]]
        page = model.objects.child_of(parent).filter(slug=path.stem).first()
        if page is None:
            extras = extra_fields(data[PAGE_TYPE_KEY], data) if extra_fields else {}
            unresolved = set()
            fields = {**page_fields(model, data, set(extras), unresolved), **extras}
            page = get_or_create_page(parent, model, path.stem, **fields)
            if unresolved:
                _deferred.append((model, page.pk, path, unresolved))
            _missing.clear()
        seen.add(path.stem)
        if on_page is not None:
            on_page(page, data)
        pages.append(page)
        children = folder / path.stem
        pages += load_tree(children, page, page_types, on_page, data.get(ORDER_KEY), extra_fields)
    subfolders = sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    for sub in subfolders:
        if sub.name in seen:
            continue
        existing = Page.objects.child_of(parent).filter(slug=sub.name).first()
        if existing is not None:
            pages += load_tree(sub, existing.specific, page_types, on_page, None, extra_fields)
    return pages


def resolve_deferred():
    """Fill in the references to pages that did not exist yet when their page was created
    (see `_deferred`); a page still missing is a mistake in a data file. Returns the number
    of pages updated."""
    done = 0
    while _deferred:
        model, pk, path, names = _deferred.pop(0)
        page = model.objects.get(pk=pk)
        _missing.clear()
        fields = page_fields(model, {k: v for k, v in read(path).items() if k in names})
        if _missing:
            raise ValueError(f"{path}: no page at {', '.join(_missing)}")
        for name, value in fields.items():
            if isinstance(model._meta.get_field(name), ParentalManyToManyField):
                getattr(page, name).set(value)
            else:
                setattr(page, name, value)
        page.save_revision().publish()
        done += 1
    return done
