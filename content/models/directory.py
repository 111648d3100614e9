"""The directory page « Trouver de l'aide près de chez moi »: one per site, the list of places
with filters, and each place's own page as a sub-route (/lieux/<slug>/)."""

from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from .pages import BasePage
from .places import Place


class PlaceDirectoryPage(RoutablePageMixin, BasePage):
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Deux ou trois phrases : à qui s'adressent ces lieux, comment s'y rendre."),
    )
    page_size = models.PositiveSmallIntegerField(
        _("lieux par page"),
        default=10,
        help_text=_("Au-delà, la liste continue sur une page suivante."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("page_size")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["content.HomePage"]
    max_count_per_parent = 1
    template = "content/places/directory.html"

    class Meta:
        verbose_name = _("annuaire des lieux")

    def places(self):
        return Place.objects.filter(locale_id=self.locale_id).select_related("organisation")

    @path("")
    def directory(self, request):
        from content.places.maps import allow_tiles
        from content.places.views import directory_context

        return allow_tiles(self.render(request, context_overrides=directory_context(self, request)))

    @path("<slug:slug>/")
    def place(self, request, slug):
        from content.places.views import place_context

        place = get_object_or_404(self.places(), slug=slug)
        if not place.nom:
            raise Http404
        return self.render(
            request,
            template="content/places/place.html",
            context_overrides=place_context(self, request, place),
        )
