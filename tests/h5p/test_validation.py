"""Hostile or broken packages are refused with a clear message and leave nothing on disk."""

import io
import json
import stat
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from content.h5p import validation
from content.h5p.storage import extract_package
from content.h5p.testpackage import build_package, build_zip, package_files


def files_on_disk(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def with_extra(name, data=b"x", **info_fields):
    """A valid package plus one more entry."""
    buffer = io.BytesIO(build_package())
    with zipfile.ZipFile(buffer, "a") as archive:
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        for key, value in info_fields.items():
            setattr(info, key, value)
        archive.writestr(info, data)
    return buffer.getvalue()


def bad_crc_package():
    """A valid package whose library JavaScript (not one of the two JSON files) has a wrong
    CRC in the zip directory."""
    data = bytearray(with_extra("H5P.CapQuiz-1.0/extra.js", b"console.log('x');" * 50))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("H5P.CapQuiz-1.0/extra.js")
    wrong = (info.CRC ^ 0xFFFFFFFF).to_bytes(4, "little")
    right = info.CRC.to_bytes(4, "little")
    assert data.count(right) >= 1
    return bytes(data.replace(right, wrong))


def symlink_package():
    return with_extra(
        "content/link.json",
        b"/etc/passwd",
        create_system=3,
        external_attr=(stat.S_IFLNK | 0o777) << 16,
    )


def zip_bomb_package():
    files = package_files()
    files["content/bomb.json"] = b"0" * (5 * 1024 * 1024)  # deflates ~1000:1
    return build_zip(files)


def without(name):
    files = package_files()
    del files[name]
    return build_zip(files)


def with_h5p_json(data):
    files = package_files()
    files["h5p.json"] = data
    return build_zip(files)


HOSTILE = {
    "zip slip": (with_extra("../../x.json"), "path_traversal"),
    "nested zip slip": (with_extra("content/../../x.json"), "path_traversal"),
    "absolute path": (with_extra("/tmp/x.json"), "absolute_path"),
    "symlink": (symlink_package(), "symlink"),
    "php file": (
        with_extra("content/shell.php", b"<?php system($_GET['c']);"),
        "forbidden_extension",
    ),
    "exe file": (with_extra("content/setup.exe", b"MZ"), "forbidden_extension"),
    "html file": (with_extra("content/page.html", b"<script></script>"), "forbidden_extension"),
    "zip bomb": (zip_bomb_package(), "zip_bomb"),
    "not a zip": (b"PK not really a zip, just text", "not_zip"),
    "no h5p.json": (without("h5p.json"), "missing_h5p_json"),
    "h5p.json not json": (with_h5p_json(b"{title: nope"), "invalid_json"),
    "h5p.json without main library": (
        with_h5p_json(json.dumps({"title": "x", "preloadedDependencies": []}).encode()),
        "invalid_h5p_json",
    ),
    "no content.json": (without("content/content.json"), "missing_content_json"),
    "bad CRC on a library file": (bad_crc_package(), "corrupt_entry"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_package_is_refused_and_leaves_nothing(case, media):
    data, code = HOSTILE[case]
    with pytest.raises(ValidationError) as refused:
        validation.validate_h5p_package(ContentFile(data, name="x.h5p"))
    assert refused.value.code == code
    assert str(refused.value.messages[0])  # a French message for the editor
    with pytest.raises(ValidationError):
        extract_package(ContentFile(data, name="x.h5p"), "h5p/target")
    assert files_on_disk(media) == []


def test_too_many_entries(media, monkeypatch):
    monkeypatch.setattr(validation, "MAX_ENTRIES", 5)
    with pytest.raises(ValidationError) as refused:
        validation.validate_h5p_package(ContentFile(build_package(), name="x.h5p"))
    assert refused.value.code == "too_many_entries"


def test_total_uncompressed_size_limit(media, monkeypatch):
    monkeypatch.setattr(validation, "MAX_UNCOMPRESSED_SIZE", 1000)
    with pytest.raises(ValidationError) as refused:
        validation.validate_h5p_package(ContentFile(build_package(), name="x.h5p"))
    assert refused.value.code == "too_large_uncompressed"


def test_compressed_size_limit(media, monkeypatch):
    monkeypatch.setattr(validation, "MAX_COMPRESSED_SIZE", 100)
    with pytest.raises(ValidationError) as refused:
        validation.validate_h5p_package(ContentFile(build_package(), name="x.h5p"))
    assert refused.value.code == "too_large"


def test_lying_header_is_caught_during_extraction(media):
    """An entry inflating to more than its declared size is refused while extracting, and
    what was already written is removed."""
    data = bytearray(build_package())
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo("content/content.json")
    archive.close()
    # Patch the declared uncompressed size (central directory) down to 10 bytes.
    central = data.rfind(b"PK\x01\x02", 0)
    while central != -1:
        name_len = int.from_bytes(data[central + 28 : central + 30], "little")
        name = bytes(data[central + 46 : central + 46 + name_len])
        if name == b"content/content.json":
            data[central + 24 : central + 28] = (10).to_bytes(4, "little")
            break
        central = data.rfind(b"PK\x01\x02", 0, central)
    assert info.file_size > 10
    with pytest.raises((ValidationError, zipfile.BadZipFile)):
        extract_package(ContentFile(bytes(data), name="x.h5p"), "h5p/target")
    assert files_on_disk(media) == []


def test_valid_package_manifest(media):
    manifest = validation.validate_h5p_package(ContentFile(build_package(), name="x.h5p"))
    assert manifest.main_library == "H5P.CapQuiz"
    assert manifest.library_version == "1.0"
    assert manifest.licence == "CC BY-SA 4.0"
    assert manifest.authors == [{"name": "Cap Numérique", "role": "Author"}]
    assert files_on_disk(media) == []


def test_allow_list_refuses_server_side_types():
    for extension in ["php", "phtml", "exe", "sh", "html", "htm", "py", "swf"]:
        assert extension not in validation.ALLOWED_EXTENSIONS
    for extension in ["json", "js", "css", "png", "mp4", "woff2"]:
        assert extension in validation.ALLOWED_EXTENSIONS


@pytest.mark.django_db
def test_admin_refuses_hostile_upload_and_writes_nothing(admin_client, media):
    from content.models import H5PActivity

    before = H5PActivity.objects.count()
    response = admin_client.post(
        "/admin/snippets/content/h5pactivity/add/",
        {
            "title": "Piège",
            "text_alternative": "Texte",
            "locale": "1",
            "package": SimpleUploadedFile("piege.h5p", with_extra("../../x.json")),
        },
    )
    assert response.status_code == 200
    assert "sort du dossier" in response.content.decode()
    assert H5PActivity.objects.count() == before
    assert files_on_disk(media) == []
