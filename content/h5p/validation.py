"""Checks an uploaded .h5p package before anything is written to disk.

Everything is decided from the zip's central directory plus the two small JSON files, so a
refused package never touches storage. Extraction (storage.py) enforces the size limits again
on the bytes actually inflated, in case a header lies.
"""

import json
import posixpath
import stat
import zipfile
import zlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_COMPRESSED_SIZE = 20 * 1024 * 1024
MAX_UNCOMPRESSED_SIZE = 100 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_RATIO = 100  # per entry, uncompressed / compressed
MAX_JSON_SIZE = 2 * 1024 * 1024

# H5P's default allow-list of content and library files, without Flash (swf). Anything else
# (php, exe, html, sh, ...) is refused.
ALLOWED_EXTENSIONS = frozenset(
    [
        "json",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "bmp",
        "tif",
        "tiff",
        "svg",
        "eot",
        "ttf",
        "woff",
        "woff2",
        "otf",
        "webm",
        "mp4",
        "ogg",
        "mp3",
        "m4a",
        "wav",
        "txt",
        "pdf",
        "rtf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "odt",
        "ods",
        "odp",
        "xml",
        "csv",
        "diff",
        "patch",
        "md",
        "textile",
        "vtt",
        "webvtt",
        "gltf",
        "glb",
        "js",
        "css",
    ]
)


@dataclass
class H5PManifest:
    title: str
    main_library: str
    library_version: str
    licence: str
    authors: list = field(default_factory=list)
    entries: list = field(default_factory=list)  # (name, uncompressed size)


def _fail(message, code, **params):
    raise ValidationError(message, code=code, params=params or None)


def check_entry_name(name):
    """Refuses absolute paths, drive letters, backslashes and any '..' component."""
    if not name or "\x00" in name or "\\" in name:
        _fail(_("Le fichier contient un nom de fichier invalide."), "bad_name")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        _fail(
            _("Le fichier contient un chemin absolu (%(name)s) : paquet refusé."),
            "absolute_path",
            name=name,
        )
    parts = name.split("/")
    if ".." in parts or posixpath.normpath(name).startswith(".."):
        _fail(
            _("Le fichier contient un chemin qui sort du dossier (%(name)s) : paquet refusé."),
            "path_traversal",
            name=name,
        )


def _is_symlink(info):
    mode = info.external_attr >> 16
    return info.create_system == 3 and stat.S_ISLNK(mode)


def _read_json(archive, name, missing_message, missing_code):
    try:
        info = archive.getinfo(name)
    except KeyError:
        _fail(missing_message, missing_code)
    if info.file_size > MAX_JSON_SIZE:
        _fail(_("Le fichier %(name)s est trop volumineux."), "json_too_large", name=name)
    try:
        data = json.loads(archive.read(info).decode("utf-8"))
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, EOFError):
        _fail(
            _("Le fichier %(name)s n'est pas un JSON valide."),
            "invalid_json",
            name=name,
        )
    return data


def _version(h5p_json, main):
    for dep in h5p_json.get("preloadedDependencies") or []:
        if isinstance(dep, dict) and dep.get("machineName") == main:
            return f"{dep.get('majorVersion', '')}.{dep.get('minorVersion', '')}"
    return ""


def _authors(h5p_json):
    authors = []
    for author in h5p_json.get("authors") or []:
        if isinstance(author, dict) and isinstance(author.get("name"), str):
            role = author.get("role") if isinstance(author.get("role"), str) else ""
            authors.append({"name": author["name"][:200], "role": role[:50]})
    return authors[:20]


def _check_every_entry(archive):
    """Reads every entry (sizes already bounded above) so a corrupt one (wrong CRC, broken
    deflate stream) is refused here, before anything is written, not half-way through the
    extraction."""
    try:
        bad = archive.testzip()
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError):
        bad = "?"
    if bad is not None:
        _fail(
            _("Le paquet est abîmé (le fichier %(name)s est illisible) : paquet refusé."),
            "corrupt_entry",
            name=bad,
        )


def validate_archive(archive, compressed_size):
    """Validates an open ZipFile; returns an H5PManifest or raises ValidationError."""
    if compressed_size > MAX_COMPRESSED_SIZE:
        _fail(_("Le fichier dépasse la taille maximale autorisée (20 Mo)."), "too_large")
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        _fail(
            _("Le paquet contient trop de fichiers (%(max)s au plus)."),
            "too_many_entries",
            max=MAX_ENTRIES,
        )
    total = 0
    entries = []
    seen = set()
    for info in infos:
        name = info.filename
        check_entry_name(name)
        if _is_symlink(info):
            _fail(
                _("Le paquet contient un lien symbolique (%(name)s) : paquet refusé."),
                "symlink",
                name=name,
            )
        if info.flag_bits & 0x1:
            _fail(_("Le paquet contient un fichier chiffré."), "encrypted")
        if info.is_dir():
            continue
        extension = posixpath.splitext(name)[1].lower().lstrip(".")
        if extension not in ALLOWED_EXTENSIONS:
            _fail(
                _("Type de fichier non autorisé dans un paquet H5P : %(name)s."),
                "forbidden_extension",
                name=name,
            )
        if name.lower() in seen:
            _fail(_("Le paquet contient deux fois le fichier %(name)s."), "duplicate", name=name)
        seen.add(name.lower())
        total += info.file_size
        if total > MAX_UNCOMPRESSED_SIZE:
            _fail(
                _("Le paquet décompressé dépasse la taille maximale autorisée (100 Mo)."),
                "too_large_uncompressed",
            )
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            _fail(
                _("Le fichier %(name)s est anormalement compressé (bombe zip) : paquet refusé."),
                "zip_bomb",
                name=name,
            )
        entries.append((name, info.file_size))

    h5p_json = _read_json(
        archive,
        "h5p.json",
        _("Ce fichier n'est pas un paquet H5P : il manque le fichier h5p.json."),
        "missing_h5p_json",
    )
    if not isinstance(h5p_json, dict):
        _fail(_("Le fichier h5p.json n'est pas valide."), "invalid_h5p_json")
    main = h5p_json.get("mainLibrary")
    title = h5p_json.get("title")
    deps = h5p_json.get("preloadedDependencies")
    if not (isinstance(main, str) and main and isinstance(title, str) and isinstance(deps, list)):
        _fail(
            _(
                "Le fichier h5p.json n'est pas valide : il doit indiquer un titre, la "
                "bibliothèque principale et ses dépendances."
            ),
            "invalid_h5p_json",
        )
    content = _read_json(
        archive,
        "content/content.json",
        _("Le paquet H5P ne contient pas de fichier content/content.json."),
        "missing_content_json",
    )
    if not isinstance(content, dict):
        _fail(_("Le fichier content/content.json n'est pas valide."), "invalid_content_json")
    licence = h5p_json.get("license") if isinstance(h5p_json.get("license"), str) else ""
    if licence and isinstance(h5p_json.get("licenseVersion"), str):
        licence = f"{licence} {h5p_json['licenseVersion']}"
    _check_every_entry(archive)
    return H5PManifest(
        title=title[:255],
        main_library=main[:255],
        library_version=_version(h5p_json, main)[:20],
        licence=licence[:100],
        authors=_authors(h5p_json),
        entries=entries,
    )


def open_package(file):
    """A ZipFile for an uploaded/stored file, or a ValidationError if it is not a zip."""
    file.seek(0)
    try:
        return zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError):
        _fail(_("Ce fichier n'est pas un paquet H5P (archive zip) valide."), "not_zip")


def file_size(file):
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, 2)
        size = file.tell()
    file.seek(0)
    return size


def validate_h5p_package(file):
    """Model field validator: raises ValidationError with a French message for editors."""
    if file_size(file) > MAX_COMPRESSED_SIZE:
        _fail(_("Le fichier dépasse la taille maximale autorisée (20 Mo)."), "too_large")
    with open_package(file) as archive:
        manifest = validate_archive(archive, file_size(file))
    file.seek(0)
    return manifest
