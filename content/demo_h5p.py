"""Demo H5P activity (the scam quiz, built from our own test content type) on a page under
/habitants/. Idempotent: found by its fixed identifier, re-extracted if its folder is missing."""

import uuid

from django.core.files.base import ContentFile

from content.demo import DATA, get_home, get_or_create_page
from content.demo_data import page_fields, read
from content.h5p.testpackage import SCAM_QUIZ_TITLE, build_package
from content.models import H5PActivity, StandardPage

DEMO_UUID = uuid.UUID(read(DATA / "h5p.yaml")["uuid"])
PAGE_SLUG = "quiz-arnaque-sms"
PAGE_FILE = DATA / "pages" / "habitants" / f"{PAGE_SLUG}.yaml"


def ensure_activity():
    from content.demo import french

    activity = H5PActivity.objects.filter(uuid=DEMO_UUID).first()
    if activity is None:
        activity = H5PActivity(
            uuid=DEMO_UUID,
            title=SCAM_QUIZ_TITLE,
            text_alternative=read(DATA / "h5p.yaml")["text_alternative"],
            locale=french(),
        )
        activity.package.save("quiz-arnaque-sms.h5p", ContentFile(build_package()), save=False)
        activity.save()
    elif not activity.is_extracted():
        # A fresh media folder with an existing database: restore the files, same identity.
        if not activity.package.storage.exists(activity.package.name):
            activity.package.save("quiz-arnaque-sms.h5p", ContentFile(build_package()), save=False)
        activity.save()  # re-extracts into the same folder
    return activity


def load():
    ensure_activity()
    hub = StandardPage.objects.child_of(get_home()).filter(slug="habitants").first()
    if hub is None:
        return "H5P: hub /habitants/ missing, activity only"
    # The page is also in the content tree: this finds it when `content.demo.load` made it.
    get_or_create_page(hub, StandardPage, PAGE_SLUG, **page_fields(StandardPage, read(PAGE_FILE)))
    return f"H5P: 1 activity on /habitants/{PAGE_SLUG}/"
