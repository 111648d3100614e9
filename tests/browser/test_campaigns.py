"""Campaign redirect and the site-wide banner in a real browser."""

import datetime

import pytest
from django.core.cache import cache

from .conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser


def test_short_link_lands_on_the_campaign_page(make_page):
    page = make_page(width=1280)
    response = page.goto("/c/sid26-fly")
    assert response.status == 200
    assert "utm_source=flyer" in page.url
    assert page.locator("main h1").inner_text() == "Safer Internet Day 2026"
    assert_no_axe_violations(page)
    assert page.problems.messages == []


def test_banner_is_dismissible_with_the_keyboard_and_remembered(make_page, django_db_blocker):
    from django.utils import timezone

    from campaigns.models import ScamAlertPage

    with django_db_blocker.unblock():
        alert = ScamAlertPage.objects.get(slug="faux-sms-ameli")
        if alert.expires_at <= timezone.now():
            alert.expires_at = timezone.now() + datetime.timedelta(days=30)
            alert.save_revision().publish()
        cache.clear()
    page = make_page(width=1280)
    page.goto("/accessibilite/")
    banner = page.locator('[data-banner-id^="alerte-"]')
    assert banner.is_visible()
    assert_no_axe_violations(page)
    button = banner.locator("button")
    for _ in range(40):
        page.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    else:
        pytest.fail("the banner's button is not reachable with Tab")
    page.keyboard.press("Enter")
    assert banner.is_hidden()
    assert page.evaluate("document.cookie") == ""
    page.reload()
    assert page.locator('[data-banner-id^="alerte-"]').is_hidden()
    assert page.problems.messages == []
