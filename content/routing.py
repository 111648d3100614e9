"""Page routing in two queries instead of two per level of the URL (docs/queries.md).

Wagtail routes ``/a/b/c/`` from the site root down: for each level, one query for the child
with that slug and one for its specific row, so a lesson five levels deep costs seven
queries before its own. Here one query fetches every page whose ``url_path`` is a prefix of
the requested one (the same pages Wagtail's walk visits: url_path is their slugs from the
site root), then only the page that answers is fetched as its specific type. The ancestors
found on the way are kept on the page for the breadcrumbs and the view-restriction check.

Routing stays Wagtail's wherever a page type decides it: a routable page (its own routes
come before its children's slugs, as in ``RoutablePageMixin.route``) or any page type that
overrides ``route()`` is asked to route the rest of the path itself, and a path with no
matching page falls back to the deepest page found. The result goes where Wagtail's
``Page.route_for_request`` keeps it on the request, so its ``serve`` view, hooks
(``before_serve_page``, view restrictions) and ``Page.find_for_request`` use it unchanged.
"""

from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from content.config_cache import active_locale, find_site, localized_root_translation

# Page.route itself and RoutablePageMixin.route: the two routings this module reproduces.
_PLAIN_ROUTES = {Page.route}
_ROUTABLE_ROUTE = RoutablePageMixin.route


def serve(request, path):
    """Wagtail's ``serve`` view, with the route found by :func:`route_for_request`."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = route_for_request(request, path)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


def localized_root(site):
    """``site.root_page.localized`` without a query: the locale and the root's live
    translation come from the configuration cache (purged when any page is saved, published,
    unpublished, moved or deleted), so an English page costs what its French page does."""
    root = site.root_page
    locale = active_locale()
    if locale is None or locale.id == root.locale_id:
        return root
    return localized_root_translation(site, locale) or root


def route_for_request(request, path):
    site = find_site(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    root = localized_root(site)
    chain = [root, *_descendants_on_path(root, components)]
    # Walk down as Wagtail does, without a query, while the pages route by slug.
    depth = 0
    while depth < len(chain) - 1:
        page_class = chain[depth].specific_class
        route = getattr(page_class, "route", None)
        if route is _ROUTABLE_ROUTE and _routable_matches(chain[depth], components[depth:]):
            break
        if route not in _PLAIN_ROUTES and route is not _ROUTABLE_ROUTE:
            break  # a page type with its own routing decides the rest
        depth += 1
    page = chain[depth]
    specific = page.specific
    if depth:
        specific._cached_parent_obj = chain[depth - 1]
    specific._route_ancestors = chain[:depth]
    return specific.route(request, components[depth:])


def _descendants_on_path(root, components):
    """The pages below ``root`` whose URL paths are the successive prefixes of the path, in
    order, stopping at the first missing level (or at a level Wagtail could not tell apart:
    two siblings with one slug, which its ``get(slug=…)`` refuses too)."""
    if not components:
        return []
    prefixes = []
    url_path = root.url_path
    for component in components:
        url_path += f"{component}/"
        prefixes.append(url_path)
    by_depth = {}
    for page in Page.objects.filter(
        path__startswith=root.path,
        depth__gt=root.depth,
        depth__lte=root.depth + len(components),
        url_path__in=prefixes,
    ):
        by_depth.setdefault(page.depth, []).append(page)
    chain = []
    for offset in range(1, len(components) + 1):
        found = by_depth.get(root.depth + offset, [])
        if len(found) != 1:
            break
        page = found[0]
        if chain and not page.path.startswith(chain[-1].path):
            break
        chain.append(page)
    return chain


def _routable_matches(page, components):
    """Whether a routable page answers the rest of the path with one of its own routes (it
    then takes precedence over a child with that slug), as ``RoutablePageMixin.route``."""
    if not page.live:
        return False
    path = "/" + "".join(f"{component}/" for component in components)
    try:
        page.specific_class.get_resolver().resolve(path)
    except Http404:
        return False
    return True
