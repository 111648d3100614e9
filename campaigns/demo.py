"""Demo content of the campaigns app (the events demo is merged here by the lead)."""

from . import demo_campaigns


def load():
    return demo_campaigns.load()
