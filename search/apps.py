from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Recherche")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.contrib.search_promotions.models import Query, SearchPromotion
        from wagtail.models import Locale

        from content import config_cache
        from search.languages import forget_locales

        from .models import SynonymGroup

        post_save.connect(forget_locales, sender=Locale, dispatch_uid="capnum_search_locales")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="capnum_search_locales")
        # Synonyms and the promoted queries are read by every search from the configuration
        # cache (search/query.py): a change forgets it.
        for model in (SynonymGroup, Query, SearchPromotion):
            uid = f"search_config_{model._meta.label_lower}"
            post_save.connect(config_cache.on_any_change, sender=model, dispatch_uid=uid)
            post_delete.connect(config_cache.on_any_change, sender=model, dispatch_uid=uid)
