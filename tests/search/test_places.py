"""Places (the `content.Place` snippet) in the search page: own "Lieux" section, type facet
entry, same query builder as pages (synonyms), current locale only, reindexed on save."""

import re

import pytest
from wagtail.models import Locale

from content.models import Place
from search import query as sq
from search.models import SynonymGroup

pytestmark = pytest.mark.django_db

URL = "/recherche/"


def place_names(response):
    html = response.content.decode()
    section = re.search(r'<section class="search-places".*?</section>', html, re.S)
    if section is None:
        return []
    return re.findall(
        r'search-result__title">(?:<a href="[^"]*">)?([^<]*)(?:</a>)?</h3>', section[0]
    )


def make_place(nom, commune="Wimereux", locale=None, **extra):
    return Place.objects.create(
        nom=nom,
        adresse="1 rue des Essais",
        code_postal="62930",
        commune=commune,
        locale=locale or Locale.objects.get(language_code="fr"),
        **extra,
    )


def test_a_place_is_found_by_its_town_with_its_address(client):
    # Demo place: "Tiers-lieu Interm@de", Place de la Mairie, 62250 Marquise.
    response = client.get(URL, {"q": "marquise"})
    html = response.content.decode()
    assert place_names(response) == ["Tiers-lieu Interm@de"]
    assert '<h2 id="places-title">Lieux</h2>' in html
    assert "Place de la Mairie, 62250 Marquise" in html
    assert 'name="type" value="content.place"' in html
    assert re.search(r"Lieu <span class=\"search-facet__count\">\(1\)</span>", html)


def test_a_place_is_found_by_its_name_and_links_its_website_and_phone(client):
    make_place(
        "Cyber-base des Garennes",
        telephone="+33321000000",
        site_web="https://garennes.example;https://autre.example",
    )
    response = client.get(URL, {"q": "garennes"})
    html = response.content.decode()
    assert place_names(response) == ["Cyber-base des Garennes"]
    assert 'href="https://garennes.example"' in html
    assert 'href="tel:+33321000000"' in html
    assert re.search(r"1 résultat pour « garennes »", html)


def test_place_search_uses_the_synonyms():
    locale = Locale.objects.get(language_code="fr")
    make_place("Espace zorbiflux")
    SynonymGroup.objects.create(name="Test", terms="zorbiflux, plimpoum", locale=locale)
    query, _expanded = sq.build_query("plimpoum", locale)
    assert [p.nom for p in sq.run_place_query(query, locale)] == ["Espace zorbiflux"]


def test_type_filter_shows_only_places_or_hides_them(client):
    make_place("Médiathèque numérique de Wimereux")
    both = client.get(URL, {"q": "numérique"})
    assert "Médiathèque numérique de Wimereux" in place_names(both)
    only_places = client.get(URL, {"q": "numérique", "type": "content.place"})
    assert "Médiathèque numérique de Wimereux" in place_names(only_places)
    # No page: every linked title is a place's (pages are listed outside the places section).
    outside = re.sub(
        r'<section class="search-places".*?</section>', "", only_places.content.decode(), flags=re.S
    )
    assert 'search-result__title"><a' not in outside
    pages_only = client.get(URL, {"q": "numérique", "type": "content.standardpage"})
    assert place_names(pages_only) == []
    assert 'search-result__title"><a' in pages_only.content.decode()


def test_places_respect_the_locale(client):
    english, _created = Locale.objects.get_or_create(language_code="en")
    make_place("Quokkaville hub", locale=english)
    assert place_names(client.get(URL, {"q": "quokkaville"})) == []
    assert place_names(client.get("/en/recherche/", {"q": "quokkaville"})) == ["Quokkaville hub"]


def test_places_are_reindexed_on_save_and_delete(client):
    place = make_place("Atelier brindelune")
    assert place_names(client.get(URL, {"q": "brindelune"})) == ["Atelier brindelune"]
    place.nom = "Atelier vortiplume"
    place.save()
    assert place_names(client.get(URL, {"q": "brindelune"})) == []
    assert place_names(client.get(URL, {"q": "vortiplume"})) == ["Atelier vortiplume"]
    place.delete()
    assert place_names(client.get(URL, {"q": "vortiplume"})) == []


def test_places_are_suggested_as_the_visitor_types(client):
    make_place("Médiathèque Quaternaire", commune="Desvres")
    data = client.get("/recherche/suggestions/", {"q": "quatern"}).json()
    suggestion = next(r for r in data["results"] if "Quaternaire" in r["title"])
    assert suggestion["title"] == "Médiathèque Quaternaire (lieu, Desvres)"
    # No page of its own: the suggestion opens the search on its name, places only.
    assert suggestion["url"].startswith("/recherche/?q=M%C3%A9diath%C3%A8que+Quaternaire&")
    assert suggestion["url"].endswith("type=content.place")
    followed = client.get(suggestion["url"])
    assert place_names(followed) == ["Médiathèque Quaternaire"]
    english = client.get("/en/recherche/suggestions/", {"q": "quatern"}).json()
    assert not any("Quaternaire" in r["title"] for r in english["results"])


def test_the_places_section_shows_the_best_three_and_links_to_all(client):
    """On a phone a dozen places would push the first page far down: three, then a link to
    the search filtered on places, which lists them all."""
    for n in range(5):
        make_place(f"Espace plouvinec {n}")
    response = client.get(URL, {"q": "plouvinec"})
    assert len(place_names(response)) == 3
    html = response.content.decode()
    link = re.search(r'<p class="search-places__all"><a href="\?([^"]*)">([^<]*)</a>', html)
    assert link is not None
    assert link[2] == "Voir les 5 lieux trouvés"
    query = link[1].replace("&amp;", "&")
    assert "type=content.place" in query and "q=plouvinec" in query
    everything = client.get(f"{URL}?{query}")
    assert len(place_names(everything)) == 5
    assert "search-places__all" not in everything.content.decode()


def test_three_places_or_fewer_need_no_link(client):
    for n in range(3):
        make_place(f"Espace ravudine {n}")
    response = client.get(URL, {"q": "ravudine"})
    assert len(place_names(response)) == 3
    assert "search-places__all" not in response.content.decode()
