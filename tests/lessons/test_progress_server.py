"""Issues 15 and 20: H5P results in resume codes (format 3, format 2 still read), and the
progress read from a code by the server: the no-JavaScript resume page and attestation."""

import re

import pytest

from content.models import H5PActivity
from lessons.models import LearningIndexPage, LearningPathPage, LessonPage
from lessons.progress import (
    FORMAT,
    ResumeCodeError,
    _mac,
    _to_base32,
    _varint,
    make_resume_code,
    read_resume_code,
)

pytestmark = pytest.mark.django_db

ACTIVITY = "6b1f2c4e-7d1a-4c3b-9a55-3a1f0c2b9e01"  # the demo's SMS scam activity


def payload_format(code):
    from lessons.progress import _from_base32

    return _from_base32(code.replace("-", ""))[0]


def test_h5p_results_travel_in_the_code():
    code = make_resume_code({"lessons": [3], "activities": {ACTIVITY: [4, 5]}})
    assert payload_format(code) == 3
    assert read_resume_code(code)["activities"] == {ACTIVITY: [4, 5]}
    # An activity done without a score (H5P sends none for some content types).
    code = make_resume_code({"lessons": [], "activities": {ACTIVITY: [None, None]}})
    assert read_resume_code(code)["activities"] == {ACTIVITY: [None, None]}
    with pytest.raises(ResumeCodeError):
        read_resume_code(code[:-6] + "000000")  # still signed


def test_a_code_without_activities_keeps_format_2_and_old_codes_still_read():
    code = make_resume_code({"lessons": [3, 5], "activities": {}})
    assert payload_format(code) == FORMAT == 2
    # A format-2 code built by hand as the previous version wrote them.
    payload = bytes([2]) + _varint(2) + _varint(3) + _varint(2) + _varint(0)
    old = _to_base32(payload + _mac(payload))
    assert read_resume_code(old) == {"v": 1, "lessons": [3, 5], "quizzes": {}, "activities": {}}


def test_unknown_deleted_or_hostile_activities_are_dropped():
    unknown = "00000000-0000-0000-0000-000000000000"
    hostile = {ACTIVITY: [4, 5], unknown: [1, 1], "x": [1, 1], "a" * 36: [1, 1]}
    code = make_resume_code({"activities": hostile})
    assert read_resume_code(code)["activities"] == {ACTIVITY: [4, 5]}
    for bad in ([300, 5], [True, 5], [1.5, 2], "done", [1]):
        code = make_resume_code({"activities": {ACTIVITY: bad}})
        assert read_resume_code(code)["activities"] == {}
    code = make_resume_code({"activities": {ACTIVITY: [4, 5]}})
    H5PActivity.objects.filter(uuid=ACTIVITY).delete()
    assert read_resume_code(code)["activities"] == {}


def code_lessons():
    """Two lessons of two paths, and the activity."""
    first = LessonPage.objects.get(slug="creer-une-adresse-e-mail")
    second = LessonPage.objects.get(slug="reconnaitre-un-sms-hameconnage")
    progress = {"lessons": [first.pk, second.pk], "activities": {ACTIVITY: [3, 4]}}
    return [first, second], make_resume_code(progress)


def listed(html, marker):
    lists = re.findall(rf"<ul {marker}>(.*?)</ul>", html, re.DOTALL)
    return [item for block in lists for item in re.findall(r"<li>(.*?)</li>", block)]


def test_attestation_without_javascript_lists_exactly_the_lessons_of_the_code(client):
    index = LearningIndexPage.objects.get()
    lessons, code = code_lessons()
    response = client.get(f"{index.url}attestation/", {"code": code.lower()})
    assert response.status_code == 200
    html = response.content.decode()
    assert listed(html, "data-code-lessons") == [lesson.title for lesson in lessons]
    assert listed(html, "data-code-activities") == [
        "Arnaque au SMS : l&#x27;amende à payer : terminée, score 3 sur 4"
    ]
    assert "attestation__write-in" in html  # the name line, left blank
    assert "data-attestation hidden" not in html  # not the browser's version
    # Nothing else: no other lesson title of the demo is in the attestation.
    section = html[html.index("data-attestation-code") : html.index("attestation-code")]
    others = LessonPage.objects.live().exclude(pk__in=[lesson.pk for lesson in lessons])
    assert not [lesson.title for lesson in others if f"<li>{lesson.title}</li>" in section]


def test_attestation_with_a_wrong_code_focuses_the_error(client):
    index = LearningIndexPage.objects.get()
    html = client.get(f"{index.url}attestation/", {"code": "ABCD"}).content.decode()
    assert re.search(r'class="error-summary" role="alert" tabindex="-1" autofocus', html)
    assert 'aria-invalid="true"' in html and "data-code-lessons" not in html


def test_resume_page_shows_the_lessons_of_the_code_and_links_its_attestation(client):
    index = LearningIndexPage.objects.get()
    lessons, code = code_lessons()
    html = client.get(f"{index.url}reprendre/", {"code": code}).content.decode()
    assert listed(html, "data-code-lessons") == [lesson.title for lesson in lessons]
    assert f'href="{index.url}attestation/?code={code}"' in html


@pytest.mark.parametrize("route", ["reprendre/", "attestation/"])
def test_pages_read_from_a_code_are_never_cached(client, route):
    """One page-cache entry per code typed (good or bad) would let anyone fill the cache."""
    index = LearningIndexPage.objects.get()
    _lessons, code = code_lessons()
    for typed in (code, "ABCD"):
        response = client.get(f"{index.url}{route}", {"code": typed})
        assert "no-store" in response["Cache-Control"]
        assert "X-Page-Cache" not in client.get(f"{index.url}{route}", {"code": typed})
    assert "no-store" not in client.get(f"{index.url}{route}").get("Cache-Control", "")


def test_path_page_lists_its_lessons_activities_for_the_browser(client):
    with_activity = LearningPathPage.objects.get(slug="aller-plus-loin")
    html = client.get(with_activity.url).content.decode()
    assert f'<li data-activity-id="{ACTIVITY}" hidden>' in html
    without = LearningPathPage.objects.get(slug="premiers-pas")
    assert "data-activity-id" not in client.get(without.url).content.decode()
