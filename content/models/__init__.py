from .glossary import Glossary
from .pages import BasePage, HomePage, StandardPage
from .settings import SiteIdentity
from .taxonomy import Audience, Organisation, Theme

__all__ = [
    "Audience",
    "BasePage",
    "Glossary",
    "HomePage",
    "Organisation",
    "SiteIdentity",
    "StandardPage",
    "Theme",
]
