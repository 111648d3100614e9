from django.core.exceptions import ValidationError
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .h5p import H5PActivityBlock
from .help import HelpNumbersBlock
from .links import CallToActionBlock, SectionPagesBlock
from .media import DocumentBlock, ImageBlock, VideoBlock
from .places import NearbyHelpBlock
from .structure import AccordionBlock, TableBlock
from .text import CalloutBlock, HeadingBlock, QuoteBlock, RichTextBlock


def validate_heading_outline(stream_value, first_level=2):
    """Errors keyed by block index where a heading skips a level (the page title is the h1)."""
    errors = {}
    previous = first_level - 1
    for index, child in enumerate(stream_value):
        if child.block_type != "heading":
            continue
        level = int(child.value["level"][1])
        if level > previous + 1:
            errors[index] = ValidationError(
                _(
                    "Ce titre de niveau %(level)s ne peut pas suivre un titre de niveau "
                    "%(previous)s : choisissez le niveau %(allowed)s au plus."
                )
                % {"level": level, "previous": previous, "allowed": previous + 1}
            )
        previous = level
    return errors


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = RichTextBlock()
    image = ImageBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    accordion = AccordionBlock()
    table = TableBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()
    quote = QuoteBlock()
    help_numbers = HelpNumbersBlock()
    nearby_help = NearbyHelpBlock()

    class Meta:
        block_counts = {}

    def render_basic(self, value, context=None):
        # Blocks whose HTML carries ids (a heading named by aria-labelledby, a quiz) build
        # them from `block_id`: each child gets its own stream id, so two blocks of a kind on
        # one page never share an id, however the page renders its stream.
        return format_html_join(
            "\n",
            '<div class="block-{1}">{0}</div>',
            [
                (
                    child.render(context={**dict(context or {}), "block_id": child.id}),
                    child.block_type,
                )
                for child in value
            ],
        )

    def clean(self, value):
        value = super().clean(value)
        errors = validate_heading_outline(value)
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value


class StandardStreamBlock(BaseStreamBlock):
    """The body of standard pages: the shared blocks plus interactive H5P activities and the
    pages of another section (an audience hub lists the modules or campaigns for it)."""

    h5p_activity = H5PActivityBlock()
    section_pages = SectionPagesBlock()
