"""Lesson, path and index pages render with a number of queries that does not depend on how
many lessons the path holds."""

import pytest

from lessons.models import LearningIndexPage, LearningPathPage, LessonPage
from tests.queries import count_page_queries

pytestmark = pytest.mark.django_db


def make_path(count, name=""):
    index = LearningIndexPage.objects.get()
    learning_path = LearningPathPage(title=f"Parcours de {count}", slug=f"parcours-{count}{name}")
    index.add_child(instance=learning_path)
    lessons = []
    for number in range(count):
        lesson = LessonPage(
            title=f"Leçon {number}",
            slug=f"lecon-{number}",
            body=[("paragraph", "<p>Texte.</p>")],
        )
        learning_path.add_child(instance=lesson)
        lessons.append(lesson)
    return learning_path, lessons


def test_path_and_lesson_queries_do_not_grow_with_lessons(client):
    small_path, small_lessons = make_path(5)
    large_path, large_lessons = make_path(50)
    assert count_page_queries(client, small_path.url) == count_page_queries(client, large_path.url)
    assert count_page_queries(client, small_lessons[2].url) == count_page_queries(
        client, large_lessons[25].url
    )
    index_url = LearningIndexPage.objects.get().url
    with_paths = count_page_queries(client, index_url)
    make_path(5, "-bis")
    assert count_page_queries(client, index_url) == with_paths
    assert "Leçon 26 sur 50" in client.get(large_lessons[25].url).content.decode()
