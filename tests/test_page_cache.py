"""The anonymous page cache (content/cache.py): what is cached, what a change purges, what is
never cached, and the headers cached pages carry."""

import base64
import hashlib
import re

import pytest
from django.core.cache import cache
from django.test import override_settings

from campaigns.models import EventPage, ScamAlertPage
from content.models import SiteIdentity
from lessons.models import LessonPage, SchoolModulePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

LESSON = "/se-former/premiers-pas/creer-une-adresse-e-mail/"
OTHER_LESSON_SLUG = "creer-une-adresse-e-mail"  # LESSON's own slug, to find another one
EVENT = "/agenda/cafe-numerique/"
MODULE = "/interventions-scolaires/dangers-d-internet-6e/"


@pytest.fixture
def page_cache_on():
    cache.clear()
    with override_settings(PAGE_CACHE_TIMEOUT=300):
        yield
    cache.clear()


def cached(client, path, django_assert_num_queries, **headers):
    """Fill the cache, then check the next request is a hit that costs no query."""
    first = client.get(path, **headers)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(path, **headers)
    assert second["X-Page-Cache"] == "hit"
    return second


def publish_new_title(page, title):
    page.title = title
    page.save_revision().publish()


def other_lesson():
    return (
        LessonPage.objects.live()
        .exclude(slug=OTHER_LESSON_SLUG)
        .exclude(url_path__contains="falc")
        .first()
    )


def test_a_cached_page_costs_no_query(client, django_assert_num_queries):
    response = cached(client, LESSON, django_assert_num_queries)
    assert "<h1" in response.content.decode()


def test_publishing_purges_the_page_and_not_an_unrelated_one(client, django_assert_num_queries):
    lesson = LessonPage.objects.get(url_path__endswith=LESSON)
    unrelated = other_lesson().url
    cached(client, LESSON, django_assert_num_queries)
    cached(client, unrelated, django_assert_num_queries)

    publish_new_title(lesson, "Créer son adresse e-mail pas à pas")

    response = client.get(LESSON)
    assert response["X-Page-Cache"] == "miss"
    assert "Créer son adresse e-mail pas à pas" in response.content.decode()
    with django_assert_num_queries(0):
        assert client.get(unrelated)["X-Page-Cache"] == "hit"


def test_publishing_purges_the_listing_that_shows_the_page(client, django_assert_num_queries):
    lesson = LessonPage.objects.get(url_path__endswith=LESSON)
    path_page = lesson.get_parent().url
    cached(client, path_page, django_assert_num_queries)
    publish_new_title(lesson, "Ma toute première adresse e-mail")
    response = client.get(path_page)
    assert response["X-Page-Cache"] == "miss"
    assert "Ma toute première adresse e-mail" in response.content.decode()


def test_unpublishing_purges_the_page(client, django_assert_num_queries):
    lesson = LessonPage.objects.get(url_path__endswith=LESSON)
    cached(client, LESSON, django_assert_num_queries)
    lesson.unpublish()
    assert client.get(LESSON).status_code == 404


def test_a_routable_sub_url_is_purged_with_its_page(client, django_assert_num_queries):
    module = SchoolModulePage.objects.get(url_path__endswith=MODULE)
    classroom = MODULE + "mode-classe/"
    cached(client, classroom, django_assert_num_queries)
    publish_new_title(module, "Les dangers d'Internet, en 6e")
    response = client.get(classroom)
    assert response["X-Page-Cache"] == "miss"
    assert "Les dangers d&#x27;Internet, en 6e" in response.content.decode()


def test_a_site_setting_change_purges_every_page(client, django_assert_num_queries):
    cached(client, LESSON, django_assert_num_queries)
    identity = SiteIdentity.objects.get()
    identity.contact_phone = "03 21 00 00 42"
    identity.save()
    response = client.get(LESSON)
    assert response["X-Page-Cache"] == "miss"
    assert "03 21 00 00 42" in response.content.decode()


def test_a_new_scam_alert_banner_purges_every_page(client, django_assert_num_queries):
    cached(client, LESSON, django_assert_num_queries)
    alert = ScamAlertPage.objects.live().first()
    publish_new_title(alert, "Faux SMS de l'Assurance Maladie : ne cliquez pas")
    response = client.get(LESSON)
    assert response["X-Page-Cache"] == "miss"


def test_a_registration_page_is_never_served_from_the_cache(client):
    event = EventPage.objects.get(url_path__endswith=EVENT)
    occurrence = next(o for o in event.dates if not o.is_past)
    register = EVENT + f"inscription/{occurrence.pk}/"
    for _ in range(2):
        response = client.get(register)
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]


def test_a_registration_purges_the_event_page(client, django_assert_num_queries):
    from campaigns.models import Registration

    event = EventPage.objects.get(url_path__endswith=EVENT)
    occurrence = next(o for o in event.dates if not o.is_past and o.seats)
    cached(client, EVENT, django_assert_num_queries)
    Registration.register(occurrence.pk, name="Camille", email="", phone="", seats=1)
    assert client.get(EVENT)["X-Page-Cache"] == "miss"


def test_a_form_in_its_error_state_is_not_cached(client):
    event = EventPage.objects.get(url_path__endswith=EVENT)
    occurrence = next(o for o in event.dates if not o.is_past)
    response = client.post(EVENT + f"inscription/{occurrence.pk}/", {"name": ""})
    assert response.status_code == 400
    assert "X-Page-Cache" not in response


def test_a_logged_in_editor_never_gets_or_fills_the_cache(
    client, admin_user, django_assert_num_queries
):
    cached(client, LESSON, django_assert_num_queries)
    client.force_login(admin_user)
    response = client.get(LESSON)
    assert "X-Page-Cache" not in response
    client.logout()
    client.cookies.clear()
    assert client.get(LESSON)["X-Page-Cache"] == "hit"


def test_a_preview_is_not_cached(client, admin_user):
    client.force_login(admin_user)
    lesson = LessonPage.objects.get(url_path__endswith=LESSON)
    response = client.get(f"/admin/pages/{lesson.pk}/view_draft/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_cached_pages_carry_no_nonce_and_a_strict_policy(client, django_assert_num_queries):
    response = cached(client, EVENT, django_assert_num_queries)
    csp = response["Content-Security-Policy"]
    assert "nonce-" not in csp
    assert "'unsafe-inline'" not in csp
    html = response.content
    blocks = re.findall(rb'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert blocks, "the event page has JSON-LD"
    for block in blocks:
        digest = base64.b64encode(hashlib.sha256(block).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert b"nonce=" not in html


def test_a_revisit_gets_a_304(client, django_assert_num_queries):
    response = cached(client, LESSON, django_assert_num_queries)
    assert response["ETag"] and response["Last-Modified"]
    with django_assert_num_queries(0):
        again = client.get(LESSON, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    since = client.get(LESSON, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304


def test_pages_are_compressed_when_the_browser_accepts_it(client, django_assert_num_queries):
    response = cached(client, LESSON, django_assert_num_queries, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    plain = client.get(LESSON)
    assert "Content-Encoding" not in plain
    assert len(response.content) < len(plain.content) / 2


def test_a_form_with_a_csrf_token_is_not_compressed(client):
    event = EventPage.objects.get(url_path__endswith=EVENT)
    occurrence = next(o for o in event.dates if not o.is_past)
    response = client.get(EVENT + f"inscription/{occurrence.pk}/", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in response
