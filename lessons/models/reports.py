"""Session reports: what a facilitator records after a school awareness session.

Counts only (pupils, parents), never a pupil's personal data, and no IP address: the territory's
indicators are « nombre d'élèves sensibilisés » and « nombre d'ateliers réalisés ».
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from ..school import ClassLevel, Topic

# One session is one class or group: more than this is a typo or several classes at once.
MAX_PUPILS = 60
MAX_PARENTS = 200
COMMENT_MAX_LENGTH = 1000


def school_year_of(day):
    """French school years run from September to August: 3 March 2026 is in "2025-2026"."""
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}-{start + 1}"


def school_year_start(day):
    """1 September of the school year `day` belongs to."""
    return datetime.date(day.year if day.month >= 9 else day.year - 1, 9, 1)


class SessionReport(models.Model):
    date = models.DateField(_("date de la séance"))
    organisation = models.ForeignKey(
        "content.Organisation",
        verbose_name=_("structure"),
        null=True,
        blank=True,
        # A deleted organisation keeps its reports: structure_name keeps the label.
        on_delete=models.SET_NULL,
        related_name="session_reports",
    )
    other_structure = models.CharField(
        _("autre structure"),
        max_length=200,
        blank=True,
        help_text=_("Si la structure n'est pas dans la liste."),
    )
    school = models.CharField(_("établissement"), max_length=200)
    class_level = models.CharField(_("niveau"), max_length=20, choices=ClassLevel.choices)
    pupils = models.PositiveSmallIntegerField(
        _("nombre d'élèves"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PUPILS)],
    )
    parents = models.PositiveSmallIntegerField(
        _("nombre de parents présents"),
        default=0,
        validators=[MaxValueValidator(MAX_PARENTS)],
    )
    topic = models.CharField(_("thème"), max_length=40, choices=Topic.choices)
    comment = models.TextField(
        _("commentaire"),
        max_length=COMMENT_MAX_LENGTH,
        blank=True,
        help_text=_("Aucun nom d'élève ni information permettant de reconnaître un élève."),
    )
    module = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("module"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Both derived on save, so aggregates are plain GROUP BYs.
    school_year = models.CharField(_("année scolaire"), max_length=9, editable=False, db_index=True)
    structure_name = models.CharField(_("structure"), max_length=200, editable=False)
    created_at = models.DateTimeField(_("reçu le"), auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("class_level"), FieldPanel("topic")]),
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("other_structure")], heading=_("Structure")
        ),
        FieldPanel("school"),
        FieldRowPanel([FieldPanel("pupils"), FieldPanel("parents")]),
        FieldPanel("comment"),
        FieldPanel("module"),
    ]

    class Meta:
        verbose_name = _("compte rendu de séance")
        verbose_name_plural = _("comptes rendus de séance")
        ordering = ["-date", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pupils__gte=1, pupils__lte=MAX_PUPILS),
                name="session_report_pupils_range",
            ),
            models.CheckConstraint(
                condition=models.Q(parents__lte=MAX_PARENTS), name="session_report_parents_max"
            ),
        ]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} – {self.school} ({self.get_class_level_display()})"

    def save(self, *args, **kwargs):
        self.school_year = school_year_of(self.date)
        # The acronym when there is one: short labels for tables and charts.
        organisation = self.organisation if self.organisation_id else None
        self.structure_name = (
            (organisation.acronym or organisation.name) if organisation else self.other_structure
        )[:200]
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.date and self.date > timezone.localdate():
            errors["date"] = _("La date ne peut pas être dans le futur : la séance a déjà eu lieu.")
        self.other_structure = self.other_structure.strip()
        if not self.organisation_id and not self.other_structure:
            errors["organisation"] = _(
                "Indiquez votre structure : choisissez-la dans la liste ou écrivez son nom."
            )
        elif self.organisation_id and self.other_structure:
            errors["other_structure"] = _(
                "Choisissez une structure dans la liste ou écrivez son nom, pas les deux."
            )
        if errors:
            raise ValidationError(errors)
