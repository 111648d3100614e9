"""The demo's data files: every file reads, every key means something, every page is built."""

from importlib import import_module

import pytest
from wagtail.models import Page

from content.demo_data import ORDER_FILE, ORDER_KEY, PAGE_TYPE_KEY, read

# The apps whose demo has pages (search/demo.py has synonyms and redirects only).
APPS = ["content", "campaigns", "lessons"]
pytestmark = pytest.mark.django_db


def page_files(app):
    loader = import_module(f"{app}.demo")
    for path in sorted((loader.DATA / "pages").rglob("*.yaml")):
        if path.name != ORDER_FILE:
            yield loader, path


@pytest.mark.parametrize("app", APPS)
def test_every_key_of_a_page_file_is_a_field_or_read_by_the_loader(app):
    files = list(page_files(app))
    assert files, app
    for loader, path in files:
        data = read(path)
        model = loader.PAGE_TYPES[data[PAGE_TYPE_KEY]]
        fields = {field.name for field in model._meta.get_fields()}
        known = fields | set(loader.EXTRA_KEYS) | {PAGE_TYPE_KEY, ORDER_KEY}
        assert set(data) <= known, (path, set(data) - known)


@pytest.mark.parametrize("app", APPS)
def test_every_page_file_is_a_page_of_the_demo(app):
    for loader, path in page_files(app):
        relative = path.relative_to(loader.DATA / "pages").with_suffix("")
        url_path = f"/{relative.as_posix()}/"
        page = Page.objects.filter(url_path__endswith=url_path, depth=len(relative.parts) + 2)
        assert page.exists(), url_path
        assert page.get().title == read(path)["title"]


def test_children_lists_name_existing_files():
    for app in APPS:
        for _loader, path in page_files(app):
            for slug in read(path).get(ORDER_KEY, []):
                assert (path.parent / path.stem / f"{slug}.yaml").is_file(), (path, slug)


def test_a_folder_without_its_page_file_belongs_to_an_existing_page(home, tmp_path):
    """A folder `pages/habitants/` with no `habitants.yaml` beside it hangs its pages under
    the hub another app made, in the order of its `_ordre.yaml`."""
    from content.demo_data import load_tree
    from content.models import StandardPage

    folder = tmp_path / "pages" / "habitants"
    folder.mkdir(parents=True)
    for slug in ("b-page", "a-page"):
        (folder / f"{slug}.yaml").write_text(f"type: StandardPage\ntitle: {slug}\n")
    (folder / ORDER_FILE).write_text("children:\n  - b-page\n  - a-page\n")
    pages = load_tree(tmp_path / "pages", home, {"StandardPage": StandardPage})
    hub = Page.objects.child_of(home).get(slug="habitants")
    assert [(p.slug, p.get_parent().pk) for p in pages] == [
        ("b-page", hub.pk),
        ("a-page", hub.pk),
    ]
