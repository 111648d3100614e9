"""content's own figures: the places directory and the interactive activities."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from content.digest import PLACE_CHECK_INTERVAL

from . import Figure, Row


def figures(filters):
    from content.models import H5PActivity, Place

    places = Place.objects.filter(locale__language_code="fr")
    if filters.organisation is not None:
        places = places.filter(organisation=filters.organisation)
    if filters.commune:
        places = places.filter(commune=filters.commune)
    limit = filters.end - PLACE_CHECK_INTERVAL
    checked = places.aggregate(
        fresh=Count("pk", filter=Q(date_maj__gte=limit) | Q(date_verification__gte=limit)),
        stale=Count("pk", filter=Q(date_maj__lt=limit) & ~Q(date_verification__gte=limit)),
    )
    h5p = H5PActivity.objects.aggregate(
        started=Sum("started_count"), completed=Sum("completed_count")
    )
    return [
        Figure(
            "lieux",
            _("Lieux d'aide au numérique référencés"),
            _("lieux"),
            [
                Row(_("Vérifiés depuis moins de six mois"), checked["fresh"], "verifies"),
                Row(_("À vérifier"), checked["stale"], "a-verifier"),
            ],
            source=_("Annuaire des lieux, date de dernière mise à jour de chaque fiche."),
            order=50,
            people=False,  # places are public: a small count points at no one
        ),
        Figure(
            "activites-interactives",
            _("Activités interactives commencées et terminées"),
            _("activités"),
            [
                Row(_("Commencées"), h5p["started"] or 0, "commencees"),
                Row(_("Terminées"), h5p["completed"] or 0, "terminees"),
            ],
            source=_(
                "Compteurs anonymes des activités H5P, depuis leur mise en ligne (ni période, "
                "ni commune, ni structure)."
            ),
            order=30,
        ),
    ]
