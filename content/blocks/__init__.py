"""The shared StreamField block library.

Domain apps extend `BaseStreamBlock` with their own blocks."""

from .h5p import H5PActivityBlock
from .links import CallToActionBlock, FooterLinkBlock, LinkBlock, SocialLinkBlock
from .media import DocumentBlock, ImageBlock, VideoBlock
from .streams import BaseStreamBlock, StandardStreamBlock, validate_heading_outline
from .structure import AccordionBlock, TableBlock
from .text import CalloutBlock, HeadingBlock, QuoteBlock, RichTextBlock

__all__ = [
    "AccordionBlock",
    "BaseStreamBlock",
    "CallToActionBlock",
    "CalloutBlock",
    "DocumentBlock",
    "FooterLinkBlock",
    "H5PActivityBlock",
    "HeadingBlock",
    "ImageBlock",
    "LinkBlock",
    "QuoteBlock",
    "RichTextBlock",
    "SocialLinkBlock",
    "StandardStreamBlock",
    "TableBlock",
    "VideoBlock",
    "validate_heading_outline",
]
