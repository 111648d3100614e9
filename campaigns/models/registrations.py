"""Registrations to an event's occurrence: seats allocated inside a database transaction that
locks the occurrence row (select_for_update), so capacity cannot be exceeded; a waiting list
promoted first come first served; personal data erased after the retention period."""

import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .events import Occurrence

MAX_SEATS_PER_REGISTRATION = 10
SIGNING_SALT = "campaigns.registration.cancel"


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
