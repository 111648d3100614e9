import factory
import wagtail_factories

from content.models import Audience, Organisation, StandardPage, Theme


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page de test {n}")
    summary = "Un résumé en langage simple."

    class Meta:
        model = StandardPage


class AudienceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Public {n}")
    slug = factory.Sequence(lambda n: f"public-{n}")

    class Meta:
        model = Audience


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")

    class Meta:
        model = Theme


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Structure {n}")
    slug = factory.Sequence(lambda n: f"structure-{n}")
    kind = Organisation.Kind.ASSOCIATION

    class Meta:
        model = Organisation


ImageFactory = wagtail_factories.ImageFactory


class SchoolModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Module de test {n}")
    summary = "Un module pour la classe."
    topic = "cyberharcelement"
    class_levels = factory.LazyFunction(lambda: ["4e", "3e"])
    session_plan = factory.LazyFunction(
        lambda: [
            (
                "step",
                {
                    "title": "Définir ensemble",
                    "duration_minutes": 10,
                    "does": "<p>Notez les mots des élèves.</p>",
                    "says": "",
                    "prompts": [],
                    "expected": "",
                    "pitfalls": "",
                },
            )
        ]
    )

    # The announced duration is the timed plan's (SchoolModulePage.clean checks it).
    duration_minutes = factory.LazyAttribute(
        lambda module: sum(step[1]["duration_minutes"] for step in module.session_plan)
    )

    class Meta:
        model = "lessons.SchoolModulePage"
