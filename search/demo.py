"""Search demo content, read from `search/demo_data/` (see docs/demo-data.md): the synonym
groups residents need, and the redirects from the demo pages this app used to add under the
audience hubs (one-paragraph duplicates of lessons, merged into them: docs/notes/
issue-15-navigation-search.md)."""

from wagtail.contrib.redirects.models import Redirect

from content.demo import french
from content.demo_data import data_dir, find_page, read
from search.models import SynonymGroup

DATA = data_dir(__file__)


def load():
    locale = french()
    groups = 0
    for group in read(DATA / "synonymes.yaml"):
        _group, created = SynonymGroup.objects.get_or_create(
            name=group["name"], locale=locale, defaults={"terms": group["terms"]}
        )
        groups += created
    redirects = 0
    for row in read(DATA / "redirections.yaml"):
        page = find_page(row["page"])
        if page is None:
            raise ValueError(f"redirections.yaml: no page at {row['page']}")
        old_path = Redirect.normalise_path(row["old_path"])
        _redirect, created = Redirect.objects.get_or_create(
            old_path=old_path,
            site=None,
            defaults={"redirect_page": page, "is_permanent": True},
        )
        redirects += created
    return f"{groups} groupes de synonymes, {redirects} redirection(s)"
