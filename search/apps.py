from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Recherche")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale

        from search.languages import forget_locales

        post_save.connect(forget_locales, sender=Locale, dispatch_uid="capnum_search_locales")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="capnum_search_locales")
