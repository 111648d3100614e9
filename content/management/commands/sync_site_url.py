from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


def sync_default_site(base_url):
    """Make the default Wagtail Site answer for BASE_URL, so canonical links, JSON-LD, feeds
    and kits (built from the Site record) agree with short links and e-mails (built from
    BASE_URL). Returns the site, or None when there is none yet."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CommandError(f"BASE_URL must be an absolute http(s) URL, not {base_url!r}.")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    if (site.hostname, site.port) != (parts.hostname, port):
        site.hostname, site.port = parts.hostname, port
        site.save()
    return site


class Command(BaseCommand):
    help = "Point the default Wagtail Site at BASE_URL (run by `make setup`; idempotent)."

    def handle(self, *args, **options):
        site = sync_default_site(settings.WAGTAILADMIN_BASE_URL)
        if site is None:
            self.stdout.write("No default site yet: nothing to do.")
        else:
            self.stdout.write(f"Default site: {site.root_url}")
