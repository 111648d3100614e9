"""Background work shared by every app (django-tasks: the database backend and its worker in
production, run in-process by the embedded default)."""

from django_tasks import task


@task()
def purge_frontend_cache(paths):
    """Purge a reverse proxy or CDN (``wagtail.contrib.frontend_cache``) for these URL paths,
    or for every live page when ``paths`` is None (a change every page shows)."""
    from django.conf import settings
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
    from wagtail.models import Page

    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    if paths is None:
        urls = [page.full_url for page in Page.objects.live().public().filter(depth__gt=1)]
        urls = [url for url in urls if url]
    else:
        urls = [base + path for path in paths]
    purge_urls_from_cache(urls)
    return len(urls)


@task()
def send_review_digests():
    """The weekly review digest, for the task worker (see README « Operations »)."""
    from content.digest import send_digests

    return len(send_digests())
