"""Search facets hold together: a lesson carries its path's level and audiences (facets and
index), and one level is one option whichever page types use it (issue 15)."""

import re

import pytest
from wagtail.models import Locale

from lessons.models import LearningPathPage, LessonPage
from search import query as sq

pytestmark = pytest.mark.django_db

URL = "/recherche/"


def result_urls(response):
    return re.findall(r'search-result__title"><a href="([^"]*)"', response.content.decode())


def level_one_lessons():
    path = LearningPathPage.objects.get(slug="premiers-pas")
    return {lesson.url for lesson in LessonPage.objects.child_of(path).live()}


@pytest.mark.parametrize(
    "params", [{"public": "habitants"}, {"public": "seniors"}, {"niveau": "1"}]
)
def test_filters_keep_the_level_one_lessons(client, params):
    """« mot de passe » finds the level-1 lesson on passwords; filtering by the path's
    audience or level must keep it (it used to remove every lesson)."""
    unfiltered = result_urls(client.get(URL, {"q": "mot de passe"}))
    lesson = "/se-former/premiers-pas/mots-de-passe-solides/"
    assert lesson in unfiltered
    filtered = client.get(URL, {"q": "mot de passe", **params})
    urls = result_urls(filtered)
    assert lesson in urls
    assert "Certains filtres ne correspondent" not in filtered.content.decode()


def test_a_level_filter_keeps_every_level_one_lesson_a_query_finds(client):
    locale = Locale.objects.get(language_code="fr")
    hits = [(p.pk, p.content_type_id) for p in sq.base_queryset(locale).type(LessonPage)]
    _facets, keep, ignored = sq.compute_facets(hits, {"niveau": ["1"]})
    path = LearningPathPage.objects.get(slug="premiers-pas")
    expected = set(LessonPage.objects.child_of(path).live().values_list("pk", flat=True))
    assert ignored == [] and expected and keep == expected


def test_one_option_per_level():
    """Events' « Niveau 1 » and the paths' level 1 are one option (it was offered twice)."""
    locale = Locale.objects.get(language_code="fr")
    hits = [(p.pk, p.content_type_id) for p in sq.base_queryset(locale)]
    facets, _keep, _ignored = sq.compute_facets(hits, {})
    (level,) = [f for f in facets if f.key == "niveau"]
    labels = [o.label for o in level.options]
    assert len([label for label in labels if label.startswith("Niveau 1")]) == 1, labels
    assert len([label for label in labels if label.startswith("Niveau 2")]) == 1, labels
    option = next(o for o in level.options if o.value == "1")
    assert option.label == "Niveau 1 – Premiers pas"
    # the lessons and the events at level 1 all count under it
    assert option.count > LearningPathPage.objects.filter(level=1).count() + len(
        level_one_lessons()
    )


def test_a_lesson_is_found_by_its_path_audience(client):
    urls = result_urls(client.get(URL, {"q": "seniors"}))
    assert level_one_lessons() & set(urls)


def test_publishing_a_path_reindexes_its_lessons(client):
    path = LearningPathPage.objects.get(slug="premiers-pas")
    lesson = "/se-former/premiers-pas/mots-de-passe-solides/"
    assert lesson not in result_urls(client.get(URL, {"q": "collégiens"}))
    from content.models import Audience

    path.audiences.add(Audience.objects.get(slug="jeunes", locale=path.locale))
    path.save_revision().publish()
    assert lesson in result_urls(client.get(URL, {"q": "collégiens"}))
