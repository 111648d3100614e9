from .alerts import ScamAlertIndexPage, ScamAlertPage
from .calendar import NationalDayDate
from .campaigns import (
    CampaignCounter,
    CampaignIndexPage,
    CampaignKit,
    CampaignPage,
    CampaignPartner,
)
from .events import EventIndexPage, EventPage, Occurrence
from .registrations import Registration
from .shortlinks import ShortLink

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
