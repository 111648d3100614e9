"""The configuration cache's generation token is read once per public request
(content/config_cache.SiteMiddleware), not once per entry, and a purge inside the request
(a form that saves) is still seen by the entries read after it."""

import pytest

from content import config_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def generation_reads(monkeypatch):
    cache = config_cache._cache()
    real_get = cache.get
    reads = []

    def counting_get(key, *args, **kwargs):
        if key == config_cache.GENERATION_KEY:
            reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    return reads


def test_a_page_reads_the_generation_once(client, generation_reads):
    client.get("/")  # fills the entries
    generation_reads.clear()
    response = client.get("/se-former/")
    assert response.status_code == 200
    assert len(generation_reads) == 1


def test_outside_a_request_every_entry_reads_the_generation(generation_reads):
    config_cache.cached("one", lambda: 1)
    config_cache.cached("two", lambda: 2)
    assert len(generation_reads) == 2


def test_a_page_reads_each_entry_from_the_cache_once(client, monkeypatch):
    """The locales, the settings, the menu are asked for by several tags of one page: each
    entry is read (and unpickled) once per request."""
    cache = config_cache._cache()
    real_get = cache.get
    reads = []

    def counting_get(key, *args, **kwargs):
        if key != config_cache.GENERATION_KEY:
            reads.append(key)
        return real_get(key, *args, **kwargs)

    client.get("/se-former/")  # fills the entries
    monkeypatch.setattr(cache, "get", counting_get)
    response = client.get("/se-former/")
    assert response.status_code == 200
    config_reads = [key for key in reads if key.startswith("capnum:config:")]
    assert config_reads
    assert len(config_reads) == len(set(config_reads))


def test_a_purge_inside_a_request_is_seen_by_later_entries(rf):
    built = []

    def view(request):
        first = config_cache.cached("entry", lambda: built.append("first") or "first")
        config_cache.new_generation()  # what a save in the request does (purge)
        second = config_cache.cached("entry", lambda: built.append("second") or "second")
        from django.http import HttpResponse

        return HttpResponse(f"{first} {second}")

    response = config_cache.SiteMiddleware(view)(rf.get("/"))
    assert response.content == b"first second"
    assert built == ["first", "second"]
    # The request's token is forgotten when it ends: the next read asks the cache.
    assert getattr(config_cache._request, "generation", None) is None
