"""Demo content of the campaigns app: events first, then the campaigns that link to them."""

from campaigns import demo_campaigns, demo_events


def load():
    return f"{demo_events.load()}; {demo_campaigns.load()}"
