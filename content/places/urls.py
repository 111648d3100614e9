"""Stable public addresses of the directory's data and embed (outside the page tree)."""

from django.urls import path

from . import views

app_name = "places"
urlpatterns = [
    # Stable addresses for harvesters (the national map, partners): they never move with the
    # page tree.
    path("donnees/lieux-mediation-numerique.csv", views.export_csv, name="export_csv"),
    path("donnees/lieux-mediation-numerique.json", views.export_json, name="export_json"),
    path("donnees/lieux-mediation-numerique/", views.open_data, name="open_data"),
    path("integrer/lieux/", views.embed, name="embed"),
]
