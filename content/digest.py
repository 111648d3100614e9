"""The weekly review digest: each organisation gets one e-mail listing what it should look at.

Each app contributes sections through the Wagtail hook « capnum_review_digest »: a function
`(organisation, today) -> DigestSection | None` (lessons: pages past their review date and
outdated easy-to-read versions; campaigns: past events without attendance; places here).
Nothing is sent to an organisation with nothing due.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks

HOOK = "capnum_review_digest"
# The seeds ask for information checked every six months.
PLACE_CHECK_INTERVAL = datetime.timedelta(days=183)


@dataclass
class DigestItem:
    label: str
    admin_path: str  # path in the admin, made absolute with BASE_URL in the e-mail
    detail: str = ""


@dataclass
class DigestSection:
    title: str
    items: list[DigestItem] = field(default_factory=list)


def sections_for(organisation, today):
    sections = []
    for provider in hooks.get_hooks(HOOK):
        section = provider(organisation, today)
        if section is not None and section.items:
            sections.append(section)
    return sections


def recipients(organisation):
    """The digest address, or the organisation's own address, plus its active editors."""
    addresses = [organisation.digest_email or organisation.email]
    if organisation.editors_group_id:
        addresses += organisation.editors_group.user_set.filter(is_active=True).values_list(
            "email", flat=True
        )
    unique = []
    for address in addresses:
        if address and address.lower() not in {a.lower() for a in unique}:
            unique.append(address)
    return unique


def build_message(organisation, sections, today):
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    count = sum(len(section.items) for section in sections)
    subject = ngettext(
        "Cap Numérique : %(count)d contenu à revoir (%(name)s)",
        "Cap Numérique : %(count)d contenus à revoir (%(name)s)",
        count,
    ) % {"count": count, "name": organisation.acronym or organisation.name}
    body = render_to_string(
        "content/digest/email.txt",
        {
            "organisation": organisation,
            "sections": sections,
            "today": today,
            "base_url": base_url,
            "preferences_url": base_url + reverse("wagtailsnippets_content_organisation:list"),
        },
    )
    return EmailMessage(subject, body, to=recipients(organisation))


def send_digests(today=None, dry_run=False):
    """Send every organisation its digest; return [(organisation, item count, recipients)]."""
    from content.models import Organisation

    today = today or timezone.localdate()
    report = []
    organisations = Organisation.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    for organisation in organisations.select_related("editors_group").order_by("name"):
        sent = send_digest(organisation, today, dry_run=dry_run)
        if sent is not None:
            report.append((organisation, *sent))
    return report


def send_digest(organisation, today, dry_run=False):
    """One organisation's digest; (item count, recipients), or None when nothing is due or
    nobody would receive it. A refused e-mail raises (the task worker retries it)."""
    with translation.override(settings.LANGUAGE_CODE):
        sections = sections_for(organisation, today)
        if not sections:
            return None
        message = build_message(organisation, sections, today)
        if not message.to:
            return None
        if not dry_run:
            message.send()
        return sum(len(s.items) for s in sections), list(message.to)


def places_to_check(organisation, today):
    limit = today - PLACE_CHECK_INTERVAL
    # Neither edited nor confirmed (« Toujours exact ») for six months.
    places = (
        organisation.places.filter(date_maj__lt=limit)
        .exclude(date_verification__gte=limit)
        .order_by("date_maj")
    )
    return DigestSection(
        _("Lieux dont les informations n'ont pas été vérifiées depuis six mois"),
        [
            DigestItem(
                str(place),
                reverse("wagtailsnippets_content_place:edit", args=[place.pk]),
                _("dernière mise à jour le %(date)s")
                % {"date": place.date_maj.strftime("%d/%m/%Y")},
            )
            for place in places
        ],
    )
