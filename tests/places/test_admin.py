"""Editors' side: hours refused with a clear message, the import screen with the same report,
the places to check and « Toujours exact », the embed for partners."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from content.models import Place

from .test_import_export import csv_file, good

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    """An editor with the place permissions, for every organisation (the coordination's
    reach, not a superuser): places are otherwise scoped to the editor's organisation."""
    user = django_user_model.objects.create_user("editrice", password="x")
    group = Group.objects.create(name="Lieux (test)")
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="content",
            codename__in=["add_place", "change_place", "manage_all_organisations"],
        )
        | Permission.objects.filter(codename="access_admin")
    )
    user.groups.add(group)
    return user


def test_admin_refuses_invalid_hours_with_a_french_message(client, editor):
    client.force_login(editor)
    place = Place.objects.get(identifiant="capnum-criac")
    url = reverse("wagtailsnippets_content_place:edit", args=[place.pk])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "organisation"}
    data.update({"horaires": "Lu-Ve 9h-12h", "locale": place.locale_id})
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "horaires" in errors
    assert "OpenStreetMap « opening_hours »" in errors["horaires"][0]
    place.refresh_from_db()
    assert place.horaires.startswith("Mo-Fr")


def test_admin_import_shows_the_same_report(client, editor):
    client.force_login(editor)
    url = reverse("places_admin_import")
    assert client.get(url).status_code == 200
    upload = SimpleUploadedFile("lieux.csv", csv_file(good(services="Cours de cuisine")))
    response = client.post(url, {"file": upload})
    html = response.content.decode()
    assert "Fichier refusé" in html and "Cours de cuisine" in html
    assert "valeur inconnue du standard" in html
    upload = SimpleUploadedFile("lieux.csv", csv_file(good()))
    response = client.post(url, {"file": upload, "dry_run": "on"})
    assert "seraient créé(s)" in response.content.decode()
    assert not Place.objects.filter(identifiant="test-1").exists()
    upload = SimpleUploadedFile("lieux.csv", csv_file(good()))
    client.post(url, {"file": upload})
    assert Place.objects.filter(identifiant="test-1").exists()


def test_import_needs_the_place_permissions(client, django_user_model):
    user = django_user_model.objects.create_user("lecteur", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    for name in ("places_admin_import", "places_admin_stale"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response["Location"] == "/admin/"


def test_stale_places_panel_and_toujours_exact(client, editor):
    client.force_login(editor)
    old = datetime.date.today() - datetime.timedelta(days=200)
    place = Place.objects.get(identifiant="capnum-criac")
    Place.objects.filter(pk=place.pk).update(date_maj=old, date_verification=None)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Lieux à vérifier" in dashboard and "CRIAC" in dashboard
    stale = client.get(reverse("places_admin_stale")).content.decode()
    assert "CRIAC (Boulogne-sur-Mer)" in stale
    assert reverse("wagtailsnippets_content_place:edit", args=[place.pk]) in stale
    public = client.get("/lieux/criac-boulogne-sur-mer/").content.decode()
    assert "Informations à vérifier auprès du lieu" in public
    client.post(reverse("places_admin_confirm", args=[place.pk]), {"next": "/admin/"})
    place.refresh_from_db()
    assert place.date_verification == datetime.date.today()
    assert place.date_maj == old  # the data did not change, only its check
    edit_link = reverse("wagtailsnippets_content_place:edit", args=[place.pk])
    assert edit_link not in client.get(reverse("places_admin_stale")).content.decode()
    public = client.get("/lieux/criac-boulogne-sur-mer/").content.decode()
    assert "Informations à vérifier auprès du lieu" not in public
    today = datetime.date.today()
    assert f"Informations vérifiées le {today.day} " in public


def test_toujours_exact_is_a_post(client, editor):
    client.force_login(editor)
    place = Place.objects.first()
    assert client.get(reverse("places_admin_confirm", args=[place.pk])).status_code == 405


@override_settings(PLACES_EMBED_FRAME_ANCESTORS=["https://www.ville-outreau.fr"])
def test_embed_has_no_cookie_no_script_and_configurable_frame_ancestors(client):
    response = client.get("/integrer/lieux/", {"commune": "62643"})
    assert response.status_code == 200
    assert not response.cookies
    assert "X-Frame-Options" not in response
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://www.ville-outreau.fr" in csp
    html = response.content.decode()
    assert "<script" not in html
    assert "Centre social d&#x27;Outreau" in html and "CRIAC" not in html
    assert 'target="_top"' in html
    service = client.get(
        "/integrer/lieux/", {"service": "insertion-professionnelle-via-le-numerique"}
    )
    assert "AMIE du Boulonnais" in service.content.decode()


def test_other_pages_still_refuse_framing(client):
    response = client.get("/lieux/")
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
