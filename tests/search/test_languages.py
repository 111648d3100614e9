"""Each language is indexed and searched with its own analysis (search/languages.py): on
PostgreSQL an English page is stemmed in English and found by an English stem, never through
the French stemmer; the mapping gives every content language a configuration that exists."""

import pytest
from django.db import connection
from wagtail.models import Locale, Page

from content.models import StandardPage
from search import query as sq
from search.backends import queryset_locale_id
from search.languages import POSTGRES_DICTIONARIES, postgres_config

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL text search configurations"
)


def test_each_language_has_its_configuration_and_polish_the_simple_one():
    assert postgres_config("fr") == "capnum_french"
    assert postgres_config("en") == "capnum_english"
    assert postgres_config("es") == "capnum_spanish"
    assert postgres_config("pt-br") == "capnum_portuguese"
    # No Snowball stemmer for Polish in PostgreSQL: folded words, not the French stemmer.
    assert postgres_config("pl") == "capnum_simple"
    assert postgres_config("xx") == "capnum_simple"


def test_the_locale_of_a_search_is_read_from_its_queryset():
    english = Locale.objects.get(language_code="en")
    assert queryset_locale_id(sq.base_queryset(english)) == english.pk
    assert queryset_locale_id(Page.objects.live()) is None


@pytest.fixture
def english_page():
    french = StandardPage.objects.get(slug="accessibilite", locale__language_code="fr")
    english = Locale.objects.get(language_code="en")
    page = french.copy_for_translation(english, copy_parents=True)
    page.title = "Learning the basics of online safety"
    page.summary = "Agencies and libraries teaching residents."
    page.save_revision().publish()
    return page


def stored_title_vector(page):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title::text FROM wagtailsearch_indexentry WHERE object_id = %s "
            "AND content_type_id = %s",
            [str(page.pk), page.content_type_id],
        )
        return cursor.fetchone()[0]


@postgres_only
def test_every_configuration_exists_in_the_database():
    with connection.cursor() as cursor:
        for code in [*POSTGRES_DICTIONARIES, "pl"]:
            config = postgres_config(code)
            cursor.execute("SELECT to_tsvector(%s::regconfig, 'Les livres')", [config])
            assert cursor.fetchone()[0]


@postgres_only
def test_an_english_page_is_stemmed_in_english(english_page):
    vector = stored_title_vector(english_page)
    assert "'learn'" in vector and "'basic'" in vector
    assert "'the'" not in vector and "'of'" not in vector  # English stop words
    # The French configuration would have kept « learning » and « the ».
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('capnum_french', %s)::text", [english_page.title])
        french = cursor.fetchone()[0]
    assert "'learning'" in french and "'the'" in french


@postgres_only
def test_an_english_stem_finds_the_english_page(english_page):
    english = Locale.objects.get(language_code="en")
    for word in ["learn", "learns", "basic", "LEARNED"]:
        query, _expanded = sq.build_query(word, english)
        assert english_page.pk in {pk for pk, _ct in sq.run_query(query, english)}, word


@postgres_only
def test_french_pages_keep_the_french_stemmer():
    page = StandardPage.objects.get(slug="accessibilite", locale__language_code="fr")
    assert "'declar'" in stored_title_vector(page)  # « Déclaration », stemmed in French
    french = Locale.objects.get(language_code="fr")
    query, _expanded = sq.build_query("accessibilité", french)
    assert page.pk in {pk for pk, _ct in sq.run_query(query, french)}


def test_without_a_stemmer_french_plural_rules_stay_french():
    """SQLite has no stemming: the search page adds plural variants itself, French ones
    (-aux/-al, -x) only for French."""
    assert sq.light_variants("journaux", "fr") == ["journal", "journaux"]
    assert "journal" not in sq.light_variants("journaux", "en")
    assert sq.light_variants("lessons", "en") == ["lesson", "lessons"]
