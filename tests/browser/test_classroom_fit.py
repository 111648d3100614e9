"""Classroom slides fit the projector: every slide of every demo module, at 1920×1080 and
1280×720, is seen whole without scrolling in front of the class."""

import pytest

pytestmark = pytest.mark.browser

MODULES = [
    "/interventions-scolaires/dangers-d-internet-6e/",
    "/interventions-scolaires/cyberharcelement-4e/",
    "/interventions-scolaires/reseaux-sociaux-jeunes-et-parents-5e/",
    "/interventions-scolaires/fake-news-lycee/",
]

# What is outside the viewport on the current slide, and how far the page scrolls.
OVERFLOW = """() => {
  const slide = [...document.querySelectorAll('[data-slide]')].find(s => s.offsetParent !== null);
  const bar = document.querySelector('.classroom__bar');
  const limit = bar ? bar.getBoundingClientRect().top : window.innerHeight;
  return {
    slideBottom: Math.ceil(slide.getBoundingClientRect().bottom),
    limit: Math.floor(limit),
    scroll: document.documentElement.scrollHeight - window.innerHeight,
    text: slide.innerText.slice(0, 60),
  };
}"""


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)], ids=["1080p", "720p"])
def test_every_slide_fits_the_projector(make_page, size):
    page = make_page(width=size[0], height=size[1])
    too_tall = []
    for module in MODULES:
        page.goto(module + "mode-classe/")
        total = page.locator("[data-slide]").count()
        for number in range(total):
            if number:
                page.keyboard.press("ArrowRight")
            seen = page.evaluate(OVERFLOW)
            if seen["slideBottom"] > seen["limit"] or seen["scroll"] > 0:
                too_tall.append((module, number + 1, seen))
    assert not too_tall, "\n".join(f"{m} slide {n}: {s}" for m, n, s in too_tall)
