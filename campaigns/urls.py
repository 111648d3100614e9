from django.urls import path, re_path

from .feeds import ScamAlertAtomFeed, ScamAlertRssFeed
from .views import campaigns as views

app_name = "campaigns"

urlpatterns = [
    path("c/vue/<int:page_id>.gif", views.view_counter, name="view_counter"),
    path("c/kit/<int:page_id>/<str:name>", views.kit_file, name="kit_file"),
    re_path(r"^c/(?P<code>[-\w]+)\.(?P<kind>svg|png)$", views.qr_code, name="qr_code"),
    path("c/<slug:code>", views.short_link, name="short_link"),
    path("alertes-arnaques/rss.xml", ScamAlertRssFeed(), name="alerts_rss"),
    path("alertes-arnaques/atom.xml", ScamAlertAtomFeed(), name="alerts_atom"),
]
