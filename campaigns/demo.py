"""Demo content of the campaigns app (events; campaigns are added by their own loader)."""

from campaigns import demo_events


def load():
    return demo_events.load()
