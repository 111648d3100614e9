"""Demo H5P activity (the scam quiz, built from our own test content type) on a page under
/habitants/. Idempotent: found by its fixed identifier, re-extracted if its folder is missing."""

import uuid

from django.core.files.base import ContentFile

from content.demo import get_home, get_or_create_page, heading, paragraph
from content.h5p.testpackage import SCAM_QUIZ_TITLE, build_package
from content.models import H5PActivity, StandardPage

DEMO_UUID = uuid.UUID("6b1f2c4e-7d1a-4c3b-9a55-3a1f0c2b9e01")
PAGE_SLUG = "quiz-arnaque-sms"

TEXT_ALTERNATIVE = """Question : un SMS vous demande de payer une amende de 35 € en cliquant sur un lien. Que faites-vous ?

Réponse 1 : je clique sur le lien et je paie vite pour éviter une majoration. Mauvaise réponse : c'est une arnaque classique, l'administration n'envoie pas de lien de paiement par SMS.

Réponse 2 : je réponds au SMS pour demander des précisions. Mauvaise réponse : répondre confirme que votre numéro est actif, les escrocs vous relanceront.

Réponse 3 : je ne clique pas, je vérifie sur le site officiel de l'ANTAI et je signale le SMS au 33700. Bonne réponse : le 33700 est le numéro officiel de signalement des SMS frauduleux."""  # noqa: E501


def ensure_activity():
    from content.demo import french

    activity = H5PActivity.objects.filter(uuid=DEMO_UUID).first()
    if activity is None:
        activity = H5PActivity(
            uuid=DEMO_UUID,
            title=SCAM_QUIZ_TITLE,
            text_alternative=TEXT_ALTERNATIVE,
            locale=french(),
        )
        activity.package.save("quiz-arnaque-sms.h5p", ContentFile(build_package()), save=False)
        activity.save()
    elif not activity.is_extracted():
        # A fresh media folder with an existing database: restore the files, same identity.
        if not activity.package.storage.exists(activity.package.name):
            activity.package.save("quiz-arnaque-sms.h5p", ContentFile(build_package()), save=False)
        activity.save()  # re-extracts into the same folder
    return activity


def load():
    activity = ensure_activity()
    hub = StandardPage.objects.child_of(get_home()).filter(slug="habitants").first()
    if hub is None:
        return "H5P: hub /habitants/ missing, activity only"
    get_or_create_page(
        hub,
        StandardPage,
        PAGE_SLUG,
        title="Quiz : l'arnaque au SMS de l'amende",
        summary="Un exercice de deux minutes pour reconnaître un faux SMS d'amende.",
        body=[
            heading("Reconnaître un faux SMS"),
            paragraph(
                "Les escrocs envoient de faux SMS d'amende ou de colis pour voler vos "
                "coordonnées bancaires. Entraînez-vous avec cette question."
            ),
            (
                "h5p_activity",
                {
                    "activity": activity,
                    "introduction": "Lisez le SMS, choisissez la bonne réaction puis validez.",
                },
            ),
        ],
    )
    return f"H5P: 1 activity on /habitants/{PAGE_SLUG}/"
