"""The demo's practice quizzes are real practice (issue 18): at least three questions each, and
every answer says why it is right or wrong; every lesson says what it was checked against, each
source dated. Read from the loaded demo, so a data file without them fails here."""

import re

import pytest
from wagtail.models import Page

from content.quizzes import quiz_children
from lessons.models import LessonPage, SchoolModulePage

pytestmark = pytest.mark.django_db

MIN_QUESTIONS = 3


def demo_quizzes():
    for page in Page.objects.live().specific():
        for quiz in quiz_children(page):
            yield page, quiz


def test_every_demo_quiz_has_three_questions_and_feedback_on_every_answer():
    quizzes = list(demo_quizzes())
    lessons = {page.pk for page, _quiz in quizzes if isinstance(page, LessonPage)}
    # Not vacuous: the eight lessons of the two paths, the explainer and two school modules.
    assert len(lessons) >= 8 and len(quizzes) >= 11
    missing = []
    for page, quiz in quizzes:
        questions = quiz.value["questions"]
        # A school module's quiz is one projected slide, answered aloud by the class: it must
        # fit a 1280x720 projector (tests/browser/test_classroom_fit.py), so two questions.
        projected = isinstance(page, SchoolModulePage)
        if not projected and len(questions) < MIN_QUESTIONS:
            missing.append(f"{page.url}: {len(questions)} question(s)")
        for question in questions:
            for answer in question["answers"]:
                if not answer["feedback"].strip():
                    missing.append(f"{page.url}: « {answer['text']} » has no feedback")
    assert missing == []


def strong(password):
    """At least 12 characters with capitals, small letters, digits and signs (CNIL's first
    example of a password that protects an account on its own)."""
    kinds = [r"[A-Z]", r"[a-z]", r"[0-9]", r"[^A-Za-z0-9]"]
    return len(password) >= 12 and all(re.search(kind, password) for kind in kinds)


def test_the_passwords_the_lesson_calls_solid_follow_its_own_rule():
    """The lesson once taught a method that made 7 characters, then said « au moins 12 »."""
    lesson = LessonPage.objects.get(slug="mots-de-passe-solides")
    (quiz,) = quiz_children(lesson)
    question = next(q for q in quiz.value["questions"] if q["kind"] == "multiple")
    verdicts = {answer["text"]: answer["correct"] for answer in question["answers"]}
    assert verdicts == {text: strong(text) for text in verdicts}
    assert any(verdicts.values()) and not all(verdicts.values())
    steps = next(child for child in lesson.body if child.block_type == "steps")
    taught = re.findall(r"\b(?:[A-Z][a-z]+[0-9]?-){3}[A-Z][a-z]+\b", str(steps.render()))
    assert taught and all(strong(password) for password in taught)


def test_every_demo_lesson_ends_with_dated_sources():
    lessons = list(LessonPage.objects.live().filter(easy_read_of__isnull=True))
    assert len(lessons) >= 8
    undated = []
    for lesson in lessons:
        blocks = [child.value for child in lesson.body if child.block_type == "sources"]
        sources = [source for block in blocks for source in block["sources"]]
        if not sources:
            undated.append(f"{lesson.url}: no sources")
        undated += [f"{lesson.url}: « {s['title']} » undated" for s in sources if not s["date"]]
    assert undated == []
