"""Resume codes: the browser's progress, signed so it cannot be forged, and nothing else.

A code must be short enough to copy by hand from one phone to another or read out to a
mediator, so it is binary, not JSON: lesson ids as varint deltas, each quiz result as its
page id, the first two bytes of its block id, score and maximum; format 3 adds the H5P
activities done, each as its row id, score and maximum (255: no score); then a 5-byte HMAC;
written in Crockford's base32 (no I, L, O or U; case and dashes ignored) in groups of four.
Eight lessons make a 26-character code. A code without activities is still written in format
2, so it stays as short; codes of format 2 and of the first format (Django's signed JSON,
~190 characters) are still read."""

import hmac
import re

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from content.models import H5PActivity
from content.quizzes import quiz_children

SALT = "capnum.lessons.progress"
MAX_CODE_LENGTH = 4000
FORMAT = 2
FORMAT_WITH_ACTIVITIES = 3
NO_SCORE = 255
MAC_BYTES = 5  # 40 bits: forging a code would only fake one's own progress
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
GROUP = 4
QUIZ_KEY = re.compile(r"(\d+)-([0-9a-f]{4})[0-9a-f-]*")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class ResumeCodeError(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


NOT_RECOGNISED = _(
    "Ce code n'est pas reconnu : il a peut-être été mal recopié ou modifié. "
    "Vérifiez chaque caractère, ou demandez un nouveau code sur l'appareil où "
    "vous avez suivi les leçons."
)


MAX_LESSONS = MAX_QUIZZES = MAX_ACTIVITIES = 500
MAX_ID = 2**31 - 1  # page ids are 32-bit integers


def clean_progress(data):
    """Keep only the fields of the progress schema (lesson ids, quiz scores, H5P activities
    done with their score or None), whatever the browser sent: anything of another shape is
    dropped, never an error."""
    if not isinstance(data, dict):
        return {"v": 1, "lessons": [], "quizzes": {}, "activities": {}}
    raw_lessons = data.get("lessons")
    lessons = set()
    for value in raw_lessons if isinstance(raw_lessons, list) else []:
        text = str(value) if isinstance(value, int | str) else ""
        if re.fullmatch(r"[0-9]{1,10}", text) and 0 < int(text) <= MAX_ID:
            lessons.add(int(text))
    raw_quizzes = data.get("quizzes")
    quizzes = {}
    for key, score in (raw_quizzes if isinstance(raw_quizzes, dict) else {}).items():
        if (
            len(quizzes) < MAX_QUIZZES
            and isinstance(key, str)
            and re.fullmatch(r"[\w-]{1,80}", key)
            and isinstance(score, list)
            and len(score) == 2
            and all(type(n) is int and 0 <= n <= 1000 for n in score)
        ):
            quizzes[key] = score
    raw_activities = data.get("activities")
    activities = {}
    for key, score in (raw_activities if isinstance(raw_activities, dict) else {}).items():
        if (
            len(activities) < MAX_ACTIVITIES
            and isinstance(key, str)
            and UUID.fullmatch(key)
            and isinstance(score, list)
            and len(score) == 2
            and all(n is None or (type(n) is int and 0 <= n < NO_SCORE) for n in score)
        ):
            activities[key] = score if None not in score else [None, None]
    lessons = sorted(lessons)[:MAX_LESSONS]
    return {"v": 1, "lessons": lessons, "quizzes": quizzes, "activities": activities}


# --- bytes -------------------------------------------------------------------------------


def _varint(number):
    out = bytearray()
    while True:
        byte, number = number & 0x7F, number >> 7
        out.append(byte | (0x80 if number else 0))
        if not number:
            return bytes(out)


def _read_varint(data, pos):
    number = shift = 0
    while True:
        byte = data[pos]  # IndexError on a truncated code
        number |= (byte & 0x7F) << shift
        pos += 1
        if not byte & 0x80:
            return number, pos
        shift += 7
        if shift > 35:
            raise ValueError("varint too long")


def _mac(payload, secret=None):
    return salted_hmac(SALT, payload, secret=secret).digest()[:MAC_BYTES]


def _signed_by_us(payload, mac):
    """The current secret key, or a retired one still listed in SECRET_KEY_FALLBACKS (codes
    written down before a key rotation keep working, as signed cookies do)."""
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(hmac.compare_digest(mac, _mac(payload, secret)) for secret in secrets)


def _to_base32(data):
    bits = len(data) * 8
    pad = -bits % 5
    number = int.from_bytes(data, "big") << pad
    count = (bits + pad) // 5
    chars = [ALPHABET[(number >> (5 * (count - 1 - i))) & 31] for i in range(count)]
    text = "".join(chars)
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def _from_base32(text):
    number = 0
    for char in text:
        number = number * 32 + ALPHABET.index(char)  # ValueError on a foreign character
    bits = len(text) * 5
    size, pad = divmod(bits, 8)
    if pad >= 5 or number & ((1 << pad) - 1):  # no byte string encodes to this
        raise ValueError("bad length or padding")
    return (number >> pad).to_bytes(size, "big")


# --- codes -------------------------------------------------------------------------------


def make_resume_code(progress):
    """A short signed code for {"lessons": [ids], "quizzes": {"<page>-<block>": [score, max]}}.
    Quiz results whose key is not a page id and a block id are left out."""
    data = clean_progress(progress)
    payload = bytearray([FORMAT])
    payload += _varint(len(data["lessons"]))
    previous = 0
    for lesson in data["lessons"]:
        payload += _varint(lesson - previous)
        previous = lesson
    quizzes = []
    for key, (score, maximum) in sorted(data["quizzes"].items()):
        match = QUIZ_KEY.fullmatch(key)
        if match:
            quizzes.append((int(match[1]), bytes.fromhex(match[2]), min(score, 255), maximum))
    quizzes = [q for q in quizzes if q[3] <= 255]
    payload += _varint(len(quizzes))
    for page_id, prefix, score, maximum in quizzes:
        payload += _varint(page_id) + prefix + bytes([score, maximum])
    activities = data["activities"]
    if activities:  # one query: the activities' row ids are shorter than their UUIDs
        ids = dict(H5PActivity.objects.filter(uuid__in=activities).values_list("uuid", "pk"))
        rows = sorted((ids[u], activities[str(u)]) for u in ids)
        if rows:
            payload[0] = FORMAT_WITH_ACTIVITIES
            payload += _varint(len(rows))
            for pk, (score, maximum) in rows:
                no_score = score is None
                payload += _varint(pk) + bytes(
                    [NO_SCORE if no_score else score, NO_SCORE if no_score else maximum]
                )
    return _to_base32(bytes(payload) + _mac(bytes(payload)))


def _read_payload(payload):
    pos = 1
    count, pos = _read_varint(payload, pos)
    lessons, previous = [], 0
    if count > MAX_LESSONS:
        raise ValueError("too many lessons")
    for _i in range(count):
        delta, pos = _read_varint(payload, pos)
        previous += delta
        lessons.append(previous)
    count, pos = _read_varint(payload, pos)
    quizzes = []
    if count > MAX_QUIZZES:
        raise ValueError("too many quizzes")
    for _i in range(count):
        page_id, pos = _read_varint(payload, pos)
        prefix = payload[pos : pos + 2].hex()
        score, maximum = payload[pos + 2], payload[pos + 3]  # IndexError when truncated
        pos += 4
        quizzes.append((page_id, prefix, [score, maximum]))
    activities = []
    if payload[0] == FORMAT_WITH_ACTIVITIES:
        count, pos = _read_varint(payload, pos)
        if count > MAX_ACTIVITIES:
            raise ValueError("too many activities")
        for _i in range(count):
            pk, pos = _read_varint(payload, pos)
            score, maximum = payload[pos], payload[pos + 1]
            pos += 2
            activities.append(
                (pk, [None, None] if NO_SCORE in (score, maximum) else [score, maximum])
            )
    if pos != len(payload):
        raise ValueError("trailing bytes")
    return lessons, quizzes, activities


def _quiz_keys(quizzes):
    """Full quiz keys for (page id, block id prefix, score) triples: one query for the pages.
    A result whose page or quiz no longer exists is dropped."""
    if not quizzes:
        return {}
    ids = {page_id for page_id, _p, _s in quizzes}
    pages = Page.objects.live().public().filter(pk__in=ids).specific()
    block_ids = {page.pk: [str(child.id) for child in quiz_children(page)] for page in pages}
    keys = {}
    for page_id, prefix, score in quizzes:
        found = [b for b in block_ids.get(page_id, []) if b.replace("-", "").startswith(prefix)]
        if len(found) == 1:
            keys[f"{page_id}-{found[0]}"] = score
    return keys


def _activity_keys(activities):
    """UUIDs for (row id, score) pairs, in one query; a deleted activity is dropped."""
    if not activities:
        return {}
    uuids = dict(
        H5PActivity.objects.filter(pk__in={pk for pk, _s in activities}).values_list("pk", "uuid")
    )
    return {str(uuids[pk]): score for pk, score in activities if pk in uuids}


def read_resume_code(code):
    code = (code or "").strip()
    if not code:
        raise ResumeCodeError(_("Saisissez votre code de reprise."))
    if len(code) > MAX_CODE_LENGTH:
        raise ResumeCodeError(_("Ce code est trop long : vérifiez que vous l'avez bien copié."))
    if ":" in code:  # first format: Django's signed JSON
        try:
            return clean_progress(signing.loads(code, salt=SALT))
        except signing.BadSignature:
            raise ResumeCodeError(NOT_RECOGNISED) from None
    text = re.sub(r"[\s-]", "", code).upper().translate(LOOKALIKES)
    try:
        data = _from_base32(text)
        payload, mac = data[:-MAC_BYTES], data[-MAC_BYTES:]
        if not payload or payload[0] not in (FORMAT, FORMAT_WITH_ACTIVITIES):
            raise ValueError("unknown format")
        if not _signed_by_us(payload, mac):
            raise ValueError("bad signature")
        lessons, quizzes, activities = _read_payload(payload)
    except (ValueError, IndexError):
        raise ResumeCodeError(NOT_RECOGNISED) from None
    return {
        "v": 1,
        "lessons": sorted(set(lessons)),
        "quizzes": _quiz_keys(quizzes),
        "activities": _activity_keys(activities),
    }
