"""Where each page and snippet stands in each content language (the admin report « État des
traductions », docs/translation-status.md).

For every French page and translatable snippet the user may change, and every other content
language with a locale, one of four states, read from wagtail-localize's own records:

- missing: nothing in that language (an alias, the untranslated copy Wagtail makes of a
  parent, counts as missing);
- in progress: a translation (wagtail-localize `Translation`) whose string segments are not
  all translated (`Translation.get_progress()`, computed here for every row at once);
- out of date: the French object changed after its translation source was last synced
  (`TranslationSource.last_updated_at`), « since » the first such change: a publication of
  the page (its publish log entry; the content wagtail-localize syncs is the published one,
  not drafts), or an edit of the snippet (its edit log entry);
- up to date: every segment translated and the French object unchanged since.

A translation made outside wagtail-localize (its sync stopped, or a copy edited by hand) has
no segments: it is out of date when the French page was published after the translation's
last revision, up to date otherwise.

The queries do not depend on the number of pages: one for the pages, one for their copies in
the other languages, one for the translations, two for the segment counts, two per
translatable snippet type (`tests/translation/test_status.py` counts them).
"""

import dataclasses
import datetime
from collections import Counter, defaultdict

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, ModelLogEntry, Page, PageLogEntry, TranslatableMixin
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, Translation, TranslationSource

MISSING = "missing"
IN_PROGRESS = "in_progress"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"
STATES = {
    MISSING: _("Manquante"),
    IN_PROGRESS: _("En cours"),
    OUT_OF_DATE: _("À mettre à jour"),
    UP_TO_DATE: _("À jour"),
}


@dataclasses.dataclass
class Status:
    type_code: str  # "app_label.model"
    type_label: str
    is_page: bool
    title: str
    section: str  # the French section's title ("" for a snippet or the home page)
    edit_url: str  # the French object's
    language: str  # the other language's code
    language_name: str  # in French (« anglais »)
    state: str
    done: int | None = None  # segments translated (None: not tracked by wagtail-localize)
    total: int | None = None
    since: datetime.datetime | None = None
    translation_url: str = ""  # edit the translation, or submit one when missing
    live: bool | None = None  # the translated page is published (None: a snippet, or none)

    @property
    def state_label(self):
        return STATES[self.state]

    @property
    def share(self):
        """Percentage of segments translated (100 when there is nothing to translate)."""
        if self.total is None:
            return None
        return 100 if not self.total else self.done * 100 // self.total

    @property
    def tracked(self):
        return self.total is not None


def language_names():
    # Inside a sentence French writes a language's name in lower case (« anglais »), English
    # capitalises it (« English »): only the French interface lowers it.
    return {
        code: (
            get_language_info(code)["name_translated"].lower()
            if get_language() == "fr"
            else get_language_info(code)["name_translated"]
        )
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


def target_locales():
    """The other content languages that have a locale (created in the admin)."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return sorted(
        Locale.objects.filter(language_code__in=codes).exclude(
            language_code=settings.LANGUAGE_CODE
        ),
        key=lambda locale: codes.index(locale.language_code),
    )


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def sections(french):
    """The site's sections: the French home's children."""
    return Page.objects.filter(locale=french, depth=3, alias_of__isnull=True).order_by("path")


def _progress(french, locales):
    """{(source id, locale id): (translated, total)} for every enabled translation from
    French: Translation.get_progress() for all of them in three queries."""
    translations = Translation.objects.filter(
        source__locale=french, target_locale__in=locales, enabled=True
    ).values_list("source_id", "source__object_id", "target_locale_id")
    translations = list(translations)
    totals = dict(
        StringSegment.objects.filter(source__locale=french, source__translations__enabled=True)
        .values("source_id")
        .annotate(n=Count("pk", distinct=True))
        .values_list("source_id", "n")
    )
    done = {
        (source_id, locale_id): n
        for source_id, locale_id, n in StringSegment.objects.filter(
            source__locale=french,
            string__translations__locale__in=locales,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(n=Count("pk", distinct=True))
        .values_list("source_id", "string__translations__locale_id", "n")
    }
    return {
        (key, locale_id): (done.get((source_id, locale_id), 0), totals.get(source_id, 0))
        for source_id, key, locale_id in translations
    }


def _synced(queryset, changes):
    """The source objects with the time of their last sync and of their first change
    since (a subquery of `changes`, log entries filtered on the outer object)."""
    source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
    )
    return queryset.annotate(
        synced_at=Subquery(source.values("last_updated_at")[:1]),
        changed_at=Subquery(
            changes.filter(timestamp__gt=OuterRef("synced_at"))
            .order_by("timestamp")
            .values("timestamp")[:1]
        ),
    )


def _state(progress, target, source_changed_at=None, target_changed_at=None):
    """(state, done, total, since) for one object in one language."""
    if progress is not None:
        done, total = progress
        if source_changed_at:
            return OUT_OF_DATE, done, total, source_changed_at
        return (IN_PROGRESS if done < total else UP_TO_DATE), done, total, None
    if target is None:
        return MISSING, None, None, None
    if source_changed_at and target_changed_at and source_changed_at > target_changed_at:
        return OUT_OF_DATE, None, None, source_changed_at
    return UP_TO_DATE, None, None, None


def _row(model, locale, names, state, **fields):
    """One row of the report: `state` as `_state` gives it, `fields` the object's own."""
    state, done, total, since = state
    return Status(
        type_code=model._meta.label_lower,
        type_label=str(model._meta.verbose_name),
        language=locale.language_code,
        language_name=names.get(locale.language_code, locale.language_code),
        state=state,
        done=done,
        total=total,
        since=since,
        **fields,
    )


def page_statuses(user, french, locales, progress, names, type_code="", section=None):
    """The rows of the French pages (not the tree's root, not aliases)."""
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    pages = Page.objects.filter(locale=french, depth__gt=1, alias_of__isnull=True).filter(
        pk__in=editable.values("pk")
    )
    page_types = ContentType.objects.get_for_models(*_page_models())
    models = {content_type.pk: model for model, content_type in page_types.items()}
    if type_code:
        chosen = [pk for pk, model in models.items() if model._meta.label_lower == type_code]
        pages = pages.filter(content_type_id__in=chosen)
    if section is not None:
        pages = pages.filter(path__startswith=section.path)
    keys = pages.values("translation_key")
    targets = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, locale__in=locales).only(
            "id",
            "translation_key",
            "locale_id",
            "live",
            "alias_of_id",
            "latest_revision_created_at",
        )
    }
    section_titles = dict(sections(french).values_list("path", "title"))
    publications = PageLogEntry.objects.filter(page_id=OuterRef("pk"), action="wagtail.publish")
    rows = []
    for page in (
        _synced(pages, publications)
        .order_by("path")
        .only(
            "id",
            "title",
            "path",
            "depth",
            "translation_key",
            "locale_id",
            "content_type_id",
            "last_published_at",
        )
    ):
        model = models.get(page.content_type_id, Page)
        for locale in locales:
            target = targets.get((page.translation_key, locale.pk))
            if target is not None and target.alias_of_id:
                target = None
            tracked = progress.get((page.translation_key, locale.pk))
            if tracked is not None:
                changed = page.changed_at or _after(page.last_published_at, page.synced_at)
            else:
                changed = page.last_published_at
            state = _state(
                tracked,
                target,
                changed,
                target.latest_revision_created_at if target is not None else None,
            )
            rows.append(
                _row(
                    model,
                    locale,
                    names,
                    state,
                    is_page=True,
                    title=page.title,
                    section=section_titles.get(page.path[: Page.steplen * 3], ""),
                    edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    translation_url=(
                        reverse("wagtailadmin_pages:edit", args=[target.pk])
                        if target is not None
                        else reverse("wagtail_localize:submit_page_translation", args=[page.pk])
                    ),
                    live=target.live if target is not None else None,
                )
            )
    return rows


def _after(moment, synced_at):
    return moment if moment and synced_at and moment > synced_at else None


def _page_models():
    from wagtail.models import get_page_models

    return get_page_models()


def snippet_statuses(user, model, french, locales, progress, names):
    policy = model.snippet_viewset.permission_policy
    if not policy.user_has_any_permission(user, ["change"]):
        return []
    content_type = ContentType.objects.get_for_model(model)
    objects = policy.instances_user_has_any_permission_for(user, ["change"]).filter(locale=french)
    keys = objects.values("translation_key")
    targets = {
        (instance.translation_key, instance.locale_id): instance
        for instance in model.objects.filter(translation_key__in=keys, locale__in=locales).only(
            "pk", "translation_key", "locale_id"
        )
    }
    edits = ModelLogEntry.objects.filter(
        content_type=content_type,
        object_id=Cast(OuterRef("pk"), CharField()),
        action__in=["wagtail.edit", "wagtail.publish"],
    )
    edit_url = model.snippet_viewset.get_url_name("edit")
    rows = []
    for instance in _synced(objects, edits).order_by("pk"):
        for locale in locales:
            target = targets.get((instance.translation_key, locale.pk))
            tracked = progress.get((instance.translation_key, locale.pk))
            state = _state(tracked, target, instance.changed_at if tracked is not None else None)
            rows.append(
                _row(
                    model,
                    locale,
                    names,
                    state,
                    is_page=False,
                    title=str(instance),
                    section="",
                    edit_url=reverse(edit_url, args=[quote(instance.pk)]),
                    translation_url=(
                        reverse(edit_url, args=[quote(target.pk)])
                        if target is not None
                        else reverse(
                            "wagtail_localize:submit_snippet_translation",
                            args=[model._meta.app_label, model._meta.model_name, instance.pk],
                        )
                    ),
                )
            )
    return rows


def statuses(user, language="", state="", type_code="", section=None, *, french=None, locales=None):
    """Every row the user may see, filtered; pages first (in tree order), then snippets.
    `french` and `locales` (every other language's) save the queries when the caller has
    them."""
    if french is None:
        french = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    locales = target_locales() if locales is None else locales
    if language:
        locales = [locale for locale in locales if locale.language_code == language]
    if not locales:
        return []
    names = language_names()
    progress = _progress(french, locales)
    snippet_models = translatable_snippet_models()
    page_types = {m._meta.label_lower for m in _page_models()}
    rows = []
    if not type_code or type_code in page_types:
        rows += page_statuses(user, french, locales, progress, names, type_code, section)
    if section is None:
        for model in snippet_models:
            if not type_code or type_code == model._meta.label_lower:
                rows += snippet_statuses(user, model, french, locales, progress, names)
    if state:
        rows = [row for row in rows if row.state == state]
    return rows


def summary(rows):
    """How many rows in each state, in the order of STATES."""
    counts = Counter(row.state for row in rows)
    return [(code, label, counts.get(code, 0)) for code, label in STATES.items()]


def type_choices():
    """(code, label) of the page and snippet types, for the filter."""
    choices = defaultdict(str)
    for model in [*_page_models(), *translatable_snippet_models()]:
        if model is not Page:
            choices[model._meta.label_lower] = str(model._meta.verbose_name)
    return sorted(choices.items(), key=lambda item: item[1].lower())
