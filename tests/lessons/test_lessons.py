import datetime
import json
import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.core.signing import BadSignature
from django.http import QueryDict
from django.test import Client
from django.utils import timezone, translation
from django.utils.html import strip_tags

from content.blocks import QuestionBlock, QuizBlock, check_quiz
from content.blocks.learning import OptionalImageBlock
from lessons.models import LearningIndexPage, LearningPathPage, LessonPage
from lessons.placement import PLACEMENT_QUESTIONS, recommend_level
from lessons.progress import ResumeCodeError, make_resume_code, read_resume_code

pytestmark = pytest.mark.django_db

QUIZ = {
    "title": "Quiz",
    "questions": [
        {
            "kind": "single",
            "prompt": "Une adresse e-mail ?",
            "answers": [
                {"text": "a@b.fr", "correct": True, "feedback": "Oui"},
                {"text": "www.b.fr", "correct": False, "feedback": "Non"},
            ],
            "explanation": "<p>Arobase.</p>",
        },
        {
            "kind": "multiple",
            "prompt": "Solides ?",
            "answers": [
                {"text": "A", "correct": True, "feedback": ""},
                {"text": "B", "correct": False, "feedback": ""},
                {"text": "C", "correct": True, "feedback": ""},
            ],
            "explanation": "",
        },
    ],
}


def quiz_value():
    return QuizBlock().to_python(QUIZ)


def test_check_quiz_scores_single_and_multiple_answers():
    result = check_quiz(quiz_value(), QueryDict("q0=0&q1=0&q1=2"))
    assert (result.score, result.max, result.is_complete) == (2, 2, True)
    result = check_quiz(quiz_value(), QueryDict("q0=1&q1=0"))
    assert result.score == 0  # a multiple-choice question needs every right answer, no more


def test_check_quiz_reports_unanswered_questions_and_ignores_junk():
    result = check_quiz(quiz_value(), QueryDict("q1=9&q1=x"))
    assert result.unanswered == [0, 1]
    assert not result.is_complete


def quiz_errors(html):
    """Each question's instruction shown when it is left unanswered, in order."""
    return [
        unescape(text) for text in re.findall(r'<p class="quiz__error" hidden>([^<]*)</p>', html)
    ]


def test_unanswered_instruction_says_one_answer_or_at_least_one():
    """Issue 17: every question said « Choisissez au moins une réponse », single-choice ones
    too. The text is in the page (quiz.js only shows it), so it is right with or without
    JavaScript."""
    value = QuizBlock().to_python(
        {**QUIZ, "questions": [*QUIZ["questions"], {**QUIZ["questions"][0], "kind": "true_false"}]}
    )
    html = QuizBlock().render(value, {"block_id": "b1"})
    assert quiz_errors(html) == [
        "Choisissez une réponse.",
        "Choisissez au moins une réponse.",
        "Choisissez une réponse.",
    ]
    with translation.override("en"):
        html = QuizBlock().render(value, {"block_id": "b1"})
    assert quiz_errors(html) == [
        "Choose one answer.",
        "Choose at least one answer.",
        "Choose one answer.",
    ]


def test_question_block_validation():
    block = QuestionBlock()
    value = block.to_python(QUIZ["questions"][0] | {"kind": "true_false"})
    block.clean(value)
    none_right = block.to_python(
        QUIZ["questions"][0] | {"answers": [{"text": "x", "correct": False, "feedback": ""}] * 2}
    )
    with pytest.raises(ValidationError):
        block.clean(none_right)
    two_right_single = block.to_python(
        QUIZ["questions"][0] | {"answers": [{"text": "x", "correct": True, "feedback": ""}] * 2}
    )
    with pytest.raises(ValidationError):
        block.clean(two_right_single)


def test_optional_screenshot_keeps_alt_text_rules():
    block = OptionalImageBlock()
    assert block.clean(block.to_python({"image": None, "alt_text": ""}))["image"] is None


def test_resume_code_round_trip_and_tampering():
    code = make_resume_code({"lessons": [3, 5, "x"], "quizzes": {}, "name": "Bob"})
    assert read_resume_code(code) == {"v": 1, "lessons": [3, 5], "quizzes": {}, "activities": {}}
    tampered = code[:-3] + ("AAA" if not code.endswith("AAA") else "BBB")
    with pytest.raises(ResumeCodeError):
        read_resume_code(tampered)
    with pytest.raises(ResumeCodeError):
        read_resume_code("")
    assert not isinstance(ResumeCodeError("x"), BadSignature)


def test_resume_code_is_short_enough_to_copy_by_hand():
    """Eight lessons of a real site and two quiz results: a code one can read out."""
    lessons = list(LessonPage.objects.values_list("pk", flat=True)[:8])
    quizzes = quiz_keys_of_demo()[:2]
    code = make_resume_code({"lessons": lessons, "quizzes": {k: [2, 3] for k in quizzes}})
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{1,4}(-[0-9A-HJKMNP-TV-Z]{1,4})*", code)
    assert len(code.replace("-", "")) <= 48, code
    eight_lessons = make_resume_code({"lessons": lessons})
    assert len(eight_lessons.replace("-", "")) <= 26, eight_lessons


def quiz_keys_of_demo():
    from content.quizzes import quiz_children

    return [
        f"{page.pk}-{child.id}"
        for page in LessonPage.objects.live().specific()
        for child in quiz_children(page)
    ]


def test_resume_code_carries_quiz_results_and_forgives_typing():
    key = quiz_keys_of_demo()[0]
    code = make_resume_code({"lessons": [7], "quizzes": {key: [2, 3], "not-a-quiz": [1, 1]}})
    expected = {"v": 1, "lessons": [7], "quizzes": {key: [2, 3]}, "activities": {}}
    assert read_resume_code(code) == expected
    # Lower case, spaces instead of dashes, O for 0 and l for 1: still the same code.
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert read_resume_code(typed) == expected
    with pytest.raises(ResumeCodeError):
        read_resume_code(code.replace("-", "")[:-1])  # a character missing
    with pytest.raises(ResumeCodeError):
        read_resume_code(code + "UUUU")  # U is not in the alphabet


def test_resume_code_drops_results_of_deleted_quizzes():
    key = quiz_keys_of_demo()[0]
    page_id = key.split("-")[0]
    gone = f"{page_id}-ffff0000-0000-0000-0000-000000000000"
    code = make_resume_code({"lessons": [1], "quizzes": {key: [1, 2], gone: [2, 2]}})
    assert read_resume_code(code)["quizzes"] == {key: [1, 2]}


@pytest.mark.parametrize(
    "progress",
    [
        {"lessons": 5},
        {"lessons": ["²", "٣", True, None, [1], "9" * 5000]},
        {"quizzes": [1]},
        {"quizzes": {"1-abcd": [True, 2], "2-abcd": [1.5, 2], "3-abcd": "x"}},
        [1, 2],
        "lessons",
    ],
)
def test_hostile_progress_is_dropped_not_a_server_error(client, progress):
    response = client.get("/progression/code/", {"p": json.dumps(progress)})
    assert response.status_code == 200
    nothing = {"v": 1, "lessons": [], "quizzes": {}, "activities": {}}
    assert read_resume_code(response.json()["code"]) == nothing


def test_absurd_progress_payloads_are_refused_cleanly(client):
    assert client.get("/progression/code/", {"p": "[" * 100_000}).status_code == 400
    deep = "[" * 5000 + "]" * 5000
    assert client.get("/progression/code/", {"p": deep}).status_code == 400


def test_every_code_issued_can_be_read_back():
    """The writer keeps to what the reader accepts: 500 lessons at most, 32-bit ids."""
    many = make_resume_code({"lessons": [*range(1, 900), 2**31 - 1, 2**40]})
    lessons = read_resume_code(many)["lessons"]
    assert len(lessons) == 500 and lessons[0] == 1 and 2**40 not in lessons


def test_a_code_carries_no_quiz_of_a_draft_page():
    key = quiz_keys_of_demo()[0]
    page_id = int(key.split("-")[0])
    LessonPage.objects.get(pk=page_id).unpublish()
    code = make_resume_code({"lessons": [page_id], "quizzes": {key: [1, 2]}})
    assert read_resume_code(code)["quizzes"] == {}


def test_only_one_spelling_of_a_code_is_accepted():
    code = make_resume_code({"lessons": [3, 5]}).replace("-", "")
    last = code[-1]
    others = [c for c in "0123456789ABCDEFGHJKMNPQRSTVWXYZ" if c != last]
    accepted = []
    for other in others:
        try:
            read_resume_code(code[:-1] + other)
            accepted.append(other)
        except ResumeCodeError:
            pass
    assert accepted == []


def test_codes_survive_a_secret_key_rotation(settings):
    code = make_resume_code({"lessons": [3]})
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 40
    assert read_resume_code(code)["lessons"] == [3]
    settings.SECRET_KEY_FALLBACKS = []
    with pytest.raises(ResumeCodeError):
        read_resume_code(code)


def test_resume_codes_of_the_first_format_are_still_read():
    from django.core import signing

    from lessons.progress import SALT

    old = signing.dumps({"v": 1, "lessons": [4, 9], "quizzes": {}}, salt=SALT, compress=True)
    assert read_resume_code(old)["lessons"] == [4, 9]
    with pytest.raises(ResumeCodeError):
        read_resume_code(old[:-2] + "zz")


def test_placement_recommendation():
    all_yes = {q["name"]: "oui" for q in PLACEMENT_QUESTIONS}
    assert recommend_level(all_yes) == 2
    assert recommend_level(all_yes | {"courriel": "non"}) == 1
    assert recommend_level(all_yes | {"ia": "non"}) == 2


def demo_path():
    return LearningPathPage.objects.get(slug="premiers-pas")


def test_previous_next_and_position():
    lessons = demo_path().lessons
    assert len(lessons) == 4  # the easy-to-read version is not counted
    second = LessonPage.objects.get(pk=lessons[1].pk)
    previous, following, number, total = second.position()
    assert (previous.pk, following.pk, number, total) == (lessons[0].pk, lessons[2].pk, 2, 4)
    first = LessonPage.objects.get(pk=lessons[0].pk)
    assert first.position()[0] is None
    last = LessonPage.objects.get(pk=lessons[-1].pk)
    assert last.position()[1] is None


def test_easy_read_flag_when_original_changes_after():
    falc = LessonPage.objects.get(slug="creer-une-adresse-e-mail-falc")
    original = falc.easy_read_of
    original.last_published_at = timezone.now() - datetime.timedelta(days=10)
    falc.last_published_at = timezone.now() - datetime.timedelta(days=5)
    assert not falc.easy_read_outdated
    original.last_published_at = timezone.now()
    assert falc.easy_read_outdated
    assert "FALC à mettre à jour" in falc.get_admin_display_title()
    assert "FALC" not in original.get_admin_display_title()


def make_editor():
    """A member of the coordination group: page rights come from page permissions."""
    from django.contrib.auth.models import Group, User

    from content.organisations import COORDINATION_GROUP

    editor = User.objects.create_user("editrice", password="x" * 20)
    editor.groups.add(Group.objects.get(name=COORDINATION_GROUP))
    return editor


def test_dashboard_lists_the_lessons_to_review(admin_client):
    """Editors see, on the admin home, the lessons past their review date and the FALC
    versions whose original changed after them; the panel is gone when all is up to date."""
    from django.utils.html import escape

    now, today = timezone.now(), timezone.localdate()
    LessonPage.objects.update(reviewed_at=today, last_published_at=now)
    falc = LessonPage.objects.get(slug="creer-une-adresse-e-mail-falc")
    LessonPage.objects.filter(pk=falc.pk).update(last_published_at=now - datetime.timedelta(5))
    stale = LessonPage.objects.exclude(pk__in=[falc.pk, falc.easy_read_of_id]).first()
    LessonPage.objects.filter(pk=stale.pk).update(reviewed_at=today - datetime.timedelta(200))

    overdue, easy_read = LessonPage.needing_review()
    assert [lesson.pk for lesson in overdue] == [stale.pk]
    assert [lesson.pk for lesson in easy_read] == [falc.pk]
    html = admin_client.get("/admin/").content.decode()
    panel = html[html.index('id="lessons-to-review-section"') :]
    assert escape(stale.title) in panel and f"/admin/pages/{stale.pk}/edit/" in panel
    assert escape(falc.title) in panel[panel.index("Versions FALC") :]

    editor = make_editor()
    client = Client()
    client.force_login(editor)
    assert 'id="lessons-to-review-section"' in client.get("/admin/").content.decode()

    LessonPage.objects.update(reviewed_at=today, last_published_at=now)
    assert 'id="lessons-to-review-section"' not in admin_client.get("/admin/").content.decode()


def test_review_by_is_six_months_after_review():
    lesson = LessonPage(reviewed_at=datetime.date(2026, 1, 1))
    assert lesson.review_by == datetime.date(2026, 7, 3)
    assert lesson.review_overdue


def test_lesson_page_links_easy_read_both_ways(client):
    falc = LessonPage.objects.get(slug="creer-une-adresse-e-mail-falc")
    original = falc.easy_read_of
    html = client.get(original.url).content.decode()
    assert falc.url in html and "Leçon 1 sur 4" in html
    html = client.get(falc.url).content.decode()
    assert original.url in html and "Leçon 1 sur 4" in html


def first_quiz(page):
    return next(child for child in page.body if child.block_type == "quiz")


def test_quiz_without_javascript_is_checked_by_the_server(client):
    lesson = LessonPage.objects.get(slug="creer-une-adresse-e-mail")
    quiz = first_quiz(lesson)
    url = f"/quiz/{lesson.pk}/"
    response = client.get(url, {"quiz": quiz.id, "q0": "0", "q1": "1", "q2": "0"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Votre score : 3 sur 3." in html
    assert "Aucun conseiller ne demande votre mot de passe." in html  # the explanation
    assert not response.cookies  # nothing stored, no CSRF cookie
    assert "no-store" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex"
    # The score takes the focus (autofocus: no JavaScript needed) and is the live region.
    assert re.search(r'role="status" data-quiz-status tabindex="-1" autofocus>', html)
    response = client.get(url, {"quiz": quiz.id, "q0": "0"})
    html = response.content.decode()
    assert "Choisissez une réponse à la question 2" in html
    assert 'aria-invalid="true"' in html
    assert re.search(r'class="error-summary"[^>]*data-quiz-errors autofocus>', html)
    assert "data-quiz-status>" in html  # no autofocus on the score while answers are missing
    assert not re.search(r"Votre score : \d", html)  # no score until every question is answered


def test_quiz_result_survives_a_reload_and_a_bookmark(client):
    """Issue 15: reloading or bookmarking the no-JS result gave an empty 405 page."""
    lesson = LessonPage.objects.get(slug="creer-une-adresse-e-mail")
    quiz = first_quiz(lesson)
    lesson_html = client.get(lesson.url).content.decode()
    assert f'method="get" action="/quiz/{lesson.pk}/"' in lesson_html
    answers = {"quiz": quiz.id, "q0": "0", "q1": "0", "q2": "0"}
    first = client.get(f"/quiz/{lesson.pk}/", answers)
    again = client.get(first.request["PATH_INFO"] + "?" + first.request["QUERY_STRING"])
    assert first.status_code == again.status_code == 200
    assert "Votre score : 2 sur 3." in again.content.decode()
    assert again.content == first.content
    # Forms cached before the change still post: 303 to the same result at a GET URL.
    posted = client.post(f"/quiz/{lesson.pk}/", answers)
    assert posted.status_code == 303
    followed = client.get(posted["Location"])
    assert "Votre score : 2 sur 3." in followed.content.decode()


FEEDBACK = re.compile(
    r'<p class="quiz__feedback[^"]*"(?: data-feedback)?( hidden)?>\s*(.*?)\s*</p>', re.S
)


def test_no_javascript_result_shows_the_feedback_of_the_chosen_answers_only(client):
    """Each chosen answer's own comment (why right, why wrong) is shown and read out by the
    focused status region; the comments of the answers not chosen stay hidden."""
    lesson = LessonPage.objects.get(slug="creer-une-adresse-e-mail")
    quiz = first_quiz(lesson)
    response = client.get(f"/quiz/{lesson.pk}/", {"quiz": quiz.id, "q0": "1", "q1": "1", "q2": "1"})
    html = response.content.decode()
    shown = [
        strip_tags(text).replace("\n", " ") for hidden, text in FEEDBACK.findall(html) if not hidden
    ]
    questions = quiz.value["questions"]
    chosen = [questions[0]["answers"][1], questions[1]["answers"][1], questions[2]["answers"][1]]
    assert [unescape(text) for text in shown] == [
        "Ce n'est pas la bonne réponse. " + chosen[0]["feedback"],
        "Bonne réponse. " + chosen[1]["feedback"],
        "Ce n'est pas la bonne réponse. " + chosen[2]["feedback"],
    ]
    status = re.search(r"data-quiz-verdicts>(.*?)</p>", html, re.S).group(1)
    assert unescape(status) == (
        f"Question 1 sur 3 : Pas tout à fait. {chosen[0]['feedback']} "
        f"Question 2 sur 3 : Bravo, c'est juste ! {chosen[1]['feedback']} "
        f"Question 3 sur 3 : Pas tout à fait. {chosen[2]['feedback']}"
    )
    # Before any answer, nothing is said and every comment is hidden.
    page_html = client.get(lesson.url).content.decode()
    assert re.search(r"data-quiz-verdicts></p>", page_html)
    assert all(hidden for hidden, _text in FEEDBACK.findall(page_html))


def test_quiz_view_sends_a_bare_url_to_the_page_and_refuses_unknown_quizzes(client):
    lesson = LessonPage.objects.get(slug="creer-une-adresse-e-mail")
    response = client.get(f"/quiz/{lesson.pk}/")
    assert (response.status_code, response["Location"]) == (302, lesson.url)
    assert client.get(f"/quiz/{lesson.pk}/", {"quiz": "nope"}).status_code == 404
    assert client.put(f"/quiz/{lesson.pk}/").status_code == 405


def test_resume_page_restores_and_refuses_tampered_codes(client):
    index = LearningIndexPage.objects.get()
    code = make_resume_code({"lessons": [7, 8]})
    html = client.get(f"{index.url}reprendre/", {"code": code}).content.decode()
    assert 'id="restored-progress"' in html and "2 leçons terminées" in html
    tampered = code[:-2] + ("ZZ" if not code.endswith("ZZ") else "YY")
    response = client.get(f"{index.url}reprendre/", {"code": tampered})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ce code n&#x27;est pas reconnu" in html and "restored-progress" not in html


def test_resume_code_endpoint_signs_only_progress(client):
    progress = {"lessons": [1, 2], "quizzes": {}, "email": "x@y.fr"}
    response = client.get("/progression/code/", {"p": json.dumps(progress)})
    code = response.json()["code"]
    assert read_resume_code(code) == {"v": 1, "lessons": [1, 2], "quizzes": {}, "activities": {}}
    assert client.get("/progression/code/", {"p": "{"}).status_code == 400


def test_placement_page_recommends_a_path(client):
    index = LearningIndexPage.objects.get()
    answers = {q["name"]: "oui" for q in PLACEMENT_QUESTIONS} | {"envoye": "1"}
    html = client.get(f"{index.url}ou-en-suis-je/", answers | {"courriel": "non"}).content.decode()
    assert "Niveau 1" in html and "/se-former/premiers-pas/" in html
    html = client.get(f"{index.url}ou-en-suis-je/", answers).content.decode()
    assert "/se-former/aller-plus-loin/" in html
    html = client.get(f"{index.url}ou-en-suis-je/", {"envoye": "1"}).content.decode()
    assert "Il manque une réponse" in html
