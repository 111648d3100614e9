from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template (QueryDict or dict); '' when missing."""
    try:
        return mapping.get(key, "")
    except AttributeError:
        return ""
