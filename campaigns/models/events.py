"""Events: an agenda page, event pages with one or more occurrences, and registrations.

A recurring event (a café numérique every Thursday) is one EventPage with several Occurrence rows;
each occurrence has its own date, seats and registrations. Seats are allocated inside a database
transaction that locks the occurrence row (select_for_update), so capacity cannot be exceeded.
"""

import datetime

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
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

MAX_SEATS_PER_REGISTRATION = 10
SIGNING_SALT = "campaigns.registration.cancel"


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

    # Views live in campaigns/events_views.py to keep this module about data.
    def get_context(self, request, *args, **kwargs):
        from campaigns.events_views import agenda_context

        context = super().get_context(request, *args, **kwargs)
        context.update(agenda_context(self, request))
        return context

    @route(r"^$")
    def agenda(self, request):
        return self.render(request)

    @route(r"^calendrier/$", name="feed")
    def feed(self, request):
        from campaigns.events_views import agenda_feed

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
        from campaigns.events_views import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self, request))
        return context

    @route(r"^$")
    def detail(self, request):
        return self.render(request)

    @route(r"^calendrier/$", name="ics")
    def ics(self, request):
        from campaigns.events_views import event_ics

        return event_ics(self, request)

    @route(r"^calendrier/(\d+)/$", name="occurrence_ics")
    def occurrence_ics(self, request, occurrence_id):
        from campaigns.events_views import event_ics

        return event_ics(self, request, int(occurrence_id))

    @route(r"^inscription/(\d+)/$", name="register")
    def register(self, request, occurrence_id):
        from campaigns.events_views import register_view

        return register_view(self, request, int(occurrence_id))

    @route(r"^inscription/suivi/([\w-]+)/$", name="registration")
    def registration(self, request, token):
        from campaigns.events_views import registration_view

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


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmee", _("Confirmée")
        WAITING = "attente", _("Liste d'attente")
        CANCELLED = "annulee", _("Annulée")

    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("date"), related_name="registrations", on_delete=models.CASCADE
    )
    name = models.CharField(_("nom"), max_length=150, blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    seats = models.PositiveSmallIntegerField(
        _("places"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_SEATS_PER_REGISTRATION)],
    )
    accessibility_needs = models.TextField(_("besoins d'accessibilité"), blank=True)
    wants_reminder = models.BooleanField(_("rappel la veille par courriel"), default=False)
    status = models.CharField(_("statut"), max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(_("inscrit le"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    purged_at = models.DateTimeField(_("données personnelles effacées le"), null=True, blank=True)
    # When the registrant was told by e-mail (each message is sent once).
    reminder_sent_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)
    date_cancelled_notice_at = models.DateTimeField(
        _("annulation de la date annoncée le"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(seats__gte=1) & Q(seats__lte=MAX_SEATS_PER_REGISTRATION),
                name="registration_seats_range",
            )
        ]

    def __str__(self):
        return self.name or _("(données effacées)")

    @property
    def event_title(self):
        return self.occurrence.event.title

    def clean(self):
        """Nobody confirms more people than a date has seats (the admin form runs this; public
        registrations go through `register`, which never over-books)."""
        super().clean()
        if self.status != self.Status.CONFIRMED or not self.occurrence_id or not self.seats:
            return
        occurrence = Occurrence.objects.select_related("event").get(pk=self.occurrence_id)
        if occurrence.seats is None:
            return
        taken = (
            occurrence.registrations.filter(status=self.Status.CONFIRMED)
            .exclude(pk=self.pk)
            .aggregate(n=Sum("seats"))["n"]
            or 0
        )
        left = max(0, occurrence.seats - taken)
        if self.seats > left:
            message = ngettext(
                "Il ne reste que %(left)s place confirmée sur %(total)s pour cette date : "
                "choisissez « Liste d'attente » ou augmentez le nombre de places de la date.",
                "Il ne reste que %(left)s places confirmées sur %(total)s pour cette date : "
                "choisissez « Liste d'attente » ou augmentez le nombre de places de la date.",
                left,
            )
            raise ValidationError({"seats": message % {"left": left, "total": occurrence.seats}})

    @property
    def token(self):
        """Signed "<pk>-<signature>" (only characters Wagtail's page URLs accept)."""
        return signing.Signer(salt=SIGNING_SALT).sign(str(self.pk)).replace(":", "-", 1)

    @staticmethod
    def pk_from_token(token):
        """Return the pk a token was signed for, or None for a forged or damaged token."""
        pk, _sep, signature = (token or "").partition("-")
        try:
            return int(signing.Signer(salt=SIGNING_SALT).unsign(f"{pk}:{signature}"))
        except (signing.BadSignature, TypeError, ValueError):
            return None

    # -- seat allocation -------------------------------------------------------------------

    @classmethod
    def register(cls, occurrence_id, **fields):
        """Create a registration, confirmed if seats remain, otherwise on the waiting list.

        The occurrence row is locked for the whole transaction, so two concurrent requests
        cannot both take the last seats."""
        with transaction.atomic():
            occurrence = (
                Occurrence.objects.select_for_update().select_related("event").get(pk=occurrence_id)
            )
            reason = occurrence.refusal_reason()
            if reason:
                raise ValidationError(reason)
            if cls.same_contact(occurrence, fields.get("email"), fields.get("phone")).exists():
                raise DuplicateRegistration(
                    _(
                        "Une inscription à cette date existe déjà avec ces coordonnées : une "
                        "seule inscription par personne et par date. Pour changer le nombre de "
                        "places ou annuler, suivez le lien du courriel de confirmation, ou "
                        "contactez l'organisateur."
                    )
                )
            seats = fields.get("seats", 1)
            has_waiting = occurrence.registrations.filter(status=cls.Status.WAITING).exists()
            fits = occurrence.confirmed_seats() + seats <= occurrence.seats
            status = cls.Status.CONFIRMED if fits and not has_waiting else cls.Status.WAITING
            return cls.objects.create(occurrence=occurrence, status=status, **fields)

    @classmethod
    def same_contact(cls, occurrence, email, phone):
        """Live registrations of this date with the same e-mail address (any case) or, for
        someone without one, the same phone number (digits only)."""
        others = cls.objects.filter(occurrence=occurrence).exclude(status=cls.Status.CANCELLED)
        if email:
            return others.filter(email__iexact=email.strip())
        digits = "".join(c for c in phone or "" if c.isdigit())
        if not digits:
            return cls.objects.none()
        same = [
            r.pk
            for r in others.filter(email="").exclude(phone="").only("pk", "phone")
            if "".join(c for c in r.phone if c.isdigit()) == digits
        ]
        return cls.objects.filter(pk__in=same)

    def cancel(self):
        """Cancel and promote waiting registrations, first come first served. Returns the
        promoted registrations (so they can be told)."""
        with transaction.atomic():
            occurrence = Occurrence.objects.select_for_update().get(pk=self.occurrence_id)
            current = Registration.objects.select_for_update().get(pk=self.pk)
            if current.status == self.Status.CANCELLED:
                return []
            current.status = self.Status.CANCELLED
            current.cancelled_at = timezone.now()
            current.save(update_fields=["status", "cancelled_at"])
            self.status, self.cancelled_at = current.status, current.cancelled_at
            return promote_waiting(occurrence)


class DuplicateRegistration(ValidationError):
    """The same person is already registered for this date."""


def promote_waiting(occurrence):
    """Confirm waiting registrations in order while they fit. Call inside a transaction that
    holds the occurrence lock."""
    promoted = []
    if occurrence.seats is None:
        return promoted
    free = occurrence.seats - occurrence.confirmed_seats()
    for waiting in occurrence.registrations.filter(status=Registration.Status.WAITING).order_by(
        "created_at", "pk"
    ):
        if waiting.seats > free:
            break  # strict order: nobody jumps the queue
        waiting.status = Registration.Status.CONFIRMED
        waiting.save(update_fields=["status"])
        free -= waiting.seats
        promoted.append(waiting)
    return promoted


def retention_days():
    return getattr(settings, "EVENT_REGISTRATION_RETENTION_DAYS", 30)


def purge_old_registrations(now=None):
    """Erase personal data of registrations whose occurrence ended more than the retention
    period ago. Rows, statuses and seat counts stay, so the figures remain."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=retention_days())
    with transaction.atomic():
        count = Registration.objects.filter(
            occurrence__end__lt=limit, purged_at__isnull=True
        ).update(name="", email="", phone="", accessibility_needs="", purged_at=now)
        purge_registration_history()
    return count


ERASED_LABEL = "(données effacées)"


def purge_registration_history():
    """The admin's history of a registration names its registrant (Wagtail's audit log and
    « Historique du site » store the object's label; Django's admin log its repr). Once the
    registration is purged or deleted, its entries keep their action, date and author only."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField
    from django.db.models.functions import Cast
    from wagtail.models import ModelLogEntry

    content_type = ContentType.objects.get_for_model(Registration)
    holding_data = (
        Registration.objects.filter(purged_at__isnull=True)
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    ModelLogEntry.objects.filter(content_type=content_type).exclude(
        object_id__in=holding_data
    ).update(label=ERASED_LABEL, data={})
    LogEntry.objects.filter(content_type=content_type).exclude(object_id__in=holding_data).update(
        object_repr=ERASED_LABEL, change_message=""
    )
