"""Every page type and snippet type of the demo goes through wagtail-localize's submission
to English (segment extraction, then the translated copy) without an error: the admin's
« Traduire cette page » answered 500 on lessons and tool guides when an optional field of a
struct block was empty."""

import pytest
from django.db import transaction
from wagtail.models import Locale, Page, TranslatableMixin, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import TranslationCreator

pytestmark = pytest.mark.django_db


def french_pages_by_type():
    french = Locale.objects.get(language_code="fr")
    found = {}
    for model in get_page_models():
        if model is Page or model._meta.abstract:
            continue
        page = model.objects.filter(locale=french).order_by("path").first()
        found[model] = page
    return found


def french_snippets_by_type():
    french = Locale.objects.get(language_code="fr")
    found = {}
    for model in get_snippet_models():
        if not issubclass(model, TranslatableMixin):
            continue
        found[model] = model.objects.filter(locale=french).order_by("pk").first()
    return found


def submit(instance, english):
    """What the admin's « Traduire » view runs (wagtail_localize.operations.translate_object):
    the source's segments, the snippets it points to, then the English copy. Each in a
    savepoint so one failure does not hide the others."""
    with transaction.atomic():
        TranslationCreator(None, [english]).create_translations(instance)


def test_the_demo_has_an_instance_of_every_page_and_snippet_type():
    missing = [
        m.__name__
        for m, instance in {**french_pages_by_type(), **french_snippets_by_type()}.items()
        if instance is None
    ]
    assert missing == []


def test_every_page_type_of_the_demo_submits_for_translation_to_english(home):
    english = Locale.objects.get(language_code="en")
    failures = {}
    pages = french_pages_by_type()
    # Each type's first page and its ancestors, parents first.
    paths = {
        ancestor.path
        for page in pages.values()
        if page is not None
        for ancestor in page.get_ancestors(inclusive=True).filter(depth__gt=1)
    }
    for page in Page.objects.filter(path__in=paths).order_by("path").specific():
        if page.get_translation_or_none(english) is not None:
            continue  # the English home exists already (content/demo.py)
        try:
            submit(page, english)
        except Exception as error:
            failures[f"{type(page).__name__} {page.url_path}"] = f"{type(error).__name__}: {error}"
    assert failures == {}
    assert len(pages) >= 10


def test_every_page_of_the_demo_extracts_its_segments():
    """Not one page per type: every demo page, since an empty optional field shows only on
    some of them (16 of 68 before the fix)."""
    failures = {}
    for page in Page.objects.filter(locale__language_code="fr", depth__gt=1).specific():
        try:
            TranslationSource.get_or_create_from_instance(page)
        except Exception as error:
            failures[page.url_path] = f"{type(error).__name__}: {error}"
    assert failures == {}


def test_every_snippet_type_of_the_demo_submits_for_translation_to_english():
    english = Locale.objects.get(language_code="en")
    failures = {}
    snippets = french_snippets_by_type()
    for model, snippet in snippets.items():
        if snippet is None:
            continue
        try:
            submit(snippet, english)
        except Exception as error:
            failures[model.__name__] = f"{type(error).__name__}: {error}"
    assert failures == {}
    assert snippets
