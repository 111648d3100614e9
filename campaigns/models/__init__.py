from .events import EventIndexPage, EventPage, Occurrence, Registration

__all__ = ["EventIndexPage", "EventPage", "Occurrence", "Registration"]
