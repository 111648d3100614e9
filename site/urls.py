from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls

from content.views import quiz_check
from lessons import urls as lessons_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("progression/", include(lessons_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),
]

if settings.SERVE_MEDIA:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Domain apps add their own URLs here (before Wagtail's catch-all page serving).
urlpatterns += i18n_patterns(
    path("quiz/<int:page_id>/", quiz_check, name="quiz_check"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "capnum.views.page_not_found"
handler500 = "capnum.views.server_error"
