"""How wagtail-localize treats the site's pages (docs/notes/issue-17-workflow.md)."""

from wagtail_localize.fields import BaseTranslatableField


class OwnedByEachLanguage(BaseTranslatableField):
    """A field neither sent to translators nor copied to the translations: each language's
    page keeps its own (a campaign's short links are printed codes, unique site-wide, that
    lead to the French page)."""

    def __repr__(self):
        return f"<OwnedByEachLanguage {self.field_name}>"
