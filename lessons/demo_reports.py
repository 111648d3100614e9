"""A school year (2025-2026) of demo session reports.

Bellidée's reports reproduce the figures of its school interventions in the action plan
(shared/seeds/000): 121 pupils of 6e (dangers of the Internet, Safer Internet Day), 95 of 5e
(social networks « jeunes et parents », 25 parents), 84 of 4e (cyberbullying, around the day
against bullying) and 110 of 2nde (« Bien vivre au lycée » forum). The CCT2C, which the plan also
lists for school interventions, adds two sessions with 3e classes in Marquise.
"""

import datetime

from content.demo import french
from content.models import Organisation

from .models import SessionReport
from .school import ClassLevel, Topic

COLLEGE = "Collège de Saint-Martin-Boulogne"
LYCEE = "Lycée de Boulogne-sur-Mer"
MARQUISE = "Collège de Marquise"

# (organisation slug, date, school, level, topic, pupils, parents, comment)
REPORTS = [
    ("bellidee", "2025-11-10", COLLEGE, ClassLevel.QUATRIEME, Topic.CYBERBULLYING, 28, 0,
     "Journée contre le harcèlement : beaucoup de questions sur les captures d'écran."),
    ("bellidee", "2025-11-10", COLLEGE, ClassLevel.QUATRIEME, Topic.CYBERBULLYING, 29, 0, ""),
    ("bellidee", "2025-11-17", COLLEGE, ClassLevel.QUATRIEME, Topic.CYBERBULLYING, 27, 0,
     "Le professeur principal souhaite une séance de suivi au printemps."),
    ("bellidee", "2026-02-10", COLLEGE, ClassLevel.SIXIEME, Topic.CYBERSECURITY, 30, 0,
     "Safer Internet Day : quiz sur les mots de passe très apprécié."),
    ("bellidee", "2026-02-10", COLLEGE, ClassLevel.SIXIEME, Topic.CYBERSECURITY, 31, 0, ""),
    ("bellidee", "2026-03-03", COLLEGE, ClassLevel.SIXIEME, Topic.CYBERSECURITY, 29, 0, ""),
    ("bellidee", "2026-03-04", COLLEGE, ClassLevel.SIXIEME, Topic.CYBERSECURITY, 31, 0,
     "Plusieurs élèves ont déjà un téléphone sans contrôle parental."),
    ("bellidee", "2026-03-24", COLLEGE, ClassLevel.CINQUIEME, Topic.SOCIAL_NETWORKS, 32, 9,
     "Atelier « jeunes et parents » : les parents restent volontiers après la séance."),
    ("bellidee", "2026-03-25", COLLEGE, ClassLevel.CINQUIEME, Topic.SOCIAL_NETWORKS, 31, 8, ""),
    ("bellidee", "2026-03-31", COLLEGE, ClassLevel.CINQUIEME, Topic.SOCIAL_NETWORKS, 32, 8, ""),
    ("bellidee", "2026-04-01", LYCEE, ClassLevel.SECONDE, Topic.MEDIA_LITERACY, 28, 0,
     "Forum « Bien vivre au lycée » : stand sur les fausses informations."),
    ("bellidee", "2026-04-01", LYCEE, ClassLevel.SECONDE, Topic.MEDIA_LITERACY, 27, 0, ""),
    ("bellidee", "2026-04-02", LYCEE, ClassLevel.SECONDE, Topic.AI, 28, 0,
     "Forum « Bien vivre au lycée » : images générées par IA, comment les repérer."),
    ("bellidee", "2026-04-02", LYCEE, ClassLevel.SECONDE, Topic.AI, 27, 0, ""),
    ("cct2c", "2026-01-20", MARQUISE, ClassLevel.TROISIEME, Topic.CYBERSECURITY, 26, 3,
     "Séance au tiers-lieu interm@de avec quelques parents."),
    ("cct2c", "2026-05-05", MARQUISE, ClassLevel.TROISIEME, Topic.SOCIAL_NETWORKS, 24, 0, ""),
]  # fmt: skip


def load():
    organisations = {o.slug: o for o in Organisation.objects.filter(locale=french())}
    created = 0
    for slug, day, school, level, topic, pupils, parents, comment in REPORTS:
        date = datetime.date.fromisoformat(day)
        fields = {"date": date, "school": school, "class_level": level, "pupils": pupils}
        if SessionReport.objects.filter(**fields, topic=topic).exists():
            continue
        organisation = organisations.get(slug)
        SessionReport.objects.create(
            **fields,
            topic=topic,
            parents=parents,
            comment=comment,
            organisation=organisation,
            # Should the organisation be missing, the report still names its structure.
            other_structure="" if organisation else slug.capitalize(),
        )
        created += 1
    return created
