"""What the page cache forgets when editors change something (see docs/page-cache.md).

* A page published, unpublished or deleted: its own URL (with its routes: kit, classroom
  mode...), its ancestors (hubs and listings show it), its translations (language switcher)
  and the pages that link to it (Wagtail's reference index). If it is a menu entry and its
  title, slug or visibility changed, or if its title changed and it has children (their
  breadcrumbs), more: the whole site or its subtree.
* A page moved: the whole site (every URL of the subtree changes, and breadcrumbs).
* A site setting (footer, identity): the whole site.
* A snippet: the pages that use it and their ancestors; a snippet type shown on every page,
  or applied by text rather than by reference (``page_cache_site_wide = True``), the site.

A reverse proxy or CDN configured with ``wagtail.contrib.frontend_cache`` is purged with
the same URLs, in a background task.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move

from content.cache import purge_paths, purge_site


def page_path(page):
    parts = page.get_url_parts()
    return parts[2] if parts else None


def pages_to_paths(pages):
    return {path for path in (page_path(p) for p in pages) if path}


def referencing_pages(obj):
    """Pages whose content links to ``obj``; None when a non-page object (a setting, a
    snippet shown everywhere) links to it, which means: purge the site."""
    pages = []
    for source_type, ids in _references_by_type(obj).items():
        model = source_type.model_class()
        if model is None:
            continue
        if not issubclass(model, Page):
            return None
        pages.extend(Page.objects.filter(pk__in=ids).only("id", "url_path", "path", "depth"))
    return pages


def _references_by_type(obj):
    by_type = {}
    for ref in ReferenceIndex.get_references_to(obj).select_related("base_content_type"):
        by_type.setdefault(ref.base_content_type, set()).add(ref.object_id)
    return by_type


def purge_page(page):
    """The page and what shows it, as described above."""
    page = page.specific if type(page) is Page else page
    before = getattr(page, "_page_cache_before", None)
    if _changes_every_page(page, before):
        purge_site()
        _purge_frontend(None)
        return
    related = referencing_pages(page)
    if related is None:
        purge_site()
        _purge_frontend(None)
        return
    pages = [page, *page.get_ancestors().filter(depth__gt=1), *related]
    pages += list(page.get_translations())
    if before and before[0] != page.title and page.numchild:
        pages += list(page.get_descendants().only("id", "url_path", "path", "depth"))
    paths = pages_to_paths(pages)
    if before and before[1] != page.url_path:
        paths.add(_old_path(page, before[1]))
    purge_paths(paths)
    _purge_frontend(paths)


def _changes_every_page(page, before):
    """A menu entry (a child of a site root) whose menu label, URL or visibility changed."""
    if page.depth != 3 or before is None:
        return before is None and page.depth == 3 and page.show_in_menus
    return before != (page.title, page.url_path, page.show_in_menus, page.live)


def _old_path(page, old_url_path):
    new = page_path(page)
    if not new:
        return None
    # Same site root: swap the tail of the url_path that changed.
    suffix = page.url_path
    common = 0
    while common < min(len(suffix), len(old_url_path)) and suffix[common] == old_url_path[common]:
        common += 1
    head = new[: len(new) - (len(suffix) - common)]
    return head + old_url_path[common:]


def remember_before(sender, instance, **kwargs):
    """The live state before a save, to tell a menu or title change from a content change."""
    if not isinstance(instance, Page) or instance.pk is None:
        return
    instance._page_cache_before = (
        Page.objects.filter(pk=instance.pk)
        .values_list("title", "url_path", "show_in_menus", "live")
        .first()
    )


def on_published(sender, instance, **kwargs):
    purge_page(instance)


def on_unpublished(sender, instance, **kwargs):
    purge_page(instance)


def on_moved(sender, instance, **kwargs):
    purge_site()
    _purge_frontend(None)


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        purge_page(instance)


def on_object_changed(sender, instance, **kwargs):
    """Site settings and snippets (Page subclasses go through the Wagtail signals)."""
    if isinstance(instance, Page):
        return
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.snippets.models import get_snippet_models

    if isinstance(instance, BaseSiteSetting | BaseGenericSetting) or getattr(
        instance, "page_cache_site_wide", False
    ):
        purge_site()
        _purge_frontend(None)
        return
    if type(instance) not in get_snippet_models():
        return
    related = referencing_pages(instance)
    if related is None:
        purge_site()
        _purge_frontend(None)
        return
    pages = list(related)
    for page in related:
        pages += list(page.get_ancestors().filter(depth__gt=1))
    paths = pages_to_paths(pages)
    purge_paths(paths)
    _purge_frontend(paths)


def _purge_frontend(paths):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from content.tasks import purge_frontend_cache

    purge_frontend_cache.enqueue(sorted(p for p in paths if p) if paths is not None else None)


def connect():
    pre_save.connect(remember_before, dispatch_uid="page_cache_before")
    page_published.connect(on_published, dispatch_uid="page_cache_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="page_cache_moved")
    pre_delete.connect(on_page_deleted, dispatch_uid="page_cache_deleted")
    post_save.connect(on_object_changed, dispatch_uid="page_cache_object_saved")
    post_delete.connect(on_object_changed, dispatch_uid="page_cache_object_deleted")
