from .directory import PlaceDirectoryPage
from .feedback import PageFeedback
from .glossary import Glossary
from .h5p import H5PActivity
from .outdated_names import OutdatedName
from .pages import BasePage, HomePage, StandardPage
from .places import Place
from .ratelimit import RateCounter
from .settings import SiteIdentity
from .taxonomy import Audience, AudienceThemeMixin, Organisation, Theme, terms_in_locale

__all__ = [
    "Audience",
    "AudienceThemeMixin",
    "BasePage",
    "Glossary",
    "H5PActivity",
    "HomePage",
    "Organisation",
    "OutdatedName",
    "PageFeedback",
    "Place",
    "PlaceDirectoryPage",
    "RateCounter",
    "SiteIdentity",
    "StandardPage",
    "Theme",
    "terms_in_locale",
]
