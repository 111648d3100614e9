"""The base of every struct block of the site."""

from wagtail import blocks

# Children whose empty value is the empty string (what the admin form saves).
TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock)


class BaseStructBlock(blocks.StructBlock):
    """A struct block whose optional text children read "" when the stored value lacks them.

    Wagtail fills a missing child with its default, None for a text block: stored data
    without the key (data-file demo content, or content saved before the field existed)
    then gives None where the admin gives "". wagtail-localize refuses None as a segment
    (« Traduire cette page » answered 500 on every lesson), and templates would have to test
    both. Only this class's methods change, not its construction, so no migration follows.
    """

    def _text_defaults(self, value):
        for name, child in self.child_blocks.items():
            if isinstance(child, TEXT_BLOCKS) and value.get(name) is None:
                value[name] = ""
        return value

    def to_python(self, value):
        return self._text_defaults(super().to_python(value))

    def bulk_to_python(self, values):
        return [self._text_defaults(value) for value in super().bulk_to_python(values)]

    def get_default(self):
        return self._text_defaults(super().get_default())


class TextOnlySearchMixin:
    """For a struct block: index its text, not its settings. Wagtail indexes a choice as its
    label, so « Titre de section (niveau 2) » or « Astuce » went into the index and opened
    search excerpts."""

    def get_searchable_content(self, value):
        content = []
        for name, block in self.child_blocks.items():
            if isinstance(block, blocks.ChoiceBlock | blocks.MultipleChoiceBlock):
                continue
            content.extend(block.get_searchable_content(value.get(name)))
        return content
