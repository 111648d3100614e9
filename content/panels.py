"""Admin panels with French wording of our own where Wagtail's catalogue falls short."""

from wagtail.admin.panels import FieldPanel
from wagtail.admin.panels import InlinePanel as WagtailInlinePanel
from wagtail.admin.panels import PublishingPanel as WagtailPublishingPanel
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

# Wagtail's picker, on leaving the field, replaces text it cannot parse with the current time
# (« 21/01/2027 14h00 » became "now"): here the text stays as typed and the server parses it
# (capnum.formats, capnum.admin_dates). The calendar opens in the flow under its field
# (static/css/admin.css) instead of floating over the next field and the save button.
PICKER_CONFIG = {"validateOnBlur": False, "insideParent": True}


class TypedDateTimeInput(AdminDateTimeInput):
    def get_config(self):
        return {**super().get_config(), **PICKER_CONFIG}


class TypedDateInput(AdminDateInput):
    def get_config(self):
        return {**super().get_config(), **PICKER_CONFIG}


class PublishingPanel(WagtailPublishingPanel):
    """The scheduling dialog's two dates, with the typed-date picker above."""

    def __init__(self, **kwargs):
        dialog_attrs = {
            "data-controller": "w-action",
            "data-action": "w-dialog:hidden->w-action#reset",
            "data-w-dialog-target": "notify",
        }
        kwargs.setdefault(
            "children",
            [
                FieldPanel(name, widget=TypedDateTimeInput(attrs=dialog_attrs))
                for name in ("go_live_at", "expire_at")
            ],
        )
        super().__init__(**kwargs)


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
