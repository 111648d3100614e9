from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from content.config_cache import public

from .base import BaseStructBlock, TextOnlySearchMixin


class LinkBlock(BaseStructBlock):
    """A link to a page of the site or to an external address: exactly one of the two."""

    page = blocks.PageChooserBlock(required=False, label=_("page du site"))
    url = blocks.URLBlock(required=False, label=_("ou adresse externe"))
    label = blocks.CharBlock(
        max_length=80,
        label=_("intitulé du lien"),
        help_text=_(
            "Dit où mène le lien, par exemple « S'inscrire à l'atelier » (pas « cliquez ici »)."
        ),
    )

    class Meta:
        icon = "link"
        label = _("Lien")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Choisissez une page ou saisissez une adresse, pas les deux.")
                    )
                }
            )
        return value


class FooterLinkBlock(LinkBlock):
    class Meta:
        icon = "link"
        label = _("Lien de pied de page")


class SocialLinkBlock(TextOnlySearchMixin, BaseStructBlock):
    network = blocks.ChoiceBlock(
        choices=[
            ("facebook", "Facebook"),
            ("instagram", "Instagram"),
            ("linkedin", "LinkedIn"),
            ("youtube", "YouTube"),
            ("mastodon", "Mastodon"),
            ("other", _("Autre")),
        ],
        label=_("réseau"),
    )
    url = blocks.URLBlock(label=_("adresse"))
    label = blocks.CharBlock(
        max_length=80, label=_("intitulé"), help_text=_("Par exemple « Le CRIAC sur Facebook ».")
    )

    class Meta:
        icon = "globe"
        label = _("Réseau social")


def other_content_languages():
    """The content languages but the site's own (French): those a setting may be given in."""
    from django.conf import settings

    return [
        (code, name)
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


class TaglineTranslationBlock(BaseStructBlock):
    """The site's tagline in another language: Wagtail's site settings cannot be translated
    through wagtail-localize, so the setting holds one per language."""

    language = blocks.ChoiceBlock(choices=other_content_languages, label=_("langue"))
    tagline = blocks.CharBlock(
        max_length=200,
        label=_("accroche"),
        help_text=_(
            "L'accroche traduite, affichée sous le nom du site sur les pages de cette langue."
        ),
    )

    class Meta:
        icon = "globe"
        label = _("Accroche dans une autre langue")


class CallToActionBlock(LinkBlock):
    text = blocks.CharBlock(
        required=False, max_length=200, label=_("phrase d'accroche (facultative)")
    )

    class Meta:
        icon = "pick"
        label = _("Appel à l'action")
        template = "content/blocks/call_to_action.html"
        help_text = _("Un bouton bien visible vers la prochaine étape.")
        preview_value = {
            "url": "https://example.org",
            "label": "Trouver un atelier près de chez moi",
            "text": "Besoin d'aide ? Un médiateur numérique peut vous accompagner.",
        }
        description = _("Un bouton vers une page ou une adresse.")


class SectionPagesBlock(BaseStructBlock):
    """The pages of a section of the site, listed on another page: the school modules on the
    teachers' hub, the campaigns on the communicators' one. Read when the page is shown, so a
    new module or campaign appears there without editing the hub."""

    MAX_PAGES = 12

    title = blocks.CharBlock(max_length=120, label=_("titre"))
    section = blocks.PageChooserBlock(
        label=_("rubrique"), help_text=_("Ses pages publiées sont listées, dans leur ordre.")
    )
    link_label = blocks.CharBlock(
        required=False,
        max_length=80,
        label=_("intitulé du lien vers la rubrique"),
        help_text=_("Facultatif, par exemple « Tous les modules d'intervention »."),
    )
    anchor = blocks.CharBlock(
        required=False,
        max_length=40,
        label=_("ancre du lien"),
        help_text=_(
            "Facultatif : la partie de la page de la rubrique où mène le lien, par exemple "
            "« calendrier »."
        ),
    )

    class Meta:
        icon = "list-ul"
        label = _("Pages d'une rubrique")
        template = "content/blocks/section_pages.html"
        help_text = _("Liste les pages d'une rubrique (titre et résumé), tenue à jour toute seule.")

    # Navigation, not content: a hub listing the scam alerts is not a page about scams.
    search_content_needs_value = False  # search excerpts need not look the section up

    def get_searchable_content(self, value):
        return []

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        section = value.get("section")
        fetched = (parent_context or {}).get("section_pages") or {}
        if section is None:
            context["pages"] = []
        elif section.pk in fetched:
            context["pages"] = fetched[section.pk][: self.MAX_PAGES]
        else:
            context["pages"] = list(
                public(section.get_children().live()).specific()[: self.MAX_PAGES]
            )
        return context


def children_in_bulk(parents, stream=None, limit=SectionPagesBlock.MAX_PAGES):
    """The live, public children of ``parents`` (all of them) and of the sections listed by
    the « Pages d'une rubrique » blocks of ``stream`` (the first ``limit`` of each), as
    specific pages, in one query plus one per page type whatever the number of sections:
    {parent id: [pages in tree order]}. A page puts it in its context as ``section_pages``."""
    from django.db.models import Q
    from wagtail.models import Page

    sections = []
    for child in stream or []:
        if child.block_type == "section_pages" and child.value.get("section") is not None:
            sections.append(child.value["section"])
    by_parent = {parent.pk: [] for parent in [*parents, *sections]}
    parent_of = {parent.path: parent.pk for parent in [*parents, *sections]}
    # No query for pages without children (as treebeard's get_children).
    parents = [parent for parent in parents if parent.numchild]
    sections = [section for section in sections if section.numchild]
    if not parents and not sections:
        return by_parent
    condition = Q()
    for parent in parents:
        condition |= Q(path__startswith=parent.path, depth=parent.depth + 1)
    for section in sections:
        first = public(section.get_children().live()).order_by("path").values("pk")[:limit]
        condition |= Q(pk__in=first)
    pages = public(Page.objects.live().filter(condition)).order_by("path").specific()
    for page in pages:
        parent_pk = parent_of.get(page.path[: -Page.steplen])
        if parent_pk is not None:
            by_parent[parent_pk].append(page)
    return by_parent
