"""« Cette page vous a-t-elle aidé ? » in a real browser without JavaScript: the answer is sent
by a plain form, the thank-you state takes the focus; the error state focuses its summary; both
states pass strict axe at 1280 and 320 px."""

import pytest

from .conftest import assert_no_axe_violations, assert_reflows

pytestmark = pytest.mark.browser

LESSON = "/se-former/premiers-pas/creer-une-adresse-e-mail/"
WIDTHS = pytest.mark.parametrize("width", [1280, 320])


@pytest.fixture
def feedback_rows(django_db_blocker):
    """The answers the server thread committed, deleted after the test."""
    from content.models import PageFeedback

    def rows():
        with django_db_blocker.unblock():
            return list(PageFeedback.objects.values("helpful", "comment"))

    yield rows
    with django_db_blocker.unblock():
        PageFeedback.objects.all().delete()


def focused_class(page):
    return page.evaluate("() => document.activeElement.className")


@WIDTHS
def test_answer_without_javascript_then_thank_you(make_page, feedback_rows, width):
    page = make_page(width=width, javascript=False)
    page.goto(LESSON)
    form = page.locator("#avis")
    form.get_by_label("Votre commentaire (facultatif)").fill(
        "Il manque une image. Appelez-moi au 06 12 34 56 78."
    )
    with page.expect_navigation():
        form.get_by_role("button", name="Non").click()
    assert page.url.endswith(f"{LESSON}?avis=merci")
    thanks = page.locator(".feedback__thanks")
    assert thanks.is_visible() and "votre avis est enregistré" in thanks.inner_text()
    assert focused_class(page) == "feedback__thanks"
    assert feedback_rows() == [
        {"helpful": False, "comment": "Il manque une image. Appelez-moi au [téléphone]."}
    ]
    assert_reflows(page)
    assert_no_axe_violations(page)
    assert not page.problems.messages


@WIDTHS
def test_error_state_without_javascript_focuses_its_summary(make_page, feedback_rows, width):
    page = make_page(width=width, javascript=False)
    page.goto(LESSON)
    text = "Beaucoup trop long. " * 60  # 1,200 characters
    page.locator("#avis-texte").fill(text)
    with page.expect_navigation():
        page.locator("#avis").get_by_role("button", name="Oui").click()
    summary = page.locator("#avis .error-summary")
    assert summary.is_visible() and "trop long" in summary.inner_text()
    assert focused_class(page) == "error-summary"
    assert page.locator("#avis-texte").input_value() == text  # nothing typed is lost
    assert feedback_rows() == []
    assert_reflows(page)
    assert_no_axe_violations(page)
