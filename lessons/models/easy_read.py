"""Easy-to-read (« Facile à lire », FALC) versions of lessons: a lesson whose `easy_read_of`
names its original. They live beside their original under the same path, share its progress
(lesson_page.html) and are listed next to it on the path page (docs/easy-read.md)."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

# Indexed on every easy-to-read version, so « FALC » finds them even without the synonym
# group of the demo (an editor may delete it; the English locale has none).
EASY_READ_SEARCH_TEXT = "Facile à lire. FALC : facile à lire et à comprendre."


def with_original_key(lessons):
    """`lessons` (a queryset) with `original_key`: the translation key of the original each
    easy-to-read version names, in the same query. A translated version's `easy_read_of`
    still names the source-language original (wagtail-localize copies page links as they
    are), so versions and originals are paired by translation key, not by id."""
    return lessons.annotate(original_key=F("easy_read_of__translation_key"))


def pair_easy_read_versions(lessons):
    """The originals among `lessons` (a path's children, in order, from `with_original_key`
    with `translation_key`), each with `easy_read_version` set to its first easy-to-read
    version among them, or None. No query: the path page fetches originals and versions
    together."""
    originals, versions = [], {}
    for lesson in lessons:
        if lesson.easy_read_of_id:
            versions.setdefault(lesson.original_key, lesson)
        else:
            originals.append(lesson)
    for lesson in originals:
        lesson.easy_read_version = versions.get(lesson.translation_key)
    return originals


class EasyReadMixin:
    """What a lesson page says about being, or having, an easy-to-read version."""

    @property
    def is_easy_read(self):
        return bool(self.easy_read_of_id)

    @property
    def search_result_label(self):
        """The type shown in search results: a reader looking for easy-to-read text sees it."""
        return _("Leçon facile à lire") if self.easy_read_of_id else None

    def easy_read_search_text(self):
        return EASY_READ_SEARCH_TEXT if self.easy_read_of_id else ""

    @property
    def easy_read_original(self):
        """The original in this version's language, or None. A translated version's
        `easy_read_of` still names the source-language original, but it translates the
        source-language version: its own original is that lesson's translation (a change of
        the French lesson reaches it through the French version, in the translation report)."""
        original = self.easy_read_of
        if original is not None and original.locale_id != self.locale_id:
            return original.get_translation_or_none(self.locale_id)
        return original

    @property
    def easy_read_outdated(self):
        """True for an easy-to-read version whose original was published again after it."""
        original = self.easy_read_original
        if original is None or not original.last_published_at or not self.last_published_at:
            return False
        return original.last_published_at > self.last_published_at

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        if self.easy_read_of_id and self.easy_read_outdated:
            return f"{title} ⚠ " + str(_("FALC à mettre à jour : l'original a changé"))
        return title
