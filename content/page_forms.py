"""The admin form every page type builds on."""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.admin.forms import WagtailAdminPageForm


class BasePageForm(WagtailAdminPageForm):
    """Says which page holds a slug when the holder is a draft nobody published.

    Wagtail's editor autosaves a new page as a draft; an editor who gives up leaves that draft in
    the section, and the next try with the same title fails on « slug already in use » without
    saying where the clash is.
    """

    def clean(self):
        # Read before Wagtail's check, which drops the slug from cleaned_data when it clashes.
        slug = self.cleaned_data.get("slug")
        cleaned_data = super().clean()
        if not slug or "slug" not in self.errors or self.parent_page is None:
            return cleaned_data
        holder = (
            self.parent_page.get_children()
            .filter(slug=slug, first_published_at__isnull=True)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if holder is not None:
            self.errors["slug"] = self.error_class(
                [
                    _(
                        "L'adresse « %(slug)s » est déjà prise par le brouillon « %(title)s », "
                        "jamais publié (dernier enregistrement le %(date)s), dans la même "
                        "rubrique. Reprenez ce brouillon, ou supprimez-le, ou changez l'adresse "
                        "ci-dessus."
                    )
                    % {
                        "slug": slug,
                        "title": holder.title,
                        "date": formats.date_format(
                            holder.latest_revision_created_at or holder.last_published_at,
                            pgettext(
                                "format of a date and hour (Django date filter)", "j F Y à H:i"
                            ),
                        ),
                    }
                ]
            )
        return cleaned_data
