from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Contenus partagés")

    def ready(self):
        from . import cache_purge, config_cache, translation

        cache_purge.connect()
        config_cache.connect()
        translation.connect()
