"""The stylesheets are split by page family (docs/page-weight.md): base.css on every page, a
family's sheet only where its templates link it. These tests hold the split to its rule: a
page styles every class it uses (no rule left in a sheet the page does not link), and no sheet
keeps a rule for a class that no template, script or Python module writes."""

import re
import subprocess
from pathlib import Path

import pytest

from bench.pages import PAGES

CSS_DIR = Path(__file__).resolve().parents[1] / "static" / "css"
LINK = re.compile(r'<link[^>]+rel="stylesheet"[^>]+href="[^"]*/css/([\w.-]+\.css)"')
# Sheets of pages outside the public site (the admin) or of a page family with its own test.
NOT_PUBLIC = {"admin.css"}


def classes_in(css):
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors = re.sub(r"\{[^{}]*\}", "{}", css)  # innermost bodies first: declarations
    selectors = re.sub(r"\{[^{}]*\}", "{}", selectors)  # then the @media blocks around them
    return set(re.findall(r"\.([a-zA-Z][\w-]*)", selectors))


def sheets():
    return {
        path.name: classes_in(path.read_text(encoding="utf-8"))
        for path in CSS_DIR.glob("*.css")
        if path.name not in NOT_PUBLIC
    }


def test_the_classes_are_read_from_the_sheets():
    defined = sheets()
    assert {"container", "site-header", "quiz__feedback--right"} <= defined["base.css"] | defined[
        "learning.css"
    ]
    assert "quiz" not in defined["base.css"]  # a lesson's rules stay out of every page's sheet
    assert "main.css" not in defined


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "path"), PAGES, ids=[p[0] for p in PAGES])
def test_each_page_links_the_sheets_of_the_classes_it_uses(client, name, path):
    response = client.get(path)
    if response.status_code == 302:
        return
    html = response.content.decode()
    linked = LINK.findall(html)
    assert linked, f"{name} links no stylesheet"
    defined = sheets()
    styled = set().union(*(defined.get(sheet, set()) for sheet in linked))
    used = {c for attr in re.findall(r'class="([^"]*)"', html) for c in attr.split()}
    unstyled = {
        cls: [sheet for sheet, classes in defined.items() if cls in classes]
        for cls in used - styled
    }
    # Classes that only a sheet of another context styles (the classroom view restyles a quiz
    # status it shares with the module page) are fine; a class styled only in a sheet of this
    # page's own family but not linked is the mistake this test is for.
    missing = {
        cls: where
        for cls, where in unstyled.items()
        if where and not set(where) <= {"school-standalone.css", "places-map.css"}
    }
    assert not missing, f"{name} ({', '.join(linked)}) uses classes styled elsewhere: {missing}"


def test_no_sheet_keeps_rules_for_classes_nothing_writes():
    files = subprocess.run(
        ["git", "ls-files", "*.html", "*.js", "*.py"],
        cwd=CSS_DIR.parents[1],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    sources = "\n".join(
        (CSS_DIR.parents[1] / f).read_text(encoding="utf-8", errors="ignore")
        for f in files
        if not f.startswith(("tests/", "bench/")) and "/migrations/" not in f
    )
    unused = set()
    for sheet, classes in sheets().items():
        for cls in classes:
            written = re.search(rf"(?<![\w-]){re.escape(cls)}(?![\w-])", sources)
            # A modifier built in a template: class="callout callout--{{ value.kind }}".
            built = "--" in cls and f"{cls.split('--')[0]}--{{{{" in sources
            if not (written or built):
                unused.add(f"{sheet}: .{cls}")
    assert not unused, sorted(unused)


@pytest.mark.django_db
def test_a_block_sheet_is_linked_only_where_the_stream_holds_the_block(client):
    with_activity = LINK.findall(client.get("/habitants/quiz-arnaque-sms/").content.decode())
    lesson = LINK.findall(
        client.get("/se-former/premiers-pas/creer-une-adresse-e-mail/").content.decode()
    )
    assert "h5p.css" in with_activity and "learning.css" not in with_activity
    assert lesson == ["base.css", "learning.css"]
