"""Floods (issue 16, item 1): every public POST and counter is limited per client with a
counter every worker shares; a refused visitor gets a French 429 that keeps what they typed."""

import multiprocessing
import socket

import pytest
from django.core import mail
from django.core.cache import caches
from django.db import connections
from django.test import RequestFactory, override_settings

from campaigns.models import CampaignCounter, Registration
from capnum.settings.base import ratelimit_cache_settings
from content import ratelimit
from content.clientip import client_ip
from content.models import RateCounter
from search.models import SearchTermStat
from tests.campaigns.helpers import make_campaign
from tests.events.factories import in_days, make_agenda, make_event

VALID = {"name": "Marie Dupont", "seats": "1", "consent": "on"}
ATTACKER = "203.0.113.7"


def register_url(event, occurrence):
    return event.url + event.reverse_subpage("register", args=[occurrence.pk])


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_is_up():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


# -- registrations ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_100_registrations_from_one_client_leave_the_allowed_number(client, home, settings):
    event = make_event(make_agenda(home), capacity=500)
    occurrence = event.occurrences.get()
    statuses = [
        client.post(
            register_url(event, occurrence),
            {**VALID, "email": f"victime{n}@example.org"},
            REMOTE_ADDR=ATTACKER,
        ).status_code
        for n in range(100)
    ]
    allowed = int(settings.RATE_LIMITS["registration"].split("/")[0])
    assert Registration.objects.count() == allowed == statuses.count(302)
    assert len(mail.outbox) == allowed
    assert statuses.count(429) == 100 - allowed
    # Someone else, elsewhere, still registers.
    response = client.post(register_url(event, occurrence), {**VALID, "email": "autre@example.org"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_the_refused_registration_comes_back_filled_in(client, home, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "registration": "1/h"}
    event = make_event(make_agenda(home), capacity=50)
    url = register_url(event, event.occurrences.get())
    assert client.post(url, {**VALID, "email": "a@example.org"}).status_code == 302
    response = client.post(
        url, {**VALID, "name": "Jeanne Lefebvre", "email": "jeanne@example.org", "seats": "2"}
    )
    html = response.content.decode()
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "inscriptions envoyées depuis cette connexion" in html
    assert 'value="Jeanne Lefebvre"' in html and 'value="jeanne@example.org"' in html
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_invalid_posts_are_limited_too(client, home, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "registration_post": "3/h"}
    event = make_event(make_agenda(home))
    url = register_url(event, event.occurrences.get())
    statuses = [client.post(url, {"name": "x"}).status_code for _ in range(5)]
    assert statuses == [400, 400, 400, 429, 429]


@pytest.mark.django_db
def test_confirmation_emails_to_one_address_are_capped(client, home, settings):
    """A third party typing someone's address on many dates (from many connections) gets them
    a few e-mails a day at most; the registrations themselves are kept."""
    event = make_event(make_agenda(home), starts=[in_days(d) for d in range(3, 9)])
    for n, occurrence in enumerate(event.occurrences.all()):
        response = client.post(
            register_url(event, occurrence),
            {**VALID, "email": "Cible@Example.org" if n % 2 else "cible@example.org"},
            REMOTE_ADDR=f"198.51.100.{n + 1}",
        )
        assert response.status_code == 302
    cap = int(settings.RATE_LIMITS["registration_email"].split("/")[0])
    assert Registration.objects.count() == 6
    assert len(mail.outbox) == cap == 3


@pytest.mark.django_db
def test_a_duplicate_contact_on_the_same_date_is_refused(client, home):
    event = make_event(make_agenda(home), starts=[in_days(3), in_days(4)], capacity=20)
    first, second = event.occurrences.all()
    assert (
        client.post(register_url(event, first), {**VALID, "email": "m@example.org"}).status_code
        == 302
    )
    again = client.post(
        register_url(event, first),
        {**VALID, "name": "Marie D.", "email": " M@Example.org"},
        REMOTE_ADDR="192.0.2.50",
    )
    html = again.content.decode()
    assert again.status_code == 409
    assert "une seule inscription par personne et par date" in html
    assert 'class="error-summary"' in html and 'value="Marie D."' in html
    assert "Marie Dupont" not in html  # nothing about the first registration
    # Another date is fine, and so is the same date once the first is cancelled.
    assert (
        client.post(register_url(event, second), {**VALID, "email": "m@example.org"}).status_code
        == 302
    )
    Registration.objects.filter(occurrence=first).get().cancel()
    assert (
        client.post(register_url(event, first), {**VALID, "email": "m@example.org"}).status_code
        == 302
    )
    assert Registration.objects.exclude(status=Registration.Status.CANCELLED).count() == 2


@pytest.mark.django_db
def test_a_duplicate_phone_without_email_is_refused(client, home):
    event = make_event(make_agenda(home), capacity=20)
    url = register_url(event, event.occurrences.get())
    assert client.post(url, {**VALID, "phone": "03 21 00 00 00"}).status_code == 302
    assert client.post(url, {**VALID, "phone": "0321000000"}).status_code == 409
    assert Registration.objects.count() == 1


# -- session reports, quiz, search, counters -------------------------------------------------


@pytest.mark.django_db
def test_quiz_checks_are_limited_with_a_french_page(client, home, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "quiz": "2/h"}
    page = home.get_descendants().live().first()
    url = f"/quiz/{page.pk}/"
    first = [client.get(url, {"quiz": "inconnu"}).status_code for _ in range(2)]
    refused = client.get(url, {"quiz": "inconnu"})
    assert first == [404, 404]  # no such quiz: checked, then refused below
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "Trop de demandes depuis cette connexion" in html
    # The answers travel in the URL: the retry link keeps them.
    assert f'href="{url}?quiz=inconnu"' in html


@pytest.mark.django_db
def test_search_log_and_search_page_are_limited(client, home, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search_log": "3/h", "search": "5/10m"}
    statuses = [client.get("/recherche/", {"q": f"courriel {n}"}).status_code for n in range(6)]
    assert statuses == [200] * 5 + [429]
    assert sum(SearchTermStat.objects.values_list("searches", flat=True)) == 3
    refused = client.get("/recherche/", {"q": "mot de passe"})
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "Trop de recherches depuis cette connexion" in html
    assert 'value="mot de passe"' in html  # the query stays in the box


@pytest.mark.django_db
def test_autocomplete_is_limited(client, home, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "autocomplete": "2/m"}
    statuses = [client.get("/recherche/suggestions/", {"q": "cou"}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


@pytest.mark.django_db
def test_short_link_scans_count_a_few_per_client_and_always_redirect(client, settings):
    campaign = make_campaign(short_links=[("affiche", "test-flood")])
    limit = int(settings.RATE_LIMITS["campaign_counter"].split("/")[0])
    statuses = [client.get("/c/test-flood").status_code for _ in range(limit + 10)]
    assert statuses == [302] * (limit + 10)
    scans = CampaignCounter.objects.get(campaign=campaign, metric="scan")
    assert scans.count == limit
    client.get("/c/test-flood", REMOTE_ADDR="192.0.2.9")
    scans.refresh_from_db()
    assert scans.count == limit + 1


# -- the counter is shared by every process ---------------------------------------------------


def _count_in_child(cache_settings, queue, hits):
    """Runs in a forked process: its own database/Redis connection, its own memory."""
    from django.core.cache import caches as child_caches

    connections.close_all()
    allowed = 0
    with override_settings(
        CACHES={
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "ratelimit": cache_settings,
        }
    ):
        child_caches["ratelimit"].close()
        request = RequestFactory().post("/", REMOTE_ADDR=ATTACKER)
        for _ in range(hits):
            if ratelimit.hit(request, "registration") is None:
                allowed += 1
    connections.close_all()
    queue.put(allowed)


def allowed_across_processes(cache_settings, processes=4, hits=10):
    connections.close_all()  # each child opens its own connection
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    children = [
        context.Process(target=_count_in_child, args=(cache_settings, queue, hits))
        for _ in range(processes)
    ]
    for child in children:
        child.start()
    results = [queue.get(timeout=60) for _ in children]
    for child in children:
        child.join(timeout=60)
        assert child.exitcode == 0
    return sum(results)


@pytest.mark.django_db(transaction=True)
def test_the_database_counter_holds_across_processes(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "registration": "10/h"}
    allowed = allowed_across_processes({"BACKEND": "content.ratelimit.DatabaseCounterCache"})
    assert allowed == 10
    assert RateCounter.objects.get().value == 40


@pytest.mark.django_db(transaction=True)
def test_local_memory_counted_per_process(settings):
    """The problem reproduced: a local-memory counter lets each worker through to the limit
    (the session reports went to 40 instead of 10 under four workers)."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "registration": "10/h"}
    allowed = allowed_across_processes({"BACKEND": "django.core.cache.backends.locmem.LocMemCache"})
    assert allowed == 40


REAL_REDIS = "redis://127.0.0.1:6379/5"


@pytest.mark.skipif(not redis_is_up(), reason="no Redis on 127.0.0.1:6379 (CI starts one)")
@pytest.mark.xdist_group("redis-db-5")  # empties REAL_REDIS: never beside another test using it
@pytest.mark.django_db(transaction=True)
def test_the_redis_counter_holds_across_processes(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "registration": "10/h"}
    config = ratelimit_cache_settings(REAL_REDIS)
    with override_settings(CACHES={**settings.CACHES, "ratelimit": config}):
        caches["ratelimit"].clear()
        try:
            allowed = allowed_across_processes(config)
        finally:
            caches["ratelimit"].clear()
    assert allowed == 10
    assert not RateCounter.objects.exists()  # Redis did the counting


@pytest.mark.django_db
def test_with_redis_away_the_limits_hold_in_the_database(client, settings):
    """The former H5P limit called cache.incr, which answers None while Redis is away
    (django-redis ignoring the error): `None > limit` raised TypeError, a 500."""
    from tests.h5p.test_activity import DEMO_UUID

    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "h5p_event": "3/h"}
    away = ratelimit_cache_settings(f"redis://127.0.0.1:{closed_port()}/0")
    fail_soft = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": away["LOCATION"],
        "OPTIONS": {"IGNORE_EXCEPTIONS": True},
    }
    with override_settings(CACHES={"default": fail_soft, "ratelimit": away}):
        assert caches["default"].incr("h5p-event:x") is None
        url = f"/h5p/{DEMO_UUID}/event/"
        statuses = [client.post(url, {"event": "started"}).status_code for _ in range(5)]
    assert statuses == [204, 204, 204, 429, 429]
    assert RateCounter.objects.count() == 1


# -- the client's address behind a proxy -------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "count", "meta", "expected"),
    [
        ("", 1, {"HTTP_X_FORWARDED_FOR": "1.2.3.4"}, "10.0.0.1"),  # no proxy: header ignored
        ("X-Forwarded-For", 1, {"HTTP_X_FORWARDED_FOR": "6.6.6.6, 1.2.3.4"}, "1.2.3.4"),
        ("X-Forwarded-For", 2, {"HTTP_X_FORWARDED_FOR": "6.6.6.6, 1.2.3.4, 10.0.0.2"}, "1.2.3.4"),
        ("X-Forwarded-For", 1, {}, "10.0.0.1"),  # reached directly
        ("X-Forwarded-For", 1, {"HTTP_X_FORWARDED_FOR": "pas-une-adresse"}, "10.0.0.1"),
        ("X-Real-IP", 1, {"HTTP_X_REAL_IP": "2001:db8::1"}, "2001:db8::1"),
    ],
)
def test_client_address_from_the_trusted_proxy_header(header, count, meta, expected):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", **meta)
    with override_settings(TRUSTED_PROXY_HEADER=header, TRUSTED_PROXY_COUNT=count):
        assert client_ip(request) == expected


@pytest.mark.django_db
def test_a_forged_forwarded_header_does_not_escape_the_limit(client, home, settings):
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "2/10m"}
    statuses = [
        client.get(
            "/recherche/", {"q": "wifi"}, HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, {ATTACKER}"
        ).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]


def test_rate_limits_come_from_the_environment(monkeypatch):
    from capnum.settings import base

    monkeypatch.setenv("RATE_LIMIT_REGISTRATION", "25/h")
    monkeypatch.setenv("RATE_LIMIT_QUIZ", "off")
    rates = base.rate_limits()
    assert rates["registration"] == "25/h"
    assert rates["quiz"] is None
    assert rates["session_report"] == base.DEFAULT_RATE_LIMITS["session_report"]
