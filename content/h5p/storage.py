"""Extraction of a validated .h5p package to media storage, under one folder per activity.

The folder is `h5p/<activity uuid>/`: it stays the same when an editor replaces the file, so
the activity keeps its identity (and its URL). A package is first extracted beside it, in
`h5p/.incoming-<uuid>-<random>/`, and takes the live folder's place only once the database
has committed (`stage_package`, then `swap_in` from `transaction.on_commit`): a package that
fails to extract, or a save that rolls back, leaves the published activity's files alone.
"""

import contextlib
import os
import posixpath
import secrets
import shutil
import time

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _

from .validation import MAX_UNCOMPRESSED_SIZE, open_package, validate_archive

ROOT = "h5p"
CHUNK = 64 * 1024
STAGING_PREFIX = ".incoming-"
REPLACED_PREFIX = ".replaced-"
# A staged folder older than this belongs to a save that rolled back: swept away.
STALE_AFTER = 3600


def folder_for(uuid):
    return f"{ROOT}/{uuid}"


def list_files(folder, storage=default_storage):
    """Every file under `folder` (recursive), as storage names."""
    if not storage.exists(folder):
        return []
    directories, files = storage.listdir(folder)
    names = [f"{folder}/{name}" for name in files]
    for directory in directories:
        names.extend(list_files(f"{folder}/{directory}", storage))
    return names


def delete_folder(folder, storage=default_storage):
    for name in list_files(folder, storage):
        storage.delete(name)
    _remove_empty_directories(folder, storage)


def _remove_empty_directories(folder, storage):
    """FileSystemStorage leaves empty directories behind; remove them when we can."""
    try:
        path = storage.path(folder)
    except NotImplementedError:
        return
    import os

    for current, _dirs, _files in sorted(os.walk(path), key=lambda x: -len(x[0])):
        with contextlib.suppress(OSError):
            os.rmdir(current)


def _read_limited(archive, info, budget):
    """The entry's bytes, refusing it as soon as more than `budget` bytes come out."""
    chunks = []
    size = 0
    with archive.open(info) as source:
        while chunk := source.read(CHUNK):
            size += len(chunk)
            if size > budget or size > info.file_size:
                raise ValidationError(
                    _("Le paquet décompressé dépasse la taille annoncée : paquet refusé."),
                    code="zip_bomb",
                )
            chunks.append(chunk)
    return b"".join(chunks)


def extract_package(file, folder, storage=default_storage):
    """Validates `file` and writes its entries under `folder`, replacing what was there.
    Returns the manifest. On any error, whatever was written is removed."""
    with open_package(file) as archive:
        manifest = validate_archive(archive, file.size if hasattr(file, "size") else 0)
        delete_folder(folder, storage)
        budget = MAX_UNCOMPRESSED_SIZE
        try:
            for info in archive.infolist():
                if info.is_dir():
                    continue
                data = _read_limited(archive, info, budget)
                budget -= len(data)
                name = posixpath.join(folder, info.filename)
                if storage.exists(name):
                    storage.delete(name)
                saved = storage.save(name, ContentFile(data))
                if saved != name:  # storage renamed it: never serve a different layout
                    raise ValidationError(_("Extraction impossible."), code="storage")
        except Exception:
            delete_folder(folder, storage)
            raise
    file.seek(0)
    return manifest


def stage_package(file, live_folder, storage=default_storage):
    """Extracts `file` beside `live_folder`. Returns (manifest, staging folder); on failure
    nothing is left of the staging folder and the live one is untouched."""
    sweep_stale(storage)
    staging = f"{ROOT}/{STAGING_PREFIX}{posixpath.basename(live_folder)}-{secrets.token_hex(4)}"
    return extract_package(file, staging, storage), staging


def swap_in(staging, live_folder, storage=default_storage):
    """Puts the staged extraction in the live folder's place. On a file system the live
    folder is renamed aside and the staged one renamed in (two renames in the same directory:
    the activity is missing for microseconds, never half-written); other storages copy."""
    try:
        staging_path, live_path = storage.path(staging), storage.path(live_folder)
    except NotImplementedError:
        delete_folder(live_folder, storage)
        for name in list_files(staging, storage):
            with storage.open(name, "rb") as source:
                storage.save(live_folder + name[len(staging) :], source)
        delete_folder(staging, storage)
        return
    replaced = None
    if os.path.exists(live_path):
        replaced = storage.path(f"{ROOT}/{REPLACED_PREFIX}{secrets.token_hex(8)}")
        os.replace(live_path, replaced)
    os.replace(staging_path, live_path)
    if replaced:
        shutil.rmtree(replaced, ignore_errors=True)


def sweep_stale(storage=default_storage, now=None):
    """Removes staged or replaced folders left by saves that rolled back or crashed."""
    try:
        root = storage.path(ROOT)
    except NotImplementedError:
        return
    if not os.path.isdir(root):
        return
    now = now or time.time()
    for entry in os.scandir(root):
        if not entry.name.startswith((STAGING_PREFIX, REPLACED_PREFIX)):
            continue
        if now - entry.stat().st_mtime > STALE_AFTER:
            shutil.rmtree(entry.path, ignore_errors=True)
