"""Content checks about lessons (registered in wagtail_hooks.py): easy-to-read versions with
long sentences or older than their original, lessons past their review date."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from content.checks import Finding
from content.checks.rules import long_sentences

from .models import LessonPage


def lesson_checks(page, scan, context):
    if not isinstance(page, LessonPage):
        return
    if page.easy_read_of_id:
        yield from long_sentences(page, scan)
        if page.easy_read_outdated:
            original = page.easy_read_original
            yield Finding(
                page,
                "easy_read_outdated",
                _("Version facile à lire plus ancienne que l'original"),
                _("« %(title)s » a été publiée de nouveau le %(date)s : reportez ses changements.")
                % {
                    "title": original.title,
                    "date": date_format(original.last_published_at, "j F Y"),
                },
            )
    if page.review_overdue:
        yield Finding(
            page,
            "review_overdue",
            _("Leçon à revérifier"),
            _("Date de relecture dépassée depuis le %(date)s : vérifiez les démarches décrites.")
            % {"date": date_format(page.review_by, "j F Y")},
        )
