"""The Wagtail admin keeps working under the security headers: log in and open the page editor
without any CSP violation or script error."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.browser


def test_editor_logs_in_and_opens_the_page_editor(make_page, demo_site):
    User = get_user_model()
    if not User.objects.filter(username="redactrice").exists():
        User.objects.create_superuser("redactrice", "redactrice@example.org", "mot-de-passe-test")
    page = make_page(width=1280)
    page.goto("/admin/login/")
    page.fill("#id_username", "redactrice")
    page.fill("#id_password", "mot-de-passe-test")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(f"/admin/pages/{demo_site.pk}/edit/")
    # The StreamField editor is drawn by JavaScript: it only appears if the admin's scripts ran.
    page.locator("[data-streamfield-stream-container]").first.wait_for(state="attached")
    assert page.locator("#id_title").input_value() == demo_site.title
    assert page.problems.messages == [], "\n".join(page.problems.messages)
