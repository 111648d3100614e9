"""Queries that used to crash the search page: a short query whose Unicode normalisation
expands into many words (RecursionError on PostgreSQL), and many one-digit words (FTS5
parser overflow on SQLite). The SQLite case also runs against a real SQLite server in
tests/resilience/test_sqlite_workers.py, whatever database the suite uses."""

import unicodedata

import pytest

from search.text import MAX_QUERY_LENGTH, MAX_QUERY_WORDS, clean_query, words

EXPANDING = "ﷺ" * 50  # one character, 18 after NFKC normalisation (four Arabic words)
DIGITS = " ".join("1234567890"[i % 10] for i in range(100))


def test_expanding_query_is_normalised_before_the_caps():
    assert len(unicodedata.normalize("NFKC", EXPANDING)) == 900  # what reached the backend
    cleaned = clean_query(EXPANDING)
    assert cleaned == unicodedata.normalize("NFKC", cleaned)
    assert len(cleaned) <= MAX_QUERY_LENGTH
    assert len(words(cleaned)) <= MAX_QUERY_WORDS


def test_many_words_are_capped_by_words_not_only_by_length():
    cleaned = clean_query(DIGITS)
    assert cleaned.split() == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"][:MAX_QUERY_WORDS]
    # Words glued by punctuation count as the search backends count them.
    glued = ".".join(["7"] * 100)
    assert len(clean_query(glued).split(".")) == MAX_QUERY_WORDS


def test_ordinary_queries_are_unchanged():
    assert clean_query("  arnaque   SMS\tbanque ") == "arnaque SMS banque"
    assert clean_query("ﬁchier") == "fichier"  # ligature folded: now it matches


@pytest.mark.django_db
@pytest.mark.parametrize("query", [EXPANDING, DIGITS], ids=["nfkc-expansion", "100-digits"])
def test_crash_queries_answer_200(client, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    assert 'role="status"' in response.content.decode()
