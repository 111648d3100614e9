"""« Cette page vous a-t-elle aidé ? » (issue 18): anonymous answers on lessons, guides,
explainers and alerts; personal data masked, no address kept, rate-limited, without JavaScript;
the coordination's report in the admin."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from content.feedback import page_figures
from content.models import PageFeedback
from content.organisations import COORDINATION_GROUP
from tests.organisations.helpers import refused, user_in

pytestmark = pytest.mark.django_db

LESSON = "/se-former/premiers-pas/creer-une-adresse-e-mail/"
PAGES = [
    LESSON,
    "/guides-pratiques/guichet-unique-inpi-modifier-son-entreprise/",
    "/comprendre-l-ia/l-ia-et-mes-donnees-personnelles/",
    "/alertes-arnaques/faux-sms-ameli/",
]
ATTACKER = "203.0.113.7"


def page_at(path):
    return Page.find_for_request(RequestFactory().get(path), path).specific


def page_for(client, path):
    return client.get(path).context["page"]


def form_action(html):
    return re.search(r'<form method="post" action="(/avis/\d+/)"', html).group(1)


@pytest.mark.parametrize("path", PAGES)
def test_each_page_type_carries_the_form_without_token_or_cookie(client, path):
    response = client.get(path)
    html = response.content.decode()
    assert "Cette page vous a-t-elle aidé ?" in html
    assert form_action(html) == reverse("page_feedback", args=[response.context["page"].pk])
    # Cacheable for every visitor: no per-visitor token, no cookie.
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies
    assert not getattr(response.wsgi_request, "META", {}).get("CSRF_COOKIE_NEEDS_UPDATE")


def test_other_pages_have_no_form_and_refuse_answers(client, home):
    assert 'id="avis"' not in client.get("/").content.decode()
    response = client.post(reverse("page_feedback", args=[home.pk]), {"utile": "oui"})
    assert response.status_code == 404
    assert not PageFeedback.objects.exists()


def test_an_answer_is_stored_masked_without_address_then_thanked(client):
    page = page_for(client, LESSON)
    response = client.post(
        reverse("page_feedback", args=[page.pk]),
        {
            "utile": "non",
            "commentaire": "  Écrivez-moi à marie.dupont@example.org ou au 06 12 34 56 78  ",
        },
        REMOTE_ADDR=ATTACKER,
    )
    assert response.status_code == 303
    assert response["Location"] == f"{LESSON}?avis=merci"
    assert not response.cookies
    row = PageFeedback.objects.get()
    assert row.page_id == page.pk and row.helpful is False
    assert row.comment == "Écrivez-moi à [courriel] ou au [téléphone]"
    assert row.created == timezone.localdate()
    # Nothing else is kept: no address (in any column), no time of day.
    assert {f.name for f in PageFeedback._meta.get_fields()} == {
        "id",
        "page",
        "helpful",
        "comment",
        "created",
    }
    stored = " ".join(str(v) for v in PageFeedback.objects.values().get().values())
    assert ATTACKER not in stored and "127.0.0.1" not in stored
    thanks = client.get(response["Location"]).content.decode()
    assert re.search(r'<p class="feedback__thanks" role="status" tabindex="-1" autofocus>', thanks)
    assert '<form method="post" action="/avis/' not in thanks


def test_errors_show_the_page_with_a_focused_summary_and_the_text_kept(client):
    page = page_for(client, LESSON)
    url = reverse("page_feedback", args=[page.pk])
    long_text = "trop long " * 101  # 1,010 characters
    response = client.post(url, {"utile": "oui", "commentaire": long_text})
    assert response.status_code == 400
    html = response.content.decode()
    assert '<div class="error-summary" role="alert" tabindex="-1" autofocus' in html
    assert "Votre commentaire est trop long : 1000 caractères au plus" in html
    assert long_text.strip() in html  # nothing typed is lost
    assert 'aria-invalid="true"' in html
    assert "no-store" in response["Cache-Control"]
    missing = client.post(url, {"commentaire": "Bien"}).content.decode()
    assert "Répondez avec le bouton « Oui » ou le bouton « Non »." in missing
    assert not PageFeedback.objects.exists()


def test_a_get_of_the_form_address_goes_back_to_the_page(client):
    page = page_for(client, LESSON)
    response = client.get(reverse("page_feedback", args=[page.pk]))
    assert response.status_code == 302 and response["Location"] == f"{LESSON}#avis"


def test_100_answers_from_one_client_are_refused_past_the_limit(client, settings):
    page = page_for(client, LESSON)
    url = reverse("page_feedback", args=[page.pk])
    statuses = [
        client.post(
            url, {"utile": "oui", "commentaire": f"avis {n}"}, REMOTE_ADDR=ATTACKER
        ).status_code
        for n in range(100)
    ]
    allowed = int(settings.RATE_LIMITS["feedback"].split("/")[0])
    assert allowed < 100
    assert PageFeedback.objects.count() == allowed == statuses.count(303)
    assert statuses[allowed:] == [429] * (100 - allowed)
    refused = client.post(url, {"utile": "non", "commentaire": "gardé"}, REMOTE_ADDR=ATTACKER)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    html = refused.content.decode()
    assert "Trop d&#x27;avis envoyés depuis cette connexion." in html or "Trop d'avis" in html
    assert ">gardé</textarea>" in html
    # Another client is not affected.
    other = client.post(url, {"utile": "oui"}, REMOTE_ADDR="198.51.100.4")
    assert other.status_code == 303


def test_figures_share_trend_and_least_helpful():
    lesson, guide, alert = (page_at(p) for p in (PAGES[0], PAGES[1], PAGES[3]))
    today = datetime.date(2026, 12, 3)

    def add(page, helpful, days_ago, n=1, comment=""):
        for _ in range(n):
            PageFeedback.objects.create(
                page=page,
                helpful=helpful,
                comment=comment,
                created=today - datetime.timedelta(days=days_ago),
            )

    # Lesson: previous 30 days 1 yes of 4 (25 %), last 30 days 3 of 4 (75 %).
    add(lesson, True, 40)
    add(lesson, False, 45, n=3, comment="Pas clair")
    add(lesson, True, 0, n=3)
    add(lesson, False, 29)
    add(lesson, True, 90)  # older than both windows: in the total only
    # Guide: 1 yes of 5. Alert: 2 answers only, not ranked.
    add(guide, True, 1)
    add(guide, False, 2, n=4)
    add(alert, False, 3, n=2)
    figures = {row["page_id"]: row for row in page_figures(today=today)}
    row = figures[lesson.pk]
    assert (row["answers"], row["yes"], row["share"]) == (9, 5, 56)
    assert (row["recent"], row["recent_share"]) == (4, 75)
    assert (row["previous"], row["previous_share"]) == (4, 25)
    assert row["trend"] == 50 and row["comments"] == 3
    assert figures[guide.pk]["trend"] is None  # nothing in the previous 30 days
    from content.feedback import least_helpful

    assert [r["page_id"] for r in least_helpful(list(figures.values()))] == [guide.pk, lesson.pk]


def test_report_for_the_coordination_only(client):
    lesson = page_at(LESSON)
    for helpful in (True, False, False, False, False):
        PageFeedback.objects.create(page=lesson, helpful=helpful, comment="Il manque une image")
    coordination = user_in(Group.objects.get(name=COORDINATION_GROUP), "coordinatrice")
    client.force_login(coordination)
    report = client.get(reverse("feedback_report"))
    assert report.status_code == 200
    html = report.content.decode()
    assert "Les pages qui aident le moins" in html and lesson.title in html
    assert "20 % de « oui » sur 5 réponses" in html
    assert reverse("feedback_report") in client.get(reverse("wagtailadmin_home")).content.decode()
    detail = client.get(reverse("feedback_page_report", args=[lesson.pk])).content.decode()
    assert detail.count("Il manque une image") == 5
    # An organisation's editor has the admin, not the readers' comments.
    editors = Group.objects.filter(name__startswith="Rédaction").first()
    client.force_login(user_in(editors, "redactrice"))
    assert refused(client.get(reverse("feedback_report")))
    assert refused(client.get(reverse("feedback_page_report", args=[lesson.pk])))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("feedback_report") not in home


def test_the_page_with_the_form_and_its_thank_you_state_are_served_from_the_cache(
    client, django_assert_num_queries
):
    cache.clear()
    with override_settings(PAGE_CACHE_TIMEOUT=300):
        for path in (LESSON, f"{LESSON}?avis=merci"):
            client.get(path)
            with django_assert_num_queries(0):
                hit = client.get(path)
            assert hit["X-Page-Cache"] == "hit"
        # The answer still reaches the view: a POST is never answered from the cache.
        page = page_at(LESSON)
        response = client.post(reverse("page_feedback", args=[page.pk]), {"utile": "oui"})
        assert response.status_code == 303 and PageFeedback.objects.count() == 1
    cache.clear()


def test_the_coordination_deletes_a_comment_an_editor_cannot(client):
    lesson = page_at(LESSON)
    kept = PageFeedback.objects.create(page=lesson, helpful=False, comment="Gardé")
    gone = PageFeedback.objects.create(page=lesson, helpful=False, comment="Je suis Marie Dupont")
    url = reverse("feedback_delete", args=[lesson.pk, gone.pk])
    editors = Group.objects.filter(name__startswith="Rédaction").first()
    client.force_login(user_in(editors, "redactrice"))
    assert refused(client.post(url))
    coordination = user_in(Group.objects.get(name=COORDINATION_GROUP), "coordinatrice")
    client.force_login(coordination)
    detail = client.get(reverse("feedback_page_report", args=[lesson.pk])).content.decode()
    assert url in detail
    assert client.get(url).status_code == 405  # a link cannot delete
    response = client.post(url)
    assert response.status_code == 302
    assert list(PageFeedback.objects.values_list("pk", flat=True)) == [kept.pk]
