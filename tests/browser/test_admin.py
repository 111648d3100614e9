"""The Wagtail admin keeps working under the security headers: log in and open the page editor
without any CSP violation or script error."""

import pytest
from django.contrib.auth import get_user_model

from .conftest import log_in

pytestmark = pytest.mark.browser


def superuser():
    User = get_user_model()
    return User.objects.filter(username="redactrice").first() or User.objects.create_superuser(
        "redactrice", "redactrice@example.org", "mot-de-passe-test"
    )


def test_editor_logs_in_and_opens_the_page_editor(make_page, demo_site):
    page = make_page(width=1280)
    log_in(page, superuser(), "mot-de-passe-test")
    page.goto(f"/admin/pages/{demo_site.pk}/edit/")
    # The StreamField editor is drawn by JavaScript: it only appears if the admin's scripts ran.
    page.locator("[data-streamfield-stream-container]").first.wait_for(state="attached")
    assert page.locator("#id_title").input_value() == demo_site.title
    assert page.problems.messages == [], "\n".join(page.problems.messages)


UNCOVERED = """selector => { const b = document.querySelector(selector);
  const r = b.getBoundingClientRect();
  const e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return r.height > 0 && (e === b || b.contains(e)); }"""
SAVE = "#schedule-publishing-dialog button[type=submit]"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_scheduling_dialog_keeps_the_typed_date_and_its_save_button(make_page, demo_site, size):
    """While the calendar is open the dialog's save button stays visible and clickable, and a
    date typed the French way is kept as typed when the field loses focus."""
    from campaigns.models import CampaignPage

    page = make_page(width=size[0], height=size[1])
    log_in(page, superuser(), "mot-de-passe-test")
    page.goto(f"/admin/pages/{CampaignPage.objects.first().pk}/edit/")
    page.locator("button[data-side-panel-toggle='status']").click()
    page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']").first.click()
    field = page.locator("#schedule-publishing-dialog input[name=go_live_at]")
    field.click()
    page.keyboard.type("21/01/2027 14h00")
    page.locator("#schedule-publishing-dialog .xdsoft_datetimepicker").first.wait_for()
    page.locator(SAVE).scroll_into_view_if_needed()
    assert page.evaluate(UNCOVERED, SAVE), "the calendar covers « Enregistrer la programmation »"
    page.keyboard.press("Tab")
    assert field.input_value() == "21/01/2027 14h00"
    assert page.problems.messages == [], "\n".join(page.problems.messages)
