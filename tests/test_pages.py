import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from content.models import HomePage, StandardPage
from tests.factories import ImageFactory, StandardPageFactory


class PageTypeTests(WagtailPageTestCase):
    def setUp(self):
        from content.demo import get_home

        self.home = get_home()
        # force_login: django-axes refuses client.login(), which authenticates without a request.
        self.user = self.create_superuser("admin-pages", password="motdepasse")
        self.client.force_login(self.user)

    def test_home_and_standard_pages_render(self):
        self.assertPageIsRenderable(self.home)
        self.assertPageIsRenderable(StandardPage.objects.get(slug="accessibilite"))
        self.assertPageIsRoutable(self.home)

    def test_tree_rules(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)

    def test_editor_can_create_a_standard_page_with_blocks(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Nos ateliers",
                    "slug": "nos-ateliers",
                    "summary": "Les ateliers du mois.",
                    "body": streamfield(
                        [
                            ("heading", {"level": "h2", "text": "Ce mois-ci"}),
                            ("paragraph", rich_text("<p>Bonjour</p>")),
                        ]
                    ),
                    "social_links-count": 0,
                }
            ),
        )

    def test_admin_refuses_image_without_alt_text_with_a_clear_message(self):
        image = ImageFactory()
        data = nested_form_data(
            {
                "title": "Page avec image",
                "slug": "page-avec-image",
                "summary": "",
                "body": streamfield(
                    [("image", {"image": image.pk, "alt_text": "", "caption": "", "credit": ""})]
                ),
            }
        )
        url = reverse("wagtailadmin_pages:add", args=["content", "standardpage", self.home.pk])
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)  # the form comes back, nothing saved
        body_error = response.context["form"].errors.as_data()["body"][0]
        alt_error = body_error.block_errors[0].block_errors["alt_text"]
        self.assertIn("Décrivez l'image en quelques mots", " ".join(alt_error.messages))
        self.assertIn("image décorative", " ".join(alt_error.messages))
        # The message travels to the editor's screen inside the block widget's data.
        self.assertIn("D\\u00e9crivez l", response.content.decode())
        self.assertFalse(StandardPage.objects.filter(slug="page-avec-image").exists())


@pytest.mark.django_db
def test_page_chrome(client):
    html = client.get("/").content.decode()
    assert '<html lang="fr">' in html
    assert '<a class="skip-link" href="#contenu">Aller au contenu</a>' in html
    assert '<main id="contenu"' in html
    assert 'aria-label="Menu principal"' in html
    assert "Accessibilité : partiellement conforme" in html
    assert "Mentions légales" in html and "Données personnelles" in html


@pytest.mark.django_db
def test_breadcrumbs_on_inner_pages(client):
    html = client.get("/accessibilite/").content.decode()
    assert 'aria-label="Fil d’Ariane"' in html
    assert 'aria-current="page" href="/accessibilite/"' in html


@pytest.mark.django_db
def test_english_home_is_served_under_en(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert "Digital skills for everyone" in response.content.decode()


@pytest.mark.django_db
def test_404_is_french(client):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_500_page_renders_without_database(rf):
    from capnum.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Le site rencontre un problème" in response.content.decode()


@pytest.mark.django_db
def test_standard_page_factory_builds_under_home(home):
    page = StandardPageFactory(parent=home)
    assert page.get_parent().specific == home
    assert page.url.endswith(f"/{page.slug}/")
