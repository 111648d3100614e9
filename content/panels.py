"""Admin panels with French wording of our own where Wagtail's catalogue falls short."""

from wagtail.admin.panels import InlinePanel as WagtailInlinePanel


class InlinePanel(WagtailInlinePanel):
    """An inline panel whose « add » button says what it adds (« Ajouter un partenaire »).

    Wagtail builds the button from the item label (« Ajouter un(e) partenaire »), which cannot
    agree in gender or number in French; ``add_label`` gives the whole phrase instead.
    """

    def __init__(self, *args, add_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_label = add_label

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs["add_label"] = self.add_label
        return kwargs

    class BoundPanel(WagtailInlinePanel.BoundPanel):
        template_name = "content/panels/inline_panel.html"
