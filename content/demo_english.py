"""The English demo pages, made the way a translator makes them: each French page listed by a
PO file is submitted to English with wagtail-localize's TranslationCreator (what the admin's
« Traduire cette page » runs), the file's English is imported into that translation, and the
translation is published (docs/notes/issue-17-english-demo.md).

The files are `<app>/demo_data/en/<page path under the home page>.po` (`accueil.po` is the
home page); the snippets the pages bring with them (themes, glossary terms…) take their
English from `<app>/demo_data/<data file>.en.po`. Their `msgid` is a French segment, their
`msgstr` its English. They are matched by msgid only: the segments' contexts name block
ids, which differ from one database to another. `manage.py export_demo_po` writes or
refreshes a page's file from the French page, keeping the English already written.
"""

from pathlib import Path

import polib
from django.apps import apps
from wagtail.models import Locale, Page

HOME_FILE = "accueil"


def po_files():
    """(French url path under the home page, PO file), parents before children."""
    found = []
    for app_config in apps.get_app_configs():
        folder = Path(app_config.path) / "demo_data" / "en"
        if not folder.is_dir():
            continue
        for path in folder.rglob("*.po"):
            relative = path.relative_to(folder).with_suffix("").as_posix()
            found.append(("/" if relative == HOME_FILE else f"/{relative}/", path))
    return sorted(found, key=lambda item: (item[0].count("/"), item[0]))


def po_file_for(url_path, app_label):
    folder = Path(apps.get_app_config(app_label).path) / "demo_data" / "en"
    relative = HOME_FILE if url_path.strip("/") == "" else url_path.strip("/")
    return folder / f"{relative}.po"


def french_page(url_path):
    from content.demo import HOME_SLUG, french

    return Page.objects.get(url_path=f"/{HOME_SLUG}{url_path}", locale=french()).specific


def english_by_msgid(path):
    """The English of a file: {French msgid: English msgstr}, empty ones left out."""
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


def fill(po, english):
    """Fill an exported PO file with the English of `english` (by msgid). Its translation id
    is dropped: the import of a file naming another translation is silently ignored."""
    po.metadata.pop("X-WagtailLocalize-TranslationID", None)
    for entry in po:
        if not entry.obsolete and entry.msgid in english:
            entry.msgstr = english[entry.msgid]
    return po


def translate_page(page, path, user=None):
    """Submit one French page to English, import its PO file, publish. Returns the
    wagtail-localize Translation."""
    from wagtail_localize.models import Translation, TranslationSource
    from wagtail_localize.operations import TranslationCreator

    english = Locale.objects.get(language_code="en")
    TranslationCreator(user, [english]).create_translations(page)
    source = TranslationSource.objects.get_for_instance(page)
    translation = Translation.objects.get(source=source, target_locale=english)
    translation.import_po(fill(translation.export_po(), english_by_msgid(path)), user=user)
    publish(translation, user=user)
    return translation


def publish(translation, user=None):
    """What save_target(publish=True) does, without waiting for the commit: wagtail-localize
    defers the publication to `transaction.on_commit` with the page object of that moment. In
    one transaction (load_demo, a test), the English home is published after its children
    were created below it, and its stale object writes `numchild = 0` back: treebeard then
    takes it for a leaf and every English page below it is a 404. So: save the draft, then
    publish its revision read afresh."""
    translation.save_target(user=user, publish=False)
    page = translation.get_target_instance()
    page.get_latest_revision().publish(user=user)
    return page


def snippet_po_files():
    """The English of the demo's snippets (themes, audiences, glossary terms…):
    `<app>/demo_data/<data file>.en.po`, beside the French data file."""
    found = []
    for app_config in apps.get_app_configs():
        found += sorted((Path(app_config.path) / "demo_data").glob("*.en.po"))
    return found


def translate_snippets(user=None):
    """The snippets submitted to English with the pages (wagtail-localize copies them with
    their French text) get their English the same way: the translation's PO exported, its
    untranslated entries filled from the snippet files, imported, saved. A segment a
    translator already translated is kept. Returns how many snippets were saved."""
    from wagtail_localize.models import Translation

    english = {}
    for path in snippet_po_files():
        english.update(english_by_msgid(path))
    saved = 0
    for translation in Translation.objects.filter(
        target_locale__language_code="en", enabled=True
    ).select_related("source__specific_content_type"):
        if issubclass(translation.source.specific_content_type.model_class(), Page):
            continue
        po = translation.export_po()
        po.metadata.pop("X-WagtailLocalize-TranslationID", None)
        filled = False
        for entry in po:
            if not entry.obsolete and not entry.msgstr and entry.msgid in english:
                entry.msgstr = english[entry.msgid]
                filled = True
        if filled:
            translation.import_po(po, user=user)
            translation.save_target(user=user)
            saved += 1
    return saved


def submit_taxonomy(english, user=None):
    """Audiences and themes to English: wagtail-localize submits a page's snippets that blocks
    and foreign keys name, not those of its many-to-many fields, so the path « Pour qui »
    would stay French. Their English then comes from taxonomie.en.po (translate_snippets)."""
    from wagtail_localize.models import Translation
    from wagtail_localize.operations import TranslationCreator

    from content.models import Audience, Theme

    for model in (Audience, Theme):
        done = Translation.objects.filter(
            target_locale=english, source__specific_content_type__model=model._meta.model_name
        ).values("source__object_id")
        terms = model.objects.filter(locale__language_code="fr").exclude(translation_key__in=done)
        creator = TranslationCreator(user, [english])
        for term in terms:
            creator.create_translations(term)


def load(user=None, only=None):
    """Translate every page that has a PO file and no English translation yet (an existing one
    is the translators' and left as it is); `only`: these paths and their ancestors (tests).
    Returns a summary."""
    from wagtail_localize.models import Translation

    english = Locale.objects.get_or_create(language_code="en")[0]
    made = 0
    wanted = [
        (french_page(url_path), path)
        for url_path, path in po_files()
        if only is None or any(item.startswith(url_path) for item in only)
    ]
    # In the French tree's order (parents first, then siblings in order): wagtail-localize
    # adds each translated page as the last child of its parent's translation.
    for page, path in sorted(wanted, key=lambda item: item[0].path):
        if Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=english
        ).exists():
            continue
        translate_page(page, path, user=user)
        made += 1
    submit_taxonomy(english, user=user)
    snippets = translate_snippets(user=user)
    return f"{made} English page(s) published from PO files, {snippets} snippet(s) translated"
