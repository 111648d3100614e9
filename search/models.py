"""Search snippets and statistics: synonym groups editors manage, and an aggregated,
anonymous query log (no IP, no user, no session: only the normalised query text, with e-mail
addresses and phone numbers masked, kept 13 months after its last search)."""

import calendar
import datetime

from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from content.privacy import mask_personal_data
from search.text import normalise_term


class SynonymGroup(TranslatableMixin, models.Model):
    """Words a visitor may type for the same thing: each is expanded to all the others."""

    name = models.CharField(_("nom"), max_length=80, help_text=_("Pour vous y retrouver."))
    terms = models.TextField(
        _("mots équivalents"),
        help_text=_(
            "Un mot ou une expression par ligne (ou séparés par des virgules), par exemple : "
            "mail, courriel, e-mail. Accents et majuscules sont ignorés."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("terms")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("groupe de synonymes")
        verbose_name_plural = _("groupes de synonymes")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def term_list(self):
        raw = self.terms.replace("\n", ",").split(",")
        return [t.strip() for t in raw if t.strip()]


class SearchTermStat(models.Model):
    """One row per normalised query (and language): how often it was searched and how
    often it found nothing. Aggregated on purpose: nothing identifies a visitor."""

    query = models.CharField(_("recherche"), max_length=255)
    language = models.CharField(_("langue"), max_length=10, default="fr")
    searches = models.PositiveIntegerField(_("nombre de recherches"), default=0)
    zero_result_searches = models.PositiveIntegerField(_("recherches sans résultat"), default=0)
    last_result_count = models.PositiveIntegerField(_("derniers résultats"), default=0)
    last_searched = models.DateField(_("dernière recherche"), auto_now=True)

    class Meta:
        verbose_name = _("statistique de recherche")
        verbose_name_plural = _("statistiques de recherche")
        constraints = [
            models.UniqueConstraint(fields=["query", "language"], name="search_term_unique")
        ]
        ordering = ["-searches"]

    def __str__(self):
        return self.query

    @classmethod
    def record(cls, query, language, result_count):
        # Masked before normalising: the patterns need the "@" and "+" a visitor typed.
        query = " ".join(normalise_term(mask_personal_data(query)).split())[:255]
        if not query:
            return
        # One statement, new query or known: an insert that becomes an increment on the
        # (query, language) constraint (PostgreSQL and SQLite), and dates the search (the
        # log is purged by that date). Written as SQL: the ORM's update then get_or_create
        # cost two to three statements and more Python than the search they log.
        table = connection.ops.quote_name(cls._meta.db_table)
        sql = (
            f"INSERT INTO {table} (query, language, searches, zero_result_searches, "
            "last_result_count, last_searched) VALUES (%s, %s, 1, %s, %s, %s) "
            "ON CONFLICT (query, language) DO UPDATE SET "
            f"searches = {table}.searches + 1, "
            f"zero_result_searches = {table}.zero_result_searches "
            "+ excluded.zero_result_searches, "
            "last_result_count = excluded.last_result_count, "
            "last_searched = excluded.last_searched"
        )
        params = [query, language, 0 if result_count else 1, result_count, timezone.localdate()]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


def search_log_retention_months():
    return getattr(settings, "SEARCH_LOG_RETENTION_MONTHS", 13)


def months_before(day, months):
    """The same day `months` earlier (the month's last day when that month is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def purge_search_log(today=None):
    """Deletes the queries nobody has searched for in the retention period (13 months by
    default). Returns how many rows went."""
    today = today or timezone.localdate()
    limit = months_before(today, search_log_retention_months())
    deleted, _per_model = SearchTermStat.objects.filter(last_searched__lt=limit).delete()
    return deleted
