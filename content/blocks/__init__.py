"""The shared StreamField block library.

Domain apps extend `BaseStreamBlock` with their own blocks."""

from .learning import (
    GlossaryTermBlock,
    KeyPointsBlock,
    QuestionBlock,
    QuizBlock,
    QuizResult,
    StepsBlock,
    check_quiz,
)
from .links import CallToActionBlock, FooterLinkBlock, LinkBlock, SocialLinkBlock
from .media import DocumentBlock, ImageBlock, VideoBlock
from .streams import BaseStreamBlock, validate_heading_outline
from .structure import AccordionBlock, TableBlock
from .text import CalloutBlock, HeadingBlock, QuoteBlock, RichTextBlock

__all__ = [
    "AccordionBlock",
    "BaseStreamBlock",
    "CallToActionBlock",
    "CalloutBlock",
    "DocumentBlock",
    "FooterLinkBlock",
    "GlossaryTermBlock",
    "HeadingBlock",
    "ImageBlock",
    "KeyPointsBlock",
    "LinkBlock",
    "QuestionBlock",
    "QuizBlock",
    "QuizResult",
    "QuoteBlock",
    "RichTextBlock",
    "SocialLinkBlock",
    "StepsBlock",
    "TableBlock",
    "VideoBlock",
    "check_quiz",
    "validate_heading_outline",
]
