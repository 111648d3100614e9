"""H5P activity snippet, player view, counters and where the H5P scripts load."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from content.demo_h5p import DEMO_UUID, PAGE_SLUG
from content.h5p.testpackage import build_package
from content.models import H5PActivity, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def upload(client, url, title, data):
    return client.post(
        url,
        {
            "title": title,
            "text_alternative": "La question et ses réponses en texte.",
            "locale": "1",
            "package": SimpleUploadedFile("quiz.h5p", data),
        },
    )


def test_upload_extracts_and_replacing_keeps_identity(
    admin_client, media, django_capture_on_commit_callbacks
):
    # The files change places once the database commits (the test's transaction never does).
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            admin_client, "/admin/snippets/content/h5pactivity/add/", "Quiz", build_package()
        )
    assert response.status_code == 302
    activity = H5PActivity.objects.get(title="Quiz")
    folder = media / "h5p" / str(activity.uuid)
    assert (folder / "h5p.json").is_file()
    assert (folder / "content" / "content.json").is_file()
    assert (folder / "H5P.CapQuiz-1.0" / "capquiz.js").is_file()
    assert activity.main_library == "H5P.CapQuiz"
    assert activity.licence == "CC BY-SA 4.0"
    assert activity.authors_display == "Cap Numérique"

    stale = folder / "content" / "stale.json"
    stale.write_text("{}")
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            admin_client,
            f"/admin/snippets/content/h5pactivity/edit/{activity.pk}/",
            "Quiz",
            build_package(title="Nouvelle version"),
        )
    assert response.status_code == 302
    replaced = H5PActivity.objects.get(pk=activity.pk)
    assert replaced.uuid == activity.uuid
    assert (folder / "h5p.json").read_text().count("Nouvelle version") == 1
    assert not stale.exists()  # the old extraction was replaced, not merged
    packages = list((media / "h5p-packages").iterdir())
    assert [p.name for p in packages] == [replaced.package.name.split("/")[-1]]


def test_text_alternative_is_required(admin_client, media):
    response = admin_client.post(
        "/admin/snippets/content/h5pactivity/add/",
        {
            "title": "Quiz",
            "text_alternative": "",
            "locale": "1",
            "package": SimpleUploadedFile("quiz.h5p", build_package()),
        },
    )
    assert response.status_code == 200
    assert not H5PActivity.objects.filter(title="Quiz").exists()


def test_admin_listing_shows_counters(admin_client):
    H5PActivity.objects.filter(uuid=DEMO_UUID).update(started_count=7, completed_count=3)
    response = admin_client.get("/admin/snippets/content/h5pactivity/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Commencées" in html or "commencées" in html
    assert ">7<" in html.replace(" ", "").replace("\n", "")
    assert ">3<" in html.replace(" ", "").replace("\n", "")


def test_player_page_is_sandboxed_and_frameable_by_the_site(client):
    response = client.get(f"/h5p/{DEMO_UUID}/player/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert csp.startswith("sandbox allow-scripts;")
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "frame-ancestors 'self'" in csp
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    html = response.content.decode()
    assert "vendor/h5p-standalone/main.bundle.js" in html
    assert f"/media/h5p/{DEMO_UUID}" in html
    assert "<script>" not in html  # no inline script
    assert "Set-Cookie" not in response.headers


def test_package_files_are_public_cors_and_sandboxed(client):
    response = client.get(f"/media/h5p/{DEMO_UUID}/h5p.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Security-Policy"].startswith("sandbox;")


def test_event_endpoint_counts_without_cookie_or_csrf(client):
    cache.clear()
    activity = H5PActivity.objects.get(uuid=DEMO_UUID)
    url = f"/h5p/{DEMO_UUID}/event/"
    assert client.post(url, {"event": "started"}).status_code == 204
    assert client.post(url, {"event": "completed"}).status_code == 204
    response = client.post(url, {"event": "completed"})
    assert not response.cookies
    activity.refresh_from_db()
    assert (activity.started_count, activity.completed_count) == (1, 2)
    assert client.post(url, {"event": "deleted"}).status_code == 400
    assert client.get(url).status_code == 405
    assert (
        client.post(
            "/h5p/00000000-0000-0000-0000-000000000000/event/", {"event": "started"}
        ).status_code
        == 404
    )


def test_event_endpoint_is_rate_limited(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "h5p_event": "5/h"}
    url = f"/h5p/{DEMO_UUID}/event/"
    statuses = [client.post(url, {"event": "started"}).status_code for _ in range(7)]
    assert statuses.count(204) == 5
    assert statuses[-1] == 429
    # Another event of the same activity has its own counter.
    assert client.post(url, {"event": "completed"}).status_code == 204


def test_only_pages_with_an_activity_load_h5p(client):
    with_activity = client.get(f"/habitants/{PAGE_SLUG}/")
    assert with_activity.status_code == 200
    html = with_activity.content
    assert b"js/h5p-host.js" in html
    assert f"/h5p/{DEMO_UUID}/player/".encode() in html
    assert "Version texte de l'activité".encode() in html or b"Version texte" in html
    assert b"a besoin de JavaScript" in html
    for path in ["/", "/habitants/", "/enseignants/"]:
        body = client.get(path).content.lower()
        assert b"h5p" not in body, path


def test_hub_page_stays_valid_with_the_new_stream(home):
    page = StandardPage.objects.get(slug=PAGE_SLUG)
    assert page.body[2].block_type == "h5p_activity"
    assert page.body[2].value["activity"].uuid == DEMO_UUID


def test_demo_is_idempotent(media, django_capture_on_commit_callbacks):
    from content import demo_h5p

    count = H5PActivity.objects.count()
    pages = StandardPage.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        demo_h5p.load()  # folder missing in this MEDIA_ROOT: re-extracted, nothing duplicated
    with django_capture_on_commit_callbacks(execute=True):
        demo_h5p.load()
    assert H5PActivity.objects.count() == count
    assert StandardPage.objects.count() == pages
    assert (media / "h5p" / str(DEMO_UUID) / "h5p.json").is_file()


def test_query_count_does_not_grow_with_activities(client, media):
    """Activities on a page are fetched in bulk: a third one costs no extra query."""
    from django.core.files.base import ContentFile

    from content.demo import get_or_create_page

    hub = StandardPage.objects.get(slug="habitants")
    activities = []
    for index in range(3):
        activity = H5PActivity(title=f"Quiz {index}", text_alternative="Texte.", locale=hub.locale)
        activity.package.save("q.h5p", ContentFile(build_package()), save=False)
        activity.save()
        activities.append(activity)

    def page_with(count, slug):
        block = [("h5p_activity", {"activity": a, "introduction": ""}) for a in activities[:count]]
        return get_or_create_page(hub, StandardPage, slug, title=slug, body=block)

    one, three = page_with(1, "un-quiz"), page_with(3, "trois-quiz")

    def queries(page):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get(page.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured)

    assert queries(three) == queries(one)
