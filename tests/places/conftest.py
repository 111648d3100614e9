import datetime
import zoneinfo
from unittest import mock

import pytest
from wagtail.models import Locale

from content.models import Place

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture
def french():
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def clock():
    """Freeze Django's clock: clock(2026, 12, 2, 10) is Wednesday 2 December, 10 h in Paris."""
    patches = []

    def freeze(*args):
        moment = datetime.datetime(*args, tzinfo=PARIS)
        patcher = mock.patch("django.utils.timezone.now", return_value=moment)
        patcher.start()
        patches.append(patcher)
        return moment

    yield freeze
    # Last started, first stopped: in start order, the second patch would put the first back.
    for patcher in reversed(patches):
        patcher.stop()


@pytest.fixture
def make_place(french):
    def make(nom, **fields):
        values = {
            "adresse": "1 rue des Essais",
            "code_postal": "62200",
            "commune": "Boulogne-sur-Mer",
            "code_insee": "62160",
            "locale": french,
            **fields,
        }
        return Place.objects.create(nom=nom, **values)

    return make
