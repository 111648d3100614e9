from .alerts import ScamAlertIndexPage, ScamAlertPage
from .campaigns import (
    CampaignCounter,
    CampaignIndexPage,
    CampaignKit,
    CampaignPage,
    CampaignPartner,
    ShortLink,
)
from .events import EventIndexPage, EventPage, Occurrence, Registration

__all__ = [
    "CampaignCounter",
    "CampaignIndexPage",
    "CampaignKit",
    "CampaignPage",
    "CampaignPartner",
    "EventIndexPage",
    "EventPage",
    "Occurrence",
    "Registration",
    "ScamAlertIndexPage",
    "ScamAlertPage",
    "ShortLink",
]
