from .alerts import ScamAlertIndexPage, ScamAlertPage
from .calendar import NationalDayDate
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
    "NationalDayDate",
    "Occurrence",
    "Registration",
    "ScamAlertIndexPage",
    "ScamAlertPage",
    "ShortLink",
]
