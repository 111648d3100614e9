"""The directory page, its filters (state in the URL, no JavaScript) and a place's page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import Place, PlaceDirectoryPage

pytestmark = pytest.mark.django_db

URL = "/lieux/"


def names(response):
    html = response.content.decode()
    return re.findall(r'class="place-card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_the_directory_is_published_with_the_demo_places(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Trouver de l&#x27;aide près de chez moi</h1>" in html
    assert "Page 1 sur 2" in html  # ten places a page
    shown = names(response) + names(client.get(URL, {"page": 2}))
    assert len(shown) == len(set(shown)) == 15
    assert {"Espace Bellidée", "Maison intercommunale pour tous de Desvres"} <= set(shown)
    assert 'action="/lieux/#resultats"' in html  # the form lands on the results


def test_only_one_directory_per_site():
    assert PlaceDirectoryPage.max_count_per_parent == 1
    assert PlaceDirectoryPage.parent_page_types == ["content.HomePage"]


def test_filter_by_service_keeps_its_state_in_the_url(client):
    response = client.get(URL, {"service": "aide-aux-demarches-administratives"})
    found = names(response)
    assert "France Services du Chemin Vert" in found
    assert "CRIAC" not in found  # no administrative help there
    html = response.content.decode()
    assert '<option value="aide-aux-demarches-administratives" selected>' in html
    assert "lieux trouvés" in html


def test_filter_by_commune_public_support_and_price(client):
    assert set(names(client.get(URL, {"commune": "62893"}))) == {"Centre social de Wimereux"}
    assert names(client.get(URL, {"public": "jeunes"})) == ["AMIE du Boulonnais"]
    deaf = names(client.get(URL, {"prise_en_charge": "surdite"}))
    assert deaf == ["Maison de quartier"]
    free = names(client.get(URL, {"gratuit": "1", "page_size": 100}))
    assert "CRIAC" not in free and "Centre social du Portel" not in free
    assert "Espace Bellidée" in free


def test_filter_walk_in_or_appointment(client):
    walk_in = names(client.get(URL, {"acces": "sans-rendez-vous", "commune": "62160"}))
    assert "Bibliothèque des Annonciades" in walk_in and "CRIAC" not in walk_in
    appointment = names(client.get(URL, {"acces": "rendez-vous", "commune": "62893"}))
    assert appointment == ["Centre social de Wimereux"]


def test_open_now_and_on_saturday_on_a_fixed_clock(client, clock):
    clock(2026, 12, 5, 10, 30)  # Saturday morning
    open_now = names(client.get(URL, {"ouvert": "maintenant"}))
    assert "Centre social du Portel" in open_now  # Sa 09:00-12:00
    assert "CRIAC" not in open_now
    clock(2026, 12, 2, 15, 0)  # Wednesday afternoon
    saturday = set(names(client.get(URL, {"ouvert": "samedi"})))
    assert {"Centre social du Portel", "Maison intercommunale pour tous de Samer"} <= saturday
    assert "CRIAC" not in saturday


def test_sort_by_distance_from_a_commune(client):
    found = names(client.get(URL, {"pres": "62893"}))  # Wimereux
    assert found[0] == "Centre social de Wimereux"
    html = client.get(URL, {"pres": "62268"}).content.decode()  # Desvres
    assert (
        names(client.get(URL, {"pres": "62268"}))[0] == "Maison intercommunale pour tous de Desvres"
    )
    assert "Les plus proches de Desvres d'abord." in html
    assert "à 0 km" in html


def test_unknown_filter_values_are_ignored_not_an_error(client):
    response = client.get(URL, {"service": "<script>", "commune": "99999", "ouvert": "jamais"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]
    assert len(names(response)) > 5


def test_filters_without_results_say_what_to_do(client):
    html = client.get(URL, {"commune": "62806"}).content.decode()  # Tardinghen, no place
    assert "Aucun lieu ne correspond" in html
    assert ">0 lieu trouvé<" in html  # French counts 0 in the singular


def test_query_count_does_not_grow_with_the_number_of_places(client, french):
    def count():
        client.get(URL)  # warm per-process caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, {"service": "aide-aux-demarches-administratives"})
        assert response.status_code == 200
        return len(queries)

    Place.objects.bulk_create(
        [
            Place(
                nom=f"Lieu {i}",
                slug=f"lieu-{i}",
                identifiant=f"test-{i}",
                adresse="1 rue",
                code_postal="62200",
                commune="Boulogne-sur-Mer",
                code_insee="62160",
                services="Aide aux démarches administratives",
                horaires="Mo-Fr 09:00-12:00",
                locale=french,
            )
            for i in range(10)
        ]
    )
    with_ten = count()
    Place.objects.bulk_create(
        [
            Place(
                nom=f"Lieu {i}",
                slug=f"lieu-{i}",
                identifiant=f"test-{i}",
                adresse="1 rue",
                code_postal="62200",
                commune="Boulogne-sur-Mer",
                code_insee="62160",
                services="Aide aux démarches administratives",
                horaires="Mo-Fr 09:00-12:00",
                locale=french,
            )
            for i in range(10, 500)
        ]
    )
    assert Place.objects.count() > 500
    assert count() == with_ten


def test_place_page_shows_every_fact(client, clock):
    clock(2026, 12, 2, 10, 0)
    response = client.get("/lieux/centre-social-de-wimereux-wimereux/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Centre social de Wimereux" in html
    assert '<a href="tel:+33353010105">03 53 01 01 05</a>' in html
    assert 'href="https://www.rdv-solidarites.fr/"' in html  # online booking
    assert "Ouvert maintenant, ferme à 12 h" in html
    assert "Mercredi 2 décembre" in html and "Jeudi 3 décembre" in html  # weekly table
    assert "Se servir d&#x27;un ordinateur" in html  # services in plain words
    assert "Avec une personne, en tête-à-tête" in html  # kind of help
    assert "En téléphonant" in html  # how to come
    assert "Prêt de matériel" in html
    assert "Seniors" in html
    assert "Informations vérifiées le 3 novembre 2026" in html
    assert "Informations à vérifier auprès du lieu" not in html


def test_place_page_itinerant_stops_schemes_and_support(client):
    html = client.get("/lieux/numerique-dans-les-quartiers-itinerant-boulogne-sur-mer/").content
    html = html.decode()
    assert "Où trouver ce service itinérant" in html and "quartier du Chemin Vert" in html
    html = client.get("/lieux/france-services-du-chemin-vert-boulogne-sur-mer/").content.decode()
    assert "France Services, Aidants Connect" in html
    assert "Langues étrangères (anglais)" in html


def test_freshness_notice_after_six_months(client, clock):
    clock(2026, 12, 2, 10, 0)
    html = client.get("/lieux/centre-social-du-portel-le-portel/").content.decode()
    assert "Informations à vérifier auprès du lieu" in html  # checked 14 April 2026
    assert "Informations vérifiées le 14 avril 2026" in html


def test_unknown_place_is_a_404(client):
    assert client.get("/lieux/nulle-part/").status_code == 404


def test_home_and_residents_hub_lead_to_the_directory(client):
    assert 'href="/lieux/"' in client.get("/").content.decode()


def test_residents_hub_shows_nearby_places_filtered_by_service(client):
    html = client.get("/habitants/").content.decode()
    block = html.split('class="callout callout--tip nearby-help"', 1)[1].split("</section>", 1)[0]
    assert "Se faire accompagner près de chez moi" in block
    assert block.count("<li>") == 3
    assert "AMIE du Boulonnais" not in block  # no help with everyday tools there
    assert 'href="/lieux/?service=maitrise-des-outils-numeriques-du-quotidien#resultats"' in block


def test_nearby_help_block_filters_by_service(rf, french):
    from content.blocks import NearbyHelpBlock

    block = NearbyHelpBlock()
    value = block.to_python(
        {
            "title": "Aide",
            "text": "",
            "service": "insertion-professionnelle-via-le-numerique",
            "count": 6,
        }
    )
    html = block.render(value, {"request": rf.get("/")})
    assert "AMIE du Boulonnais" in html and "CRIAC" not in html


def test_event_links_to_its_place_page(client):
    html = client.get("/agenda/cafe-numerique/").content.decode()
    assert '<a href="/lieux/maison-de-quartier-boulogne-sur-mer/">Maison de quartier</a>' in html


def test_search_results_link_places_to_their_page(client):
    html = client.get("/recherche/", {"q": "marquise"}).content.decode()
    assert 'href="/lieux/tiers-lieu-intermde-marquise/"' in html
