"""Demo of the lessons app, read from `lessons/demo_data/` (see docs/demo-data.md): the learning
paths of the Digi-Inclusion action plan (shared/seeds/000), the « Comprendre l'IA » explainers,
the tool guides of the CCT2C entrepreneur breakfasts, the Bellidée social centre's school modules
and a school year of session reports. Idempotent."""

from wagtail.models import Page

from content import mockups
from content.demo import get_home
from content.demo_data import data_dir, load_tree, read
from content.models import Glossary, Organisation

from .models import (
    ExplainerIndexPage,
    ExplainerPage,
    GuideIndexPage,
    LearningIndexPage,
    LearningPathPage,
    LessonPage,
    ParentsVersionPage,
    SchoolIndexPage,
    SchoolModulePage,
    SessionReport,
    ToolGuidePage,
)

DATA = data_dir(__file__)
# Keys of the data files that are not model fields, read by `load` below.
EXTRA_KEYS = ("related_lessons", "related_events")
# The order of this app's sections under the home page (and so in the menu).
HOME_CHILDREN = ["se-former", "interventions-scolaires", "comprendre-l-ia", "guides-pratiques"]
PAGE_TYPES = {
    model.__name__: model
    for model in (
        LearningIndexPage,
        LearningPathPage,
        LessonPage,
        ExplainerIndexPage,
        ExplainerPage,
        GuideIndexPage,
        ToolGuidePage,
        SchoolIndexPage,
        SchoolModulePage,
        ParentsVersionPage,
    )
}


def link_related(page, lessons=(), events=()):
    """Related lessons, and the entrepreneur workshops once the agenda has them (a second
    `load_demo` adds an event created after this page)."""
    related = [(child.block_type, child.value) for child in page.related if child.value]
    wanted = [("lesson", p) for p in LessonPage.objects.filter(slug__in=lessons).live()]
    for event_page in Page.objects.filter(slug__in=events, content_type__model="eventpage"):
        wanted.append(("event", event_page))
    known = {(kind, p.pk) for kind, p in related}
    missing = [(kind, p) for kind, p in wanted if (kind, p.pk) not in known]
    if not missing:
        return
    page.related = related + missing
    page.save_revision().publish()


def load_glossary(locale):
    for entry in read(DATA / "glossaire.yaml"):
        Glossary.objects.get_or_create(
            slug=entry["slug"],
            locale=locale,
            defaults={"term": entry["term"], "definition": entry["definition"]},
        )


def load_reports(locale):
    """Session reports, found by their date, school, class level, topic and pupils."""
    organisations = {o.slug: o for o in Organisation.objects.filter(locale=locale)}
    created = 0
    for row in read(DATA / "rapports-de-seance.yaml"):
        fields = {key: row[key] for key in ("date", "school", "class_level", "pupils", "topic")}
        if SessionReport.objects.filter(**fields).exists():
            continue
        organisation = organisations.get(row["organisation"])
        SessionReport.objects.create(
            **fields,
            parents=row["parents"],
            comment=row["comment"],
            organisation=organisation,
            # Should the organisation be missing, the report still names its structure.
            other_structure="" if organisation else row["organisation"].capitalize(),
        )
        created += 1
    return created


def load():
    home = get_home()
    mockups.use(DATA / "illustrations.yaml")  # the steps' pictures, named by key in the pages
    load_glossary(home.locale)

    def on_page(page, data):
        if "related_lessons" in data or "related_events" in data:
            link_related(
                page, data.get("related_lessons", ()), events=data.get("related_events", ())
            )

    pages = load_tree(DATA / "pages", home, PAGE_TYPES, on_page=on_page, order=HOME_CHILDREN)
    reports = load_reports(home.locale)
    counts = {}
    for page in pages:
        counts[type(page).__name__] = counts.get(type(page).__name__, 0) + 1
    easy_read = sum(1 for p in pages if isinstance(p, LessonPage) and p.easy_read_of_id)
    return (
        f"{counts.get('LearningPathPage', 0)} parcours, "
        f"{counts.get('LessonPage', 0) - easy_read} leçons + {easy_read} version(s) facile à lire, "
        f"{counts.get('ExplainerPage', 0)} explainers, {counts.get('ToolGuidePage', 0)} tool "
        f"guides, {counts.get('SchoolModulePage', 0)} modules d'intervention scolaire, "
        f"{reports} bilan(s) de séance"
    )
