"""Events: an agenda page and event pages with one or more occurrences (their registrations
are in registrations.py).

A recurring event (a café numérique every Thursday) is one EventPage with several Occurrence rows;
each occurrence has its own date, seats and registrations.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Sum
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, route
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from content.blocks import BaseStreamBlock
from content.models import AudienceThemeMixin, BasePage
from content.organisations import OrganisationPageMixin, organisation_page_form
from content.page_forms import BasePageForm
from content.panels import InlinePanel


class Level(models.TextChoices):
    ALL = "tous", _("Tous niveaux")
    BEGINNER = "debutant", _("Débutant")
    INTERMEDIATE = "intermediaire", _("Intermédiaire")
    ADVANCED = "avance", _("Avancé")
    LEVEL_1 = "niveau-1", _("Niveau 1")
    LEVEL_2 = "niveau-2", _("Niveau 2")


class ActionKind(models.TextChoices):
    """The national activity report's two kinds of action (Coop de la médiation numérique)."""

    GROUP = "collectif", _("Atelier collectif")
    INDIVIDUAL = "individuel", _("Accompagnement individuel (permanence, rendez-vous)")


class EventIndexPage(RoutablePageMixin, BasePage):
    """The agenda: upcoming occurrences, filters in the query string, archive, iCalendar feed."""

    intro = models.TextField(_("introduction"), blank=True)
    per_page = 20

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["campaigns.EventPage"]
    max_count_per_parent = 1
    template = "campaigns/events/event_index_page.html"

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    # Views live in campaigns/views/ to keep this module about data.
    def get_context(self, request, *args, **kwargs):
        from campaigns.views.events import agenda_context

        context = super().get_context(request, *args, **kwargs)
        context.update(agenda_context(self, request))
        return context

    @route(r"^$")
    def agenda(self, request):
        return self.render(request)

    @route(r"^calendrier/$", name="feed")
    def feed(self, request):
        from campaigns.views.events import agenda_feed

        return agenda_feed(self, request)


class EventPage(OrganisationPageMixin, RoutablePageMixin, AudienceThemeMixin, BasePage):
    """An organisation's event: its editors edit it (content/organisations.py), registrations
    stay theirs."""

    place = models.ForeignKey(
        "content.Place",
        verbose_name=_("lieu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Laisser vide pour un événement en ligne."),
    )
    online_url = models.URLField(
        _("lien de participation en ligne"),
        blank=True,
        help_text=_("Pour un événement à distance : lien de la visioconférence."),
    )
    organiser = models.ForeignKey(
        "content.Organisation",
        verbose_name=_("organisateur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    level = models.CharField(_("niveau"), max_length=20, choices=Level.choices, default=Level.ALL)
    # The search page offers one option per level: an event's « Niveau 1 » is the learning
    # paths' level 1 (search/query.py).
    search_facet_aliases = {"level": {Level.LEVEL_1: 1, Level.LEVEL_2: 2}}
    action_kind = models.CharField(
        _("type d'action"),
        max_length=12,
        choices=ActionKind.choices,
        default=ActionKind.GROUP,
        help_text=_(
            "Pour le bilan : atelier en groupe ou accompagnement d'une personne à la fois."
        ),
    )
    price = models.CharField(
        _("tarif"),
        max_length=100,
        blank=True,
        help_text=_("Laisser vide si l'événement est gratuit."),
    )
    capacity = models.PositiveIntegerField(
        _("nombre de places"),
        null=True,
        blank=True,
        help_text=_("Par séance. Laisser vide pour un événement sans inscription."),
    )
    registration_open = models.BooleanField(_("inscription en ligne"), default=True)
    accessibility_notes = models.TextField(
        _("accessibilité"),
        blank=True,
        help_text=_("Accès de plain-pied, boucle magnétique, interprète LSF, supports adaptés..."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenu"), blank=True)
    # After the event
    attendance_count = models.PositiveIntegerField(
        _("nombre de participants"),
        null=True,
        blank=True,
        help_text=_("Après l'événement : nombre de participants, toutes séances confondues."),
    )
    report = StreamField(
        BaseStreamBlock(),
        verbose_name=_("bilan"),
        blank=True,
        help_text=_("Après l'événement : résumé, supports, documents."),
    )

    content_panels = [
        *BasePage.content_panels,
        InlinePanel(
            "occurrences",
            heading=_("Dates"),
            label=_("Date"),
            add_label=_("Ajouter une date"),
            min_num=1,
        ),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("online_url")], heading=_("Lieu ou lien en ligne")
        ),
        FieldPanel("organiser"),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("level"),
        FieldPanel("action_kind"),
        FieldPanel("price"),
        MultiFieldPanel(
            [FieldPanel("capacity"), FieldPanel("registration_open")], heading=_("Inscriptions")
        ),
        FieldPanel("accessibility_notes"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("attendance_count"), FieldPanel("report")], heading=_("Après l'événement")
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["campaigns.EventIndexPage"]
    subpage_types = []
    template = "campaigns/events/event_page.html"
    base_form_class = organisation_page_form(BasePageForm)
    organisation_field = "organiser"

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    def get_context(self, request, *args, **kwargs):
        from campaigns.views.events import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self, request))
        return context

    @route(r"^$")
    def detail(self, request):
        return self.render(request)

    @route(r"^calendrier/$", name="ics")
    def ics(self, request):
        from campaigns.views.events import event_ics

        return event_ics(self, request)

    @route(r"^calendrier/(\d+)/$", name="occurrence_ics")
    def occurrence_ics(self, request, occurrence_id):
        from campaigns.views.events import event_ics

        return event_ics(self, request, int(occurrence_id))

    @route(r"^inscription/(\d+)/$", name="register")
    def register(self, request, occurrence_id):
        from campaigns.views.registrations import register_view

        return register_view(self, request, int(occurrence_id))

    @route(r"^inscription/suivi/([\w-]+)/$", name="registration")
    def registration(self, request, token):
        from campaigns.views.registrations import registration_view

        return registration_view(self, request, token)

    @property
    def is_free(self):
        return not self.price

    @cached_property
    def dates(self):
        return list(self.occurrences.all().order_by("start"))

    @property
    def first_start(self):
        return self.dates[0].start if self.dates else None

    @property
    def is_past(self):
        return bool(self.dates) and all(o.is_past for o in self.dates)


class Occurrence(Orderable):
    class Status(models.TextChoices):
        SCHEDULED = "prevue", _("Prévue")
        CANCELLED = "annulee", _("Annulée")

    event = ParentalKey(EventPage, related_name="occurrences", on_delete=models.CASCADE)
    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"))
    capacity = models.PositiveIntegerField(
        _("places pour cette date"),
        null=True,
        blank=True,
        help_text=_("Laisser vide pour reprendre le nombre de places de l'événement."),
    )
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=Status.choices,
        default=Status.SCHEDULED,
        help_text=_(
            "Annuler une date prévient ses inscrits par courriel dès la publication de la page."
        ),
    )

    panels = [FieldPanel("start"), FieldPanel("end"), FieldPanel("capacity"), FieldPanel("status")]

    class Meta(Orderable.Meta):
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        ordering = ["start"]
        indexes = [models.Index(fields=["start"])]

    def __str__(self):
        local = timezone.localtime(self.start)
        return f"{self.event.title} – {local:%d/%m/%Y %H:%M}"

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("La fin doit être après le début.")})

    @property
    def seats(self):
        return self.capacity if self.capacity is not None else self.event.capacity

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    def confirmed_seats(self):
        from .registrations import Registration  # the module that imports this one

        total = self.registrations.filter(status=Registration.Status.CONFIRMED).aggregate(
            n=Sum("seats")
        )["n"]
        return total or 0

    def remaining_seats(self):
        if self.seats is None:
            return None
        return max(0, self.seats - self.confirmed_seats())

    def refusal_reason(self):
        """Why registration is refused, or "" when open."""
        if self.is_cancelled:
            return _("Cette séance est annulée : les inscriptions sont fermées.")
        if self.start <= timezone.now():
            return _("Cette séance a déjà commencé ou est passée : les inscriptions sont fermées.")
        if not self.event.registration_open or self.seats is None:
            return _("Cet événement ne prend pas d'inscription en ligne.")
        return ""
