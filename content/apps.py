from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Contenus partagés")

    def ready(self):
        from . import cache_purge, translation

        cache_purge.connect()
        translation.connect()
