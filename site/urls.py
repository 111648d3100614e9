import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls

from content.feedback import page_feedback
from content.lockouts import PasswordResetView
from content.routing import serve as serve_page
from content.views import quiz_check

urlpatterns = [
    # Wagtail's password reset with rate limits (same address and name, found first).
    path("admin/password_reset/", PasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Language-independent: the sandboxed H5P player and its anonymous counters.
    path("h5p/", include("content.h5p.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),
    # Open data of the places directory and its embed: stable, language-independent addresses.
    path("", include("content.places.urls")),
    # « Nos résultats » and its open data (CSV, JSON): stable, language-independent addresses.
    path("", include("content.indicators.urls")),
    # Short links, QR codes, counters, kit files and alert feeds: language-independent.
    path("", include("campaigns.urls")),
]


def serve_media(request, path):
    # MEDIA_ROOT read per request, not when the URLconf is imported.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.SERVE_MEDIA:
    # static() serves nothing unless DEBUG; SERVE_MEDIA is the explicit switch (embedded
    # set-up and tests, where the sandboxed H5P player fetches its package from /media/).
    urlpatterns += [
        re_path(
            r"^{}(?P<path>.*)$".format(re.escape(settings.MEDIA_URL.lstrip("/"))),
            serve_media,
        )
    ]

# Domain apps add their own URLs here (before Wagtail's catch-all page serving).
urlpatterns += i18n_patterns(
    path("recherche/", include("search.urls")),
    path("quiz/<int:page_id>/", quiz_check, name="quiz_check"),
    path("avis/<int:page_id>/", page_feedback, name="page_feedback"),
    # Resume codes and session reports (the report form is reached from school modules).
    path("", include("lessons.urls")),
    # Wagtail's page serving with fewer routing queries (content/routing.py); same pattern
    # and name, found first.
    re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "capnum.views.page_not_found"
handler500 = "capnum.views.server_error"
