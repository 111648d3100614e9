import pytest
from django.db import transaction
from django.test import TestCase


@pytest.fixture(scope="module")
def english_demo(django_db_setup, django_db_blocker):
    """The English demo (content/demo_english.py), loaded once for a module's tests: about 40 s
    a load, where each test used to load it again. Loaded in a transaction left open for the
    module, so each test's own transaction is a savepoint inside it (as Django's TestCase does
    for setUpTestData) and the module's end rolls the English pages back. Returns the English
    pages' URLs."""
    from wagtail.models import Locale

    from content import demo_english
    from tests.conftest import ensure_demo_site

    with django_db_blocker.unblock():
        ensure_demo_site()
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            # wagtail-localize publishes on commit, which this transaction never reaches.
            with TestCase.captureOnCommitCallbacks(execute=True):
                demo_english.load()
            english = Locale.objects.get(language_code="en")
            urls = [
                demo_english.french_page(path).get_translation(english).get_url()
                for path, _ in demo_english.po_files()
            ]
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    yield urls
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
