"""Search demo content, read from `search/demo_data/` (see docs/demo-data.md): a few practical
French pages under the audience hubs (drawn from the seeds' workshop themes: phishing, e-mail,
online tax return, cyberbullying, Canva) so the relevance tests have something real to find, and
the synonym groups residents need."""

from content.demo import french, get_home
from content.demo_data import data_dir, load_tree, read
from content.models import StandardPage
from search.models import SynonymGroup

DATA = data_dir(__file__)
PAGE_TYPES = {"StandardPage": StandardPage}
EXTRA_KEYS = ()


def load():
    locale = french()
    groups = 0
    for group in read(DATA / "synonymes.yaml"):
        _group, created = SynonymGroup.objects.get_or_create(
            name=group["name"], locale=locale, defaults={"terms": group["terms"]}
        )
        groups += created
    before = StandardPage.objects.count()
    load_tree(DATA / "pages", get_home(), PAGE_TYPES)
    created_pages = StandardPage.objects.count() - before
    return f"{created_pages} pages de démonstration, {groups} groupes de synonymes"
