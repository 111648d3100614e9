"""Issue 18, illustrated steps: every step of a level-1 lesson has a drawn screen mock-up with
its alternative text, served as WebP renditions no wider than a phone needs, their renditions
read in one go whatever the number of pictures (docs/illustrations.md)."""

import io
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image
from wagtail.images import get_image_model

from content.demo_data import read
from lessons.models import LearningPathPage, LessonPage

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "lessons" / "demo_data"
DRAWINGS = DATA / "illustrations.yaml"
LEVEL_1 = DATA / "pages" / "se-former" / "premiers-pas"
SRCSET = re.compile(r'<source type="image/webp" srcset="([^"]+)"')
IMG = re.compile(r"<picture>.*?<img ([^>]+)>", re.S)


def level_1_lessons():
    paths = LearningPathPage.objects.filter(level=1).live()
    assert paths, "the demo has level-1 paths"
    lessons = []
    for path in paths:
        lessons += LessonPage.objects.child_of(path).live().filter(easy_read_of__isnull=True)
    return lessons


def step_screenshots(lesson):
    for block in lesson.body:
        if block.block_type == "steps":
            for step in block.value["steps"]:
                yield step["screenshot"]


def test_every_step_of_every_level_1_lesson_has_a_picture_with_alt_text():
    lessons = level_1_lessons()
    assert len(lessons) >= 4
    for lesson in lessons:
        shots = list(step_screenshots(lesson))
        assert shots, f"{lesson.title}: no steps"
        for number, shot in enumerate(shots, start=1):
            assert shot["image"] is not None, f"{lesson.title}, step {number}: no picture"
            assert not shot["decorative"], f"{lesson.title}, step {number}: decorative"
            assert len(shot["alt_text"].strip()) > 20, f"{lesson.title}, step {number}: alt"
            assert shot["image"].title.startswith("Maquette : "), "drawn for the project"


def screenshot_keys(value):
    """The drawing keys named anywhere in a page file (`screenshot: key` or a mapping)."""
    if isinstance(value, dict):
        for name, child in value.items():
            if name == "screenshot" and isinstance(child, str):
                yield child
            elif name == "screenshot" and isinstance(child, dict):
                yield child["image"]
            else:
                yield from screenshot_keys(child)
    elif isinstance(value, list):
        for child in value:
            yield from screenshot_keys(child)


def test_every_drawing_is_used_and_every_reference_is_drawn():
    """A typo in a key would fail load_demo; a drawing left over after a step was removed is
    caught here. The easy-to-read versions use the same drawings."""
    drawings = set(read(DRAWINGS))
    referenced = set()
    for path in LEVEL_1.glob("*.yaml"):
        keys = set(screenshot_keys(read(path)))
        assert keys, f"{path.name} names no drawing"
        referenced |= keys
    assert referenced - drawings == set()
    assert drawings - referenced == set()


def test_loading_the_demo_again_draws_no_second_picture():
    images = get_image_model().objects.filter(title__startswith="Maquette : ")
    before = images.count()
    assert before == len(read(DRAWINGS))
    call_command("load_demo", stdout=io.StringIO())
    assert images.count() == before


@pytest.mark.parametrize(
    "slug",
    [
        "creer-une-adresse-e-mail",
        "ameli-impots-franceconnect",
        "mots-de-passe-solides",
        "reconnaitre-un-site-securise",
    ],
)
def test_the_lesson_serves_webp_renditions_no_wider_than_a_phone_needs(client, slug):
    lesson = LessonPage.objects.get(slug=slug)
    html = client.get(lesson.url).content.decode()
    srcsets = SRCSET.findall(html)
    assert len(srcsets) == len(list(step_screenshots(lesson)))
    for srcset in srcsets:
        candidates = [candidate.rsplit(" ", 1) for candidate in srcset.split(", ")]
        assert [width for _url, width in candidates] == ["320w", "640w"]
        for url, width in candidates:
            assert url.startswith("/media/images/") and url.endswith(".webp")
            with Image.open(default_storage.path(url.removeprefix("/media/"))) as file:
                assert file.format == "WEBP"
                assert file.width == int(width[:-1]) <= 640
    for attributes in IMG.findall(html):
        assert 'loading="lazy"' in attributes
        assert re.search(r'width="320" height="\d+"', attributes)
        assert re.search(r'alt="[^"]{20,}"', attributes)
        assert re.search(r'src="/media/images/[^"]+\.png"', attributes)


def test_every_illustrated_lesson_weighs_under_the_limit(client):
    """tests/test_page_weight.py weighs one lesson; the Ameli lesson has eleven pictures."""
    from bench.pages import asset_bytes
    from tests.test_page_weight import WEIGHT_LIMIT

    for lesson in level_1_lessons():
        response = client.get(lesson.url)
        assets = asset_bytes(response.content.decode())
        total = len(response.content) + assets["css"] + assets["js"]
        assert total < WEIGHT_LIMIT, f"{lesson.slug}: {total} B"


def test_the_renditions_of_all_pictures_are_read_in_one_query_or_none(client):
    lesson = LessonPage.objects.get(slug="creer-une-adresse-e-mail")
    assert len(list(step_screenshots(lesson))) == 5
    # Renditions made in this test's transaction (another test's, rolled back, may still be in
    # the cache).
    cache.clear()
    client.get(lesson.url)

    def rendition_reads():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(lesson.url).status_code == 200
        return [q for q in queries if 'FROM "wagtailimages_rendition"' in q["sql"]]

    cache.clear()
    assert len(rendition_reads()) == 1  # cold cache: one query for the five pictures
    assert rendition_reads() == []  # then from Wagtail's rendition cache
