"""Easy-to-read (« Facile à lire ») versions of the level-1 lessons: complete (same steps, their
own quiz), marked, linked both ways, listed on their path, found by search (issue 18)."""

import re

import pytest
from django.utils.html import escape

from content.checks.rules import MAX_WORDS, plain, sentences, word_count
from content.checks.scan import scan_page
from lessons.models import LearningPathPage, LessonPage, Level

pytestmark = pytest.mark.django_db

PATH_URL = "/se-former/premiers-pas/"
MARK = '<span class="tag">Facile à lire</span>'


def level_one_lessons():
    paths = LearningPathPage.objects.live().filter(level=Level.BEGINNER)
    lessons = LessonPage.objects.live().filter(easy_read_of__isnull=True)
    return [lesson for lesson in lessons if any(lesson.is_descendant_of(p) for p in paths)]


def steps_of(page):
    return [
        step for child in page.body if child.block_type == "steps" for step in child.value["steps"]
    ]


def quiz_questions(page):
    return [
        question
        for child in page.body
        if child.block_type == "quiz"
        for question in child.value["questions"]
    ]


def easy_version(lesson):
    return lesson.easy_read_versions.live().get()


def test_the_demo_has_four_level_one_lessons():
    assert sorted(lesson.slug for lesson in level_one_lessons()) == [
        "ameli-impots-franceconnect",
        "creer-une-adresse-e-mail",
        "mots-de-passe-solides",
        "reconnaitre-un-site-securise",
    ]


@pytest.mark.parametrize(
    "slug",
    [
        "creer-une-adresse-e-mail",
        "reconnaitre-un-site-securise",
        "mots-de-passe-solides",
        "ameli-impots-franceconnect",
    ],
)
def test_every_level_one_lesson_has_a_complete_easy_read_version(slug):
    original = LessonPage.objects.get(slug=slug)
    version = easy_version(original)
    assert version.get_parent().pk == original.get_parent().pk
    assert len(steps_of(version)) == len(steps_of(original)) > 0
    # Pictures beside the text: each step shows its original step's drawing, with its own text.
    assert [step["screenshot"]["image"] for step in steps_of(version)] == [
        step["screenshot"]["image"] for step in steps_of(original)
    ]
    assert all(step["screenshot"]["alt_text"] for step in steps_of(version))
    questions = quiz_questions(version)
    assert len(questions) >= 3
    for question in questions:
        # Every answer says why it is right or wrong, not only the explanation after.
        assert all(answer["feedback"].strip() for answer in question["answers"])
        assert any(answer["correct"] for answer in question["answers"])
    # Published after its original: not flagged as outdated by the content checks.
    assert not version.easy_read_outdated


def test_easy_read_versions_keep_sentences_short():
    """The content check's own measure (≤ 20 words) holds on every piece of text, and the
    texts are really cut in sentences (not one run-on line the measure would miss)."""
    for original in level_one_lessons():
        version = easy_version(original)
        all_sentences = [s for text in scan_page(version).texts for s in sentences(text)]
        assert len(all_sentences) > 30, version.slug
        assert max(word_count(s) for s in all_sentences) <= MAX_WORDS
        body = " ".join(plain(text) for text in scan_page(version).texts)
        assert word_count(body) / len(all_sentences) < 10, version.slug


def test_easy_read_lesson_is_marked_and_links_to_its_original(client):
    original = LessonPage.objects.get(slug="mots-de-passe-solides")
    version = easy_version(original)
    html = client.get(version.url).content.decode()
    main = html[html.index("<main") :]
    # A text mark under the title, not the European logo (which needs readers' validation).
    assert f'<p class="easy-read-mark">{MARK}</p>' in main[main.index("<h1") :][:400]
    assert f'href="{original.url}"' in main
    assert "Leçon 3 sur 4" in main
    original_html = client.get(original.url).content.decode()
    assert f'href="{version.url}"' in original_html
    assert MARK not in original_html


def test_easy_read_lesson_leads_to_the_next_easy_read_lesson(client):
    """From an easy-to-read version, « Leçon suivante » and « précédente » are the easy-to-read
    versions of the neighbours."""
    lessons = LearningPathPage.objects.get(slug="premiers-pas").lessons
    html = client.get(lessons[1].easy_read_version.url).content.decode()
    assert re.search(rf'rel="prev" href="{lessons[0].easy_read_version.url}"', html)
    assert re.search(rf'rel="next" href="{lessons[2].easy_read_version.url}"', html)
    html = client.get(lessons[1].url).content.decode()
    assert re.search(rf'rel="next" href="{lessons[2].url}"', html)


def test_path_lists_each_easy_read_version_beside_its_original(client):
    html = client.get(PATH_URL).content.decode()
    listing = html[html.index('class="lesson-list"') :]
    listing = listing[: listing.index("</ol>")]
    items = re.findall(r"<li\b.*?</li>", listing, re.S)
    assert len(items) == 4
    lessons = LearningPathPage.objects.get(slug="premiers-pas").lessons
    for item, original in zip(items, lessons, strict=True):
        version = easy_version(original)
        assert f'href="{original.url}"' in item
        assert f'href="{version.url}">{escape(version.title)}</a> {MARK}' in item
    assert "<dd>4</dd>" in html  # the count of lessons leaves the versions out


def path_page_queries(client):
    """(queries, HTML) of the path page, counted as tests/test_query_budget.py does."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(PATH_URL)
    cache.clear()
    client.get(PATH_URL)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(PATH_URL).content.decode()
    return len(queries), html


def test_path_lists_a_new_easy_read_version_without_another_query(client):
    """The versions come with the lessons (one query): the path page's query count does not
    depend on their number."""
    version = easy_version(LessonPage.objects.get(slug="creer-une-adresse-e-mail"))
    version.unpublish()
    three, html = path_page_queries(client)
    assert html.count(MARK) == 3
    version.save_revision().publish()
    four, html = path_page_queries(client)
    assert html.count(MARK) == 4
    assert four == three


def result_titles(client, q):
    html = client.get("/recherche/", {"q": q}).content.decode()
    return re.findall(r'search-result__title"><a href="[^"]*">([^<]*)</a>', html), html


@pytest.mark.parametrize("q", ["FALC", "falc", "facile à lire", "facile a lire", "Facile à lire"])
def test_search_finds_the_easy_read_versions_first(client, q):
    expected = {escape(easy_version(lesson).title) for lesson in level_one_lessons()}
    titles, html = result_titles(client, q)
    assert set(titles[:4]) == expected, titles
    assert '<span class="tag">Leçon facile à lire</span>' in html


def test_falc_is_found_without_the_synonym_group(client):
    """The versions index « FALC » themselves: an editor may delete the synonym group."""
    from search.models import SynonymGroup

    SynonymGroup.objects.filter(terms__icontains="falc").delete()
    titles, _html = result_titles(client, "FALC")
    assert len(titles) == 4 and all("(facile à lire)" in title for title in titles)
