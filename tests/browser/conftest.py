"""Browser harness: the real site served by a live server thread, driven by Debian's Chromium
through Playwright, checked with axe-core.

A page type plugs in by adding its demo URL to `PAGES` in test_pages.py.
"""

import json
import re
from pathlib import Path

import pytest
from django.test.testcases import LiveServerThread, _StaticFilesHandler

CHROMIUM = "/usr/bin/chromium"
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = {"desktop": 1280, "mobile": 320}


class StaticFilesHandler(_StaticFilesHandler):
    """The test server serves static and media files without Django's middleware: add the
    headers the sandboxed H5P player needs (CORS), as the production web server does."""

    def __call__(self, environ, start_response):
        from content.h5p.middleware import wrap_wsgi

        return wrap_wsgi(super().__call__)(environ, start_response)


@pytest.fixture(scope="session")
def site_server(django_db_setup, django_db_blocker):
    """One server thread for the whole session (the data lives in the test database)."""
    with django_db_blocker.unblock():
        thread = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()


@pytest.fixture(autouse=True)
def fresh_rate_limits(django_db_blocker):
    """The server thread's rate-limit counters are committed: each browser test starts with
    none, so one test's searches or registrations do not count against the next."""
    yield
    from content.models import RateCounter

    with django_db_blocker.unblock():
        RateCounter.objects.all().delete()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (see .ci/run).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


class PageProblems:
    """Console errors (CSP violations show there), script errors and broken sub-resources seen
    while a page was open. The document's own status is checked by each test."""

    def __init__(self, page):
        self.messages = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.messages.append(f"page error: {error}"))
        page.on("response", self._on_response)

    def _on_console(self, message):
        # A failed load is reported with its URL by _on_response.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.messages.append(message.text)

    def _on_response(self, response):
        if response.status >= 400 and response.request.resource_type != "document":
            self.messages.append(f"{response.status} for {response.url}")


@pytest.fixture
def make_page(browser, site_server, demo_site):
    """A fresh browser context and page at the given width; JavaScript on unless told."""
    contexts = []

    def factory(width=1280, javascript=True, height=900):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            java_script_enabled=javascript,
            locale="fr-FR",
            base_url=site_server,
        )
        contexts.append(context)
        page = context.new_page()
        page.problems = PageProblems(page)
        page.javascript = javascript
        return page

    yield factory
    for context in contexts:
        context.close()


SCRIPT_TAG = re.compile(r"<script\b.*?</script>", re.DOTALL | re.IGNORECASE)


def javascript_twin(page):
    """A JavaScript-enabled page showing exactly what a no-JavaScript page shows.

    axe.run() waits on timers, which never fire where JavaScript is disabled (the call would
    hang), so the no-JS document (also the answer to a POST) is replayed at the same URL with
    its scripts removed: same HTML, same styles, nothing enhanced.
    """
    html = SCRIPT_TAG.sub("", page.content())
    twin = page.context.browser.new_context(
        viewport=page.viewport_size, locale="fr-FR", java_script_enabled=True
    )
    twin_page = twin.new_page()
    twin_page.route(
        page.url.split("#")[0],
        lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html),
    )
    twin_page.goto(page.url)
    return twin_page


def run_axe(page):
    """axe-core's violations for the page, WCAG 2.0-2.2 A/AA plus best practices."""
    if getattr(page, "javascript", True) is False:
        twin = javascript_twin(page)
        try:
            return run_axe(twin)
        finally:
            twin.context.close()
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # evaluate() runs through the DevTools protocol, so the page's CSP stays untouched.
        page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "(tags) => axe.run(document,"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return result["violations"]


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {json.dumps(node['target'])}: {node['failureSummary'][:300]}")
    return "\n".join(lines)


def assert_no_axe_violations(page):
    violations = run_axe(page)
    assert not violations, f"axe violations on {page.url}:\n{format_violations(violations)}"


def assert_reflows(page):
    """No horizontal scrolling at the current width (WCAG 1.4.10)."""
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls horizontally by {overflow}px"


def focused_element(page):
    """What has the keyboard focus: id, tag, input type and text."""
    return page.evaluate(
        "() => { const el = document.activeElement;"
        " return {id: el.id, tag: el.tagName, type: el.type || '', text: el.textContent.trim()}; }"
    )


def tab_to(page, predicate, limit=80):
    """Press Tab until the focused element matches, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if predicate(focused_element(page)):
            return focused_element(page)
    raise AssertionError("element never reached with Tab")


# WCAG 1.4.12's text-spacing override (the W3C's test values), as a constructable stylesheet:
# through the CSSOM, so the page's strict style-src stays as it is.
TEXT_SPACING_CSS = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"
)


def apply_text_spacing(page):
    page.evaluate(
        "(css) => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
        " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }",
        TEXT_SPACING_CSS,
    )
    assert page.evaluate("getComputedStyle(document.body).letterSpacing") != "normal"


def overflowing_elements(page, selector):
    """Elements under `selector` (itself included) whose content is wider than their box: text
    cut or running out (inline boxes, which have no client width, are skipped)."""
    return page.evaluate(
        """(selector) => {
          const out = [];
          for (const root of document.querySelectorAll(selector)) {
            for (const el of [root, ...root.querySelectorAll('*')]) {
              if (getComputedStyle(el).display === 'inline' || el.clientWidth === 0) continue;
              if (el.scrollWidth > el.clientWidth + 1) {
                out.push(`${el.tagName} «${el.textContent.trim().slice(0, 40)}» `
                  + `${el.scrollWidth} > ${el.clientWidth}`);
              }
            }
          }
          return out;
        }""",
        selector,
    )


@pytest.fixture
def coordination_user(demo_site):
    """A member of the coordination group who logs in through the admin form; removed afterwards,
    since the browser tests share a committed database (a leftover member would receive the
    workflow e-mails other tests count)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from content.organisations import COORDINATION_GROUP

    get_user_model().objects.filter(username="bilan-coordination").delete()
    user = get_user_model().objects.create_user(
        "bilan-coordination", "bilan@example.org", "mot-de-passe-bilan"
    )
    user.groups.add(Group.objects.get(name=COORDINATION_GROUP))
    yield user
    user.delete()


def log_in(page, user, password="mot-de-passe-bilan"):
    page.goto("/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
