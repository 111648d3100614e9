"""National days as editable rows: the rules of `campaigns.calendar` seed them, editors amend."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from ..calendar import NationalDay, national_days


class NationalDayDate(models.Model):
    """One national day in one year (Numériqu'elles moves each year; the rules are a guess)."""

    name = models.CharField(_("journée"), max_length=120)
    start = models.DateField(_("date (ou premier jour)"))
    end = models.DateField(
        _("dernier jour"), null=True, blank=True, help_text=_("Seulement pour une période.")
    )
    description = models.CharField(_("en bref"), max_length=255, blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["start", "name"]
        verbose_name = _("journée nationale")
        verbose_name_plural = _("journées nationales")
        constraints = [
            models.UniqueConstraint(fields=["name", "start"], name="unique_national_day_date")
        ]

    def __str__(self):
        return f"{self.name} ({self.start:%d/%m/%Y})"

    def clean(self):
        if self.end and self.end < self.start:
            raise ValidationError({"end": _("Le dernier jour doit suivre le premier.")})

    def as_day(self):
        # Rows seeded from the rules hold their French msgids: shown translated on pages in
        # another language; a name or text an editor changed has no entry and shows as typed.
        return NationalDay(
            gettext(self.name),
            self.start,
            self.end or self.start,
            gettext(self.description) if self.description else "",
        )


def seed_national_days(years):
    """Create the rule-computed dates of years that have none yet; returns how many were made."""
    made = 0
    for year in years:
        if NationalDayDate.objects.filter(start__year=year).exists():
            continue
        NationalDayDate.objects.bulk_create(
            NationalDayDate(
                name=str(day.name),
                start=day.start,
                end=day.end if day.is_period else None,
                description=str(day.description),
            )
            for day in national_days(year)
        )
        made += len(national_days(year))
    return made


def days_between(first, last):
    """Editors' dates in [first, last]; years they have not filled come from the rules."""
    # One query: a year's few rows tell both which years editors filled and their dates.
    rows = list(NationalDayDate.objects.filter(start__year__range=(first.year, last.year)))
    filled = {row.start.year for row in rows}
    stored = [row.as_day() for row in rows if first <= row.start <= last]
    computed = [
        day
        for year in range(first.year, last.year + 1)
        if year not in filled
        for day in national_days(year)
        if first <= day.start <= last
    ]
    return sorted(stored + computed, key=lambda day: day.start)
