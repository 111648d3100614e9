"""French demo site drawn from the planning documents in shared/seeds/.

The text lives in `content/demo_data/` (YAML, one file a page: see docs/demo-data.md); this
module reads it. Its helpers are what the other apps' loaders use: they find existing objects by
slug and create only what is missing, so `load_demo` can run any number of times.
"""

from django.utils.text import slugify
from wagtail.models import Collection, Locale, Page, Site

from content.demo_data import data_dir, load_tree, read
from content.models import Audience, HomePage, Organisation, SiteIdentity, StandardPage, Theme

HOME_SLUG = "accueil"
DATA = data_dir(__file__)
PAGE_TYPES = {"StandardPage": StandardPage}
# Keys of the data files that are not model fields: a hub's card on the home page.
EXTRA_KEYS = ("entry",)


def french():
    return Locale.objects.get_or_create(language_code="fr")[0]


def ensure_tree_root():
    """Wagtail's page tree and image collection roots, recreated if a test flushed the
    database (Wagtail's own migrations create them, and a flush empties every table)."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root", locale=french())
    return root


def get_home():
    return HomePage.objects.get(slug=HOME_SLUG, locale=french())


def get_or_create_page(parent, model, slug, **fields):
    """The child of `parent` with this slug, or a new published one. Existing pages are left
    as editors made them."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def get_or_create_term(model, name, slug=None, **fields):
    term, _created = model.objects.get_or_create(
        slug=slug or slugify(name), locale=french(), defaults={"name": name, **fields}
    )
    return term


def terms(model, *slugs):
    return list(model.objects.filter(slug__in=slugs, locale=french()))


def ensure_home():
    locale = french()
    root = ensure_tree_root()
    home = HomePage.objects.filter(slug=HOME_SLUG, locale=locale).first()
    if home is None:
        data = read(DATA / "accueil.yaml")
        home = HomePage(
            title=data["title"],
            slug=HOME_SLUG,
            locale=locale,
            summary=data["summary"],
            intro=data["intro"],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    # The welcome page Wagtail's first migration creates has no place in this site.
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Cap Numérique",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Cap Numérique"
        site.save()
    return home


def load():
    for organisation in read(DATA / "organisations.yaml"):
        Organisation.objects.get_or_create(
            slug=organisation["slug"], locale=french(), defaults=organisation
        )
    taxonomy = read(DATA / "taxonomie.yaml")
    for audience in taxonomy["audiences"]:
        get_or_create_term(Audience, **audience)
    for theme in taxonomy["themes"]:
        get_or_create_term(Theme, **theme)

    from content import demo_h5p  # imports this module's helpers

    demo_h5p.ensure_activity()  # before the pages: one of them plays it
    home = ensure_home()
    home_data = read(DATA / "accueil.yaml")
    entries = []

    def collect_entry(page, data):
        if "entry" in data:
            entries.append(("entry", {**data["entry"], "page": page}))

    pages = load_tree(
        DATA / "pages",
        home,
        PAGE_TYPES,
        on_page=collect_entry,
        order=home_data["children"],
    )
    if not home.entry_points:
        home.entry_points = entries
        home.save_revision().publish()

    legal = {page.slug: page for page in pages}
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    if not identity.legal_page_id:
        for name, value in home_data["identity"].items():
            setattr(identity, name, value)
        identity.legal_page = legal["mentions-legales"]
        identity.privacy_page = legal["donnees-personnelles"]
        identity.accessibility_page = legal["accessibilite"]
        identity.accessibility_status = SiteIdentity.AccessibilityStatus.PARTIAL
        identity.save()
    if not identity.tagline_translations:
        identity.tagline_translations = [
            ("tagline", {"language": "en", "tagline": home_data["english"]["tagline"]})
        ]
        identity.save()

    ensure_english_home(home, home_data["english"])
    from content.places import demo as places_demo

    h5p_summary = demo_h5p.load()
    places_summary = places_demo.load(home)
    return (
        f"{Organisation.objects.count()} organisations, {StandardPage.objects.count()} pages; "
        f"{h5p_summary}; {places_summary}"
    )


def ensure_english_home(home, data):
    english = Locale.objects.get_or_create(language_code="en")[0]
    translation = home.get_translation_or_none(english)
    if translation is not None:
        return translation
    translation = home.copy_for_translation(english)
    translation.title = data["title"]
    translation.intro = data["intro"]
    translation.summary = translation.intro
    translation.entry_points = []
    translation.save_revision().publish()
    return translation
