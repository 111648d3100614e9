"""Where a place's page lives: under the directory page of its language."""


def directory_for(locale_id):
    """The live directory page of a language, or None: site structure read by every page
    that links to a place (events, search, hubs), so kept in the configuration cache with
    the menu (content/config_cache.py)."""
    from content.config_cache import cached, public
    from content.models import PlaceDirectoryPage

    return cached(
        f"place-directory:{locale_id}",
        lambda: public(PlaceDirectoryPage.objects.live()).filter(locale_id=locale_id).first(),
    )


def place_url(place, request=None):
    """The place's page, or "" when no directory is published in its language. The
    directory and its URL are looked up once per request and language (remembered on the
    request): a search page lists up to twenty places."""
    cache = getattr(request, "_place_directory_urls", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._place_directory_urls = cache
    if place.locale_id not in cache:
        directory = directory_for(place.locale_id)
        cache[place.locale_id] = directory.get_url(request) if directory is not None else None
    base = cache[place.locale_id]
    if not base or not place.slug:
        return ""
    return f"{base}{place.slug}/"
