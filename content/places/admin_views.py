"""Editors' screens for the directory: import a standard file (same checks and report as the
command) and the places not checked for six months, with one-click « Toujours exact »."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from content.models import Place
from content.models.places import FRESHNESS_DAYS

from .importer import MAX_BYTES, import_file, too_big

CHANGE = "content.change_place"
ADD = "content.add_place"


def editable_places(user):
    """The places this user may confirm or update: their organisation's (all of them for the
    coordination)."""
    from content.organisations import scope

    return (
        scope(Place.objects.all(), user, "organisation")
        if user.has_perm(CHANGE)
        else Place.objects.none()
    )


def stale_places(user, today=None):
    """Places whose facts nobody confirmed for six months: last edit and last check both old."""
    today = today or timezone.localdate()
    limit = today - datetime.timedelta(days=FRESHNESS_DAYS)
    return (
        editable_places(user)
        .filter(date_maj__lt=limit)
        .exclude(date_verification__gte=limit)
        .select_related("organisation")
        .order_by("date_maj", "nom")
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Fichier CSV ou JSON du standard"),
        help_text=gettext_lazy(
            "Standard des lieux de médiation numérique, version 1.0.2. Les lieux sont reconnus "
            "par leur identifiant (« id ») : importer deux fois le même fichier ne change rien."
        ),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Essai à blanc : vérifier sans rien enregistrer"),
        required=False,
        initial=True,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(too_big(upload.size))
        return upload


def import_view(request):
    if not (request.user.has_perm(ADD) and request.user.has_perm(CHANGE)):
        raise PermissionDenied
    report = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = import_file(upload.read(), name=upload.name, dry_run=form.cleaned_data["dry_run"])
    return TemplateResponse(
        request,
        "content/places/admin/import.html",
        {
            "form": form,
            "report": report,
            "header_title": _("Importer des lieux"),
            "header_icon": "upload",
        },
    )


def stale_view(request):
    if not request.user.has_perm(CHANGE):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "content/places/admin/stale.html",
        {
            "places": stale_places(request.user),
            "header_title": _("Lieux à vérifier"),
            "header_icon": "time",
        },
    )


@require_POST
def confirm_view(request, pk):
    """« Toujours exact »: records today's check without touching the data (nor date_maj)."""
    place = get_object_or_404(editable_places(request.user), pk=pk)
    Place.objects.filter(pk=place.pk).update(date_verification=timezone.localdate())
    messages.success(
        request, _("« %(name)s » : vérification enregistrée pour aujourd'hui.") % {"name": place}
    )
    target = request.POST.get("next", "")
    if not target.startswith("/admin/"):
        target = "places_admin_stale"
    return redirect(target)
