"""`manage.py rebuild_search_index`: a full rebuild with progress, after which the index
answers queries again."""

import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Locale
from wagtail.search.models import IndexEntry

from search import query as sq

pytestmark = pytest.mark.django_db


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def canva_hits():
    locale = Locale.objects.get(language_code="fr")
    return sq.run_query(sq.build_query("canva", locale)[0], locale)


def test_rebuild_restores_an_emptied_index_and_prints_progress_lines():
    assert canva_hits()
    IndexEntry.objects.all().delete()
    assert canva_hits() == []
    out = io.StringIO()
    call_command("rebuild_search_index", "--chunk-size", "5", stdout=out)
    output = out.getvalue()
    assert canva_hits()  # the demo "Canva" page is found again
    total = int(re.search(r"rebuilding the search index \((\d+) objects\)", output)[1])
    assert total == IndexEntry.objects.count() > 10
    assert f"100% {total}/{total}" in output
    assert re.search(rf"{total} objects indexed in \d+\.\ds", output)
    assert "\r" not in output  # not a terminal: plain lines, no bar redrawn in place
    assert 2 < len(re.findall(r"^\s*\d+% \d+/\d+ ", output, re.M)) <= 11  # one per 10 %


def test_rebuild_draws_a_bar_on_a_terminal():
    out = FakeTerminal()
    call_command("rebuild_search_index", stdout=out)
    output = out.getvalue()
    assert "\r[" + "#" * 30 + "] 100%" in output
    assert "indexed in" in output


def test_rebuild_rejects_a_bad_option():
    with pytest.raises(CommandError):
        call_command("rebuild_search_index", "--chunk-size", "0", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("rebuild_search_index", "--backend", "nope", stdout=io.StringIO())
