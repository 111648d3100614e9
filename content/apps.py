from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Contenus partagés"

    def ready(self):
        from . import cache_purge, translation

        cache_purge.connect()
        translation.connect()
