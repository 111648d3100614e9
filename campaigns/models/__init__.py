from .alerts import ScamAlertIndexPage, ScamAlertPage
from .campaigns import (
    CampaignCounter,
    CampaignIndexPage,
    CampaignKit,
    CampaignPage,
    CampaignPartner,
    ShortLink,
)

__all__ = [
    "CampaignCounter",
    "CampaignIndexPage",
    "CampaignKit",
    "CampaignPage",
    "CampaignPartner",
    "ScamAlertIndexPage",
    "ScamAlertPage",
    "ShortLink",
]
