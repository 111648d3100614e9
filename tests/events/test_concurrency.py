"""Capacity under concurrent requests: real transactions in 20 threads, each with its own
database connection, on a transactional database (the threads must see committed rows).
The flush at the end of a transactional test empties the database, so the demo site is reloaded
afterwards for the tests that follow."""

import threading

import pytest
from django.db import connection, connections

from campaigns.models import Registration

from .factories import make_agenda, make_event


@pytest.fixture
def reload_demo_afterwards(django_db_blocker):
    """Requested before transactional_db, so it is torn down after the flush."""
    yield
    from tests.conftest import ensure_demo_site

    with django_db_blocker.unblock():
        ensure_demo_site()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="The issue asks for this on PostgreSQL: SQLite has no row locks "
    "(select_for_update is a no-op there). Run with DATABASE_URL=postgres://...",
)
def test_twenty_concurrent_registrations_for_five_seats(reload_demo_afterwards, transactional_db):
    from content.demo import get_home

    event = make_event(make_agenda(get_home()), capacity=5)
    occurrence = event.occurrences.get()
    barrier = threading.Barrier(20)
    errors = []

    def register(number):
        try:
            barrier.wait()
            Registration.register(
                occurrence.pk, name=f"P{number}", email=f"p{number}@example.org", seats=1
            )
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    registrations = list(occurrence.registrations.order_by("created_at", "pk"))
    assert len(registrations) == 20
    assert len({r.email for r in registrations}) == 20
    confirmed = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
    waiting = [r for r in registrations if r.status == Registration.Status.WAITING]
    assert len(confirmed) == 5
    assert len(waiting) == 15
    assert occurrence.confirmed_seats() == 5

    confirmed[0].cancel()
    waiting[0].refresh_from_db()
    assert waiting[0].status == Registration.Status.CONFIRMED
    assert all(
        Registration.objects.get(pk=r.pk).status == Registration.Status.WAITING for r in waiting[1:]
    )
    assert occurrence.confirmed_seats() == 5
