"""How a search result reads: excerpt around the query words, the page's searchable text
(read from the stored blocks, without lookups), type, level and audience labels."""

import re

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from search.facets import model_field
from search.text import normalise_term, query_words, strip_accents


def excerpt(text, query_text, width=220):
    """Plain-text excerpt around the first query word, matches wrapped in <mark>. Matching
    ignores accents and case, and accepts a common prefix (a rough stem)."""
    if not text:
        return ""
    text = " ".join(text.split())
    folded = strip_accents(text).lower()
    stems = [normalise_term(w)[: max(4, len(w) - 2)] for w in query_words(query_text)]
    stems = [s for s in stems if len(s) >= 2]
    if not stems:
        return conditional_escape(text[:width] + ("…" if len(text) > width else ""))
    pattern = re.compile(r"\b(" + "|".join(re.escape(s) for s in stems) + r")\w*")
    first = pattern.search(folded)
    start = 0 if first is None else max(0, first.start() - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first.start() else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    pieces, pos = [], start
    for m in pattern.finditer(folded, start, end):
        m_end = min(m.end(), end)
        pieces.append(conditional_escape(text[pos : m.start()]))
        pieces.append(mark_safe(f"<mark>{conditional_escape(text[m.start() : m_end])}</mark>"))
        pos = m_end
    pieces.append(conditional_escape(text[pos:end]))
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(str(p) for p in pieces) + suffix)


def page_text(page):
    """The page's searchable text besides title and summary (its `SearchField`s), as plain
    text, for excerpts. Works with any backend (nothing is read back from the index)."""
    from django.utils.html import strip_tags
    from wagtail.search import index

    parts = []
    for fld in page.get_search_fields():
        if not isinstance(fld, index.SearchField):
            continue
        name = fld.field_name
        if name in ("title", "summary") or not isinstance(name, str):
            continue
        value = getattr(page, name, None)
        if value is None:
            continue
        if hasattr(value, "stream_block"):
            parts.extend(str(t) for t in raw_searchable_content(value.stream_block, value.raw_data))
        elif isinstance(value, str):
            parts.append(value)
    return " ".join(strip_tags(p) for p in parts)


def raw_searchable_content(block, raw):
    """``block.get_searchable_content(block.to_python(raw))`` read from the stored data,
    without looking up what chooser blocks point to (a glossary term, an H5P activity, a
    page: one query each per page otherwise). A chooser adds no text of its own (Wagtail's
    ``Block.get_searchable_content``); every other block gives the same text as Wagtail's
    walk. A block type that overrides the walk is asked with its real value, unless it says
    its text does not depend on it (``search_content_needs_value = False``)."""
    from wagtail import blocks

    from content.blocks.base import TEXT_BLOCKS, BaseStructBlock, TextOnlySearchMixin

    if raw is None and not isinstance(block, blocks.FieldBlock):
        return block.get_searchable_content(block.to_python(raw))
    if not getattr(block, "search_index", True):
        return []
    method = type(block).get_searchable_content
    if getattr(block, "search_content_needs_value", True) is False:
        return block.get_searchable_content(None)
    if isinstance(block, blocks.ChooserBlock) and method is blocks.Block.get_searchable_content:
        return []
    if (
        isinstance(block, blocks.StreamBlock)
        and method is blocks.StreamBlock.get_searchable_content
    ):
        content = []
        for item in raw:
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                content.extend(raw_searchable_content(child, item.get("value")))
        return content
    if isinstance(block, blocks.ListBlock) and method is blocks.ListBlock.get_searchable_content:
        content = []
        for item in raw:
            # Stored as {"type": "item", "value": …, "id": …} (or a bare value, older data).
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                item = item["value"]
            content.extend(raw_searchable_content(block.child_block, item))
        return content
    text_only = method is TextOnlySearchMixin.get_searchable_content
    if isinstance(block, blocks.StructBlock) and (
        text_only or method is blocks.StructBlock.get_searchable_content
    ):
        content = []
        for name, child in block.child_blocks.items():
            if text_only and isinstance(child, blocks.ChoiceBlock | blocks.MultipleChoiceBlock):
                continue
            value = raw.get(name) if isinstance(raw, dict) else None
            if isinstance(block, BaseStructBlock) and isinstance(child, TEXT_BLOCKS):
                value = "" if value is None else value  # as BaseStructBlock reads it
            elif not isinstance(raw, dict) or name not in raw:
                content.extend(child.get_searchable_content(child.get_default()))
                continue
            content.extend(raw_searchable_content(child, value))
        return content
    return block.get_searchable_content(block.to_python(raw))


def body_texts(pages):
    return {page.pk: page_text(page) for page in pages}


def result_labels(page, audiences=None):
    """Type, level and audience labels for a result, from whatever the page type has. The
    audiences come from `audiences` ({page id: names}, read with the facets) when given."""
    # Every key present: a missing one costs the template a dir() of the dict.
    labels = {
        "type": getattr(page, "search_result_label", None) or page._meta.verbose_name,
        "level": "",
        "audiences": [],
    }
    level = model_field(type(page), ("level",))
    if level is not None and getattr(page, "level", None):
        labels["level"] = getattr(page, "get_level_display", lambda: page.level)()
    field_ = model_field(type(page), ("audiences",))
    if field_ is not None:
        labels["audiences"] = (
            list(audiences.get(page.pk, []))
            if audiences is not None
            else [str(a) for a in page.audiences.all()]
        )
    return labels
