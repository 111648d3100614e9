import pytest

pytestmark = pytest.mark.browser


def focused(page):
    return page.evaluate(
        "() => { const el = document.activeElement;"
        " return {tag: el.tagName, id: el.id, text: (el.textContent || '').trim(),"
        " outline: getComputedStyle(el).outlineStyle, href: el.getAttribute('href')}; }"
    )


@pytest.mark.parametrize("width", [1280, 320])
def test_skip_link_is_first_and_reaches_main(make_page, width):
    page = make_page(width=width)
    page.goto("/")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["text"] == "Aller au contenu"
    assert first["outline"] != "none", "the focused skip link has no visible focus indicator"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0, "skip link stays off screen"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "contenu"
    # The next Tab continues inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize("width", [1280, 320])
def test_main_navigation_works_with_tab_and_enter(make_page, width):
    page = make_page(width=width)
    page.goto("/")
    nav_links = page.locator("nav.main-nav a")
    assert nav_links.count() >= 4
    target = nav_links.nth(1).get_attribute("href")
    if width == 320:
        # On a phone the menu sits behind its « Menu » disclosure: open it from the keyboard.
        assert not nav_links.nth(1).is_visible()
        for _ in range(40):
            page.keyboard.press("Tab")
            if focused(page)["tag"] == "SUMMARY":
                break
        else:
            pytest.fail("the « Menu » control is not reachable with Tab")
        assert focused(page)["outline"] != "none"
        page.keyboard.press("Enter")
        assert nav_links.nth(1).is_visible()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('nav.main-nav')") and (
            focused(page)["href"] == target
        ):
            break
    else:
        pytest.fail("the second navigation link is not reachable with Tab")
    assert focused(page)["outline"] != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")
    assert page.locator("nav.main-nav a[aria-current='page']").get_attribute("href") == target
