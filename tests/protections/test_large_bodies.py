"""Large anonymous bodies are refused before they are read (issue 16, item 8): nothing is
spooled to a temporary file, the stream is not even read."""

import uuid

import pytest
from django.conf import settings
from django.test import override_settings

pytestmark = pytest.mark.django_db

BOUNDARY = "capnumboundary"
MB = 1024 * 1024


class StreamedUpload:
    """A multipart body of `size` bytes (one file field) produced as it is read, so the test
    holds none of it in memory; counts what the server read."""

    def __init__(self, size):
        head = (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="piece"; '
            f'filename="gros.bin"\r\nContent-Type: application/octet-stream\r\n\r\n'
        ).encode()
        tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self.parts = [head, None, tail]
        self.filler = size - len(head) - len(tail)
        self.size = size
        self.read_bytes = 0

    def read(self, n=-1):
        if n is None or n < 0:
            n = self.size - self.read_bytes
        out = bytearray()
        while len(out) < n and self.parts:
            part = self.parts[0]
            if part is None:
                take = min(n - len(out), self.filler)
                out += b"x" * take
                self.filler -= take
                if not self.filler:
                    self.parts.pop(0)
            else:
                take = part[: n - len(out)]
                out += take
                rest = part[len(take) :]
                if rest:
                    self.parts[0] = rest
                else:
                    self.parts.pop(0)
        self.read_bytes += len(out)
        return bytes(out)

    def readline(self, size=-1):
        return self.read(size if size and size > 0 else 64 * 1024)


def post_streamed(client, path, size):
    body = StreamedUpload(size)
    environ = {
        "wsgi.input": body,
        "CONTENT_LENGTH": str(size),
        "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
    }
    response = client.generic("POST", path, **environ)
    return response, body


@pytest.fixture
def temp_dir(tmp_path):
    with override_settings(FILE_UPLOAD_TEMP_DIR=str(tmp_path)):
        yield tmp_path


@pytest.fixture
def spooled(monkeypatch):
    """Sizes of the temporary upload files Django creates while a request is handled (they
    are deleted when the request ends, so the folder alone would not show them)."""
    from django.core.files import uploadedfile

    sizes = []
    original_close = uploadedfile.TemporaryUploadedFile.close

    def close(self):
        sizes.append(self.size)
        return original_close(self)

    monkeypatch.setattr(uploadedfile.TemporaryUploadedFile, "close", close)
    return sizes


def endpoints(home):
    # The size is checked before routing: any activity id shows the refusal.
    quiz_page = home.get_descendants().live().first()
    return {
        "h5p": f"/h5p/{uuid.uuid4()}/event/",
        "report": "/compte-rendu-de-seance/",
        "quiz": f"/quiz/{quiz_page.pk}/",
    }


@pytest.mark.parametrize("endpoint", ["h5p", "report", "quiz"])
def test_a_50_mb_anonymous_post_is_refused_unread(client, home, temp_dir, spooled, endpoint):
    response, body = post_streamed(client, endpoints(home)[endpoint], 50 * MB)
    assert response.status_code == 413
    assert "trop volumineux" in response.content.decode()
    assert body.read_bytes == 0
    assert spooled == []
    assert list(temp_dir.iterdir()) == []


def test_without_the_limit_the_body_was_spooled_to_disk(client, home, temp_dir, spooled):
    """The problem reproduced (smaller, 5 MB, for speed): without the middleware, the session
    report's form parsing reads the whole body into a temporary file."""
    middleware = [
        m for m in settings.MIDDLEWARE if m != "capnum.middleware.AnonymousBodySizeLimitMiddleware"
    ]
    with override_settings(MIDDLEWARE=middleware):
        response, body = post_streamed(client, "/compte-rendu-de-seance/", 5 * MB)
    assert response.status_code != 413
    assert body.read_bytes == 5 * MB
    assert spooled and spooled[0] > 4 * MB


def test_the_h5p_event_endpoint_has_a_smaller_limit(client, home, temp_dir):
    response, body = post_streamed(client, endpoints(home)["h5p"], 8 * 1024)
    assert response.status_code == 413
    assert body.read_bytes == 0


def test_ordinary_anonymous_posts_still_pass(client, home):
    response = client.post("/compte-rendu-de-seance/", {"school": "Collège"})
    assert response.status_code == 400  # the form's own errors, not a size refusal


def test_editors_keep_their_upload_limits(admin_client, temp_dir):
    response, body = post_streamed(admin_client, "/compte-rendu-de-seance/", 3 * MB)
    assert response.status_code != 413
    assert body.read_bytes == 3 * MB
