"""The weekly review digest: each organisation gets one e-mail listing what it should look at.

Each app contributes sections through the Wagtail hook « capnum_review_digest »: a function
`(organisation, today) -> DigestSection | None` (lessons: pages past their review date and
outdated easy-to-read versions; campaigns: past events without attendance; places here).
Nothing is sent to an organisation with nothing due. Each recipient reads it in their language:
an editor in the one chosen in their admin account (Wagtail's preferences), the organisation's
own address in the site's; one message per language.
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


def language_of(user):
    """The admin language the user chose, if the site offers it; else the site's."""
    profile = getattr(user, "wagtail_userprofile", None)  # none until they open preferences
    code = profile.preferred_language if profile else ""
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return settings.LANGUAGE_CODE


def recipients(organisation):
    """{language: addresses}: the digest address, or the organisation's own address, in the
    site's language, then its active editors, each in their own (an address once)."""
    addresses = [(organisation.digest_email or organisation.email, settings.LANGUAGE_CODE)]
    if organisation.editors_group_id:
        editors = organisation.editors_group.user_set.filter(is_active=True)
        addresses += [
            (user.email, language_of(user))
            for user in editors.select_related("wagtail_userprofile").order_by("pk")
        ]
    by_language, seen = {}, set()
    for address, language in addresses:
        if address and address.lower() not in seen:
            seen.add(address.lower())
            by_language.setdefault(language, []).append(address)
    return by_language


def build_message(organisation, sections, today, to):
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
    return EmailMessage(subject, body, to=to)


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
    """One organisation's digest, one message per language of its recipients; (item count,
    recipients), or None when nothing is due or nobody would receive it. A refused e-mail
    raises (the task worker retries it)."""
    count, sent_to = None, []
    for language, addresses in recipients(organisation).items():
        with translation.override(language):
            sections = sections_for(organisation, today)
            if not sections:
                return None
            message = build_message(organisation, sections, today, addresses)
            if not dry_run:
                message.send()
        count = sum(len(s.items) for s in sections)
        sent_to += addresses
    return (count, sent_to) if sent_to else None


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
