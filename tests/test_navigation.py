"""Navigation a resident, a teacher and a communication officer can follow (issues 15 and 20):
one menu entry per audience with the scam alerts, hubs that list their pages and the
sections meant for them, « Accueil » as the breadcrumb root, links that go where they say."""

import re

import pytest

from campaigns.models import CampaignPage, ScamAlertPage
from lessons.models import LearningPathPage, SchoolModulePage

pytestmark = pytest.mark.django_db


def menu(html):
    nav = re.search(r'<ul class="container main-nav__list">(.*?)</ul>', html, re.S).group(1)
    return re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', nav)


def links(html):
    main = html[html.index('<main id="contenu"') :]
    return re.findall(r'<a[^>]* href="([^"]*)"', main)


def test_one_menu_entry_per_audience_and_the_scam_alerts(client):
    entries = menu(client.get("/").content.decode())
    assert entries == [
        ("/habitants/", "Apprendre à mon rythme"),
        ("/enseignants/", "Enseignants et animateurs"),
        ("/communicants/", "Communicants"),
        ("/entrepreneurs/", "Entrepreneurs, commerçants et artisans"),
        ("/lieux/", "Trouver de l&#x27;aide près de chez moi"),
        ("/agenda/", "Agenda"),
        ("/alertes-arnaques/", "Alertes arnaques"),
    ]
    # « Se former » was a second entry to the residents' offer: it is reached from the hub.
    assert "/se-former/" not in [url for url, _label in entries]


def test_residents_hub_lists_its_pages_the_paths_and_the_alerts(client):
    html = client.get("/habitants/").content.decode()
    found = links(html)
    assert "/habitants/quiz-arnaque-sms/" in found  # its own child page
    for path in LearningPathPage.objects.live():
        assert path.url in found
    assert "/se-former/" in found
    assert "/alertes-arnaques/" in found
    assert ScamAlertPage.objects.live().first().url in found
    assert "/comprendre-l-ia/" in found


def test_teachers_hub_links_every_school_module(client):
    found = links(client.get("/enseignants/").content.decode())
    modules = SchoolModulePage.objects.live()
    assert modules.count() >= 4
    for module in modules:
        assert module.url in found
    assert "/interventions-scolaires/" in found


def test_communicators_hub_links_the_campaigns_and_the_national_day_calendar(client):
    found = links(client.get("/communicants/").content.decode())
    campaigns = CampaignPage.objects.live()
    assert campaigns.count() >= 3
    for campaign in campaigns:
        assert campaign.url in found
    assert "/campagnes/#calendrier" in found
    assert 'id="calendrier"' in client.get("/campagnes/").content.decode()


def test_entrepreneurs_hub_links_the_guides_and_the_agenda(client):
    found = links(client.get("/entrepreneurs/").content.decode())
    assert "/guides-pratiques/" in found and "/agenda/" in found
    assert "/guides-pratiques/creer-une-affiche-avec-canva/" in found


def test_safer_internet_day_call_to_action_leads_to_its_event(client):
    html = client.get("/campagnes/safer-internet-day-2026/").content.decode()
    button = re.search(r'<a class="button" href="([^"]*)">Venez aux animations au collège', html)
    assert button.group(1) == "/agenda/safer-internet-day-2026/"


def test_scam_alert_links_the_lesson_itself(client):
    alert = ScamAlertPage.objects.live().get(slug="faux-sms-ameli")
    html = client.get(alert.url).content.decode()
    link = re.search(r'<a class="button" href="([^"]*)">La leçon pour reconnaître', html)
    assert link.group(1) == "/se-former/aller-plus-loin/reconnaitre-un-sms-hameconnage/"


def test_breadcrumb_root_reads_accueil(client):
    html = client.get("/se-former/premiers-pas/").content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs container".*?</nav>', html, re.S).group(0)
    assert re.findall(r"<a [^>]*>([^<]*)</a>", crumbs)[0] == "Accueil"
    assert "Le numérique pour tous dans le Boulonnais" not in crumbs


def test_the_english_menu_keeps_every_entry_and_marks_the_french_ones(
    client, django_capture_on_commit_callbacks
):
    """Only the agenda of the menu is translated in the English demo: the English menu shows it
    in English at its place, and the other entries lead to their French pages, in French,
    marked lang="fr" hreflang="fr" (a one-entry menu would hide the site from English readers)."""
    from content import demo_english

    with django_capture_on_commit_callbacks(execute=True):
        demo_english.load(only=["/", "/agenda/"])
    html = client.get("/en/").content.decode()
    nav = re.search(r'<ul class="container main-nav__list">(.*?)</ul>', html, re.S).group(1)
    entries = re.findall(r'<a href="([^"]*)"([^>]*)>([^<]*)</a>', nav)
    assert [(url, label) for url, _attrs, label in entries] == [
        ("/habitants/", "Apprendre à mon rythme"),
        ("/enseignants/", "Enseignants et animateurs"),
        ("/communicants/", "Communicants"),
        ("/entrepreneurs/", "Entrepreneurs, commerçants et artisans"),
        ("/lieux/", "Trouver de l&#x27;aide près de chez moi"),
        ("/en/events/", "Events"),
        ("/alertes-arnaques/", "Alertes arnaques"),
    ]
    for url, attrs, _label in entries:
        marked = ' lang="fr" hreflang="fr"' in attrs
        assert marked == (not url.startswith("/en/")), url
    # The French menu is unchanged and unmarked.
    assert 'hreflang="fr"' not in menu_html(client.get("/").content.decode())


def menu_html(html):
    return re.search(r'<ul class="container main-nav__list">(.*?)</ul>', html, re.S).group(1)
