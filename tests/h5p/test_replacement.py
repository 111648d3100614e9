"""Replacing a live activity's package: extracted beside the live folder, swapped only once
the database commits; a failure leaves the published files alone (issue 16, item 6)."""

import io
import os
import time
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from content.h5p import storage
from content.h5p.testpackage import build_package
from content.models import H5PActivity

# The test's transaction never commits: `commit` runs the on-commit callbacks of what did
# commit inside it (a rolled-back savepoint's are dropped, as on a real commit).
pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def snapshot(folder):
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def h5p_dir_entries(media):
    return sorted(p.name for p in (media / "h5p").iterdir())


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def live(media, commit):
    from wagtail.models import Locale

    activity = H5PActivity(
        title="Quiz", text_alternative="Texte.", locale=Locale.objects.get(language_code="fr")
    )
    activity.package.save("quiz.h5p", ContentFile(build_package(title="Version 1")), save=False)
    with commit():
        activity.save()
    folder = media / "h5p" / str(activity.uuid)
    assert "Version 1" in (folder / "h5p.json").read_text()
    return activity, folder


def lying_package():
    """Passes the whole-package checks on its central directory, then inflates to more than
    its declared size during extraction."""
    data = bytearray(build_package(title="Version 2"))
    target = b"content/content.json"
    central = data.rfind(b"PK\x01\x02")
    while central != -1:
        name_len = int.from_bytes(data[central + 28 : central + 30], "little")
        if bytes(data[central + 46 : central + 46 + name_len]) == target:
            data[central + 24 : central + 28] = (10).to_bytes(4, "little")
            break
        central = data.rfind(b"PK\x01\x02", 0, central)
    return bytes(data)


def test_a_successful_replacement_swaps_the_folder_after_commit(live, media, commit):
    activity, folder = live
    with commit(), transaction.atomic():
        activity.package.save("quiz.h5p", ContentFile(build_package(title="Version 2")), save=False)
        activity.save()
        # Extracted beside the live folder; the live one still serves version 1.
        assert "Version 1" in (folder / "h5p.json").read_text()
        assert any(name.startswith(".incoming-") for name in h5p_dir_entries(media))
    assert "Version 2" in (folder / "h5p.json").read_text()
    assert h5p_dir_entries(media) == [str(activity.uuid)]  # nothing staged or replaced left
    assert [p.name for p in (media / "h5p-packages").iterdir()] == [
        activity.package.name.rsplit("/", 1)[-1]
    ]


def test_a_database_error_after_extraction_leaves_the_live_activity_intact(live, media, commit):
    activity, folder = live
    before = snapshot(folder)
    stored_package = activity.package.name
    with commit(), pytest.raises(IntegrityError), transaction.atomic():
        activity.package.save("quiz.h5p", ContentFile(build_package(title="Version 2")), save=False)
        activity.save()
        # The same identifier as another activity: the commit can never happen.
        H5PActivity.objects.create(
            uuid=activity.uuid, title="Doublon", text_alternative="x", locale=activity.locale
        )
    assert snapshot(folder) == before
    fresh = H5PActivity.objects.get(pk=activity.pk)
    assert fresh.package.name == stored_package and fresh.package.storage.exists(stored_package)
    # The staged copy of the rolled-back save is swept by the next extraction once stale.
    staged = [n for n in h5p_dir_entries(media) if n.startswith(".incoming-")]
    assert len(staged) == 1
    old = time.time() - storage.STALE_AFTER - 10
    os.utime(media / "h5p" / staged[0], (old, old))
    storage.sweep_stale()
    assert h5p_dir_entries(media) == [str(activity.uuid)]


def test_a_package_failing_at_extraction_leaves_the_live_activity_intact(live, media, commit):
    activity, folder = live
    before = snapshot(folder)
    stored_package = activity.package.name
    activity.package.save("quiz.h5p", ContentFile(lying_package()), save=False)
    with commit(), pytest.raises(ValidationError):
        activity.save()
    assert snapshot(folder) == before
    assert h5p_dir_entries(media) == [str(activity.uuid)]
    fresh = H5PActivity.objects.get(pk=activity.pk)
    assert fresh.package.name == stored_package  # the row rolled back with the extraction
    assert [p.name for p in (media / "h5p-packages").iterdir()] == [
        stored_package.rsplit("/", 1)[-1]
    ]


def test_the_lying_package_is_what_the_old_code_broke():
    """The package above really fails at extraction (so the tests above can fail)."""
    archive = zipfile.ZipFile(io.BytesIO(lying_package()))
    with pytest.raises(zipfile.BadZipFile):
        archive.read("content/content.json")
