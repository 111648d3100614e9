"""How wagtail-localize treats the site's pages (docs/notes/issue-17-workflow.md)."""

from django.db.models.signals import post_save
from wagtail.models import Page
from wagtail_localize.fields import BaseTranslatableField


class OwnedByEachLanguage(BaseTranslatableField):
    """A field neither sent to translators nor copied to the translations: each language's
    page keeps its own (a campaign's short links are printed codes, unique site-wide, that
    lead to the French page)."""

    def __repr__(self):
        return f"<OwnedByEachLanguage {self.field_name}>"


def keep_other_language_aliases_unpublished(sender, instance, **kwargs):
    """A page translated before its parent gets the parent copied as an alias of the French
    page, which Wagtail keeps live (and sets live again each time the French page is
    published): French text under an English URL. Such an alias stays unpublished until a
    translator converts it into a real translation. Aliases within one language (a page
    shown in two sections) are left alone."""
    if not isinstance(instance, Page) or not instance.alias_of_id or not instance.live:
        return
    source_locale = Page.objects.filter(pk=instance.alias_of_id).values_list("locale_id")
    if source_locale.get()[0] != instance.locale_id:
        Page.objects.filter(pk=instance.pk).update(live=False)
        instance.live = False


def connect():
    post_save.connect(keep_other_language_aliases_unpublished, dispatch_uid="capnum_alias_drafts")
