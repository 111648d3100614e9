"""« Nos résultats » and its open data: stable public addresses outside the page tree."""

from django.urls import path

from . import public

urlpatterns = [
    path("nos-resultats/", public.results_page, name="indicators_public"),
    path("nos-resultats/<int:year>/", public.results_page, name="indicators_public_year"),
    path("donnees/nos-resultats-<int:year>.csv", public.results_csv, name="indicators_public_csv"),
    path(
        "donnees/nos-resultats-<int:year>.json", public.results_json, name="indicators_public_json"
    ),
]
