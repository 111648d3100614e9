from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import ScamAlertPage


class ScamAlertRssFeed(Feed):
    title = _("Alertes arnaques – Cap Numérique")
    description = _("Les vagues d'arnaques en cours : comment les reconnaître, que faire.")

    def link(self):
        # The public address (BASE_URL), whatever host the request came through.
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/"

    def items(self):
        return ScamAlertPage.objects.live().public().order_by("-first_published_at")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.search_description

    def item_link(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at


class ScamAlertAtomFeed(ScamAlertRssFeed):
    feed_type = Atom1Feed
    subtitle = ScamAlertRssFeed.description
