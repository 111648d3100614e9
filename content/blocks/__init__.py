"""The shared StreamField block library.

Domain apps extend `BaseStreamBlock` with their own blocks."""

from .h5p import H5PActivityBlock
from .help import HELP_SERVICES, HelpNumbersBlock
from .learning import (
    GlossaryTermBlock,
    KeyPointsBlock,
    QuestionBlock,
    QuizBlock,
    QuizResult,
    StepsBlock,
    check_quiz,
)
from .links import (
    CallToActionBlock,
    FooterLinkBlock,
    LinkBlock,
    SectionPagesBlock,
    SocialLinkBlock,
    TaglineTranslationBlock,
)
from .media import DocumentBlock, ImageBlock, VideoBlock
from .places import NearbyHelpBlock
from .reference import (
    AlternativesBlock,
    ChecklistBlock,
    FAQBlock,
    HowToStepBlock,
    MythRealityBlock,
    ProblemsBlock,
    SourcesBlock,
    TryItBlock,
)
from .streams import BaseStreamBlock, StandardStreamBlock, validate_heading_outline
from .structure import AccordionBlock, TableBlock
from .text import CalloutBlock, HeadingBlock, QuoteBlock, RichTextBlock

__all__ = [
    "HELP_SERVICES",
    "AccordionBlock",
    "AlternativesBlock",
    "BaseStreamBlock",
    "CallToActionBlock",
    "CalloutBlock",
    "ChecklistBlock",
    "DocumentBlock",
    "FAQBlock",
    "FooterLinkBlock",
    "GlossaryTermBlock",
    "H5PActivityBlock",
    "HeadingBlock",
    "HelpNumbersBlock",
    "HowToStepBlock",
    "ImageBlock",
    "KeyPointsBlock",
    "LinkBlock",
    "MythRealityBlock",
    "NearbyHelpBlock",
    "ProblemsBlock",
    "QuestionBlock",
    "QuizBlock",
    "QuizResult",
    "QuoteBlock",
    "RichTextBlock",
    "SectionPagesBlock",
    "SocialLinkBlock",
    "SourcesBlock",
    "StandardStreamBlock",
    "StepsBlock",
    "TableBlock",
    "TaglineTranslationBlock",
    "TryItBlock",
    "VideoBlock",
    "check_quiz",
    "validate_heading_outline",
]
