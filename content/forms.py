"""Pieces shared by the public forms of every app."""


class DescribedFieldsMixin:
    """Ties each field to its help text and error message, and marks invalid fields, so a
    screen reader reads them with the field (WCAG 1.3.1, 3.3.1). The ids are the ones
    `content/includes/form_field.html` renders: "<field id>-aide" and "<field id>-erreur".
    Call `describe_fields()` at the end of `__init__`; on a bound form it validates."""

    def describe_fields(self):
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            described = []
            if field.help_text:
                described.append(f"{auto_id}-aide")
            if self.is_bound and name in self.errors:
                described.append(f"{auto_id}-erreur")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)
